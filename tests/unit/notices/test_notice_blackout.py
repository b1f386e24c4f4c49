"""The blackout calendar: the shipped files read, windows touching a period warned about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ops.clock import LOCAL_TZ
from ops.notices.blackout import (
    BlackoutError,
    Certainty,
    Scope,
    blackout_exception,
    blackout_warning,
    load_calendar,
)
from ops.notices.compliance import ExceptionKind
from tests.unit.notice_builders import local


def test_the_shipped_calendars_cover_2026_and_2027_with_marked_certainty() -> None:
    periods = load_calendar().periods
    years = {p.first.year for p in periods}
    assert {2026, 2027} <= years
    by_name = {(p.first, p.name): p for p in periods}
    labour = by_name[(date(2026, 4, 30), "Ngày Chiến thắng và Quốc tế Lao động")]
    assert labour.last == date(2026, 5, 1) and labour.certainty is Certainty.CONFIRMED
    tet = next(p for p in periods if p.name.startswith("Tết Nguyên đán Bính Ngọ"))
    assert tet.first == date(2026, 2, 17) and tet.certainty is Certainty.COMPUTED
    assert any(p.first == date(2027, 9, 2) for p in periods)


def test_a_window_touching_a_holiday_is_warned_about() -> None:
    calendar = load_calendar()
    hits = calendar.conflicts(local(29, 22, month=4), local(30, 4, month=4), LOCAL_TZ)
    assert [p.name for p in hits] == ["Ngày Chiến thắng và Quốc tế Lao động"]
    assert blackout_warning(hits[0]) == (
        "Trùng thời gian hạn chế cắt điện: Ngày Chiến thắng và Quốc tế Lao động, "
        "30/04/2026 – 01/05/2026"
    )
    assert calendar.conflicts(local(28, 7, month=4), local(28, 11, month=4), LOCAL_TZ) == ()
    # A window ending at midnight does not touch the next day.
    assert calendar.conflicts(local(29, 20, month=4), local(30, 0, month=4), LOCAL_TZ) == ()


def test_exam_days_warn_only_for_feeders_serving_exam_sites() -> None:
    hits = load_calendar().conflicts(local(11, 7), local(11, 11), LOCAL_TZ)
    (exam,) = hits
    assert exam.scope is Scope.EXAM_SITES and exam.certainty is Certainty.UNCONFIRMED
    assert "(chỉ các tuyến cấp điện cho điểm thi) [ngày chưa xác nhận]" in blackout_warning(exam)


def test_an_override_becomes_a_compliance_exception() -> None:
    hits = load_calendar().conflicts(local(2, 7, month=9), local(2, 9, month=9), LOCAL_TZ)
    exception = blackout_exception(7, hits, "Sửa chữa khẩn cấp", local(25, 8, month=8))
    assert exception.kind is ExceptionKind.BLACKOUT
    assert "Quốc khánh" in exception.detail


def test_an_office_adds_its_own_directive_file(tmp_path: Path) -> None:
    (tmp_path / "blackout-directives.toml").write_text(
        '[[period]]\nfirst = 2026-06-20\nname = "Chỉ đạo: lễ hội"\nkind = "directive"\n'
        'certainty = "confirmed"\n',
        encoding="utf-8",
    )
    calendar = load_calendar([tmp_path])
    assert [p.name for p in calendar.conflicts(local(20, 7), local(20, 9), LOCAL_TZ)] == [
        "Chỉ đạo: lễ hội"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[period]]\nname = "x"\nkind = "directive"\ncertainty = "confirmed"\n', "'first'"),
        (
            '[[period]]\nfirst = 2026-06-20\nlast = 2026-06-19\nname = "x"\n'
            'kind = "directive"\ncertainty = "confirmed"\n',
            "'last'",
        ),
        (
            '[[period]]\nfirst = 2026-06-20\nname = "x"\nkind = "party"\ncertainty = "confirmed"\n',
            "'kind' must be one of",
        ),
        ('[[period]]\nfirst = 2026-06-20\nname = "x"\nkind = "directive"\n', "'certainty'"),
        ('[[period]]\nfirst = 2026-06-20\nnmae = "x"\n', "unknown key"),
        ("[[period]\n", "cannot read"),
    ],
)
def test_a_bad_calendar_file_is_refused_naming_the_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "blackout-bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BlackoutError, match=message) as error:
        load_calendar([tmp_path])
    assert "blackout-bad.toml" in str(error.value)
