"""The interchange format's layers and columns (docs/network-interchange.md explains them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LayerSchema:
    """One layer: its geometry, the columns it must have and those it may have."""

    name: str
    geometry: tuple[str, ...]  # accepted geometry types
    id_column: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    geometry_optional: bool = False  # rows may have an empty or missing geometry

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


POINT = ("Point",)
LINES = ("LineString", "MultiLineString")

SOURCES = LayerSchema(
    "sources",
    POINT,
    "source_id",
    ("source_id", "node_id"),
    ("name", "substation_id", "voltage_kv", "area_class"),
)
SEGMENTS = LayerSchema(
    "segments",
    LINES,
    "segment_id",
    ("segment_id", "from_node", "to_node", "voltage_kv"),
    ("name",),
)
SWITCHES = LayerSchema(
    "switches",
    POINT,
    "switch_id",
    ("switch_id", "from_node", "to_node", "kind", "normal_open"),
    ("name",),
)
TRANSFORMERS = LayerSchema(
    "transformers",
    POINT,
    "transformer_id",
    ("transformer_id", "from_node", "to_node", "kva"),
    ("name",),
)
CUSTOMERS = LayerSchema(
    "customers",
    POINT,
    "customer_id",
    ("customer_id", "node_id"),
    ("name", "phone", "address", "hamlet", "ward", "province", "priority"),
    geometry_optional=True,
)
# Optional: the substations the sources' `substation_id` names.
SUBSTATIONS = LayerSchema(
    "substations", POINT, "substation_id", ("substation_id",), ("name", "voltage")
)

REQUIRED_LAYERS = (SOURCES, SEGMENTS, SWITCHES, TRANSFORMERS, CUSTOMERS)
ALL_LAYERS = (*REQUIRED_LAYERS, SUBSTATIONS)
BY_NAME = {layer.name: layer for layer in ALL_LAYERS}
