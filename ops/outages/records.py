"""Outages as the dispatcher sees them: status, cause, who is dark, when supply is expected back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ops.network.records import Coord


class OutageStatus(StrEnum):
    """Lifecycle of an outage, by the CIM status names."""

    PREDICTED = "predicted"
    CONFIRMED = "confirmed"
    PARTIALLY_RESTORED = "partiallyRestored"
    RESTORED = "restored"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        """Customers may still be dark: the outage needs the dispatcher's attention."""
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset(
    {OutageStatus.PREDICTED, OutageStatus.CONFIRMED, OutageStatus.PARTIALLY_RESTORED}
)


class OutageKind(StrEnum):
    """Unplanned (a fault) or planned (announced work)."""

    UNPLANNED = "unplanned"
    PLANNED = "planned"


class EtrSource(StrEnum):
    """Where an estimated restoration time came from."""

    SYSTEM = "system"
    CREW = "crew"
    DISPATCHER = "dispatcher"


class EtrConfidence(StrEnum):
    HIGH = "high"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Outage:
    """One outage: the device that opened, the customers it darkened, and where it stands."""

    outage_id: int
    reference: str  # human reference, e.g. SC-2026-0001
    kind: OutageKind
    status: OutageStatus
    device_id: str | None
    feeder_id: str | None
    cause: str
    started_at: datetime
    reported_at: datetime
    restored_at: datetime | None
    etr: datetime | None
    etr_source: EtrSource | None
    etr_confidence: EtrConfidence | None
    etr_changes: int
    customers_affected: int
    customers_out: int
    priority_customers: int
    position: Coord | None
    crew_ids: tuple[str, ...] = ()
    planned_outage_id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """An append-only line in an outage's history: what happened, when, and who entered it."""

    entry_id: int
    outage_id: int
    kind: str
    text: str
    occurred_at: datetime
    entered_at: datetime
    entered_by: str
    corrects: int | None = None  # the entry this one corrects (entries are never edited)
    data: tuple[tuple[str, str], ...] = ()  # structured details, as the service gave them
