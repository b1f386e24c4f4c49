"""One entry point for both methods, for the command line and the report window."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ops.reliability.customer_counts import CustomerCounts
from ops.reliability.ieee1366 import IeeeReport, ieee_report
from ops.reliability.interruptions import InterruptionTable
from ops.reliability.options import Method, ReliabilitySettings
from ops.reliability.vn_method import VnReport, vn_report

ReliabilityReport = VnReport | IeeeReport


def reliability_report(
    method: Method,
    table: InterruptionTable,
    first_day: date,
    last_day: date,
    customers: CustomerCounts,
    settings: ReliabilitySettings | None = None,
    *,
    customers_interrupted: int | None = None,
    per_customer_counts: Mapping[int, int] | None = None,
) -> ReliabilityReport:
    """The report of the local days `first_day`..`last_day` by `method`.

    CN and per-customer counts only matter to IEEE 1366 (CAIFI, CTAIDI, CEMI_n).
    """
    if method is Method.VN:
        return vn_report(table, first_day, last_day, customers, settings)
    return ieee_report(
        table,
        first_day,
        last_day,
        customers,
        settings,
        customers_interrupted=customers_interrupted,
        per_customer_counts=per_customer_counts,
    )
