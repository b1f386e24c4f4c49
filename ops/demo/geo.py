"""Small-area geometry in metres on WGS 84 coordinates, good enough for a 20 km district."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from ops.network.records import Coord

M_PER_DEG_LAT = 110_574.0
_M_PER_DEG_LON_EQUATOR = 111_320.0


def _m_per_deg_lon(lat: float) -> float:
    return _M_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat))


def rounded(c: Coord) -> Coord:
    """Six decimals (about 0.1 m): enough for a map, and the same on every platform."""
    return (round(c[0], 6), round(c[1], 6))


def offset(origin: Coord, east_m: float, north_m: float) -> Coord:
    """The point `east_m` east and `north_m` north of `origin`."""
    lon, lat = origin
    return rounded((lon + east_m / _m_per_deg_lon(lat), lat + north_m / M_PER_DEG_LAT))


def move(origin: Coord, bearing_deg: float, distance_m: float) -> Coord:
    """The point `distance_m` away from `origin` on a compass bearing (0 = north, 90 = east)."""
    b = math.radians(bearing_deg)
    return offset(origin, distance_m * math.sin(b), distance_m * math.cos(b))


def to_metres(origin: Coord, p: Coord) -> tuple[float, float]:
    """(east, north) of `p` from `origin`, in metres."""
    return ((p[0] - origin[0]) * _m_per_deg_lon(origin[1]), (p[1] - origin[1]) * M_PER_DEG_LAT)


def distance_m(a: Coord, b: Coord) -> float:
    """Equirectangular distance: exact enough over a few tens of kilometres."""
    east = (b[0] - a[0]) * _m_per_deg_lon((a[1] + b[1]) / 2)
    north = (b[1] - a[1]) * M_PER_DEG_LAT
    return math.hypot(east, north)


def bearing_deg(a: Coord, b: Coord) -> float:
    """Compass bearing from `a` to `b`, 0–360."""
    east = (b[0] - a[0]) * _m_per_deg_lon((a[1] + b[1]) / 2)
    north = (b[1] - a[1]) * M_PER_DEG_LAT
    return math.degrees(math.atan2(east, north)) % 360.0


def between(a: Coord, b: Coord, fraction: float) -> Coord:
    """The point `fraction` of the way from `a` to `b`."""
    return rounded((a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction))


def scatter(rng: random.Random, around: Coord, spread_m: float) -> Coord:
    """A point near `around`, most often close, never further than `spread_m` each way."""
    return scatterer(rng, around, spread_m)()


def scatterer(rng: random.Random, around: Coord, spread_m: float) -> Callable[[], Coord]:
    """Draws points near `around` quickly: for the thousands of customers of one area."""
    lon, lat = around
    east, north = spread_m / _m_per_deg_lon(lat), spread_m / M_PER_DEG_LAT
    rand = rng.random

    def point() -> Coord:
        # triangular in each direction: cheap, and peaked at the centre
        return (
            round(lon + (rand() + rand() - 1.0) * east, 6),
            round(lat + (rand() + rand() - 1.0) * north, 6),
        )

    return point


def road_path(rng: random.Random, a: Coord, b: Coord, wobble_m: float) -> tuple[Coord, ...]:
    """A slightly wiggly line from `a` to `b`, as roads and canals run: ends exact."""
    length = distance_m(a, b)
    bends = 0 if length < 60.0 else (1 if length < 250.0 else 2)
    if bends == 0:
        return (a, b)
    heading = math.radians(bearing_deg(a, b))
    points = [a]
    for i in range(1, bends + 1):
        mid = between(a, b, i / (bends + 1))
        side = rng.uniform(-wobble_m, wobble_m)
        points.append(offset(mid, side * math.cos(heading), -side * math.sin(heading)))
    points.append(b)
    return tuple(points)
