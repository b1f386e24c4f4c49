"""A feeder while it is being laid out: mutable lists of nodes, lines, devices and transformers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ops.demo.specs import FeederSpec
from ops.network.records import Coord, DeviceKind, Node


@dataclass(frozen=True, slots=True)
class SegmentDraft:
    segment_id: str
    from_node: str  # upstream end in the normal state
    to_node: str
    path: tuple[Coord, ...]
    lateral: int  # 0 on the trunk, -1 for a tie line
    poles: tuple[int, int]
    tie_to: str = ""  # the other feeder's key, for a tie line


@dataclass(frozen=True, slots=True)
class DeviceDraft:
    switch_id: str
    from_node: str
    to_node: str
    kind: DeviceKind
    position: Coord
    number: int  # 1, 2… among the feeder's devices of that kind on the trunk
    pole: int
    lateral: int = 0  # the lateral a fuse protects
    transformer_id: str = ""  # the transformer a tap fuse protects
    tie_to: str = ""  # the other feeder's key, for a normally-open tie
    normal_open: bool = False


@dataclass(frozen=True, slots=True)
class TransformerDraft:
    transformer_id: str
    from_node: str
    to_node: str
    position: Coord
    lateral: int  # 0 when tapped off the trunk


@dataclass(slots=True)
class Station:
    """A trunk pole where something happens: the node downstream of any device there."""

    index: int
    node: str
    position: Coord
    heading: float
    distance_m: float
    pole: int


@dataclass(slots=True)
class FeederDraft:
    spec: FeederSpec
    source_node: str
    nodes: list[Node] = field(default_factory=list)
    segments: list[SegmentDraft] = field(default_factory=list)
    devices: list[DeviceDraft] = field(default_factory=list)
    transformers: list[TransformerDraft] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    lateral_ends: list[tuple[int, str, Coord]] = field(default_factory=list)  # (station, node, pos)

    def add_node(self, node_id: str, position: Coord) -> str:
        self.nodes.append(Node(node_id, position))
        return node_id
