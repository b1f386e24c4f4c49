"""The local calendar of a report: months and days in the policy's zone (Asia/Ho_Chi_Minh by
default), as UTC microseconds.

Instants are kept as integer microseconds since the Unix epoch (UTC), so that placing 50,000
interruptions in their month or day is one `numpy.searchsorted` over the local boundaries.
The boundaries come from `zoneinfo`, not from a fixed +7 h.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray

from ops.clock import LOCAL_TZ

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US_PER_MINUTE = 60_000_000
_ONE_US = timedelta(microseconds=1)


def epoch_us(at: datetime) -> int:
    """Microseconds since the epoch of an aware instant."""
    if at.tzinfo is None:
        raise ValueError(f"{at.isoformat()} has no time zone")
    return (at - EPOCH) // _ONE_US


def from_epoch_us(us: int) -> datetime:
    """The aware UTC instant of `epoch_us`."""
    return EPOCH + timedelta(microseconds=us)


def local_midnight_us(day: date, zone: ZoneInfo = LOCAL_TZ) -> int:
    """The instant a local calendar day begins."""
    return epoch_us(datetime.combine(day, time(), tzinfo=zone))


def years_before(day: date, years: int) -> date:
    """The same calendar date `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class YearMonth(NamedTuple):
    """A local calendar month; equal to the plain tuple (year, month), so it keys mappings."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.month:02d}/{self.year}"

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    @classmethod
    def containing(cls, at: datetime, zone: ZoneInfo = LOCAL_TZ) -> YearMonth:
        """The local month an instant falls in."""
        return cls.of(at.astimezone(zone).date())

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> YearMonth:
        return (
            YearMonth(self.year + 1, 1)
            if self.month == 12
            else YearMonth(self.year, self.month + 1)
        )

    def previous(self) -> YearMonth:
        return (
            YearMonth(self.year - 1, 12)
            if self.month == 1
            else YearMonth(self.year, self.month - 1)
        )


def months_from(first: YearMonth, last: YearMonth) -> tuple[YearMonth, ...]:
    """Every month from `first` to `last`, both included."""
    out = []
    month = first
    while month <= last:
        out.append(month)
        month = month.next()
    return tuple(out)


def day_edges_us(first: date, stop: date, zone: ZoneInfo = LOCAL_TZ) -> NDArray[np.int64]:
    """Local midnights from `first` to `stop` (both included): the edges of the days between."""
    count = (stop - first).days
    return np.array(
        [local_midnight_us(first + timedelta(days=k), zone) for k in range(count + 1)],
        dtype=np.int64,
    )


def bin_of(edges: NDArray[np.int64], at_us: NDArray[np.int64]) -> NDArray[np.intp]:
    """Index of the interval [edges[k], edges[k+1]) each instant falls in; -1 when outside."""
    index = np.searchsorted(edges, at_us, side="right") - 1
    index[(index < 0) | (index >= len(edges) - 1)] = -1
    return index


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """Local calendar days `first_day` to `last_day`, both included."""

    first_day: date
    last_day: date
    zone: ZoneInfo = LOCAL_TZ

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError(
                f"the period ends ({self.last_day.isoformat()}) before it begins "
                f"({self.first_day.isoformat()})"
            )

    @property
    def start_us(self) -> int:
        return local_midnight_us(self.first_day, self.zone)

    @property
    def end_us(self) -> int:
        """The local midnight after the last day (exclusive)."""
        return local_midnight_us(self.last_day + timedelta(days=1), self.zone)

    @property
    def minutes(self) -> float:
        return (self.end_us - self.start_us) / US_PER_MINUTE

    @property
    def months(self) -> tuple[YearMonth, ...]:
        return months_from(YearMonth.of(self.first_day), YearMonth.of(self.last_day))

    def month_edges_us(self) -> NDArray[np.int64]:
        """Period start, the first instant of each later month, period end: len(months) + 1."""
        inner = [local_midnight_us(m.first_day, self.zone) for m in self.months[1:]]
        return np.array([self.start_us, *inner, self.end_us], dtype=np.int64)
