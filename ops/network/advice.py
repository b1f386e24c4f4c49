"""Restoration advice for a faulted segment: isolate it, then give back supply around it.

Judged on the normal switching state (where the segment belongs), played on the present one:

1. open the nearest switch upstream of the faulted segment, and the nearest switch on every
   branch downstream of it: the faulted section is then cut off on all sides;
2. close again the protective devices that tripped upstream (open now on the segment's normal
   supply path): everything upstream of the section gets supply back;
3. for each healthy part downstream, close the normally-open tie that gives the most customers
   back from another feeder.

Each step lists the customers it gives back. Customers inside the faulted section stay dark
until the repair; they are reported too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ops.network.tracing import Topology


class StepAction(StrEnum):
    OPEN = "open"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class AdviceStep:
    action: StepAction
    device_id: str
    customers_restored: int  # customers who have supply after this step and had none before
    note: str


@dataclass(frozen=True, slots=True)
class RestorationAdvice:
    segment_id: str
    upstream_switch: str | None
    downstream_switches: tuple[str, ...]
    steps: tuple[AdviceStep, ...]
    customers_in_faulted_section: int
    customers_dark_now: int


class NoAdviceError(ValueError):
    """The segment cannot be isolated: it has no switch above it in the normal state."""


def advise(topology: Topology, segment_id: str) -> RestorationAdvice:
    """Switching steps that isolate `segment_id` and restore everyone else that can be."""
    if topology.is_switch(segment_id):
        raise NoAdviceError(f"{segment_id} is a switching device, not a line segment")
    normal = topology.with_open_switches(s for s in topology.open_switches if topology.is_tie(s))
    path = normal.supply_path(segment_id)  # raises UnknownElementError for a wrong id
    if not path:
        raise NoAdviceError(f"{segment_id} has no supply path in the normal state")
    upstream = next((e for e in path[1:] if normal.is_switch(e)), None)
    if upstream is None:
        raise NoAdviceError(f"no switching device above {segment_id} can isolate it")
    downstream = tuple(normal.first_switches_below(segment_id))
    tripped = [e for e in path[1:] if e in topology.open_switches and e != upstream]

    open_now = set(topology.open_switches)
    dark_now = _dark_customers(topology, open_now)
    steps: list[AdviceStep] = []
    state = set(open_now)
    isolation = [(upstream, "isolate upstream")] + [(d, "isolate downstream") for d in downstream]
    for device, note in isolation:
        if device not in state:
            state.add(device)
            steps.append(AdviceStep(StepAction.OPEN, device, 0, note))
    dark = _dark_customers(topology, state)
    for device in tripped:
        state.discard(device)
        now_dark = _dark_customers(topology, state)
        steps.append(AdviceStep(StepAction.CLOSE, device, dark - now_dark, "re-energise upstream"))
        dark = now_dark
    faulted = normal.lost_by_opening([upstream]).customers - sum(
        normal.lost_by_opening([d]).customers for d in downstream
    )
    ties = sorted(s for s in topology.open_switches if topology.is_tie(s))
    for part in downstream:
        best: tuple[int, str] | None = None
        for tie in ties:
            if tie not in state:
                continue
            gained = dark - _dark_customers(topology, state - {tie})
            if gained > 0 and (best is None or gained > best[0]):
                best = (gained, tie)
        if best is not None:
            state.discard(best[1])
            steps.append(
                AdviceStep(StepAction.CLOSE, best[1], best[0], f"back-feed the part below {part}")
            )
            dark -= best[0]
    return RestorationAdvice(segment_id, upstream, downstream, tuple(steps), faulted, dark_now)


def _dark_customers(topology: Topology, open_switches: set[str]) -> int:
    moved = topology.with_open_switches(open_switches)
    return moved.customer_total() - moved.energised_customers()
