"""Outages and their journal."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from db.models import CrewAssignmentRow, OutageEventRow, OutageRow
from ops.outages import (
    OPEN_STATUSES,
    EtrConfidence,
    EtrSource,
    JournalEntry,
    Outage,
    OutageKind,
    OutageStatus,
)


class OutageRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def list_board(self, restored_since: datetime) -> list[Outage]:
        """Open outages, plus those restored or closed since `restored_since`, newest first."""
        open_values = [s.value for s in OPEN_STATUSES]
        rows = self._s.scalars(
            select(OutageRow)
            .where(
                or_(
                    OutageRow.status.in_(open_values),
                    OutageRow.restored_at >= restored_since,
                )
            )
            .order_by(OutageRow.started_at.desc())
        ).all()
        crews = self._crews_of([r.outage_id for r in rows])
        return [_outage(r, crews.get(r.outage_id, ())) for r in rows]

    def get(self, outage_id: int) -> Outage | None:
        row = self._s.get(OutageRow, outage_id)
        if row is None:
            return None
        return _outage(row, self._crews_of([outage_id]).get(outage_id, ()))

    def count_open(self) -> int:
        open_values = [s.value for s in OPEN_STATUSES]
        return int(
            self._s.scalar(select(func.count()).where(OutageRow.status.in_(open_values))) or 0
        )

    def add_many(self, outages: Iterable[Outage]) -> None:
        """Store outages with the ids they carry (demo data, imports)."""
        outages = list(outages)
        for o in outages:
            self._s.add(
                OutageRow(
                    outage_id=o.outage_id,
                    reference=o.reference,
                    kind=o.kind.value,
                    status=o.status.value,
                    device_id=o.device_id,
                    feeder_id=o.feeder_id,
                    cause=o.cause,
                    started_at=o.started_at,
                    reported_at=o.reported_at,
                    restored_at=o.restored_at,
                    closed_at=None,
                    etr=o.etr,
                    etr_source=o.etr_source.value if o.etr_source else None,
                    etr_confidence=o.etr_confidence.value if o.etr_confidence else None,
                    etr_changes=o.etr_changes,
                    customers_affected=o.customers_affected,
                    customers_out=o.customers_out,
                    priority_customers=o.priority_customers,
                    lon=o.position[0] if o.position else None,
                    lat=o.position[1] if o.position else None,
                    planned_outage_id=o.planned_outage_id,
                )
            )
        self._s.flush()
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

    def journal(self, outage_id: int) -> list[JournalEntry]:
        rows = self._s.scalars(
            select(OutageEventRow)
            .where(OutageEventRow.outage_id == outage_id)
            .order_by(OutageEventRow.occurred_at, OutageEventRow.entry_id)
        )
        return [
            JournalEntry(
                r.entry_id, r.outage_id, r.kind, r.text, r.occurred_at, r.entered_at, r.entered_by
            )
            for r in rows
        ]

    def append_journal(self, entry: JournalEntry) -> None:
        self._s.add(
            OutageEventRow(
                outage_id=entry.outage_id,
                kind=entry.kind,
                text=entry.text,
                occurred_at=entry.occurred_at,
                entered_at=entry.entered_at,
                entered_by=entry.entered_by,
            )
        )

    def _crews_of(self, outage_ids: list[int]) -> dict[int, tuple[str, ...]]:
        if not outage_ids:
            return {}
        result: dict[int, list[str]] = {}
        for outage_id, crew_id in self._s.execute(
            select(CrewAssignmentRow.outage_id, CrewAssignmentRow.crew_id)
            .where(
                CrewAssignmentRow.outage_id.in_(outage_ids),
                CrewAssignmentRow.released_at.is_(None),
            )
            .order_by(CrewAssignmentRow.crew_id)
        ):
            result.setdefault(outage_id, []).append(crew_id)
        return {k: tuple(v) for k, v in result.items()}


def _outage(r: OutageRow, crew_ids: tuple[str, ...]) -> Outage:
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
