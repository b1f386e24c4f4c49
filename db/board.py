"""What the dispatcher's main screen shows, read in one unit of work."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
from ops.stores import Changes

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


@dataclass(frozen=True, slots=True)
class BoardDelta:
    """The board after a change, and which of its rows the change touched."""

    board: Board
    outages: tuple[Outage, ...]  # changed or new, and on the board
    removed: frozenset[int]  # outages no longer on the board (closed long ago, gone)
    crews: tuple[Crew, ...]  # changed crews


def on_board(outage: Outage, now: datetime) -> bool:
    """Whether `load_board` would list the outage (the query's condition, in Python)."""
    if outage.status.is_open:
        return True
    return outage.restored_at is not None and outage.restored_at >= now - RECENT


def refresh_board(
    db: Database,
    board: Board,
    changes: Changes,
    now: datetime,
    shifts: ShiftPattern | None = None,
) -> BoardDelta:
    """`board` with what `changes` names read again: its outages (those whose journal grew
    too), its crews, the switch states if the network changed, and the shift's work if
    outages or crews did. Everything else is taken from `board` as it is."""
    from db.actions import caches_for

    wanted = set(changes.outages | changes.journal)
    if changes.created_outage is not None:
        wanted.add(changes.created_outage)
    shift = (shifts or ShiftPattern.parse(DEFAULT_SHIFT_STARTS)).shift_at(now)
    with db.session() as s:
        outage_repo = OutageRepository(s)
        read = {i: outage_repo.get(i) for i in sorted(wanted)}
        crew_repo = CrewRepository(s)
        crews = tuple(c for c in map(crew_repo.get, sorted(changes.crews)) if c is not None)
        network = board.network
        if changes.network:
            network = NetworkStateRepository(s, caches_for(db).network).model()
        worked = board.workload
        if changes.outages or changes.crews or changes.created_outage is not None:
            worked = workload(intervals_overlapping(s, shift.start, shift.end), shift, now=now)
    fresh = tuple(o for o in read.values() if o is not None and on_board(o, now))
    removed = frozenset(i for i, o in read.items() if o is None or not on_board(o, now))
    by_id = {o.outage_id: o for o in board.outages}
    for o in fresh:
        by_id[o.outage_id] = o
    for i in removed:
        by_id.pop(i, None)
    crew_by_id = {c.crew_id: c for c in board.crews}
    crew_by_id.update((c.crew_id, c) for c in crews)
    for c in crews:
        if c.retired:  # off the board (the delta still names it, for the table to drop)
            del crew_by_id[c.crew_id]
    merged = replace(
        board,
        network=network,
        outages=tuple(sorted(by_id.values(), key=lambda o: o.started_at, reverse=True)),
        crews=tuple(crew_by_id.values()),
        shift=shift,
        workload=worked,
    )
    return BoardDelta(merged, fresh, removed, crews)
