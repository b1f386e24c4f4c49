"""Wards, communes and their hamlets around Cao Lãnh, and which one each transformer stands in.

Since July 2025 a Vietnamese address has no district: hamlet ("ấp" in a rural commune,
"khóm" in an urban ward), then the ward ("phường") or commune ("xã"), then the province.
The names below are those of the area, arranged freely: this is demo data, not a gazetteer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ops.demo import geo
from ops.demo.specs import SUBSTATIONS
from ops.network.records import Coord

PROVINCE = "Đồng Tháp"


@dataclass(frozen=True, slots=True)
class WardSpec:
    """A ward or commune: where its centre is (from a substation) and its hamlets' names."""

    name: str  # "Xã Mỹ Tân", "Phường Cao Lãnh"
    anchor: tuple[str, float, float]  # (substation code, bearing, km)
    hamlets: tuple[str, ...]
    streets: tuple[str, ...] = ()

    @property
    def urban(self) -> bool:
        return self.name.startswith("Phường")

    @property
    def bare(self) -> str:
        """The name without "Xã"/"Phường": "Mỹ Tân"."""
        return self.name.split(" ", 1)[1]

    @property
    def lower(self) -> str:
        """As written inside a sentence: "xã Mỹ Tân"."""
        return self.name[0].lower() + self.name[1:]

    @property
    def centre(self) -> Coord:
        code, bearing, km = self.anchor
        station = next(s for s in SUBSTATIONS if s.code == code)
        return geo.move(station.position, bearing, km * 1000.0)


def _series(prefix: str, names: str) -> tuple[str, ...]:
    return tuple(f"{prefix} {n.strip()}" for n in names.split(","))


