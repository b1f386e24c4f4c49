"""Crew assignments as rows: an open row (released_at NULL) per crew working an outage.

Outages carry `crew_ids` and crews carry `outage_ids`; both are views of the same rows. A
record stored with a different list opens rows for the new pairs and releases the rows of
the pairs it no longer has, so the history of who worked what stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.orm import Session

from db.models import CrewAssignmentRow
from ops.crews.shifts import AssignmentInterval

_A = cast(Table, CrewAssignmentRow.__table__)


def crews_of(session: Session, outage_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The crews on each outage now, by crew id."""
    ids = list(outage_ids)
    if not ids:
        return {}
    found: dict[int, list[str]] = {}
    for outage_id, crew_id in session.execute(
        select(_A.c.outage_id, _A.c.crew_id)
        .where(_A.c.outage_id.in_(ids), _A.c.released_at.is_(None))
        .order_by(_A.c.crew_id)
    ):
        found.setdefault(outage_id, []).append(crew_id)
    return {k: tuple(v) for k, v in found.items()}


def outages_of(session: Session, crew_id: str) -> tuple[int, ...]:
    """The outages a crew works now, by outage id."""
    return tuple(
        session.scalars(
            select(_A.c.outage_id)
            .where(_A.c.crew_id == crew_id, _A.c.released_at.is_(None))
            .order_by(_A.c.outage_id)
        )
    )


def set_crews_of_outage(
    session: Session, outage_id: int, crew_ids: Iterable[str], at: datetime
) -> tuple[str, ...]:
    """Make the outage's open assignments these crews; returns them by crew id."""
    wanted = set(crew_ids)
    now = set(crews_of(session, [outage_id]).get(outage_id, ()))
    _release(session, [(c, outage_id) for c in now - wanted], at)
    _open(session, [(c, outage_id) for c in wanted - now], at)
    return tuple(sorted(wanted))


def set_outages_of_crew(
    session: Session, crew_id: str, outage_ids: Iterable[int], at: datetime
) -> tuple[int, ...]:
    """Make the crew's open assignments these outages; returns them by outage id."""
    wanted = set(outage_ids)
    now = set(outages_of(session, crew_id))
    _release(session, [(crew_id, o) for o in now - wanted], at)
    _open(session, [(crew_id, o) for o in wanted - now], at)
    return tuple(sorted(wanted))


def intervals_overlapping(
    session: Session, start: datetime, end: datetime
) -> list[AssignmentInterval]:
    """Every assignment, open or released, that overlaps [start, end): a shift's work."""
    return [
        AssignmentInterval(r.crew_id, r.outage_id, r.assigned_at, r.released_at)
        for r in session.execute(
            select(_A.c.crew_id, _A.c.outage_id, _A.c.assigned_at, _A.c.released_at)
            .where(
                _A.c.assigned_at < end,
                or_(_A.c.released_at.is_(None), _A.c.released_at > start),
            )
            .order_by(_A.c.crew_id, _A.c.assigned_at, _A.c.assignment_id)
        )
    ]


def _release(session: Session, pairs: list[tuple[str, int]], at: datetime) -> None:
    for crew_id, outage_id in pairs:
        session.execute(
            update(_A)
            .where(_A.c.crew_id == crew_id, _A.c.outage_id == outage_id, _A.c.released_at.is_(None))
            .values(released_at=at)
        )


def _open(session: Session, pairs: list[tuple[str, int]], at: datetime) -> None:
    if pairs:
        session.execute(
            insert(_A),
            [
                {"crew_id": c, "outage_id": o, "assigned_at": at, "released_at": None}
                for c, o in sorted(pairs)
            ],
        )
