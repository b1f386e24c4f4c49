"""An imported network as its layers hold it, and the network model it becomes.

The interchange layers name nodes only by id: where a node stands, which feeder each element
belongs to and which transformer supplies each customer are not in the file. `build_model`
derives them from the normal state (normally-open switches open, everything else closed), so
that a GIS export, a pandapower network and the demo generator all give the same kind of model.
"""

from __future__ import annotations

import gc
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ops.network.records import (
    AreaClass,
    Attributes,
    Coord,
    Customer,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    Node,
    Priority,
    Substation,
    SwitchingDevice,
)

# The layers of the interchange format, in the order problems are reported and rows stored.
LAYERS = ("sources", "segments", "switches", "transformers", "customers")
# An imported feeder whose class nobody gave gets the stricter (urban) restoration targets:
# a guess must never hide a missed deadline.
DEFAULT_AREA_CLASS = AreaClass.URBAN


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a district's records are built or stored.

    Hundreds of thousands of new records (which hold no reference cycles) would set the
    collector off again and again over the growing heap: a third of an import's time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class Source:
    """A supply point: a substation's busbar or a feeder head, at `node_id`; becomes a feeder."""

    source_id: str
    node_id: str
    name: str
    position: Coord
    substation_id: str | None = None
    voltage_kv: float | None = None
    area_class: AreaClass | None = None
    attributes: Attributes = ()


@dataclass(frozen=True, slots=True)
class NetworkData:
    """One network as the interchange layers hold it, before anything is derived.

    Switches carry their normal state (`is_open == normal_open`); elements have no feeder and
    customers no transformer yet.
    """

    sources: tuple[Source, ...] = ()
    segments: tuple[LineSegment, ...] = ()
    switches: tuple[SwitchingDevice, ...] = ()
    transformers: tuple[DistributionTransformer, ...] = ()
    customers: tuple[Customer, ...] = ()
    substations: tuple[Substation, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "segments": len(self.segments),
            "switches": len(self.switches),
            "transformers": len(self.transformers),
            "customers": len(self.customers),
        }


@dataclass(frozen=True, slots=True)
class ImportedNetwork:
    """What a valid import stores: the model in its normal state and the customers on it."""

    model: NetworkModel
    customers: tuple[Customer, ...]


def element_ends(data: NetworkData) -> Iterable[tuple[str, str, str, str]]:
    """(layer, element id, from node, to node) of every element that connects two nodes."""
    for g in data.segments:
        yield "segments", g.segment_id, g.from_node, g.to_node
    for t in data.transformers:
        yield "transformers", t.transformer_id, t.from_node, t.to_node
    for w in data.switches:
        yield "switches", w.switch_id, w.from_node, w.to_node


def node_positions(data: NetworkData) -> dict[str, Coord]:
    """Where each node stands: a line's end first (the most precisely drawn), then the points."""
    at: dict[str, Coord] = {}
    for g in data.segments:
        at.setdefault(g.from_node, g.path[0])
        at.setdefault(g.to_node, g.path[-1])
    for s in data.sources:
        at.setdefault(s.node_id, s.position)
    for w in data.switches:
        at.setdefault(w.from_node, w.position)
        at.setdefault(w.to_node, w.position)
    for t in data.transformers:
        at.setdefault(t.from_node, t.position)
        at.setdefault(t.to_node, t.position)
    return at


@dataclass(slots=True)
class _Trace:
    """The normal state traced from the sources: who feeds each node, through which transformer."""

    feeder_of_node: dict[str, str]
    transformer_of_node: dict[str, str]


def _trace_normal_state(data: NetworkData) -> _Trace:
    adjacency: dict[str, list[tuple[str, str | None]]] = {}

    def link(a: str, b: str, transformer: str | None) -> None:
        adjacency.setdefault(a, []).append((b, transformer))
        adjacency.setdefault(b, []).append((a, transformer))

    for g in data.segments:
        link(g.from_node, g.to_node, None)
    for w in data.switches:
        if not w.normal_open:
            link(w.from_node, w.to_node, None)
    for t in data.transformers:
        link(t.from_node, t.to_node, t.transformer_id)
    feeder_of: dict[str, str] = {}
    transformer_of: dict[str, str] = {}
    for source in data.sources:
        if source.node_id in feeder_of:
            continue  # two sources on one node: the first one listed feeds it
        feeder_of[source.node_id] = source.source_id
        queue = deque([source.node_id])
        while queue:
            node = queue.popleft()
            upstream_transformer = transformer_of.get(node)
            for neighbour, transformer in adjacency.get(node, ()):
                if neighbour in feeder_of:
                    continue
                feeder_of[neighbour] = source.source_id
                supplier = transformer or upstream_transformer
                if supplier is not None:
                    transformer_of[neighbour] = supplier
                queue.append(neighbour)
    return _Trace(feeder_of, transformer_of)


