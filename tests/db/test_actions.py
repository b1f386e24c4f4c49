"""The domain services end to end on the SQL store: one action, one transaction, one change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db import Database
from db.actions import ChangesMissedError, caches_for, changes_since, latest_change, warm_up
from db.models import ChangeLogRow, SwitchingDeviceRow
from db.seed import DEMO_ACCOUNTS, DEMO_PASSWORD
from db.store import SqlStore
from ops.access import accounts
from ops.access.signin import SignInOutcome
from ops.crews import services as crew_services
from ops.errors import PermissionDenied, StaleEdit
from ops.outages import remarks
from ops.outages import services as outage_services
from ops.outages.journal import EntryKind, new_entry
from ops.outages.records import EtrConfidence, EtrSource, Outage, OutageStatus
from ops.planned.records import SwitchAction
from ops.stores import Changes
from tests.db.store_helpers import (
    DISPATCHER,
    RECLOSER,
    SECTIONALISER,
    VIEWER,
    act,
    clock_at,
    counts,
    ledgers,
    minutes_after_seed,
)


def outage(db: Database, outage_id: int) -> Outage:
    with db.session() as s:
        found = SqlStore(s).outages.get(outage_id)
    assert found is not None
    return found


def is_open(db: Database, device_id: str) -> bool:
    with db.session() as s:
        return bool(
            s.scalar(
                select(SwitchingDeviceRow.is_open).where(SwitchingDeviceRow.switch_id == device_id)
            )
        )


def step(db: Database, outage_id: int, device: str, action: SwitchAction, at: float) -> Changes:
    version = outage(db, outage_id).version
    return act(
        db,
        lambda st: outage_services.operate_device(
            st, DISPATCHER, clock_at(at), outage_id=outage_id, version=version, device_id=device,
            action=action, occurred_at=minutes_after_seed(at), ledgers=ledgers(db),
        ),
        clock_at(at),
    )  # fmt: skip


def trip(db: Database, device: str, at: float) -> int:
    changes = act(
        db,
        lambda st: outage_services.record_trip(
            st, DISPATCHER, clock_at(at + 2), device_id=device,
            occurred_at=minutes_after_seed(at), ledgers=ledgers(db),
        ),
        clock_at(at + 2),
    )  # fmt: skip
    assert changes.created_outage is not None
    return changes.created_outage


def test_a_fault_from_trip_to_close_on_the_demo_district(any_demo_db: Database) -> None:
    db = any_demo_db
    seq = latest_change(db)
    oid = trip(db, RECLOSER, 1)
    tripped = outage(db, oid)
    assert (tripped.reference, tripped.status) == ("SC-2026-0657", OutageStatus.CONFIRMED)
    assert tripped.customers_out == tripped.customers_affected > 0 and is_open(db, RECLOSER)

    step(db, oid, SECTIONALISER, SwitchAction.OPEN, 10)  # isolate the faulty section
    step(db, oid, RECLOSER, SwitchAction.CLOSE, 20)  # and give the rest their supply back
    partly = outage(db, oid)
    assert partly.status is OutageStatus.PARTIALLY_RESTORED
    assert 0 < partly.customers_out < partly.customers_affected

    etr = minutes_after_seed(200)
    act(db, lambda st: crew_services.set_etr(
        st, DISPATCHER, clock_at(25), outage_id=oid, version=partly.version, etr=etr,
        source=EtrSource.CREW, confidence=EtrConfidence.HIGH,
    ), clock_at(25))  # fmt: skip
    for crew_id in ("DOI-06", "DOI-04"):
        with db.session() as s:
            crew_version = SqlStore(s).crews.get(crew_id).version  # type: ignore[union-attr]
        version = outage(db, oid).version
        act(db, lambda st, c=crew_id, v=version, cv=crew_version: crew_services.assign_crew(
            st, DISPATCHER, clock_at(30), outage_id=oid, outage_version=v, crew_id=c,
            crew_version=cv,
        ), clock_at(30))  # fmt: skip
    assert outage(db, oid).crew_ids == ("DOI-04", "DOI-06") and outage(db, oid).etr == etr

    step(db, oid, SECTIONALISER, SwitchAction.CLOSE, 90)  # repaired
    restored = outage(db, oid)
    assert (restored.status, restored.customers_out, restored.restored_at) == (
        OutageStatus.RESTORED, 0, minutes_after_seed(90),
    )  # fmt: skip
    for crew_id in restored.crew_ids:
        with db.session() as s:
            crew_version = SqlStore(s).crews.get(crew_id).version  # type: ignore[union-attr]
        version = outage(db, oid).version
        act(db, lambda st, c=crew_id, v=version, cv=crew_version: crew_services.release_crew(
            st, DISPATCHER, clock_at(95), outage_id=oid, outage_version=v, crew_id=c,
            crew_version=cv,
        ), clock_at(95))  # fmt: skip
    version = outage(db, oid).version
    act(db, lambda st: outage_services.close(
        st, DISPATCHER, clock_at(100), outage_id=oid, version=version, cause="vegetation",
    ), clock_at(100))  # fmt: skip

    closed = outage(db, oid)
    assert (closed.status, closed.cause, closed.crew_ids) == (
        OutageStatus.CLOSED,
        "vegetation",
        (),
    )
    with db.session() as s:
        kinds = [e.kind for e in SqlStore(s).journal.for_outage(oid)]
        assert SqlStore(s).crews.get("DOI-06").outage_ids == ()  # type: ignore[union-attr]
        logged = [
            (op.device_id, op.action) for op in SqlStore(s).switching.since(tripped.started_at)
        ]
    assert kinds == [
        "status_change", "device_operation", "device_operation",  # recorded, tripped, isolated
        "status_change", "device_operation",  # partially restored by the recloser
        "etr_change", "assignment", "assignment",
        "status_change", "device_operation",  # restored
        "assignment", "assignment", "status_change",  # released, closed
    ]  # fmt: skip
    assert logged == [
        (RECLOSER, SwitchAction.OPEN), (SECTIONALISER, SwitchAction.OPEN),
        (RECLOSER, SwitchAction.CLOSE), (SECTIONALISER, SwitchAction.CLOSE),
    ]  # fmt: skip
    assert not is_open(db, RECLOSER) and not is_open(db, SECTIONALISER)
    new_seq, changes = changes_since(db, seq)
    assert new_seq == seq + 10  # one change-log row per action
    assert oid in changes.outages and changes.network and {"DOI-04", "DOI-06"} <= changes.crews


def test_a_false_alarm_is_cancelled_and_its_device_closed_again(any_demo_db: Database) -> None:
    db = any_demo_db
    oid = trip(db, RECLOSER, 1)
    version = outage(db, oid).version
    changes = act(db, lambda st: outage_services.cancel(
        st, DISPATCHER, clock_at(10), outage_id=oid, version=version,
        reason="rơ-le tác động nhầm", ledgers=ledgers(db),
    ), clock_at(10))  # fmt: skip
    cancelled = outage(db, oid)
    assert (cancelled.status, cancelled.customers_out) == (OutageStatus.CANCELLED, 0)
    assert not is_open(db, RECLOSER) and changes.network


def test_a_viewer_is_refused_and_nothing_is_written(any_demo_db: Database) -> None:
    db = any_demo_db
    before = counts(db)
    with pytest.raises(PermissionDenied):
        act(db, lambda st: outage_services.record_trip(
            st, VIEWER, clock_at(2), device_id=RECLOSER, occurred_at=minutes_after_seed(1),
        ), clock_at(2))  # fmt: skip
    assert counts(db) == before and not is_open(db, RECLOSER)


def test_an_action_that_fails_half_way_leaves_nothing_behind(any_demo_db: Database) -> None:
    db = any_demo_db
    before = counts(db)

    def half_way(store: SqlStore) -> Changes:
        store.journal.append(new_entry(
            5, EntryKind.REMARK, "written, then refused", occurred_at=minutes_after_seed(1),
            entered_at=minutes_after_seed(1), entered_by="dieudo",
        ))  # fmt: skip
        raise StaleEdit("someone else changed outage 5")

    with pytest.raises(StaleEdit):
        act(db, half_way, clock_at(1))
    assert counts(db) == before


def test_changes_reach_another_console_through_the_change_log(
    any_demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = any_demo_db
    start = latest_change(db)

    def remark(outage_id: int, workstation: str) -> None:
        act(db, lambda st: remarks.add_remark(
            st, DISPATCHER, clock_at(1), outage_id=outage_id, text="khách hàng gọi báo",
        ), clock_at(1), workstation)  # fmt: skip

    remark(5, "A")
    remark(6, "B")
    assert changes_since(db, start) == (start + 2, Changes(journal=frozenset({5, 6})))
    assert changes_since(db, start, skip_workstation="A") == (
        start + 2, Changes(journal=frozenset({6}))
    )  # fmt: skip
    assert changes_since(db, start + 2) == (start + 2, Changes())
    with pytest.raises(ChangesMissedError):  # e.g. a database restored from an older backup
        changes_since(db, start + 5)

    monkeypatch.setattr("db.repositories.change_log._PRUNE_EVERY", 1)
    monkeypatch.setattr("db.repositories.change_log.KEEP_CHANGES", 1)
    remark(7, "A")
    with db.session() as s:
        assert s.scalar(select(ChangeLogRow.seq)) == start + 3  # the older rows are gone
    with pytest.raises(ChangesMissedError):
        changes_since(db, start)
    assert changes_since(db, start + 2) == (start + 3, Changes(journal=frozenset({7})))


def test_the_demo_accounts_sign_in_with_the_demo_password(any_demo_db: Database) -> None:
    db = any_demo_db
    seq = latest_change(db)
    for username, _, role in DEMO_ACCOUNTS:
        result = act(db, lambda st, u=username: accounts.sign_in(
            st, clock_at(1), username=u, password=DEMO_PASSWORD
        ), clock_at(1))  # fmt: skip
        assert result.outcome is SignInOutcome.SIGNED_IN and result.user is not None
        assert result.user.role is role
    refused = act(db, lambda st: accounts.sign_in(
        st, clock_at(2), username="dieudo", password="wrong password"
    ), clock_at(2))  # fmt: skip
    assert refused.outcome is SignInOutcome.REFUSED
    with db.session() as s:
        account = SqlStore(s).accounts.get("dieudo")
    assert account is not None and (account.failed_attempts, account.version) == (1, 2)
    assert latest_change(db) == seq  # a sign-in changes nothing another console shows


def test_a_second_workstation_editing_an_old_version_is_refused(any_demo_db: Database) -> None:
    db = any_demo_db
    seen = outage(db, 5)  # both workstations show version n
    etr = minutes_after_seed(300)

    def set_etr(at: float) -> Changes:
        return act(db, lambda st: crew_services.set_etr(
            st, DISPATCHER, clock_at(at), outage_id=5, version=seen.version,
            etr=etr + timedelta(minutes=at), source=EtrSource.DISPATCHER,
            confidence=EtrConfidence.LOW,
        ), clock_at(at))  # fmt: skip

    set_etr(1)
    with pytest.raises(StaleEdit, match="changed by someone else"):
        set_etr(2)
    assert outage(db, 5).etr == etr + timedelta(minutes=1)


def test_the_network_is_read_once_per_database_not_once_per_action(any_demo_db: Database) -> None:
    db = any_demo_db
    warm_up(db)  # e.g. on the worker thread, once the window shows
    for at, element in ((1, "FCO-471-CL-L01"), (2, "FCO-471-CL-L02")):
        act(db, lambda st, a=at, e=element: outage_services.record_prediction(
            st, DISPATCHER, clock_at(a), element_id=e, occurred_at=minutes_after_seed(a),
        ), clock_at(at))  # fmt: skip
    assert caches_for(db).network.loads == 1
