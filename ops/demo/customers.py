"""Sixty thousand supply points, each on a transformer, in its hamlet, with a name and a phone."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ops.demo import geo, names
from ops.demo.names import pick
from ops.demo.organisations import Organisation, organisations
from ops.demo.places import PROVINCE, Place
from ops.network.records import Address, Customer, DistributionTransformer, Priority

CUSTOMER_TOTAL = 60_000
LIFE_SUPPORT_TOTAL = 160
CODE_PREFIX = "PB0701"  # PB = EVN SPC, 07 = the provincial company, 01 = the district unit
XSS_NAME = "<img src=x onerror=alert(1)>"  # must always show as text: a standing regression check

_PER_KVA = {True: 0.30, False: 0.40}  # urban homes draw more, so fewer of them per kVA
_BUSINESS_SHARE = {True: 0.04, False: 0.02}


@dataclass(frozen=True, slots=True)
class CustomerBase:
    """The customers and, per transformer, how many there are and how many have priority."""

    customers: tuple[Customer, ...]
    counts: dict[str, int]
    priority_counts: dict[str, int]


def generate_customers(
    transformers: tuple[DistributionTransformer, ...],
    places: tuple[Place, ...],
    roads: tuple[str, ...],
    rng: random.Random,
) -> CustomerBase:
    """Households in proportion to transformer size; organisations where they belong."""
    orgs = organisations(list(places), [t.position for t in transformers], rng)
    by_transformer: dict[int, list[Organisation]] = {}
    for org in orgs:
        by_transformer.setdefault(org.transformer, []).append(org)
    households = _apportion(CUSTOMER_TOTAL - len(orgs), transformers, places, rng)
    total_households = sum(households)
    life_support = set(rng.sample(range(total_households), LIFE_SUPPORT_TOTAL))
    xss = rng.randrange(total_households)
    while xss in life_support:
        xss = rng.randrange(total_households)
    numbering = _Numbering(rng.randint(10_000, 30_000), life_support, xss)
    out: list[Customer] = []
    counts: dict[str, int] = {}
    priority_counts: dict[str, int] = {}
    for i, tr in enumerate(transformers):
        mine = _on_transformer(
            tr, places[i], roads[i], by_transformer.get(i, []), households[i], numbering, rng
        )
        out.extend(mine)
        counts[tr.transformer_id] = len(mine)
        priority_counts[tr.transformer_id] = sum(c.priority is not Priority.NONE for c in mine)
    return CustomerBase(tuple(out), counts, priority_counts)


class _Numbering:
    """Customer codes in order with the gaps of closed contracts; which households are special."""

    def __init__(self, first_code: int, life_support: set[int], xss: int) -> None:
        self.code, self.household = first_code, 0
        self.life_support, self.xss = life_support, xss


def _on_transformer(
    tr: DistributionTransformer,
    place: Place,
    road: str,
    orgs: list[Organisation],
    households: int,
    numbering: _Numbering,
    rng: random.Random,
) -> list[Customer]:
    """The customers of one transformer: its households with its organisations among them."""
    addresses = _AddressMaker(place, road, rng)
    urban = place.ward.urban
    position = geo.scatterer(rng, tr.position, 90.0 if urban else 180.0)
    business_share = _BUSINESS_SHARE[urban]
    holders: list[Organisation | None] = [None] * households
    for org in orgs:
        holders.insert(rng.randint(0, len(holders)), org)
    out = []
    for holder in holders:
        gap = rng.random()  # closed contracts leave gaps in the numbering
        numbering.code += 1 if gap < 0.85 else 2 + int(gap * 40) % 5
        if holder is not None:
            name, level = holder.name, Priority.CRITICAL
        else:
            household = numbering.household
            numbering.household += 1
            special = household in numbering.life_support
            level = Priority.LIFE_SUPPORT if special else Priority.NONE
            if household == numbering.xss:
                name = XSS_NAME
            elif not special and rng.random() < business_share:
                name = names.business(rng, urban=urban)
            else:
                name = names.person(rng)
        out.append(
            Customer(
                f"{CODE_PREFIX}{numbering.code:07d}",
                name,
                tr.to_node,
                tr.transformer_id,
                names.mobile(rng),
                addresses.next(holder is not None),
                level,
                position(),
            )
        )
    return out


def _apportion(
    total: int,
    transformers: tuple[DistributionTransformer, ...],
    places: tuple[Place, ...],
    rng: random.Random,
) -> list[int]:
    """Split `total` households over the transformers by size, exactly (largest remainders)."""
    weights = [
        t.kva * _PER_KVA[p.ward.urban] * rng.uniform(0.7, 1.3)
        for t, p in zip(transformers, places, strict=True)
    ]
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    counts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class _AddressMaker:
    """House numbers along the few streets (or the one road) near one transformer."""

    def __init__(self, place: Place, road: str, rng: random.Random) -> None:
        self._place, self._road, self._rng = place, road, rng
        k = min(len(place.streets), rng.randint(1, 2))
        self._streets = [(s, rng.randint(1, 400)) for s in rng.sample(place.streets, k)]
        self._road_base = rng.randint(1, 900)
        self._no_number = Address("", place.hamlet, place.ward.name, PROVINCE)  # shared: frozen

    def next(self, organisation: bool) -> Address:
        rand, place = self._rng.random, self._place
        if self._streets:
            street, base = pick(self._rng, self._streets)
            number = str(base + int(rand() * 60))
            if not organisation and rand() < 0.2:
                number += f"/{1 + int(rand() * 30)}"  # a house down an alley
            text = f"Số {number} đường {street}"
        elif self._road and rand() < 0.7:
            text = f"Số {self._road_base + int(rand() * 80)} {self._road}"
        elif organisation or rand() < 0.5:
            return self._no_number
        else:
            text = f"Số {1 + int(rand() * 600)}"
        return Address(text, place.hamlet, place.ward.name, PROVINCE)
