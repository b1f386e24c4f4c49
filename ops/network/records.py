"""The network model as plain records: what the feeders are made of and who hangs off them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Coord = tuple[float, float]  # (longitude, latitude), WGS 84
AttributeValue = str | int | float | bool | None
# Columns of an imported layer the model has no field for, kept as (name, value) pairs in the
# file's column order: immutable like the records that carry them, and stored as JSON.
Attributes = tuple[tuple[str, AttributeValue], ...]


class DeviceKind(StrEnum):
    """Switching and protective devices, by their CIM class names."""

    BREAKER = "breaker"
    RECLOSER = "recloser"
    SECTIONALIZER = "sectionalizer"
    FUSE = "fuse"
    LOAD_BREAK_SWITCH = "load_break_switch"
    DISCONNECTOR = "disconnector"


class Priority(StrEnum):
    """How much a customer's supply matters beyond the ordinary."""

    NONE = "none"
    CRITICAL = "critical"  # hospitals, water plants, telecom, public services
    LIFE_SUPPORT = "life_support"  # medical equipment at home


class AreaClass(StrEnum):
    """Urban or rural: restoration targets differ between them."""

    URBAN = "urban"
    RURAL = "rural"


@dataclass(frozen=True, slots=True)
class Substation:
    """A 110/22 kV substation feeding the district's medium-voltage feeders."""

    substation_id: str
    name: str
    voltage: str
    position: Coord


@dataclass(frozen=True, slots=True)
class Feeder:
    """A radial 22 kV feeder, named after its head breaker's bay, supplied at `source_node`.

    An imported network's plain supply point (a pandapower external grid, a source without a
    substation in the GIS export) is a feeder without a substation.
    """

    feeder_id: str
    name: str
    substation_id: str | None
    source_node: str
    voltage_kv: float
    area_class: AreaClass
    attributes: Attributes = ()


@dataclass(frozen=True, slots=True)
class Node:
    """A connection point of the network (a pole, a busbar, a transformer terminal)."""

    node_id: str
    position: Coord


@dataclass(frozen=True, slots=True)
class LineSegment:
    """An overhead line or cable between two nodes (CIM ACLineSegment)."""

    segment_id: str
    from_node: str
    to_node: str
    name: str
    voltage_kv: float
    path: tuple[Coord, ...]
    feeder_id: str | None = None
    attributes: Attributes = ()


@dataclass(frozen=True, slots=True)
class SwitchingDevice:
    """A breaker, recloser, sectionaliser, fuse or switch, with its normal and present state."""

    switch_id: str
    from_node: str
    to_node: str
    kind: DeviceKind
    name: str
    normal_open: bool
    is_open: bool
    position: Coord
    feeder_id: str | None = None
    attributes: Attributes = ()

    @property
    def is_tie(self) -> bool:
        """A normally-open point between two feeders."""
        return self.normal_open


@dataclass(frozen=True, slots=True)
class DistributionTransformer:
    """A 22/0.4 kV transformer: medium-voltage node on one side, its customers on the other."""

    transformer_id: str
    from_node: str
    to_node: str
    kva: float
    name: str
    position: Coord
    feeder_id: str | None = None
    attributes: Attributes = ()


@dataclass(frozen=True, slots=True)
class Address:
    """A Vietnamese address since 2025: hamlet or quarter, commune or ward, province."""

    street: str
    hamlet: str
    ward: str
    province: str

    def __str__(self) -> str:
        parts = [self.street, self.hamlet, self.ward, self.province]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Customer:
    """A supply point (CIM UsagePoint at a ServiceLocation) and who holds its contract."""

    customer_id: str  # EVN-style customer code, e.g. PB07010012345
    name: str
    node_id: str
    transformer_id: str | None
    phone: str
    address: Address
    priority: Priority
    position: Coord | None
    attributes: Attributes = ()


@dataclass(frozen=True, slots=True)
class NetworkModel:
    """Everything the tracing engine and the map need about one district's network."""

    substations: tuple[Substation, ...] = ()
    feeders: tuple[Feeder, ...] = ()
    nodes: tuple[Node, ...] = ()
    segments: tuple[LineSegment, ...] = ()
    switches: tuple[SwitchingDevice, ...] = ()
    transformers: tuple[DistributionTransformer, ...] = ()
    customer_counts: dict[str, int] = field(default_factory=dict)  # transformer_id -> customers
    priority_counts: dict[str, int] = field(
        default_factory=dict
    )  # transformer_id -> priority customers
