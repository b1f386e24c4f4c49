"""Test data in a few lines: a toy two-feeder district, outages, crews, a district-sized network.

`tiny_network()` is small enough to reason about by hand:

    S1 ── F1-SRC ─[MC-471]─ F1-N0 ─ F1-N1 ─ F1-N2 ─ F1-N3 ─ F1-N4 ─ F1-N5
                                              └──── F1-N6
    S1 ── F2-SRC ─ F2-N1 ─ F2-N2 ─[REC-473]─ F2-N3 ─ F2-N4 ─ F2-N5
    F1-N5 ─[TIE-471-473, normally open]─ F2-N5

Opening REC-473 darkens F2-S3, F2-S4 (and transformer T-F2-2); the tie can back-feed them from F1.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from ops.crews.records import Crew, CrewMember, CrewStatus, CrewType
from ops.network.records import (
    AreaClass,
    Coord,
    DeviceKind,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    Node,
    Substation,
    SwitchingDevice,
)
from ops.outages.records import (
    EtrConfidence,
    EtrSource,
    Outage,
    OutageKind,
    OutageStatus,
)

ORIGIN: Coord = (106.60, 10.90)  # somewhere in Củ Chi, Hồ Chí Minh City
T0 = datetime(2026, 6, 1, 0, 30, tzinfo=UTC)  # 07:30 in Asia/Ho_Chi_Minh
STEP = 0.005  # degrees between poles of the toy network (~550 m)


def _at(dx: float, dy: float) -> Coord:
    return (round(ORIGIN[0] + dx * STEP, 6), round(ORIGIN[1] + dy * STEP, 6))


def tiny_network() -> NetworkModel:
    """Two feeders from one substation with a normally-open tie: 11 segments, 3 switches."""
    grid: dict[str, tuple[float, float]] = {
        "F1-SRC": (0, 0.5),
        "F1-N0": (0.5, 0.5),
        "F1-N1": (1.5, 0.5),
        "F1-N2": (2.5, 0.5),
        "F1-N3": (3.5, 0.5),
        "F1-N4": (4.5, 0.5),
        "F1-N5": (5.5, 0.5),
        "F1-N6": (2.5, 1.5),
        "F2-SRC": (0, -0.5),
        "F2-N1": (1.5, -0.5),
        "F2-N2": (2.5, -0.5),
        "F2-N3": (3, -0.5),
        "F2-N4": (4.5, -0.5),
        "F2-N5": (5.5, -0.5),
        "F2-N6": (2.5, -1.5),
    }
    positions = {node: _at(*xy) for node, xy in grid.items()}
    lv_nodes = {f"T-{f}-{i}-LV": positions[n] for f, i, n in _TRANSFORMER_SITES}
    nodes = tuple(Node(n, p) for n, p in {**positions, **lv_nodes}.items())

    def seg(segment_id: str, a: str, b: str, feeder: str) -> LineSegment:
        mid = ((positions[a][0] + positions[b][0]) / 2, (positions[a][1] + positions[b][1]) / 2)
        return LineSegment(
            segment_id, a, b, f"Đoạn {segment_id}", 22.0, (positions[a], mid, positions[b]), feeder
        )

    segments = (
        seg("F1-S1", "F1-N0", "F1-N1", "F1"),
        seg("F1-S2", "F1-N1", "F1-N2", "F1"),
        seg("F1-S3", "F1-N2", "F1-N3", "F1"),
        seg("F1-S4", "F1-N3", "F1-N4", "F1"),
        seg("F1-S5", "F1-N4", "F1-N5", "F1"),
        seg("F1-S6", "F1-N2", "F1-N6", "F1"),
        seg("F2-S1", "F2-SRC", "F2-N1", "F2"),
        seg("F2-S2", "F2-N1", "F2-N2", "F2"),
        seg("F2-S3", "F2-N3", "F2-N4", "F2"),
        seg("F2-S4", "F2-N4", "F2-N5", "F2"),
        seg("F2-S5", "F2-N2", "F2-N6", "F2"),
    )
    switches = (
        _switch(
            "MC-471", "F1-SRC", "F1-N0", DeviceKind.BREAKER, "MC 471", positions["F1-SRC"], "F1"
        ),
        _switch(
            "REC-473", "F2-N2", "F2-N3", DeviceKind.RECLOSER, "REC 473/25", positions["F2-N2"], "F2"
        ),
        _switch(
            "TIE-471-473",
            "F1-N5",
            "F2-N5",
            DeviceKind.LOAD_BREAK_SWITCH,
            "LBS 471-473",
            _at(5.5, 0),
            None,
            normal_open=True,
        ),
    )
    transformers = tuple(
        DistributionTransformer(
            f"T-{f}-{i}", n, f"T-{f}-{i}-LV", 250.0, f"TBA {f}-{i}", positions[n], f
        )
        for f, i, n in _TRANSFORMER_SITES
    )
    return NetworkModel(
        substations=(Substation("S1", "TBA 110 kV Củ Chi", "110/22 kV", _at(-0.5, 0)),),
        feeders=(
            Feeder("F1", "Xuất tuyến 471", "S1", "F1-SRC", 22.0, AreaClass.RURAL),
            Feeder("F2", "Xuất tuyến 473", "S1", "F2-SRC", 22.0, AreaClass.URBAN),
        ),
        nodes=nodes,
        segments=segments,
        switches=switches,
        transformers=transformers,
        customer_counts={
            f"T-{f}-{i}": 40 * (k + 1) for k, (f, i, _) in enumerate(_TRANSFORMER_SITES)
        },
        priority_counts={"T-F2-2": 1},
    )


_TRANSFORMER_SITES = (
    ("F1", 1, "F1-N2"),
    ("F1", 2, "F1-N5"),
    ("F2", 1, "F2-N1"),
    ("F2", 2, "F2-N4"),
)


def _switch(
    switch_id: str,
    from_node: str,
    to_node: str,
    kind: DeviceKind,
    name: str,
    position: Coord,
    feeder_id: str | None,
    *,
    normal_open: bool = False,
) -> SwitchingDevice:
    """A device in its normal state: ties open, everything else closed."""
    return SwitchingDevice(
        switch_id, from_node, to_node, kind, name, normal_open, normal_open, position, feeder_id
    )


def with_switch_open(model: NetworkModel, switch_id: str, is_open: bool = True) -> NetworkModel:
    """The same network with one device operated."""
    switches = tuple(
        replace(s, is_open=is_open) if s.switch_id == switch_id else s for s in model.switches
    )
    return replace(model, switches=switches)


def an_outage(**overrides: object) -> Outage:
    """A confirmed fault on F2 that tripped REC-473; override any field by name."""
    fields: dict[str, object] = {
        "outage_id": 1,
        "reference": "SC-2026-0001",
        "kind": OutageKind.UNPLANNED,
        "status": OutageStatus.CONFIRMED,
        "device_id": "REC-473",
        "feeder_id": "F2",
        "cause": "Cây đổ vào đường dây",
        "started_at": T0,
        "reported_at": T0 + timedelta(minutes=3),
        "restored_at": None,
        "etr": T0 + timedelta(hours=2),
        "etr_source": EtrSource.CREW,
        "etr_confidence": EtrConfidence.HIGH,
        "etr_changes": 0,
        "customers_affected": 160,
        "customers_out": 160,
        "priority_customers": 1,
        "position": _at(3.75, -0.5),
    }
    fields.update(overrides)
    return Outage(**fields)  # type: ignore[arg-type]


def a_crew(**overrides: object) -> Crew:
    """A line crew on its way; override any field by name."""
    fields: dict[str, object] = {
        "crew_id": "CREW-1",
        "name": "Đội Củ Chi 1",
        "crew_type": CrewType.LINE,
        "office": "Điện lực Củ Chi",
        "vehicle": "51C-123.45",
        "phone": "0909 000 111",
        "status": CrewStatus.EN_ROUTE,
        "position": _at(2, -1),
        "position_at": T0 + timedelta(minutes=20),
        "members": (CrewMember("Nguyễn Văn An", "Tổ trưởng", "0909 000 111"),),
        "outage_ids": (1,),
    }
    fields.update(overrides)
    return Crew(**fields)  # type: ignore[arg-type]


def district_network(
    segments: int = 4000,
    switches: int = 2000,
    transformers: int = 1500,
    feeders: int = 24,
    seed: int = 7,
) -> NetworkModel:
    """A district-sized radial network for timing and looking: feeders grow out of 3 substations.

    Every feeder is a random tree of segments with 3–10 point paths; switches sit between a
    node and a segment's start, a few of them are normally-open ties between neighbouring
    feeders' far ends; transformers hang off random nodes.
    """
    rng = random.Random(seed)
    subs = (
        Substation("S1", "TBA 110 kV Củ Chi", "110/22 kV", (106.50, 11.00)),
        Substation("S2", "TBA 110 kV Hóc Môn", "110/22 kV", (106.62, 10.88)),
        Substation("S3", "TBA 110 kV Tân Quy", "110/22 kV", (106.42, 10.86)),
    )
    feeder_list: list[Feeder] = []
    node_list: list[Node] = []
    seg_list: list[LineSegment] = []
    sw_list: list[SwitchingDevice] = []
    ends: list[tuple[str, str, Coord]] = []  # (feeder, node, position) of far nodes
    per_feeder = segments // feeders
    switch_every = max(1, segments // max(1, switches - feeders))
    n_seg = 0
    for k in range(feeders):
        sub = subs[k % len(subs)]
        fid = f"F{k + 1:02d}"
        source = f"{fid}-SRC"
        feeder_list.append(
            Feeder(
                fid, f"Xuất tuyến {471 + 2 * k}", sub.substation_id, source, 22.0, AreaClass.RURAL
            )
        )
        node_list.append(Node(source, sub.position))
        heading = 2 * math.pi * k / feeders + rng.uniform(-0.2, 0.2)
        first = f"{fid}-N0"
        node_list.append(Node(first, sub.position))
        sw_list.append(
            _switch(
                f"{fid}-MC",
                source,
                first,
                DeviceKind.BREAKER,
                f"MC {471 + 2 * k}",
                sub.position,
                fid,
            )
        )
        tips: list[tuple[str, Coord, float]] = [(first, sub.position, heading)]
        count = per_feeder if k < feeders - 1 else segments - n_seg
        for i in range(count):
            # Mostly extend one of the newest tips (long trunks), sometimes branch anywhere.
            newest = rng.randrange(max(0, len(tips) - 4), len(tips))
            base, pos, head = tips[newest if rng.random() < 0.75 else rng.randrange(len(tips))]
            start = base
            if n_seg % switch_every == 0 and len(sw_list) < switches:
                start = f"{fid}-N{i}-SW"
                node_list.append(Node(start, pos))
                kind = rng.choice(list(DeviceKind)[1:])
                name = f"{kind.value[:3].upper()} {fid}/{i}"
                sw_list.append(_switch(f"{fid}-SW{i}", base, start, kind, name, pos, fid))
            head += rng.uniform(-0.6, 0.6)
            n_points = rng.randint(3, 10)
            path = [pos]
            x, y = pos
            for _ in range(n_points - 1):
                x += math.cos(head) * 0.0012 + rng.uniform(-0.0003, 0.0003)
                y += math.sin(head) * 0.0012 + rng.uniform(-0.0003, 0.0003)
                path.append((round(x, 6), round(y, 6)))
            end = f"{fid}-N{i + 1}"
            node_list.append(Node(end, path[-1]))
            seg_list.append(
                LineSegment(f"{fid}-S{i}", start, end, f"Nhánh {fid}/{i}", 22.0, tuple(path), fid)
            )
            tips.append((end, path[-1], head))
            n_seg += 1
        far = max(tips, key=lambda t: math.dist(t[1], sub.position))
        ends.append((fid, far[0], far[1]))
    for k in range(len(ends)):
        (fa, na, pa), (fb, nb, _) = ends[k], ends[(k + 1) % len(ends)]
        kind = DeviceKind.LOAD_BREAK_SWITCH
        tie = _switch(f"TIE-{fa}-{fb}", na, nb, kind, f"LBS {fa}-{fb}", pa, None, normal_open=True)
        sw_list.append(tie)
    tr_list: list[DistributionTransformer] = []
    seg_ends = [(s.to_node, s.path[-1], s.feeder_id) for s in seg_list]
    for t in range(transformers):
        node, pos, fid = seg_ends[rng.randrange(len(seg_ends))]
        lv = f"T{t}-LV"
        node_list.append(Node(lv, pos))
        tr_list.append(
            DistributionTransformer(f"T{t}", node, lv, 250.0, f"TBA {fid}-{t}", pos, fid)
        )
    return NetworkModel(
        substations=subs,
        feeders=tuple(feeder_list),
        nodes=tuple(node_list),
        segments=tuple(seg_list),
        switches=tuple(sw_list),
        transformers=tuple(tr_list),
        customer_counts={t.transformer_id: rng.randint(20, 180) for t in tr_list},
        priority_counts={},
    )
