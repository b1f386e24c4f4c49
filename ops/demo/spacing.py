"""Keeps laterals clear of other feeders and of each other, so the demo map reads cleanly."""

from __future__ import annotations

import itertools
import math

from ops.demo import geo
from ops.demo.drafts import FeederDraft
from ops.network.records import Coord

_CELL_M = 200.0
_SAMPLE_M = 100.0
_OWN_START_M = 160.0  # near its trunk pole a lateral may pass its own feeder's other branches

Owner = tuple[str, int]  # (feeder key, lateral number; 0 for the trunk)


class Clearance:
    """A coarse grid of which feeder's lines pass through each 200 m cell."""

    def __init__(self, origin: Coord) -> None:
        self._origin = origin
        self._grid: dict[tuple[int, int], list[Owner]] = {}

    def _cell(self, p: Coord) -> tuple[int, int]:
        east, north = geo.to_metres(self._origin, p)
        return (math.floor(east / _CELL_M), math.floor(north / _CELL_M))

    def register_trunk(self, draft: FeederDraft) -> None:
        points = [draft.stations[0].position] + [s.position for s in draft.stations[1:]]
        self.register(draft.spec.key, 0, points)

    def register(self, key: str, lateral: int, points: list[Coord]) -> None:
        owner = (key, lateral)
        for p in _densified(points):
            owners = self._grid.setdefault(self._cell(p), [])
            if owner not in owners:
                owners.append(owner)

    def fitting_prefix(
        self, key: str, lateral: int, start: Coord, candidate: list[Coord]
    ) -> list[Coord]:
        """The leading points of a planned lateral that keep clear of everything else."""
        previous = start
        for i, p in enumerate(candidate):
            for sample in _densified([previous, p]):
                own_check = geo.distance_m(start, sample) > _OWN_START_M
                if self._conflict(key, lateral, sample, own_check):
                    return candidate[:i]
            previous = p
        return candidate

    def _conflict(self, key: str, lateral: int, p: Coord, own_check: bool) -> bool:
        cx, cy = self._cell(p)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other_key, _ in self._grid.get((cx + dx, cy + dy), ()):
                    if other_key != key:
                        return True
        if own_check:
            for other_key, other_lateral in self._grid.get((cx, cy), ()):
                if other_key == key and other_lateral not in (0, lateral):
                    return True
        return False


def _densified(points: list[Coord]) -> list[Coord]:
    """The points with extra ones in between, at most 100 m apart."""
    out = [points[0]]
    for a, b in itertools.pairwise(points):
        pieces = max(1, math.ceil(geo.distance_m(a, b) / _SAMPLE_M))
        out.extend(geo.between(a, b, k / pieces) for k in range(1, pieces + 1))
    return out
