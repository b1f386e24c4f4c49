"""Where the crews are: positions from a vehicle-tracking file or entered by the dispatcher.

A tracking system drops a CSV file (`vehicle,latitude,longitude,timestamp`, or `crew_id`
instead of `vehicle`). The whole file is checked before anything is stored: one bad line, a
position outside Vietnam or an unknown crew id refuses the file, with every problem listed,
so the map never shows half of a file. Vehicles that are no crew's are skipped: a tracker
reports the whole fleet (cars, trucks between jobs), and refusing for them would stop the
feed until every vehicle had a crew. A report only moves a crew if it is newer than the
position stored, so a late or repeated file changes nothing. Positions are not journaled
(a tracker reports every minute); the crew record keeps the latest one and its time.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from ops.access.roles import Permission, User, require
from ops.clock import LOCAL_TZ, Clock
from ops.crews.records import Crew
from ops.errors import DomainError, InvalidOperation, NotFound
from ops.network.records import Coord
from ops.outages import editing
from ops.outages.journal import FUTURE_TOLERANCE
from ops.stores import Changes, Store

# Mainland Vietnam with its coastal islands (Phú Quốc, Côn Đảo, Bạch Long Vĩ, Thổ Chu):
# (lon_min, lat_min, lon_max, lat_max). A tracker at (0, 0) has lost its GPS fix.
VIETNAM_BOX = (102.0, 8.0, 110.0, 23.5)
MAX_LISTED = 20  # problems named in one message; the rest are counted


class PositionFileError(DomainError):
    """The position file cannot be used as it is; nothing from it was stored."""

    code = "position_file"

    def __init__(self, problems: Sequence[DomainError]) -> None:
        """`problems`: one refusal per bad line (made, not raised), each with its shape."""
        shown = list(problems[:MAX_LISTED])
        if len(problems) > MAX_LISTED:
            shown.append(InvalidOperation("and {n} more", n=len(problems) - MAX_LISTED))
        super().__init__(
            "position file refused, nothing recorded: {problems}", problems=tuple(shown)
        )
        self.refusals = tuple(problems)
        self.problems = tuple(str(p) for p in problems)  # in English


@dataclass(frozen=True, slots=True)
class PositionReport:
    """One line of a position file: a vehicle (or a crew id) seen somewhere at some time."""

    line: int
    key: str  # the vehicle's plate, or the crew id
    by_vehicle: bool
    position: Coord  # (longitude, latitude)
    at: datetime  # aware, UTC


@dataclass(frozen=True, slots=True)
class PositionFix:
    """A report matched to the crew it belongs to."""

    crew_id: str
    position: Coord
    at: datetime
    vehicle: str | None = None  # as reported, checked again against the stored crew


def position_problem(position: Coord, crew_id: str | None = None) -> InvalidOperation | None:
    """Why a (lon, lat) cannot be a crew's position (the refusal to raise), or None if it can."""
    lon, lat = position
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return InvalidOperation("latitude and longitude must be numbers", crew_id=crew_id)
    if lon == 0 and lat == 0:
        return InvalidOperation("position 0,0 (the tracker has no GPS fix)", crew_id=crew_id)
    lon_min, lat_min, lon_max, lat_max = VIETNAM_BOX
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        return InvalidOperation(
            "latitude {lat}, longitude {lon} is outside Vietnam "
            "(latitude {lat_min}–{lat_max}, longitude {lon_min}–{lon_max})",
            lat=float(lat), lon=float(lon), lat_min=lat_min, lat_max=lat_max,
            lon_min=lon_min, lon_max=lon_max, crew_id=crew_id,
        )  # fmt: skip
    return None


def parse_time(text: str) -> datetime:
    """An ISO 8601 time; without an offset it is local (Asia/Ho_Chi_Minh) time."""
    at = datetime.fromisoformat(text.strip())
    if at.tzinfo is None:
        at = at.replace(tzinfo=LOCAL_TZ)
    return at.astimezone(UTC)


