"""A district-sized network for benchmarks: the demo district tiled until it has ~50,000 nodes.

Each copy gets its own id prefix and a geographic offset; customers are spread over the
transformers to the wanted total. Deterministic.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime

from ops.demo import generate_demo_district
from ops.network.records import Feeder, LineSegment, NetworkModel, Node, SwitchingDevice

NOW = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)


def big_district(
    target_nodes: int = 50_000, customers: int = 200_000
) -> tuple[NetworkModel, list[tuple[str, str]]]:
    """(network in its normal switching state, (customer id, node id) pairs)."""
    base = generate_demo_district(NOW).network
    copies = max(1, round(target_nodes / len(base.nodes)))
    nodes: list[Node] = []
    feeders: list[Feeder] = []
    segments: list[LineSegment] = []
    switches: list[SwitchingDevice] = []
    transformers = []
    for k in range(copies):
        p = f"K{k:02d}-"
        dx, dy = (k % 4) * 0.25, (k // 4) * 0.25

        def at(c: tuple[float, float]) -> tuple[float, float]:
            return (c[0] + dx, c[1] + dy)  # noqa: B023 (used inside this iteration only)

        nodes += [Node(p + n.node_id, at(n.position)) for n in base.nodes]
        feeders += [
            replace(f, feeder_id=p + f.feeder_id, source_node=p + f.source_node)
            for f in base.feeders
        ]
        segments += [
            replace(s, segment_id=p + s.segment_id, from_node=p + s.from_node,
                    to_node=p + s.to_node, path=tuple(at(c) for c in s.path))
            for s in base.segments
        ]  # fmt: skip
        switches += [
            replace(s, switch_id=p + s.switch_id, from_node=p + s.from_node,
                    to_node=p + s.to_node, is_open=s.normal_open, position=at(s.position))
            for s in base.switches
        ]  # fmt: skip
        transformers += [
            replace(t, transformer_id=p + t.transformer_id, from_node=p + t.from_node,
                    to_node=p + t.to_node, position=at(t.position))
            for t in base.transformers
        ]  # fmt: skip
    rng = random.Random(2026)
    lv_nodes = [t.to_node for t in transformers]
    pairs = [(f"PB{i:011d}", rng.choice(lv_nodes)) for i in range(customers)]
    counts: dict[str, int] = {}
    lv_to_tr = {t.to_node: t.transformer_id for t in transformers}
    for _, node in pairs:
        counts[lv_to_tr[node]] = counts.get(lv_to_tr[node], 0) + 1
    model = NetworkModel(
        substations=base.substations,
        feeders=tuple(feeders),
        nodes=tuple(nodes),
        segments=tuple(segments),
        switches=tuple(switches),
        transformers=tuple(transformers),
        customer_counts=counts,
    )
    return model, pairs
