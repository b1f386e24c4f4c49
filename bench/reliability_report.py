"""Reliability report from the database: one year of 50,000 interruptions on a 500,000-customer
company stored in SQLite (plus the five years before, for the Major Event Days), monthly
customer snapshots; the report read and computed from the database, then its PDF.

Targets: the report from the database <= 1 s, its PDF <= 3 s. Prints the figures.

    .venv/bin/python bench/reliability_report.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.reliability import CUSTOMERS, HISTORY_YEARS, YEAR, generate, timed
from db import Database
from db.repositories.reliability import (
    ReliabilityRepository,
    period_report,
    period_report_with_trend,
)
from ops.reliability import (
    Interruption,
    Method,
    MonthlySnapshot,
    ReliabilitySettings,
    SnapshotBasis,
    YearMonth,
)
from ops.reliability.calendar import from_epoch_us
from ops.reports import reliability_document

NOW = datetime(YEAR + 1, 1, 15, tzinfo=UTC)


def _records(columns: dict, rows: range) -> list[Interruption]:  # type: ignore[type-arg]
    c = columns
    return [
        Interruption(
            interruption_id=c["ids"][k],
            start=from_epoch_us(int(c["start_us"][k])),
            end=from_epoch_us(int(c["end_us"][k])),
            customers=int(c["customers"][k]),
            planned=bool(c["planned"][k]),
            cause=c["causes"][k],
            feeder=c["feeders"][k],
            operations=int(c["operations"][k]),
        )
        for k in rows
    ]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="oms-bench-"))
    db = Database(f"sqlite:///{folder / 'bench.db'}")
    db.upgrade()
    columns = generate(HISTORY_YEARS + 1)
    n = len(columns["ids"])
    t0 = time.perf_counter()
    for lo in range(0, n, 50_000):  # one import per year, as files from a previous system
        records = _records(columns, range(lo, min(lo + 50_000, n)))
        with db.session() as s:
            ReliabilityRepository(s).import_interruptions(records, batch=f"y{lo}", at=NOW)
    print(f"import {n:,} interruptions ({HISTORY_YEARS + 1} years, 6 files)   "
          f"{time.perf_counter() - t0:6.1f} s")  # fmt: skip
    growth = np.linspace(CUSTOMERS * 0.97, CUSTOMERS, 12 * (HISTORY_YEARS + 1)).astype(int)
    months = [YearMonth(YEAR - HISTORY_YEARS + k // 12, k % 12 + 1) for k in range(len(growth))]
    with db.session() as s:
        ReliabilityRepository(s).record_snapshots(
            [
                MonthlySnapshot(m, int(c), SnapshotBasis.HISTORY)
                for m, c in zip(months, growth, strict=True)
            ],
            at=NOW,
        )
    settings = ReliabilitySettings(excluded_categories=frozenset({"customer_requested"}))
    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)

    def report(method: Method):  # type: ignore[no-untyped-def]
        with db.session() as s:
            return period_report(s, method, first, last, settings, now=NOW)

    with db.session() as s:  # for comparison: what reading the history row by row costs
        table = timed(
            "(every row of the 6 years into columns, not used)",
            lambda: ReliabilityRepository(s).interruption_table(date(YEAR - 5, 1, 1), last),
        )
    print(f"  rows read: {len(table):,}")
    vn = timed("VN report of the year from the database", lambda: report(Method.VN))
    ieee = timed("IEEE 1366 report of the year from the database", lambda: report(Method.IEEE1366))
    print(f"  VN   SAIFI {vn.saifi:.4f}  SAIDI {vn.saidi:.2f}  MAIFI {vn.maifi:.4f}  "
          f"MEDs {len(vn.major_events.days)}")  # fmt: skip
    print(f"  IEEE SAIFI {ieee.total.saifi:.4f}  SAIDI {ieee.total.saidi:.2f}  "
          f"without MEDs {ieee.without_major_events.saidi:.2f}")  # fmt: skip

    def with_trend(method: Method):  # type: ignore[no-untyped-def]
        with db.session() as s:
            return period_report_with_trend(s, method, first, last, settings, now=NOW)

    vn_trend = timed("VN report + feeder trend (what the PDF shows)", lambda: with_trend(Method.VN))
    ieee_trend = with_trend(Method.IEEE1366)

    from console.reports.printing import ensure_gui_application, write_pdf

    ensure_gui_application()
    for label, (result, trend) in (("VN", vn_trend), ("IEEE 1366", ieee_trend)):
        doc = reliability_document(
            result, company="Bench", office="Bench", printed_at=NOW, feeder_trend=trend
        )
        out = folder / f"{label}.pdf"
        pages = timed(f"{label} report as PDF", lambda d=doc, o=out: write_pdf(d, o), repeat=3)
        print(f"  {pages} pages, {out.stat().st_size / 1024:.0f} KiB: {out}")
    db.dispose()
    (folder / "bench.db").unlink()  # the PDFs stay, to look at


if __name__ == "__main__":
    main()
