"""Estimated restoration time: the system estimate, and how often an outage's ETR moved.

The system estimate is travel plus repair: the typical repair time for the cause (from the
policy profile) and the travel of the nearest crew, by straight-line distance times a road
factor at an average speed. It says where it came from (source SYSTEM) and how far to trust
it: HIGH only when the cause is in the table and a crew's position (or presence) is known.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ops.crews.records import Crew, CrewStatus
from ops.network.records import Coord
from ops.outages.records import EtrConfidence, EtrSource
from ops.policy import EtrSettings

EARTH_RADIUS_KM = 6371.0088
ETR_STEP = timedelta(minutes=5)  # customers are told whole five minutes, never seconds


def distance_km(a: Coord, b: Coord) -> float:
    """Great-circle distance between two (longitude, latitude) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def travel_time(origin: Coord, destination: Coord, settings: EtrSettings) -> timedelta:
    """Road travel estimated from the straight line: distance × road factor ÷ average speed."""
    km = distance_km(origin, destination) * settings.road_factor
    return timedelta(hours=km / settings.average_speed_kmh)


def round_up(at: datetime, step: timedelta = ETR_STEP) -> datetime:
    """The next whole step (of the epoch) at or after `at`."""
    epoch = datetime(2000, 1, 1, tzinfo=at.tzinfo)
    steps = math.ceil((at - epoch) / step)
    return epoch + steps * step


@dataclass(frozen=True, slots=True)
class EtrEstimate:
    etr: datetime
    source: EtrSource
    confidence: EtrConfidence
    repair: timedelta
    travel: timedelta
    crew_id: str | None  # the crew whose travel was counted (None: assumed travel)


def estimate_etr(
    now: datetime,
    *,
    cause_category: str | None,
    outage_position: Coord | None,
    crews: Iterable[Crew],
    settings: EtrSettings,
) -> EtrEstimate:
    """The system ETR: now + travel of the nearest of `crews` + typical repair for the cause.

    A crew that has arrived travels no more. Without a usable crew (none given, or no
    position on either side) the profile's assumed travel is used and confidence is LOW.
    """
    repair, cause_known = settings.repair_for(cause_category)
    best: tuple[timedelta, str] | None = None
    for crew in crews:
        if crew.status is CrewStatus.ARRIVED:
            travel = timedelta(0)
        elif crew.position is not None and outage_position is not None:
            travel = travel_time(crew.position, outage_position, settings)
        else:
            continue
        if best is None or travel < best[0]:
            best = (travel, crew.crew_id)
    travel, crew_id = best if best is not None else (settings.travel_without_crew, None)
    confidence = EtrConfidence.HIGH if cause_known and crew_id is not None else EtrConfidence.LOW
    return EtrEstimate(
        round_up(now + travel + repair), EtrSource.SYSTEM, confidence, repair, travel, crew_id
    )


def etr_moved(old: datetime | None, new: datetime, threshold: timedelta = timedelta(0)) -> bool:
    """Setting `new` moves the ETR: there was one, and the new one differs by more than
    `threshold`. The first ETR is not a move, nor is setting the same time again."""
    return old is not None and abs(new - old) > threshold


def count_moves(history: Iterable[datetime | None], threshold: timedelta = timedelta(0)) -> int:
    """How often the ETR moved over successive values (None: no ETR for a while; the next
    one is compared with the last known one)."""
    moves = 0
    last: datetime | None = None
    for value in history:
        if value is None:
            continue
        if etr_moved(last, value, threshold):
            moves += 1
        last = value
    return moves
