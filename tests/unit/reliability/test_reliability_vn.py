"""The Vietnamese method (Circ. 05/2025 Art. 15) on cases small enough to work out by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from ops.reliability import (
    CustomerCounts,
    MissingCustomerCount,
    ReliabilitySettings,
    ieee_report,
    vn_report,
)
from tests.unit.interruption_builders import local, outage, table

JAN = (date(2026, 1, 1), date(2026, 1, 31))
JAN_FEB = (date(2026, 1, 1), date(2026, 2, 28))
approx = pytest.approx


def test_exactly_five_minutes_is_momentary_and_five_minutes_one_second_is_sustained() -> None:
    t = local(2026, 1, 10, 9)
    records = table(outage(t, 5, 120), outage(t, 5 + 1 / 60, 200))
    r = vn_report(records, *JAN, CustomerCounts({(2026, 1): 1000}))
    # 5:00 → momentary: MAIFI = 120 / 1000 = 0.12; nothing in SAIFI/SAIDI.
    assert r.maifi == approx(0.12, rel=1e-12)
    # 5:01 → sustained: SAIFI = 200 / 1000 = 0.2; SAIDI = (301/60 min × 200) / 1000 = 1.00333…
    assert r.saifi == approx(0.2, rel=1e-12)
    assert r.saidi == approx(301 / 60 * 200 / 1000, rel=1e-12)
    assert r.caidi == approx(301 / 60, rel=1e-12)  # one sustained interruption: its duration


def test_a_two_operation_recloser_event_is_two_momentary_interruptions_and_one_event() -> None:
    records = table(outage(local(2026, 1, 5, 14), 0.5, 300, operations=2, cause="recloser"))
    r = vn_report(records, *JAN, CustomerCounts({(2026, 1): 1000}))
    assert r.maifi == approx(0.6, rel=1e-12)  # 2 operations × 300 customers / 1000
    assert r.maifi_e == approx(0.3, rel=1e-12)  # 1 event × 300 / 1000
    assert r.saifi == 0.0


def test_a_planned_outage_is_in_the_headline_and_in_the_planned_part() -> None:
    records = table(
        outage(local(2026, 1, 12, 8), 120, 400, planned=True, cause="maintenance"),
        outage(local(2026, 1, 20, 15), 30, 100, cause="lightning"),
    )
    r = vn_report(records, *JAN, CustomerCounts({(2026, 1): 2000}))
    # planned: 120 min × 400 = 48,000 customer-minutes; fault: 30 × 100 = 3,000.
    assert r.parts.planned.saidi == approx(48_000 / 2000)  # 24
    assert r.parts.fault.saidi == approx(3_000 / 2000)  # 1.5
    assert r.saidi == approx(51_000 / 2000)  # 25.5: headline ("toàn phần") includes planned
    assert r.parts.planned.saifi == approx(0.2)  # 400 / 2000
    assert r.parts.fault.saifi == approx(0.05)  # 100 / 2000
    assert r.saifi == approx(0.25)
    assert r.months[0].parts.planned.saidi == approx(24.0)

    without = vn_report(
        records, *JAN, CustomerCounts({(2026, 1): 2000}), ReliabilitySettings(include_planned=False)
    )
    assert without.saidi == approx(1.5)
    assert without.parts.planned.saidi == 0.0
    [excluded] = without.excluded
    assert (excluded.reason, excluded.interruptions) == ("planned", 1)
    assert (excluded.customer_interruptions, excluded.customer_minutes) == (400, approx(48_000))


def test_customer_growth_makes_the_monthly_sum_differ_from_the_period_method() -> None:
    records = table(
        outage(local(2026, 1, 15, 10), 60, 100),  # 6,000 customer-minutes in January
        outage(local(2026, 2, 15, 10), 60, 250),  # 15,000 in February
    )
    counts = CustomerCounts({(2026, 1): 1000, (2026, 2): 1250})
    vn = vn_report(records, *JAN_FEB, counts)
    # VN: each month by its own K_t, then summed: 6,000/1,000 + 15,000/1,250 = 6 + 12 = 18.
    assert [m.parts.total.saidi for m in vn.months] == [approx(6.0), approx(12.0)]
    assert vn.saidi == approx(18.0, rel=1e-12)
    assert vn.saifi == approx(100 / 1000 + 250 / 1250, rel=1e-12)  # 0.1 + 0.2 = 0.3
    # IEEE: one N_T, by default the average of the monthly counts (1,000 + 1,250) / 2 = 1,125:
    # SAIDI = 21,000 / 1,125 = 18.666…; SAIFI = 350 / 1,125 = 0.3111…
    ieee = ieee_report(records, *JAN_FEB, counts)
    assert ieee.customers_served == 1125
    assert ieee.total.saidi == approx(21_000 / 1125, rel=1e-12)
    assert ieee.total.saifi == approx(350 / 1125, rel=1e-12)
    assert vn.saidi != approx(ieee.total.saidi)


def test_an_interruption_at_23_30_local_on_31_january_belongs_to_january() -> None:
    late = outage(datetime(2026, 1, 31, 16, 30, tzinfo=UTC), 60, 100)  # 23:30 local, 31/01
    midnight = outage(datetime(2026, 1, 31, 17, 0, tzinfo=UTC), 60, 200)  # 00:00 local, 01/02
    counts = CustomerCounts({(2026, 1): 1000, (2026, 2): 2000})
    r = vn_report(table(late, midnight), *JAN_FEB, counts)
    assert r.months[0].parts.total.saidi == approx(60 * 100 / 1000)  # 6.0, with January's K
    assert r.months[1].parts.total.saidi == approx(60 * 200 / 2000)  # 6.0, with February's K
    february_only = vn_report(table(late, midnight), date(2026, 2, 1), date(2026, 2, 28), counts)
    assert february_only.saifi == approx(0.1)  # only the midnight one: 200 / 2000


def test_a_multi_day_interruption_counts_whole_in_the_month_it_began() -> None:
    # 31/01 22:00 local to 02/02 22:00 local: 2 days = 2,880 min, all of it in January.
    records = table(outage(local(2026, 1, 31, 22), 2 * 24 * 60, 10))
    r = vn_report(records, *JAN_FEB, CustomerCounts({(2026, 1): 1000, (2026, 2): 1000}))
    assert r.months[0].parts.total.saidi == approx(2880 * 10 / 1000)  # 28.8
    assert r.months[1].parts.total.saidi == 0.0


def test_a_month_without_a_customer_count_is_an_error_naming_it_unless_n_is_given() -> None:
    records = table(outage(local(2026, 1, 15, 10), 60, 100))
    with pytest.raises(MissingCustomerCount, match="02/2026"):
        vn_report(records, *JAN_FEB, CustomerCounts({(2026, 1): 1000}))
    r = vn_report(records, *JAN_FEB, CustomerCounts.fixed(500))
    assert [m.customers for m in r.months] == [500, 500]
    assert r.saidi == approx(6000 / 500)  # 12


def test_breakdowns_by_feeder_and_cause_add_up_to_the_company_figure() -> None:
    records = table(
        outage(local(2026, 1, 3, 8), 60, 100, feeder="F1", cause="tree"),  # 6,000 cm
        outage(local(2026, 1, 4, 8), 30, 200, feeder="F2", cause="tree"),  # 6,000 cm
        outage(local(2026, 1, 5, 8), 10, 300, feeder="F1", cause="animal"),  # 3,000 cm
        outage(local(2026, 1, 6, 8), 1, 50, cause="recloser", operations=3),  # momentary
    )
    r = vn_report(records, *JAN, CustomerCounts({(2026, 1): 1000}))
    feeders = {row.key: row for row in r.by_feeder}
    assert feeders["F1"].saidi == approx(9.0)  # (6,000 + 3,000) / 1,000
    assert feeders["F1"].customer_interruptions == 400
    assert feeders["F2"].saidi == approx(6.0)
    assert feeders[None].maifi == approx(0.15)  # 3 operations × 50 / 1,000
    causes = {row.key: row for row in r.by_cause}
    assert causes["tree"].saifi == approx(0.3)  # (100 + 200) / 1,000
    assert causes["animal"].saidi == approx(3.0)
    assert sum(row.saidi for row in r.by_feeder) == approx(r.saidi)  # 15


def test_excluded_categories_are_left_out_and_listed_with_their_customer_minutes() -> None:
    records = table(
        outage(local(2026, 1, 3, 8), 60, 100, cause="tree"),
        outage(local(2026, 1, 4, 8), 60, 500, cause="transmission"),  # 30,000 cm
        outage(local(2026, 1, 5, 8), 20, 100, cause="tree", exclusion="force-majeure"),
    )
    settings = ReliabilitySettings(excluded_categories=frozenset({"transmission", "force-majeure"}))
    r = vn_report(records, *JAN, CustomerCounts({(2026, 1): 1000}), settings)
    assert r.saidi == approx(6.0)  # only the first: 6,000 / 1,000
    excluded = {g.reason: g for g in r.excluded}
    assert excluded["transmission"].customer_minutes == approx(30_000)
    assert excluded["force-majeure"].customer_minutes == approx(2_000)  # 20 min × 100
    assert excluded["transmission"].interruptions == 1


def test_the_json_has_the_contract_keys_and_the_months() -> None:
    records = table(outage(local(2026, 1, 15, 10), 60, 100, planned=True))
    r = vn_report(records, *JAN_FEB, CustomerCounts({(2026, 1): 1000, (2026, 2): 1250}))
    data = json.loads(json.dumps(r.to_json_dict()))
    assert data["method"] == "vn"
    for key in ("saifi", "saidi", "caidi", "maifi", "maifi_e", "asai", "customers_served"):
        assert key in data
    january = data["months"][0]
    assert (january["year"], january["month"], january["customers"]) == (2026, 1, 1000)
    assert january["planned"]["saidi"] == approx(6.0)
    assert january["fault"]["saidi"] == 0.0
    assert data["months"][1]["caidi"] is None  # no sustained interruption in February
    # ASAI = 1 − SAIDI / minutes in the period: 59 days × 1,440 = 84,960 minutes.
    assert data["asai"] == approx(1 - 6.0 / 84_960, rel=1e-12)
