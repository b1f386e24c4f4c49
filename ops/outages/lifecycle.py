"""The outage lifecycle and the crew dispatch cycle: which status may follow which.

Outage (CIM status names): predicted → confirmed → partiallyRestored → restored → closed,
and cancelled for a false alarm (found before or after the devices were closed again). A
restored outage whose customers go dark again before it is closed goes back to
partiallyRestored rather than pretending they have supply; closed and cancelled are final.
Closing needs a cause, cancelling a reason.

Crew: awaitingCrewAssignment → assigned → enroute → arrived → fieldComplete; a crew can be
called off (back to awaiting) at any point, and a crew that finished is free again.
"""

from __future__ import annotations

from collections.abc import Mapping

from ops.crews.records import CrewStatus
from ops.errors import InvalidTransition
from ops.outages.records import OutageStatus

_S = OutageStatus

OUTAGE_TRANSITIONS: Mapping[OutageStatus, frozenset[OutageStatus]] = {
    _S.PREDICTED: frozenset({_S.CONFIRMED, _S.CANCELLED}),
    _S.CONFIRMED: frozenset({_S.PARTIALLY_RESTORED, _S.RESTORED, _S.CANCELLED}),
    _S.PARTIALLY_RESTORED: frozenset({_S.RESTORED}),
    _S.RESTORED: frozenset({_S.CLOSED, _S.PARTIALLY_RESTORED, _S.CANCELLED}),
    _S.CLOSED: frozenset(),
    _S.CANCELLED: frozenset(),
}

FINAL_STATUSES = frozenset(s for s, nxt in OUTAGE_TRANSITIONS.items() if not nxt)

_C = CrewStatus

CREW_TRANSITIONS: Mapping[CrewStatus, frozenset[CrewStatus]] = {
    _C.AWAITING: frozenset({_C.ASSIGNED}),
    _C.ASSIGNED: frozenset({_C.EN_ROUTE, _C.AWAITING}),
    _C.EN_ROUTE: frozenset({_C.ARRIVED, _C.AWAITING}),
    _C.ARRIVED: frozenset({_C.FIELD_COMPLETE, _C.AWAITING}),
    _C.FIELD_COMPLETE: frozenset({_C.AWAITING, _C.ASSIGNED}),
}


def can_become(current: OutageStatus, new: OutageStatus) -> bool:
    """The lifecycle allows this step (other conditions aside)."""
    return new in OUTAGE_TRANSITIONS[current]


def check_transition(
    current: OutageStatus,
    new: OutageStatus,
    *,
    cause: str | None = None,
    reason: str | None = None,
) -> None:
    """Raise InvalidTransition unless an outage that is `current` may become `new` now."""
    if not can_become(current, new):
        allowed = tuple(sorted(OUTAGE_TRANSITIONS[current]))
        if not allowed:
            raise InvalidTransition(
                "an outage that is {current} cannot become {new} (allowed next: none)",
                current=current,
                new=new,
            )
        raise InvalidTransition(
            "an outage that is {current} cannot become {new} (allowed next: {allowed})",
            current=current,
            new=new,
            allowed=allowed,
        )
    if new is OutageStatus.CLOSED and not (cause and cause.strip()):
        raise InvalidTransition(
            "an outage can be closed only with its cause", current=current, new=new
        )
    if new is OutageStatus.CANCELLED and not (reason and reason.strip()):
        raise InvalidTransition("cancelling an outage needs a reason", current=current, new=new)


def status_after_restoration_step(
    current: OutageStatus, *, affected: int, out: int, restored: int
) -> OutageStatus:
    """Where an outage stands once a switching step has changed who is still dark.

    Nobody out on its account any more: restored. Some supply back and some still out:
    partially restored. Customers handed to a nested outage (a fuse found open inside the
    section) are not "restored": with nobody's supply back the status stays as it was.
    """
    if current in FINAL_STATUSES or current is OutageStatus.PREDICTED:
        return current  # a prediction is confirmed first; its restoration is not tracked
    if out == 0:
        return OutageStatus.RESTORED if affected > 0 else current
    if restored > 0 or current is OutageStatus.RESTORED:
        return OutageStatus.PARTIALLY_RESTORED
    return current


def check_crew_transition(current: CrewStatus, new: CrewStatus) -> None:
    """Raise InvalidTransition unless a crew that is `current` may become `new`."""
    if new not in CREW_TRANSITIONS[current]:
        raise InvalidTransition(
            "a crew that is {current} cannot become {new} (allowed next: {allowed})",
            current=current,
            new=new,
            allowed=tuple(sorted(CREW_TRANSITIONS[current])),
        )