def parse_position_file(text: str, now: datetime) -> tuple[PositionReport, ...]:
    """Every line of the file, checked; PositionFileError naming each bad line otherwise."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise PositionFileError([InvalidOperation("the file is empty (expected a header line)")])
    header = [cell.strip().lower() for cell in rows[0]]
    keys = [k for k in ("vehicle", "crew_id") if k in header]
    missing = [c for c in ("latitude", "longitude", "timestamp") if c not in header]
    if len(keys) != 1 or missing:
        raise PositionFileError(
            [
                InvalidOperation(
                    "line 1: the header must name vehicle (or crew_id), latitude, longitude and "
                    "timestamp; it is {header}",
                    header=repr(",".join(rows[0])),
                )
            ]
        )
    columns = tuple(header.index(c) for c in (keys[0], "latitude", "longitude", "timestamp"))
    reports: list[PositionReport] = []
    problems: list[DomainError] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines, often at the end
        if len(row) != len(header):
            problems.append(
                InvalidOperation(
                    "line {line}: {fields} fields, the header has {expected}",
                    line=number, fields=len(row), expected=len(header),
                )
            )  # fmt: skip
            continue
        problem, report = _report(row, number, columns, keys[0] == "vehicle", now)
        if problem is not None:
            problems.append(
                InvalidOperation("line {line}: {problem}", line=number, problem=problem)
            )
        elif report is not None:
            reports.append(report)
    if problems:
        raise PositionFileError(problems)
    return tuple(reports)


def _report(
    row: list[str], number: int, columns: tuple[int, ...], by_vehicle: bool, now: datetime
) -> tuple[DomainError | None, PositionReport | None]:
    key_col, lat_col, lon_col, at_col = columns
    key = row[key_col].strip()
    if not key:
        return InvalidOperation("no vehicle or crew named"), None
    try:
        lat, lon = float(row[lat_col]), float(row[lon_col])
    except ValueError:
        return InvalidOperation(
            "latitude {lat} / longitude {lon} is not a number",
            lat=repr(row[lat_col]), lon=repr(row[lon_col]),
        ), None  # fmt: skip
    problem = position_problem((lon, lat))
    if problem is not None:
        return InvalidOperation("{key}: {problem}", key=key, problem=problem), None
    try:
        at = parse_time(row[at_col])
    except ValueError:
        return InvalidOperation(
            "{key}: timestamp {timestamp} is not an ISO 8601 time",
            key=key, timestamp=repr(row[at_col]),
        ), None  # fmt: skip
    if at > now + FUTURE_TOLERANCE:
        return InvalidOperation(
            "{key}: timestamp {timestamp} is in the future", key=key, timestamp=row[at_col].strip()
        ), None
    return None, PositionReport(number, key, by_vehicle, (lon, lat), at)


def match_crews(
    reports: Iterable[PositionReport], roster: Sequence[Crew]
) -> tuple[PositionFix, ...]:
    """The reports as fixes of known crews, the newest per crew.

    A vehicle that is no crew's is skipped; an unknown crew id refuses the whole file."""
    by_vehicle = {c.vehicle.strip().upper(): c for c in roster if c.vehicle.strip()}
    by_id = {c.crew_id: c for c in roster}
    newest: dict[str, PositionFix] = {}
    unknown: list[DomainError] = []
    for r in reports:
        crew = by_vehicle.get(r.key.upper()) if r.by_vehicle else by_id.get(r.key)
        if crew is None:
            if not r.by_vehicle:
                unknown.append(
                    InvalidOperation("line {line}: unknown crew {key}", line=r.line, key=r.key)
                )
            continue
        fix = PositionFix(crew.crew_id, r.position, r.at, crew.vehicle if r.by_vehicle else None)
        seen = newest.get(crew.crew_id)
        if seen is None or fix.at >= seen.at:
            newest[crew.crew_id] = fix
    if unknown:
        raise PositionFileError(unknown)
    return tuple(newest[k] for k in sorted(newest))


def positions_from_file(
    text: str, now: datetime, roster: Sequence[Crew]
) -> tuple[PositionFix, ...]:
    """Parse and match a whole file: the fixes to record, or PositionFileError."""
    return match_crews(parse_position_file(text, now), roster)


def record_positions(
    store: Store, user: User, clock: Clock, reports: Iterable[PositionFix]
) -> Changes:
    """Move each crew whose report is newer than its stored position; all or nothing."""
    require(user, Permission.ASSIGN_CREW)
    now = clock.now()
    moved: set[str] = set()
    for fix in reports:
        problem = position_problem(fix.position, fix.crew_id)
        if problem is not None:
            raise problem
        if fix.at > now + FUTURE_TOLERANCE:
            raise InvalidOperation(
                "a position reported for {at} lies in the future", at=fix.at, crew_id=fix.crew_id
            )
        crew = store.crews.get(fix.crew_id)
        if crew is None:
            raise NotFound("crew {crew_id} does not exist", crew_id=fix.crew_id)
        if fix.vehicle is not None and crew.vehicle != fix.vehicle:
            raise InvalidOperation(
                "vehicle {vehicle} is no longer {crew}'s; read the file again",
                vehicle=fix.vehicle,
                crew=crew.name,
                crew_id=fix.crew_id,
            )
        if crew.position_at is not None and fix.at <= crew.position_at:
            continue  # a late or repeated report
        store.crews.update(
            replace(crew, position=fix.position, position_at=fix.at),
            expected_version=crew.version,
        )
        moved.add(crew.crew_id)
    return Changes(crews=frozenset(moved))


def set_crew_position(
    store: Store,
    user: User,
    clock: Clock,
    *,
    crew_id: str,
    crew_version: int,
    position: Coord,
    at: datetime | None = None,
) -> Changes:
    """The dispatcher enters where a crew is (it called in), as of `at` (default now)."""
    require(user, Permission.ASSIGN_CREW)
    when = editing.field_time(at, clock.now())
    problem = position_problem(position, crew_id)
    if problem is not None:
        raise problem
    crew = editing.crew_to_edit(store, crew_id, crew_version)
    if crew.position_at is not None and when < crew.position_at:
        raise InvalidOperation(
            "{crew} has a newer position already ({at}); enter a later time",
            crew=crew.name,
            at=crew.position_at,
            crew_id=crew_id,
        )
    store.crews.update(
        replace(crew, position=position, position_at=when.astimezone(UTC)),
        expected_version=crew_version,
    )
    return Changes(crews=frozenset({crew_id}))
