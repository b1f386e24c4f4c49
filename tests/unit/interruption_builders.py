"""Interruptions for the reliability tests in one line each, at local (Asia/Ho_Chi_Minh) times."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from ops.clock import LOCAL_TZ
from ops.reliability import Interruption, InterruptionTable

_ids = itertools.count(1)


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A local wall-clock time (UTC+7)."""
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


def outage(
    start: datetime,
    minutes: float,
    customers: int,
    *,
    planned: bool = False,
    cause: str = "tree",
    feeder: str | None = None,
    operations: int = 1,
    exclusion: str | None = None,
) -> Interruption:
    """`customers` customers without supply for `minutes` minutes from `start`."""
    return Interruption(
        interruption_id=f"I{next(_ids)}",
        start=start,
        end=start + timedelta(minutes=minutes),
        customers=customers,
        planned=planned,
        cause=cause,
        feeder=feeder,
        operations=operations,
        exclusion=exclusion,
    )


def table(*records: Interruption) -> InterruptionTable:
    return InterruptionTable.from_records(records)
