"""Reliability indices by IEEE Std 1366 over a whole period with one N_T.

r_i minutes and N_i customers of sustained interruption i; N_T customers served; CN distinct
customers with at least one sustained interruption. Decisions where the spec is open:

- N_T: given for the period, else the average of the monthly counts of the months the period
  touches (`CustomerBase.AVERAGE`, default) or the count of its last month (`END_OF_PERIOD`);
- CN: given, or taken from per-customer counts, else ESTIMATED as if interruptions struck
  customers independently: CN ≈ N_T·(1 − Π(1 − N_i/N_T)). The result says which
  (`customers_interrupted_source`); the fault, planned and without-MED parts always estimate;
- CEMI_n needs per-customer counts (a histogram: customers with exactly k sustained
  interruptions); without them it is None;
- MAIFI counts device operations, MAIFI_E one event per momentary record;
- an interruption counts, whole, in the local day and month it began.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.breakdowns import BreakdownRow, by_cause, by_feeder, rows
from ops.reliability.calendar import ReportPeriod
from ops.reliability.customer_counts import CustomerBasis, CustomerCounts
from ops.reliability.interruptions import InterruptionTable
from ops.reliability.major_events import MajorEvents
from ops.reliability.options import CemiRule, Method, ReliabilitySettings
from ops.reliability.selection import ExcludedGroup, select
from ops.reliability.tally import tally


class CnSource(StrEnum):
    """Where CN (distinct customers interrupted) came from."""

    GIVEN = "given"
    PER_CUSTOMER_COUNTS = "per-customer-counts"
    ESTIMATED = "estimated-independent"
    NONE = "none"  # no sustained interruption: CN = 0


@dataclass(frozen=True, slots=True)
class IeeeIndices:
    saifi: float
    saidi: float
    caidi: float | None  # None when SAIFI = 0
    caifi: float | None  # None when CN = 0
    ctaidi: float | None
    asai: float
    maifi: float  # device operations
    maifi_e: float  # events
    cemi: float | None  # CEMI_n, only with per-customer counts
    customers_interrupted: float  # CN (an estimate unless the source says otherwise)
    customers_interrupted_source: CnSource
    customer_interruptions: int  # Σ N_i
    customer_minutes: float  # Σ r_i·N_i

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "saifi": self.saifi,
            "saidi": self.saidi,
            "caidi": self.caidi,
            "caifi": self.caifi,
            "ctaidi": self.ctaidi,
            "asai": self.asai,
            "maifi": self.maifi,
            "maifi_e": self.maifi_e,
            "cemi": self.cemi,
            "customers_interrupted": self.customers_interrupted,
            "customers_interrupted_source": str(self.customers_interrupted_source),
            "customer_interruptions": self.customer_interruptions,
            "customer_minutes": self.customer_minutes,
        }


@dataclass(frozen=True, slots=True)
class IeeeReport:
    first_day: date
    last_day: date
    customers_served: float  # N_T
    customers_basis: CustomerBasis
    minutes_in_period: float
    total: IeeeIndices
    fault: IeeeIndices
    planned: IeeeIndices
    without_major_events: IeeeIndices
    major_events: MajorEvents
    by_month: tuple[BreakdownRow, ...]  # key "YYYY-MM", contributions over N_T
    by_feeder: tuple[BreakdownRow, ...]
    by_cause: tuple[BreakdownRow, ...]
    excluded: tuple[ExcludedGroup, ...]
    settings: ReliabilitySettings
    method: Method = field(default=Method.IEEE1366, init=False)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "method": str(self.method),
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "customers_served": self.customers_served,
            "customers_basis": str(self.customers_basis),
            "minutes_in_period": self.minutes_in_period,
            **self.total.to_json_dict(),
            "cemi_n": self.settings.cemi_n,
            "cemi_rule": str(self.settings.cemi_rule),
            "fault": self.fault.to_json_dict(),
            "planned": self.planned.to_json_dict(),
            "without_major_events": self.without_major_events.to_json_dict(),
            "major_events": self.major_events.to_json_dict(),
            "by_month": [r.to_json_dict() for r in self.by_month],
            "by_feeder": [r.to_json_dict() for r in self.by_feeder],
            "by_cause": [r.to_json_dict() for r in self.by_cause],
            "excluded": [g.to_json_dict() for g in self.excluded],
            "include_planned": self.settings.include_planned,
            "excluded_categories": sorted(self.settings.excluded_categories),
        }


def ieee_report(
    table: InterruptionTable,
    first_day: date,
    last_day: date,
    customers: CustomerCounts,
    settings: ReliabilitySettings | None = None,
    *,
    customers_interrupted: int | None = None,
    per_customer_counts: Mapping[int, int] | None = None,
) -> IeeeReport:
    """IEEE 1366 indices of the local days `first_day`..`last_day` (both included).

    `customers_interrupted` (CN) and `per_customer_counts` ({k: customers with exactly k
    sustained interruptions}) must describe the headline interruptions (after exclusions).
    """
    settings = settings or ReliabilitySettings()
    period = ReportPeriod(first_day, last_day, settings.zone)
    n_t, basis = customers.period_count(period.months, settings.customer_base)
    chosen = select(table, period, customers, settings)
    inside = chosen.table  # the period's interruptions
    counted = chosen.counted
    weight = 1.0 / n_t

    def indices(mask: NDArray[np.bool_], cn: tuple[float, CnSource] | None = None) -> IeeeIndices:
        return _indices(inside, mask, n_t, period.minutes, cn)

    cn_given, cemi = _per_customer(customers_interrupted, per_customer_counts, n_t, settings)
    total = indices(counted, cn_given)
    months = chosen.period.months
    return IeeeReport(
        first_day=first_day,
        last_day=last_day,
        customers_served=n_t,
        customers_basis=basis,
        minutes_in_period=period.minutes,
        total=replace(total, cemi=cemi),
        fault=indices(counted & ~inside.planned),
        planned=indices(counted & inside.planned),
        without_major_events=indices(chosen.normal),
        major_events=chosen.major_events,
        by_month=rows(
            tally(inside, counted, chosen.month, len(months), weight),
            [f"{m.year:04d}-{m.month:02d}" for m in months],
            keep_empty=True,
        ),
        by_feeder=by_feeder(inside, counted, weight),
        by_cause=by_cause(inside, counted, weight),
        excluded=chosen.excluded,
        settings=settings,
    )


def _indices(
    table: InterruptionTable,
    mask: NDArray[np.bool_],
    n_t: float,
    minutes: float,
    cn: tuple[float, CnSource] | None,
) -> IeeeIndices:
    sustained = mask & table.sustained
    momentary = mask & table.momentary
    n_i = table.customers[sustained]
    ci = int(n_i.sum())
    cmi = float(table.customer_minutes[sustained].sum())
    momentary_n = table.customers[momentary]
    if cn is None:
        cn = _estimate_cn(n_i, n_t)
    cn_value = cn[0]
    saifi, saidi = ci / n_t, cmi / n_t
    return IeeeIndices(
        saifi=saifi,
        saidi=saidi,
        caidi=saidi / saifi if saifi else None,
        caifi=ci / cn_value if cn_value else None,
        ctaidi=cmi / cn_value if cn_value else None,
        asai=1.0 - cmi / (n_t * minutes),
        maifi=float((momentary_n * table.operations[momentary]).sum()) / n_t,
        maifi_e=float(momentary_n.sum()) / n_t,
        cemi=None,
        customers_interrupted=cn_value,
        customers_interrupted_source=cn[1],
        customer_interruptions=ci,
        customer_minutes=cmi,
    )


def _estimate_cn(n_i: NDArray[np.int64], n_t: float) -> tuple[float, CnSource]:
    """Distinct customers interrupted if each interruption struck customers at random."""
    if not len(n_i) or not n_i.any():
        return 0.0, CnSource.NONE
    share = np.minimum(n_i / n_t, 1.0)
    if np.any(share >= 1.0):
        return n_t, CnSource.ESTIMATED
    return n_t * -float(np.expm1(np.log1p(-share).sum())), CnSource.ESTIMATED


def _per_customer(
    cn: int | None,
    counts: Mapping[int, int] | None,
    n_t: float,
    settings: ReliabilitySettings,
) -> tuple[tuple[float, CnSource] | None, float | None]:
    """CN (if known) and CEMI_n (if per-customer counts are given)."""
    if cn is not None and cn < 0:
        raise ValueError("customers interrupted cannot be negative")
    if counts is None:
        return (None if cn is None else (float(cn), CnSource.GIVEN)), None
    if any(k < 0 or v < 0 for k, v in counts.items()):
        raise ValueError("per-customer interruption counts cannot be negative")
    n = settings.cemi_n
    more = n + 1 if settings.cemi_rule is CemiRule.MORE_THAN else n
    cemi = sum(v for k, v in counts.items() if k >= more) / n_t
    if cn is not None:
        return (float(cn), CnSource.GIVEN), cemi
    return (float(sum(v for k, v in counts.items() if k >= 1)), CnSource.PER_CUSTOMER_COUNTS), cemi
