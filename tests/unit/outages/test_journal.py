"""The journal: two times per line, corrections as new lines, the timeline with both."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ops.errors import InvalidOperation
from ops.outages.journal import EntryKind, correction_of, new_entry, timeline
from ops.outages.records import JournalEntry
from tests.unit.operation_builders import at


def entry(entry_id: int, occurred: str, entered: str, kind: EntryKind = EntryKind.REMARK,
          corrects: int | None = None) -> JournalEntry:  # fmt: skip
    return JournalEntry(
        entry_id, 1, kind.value, f"line {entry_id}", at(occurred), at(entered), "dv.an", corrects
    )


def test_the_kinds() -> None:
    assert {k.value for k in EntryKind} == {
        "status_change", "device_operation", "etr_change", "assignment", "remark",
        "correction", "deadline_breach_reason",
    }  # fmt: skip


def test_a_late_field_report_keeps_both_times() -> None:
    line = new_entry(
        1, EntryKind.DEVICE_OPERATION, "FU-1 replaced",
        occurred_at=at("15:10"), entered_at=at("15:40"), entered_by="dv.an",
    )  # fmt: skip
    assert (line.occurred_at, line.entered_at) == (at("15:10"), at("15:40"))


def test_nothing_from_the_future() -> None:
    with pytest.raises(InvalidOperation, match="not happened yet"):
        new_entry(
            1, EntryKind.REMARK, "x",
            occurred_at=at("16:00"), entered_at=at("15:00"), entered_by="dv.an",
        )  # fmt: skip
    # a watch a minute fast is not refused
    new_entry(
        1, EntryKind.REMARK, "x",
        occurred_at=at("15:01"), entered_at=at("15:00"), entered_by="dv.an",
    )  # fmt: skip


@pytest.mark.parametrize("kind", [EntryKind.REMARK, EntryKind.DEADLINE_BREACH_REASON])
def test_text_is_required_where_it_is_the_content(kind: EntryKind) -> None:
    with pytest.raises(InvalidOperation, match="needs text"):
        new_entry(1, kind, "  ", occurred_at=at("15:00"), entered_at=at("15:00"), entered_by="a")


def test_only_a_correction_names_another_entry() -> None:
    with pytest.raises(InvalidOperation, match="only a correction"):
        new_entry(
            1, EntryKind.REMARK, "x", occurred_at=at("15:00"), entered_at=at("15:00"),
            entered_by="a", corrects=3,
        )  # fmt: skip
    with pytest.raises(InvalidOperation, match="names the entry"):
        new_entry(
            1, EntryKind.CORRECTION, "x", occurred_at=at("15:00"), entered_at=at("15:00"),
            entered_by="a",
        )  # fmt: skip


def test_a_correction_is_a_new_line_and_the_timeline_shows_both() -> None:
    wrong = entry(1, "15:10", "15:12", EntryKind.DEVICE_OPERATION)
    fix = correction_of(
        wrong, "fuse replaced at 15:40, not 15:10", entered_at=at("16:00"),
        entered_by="tc.binh", occurred_at=at("15:40"),
    )  # fmt: skip
    assert fix.corrects == 1 and fix.kind is EntryKind.CORRECTION
    assert fix.occurred_at == at("15:40")
    stored_fix = JournalEntry(
        3, 1, fix.kind.value, fix.text, fix.occurred_at, fix.entered_at, fix.entered_by, 1
    )
    items = timeline([stored_fix, entry(2, "15:00", "15:01"), wrong])
    assert [i.entry.entry_id for i in items] == [2, 1, 3]  # field-time order
    assert items[1].superseded and items[1].corrected_by == (3,)
    assert not items[0].superseded
    assert items[1].entered_late_by == timedelta(minutes=2)
    assert wrong.text == "line 1"  # the corrected line itself is untouched
