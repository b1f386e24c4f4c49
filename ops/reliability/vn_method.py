"""Reliability indices by the Vietnamese method (Circ. 05/2025/TT-BCT Art. 15).

Per local calendar month t with that month's customer count K_t:
SAIDI_t = Σ T_i·K_i / K_t (T_i in minutes, sustained only), SAIFI_t = Σ K_i / K_t,
MAIFI_t = Σ K_j / K_t over momentary interruptions. A period of several months is the SUM of
its monthly values. Decisions where the texts are open:

- an interruption counts, whole, in the month it began (local time), even if it ran on into the
  next month;
- a momentary record with several device operations is that many momentary interruptions
  ("lần mất điện thoáng qua") in MAIFI; MAIFI_E counts it once, as IEEE 1366 does;
- a period that cuts a month counts that month's interruptions inside the period, still with
  the month's full K_t;
- ASAI, not a Vietnamese index, is given as 1 − SAIDI / minutes in the period.

Headline ("toàn phần") includes planned interruptions unless the settings leave them out;
the fault ("sự cố") and planned ("kế hoạch") parts add up to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.breakdowns import BreakdownRow, by_cause, by_feeder
from ops.reliability.calendar import ReportPeriod, YearMonth
from ops.reliability.customer_counts import CustomerBasis, CustomerCounts
from ops.reliability.interruptions import InterruptionTable
from ops.reliability.major_events import MajorEvents
from ops.reliability.options import Method, ReliabilitySettings
from ops.reliability.selection import ExcludedGroup, Selection, select
from ops.reliability.tally import Tally, tally


@dataclass(frozen=True, slots=True)
class VnIndices:
    """SAIFI, SAIDI (minutes), MAIFI (device operations) and MAIFI_E (events) of one part."""

    saifi: float
    saidi: float
    maifi: float
    maifi_e: float

    @property
    def caidi(self) -> float | None:
        return self.saidi / self.saifi if self.saifi else None

    @classmethod
    def of(cls, t: Tally, k: int = 0) -> VnIndices:
        return cls(float(t.saifi[k]), float(t.saidi[k]), float(t.maifi[k]), float(t.maifi_e[k]))

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "saifi": self.saifi,
            "saidi": self.saidi,
            "caidi": self.caidi,
            "maifi": self.maifi,
            "maifi_e": self.maifi_e,
        }


@dataclass(frozen=True, slots=True)
class VnParts:
    """Headline (toàn phần) and its fault (sự cố) and planned (kế hoạch) parts."""

    total: VnIndices
    fault: VnIndices
    planned: VnIndices

    def to_json_dict(self) -> dict[str, Any]:
        return {
            **self.total.to_json_dict(),
            "fault": self.fault.to_json_dict(),
            "planned": self.planned.to_json_dict(),
        }


@dataclass(frozen=True, slots=True)
class VnMonth:
    month: YearMonth
    customers: int  # K_t
    parts: VnParts
    customer_interruptions: int  # Σ K_i, sustained
    customer_minutes: float  # Σ T_i·K_i, sustained

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "year": self.month.year,
            "month": self.month.month,
            "customers": self.customers,
            **self.parts.to_json_dict(),
            "customer_interruptions": self.customer_interruptions,
            "customer_minutes": self.customer_minutes,
        }


@dataclass(frozen=True, slots=True)
class VnReport:
    """A period's indices by the Vietnamese method: the months, their sum, and breakdowns."""

    first_day: date
    last_day: date
    customers_served: float  # informative only: the method divides by each month's K_t
    customers_basis: CustomerBasis
    parts: VnParts  # the period: sum of the months
    asai: float
    months: tuple[VnMonth, ...]
    without_major_events: VnParts
    major_events: MajorEvents
    by_feeder: tuple[BreakdownRow, ...]
    by_cause: tuple[BreakdownRow, ...]
    excluded: tuple[ExcludedGroup, ...]
    settings: ReliabilitySettings
    method: Method = field(default=Method.VN, init=False)

    @property
    def saifi(self) -> float:
        return self.parts.total.saifi

    @property
    def saidi(self) -> float:
        return self.parts.total.saidi

    @property
    def maifi(self) -> float:
        return self.parts.total.maifi

    @property
    def maifi_e(self) -> float:
        return self.parts.total.maifi_e

    @property
    def caidi(self) -> float | None:
        return self.parts.total.caidi

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "method": str(self.method),
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "customers_served": self.customers_served,
            "customers_basis": str(self.customers_basis),
            **self.parts.to_json_dict(),
            "asai": self.asai,
            "months": [m.to_json_dict() for m in self.months],
            "without_major_events": self.without_major_events.to_json_dict(),
            "major_events": self.major_events.to_json_dict(),
            "by_feeder": [r.to_json_dict() for r in self.by_feeder],
            "by_cause": [r.to_json_dict() for r in self.by_cause],
            "excluded": [g.to_json_dict() for g in self.excluded],
            "include_planned": self.settings.include_planned,
            "excluded_categories": sorted(self.settings.excluded_categories),
        }


def vn_report(
    table: InterruptionTable,
    first_day: date,
    last_day: date,
    customers: CustomerCounts,
    settings: ReliabilitySettings | None = None,
) -> VnReport:
    """Indices of the local days `first_day`..`last_day` (both included) by the VN method.

    `table` may hold years of history: it is where Major Event Days are found from. Raises
    `MissingCustomerCount` naming the months of the period that have no count.
    """
    settings = settings or ReliabilitySettings()
    period = ReportPeriod(first_day, last_day, settings.zone)
    k_t = customers.for_months(period.months)
    served, basis = customers.period_count(period.months, settings.customer_base)
    chosen = select(table, period, customers, settings)
    weight = 1.0 / k_t[chosen.month]  # 1/K_t of the month each interruption began in

    monthly = _parts_by_month(chosen, weight)
    parts = VnParts(*(VnIndices.of(t.total()) for t in monthly))  # the sum of the months
    months = tuple(
        VnMonth(
            month=m,
            customers=int(k_t[k]),
            parts=VnParts(*(VnIndices.of(t, k) for t in monthly)),
            customer_interruptions=int(monthly[0].customer_interruptions[k]),
            customer_minutes=float(monthly[0].customer_minutes[k]),
        )
        for k, m in enumerate(period.months)
    )
    return VnReport(
        first_day=first_day,
        last_day=last_day,
        customers_served=served,
        customers_basis=basis,
        parts=parts,
        asai=1.0 - parts.total.saidi / period.minutes,
        months=months,
        without_major_events=VnParts(
            *(VnIndices.of(t.total()) for t in _parts_by_month(chosen, weight, chosen.normal))
        ),
        major_events=chosen.major_events,
        by_feeder=by_feeder(chosen.table, chosen.counted, weight),
        by_cause=by_cause(chosen.table, chosen.counted, weight),
        excluded=chosen.excluded,
        settings=settings,
    )


def _parts_by_month(
    chosen: Selection, weight: NDArray[np.float64], mask: NDArray[np.bool_] | None = None
) -> tuple[Tally, Tally, Tally]:
    """Monthly tallies of the headline, fault and planned parts of `mask` (default: counted)."""
    table = chosen.table
    mask = chosen.counted if mask is None else mask
    months = len(chosen.period.months)

    def part(where: NDArray[np.bool_]) -> Tally:
        return tally(table, where, chosen.month, months, weight)

    return part(mask), part(mask & ~table.planned), part(mask & table.planned)
