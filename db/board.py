"""What the dispatcher's main screen shows, read in one unit of work."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from db.database import Database
from db.repositories.assignments import intervals_overlapping
from db.repositories.crews import CrewRepository
from db.repositories.network import NetworkRepository
from db.repositories.network_state import NetworkStateRepository
from db.repositories.outages import OutageRepository
from db.repositories.planned import PlannedOutageRepository
from ops.crews.records import Crew
from ops.crews.shifts import DEFAULT_SHIFT_STARTS, CrewWorkload, ShiftPattern, ShiftWindow, workload
from ops.network.records import NetworkModel
from ops.outages.records import Outage
from ops.planned.records import PlannedOutage

# Restored outages stay on the board this long, so the shift sees what just ended.
RECENT = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class SiteInfo:
    district_name: str
    is_demo: bool
    center: tuple[float, float] | None
    customers: int


@dataclass(frozen=True, slots=True)
class Board:
    site: SiteInfo
    network: NetworkModel
    outages: tuple[Outage, ...]
    crews: tuple[Crew, ...]
    plans: tuple[PlannedOutage, ...]
    # Each crew's work in the shift under way (crews without any are absent).
    shift: ShiftWindow | None = None
    workload: Mapping[str, CrewWorkload] = field(default_factory=dict)


def load_board(db: Database, now: datetime, shifts: ShiftPattern | None = None) -> Board:
    """The board; the network comes from the database's cache, read whole once per import
    (the switch states are read every time: a few hundred rows)."""
    shift = (shifts or ShiftPattern.parse(DEFAULT_SHIFT_STARTS)).shift_at(now)
    from db.actions import caches_for

    with db.session() as s:
        network_repo = NetworkRepository(s)
        network = NetworkStateRepository(s, caches_for(db).network).model()
        customers = network_repo.customer_count()
        outages = tuple(OutageRepository(s).list_board(now - RECENT))
        crews = tuple(CrewRepository(s).list_all())
        plans = tuple(PlannedOutageRepository(s).list_all())
        worked = workload(intervals_overlapping(s, shift.start, shift.end), shift, now=now)
    settings = db.site_settings()
    return Board(_site(settings, customers), network, outages, crews, plans, shift, worked)


def _site(settings: dict[str, str], customers: int) -> SiteInfo:
    center: tuple[float, float] | None = None
    raw = settings.get("map_center")
    if raw:
        try:
            lon, lat = json.loads(raw)
            center = (float(lon), float(lat))
        except (ValueError, TypeError):
            center = None  # a damaged value only costs the initial view; the map fits the data
    return SiteInfo(
        district_name=settings.get("district_name", ""),
        is_demo=settings.get("is_demo") == "1",
        center=center,
        customers=customers,
    )
