"""Reliability indices: the Vietnamese monthly method (Circ. 05/2025 Art. 15) and IEEE 1366 with
Major Event Days (2.5β), from interruption records. Plain Python and numpy.

    table = InterruptionTable.from_records(interruptions)   # or .from_columns(...) from SQL
    report = reliability_report(Method.VN, table, date(2026, 1, 1), date(2026, 12, 31),
                                CustomerCounts(monthly={(2026, 1): 60_000, ...}))
    report.to_json_dict()

Days and months are local (Asia/Ho_Chi_Minh); an interruption counts, whole, in the day and
month it began. Nothing is rounded here: round for display only.
"""

from ops.reliability.breakdowns import BreakdownRow
from ops.reliability.calendar import ReportPeriod, YearMonth
from ops.reliability.customer_counts import (
    CustomerBase,
    CustomerBasis,
    CustomerCounts,
    MissingCustomerCount,
)
from ops.reliability.history_csv import (
    COLUMNS,
    InvalidInterruptionsFile,
    parse_interruptions_csv,
    read_interruptions_csv,
)
from ops.reliability.ieee1366 import CnSource, IeeeIndices, IeeeReport, ieee_report
from ops.reliability.indices import ReliabilityReport, reliability_report
from ops.reliability.interruptions import MOMENTARY_LIMIT, Interruption, InterruptionTable
from ops.reliability.major_events import MajorEventDay, MajorEvents, MedStatus
from ops.reliability.options import CemiRule, Method, ReliabilitySettings, StdDev
from ops.reliability.selection import PLANNED_REASON, ExcludedGroup
from ops.reliability.snapshots import (
    CustomerCountChange,
    MonthlySnapshot,
    SnapshotBasis,
    SnapshotPlan,
    counts_for_report,
    months_needing_snapshot,
    snapshots_due,
)
from ops.reliability.vn_method import VnIndices, VnMonth, VnParts, VnReport, vn_report

__all__ = [
    "COLUMNS",
    "MOMENTARY_LIMIT",
    "PLANNED_REASON",
    "BreakdownRow",
    "CemiRule",
    "CnSource",
    "CustomerBase",
    "CustomerBasis",
    "CustomerCountChange",
    "CustomerCounts",
    "ExcludedGroup",
    "IeeeIndices",
    "IeeeReport",
    "Interruption",
    "InterruptionTable",
    "InvalidInterruptionsFile",
    "MajorEventDay",
    "MajorEvents",
    "MedStatus",
    "Method",
    "MissingCustomerCount",
    "MonthlySnapshot",
    "ReliabilityReport",
    "ReliabilitySettings",
    "ReportPeriod",
    "SnapshotBasis",
    "SnapshotPlan",
    "StdDev",
    "VnIndices",
    "VnMonth",
    "VnParts",
    "VnReport",
    "YearMonth",
    "counts_for_report",
    "ieee_report",
    "months_needing_snapshot",
    "parse_interruptions_csv",
    "read_interruptions_csv",
    "reliability_report",
    "snapshots_due",
    "vn_report",
]
