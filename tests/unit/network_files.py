"""Test material for the importer: the toy network as interchange records and as layer files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pyogrio

from maps.interchange import write_network
from ops.network.interchange import NetworkData, to_interchange
from ops.network.records import Address, Customer, NetworkModel, Priority
from tests.unit.builders import tiny_network

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "interchange" / "toy-feeder.gpkg"
MAPPING_EXAMPLE = ROOT / "resources" / "interchange" / "mapping-example.toml"
LAYER_NAMES = ("sources", "segments", "switches", "transformers", "customers")


def tiny_customers(model: NetworkModel | None = None, per_transformer: int = 3) -> list[Customer]:
    """A few customers on each transformer's low-voltage node, one of them on life support."""
    model = model or tiny_network()
    out = []
    for t in model.transformers:
        for i in range(per_transformer):
            out.append(
                Customer(
                    f"KH-{t.transformer_id}-{i}",
                    f"Khách hàng {i}",
                    t.to_node,
                    None,
                    "0909 000 000",
                    Address(f"Số {i + 1}", "Ấp 1", "Xã Tân Thạnh", "TP. Hồ Chí Minh"),
                    Priority.LIFE_SUPPORT
                    if (t.transformer_id, i) == ("T-F2-2", 0)
                    else Priority.NONE,
                    (t.position[0] + 0.0001 * i, t.position[1]),
                    (("meter_no", f"CT-{t.transformer_id}-{i}"),),
                )
            )
    return out


def tiny_data() -> NetworkData:
    """The builders' two-feeder network with customers, as an import would read it."""
    model = tiny_network()
    data = to_interchange(model, tiny_customers(model))
    # The builders' substation has no busbar node of its own; the sources say which it is.
    return replace(data, sources=tuple(replace(s, voltage_kv=22.0) for s in data.sources))


def write_tiny(path: Path) -> Path:
    write_network(path, tiny_data(), spatial_index=False)
    return path


def read_frames(path: Path) -> dict[str, gpd.GeoDataFrame]:
    """Every layer of a GeoPackage, to break in a test and write again."""
    return {
        str(name): pyogrio.read_dataframe(path, layer=str(name))
        for name, _ in pyogrio.list_layers(path)
    }


def write_frames(path: Path, frames: dict[str, gpd.GeoDataFrame]) -> Path:
    for name, frame in frames.items():
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG")
    return path
