"""Major Event Days by the 2.5β method (IEEE 1366).

Daily SAIDI of the `med_history_years` years before the report period (fewer if that is all
there is), zero days dropped, natural logs: α = mean, β = standard deviation (sample by
default), T_MED = exp(α + 2.5β). A day of the report period whose SAIDI exceeds T_MED is a
Major Event Day. Days are local (the settings' zone) and an interruption counts, whole, on the day
it began. A day's SAIDI divides by the customer count of its month (or the N given for the
period); history months without a snapshot take the nearest month's count and are listed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.calendar import (
    ReportPeriod,
    YearMonth,
    bin_of,
    day_edges_us,
    months_from,
    years_before,
)
from ops.reliability.customer_counts import CustomerCounts
from ops.reliability.interruptions import InterruptionTable
from ops.reliability.options import ReliabilitySettings, StdDev

BETA_MULTIPLE = 2.5


class MedStatus(StrEnum):
    COMPUTED = "computed"
    OFF = "off"  # switched off in the settings
    TOO_LITTLE_HISTORY = "too-little-history"  # fewer non-zero days than the deviation needs


@dataclass(frozen=True, slots=True)
class MajorEventDay:
    day: date
    saidi: float


@dataclass(frozen=True, slots=True)
class MajorEvents:
    """The threshold, how it was found, and the report period's Major Event Days."""

    status: MedStatus
    std: StdDev
    history_first_day: date | None = None
    history_last_day: date | None = None
    history_days: int = 0  # non-zero days the threshold was computed from
    alpha: float | None = None
    beta: float | None = None
    t_med: float | None = None
    days: tuple[MajorEventDay, ...] = ()
    estimated_months: tuple[YearMonth, ...] = ()  # history months without a customer count

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "status": str(self.status),
            "std": str(self.std),
            "history_first_day": _iso(self.history_first_day),
            "history_last_day": _iso(self.history_last_day),
            "history_days": self.history_days,
            "alpha": self.alpha,
            "beta": self.beta,
            "t_med": self.t_med,
            "days": [{"date": d.day.isoformat(), "saidi": d.saidi} for d in self.days],
            "estimated_months": [str(m) for m in self.estimated_months],
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def threshold(daily_saidi: NDArray[np.float64], std: StdDev) -> tuple[float, float, float] | None:
    """(α, β, T_MED) from daily SAIDI values; zero days are dropped. None if too few days."""
    logs = np.log(daily_saidi[daily_saidi > 0])
    ddof = 1 if std is StdDev.SAMPLE else 0
    if len(logs) <= ddof:
        return None
    alpha, beta = float(logs.mean()), float(logs.std(ddof=ddof))
    return alpha, beta, math.exp(alpha + BETA_MULTIPLE * beta)


def find_major_events(
    table: InterruptionTable,
    mask: NDArray[np.bool_],
    period: ReportPeriod,
    customers: CustomerCounts,
    settings: ReliabilitySettings,
) -> tuple[MajorEvents, NDArray[np.bool_]]:
    """The Major Event Days of `period`, and which interruptions began on one.

    `mask` selects the interruptions whose sustained customer-minutes make up daily SAIDI.
    """
    if not settings.major_events:
        return MajorEvents(MedStatus.OFF, settings.med_std), np.zeros(len(table), dtype=np.bool_)
    first = years_before(period.first_day, settings.med_history_years)
    history_days = (period.first_day - first).days
    edges = day_edges_us(first, period.last_day + timedelta(days=1), period.zone)
    month_of_day, monthly, history_months, estimated = _monthly_customers(first, period, customers)

    sustained = mask & table.sustained
    day = bin_of(edges, table.start_us[sustained])
    inside = day >= 0
    minutes = np.bincount(
        day[inside], weights=table.customer_minutes[sustained][inside], minlength=len(edges) - 1
    )
    daily = minutes / monthly[month_of_day]
    # Only an estimated month that had interruptions changes anything: list those.
    used = np.bincount(month_of_day, weights=minutes, minlength=len(monthly)) > 0
    estimated = tuple(m for m in estimated if used[history_months.index(m)])
    found = threshold(daily[:history_days], settings.med_std)
    base = MajorEvents(
        MedStatus.TOO_LITTLE_HISTORY,
        settings.med_std,
        first,
        period.first_day - timedelta(days=1),
        int(np.count_nonzero(daily[:history_days] > 0)),
        estimated_months=estimated,
    )
    if found is None:
        return base, np.zeros(len(table), dtype=np.bool_)
    alpha, beta, t_med = found
    in_period = daily[history_days:]
    med = np.flatnonzero(in_period > t_med)
    days = tuple(
        MajorEventDay(period.first_day + timedelta(days=int(k)), float(in_period[k])) for k in med
    )
    is_med_day = np.zeros(len(in_period) + 1, dtype=np.bool_)  # last slot: outside the period
    is_med_day[med] = True
    record_day = bin_of(edges[history_days:], table.start_us)
    on_med = is_med_day[record_day]  # -1 (outside) reads the last slot, which is False
    computed = replace(
        base, status=MedStatus.COMPUTED, alpha=alpha, beta=beta, t_med=t_med, days=days
    )
    return computed, on_med


def _monthly_customers(
    first: date, period: ReportPeriod, customers: CustomerCounts
) -> tuple[NDArray[np.intp], NDArray[np.float64], tuple[YearMonth, ...], tuple[YearMonth, ...]]:
    """Month (index) of each day from `first` to the period's end, the months' counts, the
    history months before the period's first month, and those of them without a count."""
    report_months = period.months
    history_months = months_from(YearMonth.of(first), report_months[0])[:-1]
    history_counts, estimated = (
        customers.for_history(history_months) if history_months else (np.zeros(0), ())
    )
    monthly = np.concatenate([history_counts, customers.for_months(report_months)])
    origin = first.year * 12 + first.month
    days = (period.last_day - first).days + 1
    month_of_day = np.array(
        [
            (d.year * 12 + d.month) - origin
            for d in (first + timedelta(days=k) for k in range(days))
        ],
        dtype=np.intp,
    )
    return month_of_day, monthly, history_months, estimated
