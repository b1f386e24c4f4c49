"""The demo district as one value: network, customers, crews, outages and planned work."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from ops.crews.records import Crew
from ops.demo.customers import generate_customers
from ops.demo.district import build_network
from ops.demo.operations import run_day
from ops.demo.places import PROVINCE
from ops.network.records import Coord, Customer, NetworkModel
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.records import Outage
from ops.planned.records import PlannedOutage

DISTRICT_NAME = "Điện lực Cao Lãnh (DỮ LIỆU DEMO)"


@dataclass(frozen=True, slots=True)
class DemoDistrict:
    """A believable, clearly fictitious district around Cao Lãnh, Đồng Tháp, at one moment."""

    name: str
    province: str
    center: Coord  # (lon, lat)
    network: NetworkModel  # switch states as of `now`; customer and priority counts filled
    customers: tuple[Customer, ...]
    crews: tuple[Crew, ...]
    outages: tuple[Outage, ...]  # live ones and a few restored earlier, outage_id 1..n
    planned: tuple[PlannedOutage, ...]
    switching: tuple[DeviceOperation, ...] = ()  # the day's switching log, in time order


def _stream(seed: int, part: str) -> random.Random:
    # A separate stream per part, so that changing how customers are drawn does not move the
    # network. Seeding with a str goes through SHA-512: the same on every run and platform.
    return random.Random(f"{seed}/{part}")


def generate_demo_district(now: datetime, seed: int = 2026) -> DemoDistrict:
    """The demo district as of `now` (aware): the same `now` and `seed` give the same district."""
    if now.tzinfo is None:
        raise ValueError("generate_demo_district needs an aware datetime")
    now = now.astimezone(UTC)
    built = build_network(_stream(seed, "network"))
    base = generate_customers(
        built.network.transformers, built.places, built.roads, _stream(seed, "customers")
    )
    network = replace(
        built.network, customer_counts=base.counts, priority_counts=base.priority_counts
    )
    day = run_day(network, built.places, now, _stream(seed, "operations"))
    return DemoDistrict(
        name=DISTRICT_NAME,
        province=PROVINCE,
        center=_center(network),
        network=day.network,
        customers=base.customers,
        crews=day.crews,
        outages=day.outages,
        planned=day.planned,
        switching=day.switching,
    )


def _center(network: NetworkModel) -> Coord:
    """The middle of the network's extent, for the map's first view."""
    lons = [n.position[0] for n in network.nodes]
    lats = [n.position[1] for n in network.nodes]
    return (round((min(lons) + max(lons)) / 2, 4), round((min(lats) + max(lats)) / 2, 4))
