"""A pandapower network (pandapower.to_json) as interchange records.

    ext_grid, slack gen   -> sources, at their bus
    bus                   -> node "bus<index>"
    line                  -> segment "line<index>", drawn along line.geo (else straight)
    trafo                 -> transformer "trafo<index>" from hv_bus to lv_bus, kVA = sn_mva·1000
    trafo3w               -> transformers "trafo3w<index>-mv" and "-lv" from the hv bus
    switch                -> switch "switch<index>", closed = not normally open
    load                  -> customer "load<index>" at its bus

A line or transformer switch (et 'l', 't', 't3') sits at one end of its element: it becomes a
switch from the bus to a node of its own ("line7@bus12"), and the element starts from that
node, so opening the switch cuts the element off at that end only, as in pandapower. A bus-bus
switch (et 'b') joins its two buses.

Out-of-service buses, lines, transformers, sources and loads are left out (with a warning):
the console's model has no "out of service" state, and pandapower's own topology treats them
as absent. Open switches are the network's normally-open points; the file is taken to be the
normal state.
"""

from __future__ import annotations

import json
import logging
import math
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyproj import CRS, Transformer

from maps.interchange.layers import as_attribute, as_text, is_missing
from ops.network.interchange import NetworkData, Source
from ops.network.records import (
    Address,
    Attributes,
    Coord,
    Customer,
    DeviceKind,
    DistributionTransformer,
    LineSegment,
    Priority,
    SwitchingDevice,
)
from ops.network.validation import Findings, NetworkImportError, ValidationReport, valid_position

# pandapower's switch types; an unknown or empty type is taken for the humblest device.
SWITCH_KINDS = {
    "CB": DeviceKind.BREAKER,
    "LBS": DeviceKind.LOAD_BREAK_SWITCH,
    "LS": DeviceKind.LOAD_BREAK_SWITCH,
    "DS": DeviceKind.DISCONNECTOR,
}
DEFAULT_SWITCH_KIND = DeviceKind.DISCONNECTOR
_UNSUPPORTED = ("impedance", "dcline", "tcsc", "vsc", "ssc", "svc", "xward")


def read_pandapower(path: Path, crs: str | None = None) -> tuple[NetworkData, ValidationReport]:
    """Read a network saved with `pandapower.to_json` (needs the `pandapower` extra)."""
    with _quiet():
        try:
            import pandapower as pp
        except ImportError as exc:
            raise NetworkImportError(
                f"{path} looks like a pandapower network, but pandapower is not installed: "
                "pip install 'outage-console[pandapower]'"
            ) from exc
        try:
            net = pp.from_json(str(path))
        except Exception as exc:  # whatever its JSON decoder meets: all mean "not a network"
            raise NetworkImportError(
                f"{path} is not a pandapower network saved with pandapower.to_json: {exc}"
            ) from exc
    return network_from_pandapower(net, crs)


@contextmanager
def _quiet() -> Iterator[None]:
    """pandapower logs and warns on import about optional extras (numba, plotly) it lacks."""
    logger = logging.getLogger("pandapower")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def network_from_pandapower(
    net: Any, crs: str | None = None
) -> tuple[NetworkData, ValidationReport]:
    """Interchange records of a pandapower net; coordinates in `crs` (default: lon/lat)."""
    found = Findings()
    project = _projection(crs)
    buses = _buses(net, project, found)
    if found.has_errors:
        return NetworkData(), found.report()
    ends = _EndNodes()
    switches = _switches(net, buses, ends, found)
    segments = _lines(net, buses, ends, project, found)
    transformers = _transformers(net, buses, ends, found)
    for table in _UNSUPPORTED:
        frame = getattr(net, table, None)
        if frame is not None and len(frame) and _in_service(frame).any():
            found.warning(
                "not-imported",
                table,
                None,
                f"{len(frame)} {table} element(s) are not imported: the console's model has "
                "none; buses joined only through them will show as without supply",
            )
    data = NetworkData(
        sources=_sources(net, buses, found),
        segments=segments,
        switches=switches,
        transformers=transformers,
        customers=_loads(net, buses, found),
    )
    return data, found.report()


def _projection(crs: str | None) -> Callable[[float, float], Coord]:
    if crs is None:
        return lambda x, y: (x, y)
    try:
        source = CRS.from_user_input(crs)
    except Exception as exc:  # pyproj's CRSError and friends
        raise NetworkImportError(f"--crs {crs!r} is not a coordinate system: {exc}") from exc
    transformer = Transformer.from_crs(source, 4326, always_xy=True)
    return lambda x, y: transformer.transform(x, y)


def _live(frame: Any, bus_columns: tuple[str, ...], buses: dict[int, _Bus]) -> set[int]:
    """Indices of the elements in service on buses in service."""
    if frame is None or not len(frame):
        return set()
    return {
        int(index)
        for index, in_service, *on in zip(
            frame.index, _in_service(frame), *(frame[c] for c in bus_columns), strict=True
        )
        if in_service and all(int(b) in buses for b in on)
    }


