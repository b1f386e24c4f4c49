"""Field crews: who they are, where they are, and what they are doing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum

from ops.network.records import Coord


class CrewStatus(StrEnum):
    """Crew dispatch status, by the CIM names."""

    AWAITING = "awaitingCrewAssignment"
    ASSIGNED = "assigned"
    EN_ROUTE = "enroute"
    ARRIVED = "arrived"
    FIELD_COMPLETE = "fieldComplete"


class CrewType(StrEnum):
    LINE = "line"  # overhead line repair
    CABLE = "cable"
    INSPECTION = "inspection"
    SUBSTATION = "substation"


@dataclass(frozen=True, slots=True)
class CrewMember:
    name: str
    role: str
    phone: str


@dataclass(frozen=True, slots=True)
class Crew:
    """A crew with its vehicle, position and present assignment."""

    crew_id: str
    name: str
    crew_type: CrewType
    office: str
    vehicle: str
    phone: str
    status: CrewStatus
    position: Coord | None
    position_at: datetime | None
    members: tuple[CrewMember, ...]
    outage_ids: tuple[int, ...] = ()
    version: int = 1  # optimistic locking: an edit names the version it was made on
    shifts: tuple[time, ...] = ()  # local start times of the shifts it works; () = every shift
    retired: bool = False  # no longer on the board; kept for the history it worked
