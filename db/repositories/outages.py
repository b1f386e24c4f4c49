"""Outages: the board's reads, and the `ops.stores.OutageRepository` a service writes through.

Reads and writes are Core statements on the table, never ORM objects: an update is one
`UPDATE … WHERE outage_id = ? AND version = ?`, and nothing in a session's identity map can
go stale behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, or_, select, update
from sqlalchemy.orm import Session

from db.models import CrewAssignmentRow, OutageEventRow, OutageRow
from db.repositories.assignments import crews_of, set_crews_of_outage
from db.repositories.journal import JournalRepository
from db.repositories.references import next_reference
from ops.clock import Clock, SystemClock, to_local
from ops.errors import NotFound, StaleEdit
from ops.outages.lifecycle import FINAL_STATUSES
from ops.outages.records import (
    OPEN_STATUSES,
    EtrConfidence,
    EtrSource,
    JournalEntry,
    Outage,
    OutageKind,
    OutageStatus,
)

_T = cast(Table, OutageRow.__table__)
_FINAL = [s.value for s in FINAL_STATUSES]


class OutageRepository:
    def __init__(self, session: Session, clock: Clock | None = None) -> None:
        self._s = session
        self._clock = clock or SystemClock()  # when assignments open and close, when closed

    # --- ops.stores.OutageRepository ------------------------------------------------------

    def get(self, outage_id: int) -> Outage | None:
        row = self._s.execute(select(_T).where(_T.c.outage_id == outage_id)).first()
        if row is None:
            return None
        return _outage(row, crews_of(self._s, [outage_id]).get(outage_id, ()))

    def list_active(self) -> Sequence[Outage]:
        """Outages neither closed nor cancelled, oldest first."""
        return self._read(select(_T).where(_T.c.status.not_in(_FINAL)).order_by(_T.c.outage_id))

    def add(self, outage: Outage) -> Outage:
        reference = next_reference(self._s, to_local(outage.started_at).year)
        outage_id = self._s.execute(
            insert(_T)
            .values(reference=reference, version=1, **_values(outage))
            .returning(_T.c.outage_id)
        ).scalar_one()
        crew_ids = set_crews_of_outage(self._s, outage_id, outage.crew_ids, self._clock.now())
        return _stored(outage, outage_id, reference, 1, crew_ids)

    def update(self, outage: Outage, *, expected_version: int) -> Outage:
        values: dict[str, Any] = _values(outage)
        if outage.status in FINAL_STATUSES:
            values["closed_at"] = func.coalesce(_T.c.closed_at, self._clock.now())
        result = self._s.execute(
            update(_T)
            .where(_T.c.outage_id == outage.outage_id, _T.c.version == expected_version)
            .values(version=expected_version + 1, **values)
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise self._refusal(outage, expected_version)
        crew_ids = set_crews_of_outage(
            self._s, outage.outage_id, outage.crew_ids, self._clock.now()
        )
        return _stored(outage, outage.outage_id, outage.reference, expected_version + 1, crew_ids)

    # --- the board and the detail view ---------------------------------------------------

    def list_board(self, restored_since: datetime) -> list[Outage]:
        """Open outages, plus those restored or closed since `restored_since`, newest first."""
        open_values = [s.value for s in OPEN_STATUSES]
        return self._read(
            select(_T)
            .where(or_(_T.c.status.in_(open_values), _T.c.restored_at >= restored_since))
            .order_by(_T.c.started_at.desc())
        )

    def count_open(self) -> int:
        open_values = [s.value for s in OPEN_STATUSES]
        return int(self._s.scalar(select(func.count()).where(_T.c.status.in_(open_values))) or 0)

    def journal(self, outage_id: int) -> list[JournalEntry]:
        """The outage's journal in field-time order (ties in the order entered)."""
        entries = JournalRepository(self._s).for_outage(outage_id)
        return sorted(entries, key=lambda e: (e.occurred_at, e.entry_id))

    def append_journal(self, entry: JournalEntry) -> None:
        """Store a line as given, unchecked (demo data and tests; services use the journal)."""
        self._s.add(
            OutageEventRow(
                outage_id=entry.outage_id,
                kind=entry.kind,
                text=entry.text,
                occurred_at=entry.occurred_at,
                entered_at=entry.entered_at,
                entered_by=entry.entered_by,
                corrects=entry.corrects,
                data=dict(entry.data) if entry.data else None,
            )
        )

    def add_many(self, outages: Iterable[Outage]) -> None:
        """Store outages with the ids and references they carry (demo data, imports)."""
        outages = list(outages)
        if not outages:
            return
        self._s.execute(
            insert(_T),
            [
                {"outage_id": o.outage_id, "reference": o.reference, "version": o.version,
                 **_values(o)}
                for o in outages
            ],
        )  # fmt: skip
        assignments = [
            {
                "crew_id": crew_id,
                "outage_id": o.outage_id,
                "assigned_at": o.reported_at,
                "released_at": None,
            }
            for o in outages
            for crew_id in o.crew_ids
        ]
        if assignments:
            self._s.execute(insert(CrewAssignmentRow), assignments)

    # --- helpers --------------------------------------------------------------------------

    def _read(self, query: Any) -> list[Outage]:
        rows = self._s.execute(query).all()
        crews = crews_of(self._s, [r.outage_id for r in rows])
        return [_outage(r, crews.get(r.outage_id, ())) for r in rows]

    def _refusal(self, outage: Outage, expected_version: int) -> Exception:
        stored = self._s.execute(
            select(_T.c.version, _T.c.reference).where(_T.c.outage_id == outage.outage_id)
        ).first()
        if stored is None:
            return NotFound("outage {outage_id} does not exist", outage_id=outage.outage_id)
        return StaleEdit(
            "outage {reference} was changed by someone else; "
            "look at its present state and try again",
            reference=stored.reference,
            outage_id=outage.outage_id,
            seen=expected_version,
            stored=stored.version,
        )


