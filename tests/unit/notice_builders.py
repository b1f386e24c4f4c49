"""Test data for notices: customers with addresses on the toy network, a plan, a big plan.

On `tiny_network()` (see builders): opening REC-473 darkens T-F2-2, whose customers live in
ấp Tân Dân and ấp Tân Phú of xã Mỹ Tân, one of them a hospital; T-F2-1 (before the recloser)
serves khóm 3 of phường Cao Lãnh; F1's transformers serve xã Hòa An.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from ops.clock import LOCAL_TZ
from ops.network.records import Address, Customer, NetworkModel, Priority
from ops.network.tracing import Topology
from ops.notices.content import Sender
from ops.notices.rules import NoticePolicy
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.unit.builders import district_network, tiny_network

PROVINCE = "Đồng Tháp"
START = datetime(2026, 6, 12, 7, 0, tzinfo=LOCAL_TZ)  # a Friday, 07:00 local
END = START + timedelta(hours=4, minutes=30)
SENDER = Sender(office="Điện lực Cao Lãnh", hotline="19001006", place="Cao Lãnh")


def local(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 6) -> datetime:
    """An instant given in Vietnamese local time, June 2026 unless told."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=LOCAL_TZ)


def customer(
    cid: str,
    transformer: str,
    hamlet: str,
    ward: str,
    *,
    name: str = "Nguyễn Văn An",
    phone: str = "0909 000 111",
    priority: Priority = Priority.NONE,
    province: str = PROVINCE,
    email: str = "",
) -> Customer:
    attributes = (("email", email),) if email else ()
    return Customer(
        cid, name, f"{transformer}-LV", transformer, phone,
        Address(f"Số {cid[-2:]}", hamlet, ward, province), priority, None, attributes,
    )  # fmt: skip


def toy_customers() -> dict[str, Customer]:
    made = [
        customer("PB07010000101", "T-F2-2", "Ấp Tân Dân", "Xã Mỹ Tân", name="Trần Thị Bích"),
        customer("PB07010000102", "T-F2-2", "Ấp Tân Phú", "Xã Mỹ Tân", phone="0277 385 1234"),
        customer(
            "PB07010000103",
            "T-F2-2",
            "Ấp Tân Phú",
            "Xã Mỹ Tân",
            name="Bệnh viện Đa khoa Mỹ Tân",
            priority=Priority.CRITICAL,
            email="benhvien@mytan.example",
        ),
        customer("PB07010000201", "T-F2-1", "Khóm 3", "Phường Cao Lãnh"),
        customer("PB07010000301", "T-F1-1", "Ấp Hòa Long", "Xã Hòa An"),
        customer("PB07010000302", "T-F1-2", "Ấp Hòa Mỹ", "Xã Hòa An"),
    ]
    return {c.customer_id: c for c in made}


def toy_topology(customers: Mapping[str, Customer] | None = None) -> Topology:
    customers = toy_customers() if customers is None else customers
    return Topology(tiny_network(), ((c.customer_id, c.node_id) for c in customers.values()))


def opens(*devices: str) -> tuple[SwitchingStep, ...]:
    return tuple(SwitchingStep(i, d, SwitchAction.OPEN) for i, d in enumerate(devices, 1))


def steps(*pairs: tuple[str, str]) -> tuple[SwitchingStep, ...]:
    """("open", "REC-473"), ("close", "TIE-471-473") … in this order."""
    return tuple(SwitchingStep(i, d, SwitchAction(a)) for i, (a, d) in enumerate(pairs, 1))


def a_plan(**overrides: object) -> PlannedOutage:
    """Maintenance behind REC-473, Friday 12/06/2026 07:00–11:30 local."""
    plan = PlannedOutage(
        plan_id=7,
        reference="KH-2026-0042",
        title="Bảo trì lưới điện tuyến 473",
        reason="Thay trụ, kéo lại dây, bảo trì lưới điện",
        area_text="Ấp Tân Dân – xã Mỹ Tân",
        starts_at=START,
        ends_at=END,
        status=PlanStatus.APPROVED,
        crew_id="DOI-05",
        steps=opens("REC-473"),
        customers_affected=3,
    )
    return replace(plan, **overrides)  # type: ignore[arg-type]


def policy(**overrides: object) -> NoticePolicy:
    return replace(NoticePolicy(), **overrides)  # type: ignore[arg-type]


# --- a plan of district size --------------------------------------------------------------


def big_district(
    customers: int = 20_000, seed: int = 11
) -> tuple[NetworkModel, dict[str, Customer]]:
    """The district network with `customers` customers on feeder F01's transformers, spread
    over 6 communes of 12 hamlets, one in 200 a priority customer."""
    model = district_network()
    rng = random.Random(seed)
    feeder = [t for t in model.transformers if t.feeder_id == "F01"]
    wards = [f"Xã Mỹ {n}" for n in ("Tân", "Long", "Hiệp", "Xương", "Thọ", "Trà")]
    made: dict[str, Customer] = {}
    for i in range(customers):
        tr = feeder[i % len(feeder)]
        ward = wards[(i // 7) % len(wards)]
        cid = f"PB0701{20_000 + i:07d}"
        made[cid] = Customer(
            cid, f"Khách hàng {i}", tr.to_node, tr.transformer_id, f"09{rng.randrange(10**8):08d}",
            Address(f"Số {i % 300}", f"Ấp {1 + rng.randrange(12)}", ward, PROVINCE),
            Priority.CRITICAL if i % 200 == 0 else Priority.NONE, None,
        )  # fmt: skip
    return model, made
