"""The demo network as records: substations, feeders, lines, devices and named transformers."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ops.demo.drafts import DeviceDraft, FeederDraft
from ops.demo.layout import build_branches, build_trunk
from ops.demo.names import Weighted
from ops.demo.places import Place, locate
from ops.demo.spacing import Clearance
from ops.demo.specs import FEEDERS, SUBSTATIONS, FeederSpec
from ops.demo.ties import add_ties
from ops.network.records import (
    DeviceKind,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    Substation,
    SwitchingDevice,
)

VOLTAGE_KV = 22.0
_GRID_ORIGIN = (105.65, 10.48)  # any point of the area will do
_MIN_TIES = 6
_URBAN_KVA = Weighted([(100.0, 10), (160.0, 25), (250.0, 30), (320.0, 15), (400.0, 12), (560.0, 8)])
_RURAL_KVA = Weighted([(50.0, 20), (75.0, 25), (100.0, 30), (160.0, 18), (250.0, 7)])


@dataclass(frozen=True, slots=True)
class BuiltNetwork:
    """The network in its normal state, with where each transformer stands."""

    network: NetworkModel
    places: tuple[Place, ...]  # aligned with network.transformers
    roads: tuple[str, ...]  # the road a rural trunk transformer stands on, else ""


def feeder_id(spec: FeederSpec) -> str:
    return f"F{spec.key}"


def build_network(rng: random.Random) -> BuiltNetwork:
    """Twelve radial feeders from two substations, about 1,500 transformers, 9 open ties."""
    drafts = [build_trunk(spec, rng) for spec in FEEDERS]
    clearance = Clearance(_GRID_ORIGIN)
    for draft in drafts:
        clearance.register_trunk(draft)
    for draft in drafts:
        build_branches(draft, rng.randint(118, 132), clearance, rng)
    if add_ties(drafts, rng) < _MIN_TIES:
        raise RuntimeError("the demo layout left too few feeder ends close enough for ties")
    positions = [t.position for d in drafts for t in d.transformers]
    places = locate(positions)
    names = _transformer_names(places)
    transformers: list[DistributionTransformer] = []
    roads: list[str] = []
    lateral_hamlet: dict[tuple[str, int], str] = {}
    k = 0
    for draft in drafts:
        fid = feeder_id(draft.spec)
        for t in draft.transformers:
            place = places[k]
            kva = (_URBAN_KVA if place.ward.urban else _RURAL_KVA).draw(rng)
            transformers.append(
                DistributionTransformer(
                    t.transformer_id, t.from_node, t.to_node, kva, names[k], t.position, fid
                )
            )
            roads.append(draft.spec.road if t.lateral == 0 else "")
            lateral_hamlet.setdefault((draft.spec.key, t.lateral), place.hamlet)
            k += 1
    tr_names = {t.transformer_id: t.name for t in transformers}
    network = NetworkModel(
        substations=tuple(
            Substation(f"SS-{s.code}", f"TBA 110kV {s.place}", "110/22 kV", s.position)
            for s in SUBSTATIONS
        ),
        feeders=tuple(_feeder(d) for d in drafts),
        nodes=tuple(n for d in drafts for n in d.nodes),
        segments=tuple(_segments(drafts, lateral_hamlet)),
        switches=tuple(
            _switch(d, dev, lateral_hamlet, tr_names) for d in drafts for dev in d.devices
        ),
        transformers=tuple(transformers),
    )
    return BuiltNetwork(network, tuple(places), tuple(roads))


def _feeder(d: FeederDraft) -> Feeder:
    spec = d.spec
    return Feeder(
        feeder_id(spec), spec.name, f"SS-{spec.station.code}", d.source_node, VOLTAGE_KV, spec.area
    )


def _transformer_names(places: list[Place]) -> list[str]:
    """Stations are known by their hamlet and a number within it: "TBA Ấp Hòa Long 3"."""
    counters: dict[tuple[str, str], int] = {}
    out = []
    for place in places:
        key = (place.ward.name, place.hamlet)
        counters[key] = counters.get(key, 0) + 1
        sep = "-" if place.hamlet[-1].isdigit() else " "
        out.append(f"TBA {place.hamlet}{sep}{counters[key]}")
    return out


def _segments(drafts: list[FeederDraft], hamlets: dict[tuple[str, int], str]) -> list[LineSegment]:
    by_key = {d.spec.key: d.spec for d in drafts}
    out: list[LineSegment] = []
    for d in drafts:
        fid, name = feeder_id(d.spec), d.spec.name
        for s in d.segments:
            if s.lateral == 0:
                label = f"Trục chính {name}, trụ {s.poles[0]}–{s.poles[1]}"
            elif s.lateral > 0:
                label = f"Nhánh rẽ {hamlets[(d.spec.key, s.lateral)]} ({name}), đoạn {s.poles[1]}"
            else:
                label = f"Đường dây liên lạc {name} – {by_key[s.tie_to].name}"
            out.append(
                LineSegment(s.segment_id, s.from_node, s.to_node, label, VOLTAGE_KV, s.path, fid)
            )
    return out


def _switch(
    d: FeederDraft,
    dev: DeviceDraft,
    hamlets: dict[tuple[str, int], str],
    transformer_names: dict[str, str],
) -> SwitchingDevice:
    return SwitchingDevice(
        dev.switch_id,
        dev.from_node,
        dev.to_node,
        dev.kind,
        _device_name(d, dev, hamlets, transformer_names),
        dev.normal_open,
        dev.normal_open,
        dev.position,
        feeder_id(d.spec),
    )


def _device_name(
    d: FeederDraft,
    dev: DeviceDraft,
    hamlets: dict[tuple[str, int], str],
    transformer_names: dict[str, str],
) -> str:
    feeder = d.spec.name
    if dev.tie_to:
        other = next(s.name for s in FEEDERS if s.key == dev.tie_to)
        kind = "LBS" if dev.kind is DeviceKind.LOAD_BREAK_SWITCH else "Dao cách ly"
        return f"{kind} liên lạc {feeder} – {other}"
    if dev.kind is DeviceKind.BREAKER:
        return f"Máy cắt {feeder}"
    if dev.kind is DeviceKind.RECLOSER:
        return f"Recloser {feeder} số {dev.number} (trụ {dev.pole})"
    if dev.kind is DeviceKind.SECTIONALIZER:
        return f"Sectionalizer {feeder} số {dev.number} (trụ {dev.pole})"
    if dev.kind is DeviceKind.LOAD_BREAK_SWITCH:
        return f"LBS {feeder} trụ {dev.pole}"
    if dev.kind is DeviceKind.DISCONNECTOR:
        return f"Dao cách ly {feeder} trụ {dev.pole}"
    if dev.transformer_id:
        return f"FCO {transformer_names[dev.transformer_id]} ({feeder})"
    return f"FCO nhánh rẽ {hamlets[(d.spec.key, dev.lateral)]} ({feeder}, nhánh {dev.lateral})"
