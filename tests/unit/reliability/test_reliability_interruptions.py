"""Interruption records and their column table: checks, classification, one table either way."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest

from ops.reliability import (
    CustomerCounts,
    Interruption,
    InterruptionTable,
    ReliabilitySettings,
    vn_report,
)
from ops.reliability.calendar import epoch_us
from tests.unit.interruption_builders import local, outage, table


def test_a_record_refuses_what_cannot_be_an_interruption() -> None:
    start = local(2026, 1, 5, 8)
    with pytest.raises(ValueError, match="no time zone"):
        Interruption("X", datetime(2026, 1, 5, 8), start, 1, False, "tree")
    with pytest.raises(ValueError, match="ends before it starts"):
        Interruption("X", start, start - timedelta(seconds=1), 1, False, "tree")
    with pytest.raises(ValueError, match="negative customers"):
        Interruption("X", start, start, -1, False, "tree")
    with pytest.raises(ValueError, match="operations"):
        Interruption("X", start, start, 1, False, "tree", operations=0)


def test_records_are_kept_in_utc_and_classified_at_five_minutes() -> None:
    five = outage(local(2026, 1, 5, 8), 5, 10)
    assert five.start.utcoffset() == timedelta(0)
    assert not five.is_sustained()  # 5:00 exactly: momentary
    assert outage(local(2026, 1, 5, 8), 5 + 1 / 60, 10).is_sustained()  # 5:01


def test_the_table_from_columns_is_the_table_from_records() -> None:
    a = outage(local(2026, 1, 5, 8), 60, 100, feeder="F2", cause="tree")
    b = outage(local(2026, 1, 6, 8), 2, 50, cause="animal", operations=3, exclusion="transmission")
    from_records = InterruptionTable.from_records([a, b])
    from_columns = InterruptionTable.from_columns(
        ids=[a.interruption_id, b.interruption_id],
        start_us=[epoch_us(a.start), epoch_us(b.start)],
        end_us=[epoch_us(a.end), epoch_us(b.end)],
        customers=[100, 50],
        planned=[False, False],
        causes=["tree", "animal"],
        feeders=["F2", None],
        operations=[1, 3],
        exclusions=[None, "transmission"],
    )
    for t in (from_records, from_columns):
        assert t.feeders == ("F2",) and list(t.feeder_code) == [0, -1]  # no feeder: -1
        assert [t.categories[k] for k in t.category_code] == ["tree", "transmission"]
        assert list(t.sustained) == [True, False]
        assert list(t.customer_minutes) == [6000.0, 100.0]  # 60 × 100; 2 × 50
    assert len(InterruptionTable.from_records([])) == 0


def test_the_table_checks_its_columns() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        InterruptionTable.from_columns(
            ids=["X"], start_us=[10], end_us=[5], customers=[1], planned=[False],
            causes=["tree"], feeders=[None],
        )  # fmt: skip


def test_the_momentary_limit_is_a_setting() -> None:
    records = table(outage(local(2026, 1, 5, 8), 4, 100))  # 4 minutes
    counts = CustomerCounts({(2026, 1): 1000})
    jan = (date(2026, 1, 1), date(2026, 1, 31))
    assert vn_report(records, *jan, counts).saifi == 0.0  # momentary under 5 minutes
    three = ReliabilitySettings(momentary_limit=timedelta(minutes=3))
    assert vn_report(records, *jan, counts, three).saifi == pytest.approx(0.1)  # 100 / 1,000


def test_an_empty_period_gives_zeros() -> None:
    r = vn_report(table(), date(2026, 1, 1), date(2026, 12, 31), CustomerCounts.fixed(1000))
    assert (r.saifi, r.saidi, r.maifi, r.caidi, r.asai) == (0.0, 0.0, 0.0, None, 1.0)
    assert len(r.months) == 12
    assert np.isfinite(r.saidi)
