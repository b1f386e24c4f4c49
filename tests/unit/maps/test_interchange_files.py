"""Reading the interchange layers: every container, reprojection, mapping, and clear errors."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from maps.interchange import load_mapping, load_network, read_network
from maps.interchange.mapping import MappingError, normalise_code, parse_mapping
from ops.network.interchange import NetworkData
from ops.network.records import Coord
from ops.network.validation import InvalidNetworkError, NetworkImportError
from tests.unit.network_files import (
    EXAMPLE,
    LAYER_NAMES,
    MAPPING_EXAMPLE,
    read_frames,
    tiny_data,
    write_frames,
    write_tiny,
)

UTM_48N = "EPSG:32648"


def error_text(call: Callable[[], object]) -> str:
    with pytest.raises(NetworkImportError) as raised:
        call()
    return str(raised.value)


def test_the_example_file_imports_with_its_extra_columns_as_attributes() -> None:
    checked = load_network(EXAMPLE)
    model, customers = checked.network.model, checked.network.customers
    assert checked.report.ok and checked.report.warnings == ()
    assert (len(model.feeders), len(model.segments), len(model.switches)) == (2, 13, 6)
    assert len(model.transformers) == 6 and len(customers) == 60
    assert [s.name for s in model.substations] == ["TBA 110kV Củ Chi"]
    assert dict(customers[0].attributes).keys() == {"meter_no", "tariff"}
    assert any(c.position is None for c in customers)  # a customer's geometry may be empty
    assert EXAMPLE.stat().st_size < 200_000


def test_a_geopackage_reads_back_the_records_written(tmp_path: Path) -> None:
    data, report = read_network(write_tiny(tmp_path / "t.gpkg"))
    assert report.ok
    assert data == tiny_data()


def test_a_folder_of_geojson_files_is_a_network(tmp_path: Path) -> None:
    frames = read_frames(write_tiny(tmp_path / "t.gpkg"))
    folder = tmp_path / "geojson"
    folder.mkdir()
    for name, frame in frames.items():
        frame.to_file(folder / f"{name}.geojson", driver="GeoJSON")
    data, _ = read_network(folder)
    assert rounded(data) == rounded(tiny_data())  # GeoJSON keeps fewer digits


def rounded(data: NetworkData, digits: int = 7) -> NetworkData:
    def r(p: Coord | None) -> Coord | None:
        return None if p is None else (round(p[0], digits), round(p[1], digits))

    return replace(
        data,
        sources=tuple(replace(x, position=r(x.position)) for x in data.sources),
        segments=tuple(replace(g, path=tuple(r(p) for p in g.path)) for g in data.segments),
        switches=tuple(replace(x, position=r(x.position)) for x in data.switches),
        transformers=tuple(replace(x, position=r(x.position)) for x in data.transformers),
        customers=tuple(replace(x, position=r(x.position)) for x in data.customers),
        substations=tuple(replace(x, position=r(x.position)) for x in data.substations),
    )


def shapefile_zip(tmp_path: Path, crs: str | None) -> Path:
    """The toy network as Shapefiles in UTM (10-character field names), zipped; no .prj if
    `crs` is None."""
    frames = read_frames(write_tiny(tmp_path / "t.gpkg"))
    folder = tmp_path / "shp"
    folder.mkdir()
    for name, frame in frames.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "field names will be truncated": that is the point
            pyogrio.write_dataframe(frame.to_crs(UTM_48N), folder / f"{name}.shp")
        if crs is None:
            (folder / f"{name}.prj").unlink()
    out = tmp_path / "network.zip"
    with zipfile.ZipFile(out, "w") as z:
        for f in folder.iterdir():
            z.write(f, f"export/{f.name}")
    return out


def assert_close_to_tiny(data: object) -> None:
    expected = tiny_data()
    assert data.segments[0].segment_id == expected.segments[0].segment_id  # type: ignore[attr-defined]
    for got, want in zip(data.switches, expected.switches, strict=True):  # type: ignore[attr-defined]
        assert got.switch_id == want.switch_id and got.normal_open == want.normal_open
        assert got.position == pytest.approx(want.position, abs=1e-7)
    got_c = {c.customer_id: c for c in data.customers}  # type: ignore[attr-defined]
    for c in expected.customers:
        assert got_c[c.customer_id].attributes == c.attributes
        assert got_c[c.customer_id].priority == c.priority


def test_a_zip_of_shapefiles_in_utm_is_reprojected_and_short_field_names_found(
    tmp_path: Path,
) -> None:
    data, _ = read_network(shapefile_zip(tmp_path, UTM_48N))
    assert_close_to_tiny(data)
    assert {t.transformer_id for t in data.transformers} == {
        t.transformer_id for t in tiny_data().transformers
    }  # read from the field TRANSFORME


def test_a_layer_without_crs_needs_crs_from_the_command_line(tmp_path: Path) -> None:
    path = shapefile_zip(tmp_path, None)
    text = error_text(lambda: read_network(path))
    assert "has no coordinate reference system: give the one it is in with --crs" in text
    data, _ = read_network(path, crs=UTM_48N)
    assert_close_to_tiny(data)
    assert "is not a coordinate system" in error_text(lambda: read_network(path, crs="EPSG:0"))


def test_a_wrong_crs_shows_as_positions_that_are_no_longitude_latitude(tmp_path: Path) -> None:
    text = error_text(lambda: read_network(shapefile_zip(tmp_path, None), crs="EPSG:4326"))
    assert "is not a longitude/latitude after reprojection" in text


def export_with_utility_names(tmp_path: Path) -> Path:
    """The example file as a utility would export it: its names and codes (the mapping's)."""
    mapping = load_mapping(MAPPING_EXAMPLE)
    frames = read_frames(EXAMPLE)
    out: dict[str, gpd.GeoDataFrame] = {}
    first_code = {
        "kind": {v: k for k, v in reversed(mapping.kinds.items())},
        "priority": {v: k for k, v in reversed(mapping.priorities.items())},
        "area_class": {v: k for k, v in reversed(mapping.area_classes.items())},
    }
    for name, frame in frames.items():
        frame = frame.copy()
        if "kind" in frame:
            frame["kind"] = frame["kind"].map(first_code["kind"]).str.upper()
        if "normal_open" in frame:
            frame["normal_open"] = frame["normal_open"].map({1: "MO", 0: "DONG"})
        for coded in ("priority", "area_class"):
            if coded in frame:
                frame[coded] = frame[coded].map(first_code[coded]).str.upper()
        renamed = {c: mapping.column_name(name, c) for c in frame.columns if c != "geometry"}
        out[mapping.layer_name(name)] = frame.rename(columns=renamed)
    return write_frames(tmp_path / "utility.gpkg", out)


def test_a_utility_export_imports_through_the_example_mapping(tmp_path: Path) -> None:
    path = export_with_utility_names(tmp_path)
    assert "there is no layer 'sources'" in error_text(lambda: read_network(path))
    data, _ = read_network(path, MAPPING_EXAMPLE)
    assert data == read_network(EXAMPLE)[0]


def test_mapping_mistakes_are_named() -> None:
    def parse(raw: dict[str, object]) -> str:
        return error_text(lambda: parse_mapping(raw, "m.toml"))

    assert "unknown key(s) ['layer']" in parse({"layer": {}})
    assert "'cables' is not an interchange layer" in parse({"layers": {"cables": "X"}})
    assert "'kva' is not a column of segments" in parse({"fields": {"segments": {"kva": "K"}}})
    assert "'breakr' is not one of" in parse({"codes": {"kind": {"breakr": ["MC"]}}})
    both = {"codes": {"normal_open": {"open": ["1"], "closed": ["1"]}}}
    assert "code '1' is given for both open and closed" in parse(both)
    assert normalise_code(" Load Break-Switch ") == "load_break_switch"
    assert normalise_code(1.0) == "1"


def test_an_unreadable_mapping_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "m.toml"
    bad.write_text("[layers\n", encoding="utf-8")
    with pytest.raises(MappingError, match="is not valid TOML"):
        load_mapping(bad)
    with pytest.raises(MappingError, match="Cannot read the mapping file"):
        load_mapping(tmp_path / "none.toml")


@pytest.fixture
def frames(tmp_path: Path) -> dict[str, gpd.GeoDataFrame]:
    return read_frames(write_tiny(tmp_path / "t.gpkg"))


def broken(tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]) -> str:
    path = write_frames(tmp_path / "broken.gpkg", frames)
    with pytest.raises(InvalidNetworkError) as raised:
        load_network(path)
    return str(raised.value)


