"""Outage services: record a trip or a prediction, confirm, switch step by step, close, cancel.

Every service takes the store (one unit of work), the acting user (permission checked here,
not only in the interface) and the clock; it returns `Changes`, and refuses with a domain
error carrying a plain message. Edits name the version the user saw (`version`). Services
that switch take an optional `ledgers` cache (`ops.outages.switching.LedgerCache`) the
console keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from ops.access.roles import Permission, User, require
from ops.causes import BUILTIN_CAUSES, CauseCatalogue
from ops.clock import Clock
from ops.errors import DomainError, InvalidOperation, InvalidTransition, NotFound
from ops.network.tracing import Topology, UnknownElementError
from ops.outages import editing
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.journal import EntryKind
from ops.outages.lifecycle import FINAL_STATUSES, check_transition
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.outages.switching import LedgerCache, apply_operation, switch_of
from ops.planned.records import SwitchAction
from ops.stores import Changes, Store

CrewNames = Callable[[str], str]  # a crew's name by its id


def _draft(
    status: OutageStatus,
    element_id: str,
    feeder_id: str | None,
    position: tuple[float, float] | None,
    cause: str,
    started_at: datetime,
    reported_at: datetime,
) -> Outage:
    return Outage(
        outage_id=0, reference="", kind=OutageKind.UNPLANNED, status=status,
        device_id=element_id, feeder_id=feeder_id, cause=cause.strip(), started_at=started_at,
        reported_at=reported_at, restored_at=None, etr=None, etr_source=None,
        etr_confidence=None, etr_changes=0, customers_affected=0, customers_out=0,
        priority_customers=0, position=position,
    )  # fmt: skip


def record_trip(
    store: Store,
    user: User,
    clock: Clock,
    *,
    device_id: str,
    occurred_at: datetime,
    cause: str = "",
    remark: str = "",
    causes: CauseCatalogue = BUILTIN_CAUSES,
    ledgers: LedgerCache | None = None,
) -> Changes:
    """A device opened in the field ("recloser R-12 locked out at 14:02"): a confirmed outage.

    The customers it darkened (or took over, inside an area already dark) come from tracing.
    `cause` is a category of `causes` when known ("" when not yet); `remark` goes to the
    journal.
    """
    require(user, Permission.RECORD_OUTAGE)
    require(user, Permission.OPERATE_DEVICE)
    now = clock.now()
    at = editing.field_time(occurred_at, now)
    if cause.strip():
        causes.check(cause.strip())
    switch = switch_of(store.network.model(), device_id)
    if switch.is_open:
        raise InvalidOperation("{device} is already open", device=switch.name, device_id=device_id)
    outage = store.outages.add(
        _draft(OutageStatus.CONFIRMED, device_id, switch.feeder_id, switch.position, cause, at, now)
    )
    recorded = (("to", OutageStatus.CONFIRMED.value),)
    editing.journal(
        store, outage.outage_id, EntryKind.STATUS_CHANGE, "recorded as confirmed",
        user=user, occurred_at=at, now=now,
        data=recorded + ((("cause", cause.strip()),) if cause.strip() else ()),
    )  # fmt: skip
    op = DeviceOperation(at, device_id, SwitchAction.OPEN, outage.outage_id)
    changes = apply_operation(store, user, now, op, acting=outage, cache=ledgers)
    _remark(store, user, outage.outage_id, remark, at, now)
    return changes | Changes(outages=frozenset({outage.outage_id}), created_outage=outage.outage_id)


def _remark(
    store: Store, user: User, outage_id: int, text: str, at: datetime, now: datetime
) -> None:
    """The free text beside a picked cause, as a remark in the outage's journal."""
    if text.strip():
        editing.journal(
            store, outage_id, EntryKind.REMARK, text.strip(), user=user, occurred_at=at, now=now
        )


