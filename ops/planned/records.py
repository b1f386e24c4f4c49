"""Planned interruptions: announced work with its window, reason and switching plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class PlanStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    IN_PROGRESS = "inProgress"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class SwitchAction(StrEnum):
    """What a switching step does to a device (CIM SwitchActionKind)."""

    OPEN = "open"
    CLOSE = "close"
    DISABLE_RECLOSING = "disableReclosing"
    ENABLE_RECLOSING = "enableReclosing"


@dataclass(frozen=True, slots=True)
class SwitchingStep:
    sequence: int
    device_id: str
    action: SwitchAction


@dataclass(frozen=True, slots=True)
class PlannedOutage:
    """Announced work that takes customers off supply for a known window."""

    plan_id: int
    reference: str
    title: str
    reason: str
    area_text: str
    starts_at: datetime
    ends_at: datetime
    status: PlanStatus
    crew_id: str | None
    steps: tuple[SwitchingStep, ...]
    customers_affected: int
