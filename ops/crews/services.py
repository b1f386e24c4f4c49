"""Crew and ETR services: assign and release crews, move a crew through its day, set the ETR.

Several crews may work one outage, and in a storm one crew may hold several outages. Each
assignment, release and crew status change is journaled on the outages concerned.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ops.access.roles import Permission, User, require
from ops.clock import Clock
from ops.crews.etr import EtrEstimate, estimate_etr, etr_moved
from ops.crews.records import Crew, CrewStatus
from ops.errors import InvalidOperation, InvalidTransition
from ops.outages import editing
from ops.outages.journal import EntryKind
from ops.outages.lifecycle import FINAL_STATUSES, check_crew_transition
from ops.outages.records import EtrConfidence, EtrSource, Outage
from ops.policy import EtrSettings
from ops.stores import Changes, Store

_BUSY = frozenset({CrewStatus.ASSIGNED, CrewStatus.EN_ROUTE, CrewStatus.ARRIVED})


def _open_for_work(outage: Outage) -> None:
    if outage.status in FINAL_STATUSES:
        raise InvalidTransition(
            "outage {reference} is {status}",
            reference=outage.reference,
            status=outage.status,
            outage_id=outage.outage_id,
        )


def assign_crew(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    outage_version: int,
    crew_id: str,
    crew_version: int,
) -> Changes:
    """Send a crew to an outage (by drag and drop or keyboard in the console)."""
    require(user, Permission.ASSIGN_CREW)
    now = clock.now()
    outage = editing.outage_to_edit(store, outage_id, outage_version)
    crew = editing.crew_to_edit(store, crew_id, crew_version)
    _open_for_work(outage)
    if outage_id in crew.outage_ids:
        raise InvalidOperation(
            "{crew} is already assigned to outage {reference}",
            crew=crew.name,
            reference=outage.reference,
            crew_id=crew_id,
            outage_id=outage_id,
        )
    status = crew.status
    if status not in _BUSY:  # a busy crew keeps what it is doing and takes one more job
        check_crew_transition(status, CrewStatus.ASSIGNED)
        status = CrewStatus.ASSIGNED
    store.crews.update(
        replace(crew, status=status, outage_ids=(*crew.outage_ids, outage_id)),
        expected_version=crew_version,
    )
    store.outages.update(
        replace(outage, crew_ids=(*outage.crew_ids, crew_id)), expected_version=outage_version
    )
    editing.journal(
        store, outage_id, EntryKind.ASSIGNMENT, f"{crew.name} assigned",
        user=user, occurred_at=now, now=now,
        data=(("crew", crew_id), ("change", "assigned"), ("status", status.value)),
    )  # fmt: skip
    return Changes(
        outages=frozenset({outage_id}), crews=frozenset({crew_id}), journal=frozenset({outage_id})
    )


def release_crew(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    outage_version: int,
    crew_id: str,
    crew_version: int,
) -> Changes:
    """Take a crew off an outage; a crew left with no outage is free again (awaiting)."""
    require(user, Permission.ASSIGN_CREW)
    now = clock.now()
    outage = editing.outage_to_edit(store, outage_id, outage_version)
    crew = editing.crew_to_edit(store, crew_id, crew_version)
    if outage_id not in crew.outage_ids:
        raise InvalidOperation(
            "{crew} is not assigned to outage {reference}",
            crew=crew.name,
            reference=outage.reference,
            crew_id=crew_id,
            outage_id=outage_id,
        )
    remaining = tuple(o for o in crew.outage_ids if o != outage_id)
    status = crew.status
    if not remaining and status is not CrewStatus.AWAITING:
        check_crew_transition(status, CrewStatus.AWAITING)
        status = CrewStatus.AWAITING
    store.crews.update(
        replace(crew, status=status, outage_ids=remaining), expected_version=crew_version
    )
    store.outages.update(
        replace(outage, crew_ids=tuple(c for c in outage.crew_ids if c != crew_id)),
        expected_version=outage_version,
    )
    editing.journal(
        store, outage_id, EntryKind.ASSIGNMENT, f"{crew.name} released",
        user=user, occurred_at=now, now=now,
        data=(("crew", crew_id), ("change", "released"), ("status", status.value)),
    )  # fmt: skip
    return Changes(
        outages=frozenset({outage_id}), crews=frozenset({crew_id}), journal=frozenset({outage_id})
    )


def set_crew_status(
    store: Store,
    user: User,
    clock: Clock,
    *,
    crew_id: str,
    crew_version: int,
    status: CrewStatus,
    occurred_at: datetime | None = None,
) -> Changes:
    """En route, arrived, field complete: journaled on every outage the crew holds."""
    require(user, Permission.ASSIGN_CREW)
    now = clock.now()
    at = editing.field_time(occurred_at, now)
    crew = editing.crew_to_edit(store, crew_id, crew_version)
    check_crew_transition(crew.status, status)
    if status is CrewStatus.AWAITING and crew.outage_ids:
        raise InvalidOperation(
            "release {crew} from its outages to make it free", crew=crew.name, crew_id=crew_id
        )
    if status is CrewStatus.ASSIGNED and not crew.outage_ids:
        raise InvalidOperation("assign {crew} to an outage first", crew=crew.name, crew_id=crew_id)
    store.crews.update(replace(crew, status=status), expected_version=crew_version)
    for outage_id in crew.outage_ids:
        editing.journal(
            store, outage_id, EntryKind.ASSIGNMENT, f"{crew.name}: {status.value}",
            user=user, occurred_at=at, now=now,
            data=(("crew", crew_id), ("change", "status"), ("status", status.value)),
        )  # fmt: skip
    return Changes(crews=frozenset({crew_id}), journal=frozenset(crew.outage_ids))


def set_etr(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    etr: datetime,
    source: EtrSource,
    confidence: EtrConfidence,
) -> Changes:
    """Set the outage's ETR with where it came from; a different time counts as a move."""
    require(user, Permission.CHANGE_ETR)
    now = clock.now()
    outage = editing.outage_to_edit(store, outage_id, version)
    _open_for_work(outage)
    if not outage.status.is_open:
        raise InvalidOperation(
            "outage {reference} is {status}: no ETR to give",
            reference=outage.reference,
            status=outage.status,
            outage_id=outage_id,
        )
    if etr.tzinfo is None:
        raise ValueError("an ETR must be an aware datetime")
    if etr <= now:
        raise InvalidOperation("an ETR must lie in the future", etr=etr)
    moves = outage.etr_changes + etr_moved(outage.etr, etr)
    store.outages.update(
        replace(outage, etr=etr, etr_source=source, etr_confidence=confidence, etr_changes=moves),
        expected_version=version,
    )
    previous = outage.etr.isoformat() if outage.etr else ""
    editing.journal(
        store, outage_id, EntryKind.ETR_CHANGE, f"ETR {etr.isoformat()} ({source.value})",
        user=user, occurred_at=now, now=now,
        data=(
            ("etr", etr.isoformat()), ("previous", previous), ("source", source.value),
            ("confidence", confidence.value), ("moves", str(moves)),
        ),
    )  # fmt: skip
    ids = frozenset({outage_id})
    return Changes(outages=ids, journal=ids)


def system_etr(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    cause_category: str | None,
    settings: EtrSettings,
) -> EtrEstimate:
    """The system's estimate for an outage from its assigned crews (read only)."""
    require(user, Permission.VIEW)
    outage = editing.outage_to_edit(store, outage_id, None)
    crews: list[Crew] = []
    for crew_id in outage.crew_ids:
        crew = store.crews.get(crew_id)
        if crew is not None:
            crews.append(crew)
    return estimate_etr(
        clock.now(),
        cause_category=cause_category,
        outage_position=outage.position,
        crews=crews,
        settings=settings,
    )
