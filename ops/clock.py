"""Time for the domain: one zone for display, UTC inside, and a clock that tests can replace."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    """Anything that can say what time it is now (aware, UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to: for tests and for deterministic demo data."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)


def to_local(at: datetime) -> datetime:
    """The same instant in Asia/Ho_Chi_Minh, for display."""
    return at.astimezone(LOCAL_TZ)


def format_local(at: datetime | None, pattern: str = "%H:%M %d/%m/%Y") -> str:
    """Vietnamese-style date and time of an instant, empty for none."""
    return "" if at is None else to_local(at).strftime(pattern)
