"""The outage journal (`ops.stores.JournalRepository`): rows are inserted, never updated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.models import OutageEventRow
from ops.outages.journal import NewEntry
from ops.outages.records import JournalEntry

_T = cast(Table, OutageEventRow.__table__)
_COLUMNS = (
    _T.c.entry_id, _T.c.outage_id, _T.c.kind, _T.c.text, _T.c.occurred_at, _T.c.entered_at,
    _T.c.entered_by, _T.c.corrects, _T.c.data,
)  # fmt: skip


class JournalRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def append(self, entry: NewEntry) -> JournalEntry:
        entry_id = self._s.execute(
            insert(_T)
            .values(
                outage_id=entry.outage_id,
                kind=entry.kind.value,
                text=entry.text,
                occurred_at=entry.occurred_at,
                entered_at=entry.entered_at,
                entered_by=entry.entered_by,
                corrects=entry.corrects,
                # Structured details as a JSON object, in the order the service gave them.
                data=dict(entry.data) if entry.data else None,
            )
            .returning(_T.c.entry_id)
        ).scalar_one()
        return JournalEntry(
            entry_id, entry.outage_id, entry.kind.value, entry.text, entry.occurred_at,
            entry.entered_at, entry.entered_by, entry.corrects, entry.data,
        )  # fmt: skip

    def get(self, entry_id: int) -> JournalEntry | None:
        row = self._s.execute(select(*_COLUMNS).where(_T.c.entry_id == entry_id)).first()
        return None if row is None else _entry(row)

    def for_outage(self, outage_id: int) -> Sequence[JournalEntry]:
        """The outage's lines in the order they were entered."""
        return [
            _entry(r)
            for r in self._s.execute(
                select(*_COLUMNS).where(_T.c.outage_id == outage_id).order_by(_T.c.entry_id)
            )
        ]


def _entry(r: Any) -> JournalEntry:
    return JournalEntry(
        r.entry_id, r.outage_id, r.kind, r.text, r.occurred_at, r.entered_at, r.entered_by,
        r.corrects, _data(r.data),
    )  # fmt: skip


def _data(stored: object) -> tuple[tuple[str, str], ...]:
    """The JSON object back as pairs; anything else (NULL, a hand-edited row) as none."""
    if not isinstance(stored, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in stored.items())
