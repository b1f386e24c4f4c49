"""Exact customer interruption accounting from a sequence of device operations.

Who is dark is never guessed: each operation moves the tracing index to the new switch
state, and the customers that lose or regain supply are read from it (`lost_by_opening` on
the state before an opening, on the state after a closing), so every customer's dark
periods are exact. A customer dark through several operations has ONE interruption.

Attribution rule (which outage a dark second belongs to):

    At each moment a dark customer belongs to the outage of the NEAREST OPEN DEVICE on the
    path that LAST SUPPLIED it, counting only devices opened as part of an outage.
    If no such device is on that path, the nearest such device on its NORMAL supply path
    decides; failing that too, the time is owed to no outage (outage None).

In the normal configuration the last supply path is the normal one, so this is the rule
`ops.outages.situation` uses for segments. Consequences:

- a fuse that blows (or is taken out) inside a section a recloser already darkened takes its
  lateral from the recloser's outage at that moment; a fuse that blew first keeps its lateral
  when the recloser opens later;
- when the outer device closes and the inner one is still open, the rest of the time is the
  inner outage's; when the inner one is closed first, its customers go back to the outer;
- a section back-fed through a tie and then darkened by the other feeder's breaker belongs
  to that breaker's outage, not to the open device on its normal path;
- an interruption is counted once, for the outage whose operation began it.

Only switching devices operate; opening one already open (or closing one already closed) is
refused, as is going back in time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ops.errors import InvalidOperation
from ops.network.records import NetworkModel
from ops.network.tracing import Feeding, Topology
from ops.outages.customer_interruptions import (
    MOMENTARY_LIMIT,
    Accounting,
    CustomerInterruption,
    DeviceOperation,
    InterruptionKind,
    OutageStep,
    OutageTally,
    Share,
    classify,
)
from ops.planned.records import SwitchAction

Outage = int | None


@dataclass(slots=True)
class _Dark:
    """A customer in an interruption: where it sat on its last supply path, whose it is now."""

    customer_id: str
    feeding: Feeding
    position: int
    start: datetime
    began_before: bool
    device: str | None = None  # the open device it is owed to
    shares: list[Share] = field(default_factory=list)


@dataclass(slots=True)
class _Tally:
    time: timedelta = timedelta(0)  # of closed shares; open ones are added at a snapshot
    interrupted: int = 0
    affected: set[str] = field(default_factory=set)
    restored: int = 0
    momentary: int = 0  # of ended interruptions it began
    sustained: int = 0
    steps: list[OutageStep] = field(default_factory=list)


@dataclass(slots=True)
class _StepCounts:
    darkened: int = 0
    taken_over: int = 0
    restored: int = 0
    handed_over: int = 0


class Ledger:
    """The accounting kept up to date one operation at a time (the console may keep one)."""

    def __init__(
        self,
        model: NetworkModel,
        customers: Iterable[tuple[str, str]],
        *,
        since: datetime,
        initial_open: Mapping[str, Outage] | None = None,
        momentary_limit: timedelta = MOMENTARY_LIMIT,
    ) -> None:
        normally_open: dict[str, Outage] = {
            s.switch_id: None for s in model.switches if s.normal_open
        }
        self._switch_ids = frozenset(s.switch_id for s in model.switches)
        self._topology = Topology(model, customers).with_open_switches(normally_open)
        self._normal = self._topology.feeding()
        self._normal_position = dict(
            zip(self._normal.customer_ids, self._normal.positions, strict=True)
        )
        self._limit = momentary_limit
        self._open: dict[str, Outage] = dict(normally_open)
        self._dark: dict[str, _Dark] = {}
        self._groups: dict[int, tuple[Feeding, set[str]]] = {}  # darkened together
        self._held: dict[str | None, set[str]] = {}  # open device -> customers owed to it
        self._fallback: set[str] = set()  # owed by the normal-path rule, or to nobody
        self._by_outage: dict[Outage, set[str]] = {}
        self._done: dict[str, list[CustomerInterruption]] = {}
        self._tallies: dict[Outage, _Tally] = {}
        self._since = self._now = since
        self._applied: list[DeviceOperation] = []
        self._step: dict[Outage, _StepCounts] | None = None
        wanted = dict(normally_open if initial_open is None else initial_open)
        self._initial = frozenset(wanted)
        # Closings first, so a section back-fed at the start is never dark for an instant.
        for device in sorted(set(self._open) - set(wanted)):
            self._close(DeviceOperation(since, device, SwitchAction.CLOSE))
        for device in sorted(set(wanted) - set(self._open)):
            self._open_device(
                DeviceOperation(since, device, SwitchAction.OPEN, wanted[device]), initial=True
            )
        for device in set(wanted) & set(self._open):
            self._open[device] = wanted[device]

    @property
    def since(self) -> datetime:
        return self._since

    @property
    def now(self) -> datetime:
        """The time of the last operation applied (or the start)."""
        return self._now

    @property
    def initial_open(self) -> frozenset[str]:
        return self._initial

    @property
    def applied(self) -> Sequence[DeviceOperation]:
        """The operations applied so far, in the order applied."""
        return self._applied

    @property
    def open_devices(self) -> Mapping[str, Outage]:
        """Switches open now, with the outage each was opened for."""
        return self._open

    @property
    def topology(self) -> Topology:
        """The tracing index in the present switch state."""
        return self._topology

    def customers_out(self, outage: Outage) -> frozenset[str]:
        """Customers dark now on the outage's account."""
        return frozenset(self._by_outage.get(outage, ()))

    def apply(self, op: DeviceOperation) -> None:
        """One operation, in time order."""
        if op.at < self._now:
            raise InvalidOperation(
                "device operations must be applied in time order", device=op.device_id
            )
        if op.device_id not in self._switch_ids:
            raise InvalidOperation("{device} is not a switching device", device=op.device_id)
        if op.action in (SwitchAction.OPEN, SwitchAction.CLOSE):
            self._step = {}
            if op.action is SwitchAction.OPEN:
                self._open_device(op)
            else:
                self._close(op)
            self._record_step(op)
        # reclosing on or off changes nobody's supply
        self._now = op.at
        self._applied.append(op)

    # --- operations ---------------------------------------------------------------------

    def _open_device(self, op: DeviceOperation, *, initial: bool = False) -> None:
        device = op.device_id
        if device in self._open:
            raise InvalidOperation("{device} is already open", device=device)
        feeding = self._topology.feeding(device)
        self._open[device] = op.outage_id
        self._topology = self._topology.with_open_switches(self._open)
        older = self._candidates_for(device) if op.outage_id is not None else []
        members: set[str] = set()
        for customer_id, position in zip(feeding.customer_ids, feeding.positions, strict=True):
            self._dark[customer_id] = _Dark(customer_id, feeding, position, op.at, initial)
            members.add(customer_id)
            if op.outage_id is not None:  # all of them are behind this device, nearest open
                self._assign(customer_id, device, op.at, fallback=False)
        if members:
            self._groups[id(feeding)] = (feeding, members)
        if op.outage_id is None:
            self._resolve(feeding.customer_ids, op.at)
        self._resolve(older, op.at)

    def _close(self, op: DeviceOperation) -> None:
        device = op.device_id
        if device not in self._open:
            raise InvalidOperation("{device} is already closed", device=device)
        del self._open[device]
        self._topology = self._topology.with_open_switches(self._open)
        for customer_id in self._topology.lost_by_opening([device]).customer_ids:
            if customer_id in self._dark:  # not a customer supplied for the first time
                self._end(customer_id, op.at)
        self._resolve(sorted(self._held.pop(device, ())), op.at)

    # --- attribution --------------------------------------------------------------------

    def _candidates_for(self, device: str) -> list[str]:
        """Customers already dark that a newly opened outage device may take over."""
        found: list[str] = []
        for feeding, members in self._groups.values():
            span = feeding.switches.get(device)
            if span is not None:
                lo, hi = span
                found.extend(c for c in members if lo <= self._dark[c].position < hi)
        normal = self._normal.switches.get(device)
        if normal is not None:
            lo, hi = normal
            found.extend(c for c in self._fallback if lo <= self._normal_position.get(c, -1) < hi)
        return found

    def _resolve(self, customer_ids: Iterable[str], at: datetime) -> None:
        """Give each customer to the nearest open outage device by the attribution rule."""
        groups: dict[int, list[str]] = {}
        for customer_id in customer_ids:
            groups.setdefault(id(self._dark[customer_id].feeding), []).append(customer_id)
        if not groups:
            return
        outage_devices = [d for d, o in self._open.items() if o is not None]
        normal = self._normal.switches
        normal_spans = [(d, normal[d]) for d in outage_devices if d in normal]
        for members in groups.values():
            feeding = self._dark[members[0]].feeding
            spans = [(d, feeding.switches[d]) for d in outage_devices if d in feeding.switches]
            for customer_id in members:
                device = _nearest(spans, self._dark[customer_id].position)
                fallback = device is None
                if fallback:
                    position = self._normal_position.get(customer_id)
                    device = None if position is None else _nearest(normal_spans, position)
                self._assign(customer_id, device, at, fallback=fallback)

    def _assign(
        self, customer_id: str, device: str | None, at: datetime, *, fallback: bool
    ) -> None:
        dark = self._dark[customer_id]
        held = self._held.get(dark.device) if dark.shares else None
        if held is not None:  # None too when its device has just closed
            held.discard(customer_id)
        dark.device = device
        self._held.setdefault(device, set()).add(customer_id)
        if fallback:
            self._fallback.add(customer_id)
        else:
            self._fallback.discard(customer_id)
        outage = None if device is None else self._open[device]
        if dark.shares:
            current = dark.shares[-1].outage_id
            if outage == current:
                return
            self._close_share(dark, at)
            self._counts(current).handed_over += 1
            self._counts(outage).taken_over += 1
        else:
            self._tally(outage).interrupted += 1
            self._counts(outage).darkened += 1
        dark.shares.append(Share(outage, at, None))
        self._tally(outage).affected.add(customer_id)
        self._by_outage.setdefault(outage, set()).add(customer_id)

    def _close_share(self, dark: _Dark, at: datetime) -> None:
        last = dark.shares[-1]
        dark.shares[-1] = Share(last.outage_id, last.start, at)
        self._tally(last.outage_id).time += at - last.start
        self._by_outage[last.outage_id].discard(dark.customer_id)

    def _end(self, customer_id: str, at: datetime) -> None:
        dark = self._dark.pop(customer_id)
        self._held.get(dark.device, set()).discard(customer_id)
        self._fallback.discard(customer_id)
        feeding, members = self._groups[id(dark.feeding)]
        members.discard(customer_id)
        if not members:
            del self._groups[id(feeding)]
        owner = dark.shares[-1].outage_id
        self._close_share(dark, at)
        self._tally(owner).restored += 1
        self._counts(owner).restored += 1
        began = self._tally(dark.shares[0].outage_id)
        if classify(at - dark.start, self._limit) is InterruptionKind.MOMENTARY:
            began.momentary += 1
        else:
            began.sustained += 1
        self._done.setdefault(customer_id, []).append(
            CustomerInterruption(
                customer_id, dark.start, at, dark.shares[0].outage_id, tuple(dark.shares),
                dark.began_before,
            )
        )  # fmt: skip

    # --- bookkeeping --------------------------------------------------------------------

    def _tally(self, outage: Outage) -> _Tally:
        tally = self._tallies.get(outage)
        if tally is None:
            tally = self._tallies[outage] = _Tally()
        return tally

    def _counts(self, outage: Outage) -> _StepCounts:
        if self._step is None:  # setting up the initial state is not a step
            return _StepCounts()
        counts = self._step.get(outage)
        if counts is None:
            counts = self._step[outage] = _StepCounts()
        return counts

    def _record_step(self, op: DeviceOperation) -> None:
        assert self._step is not None
        for outage, n in self._step.items():
            self._tally(outage).steps.append(
                OutageStep(
                    op.at, op.device_id, op.action, n.darkened, n.taken_over, n.restored,
                    n.handed_over, tuple(sorted(self._by_outage.get(outage, ()))),
                )
            )  # fmt: skip
        self._step = None

    def tallies(self, until: datetime) -> dict[Outage, OutageTally]:
        """Every outage's figures up to `until` (no earlier than the last operation)."""
        if until < self._now:
            raise ValueError("an accounting cannot end before its last operation")
        time = {o: t.time for o, t in self._tallies.items()}
        ongoing: dict[Outage, list[int]] = {o: [0, 0] for o in self._tallies}
        for dark in self._dark.values():
            last = dark.shares[-1]
            time[last.outage_id] += until - last.start
            if until - dark.start > self._limit:  # short ones are not known yet
                ongoing[dark.shares[0].outage_id][1] += 1
        return {
            o: OutageTally(
                o, time[o], t.interrupted, len(t.affected), t.restored,
                len(self._by_outage.get(o, ())), t.momentary, t.sustained + ongoing[o][1],
                tuple(t.steps), frozenset(t.affected),
            )
            for o, t in self._tallies.items()
        }  # fmt: skip

    def snapshot(self, until: datetime) -> Accounting:
        """Interruptions and tallies up to `until` (no earlier than the last operation)."""
        tallies = self.tallies(until)
        spans = {c: list(done) for c, done in self._done.items()}
        for customer_id, dark in self._dark.items():
            spans.setdefault(customer_id, []).append(
                CustomerInterruption(
                    customer_id, dark.start, None, dark.shares[0].outage_id, tuple(dark.shares),
                    dark.began_before,
                )
            )  # fmt: skip
        return Accounting(until, {c: tuple(s) for c, s in spans.items()}, tallies)


