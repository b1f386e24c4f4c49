"""Reading the interchange layers from a GeoPackage, a folder of GeoJSON or Shapefiles, or a zip.

Each layer is read whole with pyogrio and reprojected to WGS 84 (longitude/latitude), the one
coordinate system the console stores and draws. Whatever GDAL, pyproj or pandas object to is
turned into a problem naming the file and layer: nothing here ends in a traceback.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from maps.interchange.mapping import ColumnMapping
from maps.interchange.schema import ALL_LAYERS, REQUIRED_LAYERS
from ops.network.validation import Findings, NetworkImportError

_LAYER_FILES = (".gpkg", ".geojson", ".json", ".shp")
WGS84 = CRS.from_epsg(4326)
FIELD_TYPES = "oms_field_types"  # GeoDataFrame.attrs key: column name -> the file's field type


@dataclass(frozen=True, slots=True)
class LayerRef:
    """Where one layer is: a dataset GDAL opens, and the layer's name in it if it has several."""

    dataset: str
    layer: str | None
    label: str  # as the person knows it: "customers.shp", "network.gpkg layer KHACH_HANG"

    @property
    def is_shapefile(self) -> bool:
        return self.dataset.lower().endswith(".shp")


def list_layers(path: Path) -> dict[str, LayerRef]:
    """The layers in a file or folder, by case-folded name."""
    if not path.exists():
        raise NetworkImportError(f"{path} does not exist.")
    refs: dict[str, LayerRef] = {}

    def add(name: str, ref: LayerRef) -> None:
        key = name.casefold()
        if key in refs:
            raise NetworkImportError(
                f"{path}: the layer {name!r} is there twice ({refs[key].label} and {ref.label}); "
                "keep one."
            )
        refs[key] = ref

    if path.is_dir():
        for f in sorted(path.iterdir()):
            if f.suffix.lower() in _LAYER_FILES[1:]:
                add(f.stem, LayerRef(str(f), None, f.name))
        if not refs:
            raise NetworkImportError(f"{path} holds no .geojson, .json or .shp files.")
        return refs
    suffix = path.suffix.lower()
    if suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as z:
                members = z.namelist()
        except (OSError, zipfile.BadZipFile) as exc:
            raise NetworkImportError(f"{path} is not a readable zip file ({exc}).") from exc
        for member in sorted(members):
            inner = Path(member)
            if inner.suffix.lower() in _LAYER_FILES[1:] and not inner.name.startswith("."):
                add(inner.stem, LayerRef(f"/vsizip/{path}/{member}", None, f"{path.name}/{member}"))
        if not refs:
            raise NetworkImportError(f"{path} holds no .geojson, .json or .shp files.")
        return refs
    if suffix in (".geojson", ".shp"):
        raise NetworkImportError(
            f"{path} is a single layer; the interchange needs {len(REQUIRED_LAYERS)}: give "
            "the folder (or a zip) holding one file per layer, or a GeoPackage."
        )
    if suffix == ".gpkg":
        try:
            listed = pyogrio.list_layers(path)
        except (RuntimeError, OSError, ValueError) as exc:
            raise NetworkImportError(f"{path} cannot be opened as a GeoPackage: {exc}") from exc
        for name, _geometry in listed:
            add(str(name), LayerRef(str(path), str(name), f"{path.name} layer {name}"))
        return refs
    raise NetworkImportError(
        f"{path}: not a format the importer reads. Give a GeoPackage (.gpkg), a folder or a "
        ".zip of GeoJSON or Shapefile layers, or a pandapower network saved as JSON (.json)."
    )


def check_crs(text: str, what: str) -> CRS:
    try:
        return CRS.from_user_input(text)
    except CRSError as exc:
        raise NetworkImportError(f"{what} {text!r} is not a coordinate system: {exc}") from exc


def read_layers(
    path: Path, mapping: ColumnMapping, crs: str | None, found: Findings
) -> dict[str, gpd.GeoDataFrame]:
    """Every interchange layer there is, in WGS 84; missing or unreadable ones are findings."""
    fallback_text = crs or mapping.crs
    fallback = check_crs(fallback_text, "--crs") if fallback_text else None
    refs = list_layers(path)
    frames: dict[str, gpd.GeoDataFrame] = {}
    for schema in ALL_LAYERS:
        wanted = mapping.layer_name(schema.name)
        ref = refs.get(wanted.casefold())
        if ref is None:
            if schema in REQUIRED_LAYERS:
                found.error(
                    "missing-layer",
                    schema.name,
                    None,
                    f"there is no layer {wanted!r} in {path.name} (it has: "
                    f"{', '.join(sorted(r.label for r in refs.values()))})",
                )
            continue
        frame = _read(ref, schema.name, mapping, fallback, found)
        if frame is not None:
            frames[schema.name] = frame
    return frames


def _read(
    ref: LayerRef, layer: str, mapping: ColumnMapping, fallback: CRS | None, found: Findings
) -> gpd.GeoDataFrame | None:
    encoding = mapping.encoding if ref.is_shapefile else None
    try:
        frame = pyogrio.read_dataframe(ref.dataset, layer=ref.layer, encoding=encoding)
        info = pyogrio.read_info(ref.dataset, layer=ref.layer, encoding=encoding)
    except (RuntimeError, OSError, ValueError, UnicodeError) as exc:
        found.error("unreadable-layer", layer, None, f"{ref.label} cannot be read: {exc}")
        return None
    if not isinstance(frame, gpd.GeoDataFrame):
        found.error("no-geometry", layer, None, f"{ref.label} has no geometry column")
        return None
    # Integer and boolean columns with gaps come back as floats: remember what they were.
    frame.attrs[FIELD_TYPES] = {
        str(name): str(dtype) for name, dtype in zip(info["fields"], info["dtypes"], strict=False)
    }
    if frame.crs is None:
        if fallback is None:
            found.error(
                "no-crs",
                layer,
                None,
                f"{ref.label} has no coordinate reference system: give the one it is in with "
                "--crs EPSG:XXXX (or `crs` in the mapping file)",
            )
            return None
        frame = frame.set_crs(fallback)
    if not frame.crs.equals(WGS84):
        try:
            frame = frame.to_crs(WGS84)
        except (CRSError, RuntimeError, ValueError) as exc:
            found.error(
                "bad-crs", layer, None, f"{ref.label} cannot be reprojected to WGS 84: {exc}"
            )
            return None
    return frame
