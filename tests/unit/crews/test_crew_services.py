"""Crew, ETR and journal services on an in-memory store."""

from __future__ import annotations

import pytest

from ops.access.roles import Role
from ops.crews import services as crew_services
from ops.crews.records import CrewStatus
from ops.errors import InvalidOperation, InvalidTransition, NotFound, PermissionDenied, StaleEdit
from ops.network.records import AreaClass
from ops.outages import remarks
from ops.outages import services as outage_services
from ops.outages.deadlines import DeadlineKind, DeadlineState, outage_deadlines
from ops.outages.journal import timeline
from ops.outages.records import EtrConfidence, EtrSource
from ops.planned.records import SwitchAction
from ops.policy import load_profile
from ops.stores import Changes
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_store, a_user, at, clock_at, crew_on_duty

DISPATCHER = a_user(Role.DISPATCHER)
CALL_TAKER = a_user(Role.CALL_TAKER, "tv.hoa")
VIEWER = a_user(Role.VIEWER, "xem")
VN = load_profile("vn-default")


def with_outage(*crew_ids: str) -> MemoryStore:
    store = a_store()
    for crew_id in crew_ids:
        store.crews.rows[crew_id] = crew_on_duty(crew_id)
    outage_services.record_trip(
        store, DISPATCHER, clock_at("14:02"), device_id="REC-1", occurred_at=at("14:00")
    )
    return store


def assign(store: MemoryStore, crew_id: str, outage_id: int = 1, hhmm: str = "14:10") -> Changes:
    return crew_services.assign_crew(
        store, DISPATCHER, clock_at(hhmm), outage_id=outage_id,
        outage_version=store.outages.rows[outage_id].version, crew_id=crew_id,
        crew_version=store.crews.rows[crew_id].version,
    )  # fmt: skip


def crew_status(store: MemoryStore, crew_id: str, status: CrewStatus, hhmm: str) -> Changes:
    return crew_services.set_crew_status(
        store, DISPATCHER, clock_at(hhmm), crew_id=crew_id,
        crew_version=store.crews.rows[crew_id].version, status=status,
    )  # fmt: skip


def test_several_crews_on_one_outage() -> None:
    store = with_outage("CREW-1", "CREW-2")
    changes = assign(store, "CREW-1")
    assert changes == Changes(
        outages=frozenset({1}), crews=frozenset({"CREW-1"}), journal=frozenset({1})
    )
    assign(store, "CREW-2")
    assert store.outages.rows[1].crew_ids == ("CREW-1", "CREW-2")
    for crew_id in ("CREW-1", "CREW-2"):
        crew = store.crews.rows[crew_id]
        assert (crew.status, crew.outage_ids) == (CrewStatus.ASSIGNED, (1,))
    assert store.journal.kinds(1).count("assignment") == 2


def test_a_crew_through_its_job_and_free_again() -> None:
    store = with_outage("CREW-1")
    assign(store, "CREW-1")
    with pytest.raises(InvalidTransition, match="assigned cannot become on site"):
        crew_status(store, "CREW-1", CrewStatus.ARRIVED, "14:20")
    for status, hhmm in [
        (CrewStatus.EN_ROUTE, "14:12"),
        (CrewStatus.ARRIVED, "14:40"),
        (CrewStatus.FIELD_COMPLETE, "15:30"),
    ]:
        changes = crew_status(store, "CREW-1", status, hhmm)
        assert changes == Changes(crews=frozenset({"CREW-1"}), journal=frozenset({1}))
        assert store.crews.rows["CREW-1"].status is status
    with pytest.raises(InvalidOperation, match="release"):
        crew_status(store, "CREW-1", CrewStatus.AWAITING, "15:31")
    crew_services.release_crew(
        store, DISPATCHER, clock_at("15:32"), outage_id=1,
        outage_version=store.outages.rows[1].version, crew_id="CREW-1",
        crew_version=store.crews.rows["CREW-1"].version,
    )  # fmt: skip
    crew = store.crews.rows["CREW-1"]
    assert (crew.status, crew.outage_ids) == (CrewStatus.AWAITING, ())
    assert store.outages.rows[1].crew_ids == ()
    assert [e.text for e in store.journal.for_outage(1) if e.kind == "assignment"][-1].endswith(
        "released"
    )


def test_a_busy_crew_takes_a_second_outage_without_changing_its_status() -> None:
    store = with_outage("CREW-1")
    outage_services.record_trip(
        store, DISPATCHER, clock_at("14:06"), device_id="CB-2", occurred_at=at("14:05")
    )
    assign(store, "CREW-1")
    crew_status(store, "CREW-1", CrewStatus.EN_ROUTE, "14:12")
    assign(store, "CREW-1", outage_id=2, hhmm="14:15")
    crew = store.crews.rows["CREW-1"]
    assert (crew.status, crew.outage_ids) == (CrewStatus.EN_ROUTE, (1, 2))
    with pytest.raises(InvalidOperation, match="already assigned"):
        assign(store, "CREW-1", outage_id=2, hhmm="14:16")