def record_prediction(
    store: Store,
    user: User,
    clock: Clock,
    *,
    element_id: str,
    occurred_at: datetime,
    cause: str = "",
) -> Changes:
    """A predicted outage (from calls): the element most likely open, and who it would darken.

    Nothing is switched in the model; the customers are what opening the element would cut
    off now.
    """
    require(user, Permission.RECORD_OUTAGE)
    now = clock.now()
    at = editing.field_time(occurred_at, now)
    model = store.network.model()
    points = store.network.supply_points()
    topology = Topology(model, ((p.customer_id, p.node_id) for p in points))
    try:
        lost = topology.lost_by_opening([element_id])
    except UnknownElementError:
        raise NotFound("no network element {element}", element=element_id) from None
    priority = {p.customer_id for p in points if p.priority}
    switch = next((s for s in model.switches if s.switch_id == element_id), None)
    draft = _draft(
        OutageStatus.PREDICTED,
        element_id,
        switch.feeder_id if switch else None,
        switch.position if switch else None,
        cause,
        at,
        now,
    )
    outage = store.outages.add(
        replace(
            draft,
            customers_affected=lost.customers,
            customers_out=lost.customers,
            priority_customers=len(priority.intersection(lost.customer_ids)),
        )
    )
    editing.journal(
        store, outage.outage_id, EntryKind.STATUS_CHANGE, "recorded as predicted",
        user=user, occurred_at=at, now=now, data=(("to", OutageStatus.PREDICTED.value),),
    )  # fmt: skip
    ids = frozenset({outage.outage_id})
    return Changes(outages=ids, journal=ids, created_outage=outage.outage_id)


def confirm(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    occurred_at: datetime | None = None,
) -> Changes:
    """A predicted outage is real. Its switching is then recorded with `operate_device`."""
    require(user, Permission.CONFIRM_OUTAGE)
    return _change_status(
        store, user, clock, outage_id, version, OutageStatus.CONFIRMED, occurred_at
    )


def operate_device(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    device_id: str,
    action: SwitchAction,
    occurred_at: datetime,
    ledgers: LedgerCache | None = None,
) -> Changes:
    """One switching step for an outage: isolate (open) or restore (close, replace a fuse).

    Who is still dark is recomputed for every outage; the outage becomes partially restored
    or restored accordingly.
    """
    require(user, Permission.OPERATE_DEVICE)
    if action not in (SwitchAction.OPEN, SwitchAction.CLOSE):
        raise InvalidOperation("only opening and closing change the model", action=action)
    now = clock.now()
    at = editing.field_time(occurred_at, now)
    outage = editing.outage_to_edit(store, outage_id, version)
    if outage.status is OutageStatus.PREDICTED:
        raise InvalidTransition(
            "confirm outage {reference} before switching for it",
            reference=outage.reference,
            outage_id=outage_id,
        )
    if outage.status in FINAL_STATUSES:
        raise InvalidTransition(
            "outage {reference} is {status}",
            reference=outage.reference,
            status=outage.status,
            outage_id=outage_id,
        )
    op = DeviceOperation(at, device_id, action, outage_id)
    changes = apply_operation(store, user, now, op, acting=outage, cache=ledgers)
    return changes | Changes(outages=frozenset({outage_id}))


def close(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    cause: str,
    remark: str = "",
    causes: CauseCatalogue = BUILTIN_CAUSES,
    occurred_at: datetime | None = None,
) -> Changes:
    """Close a restored outage with its cause, a category of `causes` (crews released first);
    `remark` goes to the journal."""
    require(user, Permission.CLOSE_OUTAGE)
    outage = editing.outage_to_edit(store, outage_id, version)
    check_transition(outage.status, OutageStatus.CLOSED, cause=cause)
    _no_crews(outage, _crew_names(store))
    causes.check(cause.strip())
    changes = _change_status(
        store, user, clock, outage_id, version, OutageStatus.CLOSED, occurred_at, cause=cause
    )
    now = clock.now()
    _remark(store, user, outage_id, remark, editing.field_time(occurred_at, now), now)
    return changes


def close_refusal(outage: Outage, crew_name: CrewNames = str) -> DomainError | None:
    """What closing the outage would be refused for, whatever cause is given (asked before
    the dispatcher types one); `crew_name` names a crew by its id."""
    return _refusal(outage, OutageStatus.CLOSED, crew_name)


