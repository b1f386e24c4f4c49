"""One read layer: its columns found, its values parsed and its geometry checked, row by row.

Problems are collected, not raised, so one run lists all that is wrong with a file; a row with
a problem is left out of the records (the import stops anyway).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from maps.interchange.mapping import ColumnMapping, normalise_code
from maps.interchange.reader import FIELD_TYPES
from maps.interchange.schema import (
    LayerSchema,
)
from ops.network.records import (
    Attributes,
    AttributeValue,
    Coord,
)
from ops.network.validation import Findings, valid_position

T = TypeVar("T")
_SHAPEFILE_FIELD = 10  # DBF field names are cut to 10 characters
_POINT, _LINESTRING, _MULTIPOINT, _MULTILINESTRING = 0, 1, 4, 5
_TYPE_NAMES = {
    -1: "no geometry",
    0: "Point",
    1: "LineString",
    2: "LinearRing",
    3: "Polygon",
    4: "MultiPoint",
    5: "MultiLineString",
    6: "MultiPolygon",
    7: "GeometryCollection",
}


def is_missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def as_text(v: object) -> str | None:
    """A cell as text: ids and names; 12.0 read from a numeric column is "12"."""
    if is_missing(v):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = str(v).strip()
    return text or None


def as_attribute(v: object, field_type: str = "") -> AttributeValue:
    """A cell of a column the model has no field for, as a JSON-safe value."""
    if is_missing(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        if field_type.startswith("int"):
            return int(v)
        if field_type == "bool":
            return bool(v)
    if isinstance(v, bool | int | str):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, datetime | date | time):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


class Layer:
    """One layer's columns and geometry, and the problems found in them."""

    def __init__(
        self, frame: gpd.GeoDataFrame, schema: LayerSchema, mapping: ColumnMapping, found: Findings
    ) -> None:
        self.schema, self.found, self.name = schema, found, schema.name
        self.ok = True
        names = [str(c) for c in frame.columns if c != frame.geometry.name]
        self.values: dict[str, list[Any]] = {}
        used: set[str] = set()
        for column in schema.columns:
            wanted = mapping.column_name(schema.name, column)
            actual = _find_column(names, wanted)
            if actual is None:
                if column in schema.required:
                    self.ok = False
                    mapped = f" (for {column})" if wanted != column else ""
                    found.error(
                        "missing-column",
                        self.name,
                        None,
                        f"there is no column {wanted!r}{mapped}; the layer's columns are: "
                        f"{', '.join(names) or 'none'}",
                    )
                continue
            used.add(actual)
            self.values[column] = frame[actual].tolist()
        self.extra = [n for n in names if n not in used]
        self.extra_values = [frame[n].tolist() for n in self.extra]
        types = frame.attrs.get(FIELD_TYPES, {})
        self.extra_types = [types.get(n, "") for n in self.extra]
        self.geometry = np.asarray(frame.geometry.values, dtype=object)
        self.size = len(frame)
        self.ids = self.texts(schema.id_column)

    def label(self, i: int) -> str:
        return self.ids[i] or f"row {i + 1}"

    def error(self, code: str, i: int, text: str) -> None:
        self.found.error(code, self.name, self.label(i), text)

    def column(self, name: str) -> list[Any]:
        return self.values.get(name) or [None] * self.size

    def texts(self, name: str) -> list[str | None]:
        # Most cells are plain strings: strip them without the general conversion.
        return [
            (v.strip() or None) if v.__class__ is str else as_text(v) for v in self.column(name)
        ]

    def rows(self) -> list[int]:
        """The rows with an id; a row without one is a problem (it cannot be updated by id)."""
        out = []
        for i, element_id in enumerate(self.ids):
            if element_id is None:
                self.error("missing-id", i, f"has no {self.schema.id_column}")
            else:
                out.append(i)
        return out

    def required_texts(self, name: str, rows: list[int], bad: set[int]) -> list[str | None]:
        texts = self.texts(name)
        for i in rows:
            if texts[i] is None:
                self.error("missing-value", i, f"{name} is empty")
                bad.add(i)
        return texts

    def numbers(self, name: str, rows: list[int], bad: set[int], required: bool) -> list[float]:
        out = [math.nan] * self.size
        raw = self.column(name)
        for i in rows:
            v = raw[i]
            if is_missing(v) or (isinstance(v, str) and not v.strip()):
                if required:
                    self.error("missing-value", i, f"{name} is empty")
                    bad.add(i)
                continue
            number = _to_float(v)
            if number is None:
                self.error("bad-value", i, f"{name} {v!r} is not a number")
                bad.add(i)
            else:
                out[i] = number
        return out

    def coded(
        self,
        name: str,
        rows: list[int],
        bad: set[int],
        codes: dict[str, T],
        known: str,
        default: T | None = None,
        *,
        optional: bool = False,
    ) -> list[T | None]:
        """Values read through codes; an empty cell is `default`, or a problem if required."""
        out: list[T | None] = [default] * self.size
        raw = self.column(name)
        seen: dict[object, T | None] = {}  # a column has few distinct codes
        for i in rows:
            v = raw[i]
            if is_missing(v) or (isinstance(v, str) and not v.strip()):
                if default is None and not optional:
                    self.error("missing-value", i, f"{name} is empty")
                    bad.add(i)
                continue
            key = (v.__class__, v)
            if key in seen:
                value = seen[key]
            else:
                value = seen[key] = codes.get(normalise_code(v))
            if value is None:
                self.error(
                    f"unknown-{name}",
                    i,
                    f"{name} {v!r} is not a code the importer knows ({known}); map it in the "
                    f"mapping file's [codes.{name}] table",
                )
                bad.add(i)
            out[i] = value
        return out

    def attributes(self, i: int) -> Attributes:
        if not self.extra:
            return ()
        return tuple(
            (name, as_attribute(values[i], field_type))
            for name, values, field_type in zip(
                self.extra, self.extra_values, self.extra_types, strict=True
            )
        )

    def points(self, rows: list[int], bad: set[int]) -> list[Coord | None]:
        # Vectorised: a customers layer has hundreds of thousands of rows.
        geoms = self.geometry
        types = shapely.get_type_id(geoms)
        empty = shapely.is_empty(geoms)
        multi = (types == _MULTIPOINT) & ~empty
        if multi.any():  # a MultiPoint of one point is that point
            single = np.zeros_like(multi)
            single[multi] = shapely.get_num_geometries(geoms[multi]) == 1
            geoms, types = geoms.copy(), types.copy()
            geoms[single] = shapely.get_geometry(geoms[single], 0)
            types[single] = _POINT
        is_point = (types == _POINT) & ~empty
        x = np.full(len(geoms), np.nan)
        y = np.full(len(geoms), np.nan)
        x[is_point] = shapely.get_x(geoms[is_point])
        y[is_point] = shapely.get_y(geoms[is_point])
        valid = np.isfinite(x) & np.isfinite(y) & (np.abs(x) <= 180) & (np.abs(y) <= 90)
        out: list[Coord | None] = [None] * self.size
        types_l, points_l, valid_l = types.tolist(), is_point.tolist(), valid.tolist()
        x_l, y_l = x.tolist(), y.tolist()
        for i in rows:
            if valid_l[i]:
                out[i] = (x_l[i], y_l[i])
                continue
            kind = types_l[i]
            if kind == -1 or (kind == _POINT and not points_l[i]):
                if not self.schema.geometry_optional:
                    self.error("empty-geometry", i, "has no geometry (a Point is needed)")
                    bad.add(i)
            elif kind != _POINT:
                self.error("wrong-geometry", i, f"is a {_TYPE_NAMES.get(kind, kind)}, not a Point")
                bad.add(i)
            else:
                self._bad_position(i, (x_l[i], y_l[i]))
                bad.add(i)
        return out

    def lines(self, rows: list[int], bad: set[int]) -> list[tuple[Coord, ...]]:
        out: list[tuple[Coord, ...]] = [()] * self.size
        geoms = self.geometry
        types = shapely.get_type_id(geoms)
        for i in rows:
            kind = int(types[i])
            if kind not in (_LINESTRING, _MULTILINESTRING):
                what = "has no geometry" if kind == -1 else f"is a {_TYPE_NAMES.get(kind, kind)}"
                self.error("wrong-geometry", i, f"{what}, not a LineString")
                bad.add(i)
                continue
            geom = geoms[i]
            if kind == _MULTILINESTRING:
                # Parts that meet end to end are one line; others are drawn in the file's order.
                geom = shapely.line_merge(geom)
            coords = shapely.get_coordinates(geom)
            if len(coords) < 2:
                self.error("empty-geometry", i, "the line has fewer than 2 points")
                bad.add(i)
                continue
            path = tuple((float(x), float(y)) for x, y in coords.tolist())
            wrong = next((p for p in path if not valid_position(p)), None)
            if wrong is not None:
                self._bad_position(i, wrong)
                bad.add(i)
                continue
            out[i] = path
        return out

    def _bad_position(self, i: int, p: Coord) -> None:
        self.error(
            "bad-position",
            i,
            f"({p[0]:.6g}, {p[1]:.6g}) is not a longitude/latitude after reprojection: is the "
            "layer's coordinate reference system the one its coordinates are in?",
        )


def _find_column(names: Sequence[str], wanted: str) -> str | None:
    if wanted in names:
        return wanted
    folded = {n.casefold(): n for n in names}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    # A Shapefile keeps 10 characters of a field name: transformer_id comes back as transforme.
    return folded.get(wanted.casefold()[:_SHAPEFILE_FIELD])


def _to_float(v: object) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float | np.number):
        number = float(v)
    elif isinstance(v, str):
        try:
            number = float(v.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None