WARDS = (
    WardSpec(
        "Phường Cao Lãnh", ("CL", 0.0, 0.3), _series("Khóm", ",".join(map(str, range(1, 25)))),
        ("Nguyễn Huệ", "Lý Thường Kiệt", "Tôn Đức Thắng", "Nguyễn Thái Học", "Đặng Văn Bình",
         "Phạm Hữu Lầu", "Lê Lợi", "Trần Hưng Đạo", "Hùng Vương", "30 Tháng 4", "Ngô Thời Nhậm",
         "Nguyễn Đình Chiểu", "Lê Duẩn", "Thiên Hộ Dương", "Đỗ Công Tường"),
    ),
    WardSpec(
        "Phường Mỹ Trà", ("MT", 0.0, 0.3),
        _series("Khóm", "Mỹ Thuận, Mỹ Tây, Mỹ Phú, Mỹ Thạnh, Mỹ Hòa, Mỹ Trung, Mỹ Đông, Mỹ Lợi,"
                " Mỹ Thượng, Mỹ An, Mỹ Ninh, Mỹ Khánh, Mỹ Sơn, Mỹ Quang, Mỹ Hiền, Mỹ Cang"),
        ("Võ Văn Kiệt", "Nguyễn Văn Cừ", "Lê Đại Hành", "Điện Biên Phủ", "Trần Thị Nhượng",
         "Mai Văn Khải", "Phan Bội Châu", "Lê Văn Cử", "Hoàng Sa", "Trường Sa"),
    ),
    WardSpec(
        "Phường Mỹ Ngãi", ("CL", 95.0, 3.0),
        _series("Khóm", "Hòa Khánh, Hòa Bình, Hòa Thuận, Hòa Đông, Tân Việt Hòa, Tân Thuận,"
                " Tân Lợi, Hòa Trung, Hòa Tây, Hòa Mỹ, Hòa Ninh, Hòa Quang, Hòa Khương, Tân Hội"),
        ("Tháp Mười", "Ông Thợ", "Nguyễn Trãi", "Hồ Tùng Mậu", "Cách Mạng Tháng Tám",
         "Trương Định", "Lê Thị Hồng Gấm", "Nguyễn Chí Thanh"),
    ),
    WardSpec("Xã Hòa An", ("CL", 268.0, 4.3), _series("Ấp", "Hòa Long, Hòa Mỹ, Hòa Dân, Hòa Lợi,"
             " Hòa Thạnh, Hòa Phước, Hòa Hưng, Hòa Định, Hòa Quới, Hòa Tân")),
    WardSpec("Xã Tân Thuận Tây", ("CL", 268.0, 8.0), _series("Ấp", "Tân Dinh, Tân Thạnh,"
             " Tân Hưng, Tân Quới, Tân Lập, Tân Hòa, Tân An, Tân Long, Tân Mỹ, Tân Phước")),
    WardSpec("Xã Tân Thuận Đông", ("CL", 130.0, 4.3), _series("Ấp", "Đông Bình, Đông Hòa,"
             " Đông Thạnh, Đông Định, Đông Lợi, Đông Hưng, Đông An, Đông Mỹ, Đông Phú, Đông Quới")),
    WardSpec("Xã Bình Hàng Trung", ("CL", 130.0, 8.0), _series("Ấp", "Bình Hòa, Bình Thạnh,"
             " Bình Trung, Bình Lợi, Bình Phú, Bình Hưng, Bình An, Bình Định, Bình Mỹ, Bình Tân")),
    WardSpec("Xã Mỹ Tân", ("MT", 330.0, 4.3), _series("Ấp", "Tân Dân, Tân Phú, Tân Bình,"
             " Tân Trung, Tân Lợi, Tân Thành, Tân Đông, Tân Tây, Tân Hiệp, Tân Thới")),
    WardSpec("Xã Tân Nghĩa", ("MT", 330.0, 8.0), _series("Ấp", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10")),
    WardSpec("Xã Mỹ Long", ("MT", 15.0, 4.3), _series("Ấp", "Mỹ Hưng, Mỹ Thạnh, Mỹ Phước,"
             " Mỹ Lộc, Mỹ Quới, Mỹ Định, Mỹ Hòa, Mỹ Tiến, Mỹ Thới, Mỹ Phú Đông")),
    WardSpec("Xã Phong Mỹ", ("MT", 15.0, 8.0), _series("Ấp", "Phong Thạnh, Phong Hòa,"
             " Phong Lợi, Phong An, Phong Phú, Phong Định, Phong Tân, Phong Quới, Phong Hưng,"
             " Phong Mỹ")),
    WardSpec("Xã Mỹ Hiệp", ("MT", 62.0, 4.3), _series("Ấp", "Hiệp Thạnh, Hiệp Hòa, Hiệp An,"
             " Hiệp Lợi, Hiệp Phú, Hiệp Định, Hiệp Hưng, Hiệp Tân, Hiệp Quới, Hiệp Mỹ")),
    WardSpec("Xã Ba Sao", ("MT", 62.0, 8.0), _series("Ấp", "Gò Tháp, Cả Sao, Kinh Mới, Gò Gòn,"
             " Bà Học, Cây Dương, Rạch Ruộng, Kinh Xáng, Bờ Đắp, Cả Nổ")),
    WardSpec("Xã Mỹ Xương", ("MT", 105.0, 4.3), _series("Ấp", "Long Hưng, Long Thạnh, Long Hòa,"
             " Long Định, Long An, Long Phú, Long Quới, Long Lợi, Long Tân, Long Mỹ")),
    WardSpec("Xã Mỹ Thọ", ("MT", 105.0, 8.0), _series("Ấp", "Thọ Hòa, Thọ Lợi, Thọ An,"
             " Thọ Thạnh, Thọ Phú, Thọ Hưng, Thọ Định, Thọ Tân, Thọ Quới, Thọ Mỹ")),
)  # fmt: skip

_TRANSFORMERS_PER_HAMLET = {True: 12, False: 14}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a transformer stands: its ward, its hamlet and the streets its customers live on."""

    ward: WardSpec
    hamlet: str
    streets: tuple[str, ...]

    @property
    def hamlet_lower(self) -> str:
        return self.hamlet[0].lower() + self.hamlet[1:]


def locate(points: list[Coord]) -> list[Place]:
    """The place of each point: nearest ward centre, then the hamlet of its part of the ward."""
    centres = [w.centre for w in WARDS]
    members: list[list[int]] = [[] for _ in WARDS]
    for i, p in enumerate(points):
        nearest = min(range(len(WARDS)), key=lambda w: (geo.distance_m(p, centres[w]), w))
        members[nearest].append(i)
    places: list[Place | None] = [None] * len(points)
    for w, ward in enumerate(WARDS):
        if not members[w]:
            continue
        per = _TRANSFORMERS_PER_HAMLET[ward.urban]
        count = min(len(ward.hamlets), len(members[w]), max(2, math.ceil(len(members[w]) / per)))
        local = [geo.to_metres(centres[w], points[i]) for i in members[w]]
        for i, h in zip(members[w], _clusters(local, count), strict=True):
            places[i] = Place(ward, ward.hamlets[h], _streets_of(ward, h))
    return [p for p in places if p is not None]


def _clusters(points: list[tuple[float, float]], count: int) -> list[int]:
    """Split a ward into `count` compact hamlets of similar extent: which hamlet each point is in.

    Seeds start at the point nearest the centre and then each time the point farthest from all
    seeds; a few rounds of moving each seed to the middle of its points even them out.
    """
    first = min(range(len(points)), key=lambda i: (math.hypot(*points[i]), i))
    seeds = [points[first]]
    while len(seeds) < count:
        far = max(range(len(points)), key=lambda i: (_nearest(points[i], seeds)[1], -i))
        seeds.append(points[far])
    for _ in range(4):
        groups: list[list[tuple[float, float]]] = [[] for _ in seeds]
        for p in points:
            groups[_nearest(p, seeds)[0]].append(p)
        seeds = [
            (sum(x for x, _ in g) / len(g), sum(y for _, y in g) / len(g)) if g else s
            for g, s in zip(groups, seeds, strict=True)
        ]
    return [_nearest(p, seeds)[0] for p in points]


def _nearest(p: tuple[float, float], seeds: list[tuple[float, float]]) -> tuple[int, float]:
    """Index of and distance to the seed nearest `p` (first one on a tie)."""
    best, best_d = 0, math.inf
    for k, (x, y) in enumerate(seeds):
        d = (p[0] - x) ** 2 + (p[1] - y) ** 2
        if d < best_d:
            best, best_d = k, d
    return best, best_d


def _streets_of(ward: WardSpec, hamlet: int) -> tuple[str, ...]:
    """Three streets of the ward run through each of its quarters."""
    if not ward.streets:
        return ()
    n = len(ward.streets)
    return tuple(ward.streets[(hamlet * 2 + k) % n] for k in range(3))
