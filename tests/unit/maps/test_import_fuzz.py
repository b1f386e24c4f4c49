"""Broken layers, however broken, give a clear error of ours: never a traceback from below.

Hypothesis breaks a valid GeoPackage in one to four ways (a layer or column gone, junk in a
cell, a geometry missing, empty, out of range or of the wrong type, rows duplicated or dropped)
and imports it. The import either succeeds (some breakages are harmless) or raises a
`NetworkImportError` whose message names a layer; anything else fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maps.interchange import load_network
from ops.network.interchange import LAYERS
from ops.network.validation import InvalidNetworkError, NetworkImportError
from tests.unit.network_files import read_frames, write_frames, write_tiny


@pytest.fixture(scope="module")
def valid_frames(tmp_path_factory: pytest.TempPathFactory) -> dict[str, gpd.GeoDataFrame]:
    return read_frames(write_tiny(tmp_path_factory.mktemp("fuzz") / "valid.gpkg"))


NAMES = {*LAYERS, "substations"}
JUNK = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.sampled_from(["", " ", "F1-N1", "breaker", "1", "0", "open", "1e400", "nan", "NULL"]),
)
COORD = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False)
GEOMETRY = st.one_of(
    st.none(),
    st.just(shapely.Point()),
    st.just(shapely.LineString()),
    st.builds(shapely.Point, COORD, COORD),
    st.builds(lambda a, b: shapely.LineString([(a, b), (a, b)]), COORD, COORD),
    st.builds(lambda a, b: shapely.LineString([(a, b), (b, a)]), COORD, COORD),
    st.just(shapely.Polygon([(0, 0), (1, 0), (1, 1)])),
    st.just(shapely.MultiPoint([(106.6, 10.9), (106.7, 10.9)])),
    st.just(shapely.MultiLineString([[(106.6, 10.9), (106.7, 10.9)], [(1, 1), (2, 2)]])),
    st.just(shapely.GeometryCollection()),
)


@st.composite
def breakage(draw: st.DrawFn) -> tuple[str, ...]:
    layer = draw(st.sampled_from(LAYERS))
    how = draw(
        st.sampled_from(
            ["drop_layer", "drop_column", "rename_column", "cell", "geometry", "dup", "drop_row"]
        )
    )
    return (how, layer, str(draw(st.integers(0, 50))), str(draw(st.integers(0, 50))))


def apply(
    frames: dict[str, gpd.GeoDataFrame], how: str, layer: str, a: int, b: int, junk: Any, geom: Any
) -> None:
    if layer not in frames:
        return
    frame = frames[layer]
    columns = [c for c in frame.columns if c != "geometry"]
    row = a % len(frame) if len(frame) else None
    if how == "drop_layer":
        del frames[layer]
    elif how == "drop_column" and columns:
        frames[layer] = frame.drop(columns=[columns[b % len(columns)]])
    elif how == "rename_column" and columns:
        frames[layer] = frame.rename(columns={columns[b % len(columns)]: f"x{b}"})
    elif how == "cell" and columns and row is not None:
        column = columns[b % len(columns)]
        frame[column] = frame[column].astype(object)
        frame.at[frame.index[row], column] = junk
    elif how == "geometry" and row is not None:
        geoms = list(frame.geometry.values)
        geoms[row] = geom
        frames[layer] = gpd.GeoDataFrame(
            frame.drop(columns="geometry"), geometry=gpd.GeoSeries(geoms, crs=frame.crs)
        )
    elif how == "dup" and row is not None:
        frames[layer] = pd.concat([frame, frame.iloc[[row]]], ignore_index=True)
    elif how == "drop_row" and row is not None:
        frames[layer] = frame.drop(index=frame.index[row]).reset_index(drop=True)


@settings(
    # OMS_FUZZ_EXAMPLES=600 for a longer hunt (600 passed when this was written).
    max_examples=int(os.environ.get("OMS_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    breakages=st.lists(breakage(), min_size=1, max_size=4),
    junk=st.lists(JUNK, min_size=4, max_size=4),
    geometries=st.lists(GEOMETRY, min_size=4, max_size=4),
)
def test_broken_layers_give_our_error_or_a_valid_network(
    valid_frames: dict[str, gpd.GeoDataFrame],
    tmp_path: Path,
    breakages: list[tuple[str, ...]],
    junk: list[Any],
    geometries: list[Any],
) -> None:
    frames = {name: frame.copy() for name, frame in valid_frames.items()}
    for (how, layer, a, b), value, geom in zip(breakages, junk, geometries, strict=False):
        apply(frames, how, layer, int(a), int(b), value, geom)
    path = tmp_path / "broken.gpkg"
    path.unlink(missing_ok=True)
    if not frames:
        return
    write_frames(path, frames)
    try:
        checked = load_network(path)
    except InvalidNetworkError as exc:
        assert exc.report.error_count > 0
        for line in exc.report.error_lines():  # each names its layer (or counts more)
            assert line.startswith("  … and ") or line.split(" ")[0].rstrip(":") in NAMES, line
    except NetworkImportError as exc:
        assert str(exc)
    else:
        assert checked.report.ok
        assert checked.network.model.feeders