def build_model(data: NetworkData) -> ImportedNetwork:
    """The network model of a valid import (see `ops.network.validation.validate_network`)."""
    trace = _trace_normal_state(data)
    feeder_of = trace.feeder_of_node

    def feeder(a: str, b: str) -> str | None:
        return feeder_of.get(a) or feeder_of.get(b)

    # Constructors, not dataclasses.replace: this runs for every one of 200,000 customers.
    segments = tuple(
        LineSegment(
            g.segment_id,
            g.from_node,
            g.to_node,
            g.name,
            g.voltage_kv,
            g.path,
            feeder(g.from_node, g.to_node),
            g.attributes,
        )
        for g in data.segments
    )
    switches = tuple(
        SwitchingDevice(
            w.switch_id,
            w.from_node,
            w.to_node,
            w.kind,
            w.name,
            w.normal_open,
            w.normal_open,
            w.position,
            # A normally-open tie belongs to the feeder on its from_node side, if any.
            feeder(w.from_node, w.to_node),
            w.attributes,
        )
        for w in data.switches
    )
    transformers = tuple(
        DistributionTransformer(
            t.transformer_id,
            t.from_node,
            t.to_node,
            t.kva,
            t.name,
            t.position,
            feeder(t.from_node, t.to_node),
            t.attributes,
        )
        for t in data.transformers
    )
    supplier = trace.transformer_of_node
    customers = tuple(
        Customer(
            c.customer_id,
            c.name,
            c.node_id,
            supplier.get(c.node_id),
            c.phone,
            c.address,
            c.priority,
            c.position,
            c.attributes,
        )
        for c in data.customers
    )
    counts: Counter[str] = Counter()
    priority: Counter[str] = Counter()
    for c in customers:
        if c.transformer_id is not None:
            counts[c.transformer_id] += 1
            if c.priority is not Priority.NONE:
                priority[c.transformer_id] += 1
    model = NetworkModel(
        substations=data.substations,
        feeders=_feeders(data.sources, segments),
        nodes=tuple(Node(n, p) for n, p in node_positions(data).items()),
        segments=segments,
        switches=switches,
        transformers=transformers,
        customer_counts=dict(counts),
        priority_counts=dict(priority),
    )
    return ImportedNetwork(model, customers)


def _feeders(sources: Sequence[Source], segments: Sequence[LineSegment]) -> tuple[Feeder, ...]:
    voltages: dict[str, Counter[float]] = {}
    for g in segments:
        if g.feeder_id is not None:
            voltages.setdefault(g.feeder_id, Counter())[g.voltage_kv] += 1
    out = []
    for s in sources:
        voltage = s.voltage_kv
        if voltage is None:
            # The voltage most of the feeder's lines have; 0 if it has none (unknown).
            common = voltages.get(s.source_id, Counter()).most_common(1)
            voltage = common[0][0] if common else 0.0
        out.append(
            Feeder(
                s.source_id,
                s.name or s.source_id,
                s.substation_id,
                s.node_id,
                voltage,
                s.area_class or DEFAULT_AREA_CLASS,
                s.attributes,
            )
        )
    return tuple(out)


def to_interchange(model: NetworkModel, customers: Iterable[Customer]) -> NetworkData:
    """A stored or generated network as interchange layers: its feeders become sources.

    Switches are exported in their normal state: the layers describe the network as built,
    not as operated today.
    """
    at = {n.node_id: n.position for n in model.nodes}
    sources = tuple(
        Source(
            f.feeder_id,
            f.source_node,
            f.name,
            at.get(f.source_node, (0.0, 0.0)),
            f.substation_id,
            f.voltage_kv,
            f.area_class,
            f.attributes,
        )
        for f in model.feeders
    )
    return NetworkData(
        sources=sources,
        segments=tuple(
            LineSegment(
                g.segment_id,
                g.from_node,
                g.to_node,
                g.name,
                g.voltage_kv,
                g.path,
                None,
                g.attributes,
            )
            for g in model.segments
        ),
        switches=tuple(
            SwitchingDevice(
                w.switch_id,
                w.from_node,
                w.to_node,
                w.kind,
                w.name,
                w.normal_open,
                w.normal_open,
                w.position,
                None,
                w.attributes,
            )
            for w in model.switches
        ),
        transformers=tuple(
            DistributionTransformer(
                t.transformer_id,
                t.from_node,
                t.to_node,
                t.kva,
                t.name,
                t.position,
                None,
                t.attributes,
            )
            for t in model.transformers
        ),
        customers=tuple(
            Customer(
                c.customer_id,
                c.name,
                c.node_id,
                None,
                c.phone,
                c.address,
                c.priority,
                c.position,
                c.attributes,
            )
            for c in customers
        ),
        substations=model.substations,
    )


@dataclass(frozen=True, slots=True)
class KindChanges:
    """What an import did to one kind of element."""

    kind: str
    total: int  # how many there are after the import
    added: int = 0
    changed: int = 0
    removed: int = 0


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import changed, kind by kind, for the person who ran it and the history table."""

    kinds: tuple[KindChanges, ...]

    def of(self, kind: str) -> KindChanges:
        return next(k for k in self.kinds if k.kind == kind)

    @property
    def unchanged(self) -> bool:
        return not any(k.added or k.changed or k.removed for k in self.kinds)

    def lines(self) -> list[str]:
        width = max(len(k.kind) for k in self.kinds)
        return [
            f"{k.kind:<{width}}  {k.total:>9,}  (+{k.added:,} added, {k.changed:,} changed, "
            f"-{k.removed:,} removed)"
            for k in self.kinds
        ]

    def as_json(self) -> dict[str, dict[str, int]]:
        return {
            k.kind: {
                "total": k.total,
                "added": k.added,
                "changed": k.changed,
                "removed": k.removed,
            }
            for k in self.kinds
        }
