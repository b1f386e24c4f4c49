"""The shape of the demo network: where each feeder's trunk, laterals and devices stand.

Everything here is geometry and ids; names that depend on hamlets come later
(`ops.demo.district`). Each feeder is built as a tree from its substation bay, so it is
radial by construction; ties between feeders are added last and are normally open.
"""

from __future__ import annotations

import random

from ops.demo import geo
from ops.demo.drafts import DeviceDraft, FeederDraft, SegmentDraft, Station, TransformerDraft
from ops.demo.spacing import Clearance
from ops.demo.specs import FeederSpec
from ops.network.records import AreaClass, Coord, DeviceKind

# Protective and switching devices along a trunk, at fractions of its length.
_URBAN_TRUNK = (
    (DeviceKind.LOAD_BREAK_SWITCH, 0.15),
    (DeviceKind.RECLOSER, 0.40),
    (DeviceKind.SECTIONALIZER, 0.60),
    (DeviceKind.DISCONNECTOR, 0.80),
)
_RURAL_TRUNK = (
    (DeviceKind.LOAD_BREAK_SWITCH, 0.10),
    (DeviceKind.RECLOSER, 0.25),
    (DeviceKind.DISCONNECTOR, 0.40),
    (DeviceKind.SECTIONALIZER, 0.58),
    (DeviceKind.RECLOSER, 0.68),
    (DeviceKind.SECTIONALIZER, 0.80),
    (DeviceKind.DISCONNECTOR, 0.90),
)
_MAX_LATERAL = 12  # transformers on one lateral

ID_PREFIX = {
    DeviceKind.BREAKER: "MC",
    DeviceKind.RECLOSER: "REC",
    DeviceKind.SECTIONALIZER: "SEC",
    DeviceKind.LOAD_BREAK_SWITCH: "LBS",
    DeviceKind.DISCONNECTOR: "DCL",
    DeviceKind.FUSE: "FCO",
}


def build_trunk(spec: FeederSpec, rng: random.Random) -> FeederDraft:
    """The head breaker and the trunk with its devices, pole by pole."""
    key = spec.key
    urban = spec.area is AreaClass.URBAN
    bay_offset = (spec.bay - 473.5) * 12.0
    source = geo.offset(spec.station.position, bay_offset, -20.0)
    draft = FeederDraft(spec, f"N-{key}-BUS")
    draft.add_node(draft.source_node, source)
    span = 45.0 if urban else 65.0  # average distance between poles, for pole numbers
    step = rng.uniform(220.0, 280.0) if urban else rng.uniform(330.0, 420.0)
    count = max(8, round(spec.length_km * 1000.0 / step))
    plan = _URBAN_TRUNK if urban else _RURAL_TRUNK
    device_at: dict[int, DeviceKind] = {}
    for kind, fraction in plan:
        index = max(2, round(fraction * count))
        while index in device_at:
            index += 1
        device_at[index] = kind
    head = draft.add_node(f"N-{key}-T00", geo.move(source, spec.bearing, 40.0))
    draft.devices.append(
        DeviceDraft(f"MC-{key}", draft.source_node, head, DeviceKind.BREAKER, source, 1, 0)
    )
    draft.stations.append(
        Station(0, head, geo.move(source, spec.bearing, 40.0), spec.bearing, 40, 1)
    )
    numbers: dict[DeviceKind, int] = {}
    heading, drift, travelled = spec.bearing, 0.0, 40.0
    previous = draft.stations[0]
    for index in range(1, count + 1):
        drift = max(-18.0, min(18.0, drift + rng.uniform(-6.0, 6.0)))
        heading = spec.bearing + drift
        position = geo.move(previous.position, heading, step * rng.uniform(0.85, 1.15))
        travelled += geo.distance_m(previous.position, position)
        pole = 1 + round(travelled / span)
        node = draft.add_node(f"N-{key}-T{index:02d}", position)
        draft.segments.append(
            SegmentDraft(
                f"SEG-{key}-T{index:02d}",
                previous.node,
                node,
                geo.road_path(rng, previous.position, position, 12.0),
                0,
                (previous.pole, pole),
            )
        )
        device = device_at.get(index)
        if device is not None:
            numbers[device] = numbers.get(device, 0) + 1
            after = draft.add_node(f"N-{key}-T{index:02d}S", position)
            switch_id = f"{ID_PREFIX[device]}-{key}-{numbers[device]}"
            draft.devices.append(
                DeviceDraft(switch_id, node, after, device, position, numbers[device], pole)
            )
            node = after
        previous = Station(index, node, position, heading, travelled, pole)
        draft.stations.append(previous)
    return draft


