"""Monthly customer-count snapshots (K_t), so that last year's report does not change when
customers are connected today.

A month's count is the count in force when the month ends (local time). Once a month is over
its snapshot is frozen: stored once and never recomputed. The month in progress has no snapshot;
a report that reaches into it uses the current count, provisionally. The database stores the
snapshots; this module decides which months need one at a given moment and with what count.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reliability.calendar import YearMonth, months_from


@dataclass(frozen=True, slots=True)
class CustomerCountChange:
    """From `at` (aware) on, the company serves `customers` customers."""

    at: datetime
    customers: int

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("a customer-count change needs an aware time")
        if self.customers < 0:
            raise ValueError("a customer count cannot be negative")


class SnapshotBasis(StrEnum):
    HISTORY = "history"  # the count in force at the month's end, from the recorded changes
    CURRENT = "current"  # no recorded change reaches the month: the count when the snapshot ran


@dataclass(frozen=True, slots=True)
class MonthlySnapshot:
    month: YearMonth
    customers: int
    basis: SnapshotBasis


@dataclass(frozen=True, slots=True)
class SnapshotPlan:
    """Snapshots to store now, and closed months whose count cannot be known."""

    snapshots: tuple[MonthlySnapshot, ...]
    undetermined: tuple[YearMonth, ...]


def current_month(now: datetime, zone: ZoneInfo = LOCAL_TZ) -> YearMonth:
    return YearMonth.containing(now, zone)


def is_frozen(month: tuple[int, int], now: datetime, zone: ZoneInfo = LOCAL_TZ) -> bool:
    """A month is frozen once it is over in local time."""
    return month < current_month(now, zone)


def months_needing_snapshot(
    now: datetime,
    stored: Collection[tuple[int, int]],
    since: YearMonth,
    zone: ZoneInfo = LOCAL_TZ,
) -> tuple[YearMonth, ...]:
    """Closed months from `since` on that have no stored snapshot yet, oldest first."""
    last_closed = current_month(now, zone).previous()
    return tuple(m for m in months_from(since, last_closed) if m not in stored)


def count_at_month_end(
    changes: Sequence[CustomerCountChange], month: YearMonth, zone: ZoneInfo = LOCAL_TZ
) -> int | None:
    """The count in force when `month` ends; None if no change precedes that moment."""
    ordered = sorted(changes, key=lambda c: c.at)
    month_end = datetime.combine(month.next().first_day, datetime.min.time(), tzinfo=zone)
    k = bisect.bisect_left([c.at for c in ordered], month_end)
    return ordered[k - 1].customers if k else None


def snapshots_due(
    now: datetime,
    stored: Collection[tuple[int, int]],
    since: YearMonth,
    *,
    changes: Sequence[CustomerCountChange] = (),
    current: int | None = None,
    zone: ZoneInfo = LOCAL_TZ,
) -> SnapshotPlan:
    """What to store at `now`: each closed month without a snapshot gets the count in force at
    its end if the changes reach back that far, else the `current` count (marked so); months
    with neither are undetermined."""
    snapshots, undetermined = [], []
    for month in months_needing_snapshot(now, stored, since, zone):
        known = count_at_month_end(changes, month, zone)
        if known is not None:
            snapshots.append(MonthlySnapshot(month, known, SnapshotBasis.HISTORY))
        elif current is not None:
            snapshots.append(MonthlySnapshot(month, current, SnapshotBasis.CURRENT))
        else:
            undetermined.append(month)
    return SnapshotPlan(tuple(snapshots), tuple(undetermined))


def counts_for_report(
    stored: Mapping[tuple[int, int], int], now: datetime, current: int, zone: ZoneInfo = LOCAL_TZ
) -> dict[tuple[int, int], int]:
    """Stored snapshots, plus the month in progress at the current count (provisional)."""
    counts = {k: v for k, v in stored.items() if is_frozen(k, now, zone)}
    counts[current_month(now, zone)] = current
    return counts
