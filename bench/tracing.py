"""Tracing benchmark: index build and "who loses supply" queries, against pandapower.

On a ~50,000-node / 200,000-customer district (the demo district tiled) and on pandapower's
mv_oberrhein: time to build the index, median time of `lost_by_opening` for 1,000 random
elements, and pandapower's `topology.unsupplied_buses` for the same questions (graph built
per question, because a switch state changes), with the answers compared.
Targets: index <= 1 s, query median <= 5 ms, at least 20x faster per query than pandapower.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandapower as pp
import pandapower.topology as top

from bench.big_district import big_district
from ops.network.records import NetworkModel
from ops.network.tracing import Topology


def to_pandapower(model: NetworkModel, customers: list[tuple[str, str]]) -> pp.pandapowerNet:
    """The same network as a pandapower net: buses = nodes, every element a branch."""
    net = pp.create_empty_network()
    node_ids = sorted(
        {n for s in model.segments for n in (s.from_node, s.to_node)}
        | {n for s in model.switches for n in (s.from_node, s.to_node)}
        | {n for t in model.transformers for n in (t.from_node, t.to_node)}
    )
    lv = {t.to_node for t in model.transformers}
    indices = pp.create_buses(
        net, len(node_ids), vn_kv=[0.4 if n in lv else 22.0 for n in node_ids], name=node_ids
    )
    bus = dict(zip(node_ids, (int(i) for i in indices), strict=True))
    for f in model.feeders:
        pp.create_ext_grid(net, bus[f.source_node])
    segs = model.segments
    pp.create_lines_from_parameters(
        net, [bus[s.from_node] for s in segs], [bus[s.to_node] for s in segs], length_km=0.1,
        r_ohm_per_km=0.2, x_ohm_per_km=0.3, c_nf_per_km=10.0, max_i_ka=0.4,
        name=[s.segment_id for s in segs],
    )  # fmt: skip
    sws = model.switches
    pp.create_switches(
        net, [bus[w.from_node] for w in sws], [bus[w.to_node] for w in sws], et="b",
        closed=[not w.is_open for w in sws], name=[w.switch_id for w in sws],
    )  # fmt: skip
    trs = model.transformers
    pp.create_transformers_from_parameters(
        net, [bus[t.from_node] for t in trs], [bus[t.to_node] for t in trs], sn_mva=0.25,
        vn_hv_kv=22.0, vn_lv_kv=0.4, vkr_percent=1.0, vk_percent=4.0, pfe_kw=0.5,
        i0_percent=0.2, name=[t.transformer_id for t in trs],
    )  # fmt: skip
    pp.create_loads(net, [bus[node] for _, node in customers], p_mw=0.001)
    return net


def pandapower_lost(net: pp.pandapowerNet, kind: str, row: int) -> int:
    """Customers (loads) that lose supply when the element opens, per pandapower."""
    table = {"switch": net.switch, "line": net.line, "trafo": net.trafo}[kind]
    column = "closed" if kind == "switch" else "in_service"
    before = top.unsupplied_buses(net, mg=top.create_nxgraph(net))
    table.at[row, column] = False
    try:
        after = top.unsupplied_buses(net, mg=top.create_nxgraph(net))
    finally:
        table.at[row, column] = True
    return int(net.load.bus.isin(after - before).sum())


def by_name(net: pp.pandapowerNet) -> dict[str, tuple[str, int]]:
    """Our element id -> (pandapower table, row) for a net built by to_pandapower."""
    found: dict[str, tuple[str, int]] = {}
    for kind, table in (("switch", net.switch), ("line", net.line), ("trafo", net.trafo)):
        found |= {str(name): (kind, int(row)) for row, name in table.name.items()}
    return found


def by_importer_ids(net: pp.pandapowerNet) -> dict[str, tuple[str, int]]:
    """Our element id -> (pandapower table, row) for a net imported by our pandapower importer."""
    found: dict[str, tuple[str, int]] = {}
    for kind, prefix, table in (
        ("switch", "switch", net.switch),
        ("line", "line", net.line),
        ("trafo", "trafo", net.trafo),
    ):
        found |= {f"{prefix}{row}": (kind, int(row)) for row in table.index}
    return found


def measure(
    name: str,
    model: NetworkModel,
    customers: list[tuple[str, str]],
    net: pp.pandapowerNet,
    elements_in_net: dict[str, tuple[str, int]],
    pp_queries: int,
) -> None:
    print(f"\n{name}: {len(model.nodes) or 'n/a'} nodes, {len(model.segments)} segments, "
          f"{len(model.switches)} switches, {len(model.transformers)} transformers, "
          f"{len(customers)} customers")  # fmt: skip
    builds = []
    for _ in range(3):
        t0 = time.perf_counter()
        topology = Topology(model, customers)
        builds.append(time.perf_counter() - t0)
    print(f"  index build: median {statistics.median(builds) * 1000:.0f} ms "
          f"(target 1000 ms, ratio {statistics.median(builds):.2f})")  # fmt: skip
    closed = sorted(s.switch_id for s in model.switches if not s.is_open)
    reindex = []
    for switch in random.Random(2).sample(closed, min(5, len(closed))):
        t0 = time.perf_counter()
        topology.with_open_switches(topology.open_switches | {switch})
        reindex.append(time.perf_counter() - t0)
    print(
        f"  re-index after one switch operation: median {statistics.median(reindex) * 1000:.0f} ms"
    )
    candidates = sorted(
        [s.segment_id for s in model.segments]
        + [s.switch_id for s in model.switches if not s.is_open]
        + [t.transformer_id for t in model.transformers]
    )
    rng = random.Random(1)
    elements = rng.sample(candidates, min(1000, len(candidates)))
    times = []
    answers = {}
    for element in elements:
        t0 = time.perf_counter()
        affected = topology.lost_by_opening([element])
        times.append(time.perf_counter() - t0)
        answers[element] = affected.customers
    ours = statistics.median(times)
    p99 = sorted(times)[int(len(times) * 0.99) - 1]
    print(f"  lost_by_opening, {len(elements)} random elements: median {ours * 1e3:.4f} ms, "
          f"p99 {p99 * 1e3:.4f} ms (target 5 ms)")  # fmt: skip

    checked = [e for e in elements if e in elements_in_net][:pp_queries]
    pp_times = []
    mismatches = 0
    for element in checked:
        t0 = time.perf_counter()
        theirs = pandapower_lost(net, *elements_in_net[element])
        pp_times.append(time.perf_counter() - t0)
        mismatches += theirs != answers[element]
    theirs_median = statistics.median(pp_times)
    print(f"  pandapower unsupplied_buses (graph per question), {len(checked)} elements: "
          f"median {theirs_median * 1e3:.1f} ms")  # fmt: skip
    print(f"  ratio pandapower / ours per query: {theirs_median / ours:,.0f}x (goal >= 20x); "
          f"answers differing: {mismatches} of {len(checked)}")  # fmt: skip


def main() -> None:
    import tempfile

    import pandapower.networks as pn

    from maps.interchange import load_network

    oberrhein = pn.mv_oberrhein()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "mv_oberrhein.json"
        pp.to_json(oberrhein, str(path))
        imported = load_network(path).network
    measure(
        "pandapower mv_oberrhein (imported)", imported.model,
        [(c.customer_id, c.node_id) for c in imported.customers],
        oberrhein, by_importer_ids(oberrhein), pp_queries=300,
    )  # fmt: skip
    t0 = time.perf_counter()
    model, customers = big_district()
    print(f"\n(generated the large district in {time.perf_counter() - t0:.1f} s)")
    net = to_pandapower(model, customers)
    measure("tiled demo district", model, customers, net, by_name(net), pp_queries=15)


if __name__ == "__main__":
    main()
