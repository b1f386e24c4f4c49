"""Random switching on a district-sized network: the accounting agrees with brute force.

Who is dark after each step is checked against a plain search from the sources; the owner of
each dark customer (in the normal configuration) against a walk up the normal feeding tree;
and the sums never count a customer or a minute twice.
"""

from __future__ import annotations

import random
from collections import deque
from datetime import UTC, datetime, timedelta

import pytest

from ops.network.records import NetworkModel
from ops.network.tracing import Topology, UnknownElementError
from ops.outages.accounting import Ledger
from ops.outages.customer_interruptions import Accounting, DeviceOperation
from ops.planned.records import SwitchAction
from tests.unit.builders import district_network

START = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def small_district() -> tuple[NetworkModel, list[tuple[str, str]]]:
    model = district_network(segments=500, switches=160, transformers=120, feeders=6, seed=3)
    customers = [
        (f"{t.transformer_id}-{k}", t.to_node) for t in model.transformers for k in range(3)
    ]
    return model, customers


def dark_by_search(
    model: NetworkModel, customers: list[tuple[str, str]], open_ids: set[str]
) -> set[str]:
    adjacency: dict[str, list[str]] = {}
    elements = [
        *((s.segment_id, s.from_node, s.to_node) for s in model.segments),
        *((s.switch_id, s.from_node, s.to_node) for s in model.switches),
        *((t.transformer_id, t.from_node, t.to_node) for t in model.transformers),
    ]
    for element, a, b in elements:
        if element not in open_ids:
            adjacency.setdefault(a, []).append(b)
            adjacency.setdefault(b, []).append(a)
    seen = {f.source_node for f in model.feeders}
    queue = deque(seen)
    while queue:
        for nxt in adjacency.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return {c for c, node in customers if node not in seen}


def check_sums(acc: Accounting) -> None:
    every = [i for spans in acc.interruptions.values() for i in spans]
    for i in every:
        assert i.shares[0].start == i.start and i.shares[-1].end == i.end
        for a, b in zip(i.shares, i.shares[1:], strict=False):
            assert a.end == b.start and a.outage_id != b.outage_id
    customer_time = sum((i.duration(acc.until) for i in every), timedelta(0))
    assert sum((t.customer_time for t in acc.outages.values()), timedelta(0)) == customer_time
    assert sum(t.customers_interrupted for t in acc.outages.values()) == len(every)
    assert sum(t.customers_out for t in acc.outages.values()) == len(acc.dark_at_end())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_normal_configuration_matches_search_and_the_normal_tree(seed: int) -> None:
    model, customers = small_district()
    node_of = dict(customers)
    parents = Topology(model).normal_parents()
    ties = {s.switch_id for s in model.switches if s.normal_open}
    devices = sorted(s.switch_id for s in model.switches if not s.normal_open)
    rng = random.Random(seed)
    ledger = Ledger(model, customers, since=START)
    open_now: dict[str, int] = {}
    for step in range(60):
        device = rng.choice(sorted(open_now)) if open_now and rng.random() < 0.4 else None
        device = device or rng.choice(devices)
        at = START + timedelta(minutes=step)
        if device in open_now:
            ledger.apply(DeviceOperation(at, device, SwitchAction.CLOSE))
            del open_now[device]
        else:
            ledger.apply(DeviceOperation(at, device, SwitchAction.OPEN, step + 1))
            open_now[device] = step + 1
        dark = dark_by_search(model, customers, set(open_now) | ties)
        owners = {o: ledger.customers_out(o) for o in set(open_now.values()) | {None}}
        assert set().union(*owners.values()) == dark
        for customer in sorted(dark)[::7]:
            node, owner = node_of[customer], None
            while node in parents:  # the nearest open device upstream, normal tree
                node, element = parents[node]
                if element in open_now:
                    owner = open_now[element]
                    break
            assert customer in owners[owner]
    check_sums(ledger.snapshot(START + timedelta(hours=2)))


@pytest.mark.parametrize("seed", [4, 5])
def test_ties_and_unowned_switching_keep_the_sums_exact(seed: int) -> None:
    model, customers = small_district()
    switches = sorted(s.switch_id for s in model.switches)
    rng = random.Random(seed)
    ledger = Ledger(model, customers, since=START)
    open_now = {s.switch_id for s in model.switches if s.normal_open}
    for step in range(80):
        device = rng.choice(switches)
        at = START + timedelta(minutes=step)
        if device in open_now:
            ledger.apply(DeviceOperation(at, device, SwitchAction.CLOSE))
            open_now.discard(device)
        else:
            outage = step + 1 if rng.random() < 0.8 else None
            ledger.apply(DeviceOperation(at, device, SwitchAction.OPEN, outage))
            open_now.add(device)
        dark = dark_by_search(model, customers, open_now)
        owned = set().union(*(ledger.customers_out(o) for o in range(step + 2)))
        assert owned | ledger.customers_out(None) == dark
    check_sums(ledger.snapshot(START + timedelta(hours=2)))


def test_feeding_ranges_are_what_each_switch_cuts_off() -> None:
    model, customers = small_district()
    topology = Topology(model, customers)
    whole = topology.feeding()
    place = dict(zip(whole.customer_ids, whole.positions, strict=True))
    for switch_id, (lo, hi) in list(whole.switches.items())[::5]:
        below = {c for c, p in place.items() if lo <= p < hi}
        assert below == set(topology.lost_by_opening([switch_id]).customer_ids)
    some = next(iter(whole.switches))
    part = topology.feeding(some)
    assert set(part.customer_ids) == set(topology.lost_by_opening([some]).customer_ids)
    assert some in part.switches


def test_feeding_needs_customer_ids_and_a_known_element() -> None:
    model, customers = small_district()
    with pytest.raises(ValueError, match="customer ids"):
        Topology(model).feeding()
    with pytest.raises(UnknownElementError):
        Topology(model, customers).feeding("NO-SUCH")
    tie = next(s.switch_id for s in model.switches if s.normal_open)
    assert Topology(model, customers).feeding(tie).customer_ids == ()  # open: cuts nobody off
