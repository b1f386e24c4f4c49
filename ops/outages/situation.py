"""Supply state of every network element: energised, dark from a fault, or off for planned work."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ops.network.records import NetworkModel
from ops.network.tracing import Topology
from ops.outages.records import Outage, OutageKind


class SupplyState(StrEnum):
    ENERGISED = "energised"
    DARK = "dark"  # de-energised by a fault or an unplanned operation
    PLANNED = "planned"  # de-energised for announced work


@dataclass(frozen=True, slots=True)
class NetworkSituation:
    """Which segments and transformers are without supply, and why. Energised ones are omitted."""

    segments: dict[str, SupplyState]
    transformers: dict[str, SupplyState]
    open_switches: frozenset[str] = frozenset()
    # Open outage id -> the segments it keeps dark (each dark segment belongs to one outage).
    segments_by_outage: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def state_of(self, element_id: str) -> SupplyState:
        return self.segments.get(
            element_id, self.transformers.get(element_id, SupplyState.ENERGISED)
        )


def assess(model: NetworkModel, topology: Topology, outages: Iterable[Outage]) -> NetworkSituation:
    """Trace the network as it is now and label each dark element by what darkened it.

    An element dark only because of planned work is PLANNED; an element that would stay
    dark even if the planned work's devices were closed is DARK (a fault outranks a plan).
    """
    open_outages = [o for o in outages if o.status.is_open and o.device_id is not None]
    planned_devices = {
        o.device_id for o in open_outages if o.kind is OutageKind.PLANNED and o.device_id
    }
    now = topology.trace()
    without_plans = topology.trace_with_closed(planned_devices) if planned_devices else now

    def label(node_id: str) -> SupplyState | None:
        if now.is_energised(node_id):
            return None
        if without_plans.is_energised(node_id):
            return SupplyState.PLANNED
        return SupplyState.DARK

    segments: dict[str, SupplyState] = {}
    for seg in model.segments:
        state = label(seg.from_node)
        if state is not None:
            segments[seg.segment_id] = state
    transformers: dict[str, SupplyState] = {}
    for tr in model.transformers:
        state = label(tr.to_node)
        if state is not None:
            transformers[tr.transformer_id] = state
    return NetworkSituation(
        segments,
        transformers,
        topology.open_switches,
        _attribute(model, topology, open_outages, set(segments)),
    )


def _attribute(
    model: NetworkModel,
    topology: Topology,
    open_outages: list[Outage],
    dark_segments: set[str],
) -> dict[int, tuple[str, ...]]:
    """Give each dark segment to the outage of the nearest open device upstream of it.

    Upstream is judged in the normal switching state. A fuse blown inside a section a
    recloser has already darkened keeps its own lateral; the recloser's outage keeps the rest,
    so no segment belongs to two outages.
    """
    owner_of_device = {o.device_id: o.outage_id for o in open_outages if o.device_id is not None}
    parents = topology.normal_parents()
    owner_of_node: dict[str, int | None] = {}

    def owner(node: str) -> int | None:
        path: list[str] = []
        found: int | None = None
        while node in parents and node not in owner_of_node:
            path.append(node)
            upstream, element = parents[node]
            if element in owner_of_device:
                found = owner_of_device[element]
                break
            node = upstream
        else:
            found = owner_of_node.get(node)
        for visited in path:
            owner_of_node[visited] = found
        return found

    by_outage: dict[int, list[str]] = {o.outage_id: [] for o in open_outages}
    for seg in model.segments:
        if seg.segment_id in dark_segments:
            fed_through_to = parents.get(seg.to_node, ("", ""))[1] == seg.segment_id
            outage_id = owner(seg.to_node if fed_through_to else seg.from_node)
            if outage_id is not None:
                by_outage[outage_id].append(seg.segment_id)
    return {k: tuple(v) for k, v in by_outage.items()}
