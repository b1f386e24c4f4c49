"""Reliability-report benchmark: one year of 50,000 interruptions on a 500,000-customer company.

The table also holds the five years before (50,000 interruptions a year, 300,000 rows in all),
because Major Event Days are found from them; a storm day each September makes MEDs. Prints
the time to build the column table and to compute the VN and the IEEE 1366 reports with Major
Event Days (median of 5 runs). Target: a report <= 1 s.

    .venv/bin/python bench/reliability.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ops.reliability import (
    CustomerCounts,
    Interruption,
    InterruptionTable,
    ieee_report,
    vn_report,
)
from ops.reliability.calendar import US_PER_MINUTE, from_epoch_us, local_midnight_us

CUSTOMERS = 500_000
PER_YEAR = 50_000
YEAR = 2026
HISTORY_YEARS = 5
STORM_ROWS = 2_000
CAUSES = ("tree", "lightning", "animal", "equipment", "overload", "vehicle", "unknown",
          "maintenance", "construction", "customer_requested")  # fmt: skip
FEEDERS = tuple(f"F{k:03d}" for k in range(240))
T = TypeVar("T")


def generate(years: int, seed: int = 1366) -> dict[str, Any]:
    """Columns of `years` × 50,000 interruptions ending with 2026, as the database would give."""
    rng = np.random.default_rng(seed)
    first_year = YEAR - years + 1
    n = PER_YEAR * years
    begin, end = local_midnight_us(date(first_year, 1, 1)), local_midnight_us(date(YEAR + 1, 1, 1))
    start = np.sort(rng.integers(begin, end, n))
    storm = rng.choice(n, STORM_ROWS * years, replace=False)
    storm_days = [local_midnight_us(date(y, 9, 15)) for y in range(first_year, YEAR + 1)]
    start[storm] = np.repeat(storm_days, STORM_ROWS) + rng.integers(0, 86_400_000_000, len(storm))
    momentary = rng.random(n) < 0.25
    minutes = np.where(momentary, rng.uniform(0, 5, n), rng.lognormal(np.log(90), 0.8, n))
    minutes[storm] *= 4
    return {
        "ids": [f"I{k}" for k in range(n)],
        "start_us": start,
        "end_us": start + (minutes * US_PER_MINUTE).astype(np.int64),
        "customers": np.minimum(rng.lognormal(np.log(60), 1.2, n), 20_000).astype(np.int64) + 1,
        "planned": rng.random(n) < 0.1,
        "causes": [CAUSES[k] for k in rng.integers(0, len(CAUSES), n)],
        "feeders": [FEEDERS[k] for k in rng.integers(0, len(FEEDERS), n)],
        "operations": np.where(momentary, rng.integers(1, 4, n), 1),
    }


def timed(label: str, work: Callable[[], T], repeat: int = 5) -> T:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:<56} median {median:6.1f} ms   max {worst:6.1f} ms")
    return result


def as_records(t: InterruptionTable) -> list[Interruption]:
    return [
        Interruption(str(t.ids[k]), from_epoch_us(int(t.start_us[k])),
                     from_epoch_us(int(t.end_us[k])), int(t.customers[k]), bool(t.planned[k]),
                     t.causes[t.cause_code[k]], t.feeders[t.feeder_code[k]], None,
                     int(t.operations[k]))
        for k in range(len(t))
    ]  # fmt: skip


def main() -> None:
    history = generate(HISTORY_YEARS + 1)
    one_year = generate(1, seed=7)
    months = [(y, m) for y in range(YEAR - HISTORY_YEARS, YEAR + 1) for m in range(1, 13)]
    growth = np.linspace(CUSTOMERS * 0.8, CUSTOMERS, len(months)).astype(int).tolist()
    counts = CustomerCounts(monthly=dict(zip(months, growth, strict=True)))
    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)
    print(f"{PER_YEAR:,} interruptions a year, {CUSTOMERS:,} customers at the end of {YEAR}\n")

    table = timed("table from columns, 6 years (300,000 rows)",
                  lambda: InterruptionTable.from_columns(**history))  # fmt: skip
    year = timed("table from columns, 1 year (50,000 rows)",
                 lambda: InterruptionTable.from_columns(**one_year))  # fmt: skip
    records = as_records(year)
    timed("table from 50,000 Interruption records",
          lambda: InterruptionTable.from_records(records), repeat=3)  # fmt: skip
    vn = timed("VN report + MEDs (5 years of history in the table)",
               lambda: vn_report(table, first, last, counts))  # fmt: skip
    ieee = timed("IEEE 1366 report + MEDs (5 years of history)",
                 lambda: ieee_report(table, first, last, counts))  # fmt: skip
    timed("IEEE 1366 report, N given (--customers-served)",
          lambda: ieee_report(table, first, last, CustomerCounts.fixed(CUSTOMERS)))  # fmt: skip
    timed("VN report, the year's 50,000 rows alone",
          lambda: vn_report(year, first, last, counts))  # fmt: skip

    print()
    for report in (vn, ieee):
        data = report.to_json_dict()
        med = data["major_events"]
        print(f"{data['method']:>8}: SAIDI {data['saidi']:.2f} min, SAIFI {data['saifi']:.3f}, "
              f"MAIFI {data['maifi']:.3f}, MAIFI_E {data['maifi_e']:.3f}, "
              f"N {data['customers_served']:,.0f}; "
              f"T_MED {med['t_med']:.2f} min, MEDs {[d['date'] for d in med['days']]}, "
              f"SAIDI without MEDs {data['without_major_events']['saidi']:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
