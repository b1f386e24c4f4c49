"""Deadlines across midnight and month ends, the at-risk threshold, GB 12 h, and transitions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ops.network.records import AreaClass
from ops.outages.deadlines import (
    DeadlineKind,
    DeadlineState,
    notice_due,
    outage_deadlines,
    plan_deadline,
    states,
    transitions,
)
from ops.outages.records import OutageKind, OutageStatus
from ops.planned.records import PlannedOutage, PlanStatus
from ops.policy import Basis, NoticeCounting, Policy, load_profile
from tests.unit.builders import an_outage
from tests.unit.operation_builders import at

VN = load_profile("vn-default")
GB = load_profile("gb")
JAN31 = date(2026, 1, 31)
FEB1 = date(2026, 2, 1)


def inform(now_hhmm: str, informed_at=None, **outage: object):  # type: ignore[no-untyped-def]
    fields = {"started_at": at("23:30", JAN31), "reported_at": at("00:10", FEB1)} | outage
    found = outage_deadlines(
        an_outage(**fields), VN, at(now_hhmm, FEB1), area_class=None, informed_at=informed_at
    )
    return next(d for d in found if d.kind is DeadlineKind.INFORM_CUSTOMERS)


def test_inform_within_24_hours_of_the_trip_across_midnight_and_month_end() -> None:
    d = inform("12:00")
    # Trip 31/01 23:30 local (learned of at 00:10): due 01/02 23:30 local, from the TRIP.
    assert d.due == at("23:30", FEB1)
    assert d.basis is Basis.LAW
    assert d.time_left == timedelta(hours=11, minutes=30)
    assert d.state is DeadlineState.ON_TRACK


@pytest.mark.parametrize(
    ("now", "state"),
    [
        ("17:29", DeadlineState.ON_TRACK),  # 6 h 01 min left of 24 h
        ("17:30", DeadlineState.AT_RISK),  # exactly the last 25 % (6 h)
        ("23:30", DeadlineState.AT_RISK),  # due now: within 24 h still
        ("23:31", DeadlineState.BREACHED),
    ],
)
def test_at_risk_in_the_last_quarter_and_breached_after_due(now: str, state: DeadlineState) -> None:
    assert inform(now).state is state


def test_informed_in_time_is_met_and_late_is_breached() -> None:
    assert inform("23:45", informed_at=at("20:00", FEB1)).state is DeadlineState.MET
    late = outage_deadlines(
        an_outage(started_at=at("23:30", JAN31), reported_at=at("23:35", JAN31)),
        VN, at("23:50", FEB1), area_class=None, informed_at=at("23:40", FEB1),
    )  # fmt: skip
    assert late[0].state is DeadlineState.BREACHED and late[0].met_at == at("23:40", FEB1)


def test_supply_back_within_the_window_counts_as_informed_in_the_vn_profile() -> None:
    restored = inform(
        "23:45", status=OutageStatus.RESTORED, restored_at=at("02:00", FEB1), customers_out=0
    )
    assert restored.state is DeadlineState.MET and restored.met_at == at("02:00", FEB1)


def test_restoration_targets_by_area_class_and_cause_are_company_targets() -> None:
    outage = an_outage(started_at=at("20:00", date(2026, 4, 30)))
    rural = outage_deadlines(outage, VN, at("21:00", date(2026, 4, 30)), area_class=AreaClass.RURAL)
    restore = next(d for d in rural if d.kind is DeadlineKind.RESTORE)
    assert restore.due == at("04:00", date(2026, 5, 1))  # 8 h, across midnight and April's end
    assert restore.basis is Basis.COMPANY_TARGET
    urban_equipment = outage_deadlines(
        outage, VN, at("21:00", date(2026, 4, 30)),
        area_class=AreaClass.URBAN, cause_category="equipment_failure",
    )  # fmt: skip
    restore = next(d for d in urban_equipment if d.kind is DeadlineKind.RESTORE)
    assert restore.due == at("08:00", date(2026, 5, 1))  # 12 h: the cause beats the area


def test_restored_in_time_meets_the_target() -> None:
    outage = an_outage(
        started_at=at("10:00"), status=OutageStatus.RESTORED, restored_at=at("13:00")
    )
    (_, restore) = outage_deadlines(outage, VN, at("20:00"), area_class=AreaClass.URBAN)
    assert restore.state is DeadlineState.MET
    late = an_outage(started_at=at("10:00"), status=OutageStatus.RESTORED, restored_at=at("15:00"))
    (_, restore) = outage_deadlines(late, VN, at("20:00"), area_class=AreaClass.URBAN)
    assert restore.state is DeadlineState.BREACHED


def test_gb_restore_within_12_hours_of_becoming_aware() -> None:
    outage = an_outage(started_at=at("09:40"), reported_at=at("10:00"))
    (restore,) = outage_deadlines(outage, GB, at("19:00"), area_class=None)
    assert restore.kind is DeadlineKind.RESTORE and restore.basis is Basis.LAW
    assert restore.due == at("22:00")  # from awareness, not from the trip
    assert restore.state is DeadlineState.AT_RISK  # 3 h left of 12 h
    assert outage_deadlines(outage, GB, at("19:00"), area_class=None, severe_weather=True) == ()


def test_no_deadlines_for_closed_cancelled_or_planned_outages() -> None:
    for status in (OutageStatus.CLOSED, OutageStatus.CANCELLED):
        assert outage_deadlines(an_outage(status=status), VN, at("12:00"), area_class=None) == ()
    planned = an_outage(kind=OutageKind.PLANNED)
    assert outage_deadlines(planned, VN, at("12:00"), area_class=None) == ()


def _plan(starts: str, day: date) -> PlannedOutage:
    return PlannedOutage(
        7, "KH-2026-0007", "Thay FCO", "Bảo trì", "Ấp 1", at(starts, day),
        at(starts, day) + timedelta(hours=4), PlanStatus.APPROVED, None, (), 120,
    )  # fmt: skip


def test_planned_notice_five_times_24_hours_across_a_month_end() -> None:
    plan = _plan("08:00", date(2026, 3, 3))
    assert notice_due(plan.starts_at, VN) == at("08:00", date(2026, 2, 26))
    made, now = at("08:00", date(2026, 2, 1)), at("09:00", date(2026, 2, 26))
    d = plan_deadline(plan, VN, now, planned_at=made, notified_at=None)
    assert d is not None and d.state is DeadlineState.BREACHED and d.subject == "plan"
    sent_at = at("07:00", date(2026, 2, 26))
    sent = plan_deadline(plan, VN, now, planned_at=made, notified_at=sent_at)
    assert sent is not None and sent.state is DeadlineState.MET


def test_planned_notice_in_calendar_days() -> None:
    calendar_vn = _with_counting(VN, NoticeCounting.CALENDAR_DAYS)
    # Start 10/06 08:00: a notice on any day up to and including 05/06 is in time.
    assert notice_due(at("08:00", date(2026, 6, 10)), calendar_vn) == at("00:00", date(2026, 6, 6))
    # GB: 2 calendar days, its own zone (Europe/London, summer time).
    due = notice_due(at("08:00", date(2026, 6, 10)), GB)
    assert due is not None and due.isoformat() == "2026-06-08T23:00:00+00:00"


def _with_counting(policy: Policy, counting: NoticeCounting) -> Policy:
    from dataclasses import replace

    assert policy.planned_notice is not None
    return replace(policy, planned_notice=replace(policy.planned_notice, counting=counting))


def test_transitions_raise_each_alert_once() -> None:
    outage = an_outage(started_at=at("23:30", JAN31))

    def tick(hhmm: str):  # type: ignore[no-untyped-def]
        return outage_deadlines(outage, VN, at(hhmm, FEB1), area_class=AreaClass.URBAN)

    first = tick("00:00")  # restore target 4 h: due 03:30; inform due 23:30
    assert transitions({}, first) == []  # nothing to alert on the first sight if on track
    memory = states(first)
    second = tick("02:40")  # restore: 50 min of 4 h left -> at risk
    (alert,) = transitions(memory, second)
    assert alert.deadline.kind is DeadlineKind.RESTORE
    assert (alert.before, alert.deadline.state) == (DeadlineState.ON_TRACK, DeadlineState.AT_RISK)
    memory = states(second)
    assert transitions(memory, tick("02:50")) == []  # still at risk: no second alert
    (breach,) = transitions(memory, tick("03:31"))
    assert breach.deadline.state is DeadlineState.BREACHED
    memory = states(tick("03:31"))
    assert transitions(memory, tick("04:00")) == []
    # An outage first seen already late alerts at once.
    (late,) = transitions({}, tick("04:00")[1:])
    assert late.before is None and late.deadline.state is DeadlineState.BREACHED
