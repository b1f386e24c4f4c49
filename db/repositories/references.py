"""Outage references (SC-2026-0001): numbered per year by a counter row in the database.

The counter row is updated in the adding transaction, so the database makes two workstations
adding at once take turns (PostgreSQL locks the row until the first one commits; SQLite lets
one writer at a time), and neither can be given the other's number.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import OutageRow, ReferenceCounterRow

SERIES = "SC"  # sự cố: what the district offices call an outage
_COUNTERS = cast(Table, ReferenceCounterRow.__table__)
_OUTAGES = cast(Table, OutageRow.__table__)


def next_reference(session: Session, year: int, series: str = SERIES) -> str:
    """The next free reference of the year, counted in the caller's transaction."""
    name = f"{series}-{year}"
    if not _bump(session, name):
        _start(session, name, _highest_used(session, name))
        if not _bump(session, name):  # pragma: no cover - the row was just made
            raise RuntimeError(f"reference counter {name} is missing")
    number = session.execute(
        select(_COUNTERS.c.last_number).where(_COUNTERS.c.series == name)
    ).scalar_one()
    reference = _format(name, number)
    if _taken(session, reference):
        # Someone wrote outages without the counter (an import, an old version): jump past them.
        number = _highest_used(session, name) + 1
        session.execute(
            update(_COUNTERS).where(_COUNTERS.c.series == name).values(last_number=number)
        )
        reference = _format(name, number)
    return reference


def _format(name: str, number: int) -> str:
    return f"{name}-{number:04d}"


def _bump(session: Session, name: str) -> bool:
    result = session.execute(
        update(_COUNTERS)
        .where(_COUNTERS.c.series == name)
        .values(last_number=_COUNTERS.c.last_number + 1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _start(session: Session, name: str, highest: int) -> None:
    """Create the year's counter at the highest number in use; if another transaction has
    just created it, theirs stands (and this one waits for it on PostgreSQL)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(_COUNTERS)
        .values(series=name, last_number=highest)
        .on_conflict_do_nothing(index_elements=[_COUNTERS.c.series])
    )


def _highest_used(session: Session, name: str) -> int:
    prefix = f"{name}-"
    highest = 0
    for (reference,) in session.execute(
        select(_OUTAGES.c.reference).where(_OUTAGES.c.reference.startswith(prefix, autoescape=True))
    ):
        suffix = reference[len(prefix) :]
        if suffix.isdigit():
            highest = max(highest, int(suffix))
    return highest


def _taken(session: Session, reference: str) -> bool:
    found = session.execute(
        select(_OUTAGES.c.outage_id).where(_OUTAGES.c.reference == reference)
    ).first()
    return found is not None
