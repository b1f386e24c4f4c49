"""Repositories store domain records and give back equal ones, on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import StatementError

from db import Database
from db.board import load_board
from db.models import OutageEventRow, OutageRow
from db.repositories.network import NetworkRepository
from db.repositories.outages import OutageRepository
from ops.outages.records import JournalEntry, OutageStatus
from tests.conftest import DEMO_NOW


def test_the_demo_district_loads_back_whole(any_demo_db: Database) -> None:
    from ops.demo import generate_demo_district

    district = generate_demo_district(DEMO_NOW)
    board = load_board(any_demo_db, DEMO_NOW)

    def by_id(items, key):  # type: ignore[no-untyped-def]
        return sorted(items, key=lambda x: getattr(x, key))

    assert board.network.feeders == tuple(by_id(district.network.feeders, "feeder_id"))
    assert board.network.substations == tuple(by_id(district.network.substations, "substation_id"))
    assert board.network.transformers == tuple(
        by_id(district.network.transformers, "transformer_id")
    )
    assert board.network.segments == tuple(by_id(district.network.segments, "segment_id"))
    assert sorted(board.network.switches, key=lambda s: s.switch_id) == sorted(
        district.network.switches, key=lambda s: s.switch_id
    )
    assert len(board.network.segments) == len(district.network.segments)
    assert board.network.customer_counts == district.network.customer_counts
    assert board.site.is_demo and board.site.customers == len(district.customers)
    open_here = {o.reference for o in board.outages if o.status.is_open}
    assert open_here == {o.reference for o in district.outages if o.status.is_open}
    by_ref = {o.reference: o for o in board.outages}
    for expected in district.outages:
        if expected.reference in by_ref:
            got = by_ref[expected.reference]
            assert got.started_at == expected.started_at
            assert got.customers_out == expected.customers_out
            assert got.crew_ids == tuple(sorted(expected.crew_ids))


def test_a_customer_reads_back_with_its_address(any_demo_db: Database) -> None:
    from ops.demo import generate_demo_district

    customer = generate_demo_district(DEMO_NOW).customers[123]
    with any_demo_db.session() as s:
        assert NetworkRepository(s).get_customer(customer.customer_id) == customer


def test_times_come_back_aware_in_utc_whatever_zone_went_in(any_demo_db: Database) -> None:
    hanoi = timezone(timedelta(hours=7))
    with any_demo_db.session() as s:
        outage = OutageRepository(s).list_board(DEMO_NOW - timedelta(days=1))[0]
        OutageRepository(s).append_journal(
            JournalEntry(
                0,
                outage.outage_id,
                "remark",
                "ghi chú",
                datetime(2026, 11, 20, 9, 0, tzinfo=hanoi),
                DEMO_NOW,
                "tester",
            )
        )
    with any_demo_db.session() as s:
        entries = OutageRepository(s).journal(outage.outage_id)
    remark = next(e for e in entries if e.kind == "remark")
    assert remark.occurred_at == datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    assert remark.occurred_at.tzinfo is not None


def test_a_naive_time_is_refused_not_guessed(any_demo_db: Database) -> None:
    with pytest.raises(StatementError, match="naive"), any_demo_db.session() as s:
        s.add(
            OutageEventRow(
                outage_id=1,
                kind="remark",
                text="x",
                occurred_at=datetime(2026, 1, 1),
                entered_at=DEMO_NOW,
                entered_by="t",
            )
        )
        s.flush()


def test_a_failed_action_leaves_nothing_half_written(any_demo_db: Database, tmp_path: Path) -> None:
    with any_demo_db.session() as s:
        before = OutageRepository(s).count_open()
    with pytest.raises(RuntimeError), any_demo_db.session() as s:
        repo = OutageRepository(s)
        outage = repo.list_board(DEMO_NOW)[0]
        s.execute(
            OutageEventRow.__table__.insert().values(
                outage_id=outage.outage_id,
                kind="x",
                text="",
                occurred_at=DEMO_NOW,
                entered_at=DEMO_NOW,
                entered_by="t",
            )
        )
        raise RuntimeError("the dispatcher's action failed half-way")
    with any_demo_db.session() as s:
        assert OutageRepository(s).count_open() == before
        assert all(e.kind != "x" for e in OutageRepository(s).journal(outage.outage_id))
    assert OutageStatus.CONFIRMED.is_open


def test_new_outages_get_fresh_ids_after_the_demo_seed(any_demo_db: Database) -> None:
    """Seeding writes explicit ids; PostgreSQL's sequences must have moved past them."""
    with any_demo_db.session() as s:
        existing = max(
            o.outage_id for o in OutageRepository(s).list_board(DEMO_NOW - timedelta(days=1))
        )
        row = OutageRow(
            reference="SC-TEST-1", kind="unplanned", status="predicted", cause="",
            started_at=DEMO_NOW, reported_at=DEMO_NOW,
        )  # fmt: skip
        s.add(row)
        s.flush()
        assert row.outage_id > existing