def _in_service(frame: Any) -> Any:
    if "in_service" in frame:
        return frame["in_service"].fillna(True).astype(bool)
    return frame.index.to_series().map(lambda _: True)


def _geo(value: object) -> Any:
    """A pandapower 3 `geo` cell (GeoJSON text) as its coordinates; None if there is none."""
    if is_missing(value):
        return None
    try:
        geo: Any = json.loads(value) if isinstance(value, str) else value
        return geo["coordinates"]
    except (ValueError, TypeError, KeyError):
        return None


class _Bus:
    __slots__ = ("node", "position", "voltage")

    def __init__(self, node: str, position: Coord, voltage: float) -> None:
        self.node, self.position, self.voltage = node, position, voltage


def _buses(net: Any, project: Callable[[float, float], Coord], found: Findings) -> dict[int, _Bus]:
    out: dict[int, _Bus] = {}
    frame = net.bus
    geo = frame["geo"] if "geo" in frame else [None] * len(frame)
    for index, in_service, value, vn_kv in zip(
        frame.index, _in_service(frame), geo, frame["vn_kv"], strict=True
    ):
        if not in_service:
            continue
        coords = _geo(value)
        if coords is None or len(coords) < 2:
            found.error(
                "no-geometry",
                "bus",
                f"bus{index}",
                "has no coordinates (bus.geo): the console needs every bus on the map; "
                "pandapower.plotting.create_generic_coordinates can make some",
            )
            continue
        position = project(float(coords[0]), float(coords[1]))
        if not valid_position(position):
            found.error(
                "bad-position",
                "bus",
                f"bus{index}",
                f"({coords[0]}, {coords[1]}) is not a longitude/latitude: give the coordinates' "
                "system with --crs",
            )
            continue
        out[int(index)] = _Bus(f"bus{index}", position, float(vn_kv))
    return out


class _EndNodes:
    """The node an element starts from at one of its buses: the bus, or its switch's own node."""

    def __init__(self) -> None:
        self._nodes: dict[tuple[str, int], str] = {}

    def attach(self, element: str, bus: _Bus, bus_index: int, switch: str) -> tuple[str, str]:
        """The (from, to) nodes of a switch at `element`'s end at `bus`; chained if several."""
        key = (element, bus_index)
        start = self._nodes.get(key, bus.node)
        end = f"{element}@{switch}" if key in self._nodes else f"{element}@bus{bus_index}"
        self._nodes[key] = end
        return start, end

    def node(self, element: str, bus: _Bus, bus_index: int) -> str:
        return self._nodes.get((element, bus_index), bus.node)


def _switches(
    net: Any, buses: dict[int, _Bus], ends: _EndNodes, found: Findings
) -> tuple[SwitchingDevice, ...]:
    out = []
    frame = net.switch
    names = frame["name"] if "name" in frame else [None] * len(frame)
    types = frame["type"] if "type" in frame else [None] * len(frame)
    prefixes = {"l": "line", "t": "trafo", "t3": "trafo3w"}
    live = {
        "l": _live(net.line, ("from_bus", "to_bus"), buses),
        "t": _live(net.trafo, ("hv_bus", "lv_bus"), buses),
        "t3": _live(getattr(net, "trafo3w", None), ("hv_bus",), buses),
    }
    for index, bus_index, element, et, closed, name, kind_code in zip(
        frame.index,
        frame["bus"],
        frame["element"],
        frame["et"],
        frame["closed"],
        names,
        types,
        strict=True,
    ):
        switch_id = f"switch{index}"
        bus = buses.get(int(bus_index))
        other = buses.get(int(element)) if et == "b" else None
        if bus is None or (et == "b" and other is None):
            found.warning("not-imported", "switch", switch_id, "is on an out-of-service bus")
            continue
        if et == "b":
            assert other is not None
            a, b = bus.node, other.node
        elif et in prefixes and int(element) not in live[et]:
            found.warning(
                "not-imported", "switch", switch_id, "is on an element that is out of service"
            )
            continue
        elif et in prefixes:
            a, b = ends.attach(f"{prefixes[et]}{element}", bus, int(bus_index), switch_id)
        else:
            found.warning("not-imported", "switch", switch_id, f"element type {et!r} is unknown")
            continue
        code = as_text(kind_code)
        kind = SWITCH_KINDS.get(code.upper() if code else "", DEFAULT_SWITCH_KIND)
        normal_open = not bool(closed)
        attributes: Attributes = (("pp_type", code),) if code else ()
        out.append(
            SwitchingDevice(
                switch_id,
                a,
                b,
                kind,
                as_text(name) or switch_id,
                normal_open,
                normal_open,
                bus.position,
                None,
                attributes,
            )
        )
    return tuple(out)


