"""The outage journal: append-only lines with field time, entry time and who entered them.

Field reports arrive late, so every line has two times: `occurred_at` (when it happened in
the field) and `entered_at` (when the dispatcher typed it). A line is never edited: a mistake
is put right by a new CORRECTION line that names the line it corrects, and the timeline shows
both, the corrected one marked as superseded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ops.errors import InvalidOperation
from ops.outages.records import JournalEntry

# Workstation clocks and the field's watches disagree by a little; more than this in the
# future is a typing mistake (a wrong day or hour), not a late clock.
FUTURE_TOLERANCE = timedelta(minutes=2)

EntryData = tuple[tuple[str, str], ...]  # structured details for the console to render


class EntryKind(StrEnum):
    """What a journal line records."""

    STATUS_CHANGE = "status_change"
    DEVICE_OPERATION = "device_operation"
    ETR_CHANGE = "etr_change"
    ASSIGNMENT = "assignment"
    REMARK = "remark"
    CORRECTION = "correction"
    DEADLINE_BREACH_REASON = "deadline_breach_reason"


_NEEDS_TEXT = frozenset({EntryKind.REMARK, EntryKind.CORRECTION, EntryKind.DEADLINE_BREACH_REASON})


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A journal line before the store gives it an id."""

    outage_id: int
    kind: EntryKind
    text: str
    occurred_at: datetime
    entered_at: datetime
    entered_by: str
    corrects: int | None = None
    data: EntryData = ()


def new_entry(
    outage_id: int,
    kind: EntryKind,
    text: str,
    *,
    occurred_at: datetime,
    entered_at: datetime,
    entered_by: str,
    corrects: int | None = None,
    data: EntryData = (),
) -> NewEntry:
    """A checked journal line: aware times, nothing from the future, text where it matters."""
    for name, at in (("occurred_at", occurred_at), ("entered_at", entered_at)):
        if at.tzinfo is None:
            raise ValueError(f"journal {name} must be an aware datetime")
    if occurred_at > entered_at + FUTURE_TOLERANCE:
        raise InvalidOperation(
            "a journal entry cannot record something that has not happened yet",
            occurred_at=occurred_at,
            entered_at=entered_at,
        )
    if kind in _NEEDS_TEXT and not text.strip():
        raise InvalidOperation("a {kind} entry needs text", kind=kind)
    if (kind is EntryKind.CORRECTION) != (corrects is not None):
        raise InvalidOperation(
            "a correction names the entry it corrects, and only a correction does",
            kind=kind,
        )
    if not entered_by:
        raise InvalidOperation("a journal entry needs the user who entered it")
    return NewEntry(
        outage_id, kind, text.strip(), occurred_at, entered_at, entered_by, corrects, data
    )


def correction_of(
    entry: JournalEntry,
    text: str,
    *,
    entered_at: datetime,
    entered_by: str,
    occurred_at: datetime | None = None,
) -> NewEntry:
    """A new line correcting `entry`; its field time is the corrected one (default: unchanged)."""
    return new_entry(
        entry.outage_id,
        EntryKind.CORRECTION,
        text,
        occurred_at=entry.occurred_at if occurred_at is None else occurred_at,
        entered_at=entered_at,
        entered_by=entered_by,
        corrects=entry.entry_id,
    )


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One line of an outage's timeline and the lines that correct it."""

    entry: JournalEntry
    corrected_by: tuple[int, ...]  # entry ids, oldest first

    @property
    def superseded(self) -> bool:
        return bool(self.corrected_by)

    @property
    def entered_late_by(self) -> timedelta:
        """How long after the fact the line was entered (never negative)."""
        return max(timedelta(0), self.entry.entered_at - self.entry.occurred_at)


def timeline(entries: Iterable[JournalEntry]) -> tuple[TimelineItem, ...]:
    """An outage's journal in field-time order, each line with the corrections made to it."""
    ordered = sorted(entries, key=lambda e: (e.occurred_at, e.entry_id))
    corrections: dict[int, list[int]] = {}
    for e in sorted(ordered, key=lambda e: e.entry_id):
        if e.corrects is not None:
            corrections.setdefault(e.corrects, []).append(e.entry_id)
    return tuple(TimelineItem(e, tuple(corrections.get(e.entry_id, ()))) for e in ordered)
