"""Major Event Days by 2.5β on a history built so that T_MED is computable by hand.

N = 1,000 customers throughout. In the five years before January 2026 only four days had any
sustained interruption; their daily SAIDI is 1, 1, 100 and 100 minutes (every other day is
zero and is dropped). Natural logs: 0, 0, ln 100, ln 100 = 0, 0, 2·ln 10, 2·ln 10.

    α = mean = ln 10; each log is ln 10 away from α, so Σ (x − α)² = 4·(ln 10)²
    sample β = √(4·(ln 10)² / 3) = (2/√3)·ln 10 → T_MED = exp(ln 10·(1 + 5/√3)) = 10^(1 + 5/√3)
                                                          ≈ 7,704.6 min
    population β = √(4·(ln 10)² / 4) = ln 10      → T_MED = 10^3.5 ≈ 3,162.3 min

January 2026: 10/01 SAIDI 8,000 (a MED either way), 20/01 SAIDI 5,000 (a MED only with the
population deviation), 25/01 SAIDI 3 (an ordinary day).
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from ops.reliability import (
    CustomerCounts,
    InterruptionTable,
    MedStatus,
    ReliabilitySettings,
    StdDev,
    ieee_report,
    vn_report,
)
from tests.unit.interruption_builders import local, outage, table

JAN = (date(2026, 1, 1), date(2026, 1, 31))
N = CustomerCounts.fixed(1000)
approx = pytest.approx

HISTORY = [
    outage(local(2021, 3, 4, 9), 10, 100),  # 1,000 customer-minutes → daily SAIDI 1
    outage(local(2023, 7, 8, 9), 10, 100),  # 1
    outage(local(2024, 5, 6, 9), 100, 1000),  # 100,000 → 100
    outage(local(2025, 11, 12, 9), 100, 1000),  # 100
    outage(local(2020, 12, 31, 9), 100_000, 1000),  # before the five years: ignored
]
STORM = outage(local(2026, 1, 10, 0, 30), 8000, 1000)  # 8,000 min: 5½ days, counted on 10/01
GALE = outage(local(2026, 1, 20, 12), 5000, 1000)  # 5,000
ORDINARY = outage(local(2026, 1, 25, 12), 30, 100)  # 3
RECLOSE_ON_STORM_DAY = outage(local(2026, 1, 10, 6), 1, 200, operations=2)  # momentary


def records() -> InterruptionTable:
    return table(*HISTORY, STORM, GALE, ORDINARY, RECLOSE_ON_STORM_DAY)


def test_t_med_under_the_sample_standard_deviation() -> None:
    r = vn_report(records(), *JAN, N)
    med = r.major_events
    assert med.status is MedStatus.COMPUTED
    assert med.history_days == 4
    assert (med.history_first_day, med.history_last_day) == (date(2021, 1, 1), date(2025, 12, 31))
    assert med.alpha == approx(math.log(10), rel=1e-12)
    assert med.beta == approx(2 / math.sqrt(3) * math.log(10), rel=1e-12)
    assert med.t_med == approx(10 ** (1 + 5 / math.sqrt(3)), rel=1e-12)  # 7,704.6
    assert [(d.day, d.saidi) for d in med.days] == [(date(2026, 1, 10), approx(8000.0))]


def test_indices_with_and_without_major_event_days() -> None:
    r = vn_report(records(), *JAN, N)
    assert r.saidi == approx(8000 + 5000 + 3)  # 13,003 with the MED
    assert r.without_major_events.total.saidi == approx(5003.0)  # the storm day left out
    assert r.maifi == approx(0.4)  # 2 × 200 / 1,000, on the storm day
    assert r.without_major_events.total.maifi == 0.0  # everything that began on a MED goes
    ieee = ieee_report(records(), *JAN, N)
    assert ieee.without_major_events.saidi == approx(5003.0)
    assert ieee.major_events.t_med == r.major_events.t_med


def test_population_standard_deviation_is_a_setting() -> None:
    settings = ReliabilitySettings(med_std=StdDev.POPULATION)
    r = vn_report(records(), *JAN, N, settings)
    assert r.major_events.beta == approx(math.log(10), rel=1e-12)
    assert r.major_events.t_med == approx(10**3.5, rel=1e-12)  # 3,162.3: now 20/01 is a MED too
    assert [d.day for d in r.major_events.days] == [date(2026, 1, 10), date(2026, 1, 20)]
    assert r.without_major_events.total.saidi == approx(3.0)


def test_one_day_of_history_is_too_little_for_a_sample_deviation() -> None:
    r = vn_report(table(HISTORY[2], STORM), *JAN, N)
    assert r.major_events.status is MedStatus.TOO_LITTLE_HISTORY
    assert r.major_events.days == ()
    assert r.without_major_events.total.saidi == r.saidi
    # With the population deviation one day is enough: β = 0, T_MED = that day's 100 min.
    population = vn_report(
        table(HISTORY[2], STORM), *JAN, N, ReliabilitySettings(med_std=StdDev.POPULATION)
    )
    assert population.major_events.t_med == approx(100.0)
    assert [d.day for d in population.major_events.days] == [date(2026, 1, 10)]


def test_history_months_without_a_count_take_the_nearest_and_are_listed() -> None:
    # Only January 2026 has a count (1,000): the history months used borrow it.
    r = vn_report(records(), *JAN, CustomerCounts({(2026, 1): 1000}))
    assert r.major_events.t_med == approx(10 ** (1 + 5 / math.sqrt(3)), rel=1e-12)
    assert [str(m) for m in r.major_events.estimated_months] == [
        "03/2021",
        "07/2023",
        "05/2024",
        "11/2025",
    ]


def test_planned_work_can_be_kept_out_of_the_daily_saidi() -> None:
    planned_day = outage(local(2026, 1, 10, 8), 8000, 1000, planned=True, cause="maintenance")
    history_and_plan = table(*HISTORY, planned_day)
    assert [d.day for d in vn_report(history_and_plan, *JAN, N).major_events.days] == [
        date(2026, 1, 10)
    ]
    settings = ReliabilitySettings(med_counts_planned=False)
    assert vn_report(history_and_plan, *JAN, N, settings).major_events.days == ()


def test_major_event_days_can_be_switched_off() -> None:
    r = vn_report(records(), *JAN, N, ReliabilitySettings(major_events=False))
    assert r.major_events.status is MedStatus.OFF
    assert r.without_major_events.total.saidi == r.saidi
