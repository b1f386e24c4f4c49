"""Network-level checks of an import, and the model a valid import becomes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ops.network.interchange import DEFAULT_AREA_CLASS, NetworkData, build_model
from ops.network.records import DeviceKind, LineSegment, SwitchingDevice
from ops.network.validation import EXAMPLES, InvalidNetworkError, check_network, validate_network
from tests.unit.network_files import tiny_data


def with_(data: NetworkData, **layers: object) -> NetworkData:
    return replace(data, **layers)  # type: ignore[arg-type]


def messages(data: NetworkData) -> tuple[list[str], list[str]]:
    report = validate_network(data)
    return report.error_lines(), report.warning_lines()


def test_the_toy_network_is_valid_and_radial() -> None:
    errors, warnings = messages(tiny_data())
    assert errors == []
    assert warnings == []


def test_ids_must_be_unique_within_and_across_element_kinds() -> None:
    data = tiny_data()
    segment = data.segments[0]
    clash = replace(data.switches[1], switch_id=segment.segment_id)
    twin = replace(data.customers[1], customer_id=data.customers[0].customer_id)
    errors, _ = messages(
        with_(
            data,
            segments=(*data.segments, segment),
            switches=(*data.switches, clash),
            customers=(*data.customers, twin),
        )
    )
    sid = segment.segment_id
    assert f"segments {sid}: segment_id {sid!r} is used by 2 rows: ids must be unique" in errors
    assert any(e.startswith(f"switches {sid}: the same id is used in segments") for e in errors)
    assert any(e.startswith(f"customers {twin.customer_id}: customer_id") for e in errors)


def test_a_source_must_stand_on_a_node_some_element_names() -> None:
    data = tiny_data()
    lost = replace(data.sources[0], node_id="NOWHERE")
    errors, _ = messages(with_(data, sources=(lost, *data.sources[1:])))
    assert any(
        e.startswith(f"sources {lost.source_id}: node 'NOWHERE' is not the from_node or to_node")
        for e in errors
    )


def test_customers_on_unknown_nodes_are_counted_after_a_few_examples() -> None:
    data = tiny_data()
    strays = tuple(replace(c, node_id=f"GONE-{i}") for i, c in enumerate(data.customers[:9]))
    errors, _ = messages(with_(data, customers=strays + data.customers[9:]))
    stray_lines = [e for e in errors if "GONE-" in e]
    assert len(stray_lines) == EXAMPLES
    assert f"  … and {9 - EXAMPLES} more like it" in errors


def test_a_part_no_source_reaches_is_an_error_naming_one_element_and_the_count() -> None:
    data = tiny_data()
    island = (
        LineSegment("ISL-1", "I1", "I2", "Đảo", 22.0, ((106.7, 10.9), (106.71, 10.9))),
        LineSegment("ISL-2", "I2", "I3", "Đảo", 22.0, ((106.71, 10.9), (106.72, 10.9))),
    )
    errors, _ = messages(with_(data, segments=data.segments + island))
    assert errors == [
        "segments ISL-1: no source can reach it (nor 1 more elements connected to it): it is not "
        "connected to any source's node"
    ]


def test_a_part_behind_a_normally_open_switch_only_is_a_warning() -> None:
    data = tiny_data()
    spur = (
        SwitchingDevice(
            "DS-SPUR", "F1-N6", "SP1", DeviceKind.DISCONNECTOR, "DCL", True, True, (106.61, 10.91)
        ),
        LineSegment("SPUR-1", "SP1", "SP2", "Nhánh", 22.0, ((106.61, 10.91), (106.62, 10.91))),
    )
    errors, warnings = messages(
        with_(data, switches=data.switches + spur[:1], segments=data.segments + spur[1:])
    )
    assert errors == []
    assert warnings == [
        "segments SPUR-1: has no supply in the normal state: only normally-open switches "
        "connect it to a source"
    ]


def test_a_closed_tie_makes_a_mesh_reported_on_the_switch_but_not_fatal() -> None:
    data = tiny_data()
    switches = tuple(
        replace(w, normal_open=False, is_open=False) if w.switch_id == "TIE-471-473" else w
        for w in data.switches
    )
    errors, warnings = messages(with_(data, switches=switches))
    assert errors == []
    assert len(warnings) == 1 and warnings[0].startswith("switches TIE-471-473: closes a loop")
    check_network(with_(data, switches=switches))  # warnings do not stop an import


def test_parallel_elements_are_valid_and_a_mesh_only_when_both_are_closed() -> None:
    data = tiny_data()
    first = data.segments[0]
    bypass = SwitchingDevice(
        "DS-BYPASS", first.from_node, first.to_node, DeviceKind.DISCONNECTOR, "DCL", True, True,
        first.path[0],
    )  # fmt: skip
    assert messages(with_(data, switches=(*data.switches, bypass))) == ([], [])
    closed = replace(bypass, normal_open=False, is_open=False)
    _, warnings = messages(with_(data, switches=(*data.switches, closed)))
    assert warnings == [
        f"switches DS-BYPASS: is parallel to segment {first.segment_id} and both are normally "
        "closed: the network is not radial in its normal state (is a switch in the loop "
        "normally open?)"
    ]


def test_values_out_of_range_and_self_loops_are_errors() -> None:
    data = tiny_data()
    loop = replace(data.segments[1], to_node=data.segments[1].from_node)
    negative = replace(data.transformers[0], kva=-250.0)
    errors, _ = messages(with_(data, segments=(data.segments[0], loop), transformers=(negative,)))
    assert any("from_node and to_node are the same node" in e for e in errors)
    assert f"transformers {negative.transformer_id}: kva -250.0 is negative" in errors


def test_check_network_raises_with_every_error_in_the_message() -> None:
    data = tiny_data()
    with pytest.raises(InvalidNetworkError) as raised:
        check_network(with_(data, sources=()))
    text = str(raised.value)
    assert text.startswith("The network was not imported:")
    assert "sources: the layer has no sources" in text
    assert raised.value.report.error_count >= 1


def test_the_model_derives_feeders_node_positions_and_each_customers_transformer() -> None:
    data = tiny_data()
    imported = build_model(data)
    model = imported.model
    assert [f.feeder_id for f in model.feeders] == ["F1", "F2"]
    by_id = {s.segment_id: s for s in model.segments}
    assert by_id["F1-S5"].feeder_id == "F1" and by_id["F2-S4"].feeder_id == "F2"
    switches = {s.switch_id: s for s in model.switches}
    # A normally-open tie belongs to the feeder on its from_node side.
    assert switches["TIE-471-473"].feeder_id == "F1" and switches["TIE-471-473"].is_open
    assert switches["REC-473"].feeder_id == "F2"
    nodes = {n.node_id: n.position for n in model.nodes}
    assert nodes["F1-N1"] == by_id["F1-S1"].path[-1]
    for c in imported.customers:
        assert c.transformer_id == c.node_id.removesuffix("-LV")
    assert model.customer_counts == {t.transformer_id: 3 for t in model.transformers}
    assert model.priority_counts == {"T-F2-2": 1}


def test_a_source_without_voltage_or_class_takes_its_lines_voltage_and_the_stricter_class() -> None:
    data = tiny_data()
    bare = tuple(replace(s, voltage_kv=None, area_class=None) for s in data.sources)
    feeders = build_model(with_(data, sources=bare)).model.feeders
    assert {f.voltage_kv for f in feeders} == {22.0}
    assert {f.area_class for f in feeders} == {DEFAULT_AREA_CLASS}
