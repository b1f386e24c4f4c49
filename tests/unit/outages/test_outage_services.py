"""Outage services on an in-memory store: record, confirm, restore in steps, close, cancel.

Permissions are enforced in the services themselves, every edit names the version the user
saw, and each service returns what it changed.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from ops.access.roles import Role
from ops.errors import InvalidOperation, InvalidTransition, NotFound, PermissionDenied, StaleEdit
from ops.outages import services as outage_services
from ops.outages.records import OutageStatus
from ops.outages.switching import LedgerCache
from ops.planned.records import SwitchAction
from ops.stores import Changes
from tests.unit.builders import a_crew
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_store, a_user, at, clock_at

DISPATCHER = a_user(Role.DISPATCHER)
CALL_TAKER = a_user(Role.CALL_TAKER, "tv.hoa")
VIEWER = a_user(Role.VIEWER, "xem")


def trip(store: MemoryStore, device: str, hhmm: str, entered: str | None = None) -> int:
    changes = outage_services.record_trip(
        store, DISPATCHER, clock_at(entered or hhmm), device_id=device, occurred_at=at(hhmm)
    )
    assert changes.created_outage is not None
    return changes.created_outage


def step(store: MemoryStore, outage_id: int, device: str, action: SwitchAction, hhmm: str,
         entered: str | None = None) -> Changes:  # fmt: skip
    return outage_services.operate_device(
        store, DISPATCHER, clock_at(entered or hhmm), outage_id=outage_id,
        version=store.outages.rows[outage_id].version, device_id=device, action=action,
        occurred_at=at(hhmm),
    )  # fmt: skip


def test_recording_a_trip_creates_a_confirmed_outage_from_tracing() -> None:
    store = a_store()
    changes = outage_services.record_trip(
        store, DISPATCHER, clock_at("14:05"), device_id="REC-1", occurred_at=at("14:02"),
        cause="vegetation",
    )  # fmt: skip
    assert changes == Changes(
        outages=frozenset({1}), network=True, journal=frozenset({1}), created_outage=1
    )
    o = store.outages.rows[1]
    assert (o.status, o.device_id, o.feeder_id, o.cause) == (
        OutageStatus.CONFIRMED, "REC-1", "F1", "vegetation",
    )  # fmt: skip
    assert (o.customers_affected, o.customers_out, o.priority_customers) == (7, 7, 1)
    assert (o.started_at, o.reported_at) == (at("14:02"), at("14:05"))  # trip vs learned
    assert o.reference == "SC-2026-0001"
    assert store.network.is_open("REC-1")
    assert [op.device_id for op in store.switching.rows] == ["REC-1"]
    assert store.journal.kinds(1) == ["status_change", "device_operation"]
    assert all(e.entered_by == DISPATCHER.username for e in store.journal.rows)


def test_restoration_in_steps_with_a_nested_fuse() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    fuse = trip(store, "FU-1", "14:30")  # found open inside the dark section
    o1, o2 = store.outages.rows[recloser], store.outages.rows[fuse]
    assert (o1.customers_out, o2.customers_out, o2.customers_affected) == (3, 4, 4)
    assert o1.status is OutageStatus.CONFIRMED  # handing over is not restoring
    changes = step(store, recloser, "REC-1", SwitchAction.CLOSE, "15:00")
    assert changes == Changes(outages=frozenset({recloser}), network=True,
                              journal=frozenset({recloser}))  # fmt: skip
    o1, o2 = store.outages.rows[recloser], store.outages.rows[fuse]
    assert (o1.status, o1.customers_out, o1.restored_at) == (OutageStatus.RESTORED, 0, at("15:00"))
    assert (o2.status, o2.customers_out) == (OutageStatus.CONFIRMED, 4)
    step(store, fuse, "FU-1", SwitchAction.CLOSE, "16:00")
    o2 = store.outages.rows[fuse]
    assert (o2.status, o2.customers_out, o2.restored_at) == (OutageStatus.RESTORED, 0, at("16:00"))
    assert store.journal.kinds(recloser) == [
        "status_change", "device_operation", "status_change", "device_operation",
    ]  # fmt: skip


def test_partial_restoration_by_back_feeding() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    step(store, recloser, "FU-1", SwitchAction.OPEN, "14:20")  # isolate the faulty lateral
    o = store.outages.rows[recloser]
    assert (o.customers_out, o.status) == (7, OutageStatus.CONFIRMED)  # its own device
    changes = step(store, recloser, "TIE-1", SwitchAction.CLOSE, "14:40")  # back-feed the section
    o = store.outages.rows[recloser]
    assert (o.status, o.customers_affected, o.customers_out) == (
        OutageStatus.PARTIALLY_RESTORED, 7, 4,
    )  # fmt: skip
    assert changes.outages == {recloser} and changes.network


def test_a_late_field_report_is_put_where_it_happened() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    step(store, recloser, "REC-1", SwitchAction.CLOSE, "15:00")
    assert store.outages.rows[recloser].status is OutageStatus.RESTORED
    # At 15:10 the crew reports the fuse had blown at 14:30: its lateral never came back.
    fuse = trip(store, "FU-1", "14:30", entered="15:10")
    o1, o2 = store.outages.rows[recloser], store.outages.rows[fuse]
    assert (o2.started_at, o2.reported_at) == (at("14:30"), at("15:10"))
    assert (o2.customers_out, o2.customers_affected) == (4, 4)
    assert (o1.status, o1.customers_out) == (OutageStatus.RESTORED, 0)


def test_prediction_by_a_call_taker_then_confirmation() -> None:
    store = a_store()
    changes = outage_services.record_prediction(
        store, CALL_TAKER, clock_at("09:05"), element_id="FU-1", occurred_at=at("09:00")
    )
    o = store.outages.rows[changes.created_outage or 0]
    assert (o.status, o.customers_affected, o.priority_customers) == (
        OutageStatus.PREDICTED, 4, 1,
    )  # fmt: skip
    assert not store.network.is_open("FU-1") and not store.switching.rows
    with pytest.raises(InvalidTransition, match="confirm outage"):
        step(store, o.outage_id, "FU-1", SwitchAction.OPEN, "09:00", entered="09:10")
    with pytest.raises(PermissionDenied):
        outage_services.confirm(store, CALL_TAKER, clock_at("09:10"), outage_id=1, version=1)
    outage_services.confirm(store, DISPATCHER, clock_at("09:10"), outage_id=1, version=1)
    assert store.outages.rows[1].status is OutageStatus.CONFIRMED
    step(store, 1, "FU-1", SwitchAction.OPEN, "09:00", entered="09:12")
    assert store.outages.rows[1].customers_out == 4


def test_unknown_element_for_a_prediction() -> None:
    with pytest.raises(NotFound, match="no network element X-9"):
        outage_services.record_prediction(
            a_store(), CALL_TAKER, clock_at("09:05"), element_id="X-9", occurred_at=at("09:00")
        )


@pytest.mark.parametrize(
    "call",
    [
        lambda s, u, c: outage_services.record_trip(
            s, u, c, device_id="REC-1", occurred_at=at("14:00")
        ),
        lambda s, u, c: outage_services.record_prediction(
            s, u, c, element_id="REC-1", occurred_at=at("14:00")
        ),
        lambda s, u, c: outage_services.confirm(s, u, c, outage_id=1, version=1),
        lambda s, u, c: outage_services.operate_device(
            s,
            u,
            c,
            outage_id=1,
            version=1,
            device_id="REC-1",
            action=SwitchAction.CLOSE,
            occurred_at=at("14:00"),
        ),
        lambda s, u, c: outage_services.close(s, u, c, outage_id=1, version=1, cause="x"),
        lambda s, u, c: outage_services.cancel(s, u, c, outage_id=1, version=1, reason="x"),
    ],
)
def test_a_viewer_is_refused_by_every_service(call) -> None:  # type: ignore[no-untyped-def]
    store = a_store()
    trip(store, "REC-1", "13:00")
    before = (dict(store.outages.rows), list(store.journal.rows), list(store.switching.rows))
    with pytest.raises(PermissionDenied, match="a viewer may not"):
        call(store, VIEWER, clock_at("14:05"))
    assert (
        dict(store.outages.rows),
        list(store.journal.rows),
        list(store.switching.rows),
    ) == before


def test_a_call_taker_cannot_operate_devices() -> None:
    store = a_store()
    with pytest.raises(PermissionDenied, match="operate device"):
        outage_services.record_trip(
            store, CALL_TAKER, clock_at("14:05"), device_id="REC-1", occurred_at=at("14:00")
        )
    trip(store, "REC-1", "14:00")
    with pytest.raises(PermissionDenied, match="operate device"):
        outage_services.operate_device(
            store, CALL_TAKER, clock_at("14:30"), outage_id=1, version=1, device_id="REC-1",
            action=SwitchAction.CLOSE, occurred_at=at("14:30"),
        )  # fmt: skip


def test_a_stale_edit_is_refused_and_changes_nothing() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    seen = store.outages.rows[recloser].version
    step(store, recloser, "FU-1", SwitchAction.OPEN, "14:10")  # another workstation
    with pytest.raises(StaleEdit, match="changed by someone else") as refused:
        outage_services.operate_device(
            store, DISPATCHER, clock_at("14:20"), outage_id=recloser, version=seen,
            device_id="REC-1", action=SwitchAction.CLOSE, occurred_at=at("14:20"),
        )  # fmt: skip
    assert refused.value.params["stored"] == seen + 1
    assert store.network.is_open("REC-1") and len(store.switching.rows) == 2


def test_impossible_steps_are_refused() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    with pytest.raises(InvalidOperation, match="already open"):
        trip(store, "REC-1", "14:05")
    with pytest.raises(InvalidOperation, match="already closed"):
        step(store, recloser, "FU-1", SwitchAction.CLOSE, "14:10")
    with pytest.raises(InvalidOperation, match="not a switching device"):
        step(store, recloser, "S-A3", SwitchAction.OPEN, "14:10")
    with pytest.raises(InvalidOperation, match="in the future"):
        step(store, recloser, "REC-1", SwitchAction.CLOSE, "15:00", entered="14:30")
    with pytest.raises(InvalidOperation, match="only opening and closing"):
        step(store, recloser, "REC-1", SwitchAction.DISABLE_RECLOSING, "14:10")


def test_closing_needs_restoration_a_cause_and_no_crews() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    clock = clock_at("16:00")
    with pytest.raises(InvalidTransition, match="confirmed cannot become closed"):
        outage_services.close(store, DISPATCHER, clock, outage_id=recloser, version=2, cause="x")
    step(store, recloser, "REC-1", SwitchAction.CLOSE, "15:00")
    version = store.outages.rows[recloser].version
    with pytest.raises(InvalidTransition, match="only with its cause"):
        outage_services.close(
            store, DISPATCHER, clock, outage_id=recloser, version=version, cause=" "
        )
    store.outages.rows[recloser] = replace(store.outages.rows[recloser], crew_ids=("CREW-1",))
    store.crews.add(a_crew(outage_ids=(recloser,)))
    with pytest.raises(InvalidOperation, match=r"release the crews .* first \(Đội Củ Chi 1\)"):
        outage_services.close(  # the crew by its name, not its id
            store, DISPATCHER, clock, outage_id=recloser, version=version, cause="x"
        )
    store.outages.rows[recloser] = replace(store.outages.rows[recloser], crew_ids=())
    changes = outage_services.close(
        store, DISPATCHER, clock, outage_id=recloser, version=version, cause=" vegetation "
    )
    o = store.outages.rows[recloser]
    assert (o.status, o.cause) == (OutageStatus.CLOSED, "vegetation")
    assert changes == Changes(outages=frozenset({recloser}), journal=frozenset({recloser}))
    with pytest.raises(InvalidTransition, match="is closed"):
        step(store, recloser, "REC-1", SwitchAction.OPEN, "16:00")


def test_cancelling_a_false_trip_closes_its_device_in_the_model() -> None:
    store = a_store()
    recloser = trip(store, "REC-1", "14:00")
    changes = outage_services.cancel(
        store, DISPATCHER, clock_at("14:03"), outage_id=recloser, version=2,
        reason="SCADA false indication",
    )  # fmt: skip
    o = store.outages.rows[recloser]
    assert (o.status, o.customers_out) == (OutageStatus.CANCELLED, 0)
    assert not store.network.is_open("REC-1")
    assert changes.network and changes.outages == {recloser}
    assert store.journal.kinds(recloser)[-1] == "status_change"


def test_cancelling_a_prediction() -> None:
    store = a_store()
    outage_services.record_prediction(
        store, CALL_TAKER, clock_at("09:05"), element_id="FU-1", occurred_at=at("09:00")
    )
    with pytest.raises(InvalidTransition, match="needs a reason"):
        outage_services.cancel(
            store, DISPATCHER, clock_at("09:20"), outage_id=1, version=1, reason=""
        )
    outage_services.cancel(
        store, DISPATCHER, clock_at("09:20"), outage_id=1, version=1, reason="caller's own fuse"
    )
    assert store.outages.rows[1].status is OutageStatus.CANCELLED


def _scenario(ledgers: LedgerCache | None) -> MemoryStore:
    store = a_store()
    clock = clock_at

    def trip_(device: str, hhmm: str, entered: str | None = None) -> int:
        changes = outage_services.record_trip(
            store, DISPATCHER, clock(entered or hhmm), device_id=device, occurred_at=at(hhmm),
            ledgers=ledgers,
        )  # fmt: skip
        return changes.created_outage or 0

    def step_(outage_id: int, device: str, action: SwitchAction, hhmm: str) -> None:
        outage_services.operate_device(
            store, DISPATCHER, clock(hhmm), outage_id=outage_id,
            version=store.outages.rows[outage_id].version, device_id=device, action=action,
            occurred_at=at(hhmm), ledgers=ledgers,
        )  # fmt: skip

    recloser = trip_("REC-1", "14:00")
    step_(recloser, "TIE-1", SwitchAction.CLOSE, "14:20")
    with pytest.raises(InvalidOperation):  # refused: the cache must not keep it
        step_(recloser, "TIE-1", SwitchAction.CLOSE, "14:25")
    breaker = trip_("CB-2", "14:40")
    fuse = trip_("FU-1", "14:30", entered="14:45")  # a late report, put before the breaker
    step_(breaker, "CB-2", SwitchAction.CLOSE, "15:00")
    step_(fuse, "FU-1", SwitchAction.CLOSE, "15:10")
    step_(recloser, "TIE-1", SwitchAction.OPEN, "15:20")
    step_(recloser, "REC-1", SwitchAction.CLOSE, "15:30")
    return store


def test_a_kept_ledger_gives_the_same_answers_as_a_replay() -> None:
    ledgers = LedgerCache()
    kept, replayed = _scenario(ledgers), _scenario(None)
    assert kept.outages.rows == replayed.outages.rows
    assert kept.journal.rows == replayed.journal.rows
    assert ledgers.ledger is not None and len(ledgers.ledger.applied) == 8
    statuses = {o.outage_id: o.status for o in kept.outages.rows.values()}
    assert set(statuses.values()) == {OutageStatus.RESTORED}


def test_a_kept_ledger_heals_after_a_rolled_back_action() -> None:
    ledgers = LedgerCache()
    store = a_store()
    outage_services.record_trip(
        store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00"),
        ledgers=ledgers,
    )  # fmt: skip
    before = copy.deepcopy(store)
    outage_services.operate_device(
        store, DISPATCHER, clock_at("14:10"), outage_id=1, version=2, device_id="FU-1",
        action=SwitchAction.OPEN, occurred_at=at("14:10"), ledgers=ledgers,
    )  # fmt: skip
    store = before  # the unit of work was rolled back; the cache has seen the step
    outage_services.operate_device(
        store, DISPATCHER, clock_at("14:20"), outage_id=1, version=2, device_id="REC-1",
        action=SwitchAction.CLOSE, occurred_at=at("14:20"), ledgers=ledgers,
    )  # fmt: skip
    o = store.outages.rows[1]
    assert (o.status, o.customers_out, o.customers_affected) == (OutageStatus.RESTORED, 0, 7)


def test_changes_combine() -> None:
    a = Changes(outages=frozenset({1}), journal=frozenset({1}), created_outage=1)
    b = Changes(crews=frozenset({"CREW-1"}), network=True, outages=frozenset({2}))
    both = a | b
    assert both == Changes(
        outages=frozenset({1, 2}), crews=frozenset({"CREW-1"}), network=True,
        journal=frozenset({1}), created_outage=1,
    )  # fmt: skip
    assert Changes().is_empty and not both.is_empty
