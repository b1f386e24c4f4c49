"""IEEE 1366 indices on a month worked out by hand.

January 2026, N_T = 1,000 customers, 31 days = 44,640 minutes:

    A  sustained  60 min × 100 customers, fault,   F1, tree         →  6,000 customer-minutes
    B  sustained  30 min × 200 customers, fault,   F2, lightning    →  6,000
    C  sustained 120 min ×  50 customers, planned, F1, maintenance  →  6,000
    D  momentary, recloser tripped twice, 300 customers, F2
    E  momentary, exactly 5:00, 100 customers, no feeder

Σ N_i = 350, Σ r_i·N_i = 18,000; momentary: operations × customers = 2×300 + 1×100 = 700,
events × customers = 300 + 100 = 400.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from ops.reliability import (
    CemiRule,
    CnSource,
    CustomerBase,
    CustomerCounts,
    InterruptionTable,
    Method,
    ReliabilitySettings,
    ieee_report,
    reliability_report,
)
from tests.unit.interruption_builders import local, outage, table

JAN = (date(2026, 1, 1), date(2026, 1, 31))
N_T = CustomerCounts({(2026, 1): 1000})
approx = pytest.approx


def january() -> InterruptionTable:
    return table(
        outage(local(2026, 1, 3, 8), 60, 100, feeder="F1", cause="tree"),
        outage(local(2026, 1, 9, 13), 30, 200, feeder="F2", cause="lightning"),
        outage(local(2026, 1, 15, 7), 120, 50, feeder="F1", cause="maintenance", planned=True),
        outage(local(2026, 1, 20, 16), 0.5, 300, feeder="F2", cause="recloser", operations=2),
        outage(local(2026, 1, 25, 10), 5, 100, cause="recloser"),
    )


def test_the_index_set_with_cn_given() -> None:
    r = ieee_report(january(), *JAN, N_T, customers_interrupted=300)
    i = r.total
    assert i.saifi == approx(0.35, rel=1e-12)  # 350 / 1,000
    assert i.saidi == approx(18.0, rel=1e-12)  # 18,000 / 1,000
    assert i.caidi == approx(18 / 0.35, rel=1e-12)  # 51.43 min per interruption
    assert i.caifi == approx(350 / 300, rel=1e-12)  # Σ N_i / CN
    assert i.ctaidi == approx(18_000 / 300, rel=1e-12)  # 60 min per interrupted customer
    assert i.asai == approx(1 - 18_000 / (1000 * 44_640), rel=1e-12)
    assert i.maifi == approx(0.7, rel=1e-12)  # 700 / 1,000: the recloser counts twice
    assert i.maifi_e == approx(0.4, rel=1e-12)  # 400 / 1,000: and once as an event
    assert i.customers_interrupted_source is CnSource.GIVEN
    assert r.minutes_in_period == 44_640
    assert r.method is Method.IEEE1366


def test_fault_and_planned_parts() -> None:
    r = ieee_report(january(), *JAN, N_T)
    assert r.fault.saidi == approx(12.0)  # A + B: 12,000 / 1,000
    assert r.planned.saidi == approx(6.0)  # C
    assert r.planned.saifi == approx(0.05)  # 50 / 1,000
    assert r.fault.maifi == approx(0.7)  # the momentary ones are faults


def test_cn_is_estimated_when_not_given_and_the_report_says_so() -> None:
    r = ieee_report(january(), *JAN, N_T)
    # Independent strikes: CN = 1,000 × (1 − 0.9 × 0.8 × 0.95) = 1,000 × 0.316 = 316.
    assert r.total.customers_interrupted == approx(316.0, rel=1e-12)
    assert r.total.customers_interrupted_source is CnSource.ESTIMATED
    assert r.total.caifi == approx(350 / 316, rel=1e-12)
    assert r.total.cemi is None  # needs per-customer counts


def test_cemi_from_per_customer_counts_more_than_n_or_n_or_more() -> None:
    # 250 customers interrupted once, 50 twice: 250 + 2 × 50 = 350 = Σ N_i; CN = 300.
    counts = {1: 250, 2: 50}
    more_than = ieee_report(
        january(), *JAN, N_T, ReliabilitySettings(cemi_n=1), per_customer_counts=counts
    )
    assert more_than.total.cemi == approx(50 / 1000)  # more than 1: the 50
    assert more_than.total.customers_interrupted == 300
    assert more_than.total.customers_interrupted_source is CnSource.PER_CUSTOMER_COUNTS
    at_least = ieee_report(
        january(),
        *JAN,
        N_T,
        ReliabilitySettings(cemi_n=1, cemi_rule=CemiRule.AT_LEAST),
        per_customer_counts=counts,
    )
    assert at_least.total.cemi == approx(300 / 1000)  # 1 or more: all 300


def test_n_t_is_the_average_of_the_monthly_counts_or_the_last_one() -> None:
    records = table(
        outage(local(2026, 1, 15, 10), 60, 100), outage(local(2026, 2, 15, 10), 60, 250)
    )
    counts = CustomerCounts({(2026, 1): 1000, (2026, 2): 1250})
    period = (date(2026, 1, 1), date(2026, 2, 28))
    end = ieee_report(
        records, *period, counts, ReliabilitySettings(customer_base=CustomerBase.END_OF_PERIOD)
    )
    assert end.customers_served == 1250
    assert end.total.saidi == approx(21_000 / 1250)  # 16.8
    given = ieee_report(records, *period, CustomerCounts.fixed(2000))
    assert given.total.saidi == approx(21_000 / 2000)  # 10.5
    assert str(given.customers_basis) == "given"


def test_breakdown_contributions_add_up_over_n_t() -> None:
    r = ieee_report(january(), *JAN, N_T)
    feeders = {row.key: row for row in r.by_feeder}
    assert feeders["F1"].saidi == approx(12.0)  # A + C: 12,000 / 1,000
    assert feeders["F2"].maifi == approx(0.6)  # D: 2 × 300 / 1,000
    assert feeders[None].maifi_e == approx(0.1)  # E
    [month] = r.by_month
    assert (month.key, month.saidi) == ("2026-01", approx(18.0))
    assert {row.key for row in r.by_cause} == {"tree", "lightning", "maintenance", "recloser"}


def test_one_entry_point_and_json_for_both_methods() -> None:
    for method in Method:
        r = reliability_report(method, january(), *JAN, N_T)
        data = json.loads(json.dumps(r.to_json_dict()))
        assert data["method"] == str(method)
        assert data["saidi"] == approx(18.0)
        for key in ("saifi", "caidi", "maifi", "maifi_e", "asai", "customers_served"):
            assert key in data
    assert "months" in reliability_report(Method.VN, january(), *JAN, N_T).to_json_dict()


def test_no_sustained_interruption_leaves_ratios_empty_not_infinite() -> None:
    r = ieee_report(table(outage(local(2026, 1, 3, 8), 1, 10)), *JAN, N_T)
    assert (r.total.saifi, r.total.caidi, r.total.caifi, r.total.ctaidi) == (0.0, None, None, None)
    assert r.total.asai == 1.0
    assert r.total.customers_interrupted_source is CnSource.NONE
