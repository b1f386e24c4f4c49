"""Crews, their members and what they are assigned to (`ops.stores.CrewRepository` too)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import time
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from db.models import CrewAssignmentRow, CrewMemberRow, CrewRow
from db.repositories.assignments import outages_of, set_outages_of_crew
from ops.clock import Clock, SystemClock
from ops.crews.records import Crew, CrewMember, CrewStatus, CrewType
from ops.errors import NotFound, StaleEdit

_T = cast(Table, CrewRow.__table__)
_M = cast(Table, CrewMemberRow.__table__)
_A = cast(Table, CrewAssignmentRow.__table__)


class CrewRepository:
    def __init__(self, session: Session, clock: Clock | None = None) -> None:
        self._s = session
        self._clock = clock or SystemClock()  # when assignments open and close

    def list_all(self) -> list[Crew]:
        """The crews on the board: every crew not retired."""
        return [c for c in self.roster() if not c.retired]

    def roster(self) -> list[Crew]:
        """Every crew the office has had, the retired ones too (the Crews screen)."""
        members: dict[str, list[CrewMember]] = {}
        for m in self._s.execute(select(_M).order_by(_M.c.member_id)):
            members.setdefault(m.crew_id, []).append(CrewMember(m.name, m.role, m.phone))
        assigned: dict[str, list[int]] = {}
        for crew_id, outage_id in self._s.execute(
            select(_A.c.crew_id, _A.c.outage_id)
            .where(_A.c.released_at.is_(None))
            .order_by(_A.c.outage_id)
        ):
            assigned.setdefault(crew_id, []).append(outage_id)
        return [
            _crew(r, members.get(r.crew_id, ()), assigned.get(r.crew_id, ()))
            for r in self._s.execute(select(_T).order_by(_T.c.crew_id))
        ]

    def find_by_name(self, name: str) -> Crew | None:
        wanted = name.casefold()
        for row in self._s.execute(select(_T.c.crew_id, _T.c.name)):
            if row.name.casefold() == wanted:
                return self.get(row.crew_id)
        return None

    def add(self, crew: Crew) -> None:
        self.add_many([crew])

    def get(self, crew_id: str) -> Crew | None:
        row = self._s.execute(select(_T).where(_T.c.crew_id == crew_id)).first()
        if row is None:
            return None
        return _crew(row, self._members(crew_id), outages_of(self._s, crew_id))

    def update(self, crew: Crew, *, expected_version: int) -> Crew:
        """Store the crew's roster data, status, position, members and assignments."""
        result = self._s.execute(
            update(_T)
            .where(_T.c.crew_id == crew.crew_id, _T.c.version == expected_version)
            .values(version=expected_version + 1, **_values(crew))
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise self._refusal(crew, expected_version)
        if tuple(crew.members) != self._members(crew.crew_id):
            self._s.execute(delete(_M).where(_M.c.crew_id == crew.crew_id))
            self._add_members([crew])
        outage_ids = set_outages_of_crew(self._s, crew.crew_id, crew.outage_ids, self._clock.now())
        return replace(
            crew, members=tuple(crew.members), outage_ids=outage_ids, version=expected_version + 1
        )

    def add_many(self, crews: Iterable[Crew]) -> None:
        """Store crews as given (demo data, imports), without assignments."""
        crews = list(crews)
        if crews:
            self._s.execute(
                insert(_T), [{"crew_id": c.crew_id, "version": c.version, **_values(c)}
                             for c in crews]
            )  # fmt: skip
            self._add_members(crews)

    def _add_members(self, crews: list[Crew]) -> None:
        rows = [
            {"crew_id": c.crew_id, "name": m.name, "role": m.role, "phone": m.phone}
            for c in crews
            for m in c.members
        ]
        if rows:
            self._s.execute(insert(_M), rows)

    def _members(self, crew_id: str) -> tuple[CrewMember, ...]:
        return tuple(
            CrewMember(m.name, m.role, m.phone)
            for m in self._s.execute(
                select(_M).where(_M.c.crew_id == crew_id).order_by(_M.c.member_id)
            )
        )

    def _refusal(self, crew: Crew, expected_version: int) -> Exception:
        stored = self._s.execute(
            select(_T.c.version, _T.c.name).where(_T.c.crew_id == crew.crew_id)
        ).first()
        if stored is None:
            return NotFound("crew {crew_id} does not exist", crew_id=crew.crew_id)
        return StaleEdit(
            "crew {crew} was changed by someone else; look at its present state and try again",
            crew=stored.name,
            crew_id=crew.crew_id,
            seen=expected_version,
            stored=stored.version,
        )


def _values(c: Crew) -> dict[str, Any]:
    return {
        "name": c.name,
        "crew_type": c.crew_type.value,
        "office": c.office,
        "vehicle": c.vehicle,
        "phone": c.phone,
        "status": c.status.value,
        "lon": c.position[0] if c.position else None,
        "lat": c.position[1] if c.position else None,
        "position_at": c.position_at,
        "shifts": ",".join(f"{t:%H:%M}" for t in c.shifts),
        "retired": c.retired,
    }


def _crew(r: Any, members: Iterable[CrewMember], outage_ids: Iterable[int]) -> Crew:
    return Crew(
        crew_id=r.crew_id,
        name=r.name,
        crew_type=CrewType(r.crew_type),
        office=r.office,
        vehicle=r.vehicle,
        phone=r.phone,
        status=CrewStatus(r.status),
        position=(r.lon, r.lat) if r.lon is not None and r.lat is not None else None,
        position_at=r.position_at,
        members=tuple(members),
        outage_ids=tuple(outage_ids),
        version=r.version,
        shifts=tuple(time.fromisoformat(t) for t in r.shifts.split(",") if t),
        retired=bool(r.retired),
    )
