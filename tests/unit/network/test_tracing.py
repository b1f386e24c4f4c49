"""The tracing index answers exactly what a plain search from the sources would answer."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ops.demo import generate_demo_district
from ops.network.records import (
    AreaClass,
    DeviceKind,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    SwitchingDevice,
)
from ops.network.tracing import Topology, UnknownElementError
from tests.unit.builders import tiny_network, with_switch_open

NOW = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)


def oracle(
    model: NetworkModel, customers: list[tuple[str, str]], opened: Iterable[str]
) -> tuple[set[str], set[str]]:
    """(customer ids, transformer ids) that lose supply: by brute force, two searches."""
    edges = [
        *((s.segment_id, s.from_node, s.to_node) for s in model.segments),
        *((s.switch_id, s.from_node, s.to_node) for s in model.switches),
        *((t.transformer_id, t.from_node, t.to_node) for t in model.transformers),
    ]
    open_now = {s.switch_id for s in model.switches if s.is_open}

    def reach(cut: set[str]) -> set[str]:
        adjacency: dict[str, list[str]] = {}
        for element, a, b in edges:
            if element not in cut:
                adjacency.setdefault(a, []).append(b)
                adjacency.setdefault(b, []).append(a)
        seen = {f.source_node for f in model.feeders}
        queue = deque(seen)
        while queue:
            for nxt in adjacency.get(queue.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    lost = reach(open_now) - reach(open_now | set(opened))
    return (
        {c for c, node in customers if node in lost},
        {t.transformer_id for t in model.transformers if t.to_node in lost},
    )


def check(model: NetworkModel, customers: list[tuple[str, str]], opened: list[str]) -> None:
    affected = Topology(model, customers).lost_by_opening(opened)
    want_customers, want_transformers = oracle(model, customers, opened)
    assert set(affected.customer_ids) == want_customers
    assert affected.customers == len(want_customers) == len(affected.customer_ids)
    assert set(affected.transformers) == want_transformers
    assert len(affected.transformers) == len(want_transformers)


def test_opening_a_recloser_loses_what_is_behind_it() -> None:
    model = tiny_network()
    customers = [
        (f"C-{t.transformer_id}-{i}", t.to_node) for t in model.transformers for i in range(3)
    ]
    topology = Topology(model, customers)
    affected = topology.lost_by_opening(["REC-473"])
    assert set(affected.transformers) == {"T-F2-2"}
    assert affected.customers == 3
    check(model, customers, ["REC-473"])
    assert topology.lost_by_opening(["TIE-471-473"]).customers == 0  # open already


def test_an_element_that_is_not_in_the_model_is_named_in_the_error() -> None:
    with pytest.raises(UnknownElementError, match="NOPE-1"):
        Topology(tiny_network()).lost_by_opening(["NOPE-1"])


def test_with_the_tie_closed_nothing_on_the_loop_is_lost_alone_but_together_it_is() -> None:
    model = with_switch_open(tiny_network(), "TIE-471-473", is_open=False)
    customers = [(f"C-{t.transformer_id}", t.to_node) for t in model.transformers]
    topology = Topology(model, customers)
    assert not topology.is_radial
    assert topology.lost_by_opening(["REC-473"]).customers == 0  # back-fed through the tie
    check(model, customers, ["REC-473"])
    check(model, customers, ["REC-473", "TIE-471-473"])


def test_every_demo_element_agrees_with_the_brute_force_answer() -> None:
    district = generate_demo_district(NOW)
    model = district.network
    customers = [(c.customer_id, c.node_id) for c in district.customers]
    topology = Topology(model, customers)
    elements = [s.segment_id for s in model.segments] + [s.switch_id for s in model.switches]
    elements += [t.transformer_id for t in model.transformers]
    rng = random.Random(7)
    for element in rng.sample(elements, 150):
        affected = topology.lost_by_opening([element])
        want_customers, want_transformers = oracle(model, customers, [element])
        assert set(affected.customer_ids) == want_customers, element
        assert set(affected.transformers) == want_transformers, element
    pairs = [rng.sample(elements, 2) for _ in range(20)]
    for pair in pairs:
        want_customers, _ = oracle(model, customers, pair)
        assert set(topology.lost_by_opening(pair).customer_ids) == want_customers, pair


def test_without_customer_ids_counts_come_from_the_transformers() -> None:
    district = generate_demo_district(NOW)
    topology = Topology(district.network)
    device = next(
        s.switch_id
        for s in district.network.switches
        if s.kind is DeviceKind.RECLOSER and not s.is_open
    )
    affected = topology.lost_by_opening([device])
    assert affected.customer_ids == ()
    assert affected.customers == topology.customers_on(affected.transformers) > 0


# --- random multigraphs: parallel elements, loops, several sources, open switches ---------


@st.composite
def networks(draw: st.DrawFn) -> tuple[NetworkModel, list[tuple[str, str]]]:
    n_nodes = draw(st.integers(3, 14))
    nodes = [f"N{i}" for i in range(n_nodes)]
    n_sources = draw(st.integers(1, 3))
    feeders = tuple(
        Feeder(f"F{i}", f"F{i}", "S", nodes[i], 22.0, AreaClass.URBAN) for i in range(n_sources)
    )
    pair = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes))
    segs = draw(st.lists(pair, min_size=1, max_size=20))
    sws = draw(st.lists(st.tuples(pair, st.booleans()), max_size=8))
    trs = draw(st.lists(st.sampled_from(nodes), max_size=5))
    segments = tuple(
        LineSegment(f"S{i}", a, b, "", 22.0, ((0.0, 0.0), (1.0, 1.0)))
        for i, (a, b) in enumerate(segs)
    )
    switches = tuple(
        SwitchingDevice(f"W{i}", a, b, DeviceKind.LOAD_BREAK_SWITCH, "", o, o, (0.0, 0.0))
        for i, ((a, b), o) in enumerate(sws)
    )
    transformers = tuple(
        DistributionTransformer(f"T{i}", mv, f"LV{i}", 100.0, "", (0.0, 0.0))
        for i, mv in enumerate(trs)
    )
    model = NetworkModel(
        feeders=feeders, segments=segments, switches=switches, transformers=transformers
    )
    customers = [
        (f"C{i}", node)
        for i, node in enumerate(
            draw(
                st.lists(st.sampled_from(nodes + [f"LV{i}" for i in range(len(trs))]), max_size=12)
            )
        )
    ]
    return model, customers


@settings(max_examples=300, deadline=None)
@given(networks(), st.data())
def test_random_multigraphs_agree_with_the_brute_force_answer(network, data) -> None:  # type: ignore[no-untyped-def]
    model, customers = network
    elements = [s.segment_id for s in model.segments] + [s.switch_id for s in model.switches]
    elements += [t.transformer_id for t in model.transformers]
    opened = data.draw(st.lists(st.sampled_from(elements), min_size=1, max_size=3))
    check(model, customers, opened)


def test_a_new_switch_state_reuses_the_network_and_answers_as_a_fresh_index() -> None:
    district = generate_demo_district(NOW)
    model = district.network
    customers = [(c.customer_id, c.node_id) for c in district.customers]
    topology = Topology(model, customers)
    recloser = next(s for s in model.switches if s.kind is DeviceKind.RECLOSER and not s.is_open)
    moved = topology.with_open_switches(topology.open_switches | {recloser.switch_id})
    fresh = Topology(with_switch_open(model, recloser.switch_id), customers)
    assert moved.open_switches == fresh.open_switches
    assert moved.trace().feeder_of_node == fresh.trace().feeder_of_node
    some = [s.segment_id for s in model.segments[::50]]
    for element in some:
        assert moved.lost_by_opening([element]) == fresh.lost_by_opening([element])
    assert topology.lost_by_opening([recloser.switch_id]).customers > 0  # the original is untouched
    with pytest.raises(UnknownElementError):
        topology.with_open_switches({"NO-SUCH-SWITCH"})