def cancel_refusal(outage: Outage, crew_name: CrewNames = str) -> DomainError | None:
    """What cancelling the outage would be refused for, whatever reason is given."""
    return _refusal(outage, OutageStatus.CANCELLED, crew_name)


def _refusal(outage: Outage, new: OutageStatus, crew_name: CrewNames) -> DomainError | None:
    try:
        check_transition(outage.status, new, cause="?", reason="?")
        _no_crews(outage, crew_name)
    except DomainError as refused:
        return refused
    return None


def cancel(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    reason: str,
    cause: str = "",
    causes: CauseCatalogue = BUILTIN_CAUSES,
    occurred_at: datetime | None = None,
    ledgers: LedgerCache | None = None,
) -> Changes:
    """A false alarm. Devices still open on its account are closed in the model first
    (journaled like any step), then the outage is cancelled. `cause`, a category of
    `causes`, is what made the device open, when known."""
    require(user, Permission.CANCEL_OUTAGE)
    now = clock.now()
    outage = editing.outage_to_edit(store, outage_id, version)
    check_transition(outage.status, OutageStatus.CANCELLED, reason=reason)
    _no_crews(outage, _crew_names(store))
    if cause.strip():
        causes.check(cause.strip())
    last: dict[str, DeviceOperation] = {}
    for op in store.switching.since(outage.started_at):
        last[op.device_id] = op
    still_open = sorted(
        d for d, op in last.items() if op.action is SwitchAction.OPEN and op.outage_id == outage_id
    )
    changes = Changes()
    if still_open:
        require(user, Permission.OPERATE_DEVICE)
    for device_id in still_open:
        op = DeviceOperation(now, device_id, SwitchAction.CLOSE, outage_id)
        changes |= apply_operation(store, user, now, op, acting=outage, cache=ledgers)
        outage = editing.outage_to_edit(store, outage_id, None)
    return changes | _change_status(
        store, user, clock, outage_id, outage.version, OutageStatus.CANCELLED, occurred_at,
        cause=cause if cause.strip() else None, reason=reason,
    )  # fmt: skip


def _crew_names(store: Store) -> CrewNames:
    """A crew's name by its id, from the store (the id itself for a crew no longer there)."""

    def name(crew_id: str) -> str:
        crew = store.crews.get(crew_id)
        return crew.name if crew else crew_id

    return name


def _no_crews(outage: Outage, crew_name: CrewNames) -> None:
    if outage.crew_ids:
        raise InvalidOperation(
            "release the crews of outage {reference} first ({crews})",
            reference=outage.reference,
            crews=tuple(crew_name(i) for i in outage.crew_ids),
            crew_ids=tuple(outage.crew_ids),
        )


def _change_status(
    store: Store,
    user: User,
    clock: Clock,
    outage_id: int,
    version: int,
    new: OutageStatus,
    occurred_at: datetime | None,
    *,
    cause: str | None = None,
    reason: str | None = None,
) -> Changes:
    now = clock.now()
    at = editing.field_time(occurred_at, now)
    outage = editing.outage_to_edit(store, outage_id, version)
    check_transition(outage.status, new, cause=cause, reason=reason)
    updated = replace(outage, status=new)
    if cause is not None:
        updated = replace(updated, cause=cause.strip())
    if new is OutageStatus.CANCELLED:
        updated = replace(updated, customers_out=0)
    store.outages.update(updated, expected_version=version)
    data = [("from", outage.status.value), ("to", new.value)]
    if cause is not None:
        data.append(("cause", cause.strip()))
    if reason is not None:
        data.append(("reason", reason.strip()))
    editing.journal(
        store, outage_id, EntryKind.STATUS_CHANGE, f"{outage.status.value} → {new.value}",
        user=user, occurred_at=at, now=now, data=tuple(data),
    )  # fmt: skip
    ids = frozenset({outage_id})
    return Changes(outages=ids, journal=ids)


__all__ = [
    "cancel",
    "cancel_refusal",
    "close",
    "close_refusal",
    "confirm",
    "operate_device",
    "record_prediction",
    "record_trip",
]
