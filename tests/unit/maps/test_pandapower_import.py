"""pandapower networks import directly and through a GeoPackage, and trace as pandapower does."""

from __future__ import annotations

import copy
import warnings
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from maps.interchange import export_network, load_network, read_network
from maps.interchange.pandapower_json import network_from_pandapower
from ops.network.records import DeviceKind
from ops.network.tracing import Topology
from ops.network.validation import CheckedNetwork, NetworkImportError, check_network

with warnings.catch_warnings():
    # pandapower warns on import about optional accelerators it does without.
    warnings.simplefilter("ignore")
    import pandapower as pp
    import pandapower.networks as pn
    import pandapower.topology as top


@cache
def oberrhein() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pn.mv_oberrhein()


def imported(net: Any) -> CheckedNetwork:
    data, report = network_from_pandapower(net)
    return check_network(data, report)


def test_mv_oberrhein_imports_with_every_element() -> None:
    checked = imported(oberrhein())
    model, customers = checked.network.model, checked.network.customers
    assert checked.report.errors == ()
    assert [f.source_node for f in model.feeders] == ["bus58", "bus318"]
    assert all(f.substation_id is None for f in model.feeders)
    assert (len(model.segments), len(model.switches), len(model.transformers)) == (181, 322, 2)
    assert len(customers) == 147
    assert sum(s.normal_open for s in model.switches) == 6
    assert {t.kva for t in model.transformers} == {25_000.0}


def test_a_line_switch_cuts_its_line_off_at_its_own_end() -> None:
    net = oberrhein()
    model = imported(net).network.model
    sw = net.switch.loc[3]  # on line 3 at bus 221; switch 4 is at the line's other end
    line = net.line.loc[int(sw["element"])]
    switches = {s.switch_id: s for s in model.switches}
    segments = {s.segment_id: s for s in model.segments}
    assert (switches["switch3"].from_node, switches["switch3"].to_node) == (
        "bus221",
        "line3@bus221",
    )
    assert (switches["switch4"].from_node, switches["switch4"].to_node) == (
        "bus239",
        "line3@bus239",
    )
    ends = {segments["line3"].from_node, segments["line3"].to_node}
    assert ends == {f"line3@bus{int(line['from_bus'])}", f"line3@bus{int(line['to_bus'])}"}
    assert switches["switch3"].kind is DeviceKind.LOAD_BREAK_SWITCH  # pandapower type LBS


def test_bus_and_transformer_switches_and_out_of_service_elements() -> None:
    net = pp.create_empty_network()
    buses = [
        pp.create_bus(net, vn_kv=kv, geodata=(106.6 + i * 0.01, 10.9))
        for i, kv in enumerate((110, 22, 22, 22, 22, 0.4))
    ]
    pp.create_ext_grid(net, buses[0])
    pp.create_transformer(net, buses[0], buses[1], std_type="25 MVA 110/20 kV")
    pp.create_switch(net, buses[1], 0, et="t", closed=True, type="CB")
    pp.create_switch(net, buses[1], buses[2], et="b", closed=True, type="DS")
    pp.create_line(net, buses[2], buses[3], 1.0, std_type="NA2XS2Y 1x185 RM/25 12/20 kV")
    dead = pp.create_line(net, buses[3], buses[4], 1.0, std_type="NA2XS2Y 1x185 RM/25 12/20 kV")
    net.line.loc[dead, "in_service"] = False
    pp.create_switch(net, buses[4], dead, et="l", closed=False)
    pp.create_load(net, buses[3], p_mw=0.1, name="Nhà máy nước")
    data, report = network_from_pandapower(net)
    assert {s.switch_id: (s.from_node, s.to_node, s.kind) for s in data.switches} == {
        "switch0": ("bus1", "trafo0@bus1", DeviceKind.BREAKER),
        "switch1": ("bus1", "bus2", DeviceKind.DISCONNECTOR),
    }
    assert [(t.from_node, t.to_node) for t in data.transformers] == [("bus0", "trafo0@bus1")]
    assert [s.segment_id for s in data.segments] == ["line0"]
    assert "line line1: is out of service (or on such a bus)" in report.warning_lines()
    assert "switch switch2: is on an element that is out of service" in report.warning_lines()
    assert data.customers[0].name == "Nhà máy nước"


def test_lv_schutterwald_imports_its_households(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = pn.lv_schutterwald()
    path = tmp_path / "schutterwald.json"
    pp.to_json(net, str(path))
    checked = load_network(path)
    assert len(checked.network.customers) == 1506
    assert len(checked.network.model.feeders) == 14
    assert len(checked.network.model.transformers) == 14


def test_mv_oberrhein_is_the_same_network_directly_as_json_and_through_a_geopackage(
    tmp_path: Path,
) -> None:
    direct = imported(oberrhein())
    json_path = tmp_path / "oberrhein.json"
    pp.to_json(oberrhein(), str(json_path))
    from_json = load_network(json_path).network
    assert from_json.model == direct.network.model
    # pandapower's JSON keeps 15 digits of a load's q_mvar: compare all but the attributes.
    assert [replace(c, attributes=()) for c in from_json.customers] == [
        replace(c, attributes=()) for c in direct.network.customers
    ]
    gpkg = tmp_path / "oberrhein.gpkg"
    export_network(gpkg, direct.network.model, direct.network.customers)
    assert load_network(gpkg).network == direct.network


def test_a_file_that_is_no_pandapower_network_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "net.json"
    bad.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(NetworkImportError, match="is not a pandapower network"):
        read_network(bad)
    with pytest.raises(NetworkImportError, match="needs none"):
        read_network(bad, mapping=Path("m.toml"))


def pandapower_losses(net: Any) -> dict[str, int]:
    """For every switch: how many loads pandapower finds unsupplied once it opens."""
    loads_at = net.load[net.load.in_service].groupby("bus").size().to_dict()

    def dark_loads(n: Any) -> set[int]:
        return {int(b) for b in top.unsupplied_buses(n) if b in loads_at}

    before = dark_loads(net)
    out = {}
    for index in net.switch.index:
        opened = copy.deepcopy(net)
        opened.switch.loc[index, "closed"] = False
        lost = dark_loads(opened) - before
        out[f"switch{index}"] = sum(loads_at[b] for b in lost)
    return out


@cache
def oberrhein_losses() -> dict[str, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pandapower_losses(oberrhein())


def assert_same_losses(checked: CheckedNetwork) -> None:
    network = checked.network
    topology = Topology(
        network.model, customers=[(c.customer_id, c.node_id) for c in network.customers]
    )
    ours = {
        s.switch_id: topology.lost_by_opening([s.switch_id]).customers
        for s in network.model.switches
    }
    assert ours == oberrhein_losses()
    assert sum(v > 0 for v in ours.values()) > 100  # most switches do cut someone off


@pytest.mark.slow
def test_mv_oberrhein_loses_the_same_customers_as_pandapower_for_every_switch() -> None:
    assert_same_losses(imported(oberrhein()))


@pytest.mark.slow
def test_mv_oberrhein_through_a_geopackage_loses_the_same_customers_for_every_switch(
    tmp_path: Path,
) -> None:
    direct = imported(oberrhein())
    gpkg = tmp_path / "oberrhein.gpkg"
    export_network(gpkg, direct.network.model, direct.network.customers)
    assert_same_losses(load_network(gpkg))
