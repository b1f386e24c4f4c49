"""The SQL store's repositories give back what they were given, numbered and versioned."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import event, insert, select, update

from db import Database
from db.models import (
    CrewAssignmentRow,
    NetworkImportRow,
    OutageEventRow,
    OutageRow,
    SwitchingOperationRow,
)
from db.models import SwitchingDeviceRow as Sw
from db.repositories.network import NetworkRepository
from db.repositories.network_state import NetworkCache
from db.store import SqlStore
from ops.access.roles import Role
from ops.access.signin import Account
from ops.crews.records import CrewStatus
from ops.errors import DomainError, NotFound, StaleEdit
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.journal import EntryKind, correction_of, new_entry
from ops.outages.records import EtrConfidence, EtrSource, OutageStatus
from ops.planned.records import SwitchAction
from tests.conftest import DEMO_NOW
from tests.db.store_helpers import RECLOSER, a_draft, clock_at, minutes_after_seed


def test_an_added_outage_is_numbered_in_its_year_and_reads_back_equal(
    any_demo_db: Database,
) -> None:
    with any_demo_db.session() as s:
        store = SqlStore(s, clock=clock_at(5))
        first = store.outages.add(a_draft(crew_ids=("DOI-06",)))
        second = store.outages.add(a_draft())
        # 17:30 UTC on 31 December is 00:30 on New Year's Day in Vietnam: a new series.
        new_year = store.outages.add(a_draft(DEMO_NOW.replace(month=12, day=31, hour=17)))
    assert (first.reference, second.reference) == ("SC-2026-0657", "SC-2026-0658")  # demo: 0656
    assert new_year.reference == "SC-2027-0001"
    assert (first.version, first.crew_ids) == (1, ("DOI-06",))
    with any_demo_db.session() as s:
        store = SqlStore(s)
        assert store.outages.get(first.outage_id) == first
        assert store.outages.get(new_year.outage_id) == new_year
        active = {o.outage_id for o in store.outages.list_active()}
        assert store.crews.get("DOI-06").outage_ids == (first.outage_id,)  # type: ignore[union-attr]
        assert store.outages.get(10_000) is None
    assert {first.outage_id, second.outage_id} <= active
    assert 1 not in active  # the demo's closed outage


def test_an_update_must_name_the_stored_version(any_demo_db: Database) -> None:
    with any_demo_db.session() as s:
        store = SqlStore(s, clock=clock_at(5))
        added = store.outages.add(a_draft())
        etr = minutes_after_seed(120)
        edited = replace(
            added, etr=etr, etr_source=EtrSource.CREW, etr_confidence=EtrConfidence.HIGH,
            etr_changes=1, cause="cây đổ " * 50,
        )  # fmt: skip
        stored = store.outages.update(edited, expected_version=1)
        assert stored == replace(edited, version=2)
        with pytest.raises(StaleEdit) as refused:
            store.outages.update(replace(edited, cause="overwrite"), expected_version=1)
        assert refused.value.params == {
            "reference": added.reference, "outage_id": added.outage_id, "seen": 1, "stored": 2,
        }  # fmt: skip
        with pytest.raises(NotFound):
            store.outages.update(replace(edited, outage_id=10_000), expected_version=1)
        assert store.outages.get(added.outage_id) == stored  # long causes fit too
        closed = store.outages.update(
            replace(stored, status=OutageStatus.CLOSED), expected_version=2
        )
        assert closed.version == 3
        closed_at = s.scalar(
            select(OutageRow.closed_at).where(OutageRow.outage_id == 1 * added.outage_id)
        )
        assert closed_at == minutes_after_seed(5)
        assert added.outage_id not in {o.outage_id for o in store.outages.list_active()}


def test_crews_and_outages_are_two_views_of_the_assignment_rows(any_demo_db: Database) -> None:
    with any_demo_db.session() as s:
        store = SqlStore(s, clock=clock_at(5))
        outage = store.outages.add(a_draft())
        crew = store.crews.get("DOI-06")
        assert crew is not None and crew.outage_ids == () and crew.version == 1
        sent = store.crews.update(
            replace(crew, status=CrewStatus.ASSIGNED, outage_ids=(outage.outage_id,),
                    position=(105.6, 10.4), position_at=minutes_after_seed(4)),
            expected_version=1,
        )  # fmt: skip
        assert store.crews.get("DOI-06") == sent and sent.version == 2
        assert store.outages.get(outage.outage_id).crew_ids == ("DOI-06",)  # type: ignore[union-attr]
        with pytest.raises(StaleEdit):
            store.crews.update(replace(crew, status=CrewStatus.EN_ROUTE), expected_version=1)
    with any_demo_db.session() as s:  # released from the outage's side, at the store's clock
        store = SqlStore(s, clock=clock_at(30))
        held = store.outages.get(outage.outage_id)
        assert held is not None
        store.outages.update(replace(held, crew_ids=()), expected_version=held.version)
        assert store.crews.get("DOI-06").outage_ids == ()  # type: ignore[union-attr]
        rows = s.execute(
            select(CrewAssignmentRow.assigned_at, CrewAssignmentRow.released_at).where(
                CrewAssignmentRow.outage_id == outage.outage_id
            )
        ).all()
    assert [tuple(r) for r in rows] == [(minutes_after_seed(5), minutes_after_seed(30))]


def test_a_crew_update_stores_its_members(any_demo_db: Database) -> None:
    with any_demo_db.session() as s:
        store = SqlStore(s)
        crew = store.crews.get("DOI-01")
        assert crew is not None and len(crew.members) >= 2
        fewer = replace(crew, members=crew.members[:1], vehicle="67C-000.01")
        assert store.crews.update(fewer, expected_version=crew.version) == replace(
            fewer, version=crew.version + 1
        )
    with any_demo_db.session() as s:
        assert SqlStore(s).crews.get("DOI-01") == replace(fewer, version=crew.version + 1)
        with pytest.raises(NotFound):
            SqlStore(s).crews.update(replace(crew, crew_id="DOI-99"), expected_version=1)


def test_the_journal_only_ever_inserts_and_keeps_corrections(any_demo_db: Database) -> None:
    statements: list[str] = []

    def watch(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement.split()[0].upper())

    event.listen(any_demo_db.engine, "before_cursor_execute", watch)
    with any_demo_db.session() as s:
        journal = SqlStore(s).journal
        line = journal.append(
            new_entry(5, EntryKind.REMARK, "  dây chạm cây  ", occurred_at=minutes_after_seed(-30),
                      entered_at=minutes_after_seed(1), entered_by="dieudo",
                      data=(("b", "2"), ("a", "1")))
        )  # fmt: skip
        fix = journal.append(
            correction_of(line, "dây chạm cây dừa", entered_at=minutes_after_seed(2),
                          entered_by="truongca")
        )  # fmt: skip
    event.remove(any_demo_db.engine, "before_cursor_execute", watch)
    assert "UPDATE" not in statements and "DELETE" not in statements
    assert (line.text, line.corrects, fix.corrects) == ("dây chạm cây", None, line.entry_id)
    with any_demo_db.session() as s:
        journal = SqlStore(s).journal
        assert journal.get(line.entry_id) == line and journal.get(fix.entry_id) == fix
        assert journal.get(10_000_000) is None
        assert list(journal.for_outage(5))[-2:] == [line, fix]  # in the order entered
        data = s.scalar(select(OutageEventRow.data).where(OutageEventRow.entry_id == line.entry_id))
    assert list(data.items()) == [("b", "2"), ("a", "1")]


def test_the_switching_log_gives_operations_since_a_field_time_in_recorded_order(
    any_demo_db: Database,
) -> None:
    late = DeviceOperation(minutes_after_seed(-20), RECLOSER, SwitchAction.OPEN, 5)
    early = DeviceOperation(minutes_after_seed(-40), "FCO-471-CL-L01", SwitchAction.CLOSE)
    with any_demo_db.session() as s:
        log = SqlStore(s, clock=clock_at(3), entered_by="dieudo").switching
        seeded = set(log.since(minutes_after_seed(-40)))  # the demo day's own switching
        log.append(late)
        log.append(early)  # a late field report of an earlier operation
        assert [op for op in log.since(minutes_after_seed(-40)) if op not in seeded] == [
            late,
            early,
        ]
        assert [op for op in log.since(minutes_after_seed(-30)) if op not in seeded] == [late]
        assert [op for op in log.since(minutes_after_seed(-19)) if op not in seeded] == []
        entered = s.execute(
            select(SwitchingOperationRow.entered_at, SwitchingOperationRow.entered_by).where(
                SwitchingOperationRow.entered_by != "demo"
            )
        ).all()
    assert [tuple(r) for r in entered] == [(minutes_after_seed(3), "dieudo")] * 2


def test_the_network_state_is_the_stored_network_with_its_switches_as_set(
    any_demo_db: Database,
) -> None:
    cache = NetworkCache()
    with any_demo_db.session() as s:
        network = SqlStore(s, clock=clock_at(9), network=cache).network
        stored = NetworkRepository(s).load_model()
        assert network.model() == stored
        points = network.supply_points()
        assert len(points) == NetworkRepository(s).customer_count()
        assert sum(p.priority for p in points) == sum(stored.priority_counts.values())
        store = SqlStore(s, clock=clock_at(9), network=cache)
        store.switching.append(DeviceOperation(minutes_after_seed(7), RECLOSER, SwitchAction.OPEN))
        store.network.set_switch(RECLOSER, True)
        assert _switch(store.network.model(), RECLOSER).is_open
        with pytest.raises(StaleEdit):  # opened already, by this action or by someone else
            store.network.set_switch(RECLOSER, True)
        with pytest.raises(NotFound):
            store.network.set_switch("NO-SUCH-SWITCH", True)
        row = s.execute(
            select(Sw.is_open, Sw.state_changed_at, Sw.version).where(Sw.switch_id == RECLOSER)
        ).one()
    assert tuple(row) == (True, minutes_after_seed(7), 2)  # from the operation's field time
    with any_demo_db.session() as s:  # the next action sees it, without reading the network
        assert _switch(SqlStore(s, network=cache).network.model(), RECLOSER).is_open
    assert cache.loads == 1


def test_the_network_is_read_again_after_an_import(any_demo_db: Database) -> None:
    reloads: list[int] = []
    cache = NetworkCache(on_reload=lambda: reloads.append(1))
    with any_demo_db.session() as s:
        SqlStore(s, network=cache).network.model()
    with any_demo_db.session() as s:  # what an import does, in short: new data, a new record
        s.execute(update(Sw).where(Sw.switch_id == RECLOSER).values(name="Recloser mới"))
        s.execute(
            insert(NetworkImportRow).values(
                imported_at=minutes_after_seed(1), source="test", imported_by="t", summary={}
            )
        )
    with any_demo_db.session() as s:
        assert _switch(SqlStore(s, network=cache).network.model(), RECLOSER).name == "Recloser mới"
    assert cache.loads == 2 and len(reloads) == 2  # e.g. the ledger cache forgets its replay


def test_accounts_are_stored_with_a_version(any_demo_db: Database) -> None:
    new = Account("nv.binh", "Nguyễn Văn Bình", Role.CALL_TAKER, "scrypt$x", version=7)
    with any_demo_db.session() as s:
        accounts = SqlStore(s).accounts
        assert accounts.get("dieudo").role is Role.DISPATCHER  # type: ignore[union-attr]
        added = accounts.add(new)
        assert added == replace(new, version=1) == accounts.get("nv.binh")
        with pytest.raises(DomainError, match="taken"):
            accounts.add(new)
        locked = replace(added, failed_attempts=5, locked_until=DEMO_NOW + timedelta(minutes=15))
        assert accounts.update(locked, expected_version=1) == replace(locked, version=2)
        with pytest.raises(StaleEdit):
            accounts.update(replace(added, active=False), expected_version=1)
        with pytest.raises(NotFound):
            accounts.update(replace(added, username="nobody"), expected_version=1)
    with any_demo_db.session() as s:
        assert SqlStore(s).accounts.get("nv.binh") == replace(locked, version=2)
        assert SqlStore(s).accounts.get("nobody") is None


def _switch(model, switch_id):  # type: ignore[no-untyped-def]
    return next(w for w in model.switches if w.switch_id == switch_id)