def build_branches(
    draft: FeederDraft, target: int, clearance: Clearance, rng: random.Random
) -> None:
    """Laterals behind their fuses and transformers tapped off the trunk: `target` in all."""
    spec = draft.spec
    urban = spec.area is AreaClass.URBAN
    on_trunk = round(target * (rng.uniform(0.22, 0.30) if urban else rng.uniform(0.07, 0.12)))
    first = 2 if urban else 3
    slots = [(s.index, side) for s in draft.stations[first:] for side in (1, -1)]
    rng.shuffle(slots)
    sizes: dict[tuple[int, int], int] = {}
    budget = target - on_trunk
    for slot in slots:
        if budget <= 0:
            break
        size = min(budget, rng.randint(4, 8) if urban else rng.randint(5, 10))
        sizes[slot] = size
        budget -= size
    on_trunk += budget
    # Up to two transformers on each side of a trunk pole; any more go to the far end.
    tap_slots = [(s.index, side) for s in draft.stations[1:] for side in (1, -1) for _ in (1, 2)]
    rng.shuffle(tap_slots)
    taps: dict[tuple[int, int], int] = {}
    for slot in tap_slots[:on_trunk]:
        taps[slot] = taps.get(slot, 0) + 1
    extra = max(0, on_trunk - len(tap_slots))
    carry = 0
    lateral_no = 0
    for station in draft.stations:
        for side in (1, -1):
            for _ in range(taps.get((station.index, side), 0)):
                _tap(draft, station, side, rng)
            size = sizes.get((station.index, side), 0)
            if size == 0 and carry == 0:
                continue
            carry, size = 0, size + carry
            lateral_no += 1
            built = _lateral(
                draft,
                station,
                side,
                lateral_no,
                min(size, _MAX_LATERAL),
                rng=rng,
                clearance=clearance,
            )
            if built == 0:
                lateral_no -= 1
            carry = size - built
    # What did not fit on laterals hangs off the outer half of the trunk.
    outer = draft.stations[len(draft.stations) // 2 :]
    for k in range(carry + extra):
        _tap(draft, outer[k % len(outer)], 1 if k % 2 else -1, rng)


def _next_transformer_id(draft: FeederDraft) -> str:
    return f"T-{draft.spec.key}-{len(draft.transformers) + 1:03d}"


def _tap(draft: FeederDraft, station: Station, side: int, rng: random.Random) -> None:
    """A transformer on a trunk pole, behind its own drop-out fuse."""
    tid = _next_transformer_id(draft)
    along = geo.move(station.position, station.heading, rng.uniform(-60.0, 60.0))
    position = geo.move(along, station.heading + 90.0 * side, rng.uniform(12.0, 25.0))
    tap = draft.add_node(f"N-{tid}-MV", position)
    lv = draft.add_node(f"N-{tid}-LV", geo.move(position, station.heading + 90.0 * side, 4.0))
    draft.devices.append(
        DeviceDraft(
            f"FCO-{tid}", station.node, tap, DeviceKind.FUSE, position, 0, station.pole,
            transformer_id=tid,
        )
    )  # fmt: skip
    draft.transformers.append(TransformerDraft(tid, tap, lv, position, 0))


def _lateral(
    draft: FeederDraft,
    station: Station,
    side: int,
    number: int,
    size: int,
    clearance: Clearance,
    rng: random.Random,
) -> int:
    """A branch line behind a fuse with up to `size` transformers; how many it got."""
    urban = draft.spec.area is AreaClass.URBAN
    bearing = station.heading + side * rng.uniform(72.0, 108.0)
    base = rng.uniform(100.0, 150.0) if urban else rng.uniform(180.0, 300.0)
    points: list[Coord] = []
    for factor in (1.0, 0.7, 0.5, 0.35):
        spacing = max(55.0, base * factor)
        candidate: list[Coord] = []
        heading, position = bearing, station.position
        for _ in range(size):  # roads bend a little, never back on themselves
            heading = max(bearing - 10.0, min(bearing + 10.0, heading + rng.uniform(-4.0, 4.0)))
            position = geo.move(position, heading, spacing * rng.uniform(0.85, 1.15))
            candidate.append(position)
        fits = clearance.fitting_prefix(draft.spec.key, number, station.position, candidate)
        if len(fits) > len(points):
            points = fits
        if len(points) == size:
            break
    if not points:
        return 0
    key = draft.spec.key
    head = draft.add_node(f"N-{key}-L{number:02d}-00", geo.move(station.position, bearing, 8.0))
    draft.devices.append(
        DeviceDraft(
            f"FCO-{key}-L{number:02d}", station.node, head, DeviceKind.FUSE, station.position, 0,
            station.pole, lateral=number,
        )
    )  # fmt: skip
    previous, previous_pos = head, geo.move(station.position, bearing, 8.0)
    for i, position in enumerate(points, start=1):
        node = draft.add_node(f"N-{key}-L{number:02d}-{i:02d}", position)
        draft.segments.append(
            SegmentDraft(
                f"SEG-{key}-L{number:02d}-{i:02d}",
                previous,
                node,
                geo.road_path(rng, previous_pos, position, 6.0),
                number,
                (i - 1, i),
            )
        )
        tid = _next_transformer_id(draft)
        tr_pos = geo.move(position, bearing + 90.0 * side, rng.uniform(8.0, 18.0))
        lv = draft.add_node(f"N-{tid}-LV", geo.move(tr_pos, bearing + 90.0 * side, 4.0))
        draft.transformers.append(TransformerDraft(tid, node, lv, tr_pos, number))
        previous, previous_pos = node, position
    clearance.register(draft.spec.key, number, [station.position, *points])
    draft.lateral_ends.append((station.index, previous, previous_pos))
    return len(points)