def _lines(
    net: Any,
    buses: dict[int, _Bus],
    ends: _EndNodes,
    project: Callable[[float, float], Coord],
    found: Findings,
) -> tuple[LineSegment, ...]:
    out = []
    frame = net.line
    geo = frame["geo"] if "geo" in frame else [None] * len(frame)
    for (index, row), in_service, value in zip(
        frame.iterrows(), _in_service(frame), geo, strict=True
    ):
        line_id = f"line{index}"
        a, b = buses.get(int(row["from_bus"])), buses.get(int(row["to_bus"]))
        if not in_service or a is None or b is None:
            found.warning("not-imported", "line", line_id, "is out of service (or on such a bus)")
            continue
        coords = _geo(value)
        if coords and len(coords) >= 2 and all(len(p) >= 2 for p in coords):
            path = tuple(project(float(p[0]), float(p[1])) for p in coords)
        else:
            path = (a.position, b.position)
        out.append(
            LineSegment(
                line_id,
                ends.node(line_id, a, int(row["from_bus"])),
                ends.node(line_id, b, int(row["to_bus"])),
                as_text(row.get("name")) or line_id,
                a.voltage,
                path,
                None,
                _attributes(row, ("std_type", "length_km", "parallel", "type")),
            )
        )
    return tuple(out)


def _transformers(
    net: Any, buses: dict[int, _Bus], ends: _EndNodes, found: Findings
) -> tuple[DistributionTransformer, ...]:
    out = []
    for (index, row), in_service in zip(net.trafo.iterrows(), _in_service(net.trafo), strict=True):
        trafo_id = f"trafo{index}"
        hv, lv = buses.get(int(row["hv_bus"])), buses.get(int(row["lv_bus"]))
        if not in_service or hv is None or lv is None:
            found.warning("not-imported", "trafo", trafo_id, "is out of service (or on such a bus)")
            continue
        out.append(
            DistributionTransformer(
                trafo_id,
                ends.node(trafo_id, hv, int(row["hv_bus"])),
                ends.node(trafo_id, lv, int(row["lv_bus"])),
                float(row["sn_mva"]) * 1000.0,
                as_text(row.get("name")) or trafo_id,
                lv.position,
                None,
                _attributes(row, ("std_type", "vn_hv_kv", "vn_lv_kv")),
            )
        )
    frame = getattr(net, "trafo3w", None)
    if frame is None:
        return tuple(out)
    for (index, row), in_service in zip(frame.iterrows(), _in_service(frame), strict=True):
        element = f"trafo3w{index}"
        hv = buses.get(int(row["hv_bus"]))
        sides = [("mv", "mv_bus", "sn_mv_mva"), ("lv", "lv_bus", "sn_lv_mva")]
        if not in_service or hv is None:
            found.warning("not-imported", "trafo3w", element, "is out of service")
            continue
        for side, bus_column, rating in sides:
            low = buses.get(int(row[bus_column]))
            if low is None:
                continue
            out.append(
                DistributionTransformer(
                    f"{element}-{side}",
                    ends.node(element, hv, int(row["hv_bus"])),
                    ends.node(element, low, int(row[bus_column])),
                    float(row[rating]) * 1000.0,
                    f"{as_text(row.get('name')) or element} ({side.upper()})",
                    low.position,
                )
            )
    return tuple(out)


def _sources(net: Any, buses: dict[int, _Bus], found: Findings) -> tuple[Source, ...]:
    out = []
    supplies: list[tuple[str, Any, str | None]] = [("ext_grid", net.ext_grid, None)]
    gen = getattr(net, "gen", None)
    if gen is not None and len(gen) and "slack" in gen:
        supplies.append(("gen", gen, "slack"))
    for table, frame, flag in supplies:
        for (index, row), in_service in zip(frame.iterrows(), _in_service(frame), strict=True):
            if flag is not None and not bool(row[flag]):
                continue
            source_id = f"{table}{index}"
            bus = buses.get(int(row["bus"]))
            if not in_service or bus is None:
                found.warning("not-imported", table, source_id, "is out of service")
                continue
            out.append(
                Source(
                    source_id,
                    bus.node,
                    as_text(row.get("name")) or source_id,
                    bus.position,
                    voltage_kv=bus.voltage,
                )
            )
    return tuple(out)


def _loads(net: Any, buses: dict[int, _Bus], found: Findings) -> tuple[Customer, ...]:
    out = []
    no_address = Address("", "", "", "")
    for (index, row), in_service in zip(net.load.iterrows(), _in_service(net.load), strict=True):
        load_id = f"load{index}"
        bus = buses.get(int(row["bus"]))
        if not in_service or bus is None:
            found.warning("not-imported", "load", load_id, "is out of service (or on such a bus)")
            continue
        out.append(
            Customer(
                load_id,
                as_text(row.get("name")) or load_id,
                bus.node,
                None,
                "",
                no_address,
                Priority.NONE,
                bus.position,
                _attributes(row, ("p_mw", "q_mvar", "type")),
            )
        )
    return tuple(out)


def _attributes(row: Any, columns: tuple[str, ...]) -> Attributes:
    out = []
    for column in columns:
        if column in row.index:
            value = as_attribute(row[column])
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                out.append((column, value))
    return tuple(out)