def test_a_missing_layer_is_named_with_the_layers_there_are(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    del frames["switches"]
    text = broken(tmp_path, frames)
    assert (
        "switches: there is no layer 'switches' in broken.gpkg (it has: broken.gpkg layer customers"
    ) in text


def test_a_missing_column_is_named_with_the_columns_there_are(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    frames["transformers"] = frames["transformers"].drop(columns=["kva"])
    text = broken(tmp_path, frames)
    assert (
        "transformers: there is no column 'kva'; "
        "the layer's columns are: transformer_id, from_node, to_node, name"
    ) in text


def test_bad_values_are_named_by_layer_and_id(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    t = frames["transformers"]
    t["kva"] = t["kva"].astype(object)
    t.loc[0, "kva"] = "250kVA"
    w = frames["switches"]
    w.loc[1, "kind"] = "RMU"
    w["normal_open"] = w["normal_open"].astype(object)
    w.loc[2, "normal_open"] = "maybe"
    c = frames["customers"]
    c.loc[0, "priority"] = "vip"
    text = broken(tmp_path, frames)
    first = t.loc[0, "transformer_id"]
    assert f"transformers {first}: kva '250kVA' is not a number" in text
    assert (
        f"switches {w.loc[1, 'switch_id']}: kind 'RMU' is not a code the importer knows "
        "(breaker, disconnector, fuse, load_break_switch, recloser, sectionalizer); "
        "map it in the mapping file's [codes.kind] table"
    ) in text
    assert f"switches {w.loc[2, 'switch_id']}: normal_open 'maybe' is not a code" in text
    assert f"customers {c.loc[0, 'customer_id']}: priority 'vip' is not a code" in text


def test_geometry_must_be_there_and_of_the_right_type(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    w = frames["switches"]
    w.loc[0, "geometry"] = None
    s = frames["segments"]
    s["geometry"] = shapely.get_point(s.geometry.values, 0)  # points where lines belong
    text = broken(tmp_path, frames)
    assert f"switches {w.loc[0, 'switch_id']}: has no geometry (a Point is needed)" in text
    assert f"segments {s.loc[0, 'segment_id']}: is a Point, not a LineString" in text


def test_rows_without_id_are_named_by_row_number(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    frames["segments"].loc[2, "segment_id"] = None
    assert "segments row 3: has no segment_id" in broken(tmp_path, frames)


def test_a_multilinestring_whose_parts_meet_is_one_line(
    tmp_path: Path, frames: dict[str, gpd.GeoDataFrame]
) -> None:
    s = frames["segments"]
    line = s.loc[0, "geometry"]
    coords = list(line.coords)
    s.loc[0, "geometry"] = shapely.MultiLineString([coords[:2], coords[1:]])
    data, _ = read_network(write_frames(tmp_path / "multi.gpkg", frames))
    assert data.segments[0].path == tiny_data().segments[0].path


def test_unknown_formats_and_paths_are_errors(tmp_path: Path) -> None:
    assert "does not exist" in error_text(lambda: read_network(tmp_path / "none.gpkg"))
    (tmp_path / "n.csv").write_text("a,b\n", encoding="utf-8")
    assert "not a format the importer reads" in error_text(lambda: read_network(tmp_path / "n.csv"))
    (tmp_path / "bad.gpkg").write_bytes(b"not a geopackage")
    assert "cannot be opened as a GeoPackage" in error_text(
        lambda: read_network(tmp_path / "bad.gpkg")
    )
    (tmp_path / "bad.zip").write_bytes(b"PK nonsense")
    assert "is not a readable zip file" in error_text(lambda: read_network(tmp_path / "bad.zip"))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds no .geojson" in error_text(lambda: read_network(empty))


def test_every_required_layer_is_written_by_the_exporter(tmp_path: Path) -> None:
    frames = read_frames(write_tiny(tmp_path / "t.gpkg"))
    assert set(LAYER_NAMES) <= set(frames)
