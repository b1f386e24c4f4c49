"""Compliance exceptions: a rule knowingly not met, with the reason given, for the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ExceptionKind(StrEnum):
    LEAD_TIME = "lead_time"  # approved although the first notice cannot meet the lead time
    BLACKOUT = "blackout"  # approved although the window touches a blackout period
    LATE_NOTICE = "late_notice"  # went out late (no console ran) and so missed the lead time


@dataclass(frozen=True, slots=True)
class ComplianceException:
    """One rule not met for one plan: what, by how much, and why (the override reason)."""

    plan_id: int
    kind: ExceptionKind
    detail: str  # Vietnamese, for the report
    reason: str  # the override reason given, or the system's account for a late notice
    at: datetime  # when it was recorded

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("a compliance exception needs a reason")
