"""Small pieces every domain service uses: fetch with a version check, journal a line."""

from __future__ import annotations

from datetime import datetime

from ops.access.roles import User
from ops.crews.records import Crew
from ops.errors import InvalidOperation, NotFound, StaleEdit
from ops.outages.journal import FUTURE_TOLERANCE, EntryData, EntryKind, new_entry
from ops.outages.records import JournalEntry, Outage
from ops.stores import Store


def outage_to_edit(store: Store, outage_id: int, version: int | None) -> Outage:
    """The stored outage, refused if it is gone or has moved on from the version the user saw."""
    outage = store.outages.get(outage_id)
    if outage is None:
        raise NotFound("outage {outage_id} does not exist", outage_id=outage_id)
    if version is not None and outage.version != version:
        raise StaleEdit(
            "outage {reference} was changed by someone else; "
            "look at its present state and try again",
            reference=outage.reference,
            outage_id=outage_id,
            seen=version,
            stored=outage.version,
        )
    return outage


def crew_to_edit(store: Store, crew_id: str, version: int) -> Crew:
    crew = store.crews.get(crew_id)
    if crew is None:
        raise NotFound("crew {crew_id} does not exist", crew_id=crew_id)
    if crew.version != version:
        raise StaleEdit(
            "crew {crew} was changed by someone else; look at its present state and try again",
            crew=crew.name,
            crew_id=crew_id,
            seen=version,
            stored=crew.version,
        )
    return crew


def field_time(occurred_at: datetime | None, now: datetime) -> datetime:
    """When it happened in the field: as reported, or now; never in the future."""
    if occurred_at is None:
        return now
    if occurred_at.tzinfo is None:
        raise ValueError("field times must be aware datetimes")
    if occurred_at > now + FUTURE_TOLERANCE:
        raise InvalidOperation(
            "that time is in the future; field reports are entered after the fact",
            occurred_at=occurred_at,
        )
    return occurred_at


def journal(
    store: Store,
    outage_id: int,
    kind: EntryKind,
    text: str,
    *,
    user: User,
    occurred_at: datetime,
    now: datetime,
    data: EntryData = (),
    corrects: int | None = None,
) -> JournalEntry:
    return store.journal.append(
        new_entry(
            outage_id,
            kind,
            text,
            occurred_at=occurred_at,
            entered_at=now,
            entered_by=user.username,
            corrects=corrects,
            data=data,
        )
    )
