"""Shifts from the settings and each crew's work in one, with figures worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from ops.crews.shifts import AssignmentInterval, CrewWorkload, ShiftPattern, ShiftWindow, workload
from ops.settings import SettingsError, load_settings
from tests.unit.operation_builders import at

JUNE_1, JUNE_2 = date(2026, 6, 1), date(2026, 6, 2)
STANDARD = ShiftPattern.parse("06:00,14:00,22:00")
NIGHT = ShiftWindow(at("22:00", JUNE_1), at("06:00", JUNE_2))


def minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


@pytest.mark.parametrize(
    ("now", "start", "end"),
    [
        (at("03:00", JUNE_2), at("22:00", JUNE_1), at("06:00", JUNE_2)),  # after midnight
        (at("22:00", JUNE_1), at("22:00", JUNE_1), at("06:00", JUNE_2)),  # the start belongs
        (at("05:59", JUNE_2), at("22:00", JUNE_1), at("06:00", JUNE_2)),
        (at("06:00", JUNE_2), at("06:00", JUNE_2), at("14:00", JUNE_2)),
        (at("13:59", JUNE_2), at("06:00", JUNE_2), at("14:00", JUNE_2)),
        (at("00:00", JUNE_2), at("22:00", JUNE_1), at("06:00", JUNE_2)),
    ],
)
def test_the_shift_at_an_instant(now, start, end) -> None:  # type: ignore[no-untyped-def]
    window = STANDARD.shift_at(now)
    assert (window.start, window.end) == (start, end)
    assert window.length == timedelta(hours=8)


def test_other_patterns() -> None:
    two = ShiftPattern.parse(" 22:00 , 6:00 ")  # any order, spaces, one-digit hours
    day = two.shift_at(at("12:00", JUNE_1))
    assert (day.start, day.length) == (at("06:00", JUNE_1), timedelta(hours=16))
    night = two.shift_at(at("01:00", JUNE_2))
    assert (night.start, night.length) == (at("22:00", JUNE_1), timedelta(hours=8))
    whole_day = ShiftPattern.parse("07:30").shift_at(at("07:00", JUNE_2))
    assert (whole_day.start, whole_day.end) == (at("07:30", JUNE_1), at("07:30", JUNE_2))
    # Month and year ends are only dates: the night of 31 December runs into 1 January.
    new_year = STANDARD.shift_at(at("02:00", date(2027, 1, 1)))
    assert (new_year.start, new_year.end) == (
        at("22:00", date(2026, 12, 31)),
        at("06:00", date(2027, 1, 1)),
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "not a time like"),
        ("morning", "not a time like"),
        ("06:00,25:00", "not a time of day"),
        ("06:60", "not a time of day"),
        ("06:0", "not a time like"),
        ("06:00,14:00,06:00", "same time twice"),
    ],
)
def test_a_bad_pattern_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        ShiftPattern.parse(text)


def test_the_settings_file_checks_the_pattern(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('shift_starts = "06:00,14:00,26:00"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="shift_starts"):
        load_settings(path)
    path.write_text('shift_starts = "07:00,19:00"\ncrew_positions_file = "/x.csv"\n')
    settings = load_settings(path)
    assert ShiftPattern.parse(settings.shift_starts).shift_at(at("20:00", JUNE_1)).length == (
        timedelta(hours=12)
    )
    assert settings.crew_positions_file == "/x.csv"


def a(crew: str, outage: int, start: str, start_day: date, end: str | None = None,
      end_day: date | None = None) -> AssignmentInterval:  # fmt: skip
    released = None if end is None else at(end, end_day or start_day)
    return AssignmentInterval(crew, outage, at(start, start_day), released)


NIGHT_WORK = [
    # Crew A: 22:00–23:10 (70 min, clipped at the shift start) and 23:00–01:40 (160 min)
    # overlap 23:00–23:10, so 22:00–01:40 = 220 min; then 02:30 until now (03:00) = 30 min.
    a("A", 1, "20:30", JUNE_1, "23:10", JUNE_1),
    a("A", 2, "23:00", JUNE_1, "01:40", JUNE_2),
    a("A", 3, "02:30", JUNE_2),
    # Crew B: released exactly when the shift began (nothing), then open since 21:00: 5 h.
    a("B", 4, "14:00", JUNE_1, "22:00", JUNE_1),
    a("B", 5, "21:00", JUNE_1),
    # Crew D: a short job nested inside a longer one: 00:00–02:00 = 2 h, two outages.
    a("D", 6, "00:00", JUNE_2, "02:00", JUNE_2),
    a("D", 7, "00:30", JUNE_2, "01:00", JUNE_2),
    # Crew E: worked the evening shift only.
    a("E", 8, "15:00", JUNE_1, "21:59", JUNE_1),
]


def test_workload_in_the_night_shift() -> None:
    assert workload(NIGHT_WORK, NIGHT, now=at("03:00", JUNE_2)) == {
        "A": CrewWorkload(3, minutes(250)),
        "B": CrewWorkload(1, minutes(300)),
        "D": CrewWorkload(2, minutes(120)),
    }


def test_workload_of_a_shift_that_is_over_and_of_one_just_begun() -> None:
    morning = STANDARD.shift_at(at("06:00", JUNE_2))
    # At 15:00 the morning is over: B's open job counts 06:00–14:00 only.
    assert workload(NIGHT_WORK, morning, now=at("15:00", JUNE_2)) == {
        "A": CrewWorkload(1, minutes(480)),
        "B": CrewWorkload(1, minutes(480)),
    }
    # A crew assigned this very minute has one outage and no time yet.
    just = [a("F", 9, "06:00", JUNE_2)]
    assert workload(just, morning, now=at("06:00", JUNE_2)) == {"F": CrewWorkload(1, minutes(0))}