def _nearest(spans: Sequence[tuple[str, tuple[int, int]]], position: int) -> str | None:
    """The device with the smallest range containing the position: the nearest upstream."""
    best: str | None = None
    best_size = -1
    for device, (lo, hi) in spans:
        if lo <= position < hi and (best is None or hi - lo < best_size):
            best, best_size = device, hi - lo
    return best


def account(
    model: NetworkModel,
    customers: Iterable[tuple[str, str]],
    operations: Iterable[DeviceOperation],
    *,
    until: datetime,
    since: datetime | None = None,
    initial_open: Mapping[str, Outage] | None = None,
    momentary_limit: timedelta = MOMENTARY_LIMIT,
) -> Accounting:
    """Replay operations (sorted by time, ties in the order given) from the normal state.

    `initial_open` gives the switches open at `since` (ties included) and the outage each
    belongs to; without it the window starts in the normal state.
    """
    ops = sorted(operations, key=lambda o: o.at)
    start = since if since is not None else (ops[0].at if ops else until)
    ledger = Ledger(
        model, customers, since=start, initial_open=initial_open, momentary_limit=momentary_limit
    )
    for op in ops:
        ledger.apply(op)
    return ledger.snapshot(until)


def account_log(
    model: NetworkModel,
    customers: Iterable[tuple[str, str]],
    logged: Sequence[DeviceOperation],
    *,
    since: datetime,
    until: datetime,
) -> Accounting:
    """Replay the switching log from `since` to `until`, starting from the state at `since`.

    `model` has the switch states of now and `logged` is everything logged from `since` to
    now; the state at `since` is found by undoing it (later operations are not replayed).
    """
    logged = [op for op in logged if op.at >= since]
    open_now = (s.switch_id for s in model.switches if s.is_open)
    initial_open = dict.fromkeys(open_before(open_now, logged))
    in_window = [op for op in logged if op.at < until]
    return account(model, customers, in_window, until=until, since=since, initial_open=initial_open)


def open_before(open_now: Iterable[str], operations: Sequence[DeviceOperation]) -> frozenset[str]:
    """The switches open before these operations, from those open after them (undo in reverse)."""
    state = set(open_now)
    for op in reversed(sorted(operations, key=lambda o: o.at)):
        if op.action is SwitchAction.OPEN:
            if op.device_id not in state:
                raise InvalidOperation(
                    "the log opens {device}, but it is not open now", device=op.device_id
                )
            state.discard(op.device_id)
        elif op.action is SwitchAction.CLOSE:
            state.add(op.device_id)
    return frozenset(state)