def _values(o: Outage) -> dict[str, Any]:
    """The columns an outage record sets (not its id, reference or version)."""
    return {
        "kind": o.kind.value,
        "status": o.status.value,
        "device_id": o.device_id,
        "feeder_id": o.feeder_id,
        "cause": o.cause,
        "started_at": o.started_at,
        "reported_at": o.reported_at,
        "restored_at": o.restored_at,
        "etr": o.etr,
        "etr_source": o.etr_source.value if o.etr_source else None,
        "etr_confidence": o.etr_confidence.value if o.etr_confidence else None,
        "etr_changes": o.etr_changes,
        "customers_affected": o.customers_affected,
        "customers_out": o.customers_out,
        "priority_customers": o.priority_customers,
        "lon": o.position[0] if o.position else None,
        "lat": o.position[1] if o.position else None,
        "planned_outage_id": o.planned_outage_id,
    }


def _stored(
    o: Outage, outage_id: int, reference: str, version: int, crew_ids: tuple[str, ...]
) -> Outage:
    """The record as the store now holds it (what a read would give back)."""
    return replace(o, outage_id=outage_id, reference=reference, version=version, crew_ids=crew_ids)


def _outage(r: Any, crew_ids: tuple[str, ...]) -> Outage:
    position = (r.lon, r.lat) if r.lon is not None and r.lat is not None else None
    return Outage(
        outage_id=r.outage_id,
        reference=r.reference,
        kind=OutageKind(r.kind),
        status=OutageStatus(r.status),
        device_id=r.device_id,
        feeder_id=r.feeder_id,
        cause=r.cause,
        started_at=r.started_at,
        reported_at=r.reported_at,
        restored_at=r.restored_at,
        etr=r.etr,
        etr_source=EtrSource(r.etr_source) if r.etr_source else None,
        etr_confidence=EtrConfidence(r.etr_confidence) if r.etr_confidence else None,
        etr_changes=r.etr_changes,
        customers_affected=r.customers_affected,
        customers_out=r.customers_out,
        priority_customers=r.priority_customers,
        position=position,
        crew_ids=crew_ids,
        planned_outage_id=r.planned_outage_id,
        version=r.version,
    )
