"""Approving, cancelling and postponing a plan: who may, what the rules cost, what is queued."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from ops.access.roles import Role, User
from ops.delivery.claimer import claimer_is_dead, claimer_name
from ops.delivery.config import NoticeSettingsError, notice_settings, sms_gateway_settings
from ops.errors import InvalidOperation, PermissionDenied
from ops.notices.approval import approval_check, approve, cancel_plan, postpone_plan
from ops.notices.blackout import BlackoutCalendar, BlackoutKind, BlackoutPeriod, Certainty, Scope
from ops.notices.compliance import ExceptionKind
from ops.notices.recipients import recipient_of
from ops.notices.schedule import NoticeKind, NoticeState
from ops.planned.records import PlanStatus
from ops.policy import NoticeCounting
from tests.unit.notice_builders import START, a_plan, local, policy, toy_customers

LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
DISPATCHER = User("dieudo", "Điều độ viên", Role.DISPATCHER)
NONE = BlackoutCalendar(())
HOLIDAY = BlackoutCalendar(
    (
        BlackoutPeriod(
            date(2026, 6, 12), date(2026, 6, 12), "Ngày thi tốt nghiệp THPT",
            BlackoutKind.NATIONAL_EXAM, Scope.ALL, Certainty.CONFIRMED,
        ),
    )
)  # fmt: skip
RECIPIENTS = [recipient_of(c) for c in toy_customers().values()]


def draft():  # type: ignore[no-untyped-def]
    return a_plan(status=PlanStatus.DRAFT)


def test_only_a_shift_lead_approves() -> None:
    with pytest.raises(PermissionDenied):
        approve(DISPATCHER, draft(), RECIPIENTS, local(1, 9), policy(), NONE)


def test_five_days_to_the_minute_is_enough_and_a_minute_less_is_not() -> None:
    on_time = approve(LEAD, draft(), RECIPIENTS, START - timedelta(days=5), policy(), NONE)
    assert on_time.plan.status is PlanStatus.APPROVED and on_time.exceptions == ()
    assert [n.kind for n in on_time.added] == [NoticeKind.INITIAL, NoticeKind.REMINDER]
    late = START - timedelta(days=5) + timedelta(minutes=1)
    with pytest.raises(InvalidOperation, match="lead time"):
        approve(LEAD, draft(), RECIPIENTS, late, policy(), NONE)
    forced = approve(LEAD, draft(), RECIPIENTS, late, policy(), NONE, "Sự cố tiềm ẩn")
    (exception,) = forced.exceptions
    assert exception.kind is ExceptionKind.LEAD_TIME and exception.reason == "Sự cố tiềm ẩn"


def test_counting_calendar_days_allows_the_whole_fifth_day_before() -> None:
    days = policy(counting=NoticeCounting.CALENDAR_DAYS)
    evening = local(7, 20)  # 5 calendar days before Friday 12/06, 20:00 (not quiet yet)
    assert approval_check(draft(), evening, days, NONE).lead_time.met
    assert not approval_check(draft(), local(8, 6, 59), days, NONE).lead_time.met


def test_a_window_on_an_exam_day_needs_a_reason_and_leaves_an_exception() -> None:
    now = local(1, 9)
    check = approval_check(draft(), now, policy(), HOLIDAY)
    assert check.lead_time.met and check.needs_reason
    with pytest.raises(InvalidOperation, match="Ngày thi"):
        approve(LEAD, draft(), RECIPIENTS, now, policy(), HOLIDAY)
    done = approve(LEAD, draft(), RECIPIENTS, now, policy(), HOLIDAY, "Chỉ đạo của Tổng công ty")
    assert [e.kind for e in done.exceptions] == [ExceptionKind.BLACKOUT]


def test_every_notice_has_one_message_per_customer_and_channel() -> None:
    done = approve(LEAD, draft(), RECIPIENTS, local(1, 9), policy(), NONE)
    initial, reminder = done.messages
    # 6 customers, 5 with a mobile, the hospital also by e-mail and letter, the landline by CSV
    assert len(initial[1]) == len(reminder[1]) == 8 == done.message_count // 2
    assert len({m.key for _, ms in done.messages for m in ms}) == 16


def test_an_approved_plan_cannot_be_approved_again_nor_a_past_one() -> None:
    with pytest.raises(InvalidOperation, match="only a draft"):
        approve(LEAD, a_plan(), RECIPIENTS, local(1, 9), policy(), NONE)
    with pytest.raises(InvalidOperation, match="past"):
        approve(LEAD, draft(), RECIPIENTS, START + timedelta(minutes=1), policy(), NONE)


def test_cancelling_after_the_first_notice_went_out_queues_a_cancellation() -> None:
    done = approve(LEAD, draft(), RECIPIENTS, local(1, 9), policy(), NONE)
    initial, reminder = done.added
    heard = (replace(initial, state=NoticeState.SENT), reminder)
    change = cancel_plan(LEAD, done.plan, heard, RECIPIENTS, local(2, 9), policy())
    assert change.plan.status is PlanStatus.CANCELLED
    assert [n.kind for n in change.cancelled] == [NoticeKind.REMINDER]
    assert [n.kind for n in change.added] == [NoticeKind.CANCELLATION]
    quiet = cancel_plan(LEAD, done.plan, done.added, RECIPIENTS, local(2, 9), policy())
    assert quiet.added == ()  # nobody heard of it: nothing to call off


def test_postponing_checks_the_lead_time_against_the_new_start() -> None:
    done = approve(LEAD, draft(), RECIPIENTS, local(1, 9), policy(), NONE)
    heard = (replace(done.added[0], state=NoticeState.SENT), done.added[1])
    moved = postpone_plan(
        LEAD, done.plan, heard, RECIPIENTS, local(20, 7), local(20, 11), local(3, 9), policy(),
        NONE,
    )  # fmt: skip
    assert [n.kind for n in moved.added] == [NoticeKind.POSTPONEMENT, NoticeKind.REMINDER]
    assert moved.plan.starts_at == local(20, 7) and moved.exceptions == ()
    with pytest.raises(InvalidOperation, match="lead time"):
        postpone_plan(LEAD, done.plan, heard, RECIPIENTS, local(5, 7), local(5, 11), local(3, 9),
                      policy(), NONE)  # fmt: skip


def test_notice_settings_are_checked_with_messages_that_say_what_to_write() -> None:
    s = notice_settings({"quiet_hours": "22:00-06:30", "reminders_hours": [48, 2]})
    applied = s.policy(policy())
    assert applied.quiet_hours is not None and applied.quiet_hours.start.hour == 22
    assert applied.reminders == (timedelta(hours=48), timedelta(hours=2))
    assert notice_settings({"quiet_hours": ""}).policy(policy()).quiet_hours is None
    with pytest.raises(NoticeSettingsError, match='"21:00-07:00"'):
        notice_settings({"quiet_hours": "9pm"})
    with pytest.raises(NoticeSettingsError, match="unknown key"):
        notice_settings({"lease": 3})
    with pytest.raises(NoticeSettingsError, match="at least 1"):
        notice_settings({"batch_size": 0})
    with pytest.raises(NoticeSettingsError, match="http"):
        sms_gateway_settings({"url": "ftp://x"})
    gateway = sms_gateway_settings({"url": "https://sms.example/api", "body_format": "form"})
    assert gateway.body_format.value == "form"


def test_a_claimer_of_this_machine_that_no_longer_runs_is_dead() -> None:
    me = claimer_name(host="ws1")
    assert not claimer_is_dead(me, host="ws1")  # this process
    assert claimer_is_dead("ws1:999999999:abcd", host="ws1")  # no such process
    assert not claimer_is_dead("ws2:999999999:abcd", host="ws1")  # another machine: wait
    assert not claimer_is_dead("garbage", host="ws1")
