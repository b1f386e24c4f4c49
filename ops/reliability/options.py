"""What a policy profile decides about reliability reports; the defaults follow the regulations
notes (exclusions empty until the profile names them, sample standard deviation, CEMI "more
than n")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reliability.customer_counts import CustomerBase
from ops.reliability.interruptions import MOMENTARY_LIMIT


class Method(StrEnum):
    """How a report computes its indices; every report says which it used."""

    VN = "vn"  # Circ. 05/2025 Art. 15: per month with that month's customers, period = sum
    IEEE1366 = "ieee1366"  # one N_T for the period, Major Event Days by 2.5β


class StdDev(StrEnum):
    """Standard deviation of the log daily SAIDI for the 2.5β method."""

    SAMPLE = "sample"  # n - 1
    POPULATION = "population"  # n


class CemiRule(StrEnum):
    """Whether CEMI_n counts customers with more than n, or n or more, sustained interruptions."""

    MORE_THAN = "more-than"
    AT_LEAST = "at-least"


@dataclass(frozen=True, slots=True)
class ReliabilitySettings:
    """The knobs of a reliability report. Exclusions match an interruption's category (the
    exclusion category a dispatcher assigned, else its cause)."""

    excluded_categories: frozenset[str] = frozenset()
    include_planned: bool = True
    # Up to and including this long an interruption is momentary (5:00 exactly: momentary).
    momentary_limit: timedelta = MOMENTARY_LIMIT
    zone: ZoneInfo = LOCAL_TZ  # local days and months
    customer_base: CustomerBase = CustomerBase.AVERAGE
    major_events: bool = True
    med_history_years: int = 5
    med_std: StdDev = StdDev.SAMPLE
    # Whether planned interruptions add to the daily SAIDI that Major Event Days are found from
    # (only when they are in the report at all).
    med_counts_planned: bool = True
    cemi_n: int = 3
    cemi_rule: CemiRule = CemiRule.MORE_THAN

    def __post_init__(self) -> None:
        if self.med_history_years < 1:
            raise ValueError("the Major Event Day history needs at least one year")
        if self.momentary_limit < timedelta(0):
            raise ValueError("the momentary limit cannot be negative")
        if self.cemi_n < 0:
            raise ValueError("CEMI n cannot be negative")
