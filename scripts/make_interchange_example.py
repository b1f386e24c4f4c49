"""Writes resources/interchange/toy-feeder.gpkg: a small network in the interchange format.

Two 22 kV feeders from one substation near Củ Chi, with a recloser, fuses, a normally-open tie
and 60 customers, some of them with extra columns (kept as attributes on import). Run from the
repository root:

    .venv/bin/python scripts/make_interchange_example.py

The file is generated, not drawn from a real network.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from maps.interchange import write_network  # noqa: E402
from ops.network.interchange import NetworkData, Source  # noqa: E402
from ops.network.records import (  # noqa: E402
    Address,
    AreaClass,
    Coord,
    Customer,
    DeviceKind,
    DistributionTransformer,
    LineSegment,
    Priority,
    Substation,
    SwitchingDevice,
)

OUT = ROOT / "resources" / "interchange" / "toy-feeder.gpkg"
ORIGIN = (106.600, 10.900)
STEP = 0.004  # degrees between poles, ~440 m

# Poles of the two feeders on a grid: feeder 471 runs east along y = 1, feeder 473 along y = -1.
POLES = {
    "SS-CUCHI-BUS": (0, 0),  # the substation's 22 kV busbar; each feeder leaves from its bay
    "471-BAY": (0, 0.1),
    "473-BAY": (0, -0.1),
    "471-0": (0.3, 1),
    "471-1": (1, 1),
    "471-2": (2, 1),
    "471-3": (3, 1),
    "471-3R": (3.2, 1),
    "471-4": (4, 1),
    "471-5": (5, 1),
    "471-B1": (2, 2),
    "471-B1F": (2, 1.3),
    "473-0": (0.3, -1),
    "473-1": (1, -1),
    "473-2": (2, -1),
    "473-3": (3, -1),
    "473-4": (4, -1),
    "473-5": (5, -1),
    "473-5T": (5, -0.8),
    "473-B1": (3, -2),
    "473-B1F": (3, -1.3),
}


def at(node: str) -> Coord:
    x, y = POLES[node]
    return (round(ORIGIN[0] + x * STEP, 6), round(ORIGIN[1] + y * STEP, 6))


def segment(segment_id: str, a: str, b: str, name: str) -> LineSegment:
    pa, pb = at(a), at(b)
    mid = (round((pa[0] + pb[0]) / 2, 6), round((pa[1] + pb[1]) / 2 + 0.0003, 6))
    return LineSegment(segment_id, a, b, name, 22.0, (pa, mid, pb))


def switch(
    switch_id: str, a: str, b: str, kind: DeviceKind, name: str, normal_open: bool = False
) -> SwitchingDevice:
    return SwitchingDevice(switch_id, a, b, kind, name, normal_open, normal_open, at(a))


def network() -> NetworkData:
    segments = (
        segment("DZ-471-01", "471-0", "471-1", "Trục chính 471, trụ 1–12"),
        segment("DZ-471-02", "471-1", "471-2", "Trục chính 471, trụ 12–25"),
        segment("DZ-471-03", "471-2", "471-3", "Trục chính 471, trụ 25–38"),
        segment("DZ-471-04", "471-3R", "471-4", "Trục chính 471, trụ 38–51"),
        segment("DZ-471-05", "471-4", "471-5", "Trục chính 471, trụ 51–60"),
        segment("DZ-471-B1", "471-B1F", "471-B1", "Nhánh rẽ Ấp Bàu Tre"),
        segment("DZ-473-01", "473-0", "473-1", "Trục chính 473, trụ 1–10"),
        segment("DZ-473-02", "473-1", "473-2", "Trục chính 473, trụ 10–22"),
        segment("DZ-473-03", "473-2", "473-3", "Trục chính 473, trụ 22–35"),
        segment("DZ-473-04", "473-3", "473-4", "Trục chính 473, trụ 35–47"),
        segment("DZ-473-05", "473-4", "473-5", "Trục chính 473, trụ 47–58"),
        segment("DZ-473-B1", "473-B1F", "473-B1", "Nhánh rẽ Ấp Phú Lợi"),
        # The tie line ends at the normally-open LBS, whose far side is a node of its own.
        segment("DZ-LL-471-473", "471-5", "473-5T", "Đường dây liên lạc 471 – 473"),
    )
    switches = (
        switch("MC-471", "471-BAY", "471-0", DeviceKind.BREAKER, "Máy cắt 471"),
        switch("MC-473", "473-BAY", "473-0", DeviceKind.BREAKER, "Máy cắt 473"),
        switch("REC-471-38", "471-3", "471-3R", DeviceKind.RECLOSER, "Recloser 471 trụ 38"),
        switch("FCO-471-B1", "471-2", "471-B1F", DeviceKind.FUSE, "FCO nhánh rẽ Ấp Bàu Tre"),
        switch("FCO-473-B1", "473-3", "473-B1F", DeviceKind.FUSE, "FCO nhánh rẽ Ấp Phú Lợi"),
        switch(
            "LBS-LL-471-473",
            "473-5",
            "473-5T",
            DeviceKind.LOAD_BREAK_SWITCH,
            "LBS liên lạc 471 – 473",
            normal_open=True,
        ),
    )
    sites = [
        ("T-471-01", "471-1", 250.0, "TBA Ấp Bàu Tre 1"),
        ("T-471-02", "471-B1", 160.0, "TBA Ấp Bàu Tre 2"),
        ("T-471-03", "471-4", 250.0, "TBA Ấp Chợ 1"),
        ("T-473-01", "473-2", 400.0, "TBA Khu phố 3"),
        ("T-473-02", "473-B1", 100.0, "TBA Ấp Phú Lợi 1"),
        ("T-473-03", "473-4", 160.0, "TBA Ấp Phú Lợi 2"),
    ]
    transformers = tuple(
        DistributionTransformer(tid, node, f"{tid}-HA", kva, name, at(node))
        for tid, node, kva, name in sites
    )
    return NetworkData(
        sources=(
            Source(
                "XT-471",
                "471-BAY",
                "Xuất tuyến 471 Củ Chi",
                at("471-BAY"),
                "SS-CUCHI",
                22.0,
                AreaClass.RURAL,
            ),
            Source(
                "XT-473",
                "473-BAY",
                "Xuất tuyến 473 Củ Chi",
                at("473-BAY"),
                "SS-CUCHI",
                22.0,
                AreaClass.URBAN,
            ),
        ),
        segments=segments,
        switches=switches,
        transformers=transformers,
        customers=tuple(customers(transformers)),
        substations=(Substation("SS-CUCHI", "TBA 110kV Củ Chi", "110/22 kV", at("SS-CUCHI-BUS")),),
    )


FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ")
GIVEN = ("Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Minh Em", "Thị Giang", "Văn Hùng")


def customers(transformers: tuple[DistributionTransformer, ...]) -> list[Customer]:
    out = []
    for k, t in enumerate(transformers):
        for i in range(10):
            n = k * 10 + i
            x, y = t.position
            position = (
                None if n % 17 == 16 else (round(x + 0.0004 * (i - 5), 6), round(y + 0.0003, 6))
            )
            priority = Priority.CRITICAL if n == 21 else Priority.NONE
            priority = Priority.LIFE_SUPPORT if n == 44 else priority
            name = "Trạm y tế xã Phú Hòa Đông" if n == 21 else f"{FAMILY[n % 6]} {GIVEN[n % 7]}"
            out.append(
                Customer(
                    f"PB0301{10_000 + n * 3:07d}",
                    name,
                    t.to_node,
                    None,
                    f"09{n % 9}{(n * 7919) % 10_000_000:07d}",
                    Address(
                        f"Số {12 + n}",
                        t.name.removeprefix("TBA "),
                        "Xã Phú Hòa Đông",
                        "TP. Hồ Chí Minh",
                    ),
                    priority,
                    position,
                    (("meter_no", f"CT{884_000 + n}"), ("tariff", "SH" if n % 5 else "KD")),
                )
            )
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_network(OUT, network(), spatial_index=False)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
