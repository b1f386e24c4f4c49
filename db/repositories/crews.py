"""Crews, their members and what they are assigned to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CrewAssignmentRow, CrewMemberRow, CrewRow
from ops.crews import Crew, CrewMember, CrewStatus, CrewType


class CrewRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def list_all(self) -> list[Crew]:
        members: dict[str, list[CrewMember]] = {}
        for m in self._s.scalars(select(CrewMemberRow).order_by(CrewMemberRow.member_id)):
            members.setdefault(m.crew_id, []).append(CrewMember(m.name, m.role, m.phone))
        assigned: dict[str, list[int]] = {}
        for crew_id, outage_id in self._s.execute(
            select(CrewAssignmentRow.crew_id, CrewAssignmentRow.outage_id)
            .where(CrewAssignmentRow.released_at.is_(None))
            .order_by(CrewAssignmentRow.outage_id)
        ):
            assigned.setdefault(crew_id, []).append(outage_id)
        return [
            Crew(
                crew_id=r.crew_id,
                name=r.name,
                crew_type=CrewType(r.crew_type),
                office=r.office,
                vehicle=r.vehicle,
                phone=r.phone,
                status=CrewStatus(r.status),
                position=(r.lon, r.lat) if r.lon is not None and r.lat is not None else None,
                position_at=r.position_at,
                members=tuple(members.get(r.crew_id, ())),
                outage_ids=tuple(assigned.get(r.crew_id, ())),
            )
            for r in self._s.scalars(select(CrewRow).order_by(CrewRow.crew_id))
        ]

    def add_many(self, crews: Iterable[Crew]) -> None:
        crews = list(crews)
        for c in crews:
            self._s.add(
                CrewRow(
                    crew_id=c.crew_id, name=c.name, crew_type=c.crew_type.value, office=c.office,
                    vehicle=c.vehicle, phone=c.phone, status=c.status.value,
                    lon=c.position[0] if c.position else None,
                    lat=c.position[1] if c.position else None, position_at=c.position_at,
                )
            )  # fmt: skip
        self._s.flush()  # no ORM relationship orders the inserts: parents first, by hand
        self._s.add_all(
            CrewMemberRow(crew_id=c.crew_id, name=m.name, role=m.role, phone=m.phone)
            for c in crews
            for m in c.members
        )
        self._s.flush()
