"""Applying one device operation: the model, the switching log, and every outage's counts.

Who is dark, and on whose account, is recomputed by replaying the switching log over the
window of the outages not yet closed (`ops.outages.accounting`), with the new operation in its
place by field time: a late field report of an earlier operation is put where it happened,
not where it was typed. Outages with no operation in the window keep their counts (records
imported or seeded without a switching log). A `LedgerCache` the console keeps makes the
usual case (a new operation after the last one) one step instead of a replay.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ops.access.roles import User
from ops.errors import InvalidOperation
from ops.network.records import NetworkModel, SwitchingDevice
from ops.outages import editing
from ops.outages.accounting import Ledger, open_before
from ops.outages.customer_interruptions import DeviceOperation, OutageTally
from ops.outages.journal import EntryKind
from ops.outages.lifecycle import check_transition, status_after_restoration_step
from ops.outages.records import Outage, OutageStatus
from ops.planned.records import SwitchAction
from ops.stores import Changes, Store


def switch_of(model: NetworkModel, device_id: str) -> SwitchingDevice:
    for switch in model.switches:
        if switch.switch_id == device_id:
            return switch
    raise InvalidOperation("{device} is not a switching device", device=device_id)


class LedgerCache:
    """The last replayed window, kept by the console so that the next operation costs one
    step instead of the whole window.

    Keep one per database and network: make a new one when the network is imported again
    (the cache cannot see that). It checks itself against the switching log on every use and
    replays from scratch when they differ (an action rolled back, a late report put earlier,
    an operation from another workstation in between), so a stale cache costs time, never
    correctness.
    """

    def __init__(self) -> None:
        self.ledger: Ledger | None = None

    def clear(self) -> None:
        self.ledger = None


def _window(
    store: Store,
    model: NetworkModel,
    op: DeviceOperation,
    now: datetime,
    cache: LedgerCache | None,
) -> tuple[dict[int | None, OutageTally], set[int]]:
    """Every outage's tally over the active outages' window with `op` added (nothing is
    stored), and the outages that have an operation in that window."""
    active = store.outages.list_active()
    since = min([o.started_at for o in active if o.status is not OutageStatus.PREDICTED] + [op.at])
    open_now = frozenset(s.switch_id for s in model.switches if s.is_open)
    ledger = cache.ledger if cache is not None else None
    ordered: list[DeviceOperation] = []
    if ledger is not None and ledger.since <= since:
        logged = list(store.switching.since(ledger.since))
        ordered = sorted([*logged, op], key=lambda o: o.at)  # stable: `op` after its equals
        done = len(ledger.applied)
        if open_before(open_now, logged) != ledger.initial_open or ordered[:done] != list(
            ledger.applied
        ):
            ledger = None
    else:
        ledger = None
    try:
        if ledger is None:
            logged = list(store.switching.since(since))
            ordered = sorted([*logged, op], key=lambda o: o.at)
            points = store.network.supply_points()
            ledger = Ledger(
                model,
                ((p.customer_id, p.node_id) for p in points),
                since=since,
                initial_open=dict.fromkeys(open_before(open_now, logged)),
            )
        for each in ordered[len(ledger.applied) :]:
            ledger.apply(each)
    except Exception:
        if cache is not None:
            cache.clear()
        raise
    if cache is not None:
        cache.ledger = ledger
    with_ops = {o.outage_id for o in ordered if o.outage_id is not None}
    return ledger.tallies(max(now, ordered[-1].at)), with_ops


def apply_operation(
    store: Store,
    user: User,
    now: datetime,
    op: DeviceOperation,
    *,
    acting: Outage,
    cache: LedgerCache | None = None,
) -> Changes:
    """Record the operation and bring every outage it touches up to date.

    `acting` is the outage the user is working on, as the user saw it: its update carries
    that version, so a concurrent edit is refused rather than overwritten.
    """
    model = store.network.model()
    switch = switch_of(model, op.device_id)
    if op.action is SwitchAction.OPEN and switch.is_open:
        raise InvalidOperation(
            "{device} is already open", device=switch.name, device_id=op.device_id
        )
    if op.action is SwitchAction.CLOSE and not switch.is_open:
        raise InvalidOperation(
            "{device} is already closed", device=switch.name, device_id=op.device_id
        )
    tallies, with_ops = _window(store, model, op, now, cache)
    store.switching.append(op)
    store.network.set_switch(op.device_id, op.action is SwitchAction.OPEN)
    priority = {p.customer_id for p in store.network.supply_points() if p.priority}
    with_ops |= {o for o in tallies if o is not None}
    changed: set[int] = set()
    journal: set[int] = set()
    for outage in store.outages.list_active():
        if outage.outage_id not in with_ops or outage.status is OutageStatus.PREDICTED:
            continue
        is_acting = outage.outage_id == acting.outage_id
        updated = _recount(outage, _tally(tallies, outage.outage_id), priority)
        if is_acting or updated != outage:
            expected = acting.version if is_acting else outage.version
            store.outages.update(updated, expected_version=expected)
            changed.add(outage.outage_id)
        if updated.status is not outage.status:
            editing.journal(
                store, outage.outage_id, EntryKind.STATUS_CHANGE,
                f"{outage.status.value} → {updated.status.value}",
                user=user, occurred_at=op.at, now=now,
                data=(("from", outage.status.value), ("to", updated.status.value)),
            )  # fmt: skip
            journal.add(outage.outage_id)
    tally = _tally(tallies, acting.outage_id)
    step = tally.steps[-1] if tally.steps and tally.steps[-1].at == op.at else None
    editing.journal(
        store, acting.outage_id, EntryKind.DEVICE_OPERATION,
        f"{switch.name}: {op.action.value}",
        user=user, occurred_at=op.at, now=now,
        data=(
            ("device", op.device_id), ("name", switch.name), ("action", op.action.value),
            ("darkened", str(step.darkened if step else 0)),
            ("restored", str(step.restored if step else 0)),
            ("still_dark", str(tally.customers_out)),
        ),
    )  # fmt: skip
    journal.add(acting.outage_id)
    return Changes(outages=frozenset(changed), network=True, journal=frozenset(journal))


def _tally(tallies: dict[int | None, OutageTally], outage_id: int) -> OutageTally:
    empty = OutageTally(outage_id, timedelta(0), 0, 0, 0, 0, 0, 0, ())
    return tallies.get(outage_id, empty)


def _recount(outage: Outage, tally: OutageTally, priority: set[str]) -> Outage:
    status = status_after_restoration_step(
        outage.status,
        affected=tally.customers_affected,
        out=tally.customers_out,
        restored=tally.customers_restored,
    )
    if status is not outage.status:
        check_transition(outage.status, status)
    restored_at = None
    if status is OutageStatus.RESTORED:
        # The step that brought the last customer back, wherever a late report put it.
        restored_at = tally.steps[-1].at if tally.steps else outage.restored_at
    return replace(
        outage,
        status=status,
        customers_affected=tally.customers_affected,
        customers_out=tally.customers_out,
        priority_customers=len(tally.affected_ids & priority),
        restored_at=restored_at,
    )
