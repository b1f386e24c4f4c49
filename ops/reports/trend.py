"""SAIDI month by month for the feeders that weigh most: the trend chart "by month and feeder".

Counts what the report counted (same exclusions, planned or not), each month's contribution
divided as the report divides: by that month's K_t (VN) or by the period's N_T (IEEE 1366).
"""

from __future__ import annotations

import numpy as np

from ops.reliability import InterruptionTable, ReliabilityReport, VnReport
from ops.reliability.calendar import ReportPeriod, bin_of

TOP_FEEDERS = 5


def feeder_trend(
    table: InterruptionTable, report: ReliabilityReport, top: int = TOP_FEEDERS
) -> dict[str, list[float]]:
    """{feeder: SAIDI contribution of each month of the period} for the `top` feeders."""
    settings = report.settings
    period = ReportPeriod(report.first_day, report.last_day, settings.zone)
    table = table.with_momentary_limit(settings.momentary_limit)
    month = bin_of(period.month_edges_us(), table.start_us)
    excluded = [k for k, c in enumerate(table.categories) if c in settings.excluded_categories]
    counted = (month >= 0) & table.sustained & ~np.isin(table.category_code, excluded)
    if not settings.include_planned:
        counted &= ~table.planned
    if isinstance(report, VnReport):
        divide = np.array([m.customers for m in report.months], dtype=np.float64)
    else:
        divide = np.full(len(period.months), report.customers_served)
    ranked = sorted((b for b in report.by_feeder if b.key and b.saidi > 0), key=lambda b: -b.saidi)[
        :top
    ]
    trend: dict[str, list[float]] = {}
    for row in ranked:
        code = table.feeders.index(row.key) if row.key in table.feeders else -1
        rows = counted & (table.feeder_code == code)
        minutes = np.bincount(
            month[rows], weights=table.customer_minutes[rows], minlength=len(period.months)
        )
        trend[str(row.key)] = [float(v) for v in minutes / divide]
    return trend