def test_assigning_with_a_stale_crew_is_refused() -> None:
    store = with_outage("CREW-1")
    seen = store.crews.rows["CREW-1"].version
    assign(store, "CREW-1")
    with pytest.raises(StaleEdit):
        crew_services.release_crew(
            store, DISPATCHER, clock_at("14:20"), outage_id=1,
            outage_version=store.outages.rows[1].version, crew_id="CREW-1", crew_version=seen,
        )  # fmt: skip


def test_call_takers_and_viewers_cannot_dispatch() -> None:
    store = with_outage("CREW-1")
    for user in (CALL_TAKER, VIEWER):
        with pytest.raises(PermissionDenied):
            crew_services.assign_crew(
                store, user, clock_at("14:10"), outage_id=1, outage_version=2,
                crew_id="CREW-1", crew_version=1,
            )  # fmt: skip


def test_etr_changes_are_journaled_and_moves_counted() -> None:
    store = with_outage()

    def set_etr(hhmm: str, etr: str, source: EtrSource = EtrSource.CREW) -> None:
        crew_services.set_etr(
            store, DISPATCHER, clock_at(hhmm), outage_id=1,
            version=store.outages.rows[1].version, etr=at(etr), source=source,
            confidence=EtrConfidence.HIGH,
        )  # fmt: skip

    set_etr("14:10", "16:00", EtrSource.SYSTEM)
    assert store.outages.rows[1].etr_changes == 0  # the first ETR is not a move
    set_etr("14:40", "16:00")  # same time, now from the crew: not a move
    set_etr("15:00", "17:30")
    o = store.outages.rows[1]
    assert (o.etr, o.etr_source, o.etr_changes) == (at("17:30"), EtrSource.CREW, 1)
    assert store.journal.kinds(1).count("etr_change") == 3
    with pytest.raises(InvalidOperation, match="in the future"):
        set_etr("15:10", "15:00")
    with pytest.raises(PermissionDenied):
        crew_services.set_etr(
            store, CALL_TAKER, clock_at("15:10"), outage_id=1, version=o.version,
            etr=at("18:00"), source=EtrSource.CREW, confidence=EtrConfidence.LOW,
        )  # fmt: skip


def test_system_etr_uses_the_assigned_crews() -> None:
    store = with_outage("CREW-1")
    assign(store, "CREW-1")
    estimate = crew_services.system_etr(
        store, VIEWER, clock_at("14:10"), outage_id=1, cause_category="vegetation",
        settings=VN.etr,
    )  # fmt: skip
    assert estimate.crew_id == "CREW-1" and estimate.confidence is EtrConfidence.HIGH
    assert estimate.etr > at("15:40")  # 90 min of repair plus some travel


def test_remark_and_correction() -> None:
    store = with_outage()
    changes = remarks.add_remark(
        store, CALL_TAKER, clock_at("14:20"), outage_id=1, text="Khách báo nghe tiếng nổ"
    )
    assert changes == Changes(journal=frozenset({1}))
    with pytest.raises(PermissionDenied):
        remarks.add_remark(store, VIEWER, clock_at("14:20"), outage_id=1, text="x")
    trip_line = store.journal.for_outage(1)[1]
    remarks.correct_entry(
        store, DISPATCHER, clock_at("14:30"), entry_id=trip_line.entry_id,
        text="recloser opened at 13:58, not 14:00", occurred_at=at("13:58"),
    )  # fmt: skip
    assert store.journal.for_outage(1)[1] == trip_line  # never edited
    correction = store.journal.rows[-1]
    assert (correction.kind, correction.corrects) == ("correction", trip_line.entry_id)
    items = {i.entry.entry_id: i for i in timeline(store.journal.for_outage(1))}
    assert items[trip_line.entry_id].corrected_by == (correction.entry_id,)
    with pytest.raises(PermissionDenied):
        remarks.correct_entry(store, CALL_TAKER, clock_at("14:31"), entry_id=1, text="x")
    with pytest.raises(NotFound):
        remarks.correct_entry(store, DISPATCHER, clock_at("14:31"), entry_id=99, text="x")


def test_a_breach_reason_goes_to_the_journal() -> None:
    store = with_outage()
    outage = store.outages.rows[1]

    def restore_deadline(hhmm: str):  # type: ignore[no-untyped-def]
        found = outage_deadlines(outage, VN, at(hhmm), area_class=AreaClass.URBAN)
        return next(d for d in found if d.kind is DeadlineKind.RESTORE)

    with pytest.raises(InvalidOperation, match="restoration deadline is on track, not breached"):
        remarks.explain_breach(
            store, DISPATCHER, clock_at("15:00"), deadline=restore_deadline("15:00"), reason="x"
        )
    late = restore_deadline("18:01")
    assert late.state is DeadlineState.BREACHED
    remarks.explain_breach(
        store, DISPATCHER, clock_at("18:01"), deadline=late, reason="cây đổ, chờ xe cẩu"
    )
    assert store.journal.kinds(1)[-1] == "deadline_breach_reason"


def test_switching_after_crews_report_keeps_working() -> None:
    store = with_outage("CREW-1")
    assign(store, "CREW-1")
    outage_services.operate_device(
        store, DISPATCHER, clock_at("15:00"), outage_id=1,
        version=store.outages.rows[1].version, device_id="REC-1",
        action=SwitchAction.CLOSE, occurred_at=at("15:00"),
    )  # fmt: skip
    assert store.outages.rows[1].crew_ids == ("CREW-1",)
