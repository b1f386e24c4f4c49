"""Normally-open ties between neighbouring feeders: where load can be transferred in a fault."""

from __future__ import annotations

import itertools
import random

from ops.demo import geo
from ops.demo.drafts import DeviceDraft, FeederDraft, SegmentDraft
from ops.network.records import Coord, DeviceKind

_WANTED = 9
_MAX_PER_FEEDER = 2
_MIN_M = 150.0

Candidate = tuple[str, Coord]  # (node, position)


def add_ties(drafts: list[FeederDraft], rng: random.Random) -> int:
    """Link the closest far ends of neighbouring feeders through open switches; how many."""
    ends = [_far_ends(d) for d in drafts]
    pairs: list[tuple[float, int, int, Candidate, Candidate]] = []
    for i, j in itertools.combinations(range(len(drafts)), 2):
        best = min(
            ((geo.distance_m(a[1], b[1]), a, b) for a in ends[i] for b in ends[j]),
            key=lambda t: t[0],
        )
        pairs.append((best[0], i, j, best[1], best[2]))
    pairs.sort(key=lambda t: (t[0], t[1], t[2]))
    used = [0] * len(drafts)
    made = 0
    for limit in (3_000.0, 5_000.0):
        for distance, i, j, a, b in pairs:
            if made >= _WANTED:
                return made
            if not _MIN_M <= distance <= limit or max(used[i], used[j]) >= _MAX_PER_FEEDER:
                continue
            if any(s.to_node == b[0] for s in drafts[i].segments if s.lateral == -1):
                continue
            _link(drafts[i], drafts[j], a, b, made, rng)
            used[i] += 1
            used[j] += 1
            made += 1
    return made


def _far_ends(draft: FeederDraft) -> list[Candidate]:
    """Trunk poles on the outer half of the feeder and the ends of its outer laterals."""
    total = draft.stations[-1].distance_m
    out = [(s.node, s.position) for s in draft.stations if s.distance_m >= 0.5 * total]
    first_station = len(draft.stations) * 3 // 10
    out.extend((node, pos) for station, node, pos in draft.lateral_ends if station >= first_station)
    return out


def _link(
    a: FeederDraft, b: FeederDraft, at_a: Candidate, at_b: Candidate, n: int, rng: random.Random
) -> None:
    kind = DeviceKind.LOAD_BREAK_SWITCH if n % 3 != 2 else DeviceKind.DISCONNECTOR
    prefix = "LBS" if kind is DeviceKind.LOAD_BREAK_SWITCH else "DCL"
    tag = f"{a.spec.key}-{b.spec.key}"
    near_b = geo.between(at_b[1], at_a[1], min(0.5, 15.0 / geo.distance_m(at_a[1], at_b[1])))
    tie_node = a.add_node(f"N-TIE-{tag}", near_b)
    a.segments.append(
        SegmentDraft(
            f"SEG-TIE-{tag}",
            at_a[0],
            tie_node,
            geo.road_path(rng, at_a[1], near_b, 25.0),
            -1,
            (0, 0),
            tie_to=b.spec.key,
        )
    )
    a.devices.append(
        DeviceDraft(
            f"{prefix}-{tag}", tie_node, at_b[0], kind, near_b, 0, 0,
            tie_to=b.spec.key, normal_open=True,
        )
    )  # fmt: skip
