"""Which interruptions a report counts: those that began in the period (local time), less the
excluded categories (and planned ones when the report leaves them out); where each falls (its
month) and whether it began on a Major Event Day. Shared by both methods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.calendar import ReportPeriod, bin_of
from ops.reliability.customer_counts import CustomerCounts
from ops.reliability.interruptions import InterruptionTable
from ops.reliability.major_events import MajorEvents, find_major_events
from ops.reliability.options import ReliabilitySettings

PLANNED_REASON = "planned"  # the reason listed when planned interruptions are left out


@dataclass(frozen=True, slots=True)
class ExcludedGroup:
    """Interruptions of the period left out for one reason (a category, or "planned")."""

    reason: str
    interruptions: int
    customer_interruptions: int  # sustained
    customer_minutes: float  # sustained

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "interruptions": self.interruptions,
            "customer_interruptions": self.customer_interruptions,
            "customer_minutes": self.customer_minutes,
        }


@dataclass(frozen=True, eq=False)
class Selection:
    """The interruptions that began in the period (`table`, a subset of the input) with, per
    row, whether the report counts it, its month, and whether it began on a Major Event Day."""

    table: InterruptionTable
    period: ReportPeriod
    counted: NDArray[np.bool_]
    month: NDArray[np.intp]  # index into period.months
    excluded: tuple[ExcludedGroup, ...]
    major_events: MajorEvents
    on_major_event_day: NDArray[np.bool_]

    @property
    def normal(self) -> NDArray[np.bool_]:
        """Counted and not on a Major Event Day."""
        return self.counted & ~self.on_major_event_day


def select(
    table: InterruptionTable,
    period: ReportPeriod,
    customers: CustomerCounts,
    settings: ReliabilitySettings,
) -> Selection:
    """`table` may hold years of history: the Major Event Day threshold is found from them."""
    table = table.with_momentary_limit(settings.momentary_limit)
    codes = [k for k, c in enumerate(table.categories) if c in settings.excluded_categories]
    by_category = np.isin(table.category_code, codes)
    by_planned = table.planned & ~by_category if not settings.include_planned else None
    eligible = ~by_category if by_planned is None else ~(by_category | by_planned)
    med_mask = eligible if settings.med_counts_planned else eligible & ~table.planned
    major_events, on_med = find_major_events(table, med_mask, period, customers, settings)

    month = bin_of(period.month_edges_us(), table.start_us)
    rows = np.flatnonzero(month >= 0)  # from here on, only the period's interruptions
    inside = table.take(rows)
    return Selection(
        table=inside,
        period=period,
        counted=eligible[rows],
        month=month[rows],
        excluded=_excluded(
            inside, by_category[rows], None if by_planned is None else by_planned[rows]
        ),
        major_events=major_events,
        on_major_event_day=on_med[rows],
    )


def _excluded(
    table: InterruptionTable, by_category: NDArray[np.bool_], by_planned: NDArray[np.bool_] | None
) -> tuple[ExcludedGroup, ...]:
    groups = []
    for k in np.unique(table.category_code[by_category]):
        groups.append(_group(table, by_category & (table.category_code == k), table.categories[k]))
    if by_planned is not None and np.any(by_planned):
        groups.append(_group(table, by_planned, PLANNED_REASON))
    return tuple(groups)


def _group(table: InterruptionTable, mask: NDArray[np.bool_], reason: str) -> ExcludedGroup:
    sustained = mask & table.sustained
    return ExcludedGroup(
        reason=reason,
        interruptions=int(np.count_nonzero(mask)),
        customer_interruptions=int(table.customers[sustained].sum()),
        customer_minutes=float(table.customer_minutes[sustained].sum()),
    )
