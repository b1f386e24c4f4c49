"""Monthly customer-count snapshots: which months need one, with what count, and when a month
is frozen (once it is over in local time)."""

from __future__ import annotations

from datetime import UTC, datetime

from ops.reliability import (
    CustomerCountChange,
    SnapshotBasis,
    YearMonth,
    counts_for_report,
    months_needing_snapshot,
    snapshots_due,
)
from ops.reliability.snapshots import count_at_month_end, is_frozen
from tests.unit.interruption_builders import local

MARCH_10 = local(2026, 3, 10, 9)


def test_closed_months_without_a_snapshot_need_one_and_the_month_in_progress_does_not() -> None:
    stored = {(2026, 1)}
    assert months_needing_snapshot(MARCH_10, stored, since=YearMonth(2025, 12)) == (
        YearMonth(2025, 12),
        YearMonth(2026, 2),
    )


def test_a_month_closes_at_local_midnight_not_utc_midnight() -> None:
    # 28/02 17:30 UTC is 01/03 00:30 in Vietnam: February is over.
    assert is_frozen((2026, 2), datetime(2026, 2, 28, 17, 30, tzinfo=UTC))
    # 28/02 16:30 UTC is 23:30 local on 28/02: February is still open.
    assert not is_frozen((2026, 2), datetime(2026, 2, 28, 16, 30, tzinfo=UTC))


def test_the_count_is_the_one_in_force_when_the_month_ends() -> None:
    changes = [
        CustomerCountChange(local(2025, 12, 1), 1000),
        CustomerCountChange(local(2026, 1, 31, 23, 59), 1010),  # still January
        CustomerCountChange(local(2026, 2, 1), 1500),  # local midnight: February's
    ]
    assert count_at_month_end(changes, YearMonth(2026, 1)) == 1010
    assert count_at_month_end(changes, YearMonth(2026, 2)) == 1500
    assert count_at_month_end(changes, YearMonth(2025, 11)) is None


def test_snapshots_due_use_the_history_then_the_current_count_and_say_which() -> None:
    changes = [CustomerCountChange(local(2026, 1, 15), 1200)]
    plan = snapshots_due(MARCH_10, set(), YearMonth(2025, 12), changes=changes, current=1300)
    assert [(str(s.month), s.customers, s.basis) for s in plan.snapshots] == [
        ("12/2025", 1300, SnapshotBasis.CURRENT),  # before any recorded change
        ("01/2026", 1200, SnapshotBasis.HISTORY),
        ("02/2026", 1200, SnapshotBasis.HISTORY),
    ]
    without_current = snapshots_due(MARCH_10, set(), YearMonth(2025, 12), changes=changes)
    assert without_current.undetermined == (YearMonth(2025, 12),)


def test_a_stored_snapshot_is_never_recomputed() -> None:
    plan = snapshots_due(MARCH_10, {(2026, 1), (2026, 2)}, YearMonth(2026, 1), current=9999)
    assert plan.snapshots == () and plan.undetermined == ()


def test_a_report_takes_stored_months_and_the_open_month_at_the_current_count() -> None:
    stored = {(2026, 1): 1000, (2026, 2): 1100, (2026, 3): 1150}  # March: not frozen yet
    assert counts_for_report(stored, MARCH_10, current=1200) == {
        (2026, 1): 1000,
        (2026, 2): 1100,
        (2026, 3): 1200,
    }
