"""Organisations whose supply matters most: health, water, schools, local government, telecom."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ops.demo import geo
from ops.demo.names import Weighted
from ops.demo.places import WARDS, Place, WardSpec
from ops.network.records import Coord

_OPERATORS = Weighted([("Viettel", 45.0), ("VNPT", 30.0), ("MobiFone", 25.0)])

# The larger institutions of the three urban wards.
_URBAN_INSTITUTIONS = {
    "Phường Cao Lãnh": (
        "Bệnh viện Đa khoa Cao Lãnh",
        "Trung tâm Y tế khu vực Cao Lãnh",
        "Nhà máy nước Cao Lãnh",
        "Trường THPT Cao Lãnh 1",
        "Trường THPT Cao Lãnh 2",
        "Trung tâm Viễn thông Cao Lãnh",
        "Trường Tiểu học Cao Lãnh 2",
        "Phòng khám chạy thận nhân tạo Cao Lãnh",
    ),
    "Phường Mỹ Trà": (
        "Bệnh viện Y học cổ truyền Mỹ Trà",
        "Nhà máy nước Mỹ Trà",
        "Trường THPT Mỹ Trà",
        "Trạm bơm tăng áp Mỹ Trà",
    ),
    "Phường Mỹ Ngãi": (
        "Phòng khám Đa khoa khu vực Mỹ Ngãi",
        "Trạm cấp nước Mỹ Ngãi",
        "Trường THPT Mỹ Ngãi",
    ),
}


@dataclass(frozen=True, slots=True)
class Organisation:
    """A critical customer and the transformer (by index) it is supplied from."""

    name: str
    transformer: int


def organisations(
    places: list[Place], positions: list[Coord], rng: random.Random
) -> list[Organisation]:
    """About one in a hundred customers: the public services of every ward and hamlet."""
    hamlets: dict[tuple[str, str], list[int]] = {}
    for i, place in enumerate(places):
        hamlets.setdefault((place.ward.name, place.hamlet), []).append(i)
    out: list[Organisation] = []
    for ward in WARDS:
        present = [(h, hamlets[(ward.name, h)]) for h in ward.hamlets if (ward.name, h) in hamlets]
        if not present:
            continue
        # The offices stand together in the centre: on the transformers nearest to it.
        members = [i for _, m in present for i in m]
        centre = ward.centre
        central = sorted(members, key=lambda i: (geo.distance_m(positions[i], centre), i))[:4]
        out.extend(Organisation(name, rng.choice(central)) for name in _ward_offices(ward))
        for name in _URBAN_INSTITUTIONS.get(ward.name, ()):
            out.append(Organisation(name, rng.choice(rng.choice(present)[1])))
        for hamlet, in_hamlet in present:
            sites = _hamlet_sites(ward, hamlet, len(in_hamlet), rng)
            out.extend(Organisation(name, rng.choice(in_hamlet)) for name in sites)
    return out


def _ward_offices(ward: WardSpec) -> list[str]:
    return [
        f"Ủy ban nhân dân {ward.lower}",
        f"Công an {ward.lower}",
        f"Trạm Y tế {ward.lower}",
        f"Trường Mầm non {ward.bare}",
        f"Trường Tiểu học {ward.bare}",
        f"Trường THCS {ward.bare}",
    ]


def _hamlet_sites(ward: WardSpec, hamlet: str, size: int, rng: random.Random) -> list[str]:
    """Telecom sites everywhere; water supply and irrigation pumps in the countryside.

    `size` is the number of transformers in the hamlet: a small one has fewer sites.
    """
    lower = hamlet[0].lower() + hamlet[1:]
    sites: list[str] = []
    seen: dict[str, int] = {}
    for _ in range(rng.randint(1, min(3, size))):
        operator = _OPERATORS.draw(rng)
        seen[operator] = seen.get(operator, 0) + 1
        number = f" {seen[operator]}" if seen[operator] > 1 else ""
        sites.append(f"Trạm BTS {operator} {hamlet}{number}")
    if ward.urban:
        if rng.random() < 0.3:
            sites.append(f"Trạm bơm tiêu thoát nước {lower}")
        return sites
    if rng.random() < 0.7:
        sites.append(f"Trạm cấp nước {lower}")
    if rng.random() < 0.35:
        sites.append(f"Điểm trường tiểu học {lower}")
    pumps = rng.randint(1, min(3, size))
    sites.extend(f"Trạm bơm điện {lower} số {k}" for k in range(1, pumps + 1))
    return sites
