"""Journal lines read in the interface language, from their structured data, never as codes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ops.outages.records import JournalEntry
from ops.wording.journal import describe

AT = datetime(2026, 12, 2, 2, 5, tzinfo=UTC)  # 09:05 in Ho Chi Minh City


def line(kind: str, text: str, **data: str) -> JournalEntry:
    return JournalEntry(1, 7, kind, text, AT, AT, "dd1", None, tuple(data.items()))


@pytest.mark.parametrize(
    ("entry", "vi", "en"),
    [
        (
            line("status_change", "recorded as confirmed", to="confirmed"),
            "Ghi nhận: Đã xác nhận",
            "Recorded: Confirmed",
        ),
        (
            line("status_change", "confirmed → restored", **{"from": "confirmed"}, to="restored"),
            "Đã xác nhận → Đã khôi phục",
            "Confirmed → Restored",
        ),
        (
            line("device_operation", "REC-2: close", device="R2", action="close",
                 darkened="0", restored="1250", still_dark="40"),
            "REC-2: đóng; cấp lại điện 1.250 KH; còn 40 KH mất điện",
            "REC-2: closed; 1,250 customers restored; 40 still off",
        ),
        (
            line("assignment", "Đội Cao Lãnh 1: enroute", crew="DOI-03", change="status",
                 status="enroute"),
            "Đội Cao Lãnh 1: Đang di chuyển",
            "Đội Cao Lãnh 1: En route",
        ),
        (
            line("etr_change", "ETR 2026-12-02T05:30:00+00:00 (dispatcher)",
                 etr="2026-12-02T05:30:00+00:00", previous="", source="dispatcher"),
            "Dự kiến có điện lúc 12:30 02/12 (điều độ viên)",
            "Expected restoration 12:30 02/12 (dispatcher)",
        ),
    ],
)  # fmt: skip
def test_a_line_reads_in_each_language_without_codes(entry: JournalEntry, vi: str, en: str):
    assert describe(entry, "vi") == vi
    assert describe(entry, "en") == en


def test_crew_names_replace_the_stored_name():
    entry = line("assignment", "DOI-03 assigned", crew="DOI-03", change="assigned", status="x")
    assert describe(entry, "en", crew_names={"DOI-03": "Line crew 3"}) == "Line crew 3 assigned"


def test_a_line_without_data_or_with_unknown_codes_keeps_its_text():
    assert describe(line("status_change", "old text"), "vi") == "old text"
    assert describe(line("status_change", "odd", to="nonsense"), "en") == "odd"
    assert describe(line("remark", "Cây đổ gần trụ 12"), "en") == "Cây đổ gần trụ 12"
