"""The district's field crews on the demo day: who they are, where they are, what they do."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from ops.crews.records import Crew, CrewMember, CrewStatus, CrewType
from ops.demo import geo, names
from ops.demo.specs import CAO_LANH
from ops.network.records import Coord
from ops.outages.records import Outage

OFFICE = "Điện lực Cao Lãnh"
OFFICE_POSITION = geo.offset(CAO_LANH.position, 380.0, 450.0)


@dataclass(frozen=True, slots=True)
class _CrewSpec:
    crew_id: str
    name: str
    crew_type: CrewType
    status: CrewStatus
    target: str  # the device it works at or drives to; "" = at the office


_LINE, _ARRIVED = CrewType.LINE, CrewStatus.ARRIVED
_CREWS = (
    _CrewSpec("DOI-01", "Tổ sửa chữa lưu động 1", _LINE, CrewStatus.EN_ROUTE, "lockout_recloser"),
    _CrewSpec("DOI-02", "Tổ sửa chữa lưu động 2", _LINE, _ARRIVED, "partial_sectionalizer"),
    _CrewSpec("DOI-03", "Tổ quản lý vận hành khu vực Mỹ Trà", _LINE, _ARRIVED, "transformer_fuse"),
    _CrewSpec("DOI-04", "Tổ kiểm tra đường dây", CrewType.INSPECTION, CrewStatus.FIELD_COMPLETE,
              "restored_fuse"),
    _CrewSpec("DOI-05", "Tổ công tác bảo trì lưới điện", _LINE, _ARRIVED, "plan_device"),
    _CrewSpec("DOI-06", "Tổ vận hành trạm biến áp", CrewType.SUBSTATION, CrewStatus.AWAITING, ""),
)  # fmt: skip


def field_crews(
    now: datetime,
    outages: list[Outage],
    sites: dict[str, Coord],
    rng: random.Random,
) -> tuple[Crew, ...]:
    """Six crews; `sites` gives the position of the device of each role in `Picks`."""
    out: list[Crew] = []
    for spec in _CREWS:
        members = _members(rng)
        target = sites.get(spec.target, OFFICE_POSITION)
        if spec.status is CrewStatus.EN_ROUTE:
            position = geo.scatter(rng, geo.between(OFFICE_POSITION, target, 0.55), 150.0)
            seen = 1
        elif spec.status is CrewStatus.AWAITING:
            position, seen = geo.scatter(rng, OFFICE_POSITION, 25.0), 25
        else:
            position = geo.scatter(rng, target, 50.0)
            seen = 12 if spec.status is CrewStatus.FIELD_COMPLETE else rng.randint(2, 6)
        out.append(
            Crew(
                spec.crew_id,
                spec.name,
                spec.crew_type,
                OFFICE,
                f"66C-{rng.randint(100, 999)}.{rng.randint(0, 99):02d}",
                members[0].phone,
                spec.status,
                position,
                now.replace(second=0, microsecond=0) - timedelta(minutes=seen),
                members,
                tuple(o.outage_id for o in outages if spec.crew_id in o.crew_ids),
            )
        )
    return tuple(out)


def _members(rng: random.Random) -> tuple[CrewMember, ...]:
    """A leader, one or two line workers, and a driver when the crew has three or more."""
    size = rng.randint(2, 4)
    roles = ["Tổ trưởng"] + ["Công nhân"] * max(1, size - 2) + ["Lái xe"] * (size >= 3)
    return tuple(
        CrewMember(names.person(rng, male=rng.random() < 0.92), role, names.mobile(rng))
        for role in roles
    )
