"""Network records from read layers, one layer at a time: every row without a problem."""

from __future__ import annotations

import math

import geopandas as gpd

from maps.interchange.layers import Layer
from maps.interchange.mapping import ColumnMapping
from maps.interchange.schema import (
    CUSTOMERS,
    SEGMENTS,
    SOURCES,
    SUBSTATIONS,
    SWITCHES,
    TRANSFORMERS,
)
from ops.network.interchange import NetworkData, Source
from ops.network.records import (
    Address,
    AreaClass,
    Customer,
    DeviceKind,
    DistributionTransformer,
    LineSegment,
    Priority,
    Substation,
    SwitchingDevice,
)
from ops.network.validation import Findings


def parse_layers(
    frames: dict[str, gpd.GeoDataFrame], mapping: ColumnMapping, found: Findings
) -> NetworkData:
    """Records of every row without problems; the problems go to `found`."""
    layers = {
        s.name: Layer(frames[s.name], s, mapping, found)
        for s in (SOURCES, SEGMENTS, SWITCHES, TRANSFORMERS, CUSTOMERS, SUBSTATIONS)
        if s.name in frames
    }
    ok = {name: layer for name, layer in layers.items() if layer.ok}
    return NetworkData(
        sources=_sources(ok["sources"], mapping) if "sources" in ok else (),
        segments=_segments(ok["segments"]) if "segments" in ok else (),
        switches=_switches(ok["switches"], mapping) if "switches" in ok else (),
        transformers=_transformers(ok["transformers"]) if "transformers" in ok else (),
        customers=_customers(ok["customers"], mapping) if "customers" in ok else (),
        substations=_substations(ok["substations"]) if "substations" in ok else (),
    )


def _known(codes: dict[str, str]) -> str:
    shown = sorted({v for v in codes.values()})
    return ", ".join(shown)


def _sources(layer: Layer, mapping: ColumnMapping) -> tuple[Source, ...]:
    rows, bad = layer.rows(), set[int]()
    node = layer.required_texts("node_id", rows, bad)
    name = layer.texts("name")
    substation = layer.texts("substation_id")
    voltage = layer.numbers("voltage_kv", rows, bad, required=False)
    areas = dict(mapping.area_classes)
    area = layer.coded(
        "area_class",
        rows,
        bad,
        {k: AreaClass(v) for k, v in areas.items()},
        _known(areas),
        optional=True,
    )
    position = layer.points(rows, bad)
    return tuple(
        Source(
            layer.ids[i] or "",
            node[i] or "",
            name[i] or "",
            position[i] or (0.0, 0.0),
            substation[i],
            None if math.isnan(voltage[i]) else voltage[i],
            area[i],
            layer.attributes(i),
        )
        for i in rows
        if i not in bad
    )


def _segments(layer: Layer) -> tuple[LineSegment, ...]:
    rows, bad = layer.rows(), set[int]()
    a = layer.required_texts("from_node", rows, bad)
    b = layer.required_texts("to_node", rows, bad)
    voltage = layer.numbers("voltage_kv", rows, bad, required=True)
    name = layer.texts("name")
    path = layer.lines(rows, bad)
    return tuple(
        LineSegment(
            layer.ids[i] or "",
            a[i] or "",
            b[i] or "",
            name[i] or "",
            voltage[i],
            path[i],
            None,
            layer.attributes(i),
        )
        for i in rows
        if i not in bad
    )


def _switches(layer: Layer, mapping: ColumnMapping) -> tuple[SwitchingDevice, ...]:
    rows, bad = layer.rows(), set[int]()
    a = layer.required_texts("from_node", rows, bad)
    b = layer.required_texts("to_node", rows, bad)
    kinds = dict(mapping.kinds)
    kind = layer.coded(
        "kind", rows, bad, {k: DeviceKind(v) for k, v in kinds.items()}, _known(kinds)
    )
    states = {**{c: False for c in mapping.closed_codes}, **{c: True for c in mapping.open_codes}}
    known_states = (
        f"open: {', '.join(sorted(mapping.open_codes))}; "
        f"closed: {', '.join(sorted(mapping.closed_codes))}"
    )
    normal_open = layer.coded("normal_open", rows, bad, states, known_states)
    name = layer.texts("name")
    position = layer.points(rows, bad)
    out = []
    for i in rows:
        if i in bad:
            continue
        state, device = normal_open[i], kind[i]
        assert state is not None and device is not None and position[i] is not None
        out.append(
            SwitchingDevice(
                layer.ids[i] or "",
                a[i] or "",
                b[i] or "",
                device,
                name[i] or "",
                state,
                state,
                position[i] or (0.0, 0.0),
                None,
                layer.attributes(i),
            )
        )
    return tuple(out)


def _transformers(layer: Layer) -> tuple[DistributionTransformer, ...]:
    rows, bad = layer.rows(), set[int]()
    a = layer.required_texts("from_node", rows, bad)
    b = layer.required_texts("to_node", rows, bad)
    kva = layer.numbers("kva", rows, bad, required=True)
    name = layer.texts("name")
    position = layer.points(rows, bad)
    return tuple(
        DistributionTransformer(
            layer.ids[i] or "",
            a[i] or "",
            b[i] or "",
            kva[i],
            name[i] or "",
            position[i] or (0.0, 0.0),
            None,
            layer.attributes(i),
        )
        for i in rows
        if i not in bad
    )


def _customers(layer: Layer, mapping: ColumnMapping) -> tuple[Customer, ...]:
    rows, bad = layer.rows(), set[int]()
    node = layer.required_texts("node_id", rows, bad)
    priorities = dict(mapping.priorities)
    priority = layer.coded(
        "priority",
        rows,
        bad,
        {k: Priority(v) for k, v in priorities.items()},
        _known(priorities),
        Priority.NONE,
    )
    name, phone = layer.texts("name"), layer.texts("phone")
    street, hamlet = layer.texts("address"), layer.texts("hamlet")
    ward, province = layer.texts("ward"), layer.texts("province")
    position = layer.points(rows, bad)
    return tuple(
        Customer(
            layer.ids[i] or "",
            name[i] or "",
            node[i] or "",
            None,
            phone[i] or "",
            Address(street[i] or "", hamlet[i] or "", ward[i] or "", province[i] or ""),
            priority[i] or Priority.NONE,
            position[i],
            layer.attributes(i),
        )
        for i in rows
        if i not in bad
    )


def _substations(layer: Layer) -> tuple[Substation, ...]:
    rows, bad = layer.rows(), set[int]()
    name, voltage = layer.texts("name"), layer.texts("voltage")
    position = layer.points(rows, bad)
    return tuple(
        Substation(layer.ids[i] or "", name[i] or "", voltage[i] or "", position[i] or (0.0, 0.0))
        for i in rows
        if i not in bad
    )
