"""Writing a network as an interchange GeoPackage: the example file, the demo, the benchmark.

What `write_network` writes, `read_network` reads back as the same records: the export is the
format's reference implementation as much as a convenience.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from maps.interchange.schema import (
    CUSTOMERS,
    SEGMENTS,
    SOURCES,
    SUBSTATIONS,
    SWITCHES,
    TRANSFORMERS,
    LayerSchema,
)
from ops.files import write_through
from ops.network.interchange import NetworkData, to_interchange
from ops.network.records import Attributes, Coord, Customer, NetworkModel


def export_network(path: Path, model: NetworkModel, customers: Iterable[Customer]) -> None:
    """Write a network model and its customers as an interchange GeoPackage."""
    write_network(path, to_interchange(model, customers))


def write_network(path: Path, data: NetworkData, *, spatial_index: bool = True) -> None:
    """Write interchange records as a GeoPackage, replacing the file only once it is complete.

    A spatial index makes a large file quick to browse in a GIS; a tiny one is half its size
    without.
    """
    layers: list[tuple[LayerSchema, dict[str, list[Any]], Any, str, list[Attributes]]] = [
        (
            SOURCES,
            {
                "source_id": [s.source_id for s in data.sources],
                "node_id": [s.node_id for s in data.sources],
                "name": [s.name for s in data.sources],
                "substation_id": [s.substation_id for s in data.sources],
                "voltage_kv": [s.voltage_kv for s in data.sources],
                "area_class": [s.area_class.value if s.area_class else None for s in data.sources],
            },
            _points([s.position for s in data.sources]),
            "Point",
            [s.attributes for s in data.sources],
        ),
        (
            SEGMENTS,
            {
                "segment_id": [g.segment_id for g in data.segments],
                "from_node": [g.from_node for g in data.segments],
                "to_node": [g.to_node for g in data.segments],
                "name": [g.name for g in data.segments],
                "voltage_kv": [g.voltage_kv for g in data.segments],
            },
            _lines([g.path for g in data.segments]),
            "LineString",
            [g.attributes for g in data.segments],
        ),
        (
            SWITCHES,
            {
                "switch_id": [w.switch_id for w in data.switches],
                "from_node": [w.from_node for w in data.switches],
                "to_node": [w.to_node for w in data.switches],
                "kind": [w.kind.value for w in data.switches],
                "normal_open": [int(w.normal_open) for w in data.switches],
                "name": [w.name for w in data.switches],
            },
            _points([w.position for w in data.switches]),
            "Point",
            [w.attributes for w in data.switches],
        ),
        (
            TRANSFORMERS,
            {
                "transformer_id": [t.transformer_id for t in data.transformers],
                "from_node": [t.from_node for t in data.transformers],
                "to_node": [t.to_node for t in data.transformers],
                "kva": [t.kva for t in data.transformers],
                "name": [t.name for t in data.transformers],
            },
            _points([t.position for t in data.transformers]),
            "Point",
            [t.attributes for t in data.transformers],
        ),
        (
            CUSTOMERS,
            {
                "customer_id": [c.customer_id for c in data.customers],
                "node_id": [c.node_id for c in data.customers],
                "name": [c.name for c in data.customers],
                "phone": [c.phone for c in data.customers],
                "address": [c.address.street for c in data.customers],
                "hamlet": [c.address.hamlet for c in data.customers],
                "ward": [c.address.ward for c in data.customers],
                "province": [c.address.province for c in data.customers],
                "priority": [c.priority.value for c in data.customers],
            },
            _points([c.position for c in data.customers]),
            "Point",
            [c.attributes for c in data.customers],
        ),
    ]
    if data.substations:
        layers.append(
            (
                SUBSTATIONS,
                {
                    "substation_id": [s.substation_id for s in data.substations],
                    "name": [s.name for s in data.substations],
                    "voltage": [s.voltage for s in data.substations],
                },
                _points([s.position for s in data.substations]),
                "Point",
                [() for _ in data.substations],
            )
        )

    def save(tmp: Path) -> None:
        for schema, columns, geometry, geometry_type, attributes in layers:
            columns.update(_attribute_columns(attributes, schema))
            frame = gpd.GeoDataFrame(
                {k: _column(v) for k, v in columns.items()},
                geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"),
            )
            pyogrio.write_dataframe(
                frame,
                tmp,
                layer=schema.name,
                driver="GPKG",
                geometry_type=geometry_type,
                layer_options={"SPATIAL_INDEX": "YES" if spatial_index else "NO"},
            )

    write_through(path, save, suffix=".gpkg")  # GDAL wants the .gpkg extension on it too


def _points(positions: Sequence[Coord | None]) -> Any:
    out = np.full(len(positions), None, dtype=object)
    known = [i for i, p in enumerate(positions) if p is not None]
    if known:
        xy = np.array([positions[i] for i in known], dtype=float)
        out[known] = shapely.points(xy)
    return out


def _lines(paths: Sequence[tuple[Coord, ...]]) -> Any:
    if not paths:
        return np.array([], dtype=object)
    coords = np.array([p for path in paths for p in path], dtype=float)
    index = np.repeat(np.arange(len(paths)), [len(path) for path in paths])
    return shapely.linestrings(coords, indices=index)


def _attribute_columns(rows: Sequence[Attributes], schema: LayerSchema) -> dict[str, list[Any]]:
    """The extra columns, in the order they first appear; a name the schema uses gets a prefix."""
    names: dict[str, None] = {}
    for attributes in rows:
        for name, _ in attributes:
            names.setdefault(name, None)
    reserved = {c.casefold() for c in schema.columns} | {"geometry", "geom", "fid"}
    out: dict[str, list[Any]] = {}
    for name in names:
        column = f"attr_{name}" if name.casefold() in reserved else name
        out[column] = [dict(a).get(name) for a in rows]
    return out


def _column(values: list[Any]) -> Any:
    """A column whose type survives the GeoPackage: integers and booleans may have gaps."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pd.array(values, dtype="boolean")
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.array(values, dtype="Int64")
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return pd.array([np.nan if v is None else float(v) for v in values], dtype="float64")
    return pd.array(values, dtype=object)
