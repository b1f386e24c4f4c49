"""The demo district: deterministic, the right size, radial, and its outages counted by tracing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ops.causes import BUILTIN_CAUSES
from ops.demo import DemoDistrict, generate_demo_district
from ops.network.records import DeviceKind, NetworkModel, Priority
from ops.network.tracing import Topology
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.planned.records import PlanStatus, SwitchAction

NOW = datetime(2026, 3, 14, 3, 20, 30, tzinfo=UTC)  # 10:20 in Cao Lãnh
MOBILE = re.compile(r"^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$")
CODE = re.compile(r"^PB0701\d{7}$")
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def district() -> DemoDistrict:
    return generate_demo_district(NOW)


def normal_state(network: NetworkModel) -> NetworkModel:
    switches = tuple(replace(s, is_open=s.normal_open) for s in network.switches)
    return replace(network, switches=switches)


# --- determinism -------------------------------------------------------------------------


def test_the_same_now_and_seed_give_the_same_district(district: DemoDistrict) -> None:
    # The second generation runs in another process with another hash seed: set and dict
    # iteration orders must not leak into the result either.
    code = (
        "import hashlib, json, sys; from datetime import datetime;"
        "from ops.demo import generate_demo_district;"
        "d = generate_demo_district(datetime.fromisoformat(sys.argv[1]));"
        "print(json.dumps({'digest': hashlib.sha256(repr(d).encode()).hexdigest(),"
        " 'first': [[c.customer_id, c.name] for c in d.customers[:20]]}))"
    )
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", code, NOW.isoformat()],
        capture_output=True, text=True, env=env, cwd=root, check=True, timeout=60,
    )  # fmt: skip
    again = json.loads(result.stdout)
    assert again["first"] == [[c.customer_id, c.name] for c in district.customers[:20]]
    assert again["digest"] == hashlib.sha256(repr(district).encode()).hexdigest()


def test_now_must_be_an_aware_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        generate_demo_district(NOW.replace(tzinfo=None))


# --- size and shape ----------------------------------------------------------------------


def test_counts_are_those_of_a_district(district: DemoDistrict) -> None:
    net = district.network
    assert len(net.substations) == 2
    assert len(net.feeders) == 12
    assert 1_425 <= len(net.transformers) <= 1_575
    assert 59_400 <= len(district.customers) <= 60_600
    priority = sum(c.priority is not Priority.NONE for c in district.customers)
    assert 500 <= priority <= 700
    assert sum(c.priority is Priority.LIFE_SUPPORT for c in district.customers) < priority / 2
    assert sum(s.normal_open for s in net.switches) >= 6
    assert {f.area_class for f in net.feeders} == {"urban", "rural"}
    assert "DEMO" in district.name
    assert district.province == "Đồng Tháp"
    lon, lat = district.center
    assert abs(lon - 105.63) < 0.1 and abs(lat - 10.46) < 0.1


def test_the_network_spreads_over_about_twenty_kilometres(district: DemoDistrict) -> None:
    lons = [n.position[0] for n in district.network.nodes]
    lats = [n.position[1] for n in district.network.nodes]
    assert 15.0 < (max(lons) - min(lons)) * 109.5 < 25.0
    assert 15.0 < (max(lats) - min(lats)) * 110.6 < 25.0


def test_ids_are_unique_and_every_element_joins_known_nodes(district: DemoDistrict) -> None:
    net = district.network
    node_ids = [n.node_id for n in net.nodes]
    assert len(set(node_ids)) == len(node_ids)
    positions = {n.node_id: n.position for n in net.nodes}
    element_ids = (
        [s.segment_id for s in net.segments]
        + [s.switch_id for s in net.switches]
        + [t.transformer_id for t in net.transformers]
    )
    assert len(set(element_ids)) == len(element_ids)
    for element in (*net.segments, *net.switches, *net.transformers):
        assert element.from_node in positions and element.to_node in positions
        assert element.from_node != element.to_node
    assert len({t.to_node for t in net.transformers}) == len(net.transformers)
    for seg in net.segments:
        assert len(seg.path) >= 2 and seg.voltage_kv == 22.0
        assert seg.path[0] == positions[seg.from_node]
        assert seg.path[-1] == positions[seg.to_node]
    assert all(t.kva in (50, 75, 100, 160, 250, 320, 400, 560) for t in net.transformers)


def test_each_feeder_is_built_from_the_usual_devices(district: DemoDistrict) -> None:
    net = district.network
    for feeder in net.feeders:
        kinds = Counter(s.kind for s in net.switches if s.feeder_id == feeder.feeder_id)
        assert kinds[DeviceKind.BREAKER] == 1
        assert 1 <= kinds[DeviceKind.RECLOSER] <= 2
        assert kinds[DeviceKind.SECTIONALIZER] >= 1
        assert kinds[DeviceKind.LOAD_BREAK_SWITCH] + kinds[DeviceKind.DISCONNECTOR] >= 2
        assert kinds[DeviceKind.FUSE] >= 10
        breaker = next(
            s for s in net.switches
            if s.feeder_id == feeder.feeder_id and s.kind is DeviceKind.BREAKER
        )  # fmt: skip
        assert breaker.from_node == feeder.source_node
        assert re.fullmatch(r"47[1-6] (Cao Lãnh|Mỹ Trà)", feeder.name)
    ties = [s for s in net.switches if s.normal_open]
    assert all(
        s.kind in (DeviceKind.LOAD_BREAK_SWITCH, DeviceKind.DISCONNECTOR) and s.is_open
        for s in ties
    )


def test_in_the_normal_state_every_feeder_is_a_tree_from_its_own_source(
    district: DemoDistrict,
) -> None:
    net = normal_state(district.network)
    supplied = Topology(net).trace().feeder_of_node
    assert set(supplied) == {n.node_id for n in net.nodes}
    closed = [
        *((s.from_node, s.to_node, s.feeder_id) for s in net.segments),
        *((s.from_node, s.to_node, s.feeder_id) for s in net.switches if not s.normal_open),
        *((t.from_node, t.to_node, t.feeder_id) for t in net.transformers),
    ]
    edges: Counter[str] = Counter()
    for a, b, feeder_id in closed:
        # no closed element joins two feeders, and each belongs to the feeder that supplies it
        assert supplied[a] == supplied[b] == feeder_id
        edges[feeder_id] += 1
    nodes = Counter(supplied.values())
    assert all(edges[f.feeder_id] == nodes[f.feeder_id] - 1 for f in net.feeders)
    for tie in (s for s in net.switches if s.normal_open):
        sides = {supplied[tie.from_node], supplied[tie.to_node]}
        assert len(sides) == 2 and tie.feeder_id in sides


# --- customers ---------------------------------------------------------------------------


def test_customer_codes_and_phones_look_like_evn_data(district: DemoDistrict) -> None:
    codes = [c.customer_id for c in district.customers]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 13 and CODE.match(code) for code in codes)
    assert all(MOBILE.match(c.phone) for c in district.customers)
    surnames = Counter(c.name.split()[0] for c in district.customers)
    assert surnames.most_common(1)[0][0] == "Nguyễn"


def test_every_customer_hangs_off_a_transformer_in_its_hamlet(district: DemoDistrict) -> None:
    net = district.network
    transformers = {t.transformer_id: t for t in net.transformers}
    areas: dict[str, set[tuple[str, str]]] = {}
    for c in district.customers:
        assert c.transformer_id is not None
        tr = transformers[c.transformer_id]
        assert c.node_id == tr.to_node
        assert c.address.province == "Đồng Tháp"
        assert c.address.ward.startswith(("Phường ", "Xã "))
        assert c.address.hamlet.startswith("Khóm " if c.address.ward[0] == "P" else "Ấp ")
        assert c.position is not None
        assert abs(c.position[0] - tr.position[0]) < 0.003
        assert abs(c.position[1] - tr.position[1]) < 0.003
        areas.setdefault(c.transformer_id, set()).add((c.address.hamlet, c.address.ward))
    assert all(len(a) == 1 for a in areas.values())
    assert Counter(c.transformer_id for c in district.customers) == net.customer_counts
    priority = Counter(c.transformer_id for c in district.customers if c.priority != "none")
    assert {t: n for t, n in net.priority_counts.items() if n} == priority


def test_the_script_named_customer_is_an_ordinary_household(district: DemoDistrict) -> None:
    (xss,) = [c for c in district.customers if c.name == XSS]
    assert xss.priority is Priority.NONE


def test_priority_customers_are_public_services_and_life_support(district: DemoDistrict) -> None:
    critical = [c.name for c in district.customers if c.priority is Priority.CRITICAL]
    for kind in ("Bệnh viện", "Trạm Y tế", "Nhà máy nước", "Trạm bơm", "Trường", "Trạm BTS"):
        assert any(name.startswith(kind) for name in critical), kind
    assert any(name.startswith("Ủy ban nhân dân") for name in critical)


# --- outages, counted by replaying the switching ------------------------------------------


def replayed(district: DemoDistrict) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """(affected, out, priority) per outage, from the records and a fresh trace."""
    net = district.network
    topology = Topology(normal_state(net))
    counts, priority_counts = net.customer_counts, net.priority_counts
    devices = {o.device_id for o in district.outages}
    left_open = [
        s.switch_id for s in net.switches
        if s.is_open and not s.normal_open and s.switch_id not in devices
    ]  # fmt: skip
    events: list[tuple[datetime, int, bool, str]] = []
    for o in district.outages:
        assert o.device_id is not None
        events.append((o.started_at, o.outage_id, True, o.device_id))
        if o.status is OutageStatus.PARTIALLY_RESTORED:
            events += [(o.started_at, o.outage_id, True, s) for s in left_open]
        if o.restored_at is not None:
            events.append((o.restored_at, o.outage_id, False, o.device_id))
    events.sort(key=lambda e: (e[0], e[1], not e[2]))
    open_now: list[str] = []
    owner: dict[str, int] = {}
    affected: Counter[int] = Counter()
    priority: Counter[int] = Counter()
    dark: set[str] = set()
    for _, outage_id, opens, device in events:
        if opens:
            open_now.append(device)
        else:
            open_now.remove(device)
        now_dark = set(topology.dark_transformers(topology.trace(open_now)))
        for tr in now_dark - dark:
            owner[tr] = outage_id
            affected[outage_id] += counts[tr]
            priority[outage_id] += priority_counts[tr]
        for tr in dark - now_dark:
            del owner[tr]
        dark = now_dark
    present = Topology(net)
    out: Counter[int] = Counter()
    for tr in present.dark_transformers(present.trace()):
        out[owner[tr]] += counts[tr]
    return dict(affected), dict(out), dict(priority)


def open_outages(district: DemoDistrict) -> list[Outage]:
    return [o for o in district.outages if o.status.is_open]


def test_outages_are_numbered_and_timed_relative_to_now(district: DemoDistrict) -> None:
    outages = district.outages
    assert [o.outage_id for o in outages] == list(range(1, len(outages) + 1))
    assert len({o.reference for o in outages}) == len(outages)
    unplanned = [o for o in outages if o.kind is OutageKind.UNPLANNED]
    assert all(re.fullmatch(r"SC-2026-\d{4}", o.reference) for o in unplanned)
    assert 4 <= sum(o.status.is_open for o in unplanned) <= 6
    assert 2 <= sum(not o.status.is_open for o in unplanned) <= 3
    for o in outages:
        assert timedelta(minutes=30) <= NOW - o.started_at <= timedelta(hours=6)
        assert timedelta(0) <= o.reported_at - o.started_at <= timedelta(minutes=15)
        assert o.version == 1 and o.cause
        if o.kind is OutageKind.UNPLANNED:
            assert BUILTIN_CAUSES.is_classified(o.cause)  # a category code
        assert (o.restored_at is None) == o.status.is_open
        if o.restored_at is not None:
            assert o.started_at < o.restored_at <= NOW and o.customers_out == 0
    assert sum(o.etr is not None for o in outages) >= len(outages) - 2


def test_outage_devices_exist_and_the_counts_match_a_fresh_trace(district: DemoDistrict) -> None:
    switches = {s.switch_id: s for s in district.network.switches}
    affected, out, priority = replayed(district)
    for o in district.outages:
        device = switches[o.device_id or ""]
        assert o.position == device.position and o.feeder_id == device.feeder_id
        assert o.customers_affected == affected.get(o.outage_id, 0) > 0
        assert o.customers_out == out.get(o.outage_id, 0)
        assert o.priority_customers == priority.get(o.outage_id, 0)
        assert o.customers_out <= o.customers_affected


def test_open_outages_count_every_dark_customer_exactly_once(district: DemoDistrict) -> None:
    present = Topology(district.network)
    dark = present.customers_on(present.dark_transformers(present.trace()))
    assert dark > 0
    assert sum(o.customers_out for o in open_outages(district)) == dark


def test_a_fuse_blown_before_its_recloser_locked_out_keeps_its_own_customers(
    district: DemoDistrict,
) -> None:
    topology = Topology(normal_state(district.network))
    live = open_outages(district)
    supplied_through = {
        o.device_id: set(topology.transformers_lost_by_opening([o.device_id or ""])) for o in live
    }

    def behind(device: str | None) -> set[str]:
        return supplied_through[device]

    pairs = [
        (inner, outer) for inner in live for outer in live
        if inner is not outer and behind(inner.device_id) < behind(outer.device_id)
    ]  # fmt: skip
    assert len(pairs) == 1
    inner, outer = pairs[0]
    assert inner.started_at < outer.started_at
    assert (
        inner.customers_affected
        == inner.customers_out
        == topology.customers_on(behind(inner.device_id))
    )
    rest = behind(outer.device_id) - behind(inner.device_id)
    assert outer.customers_affected == outer.customers_out == topology.customers_on(rest)


def test_the_partially_restored_outage_left_its_sectionaliser_open(district: DemoDistrict) -> None:
    switches = {s.switch_id: s for s in district.network.switches}
    (partial,) = [o for o in district.outages if o.status is OutageStatus.PARTIALLY_RESTORED]
    assert switches[partial.device_id or ""].kind is DeviceKind.RECLOSER
    assert not switches[partial.device_id or ""].is_open
    assert 0 < partial.customers_out < partial.customers_affected
    open_sectionalizers = [
        s for s in switches.values()
        if s.kind is DeviceKind.SECTIONALIZER and s.is_open and s.feeder_id == partial.feeder_id
    ]  # fmt: skip
    assert len(open_sectionalizers) == 1


def test_switch_states_show_the_open_outages_and_work(district: DemoDistrict) -> None:
    switches = {s.switch_id: s for s in district.network.switches}
    for o in district.outages:
        expected = o.status.is_open and o.status is not OutageStatus.PARTIALLY_RESTORED
        assert switches[o.device_id or ""].is_open == expected, o.reference
    kinds = Counter(o.status for o in district.outages)
    assert kinds[OutageStatus.PREDICTED] == 1 and kinds[OutageStatus.CLOSED] >= 1


# --- crews and planned work --------------------------------------------------------------


def test_crews_are_equipped_and_assigned_consistently(district: DemoDistrict) -> None:
    crews = district.crews
    assert 5 <= len(crews) <= 6
    assert [c.crew_id for c in crews] == [f"DOI-0{i}" for i in range(1, len(crews) + 1)]
    for crew in crews:
        assert re.fullmatch(r"66C-\d{3}\.\d{2}", crew.vehicle) and MOBILE.match(crew.phone)
        assert 2 <= len(crew.members) <= 4 and crew.members[0].role == "Tổ trưởng"
        assert {m.role for m in crew.members} <= {"Tổ trưởng", "Công nhân", "Lái xe"}
        assert crew.office == "Điện lực Cao Lãnh" and crew.position_at is not None
        assigned = tuple(o.outage_id for o in district.outages if crew.crew_id in o.crew_ids)
        assert crew.outage_ids == assigned
    assert len({c.status for c in crews}) >= 4


def test_todays_planned_work_is_switched_out_and_shown_as_an_outage(
    district: DemoDistrict,
) -> None:
    switches = {s.switch_id: s for s in district.network.switches}
    (today,) = [p for p in district.planned if p.status is PlanStatus.IN_PROGRESS]
    assert timedelta(hours=1) <= NOW - today.starts_at <= timedelta(hours=2)
    assert today.ends_at - NOW >= timedelta(hours=2)
    assert re.fullmatch(r"KH-2026-\d{4}", today.reference)
    (step,) = today.steps
    assert step.action is SwitchAction.OPEN and switches[step.device_id].is_open
    assert switches[step.device_id].kind in (DeviceKind.LOAD_BREAK_SWITCH, DeviceKind.DISCONNECTOR)
    (outage,) = [o for o in district.outages if o.kind is OutageKind.PLANNED]
    assert outage.planned_outage_id == today.plan_id and outage.status is OutageStatus.CONFIRMED
    assert outage.device_id == step.device_id and outage.reference == today.reference
    assert today.customers_affected == outage.customers_affected > 0
    topology = Topology(normal_state(district.network))
    lost = set(topology.transformers_lost_by_opening([step.device_id]))
    hamlets = {c.address.hamlet for c in district.customers if c.transformer_id in lost}
    assert all(h.lower() in today.area_text.lower() for h in hamlets)
    assert " – xã " in today.area_text or " – phường " in today.area_text


def test_next_weeks_plan_is_approved_and_not_yet_switched(district: DemoDistrict) -> None:
    switches = {s.switch_id: s for s in district.network.switches}
    later = [p for p in district.planned if p.status is PlanStatus.APPROVED]
    for plan in later:
        assert plan.starts_at - NOW > timedelta(days=6)
        assert not any(switches[s.device_id].is_open for s in plan.steps)
        assert plan.customers_affected > 0


def test_the_switching_log_replayed_gives_every_outage_its_customers(
    district: DemoDistrict,
) -> None:
    """The log the demo stores is the one its figures came from: the console's accounting
    (and so the reliability report) reads the same customers from it."""
    from ops.outages.accounting import account_log

    log = district.switching
    assert log and [op.at for op in log] == sorted(op.at for op in log)
    accounting = account_log(
        district.network,
        [(c.customer_id, c.node_id) for c in district.customers],
        log,
        since=log[0].at,
        until=NOW,
    )
    for outage in district.outages:
        tally = accounting.outages[outage.outage_id]
        assert (tally.customers_out, tally.customers_affected) == (
            outage.customers_out,
            outage.customers_affected,
        ), outage.reference
