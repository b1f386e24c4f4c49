"""Imported interruptions (all or nothing), a period read back as columns, frozen monthly
customer counts: on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from db import Database
from db.repositories.reliability import (
    DuplicateInterruptions,
    ReliabilityRepository,
    SnapshotConflict,
)
from ops.reliability import InterruptionTable, MonthlySnapshot, SnapshotBasis, YearMonth
from tests.conftest import DEMO_NOW
from tests.unit.interruption_builders import local, outage

AT = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


def _db(url: str) -> Database:
    db = Database(url)
    db.upgrade()
    return db


def test_a_period_reads_back_as_the_same_columns(db_url: str) -> None:
    db = _db(db_url)
    records = [
        outage(local(2025, 12, 31, 23, 59), 301 / 60, 120, feeder="F1", cause="lightning"),
        outage(local(2026, 1, 1, 0, 0), 5, 100, feeder="F1", operations=2),  # first local minute
        outage(
            local(
                2026,
                1,
                31,
                23,
                59,
            ),
            90.5,
            70,
            planned=True,
            cause="maintenance",
        ),
        outage(local(2026, 2, 1, 0, 0), 10, 5, exclusion="transmission"),
    ]
    with db.session() as s:
        summary = ReliabilityRepository(s).import_interruptions(records, batch="b1", at=AT)
    assert summary.interruptions == 4
    with db.session() as s:
        table = ReliabilityRepository(s).interruption_table(date(2026, 1, 1), date(2026, 1, 31))
    expected = InterruptionTable.from_records(records[1:3])
    assert list(table.ids) == list(expected.ids)
    for column in ("start_us", "end_us", "customers", "planned", "operations"):
        assert np.array_equal(getattr(table, column), getattr(expected, column)), column
    assert [table.feeders[c] if c >= 0 else None for c in table.feeder_code] == ["F1", None]
    assert [table.causes[c] for c in table.cause_code] == ["tree", "maintenance"]
    with db.session() as s:
        whole = ReliabilityRepository(s).interruption_table(None, date(2026, 2, 1))
    assert len(whole) == 4
    assert "transmission" in whole.categories
    db.dispose()


def test_an_id_already_stored_refuses_the_whole_import(db_url: str) -> None:
    db = _db(db_url)
    first = outage(local(2026, 3, 1, 8), 30, 10)
    with db.session() as s:
        ReliabilityRepository(s).import_interruptions([first], batch="b1", at=AT)
    again = [outage(local(2026, 3, 2, 8), 30, 10), first, outage(local(2026, 3, 3, 8), 30, 10)]
    with pytest.raises(DuplicateInterruptions) as caught, db.session() as s:
        ReliabilityRepository(s).import_interruptions(again, batch="b2", at=AT)
    assert caught.value.ids == (first.interruption_id,)
    assert first.interruption_id in str(caught.value)
    with db.session() as s:
        assert ReliabilityRepository(s).count_interruptions() == 1
    db.dispose()


def test_many_interruptions_go_in_and_come_out_in_chunks(db_url: str) -> None:
    db = _db(db_url)
    start = local(2026, 1, 1)
    records = [outage(start + timedelta(minutes=7 * k), 6, 1 + k % 50) for k in range(12_000)]
    with db.session() as s:
        ReliabilityRepository(s).import_interruptions(records, batch="big", at=AT)
    with db.session() as s:
        table = ReliabilityRepository(s).interruption_table(None, date(2026, 12, 31))
    assert len(table) == 12_000
    assert int(table.customers.sum()) == sum(r.customers for r in records)
    with pytest.raises(DuplicateInterruptions) as caught, db.session() as s:
        ReliabilityRepository(s).import_interruptions(records[-7_000:], batch="x", at=AT)
    assert len(caught.value.ids) == 7_000
    assert "and 6,990 more" in str(caught.value)
    db.dispose()


def test_a_months_customer_count_is_frozen_once_recorded(any_demo_db: Database) -> None:
    db = any_demo_db
    with db.session() as s:
        repo = ReliabilityRepository(s)
        current = repo.current_customers()
        assert current > 0
        # September was recorded earlier, when the district had fewer customers.
        repo.record_snapshots(
            [MonthlySnapshot(YearMonth(2026, 9), current - 500, SnapshotBasis.HISTORY)], at=AT
        )
    with db.session() as s:
        counts = ReliabilityRepository(s).customer_counts(YearMonth(2026, 8), DEMO_NOW)
    # August and October are closed and had no snapshot: they get one now; November is open.
    assert dict(counts.monthly) == {
        (2026, 8): current,
        (2026, 9): current - 500,
        (2026, 10): current,
        (2026, 11): current,
    }
    with db.session() as s:
        stored = ReliabilityRepository(s).snapshots()
    assert set(stored) == {(2026, 8), (2026, 9), (2026, 10)}  # not the month in progress
    assert stored[(2026, 8)].basis is SnapshotBasis.CURRENT
    with db.session() as s:  # a report of an older period freezes only its own months
        ReliabilityRepository(s).customer_counts(
            YearMonth(2026, 1), DEMO_NOW, until=YearMonth(2026, 2)
        )
        assert set(ReliabilityRepository(s).snapshots()) == {
            (2026, 1), (2026, 2), (2026, 8), (2026, 9), (2026, 10),
        }  # fmt: skip
    with pytest.raises(SnapshotConflict, match="09/2026"), db.session() as s:
        ReliabilityRepository(s).record_snapshots(
            [MonthlySnapshot(YearMonth(2026, 9), 1, SnapshotBasis.CURRENT)], at=AT
        )


@pytest.mark.parametrize("method", ["vn", "ieee1366"])
def test_a_report_from_the_database_equals_the_report_from_every_row(
    db_url: str, method: str
) -> None:
    """The history before the period is summed per day in SQL: the Major Event Days, and so
    every figure, are the same as from the interruptions one by one."""
    from db.repositories.reliability import period_report
    from ops.reliability import CustomerCounts, Method, ReliabilitySettings, reliability_report

    rng = np.random.default_rng(7)
    records = []
    for k in range(1_500):
        day = local(2024, 1, 1) + timedelta(minutes=int(rng.integers(0, 3 * 365 * 24 * 60)))
        minutes = [5, 5.01, 2, 45, 300][k % 5] * (20 if k % 97 == 0 else 1)
        records.append(
            outage(day, minutes, int(rng.integers(0, 400)), planned=k % 7 == 0,
                   cause=["tree", "animal", "transmission"][k % 3],
                   exclusion="force_majeure" if k % 11 == 0 else None)
        )  # fmt: skip
    # A storm: a Major Event Day in the period.
    records += [outage(local(2026, 3, 10, 1 + k % 20), 600, 400) for k in range(40)]
    db = _db(db_url)
    with db.session() as s:
        ReliabilityRepository(s).import_interruptions(records, batch="b", at=AT)
    settings = ReliabilitySettings(
        excluded_categories=frozenset({"transmission", "force_majeure"}),
        include_planned=True,
        med_counts_planned=False,
        med_history_years=2,
    )
    first, last = date(2026, 1, 1), date(2026, 6, 30)
    with db.session() as s:
        stored = period_report(
            s, Method(method), first, last, settings, now=AT, customers_served=9_000
        ).to_json_dict()
    expected = reliability_report(
        Method(method), InterruptionTable.from_records(records), first, last,
        CustomerCounts.fixed(9_000), settings,
    ).to_json_dict()  # fmt: skip
    assert stored["major_events"]["history_days"] > 200
    assert stored["major_events"]["days"]  # the case has Major Event Days to get right
    assert _close(stored, expected)
    db.dispose()


def _close(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        assert a.keys() == b.keys()
        return all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b)
        return all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        assert a == pytest.approx(b, rel=1e-9, abs=1e-12)
        return True
    assert a == b
    return True
