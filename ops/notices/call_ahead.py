"""The call-ahead list of a planned interruption: who loses supply while the work is done.

The switching plan is walked in step order. An "open" takes a device out (or re-opens a tie
the plan closed earlier); a "close" either restores a device the plan opened or closes a
device that is open now (a tie that back-feeds part of the area). After every "open" the
customers cut off in that state are traced; the list is everyone cut off in any state, so a
customer dark only between two switching steps is told too. Reclosing steps change nothing.

The topology must hold customer ids and be in the switch states the work starts from
(normally the normal states: `Topology(...).with_open_switches(<normally open ids>)`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ops.network.records import Customer, Priority
from ops.network.tracing import Topology
from ops.notices.area import AreaDescription, describe_area
from ops.planned.records import PlannedOutage, SwitchAction, SwitchingStep


@dataclass(frozen=True, slots=True)
class CallAheadList:
    """The customers and transformers off supply during a plan's work, and the area in words."""

    plan_id: int
    customers: tuple[Customer, ...]  # by customer code
    transformer_ids: tuple[str, ...]  # in tracing order
    area: AreaDescription
    unknown_customer_ids: tuple[str, ...]  # traced but missing from the customer table

    @property
    def priority_customers(self) -> tuple[Customer, ...]:
        """Hospitals, water plants, life-support homes…: they get a call and a letter."""
        return tuple(c for c in self.customers if c.priority is not Priority.NONE)

    @property
    def customer_ids(self) -> tuple[str, ...]:
        return tuple(c.customer_id for c in self.customers)

    def __len__(self) -> int:
        return len(self.customers)


def build_call_ahead(
    plan: PlannedOutage, topology: Topology, customers: Mapping[str, Customer]
) -> CallAheadList:
    """The call-ahead list of the plan's switching steps, traced on `topology`."""
    ids: dict[str, None] = {}
    transformers: dict[str, None] = {}
    variants: dict[frozenset[str], Topology] = {frozenset(): topology}
    for opened, closed in switching_states(plan.steps, topology.open_switches):
        state = variants.get(closed)
        if state is None:
            state = variants[closed] = topology.with_open_switches(topology.open_switches - closed)
        lost = state.lost_by_opening(opened)
        if lost.customers and not lost.customer_ids:
            raise ValueError("the call-ahead list needs a topology built with customer ids")
        ids.update(dict.fromkeys(lost.customer_ids))
        transformers.update(dict.fromkeys(lost.transformers))
    found = [c for cid in ids if (c := customers.get(cid)) is not None]
    found.sort(key=lambda c: c.customer_id)
    return CallAheadList(
        plan.plan_id,
        tuple(found),
        tuple(transformers),
        describe_area(c.address for c in found),
        tuple(sorted(cid for cid in ids if cid not in customers)),
    )


def switching_states(
    steps: tuple[SwitchingStep, ...], open_now: frozenset[str]
) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """(devices the plan holds open, devices open now that the plan has closed) after each open."""
    opened: dict[str, None] = {}
    closed: set[str] = set()
    states: list[tuple[tuple[str, ...], frozenset[str]]] = []
    for step in sorted(steps, key=lambda s: s.sequence):
        device = step.device_id
        if step.action is SwitchAction.OPEN:
            if device in closed:
                closed.discard(device)
            else:
                opened[device] = None
            states.append((tuple(opened), frozenset(closed)))
        elif step.action is SwitchAction.CLOSE:
            if device in opened:
                del opened[device]  # restoration
            elif device in open_now:
                closed.add(device)  # a tie closed to back-feed
    return states
