"""Notice rules with an injected clock: lead time at its boundary, reminders, postponement,
cancellation, "work finished", quiet hours. All times are Vietnamese local time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest

from ops.clock import FixedClock
from ops.notices.compliance import ExceptionKind
from ops.notices.quiet import defer_for_quiet_hours
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import (
    NoticeEvent,
    NoticeKind,
    NoticeState,
    cancel,
    finish,
    lead_time_check,
    plan_notices,
    postpone,
)
from ops.policy import NoticeCounting, QuietHours, load_profile
from tests.unit.notice_builders import START, a_plan, local, policy

FIVE_DAYS = timedelta(days=5)


def sent(notices: tuple[NoticeEvent, ...], *kinds: NoticeKind) -> tuple[NoticeEvent, ...]:
    """The notices with those of the given kinds marked as gone out."""
    return tuple(replace(n, state=NoticeState.SENT) if n.kind in kinds else n for n in notices)


# --- the lead-time rule -------------------------------------------------------------------


def test_exactly_five_times_24_hours_before_the_start_meets_the_lead_time() -> None:
    clock = FixedClock(START - FIVE_DAYS)  # Sunday 07/06 07:00, the end of quiet hours
    check = lead_time_check(a_plan(), clock.now(), policy())
    assert check.met and check.approvable
    assert check.first_notice_at == START - FIVE_DAYS == check.deadline
    assert check.shortfall == timedelta(0)


def test_one_second_less_does_not() -> None:
    clock = FixedClock(START - FIVE_DAYS + timedelta(seconds=1))
    check = lead_time_check(a_plan(), clock.now(), policy())
    assert not check.met and not check.approvable
    assert check.shortfall == timedelta(seconds=1)
    assert check.exception is None


def test_an_override_reason_makes_it_approvable_as_a_compliance_exception() -> None:
    now = local(10, 15)
    check = lead_time_check(a_plan(), now, policy(), "  Sự cố tiềm ẩn, UBND xã đồng ý  ")
    assert not check.met and check.approvable
    exception = check.exception
    assert exception is not None
    assert exception.kind is ExceptionKind.LEAD_TIME and exception.plan_id == 7
    assert exception.reason == "Sự cố tiềm ẩn, UBND xã đồng ý"
    assert exception.at == now
    assert "3 ngày 8 giờ" in exception.detail  # the deadline was 07/06 07:00
    assert lead_time_check(a_plan(), now, policy(), "   ").exception is None


def test_quiet_hours_count_against_the_lead_time() -> None:
    night_work = a_plan(starts_at=local(12, 22, 30), ends_at=local(13, 4))
    now = night_work.starts_at - FIVE_DAYS  # 07/06 22:30: quiet, the notice waits until 07:00
    check = lead_time_check(night_work, now, policy())
    assert check.first_notice_at == local(8, 7)
    assert not check.met


def test_calendar_days_counting_allows_the_whole_fifth_day_before() -> None:
    rules = policy(counting=NoticeCounting.CALENDAR_DAYS, quiet_hours=None)
    assert lead_time_check(a_plan(), local(7, 23, 59, 59), rules).met
    assert not lead_time_check(a_plan(), local(8, 0, 0, 0), rules).met


def test_the_policy_profile_gives_lead_time_counting_and_quiet_hours() -> None:
    rules = NoticePolicy.from_profile(load_profile("vn-default"), reminders=())
    assert (rules.lead_days, rules.counting, rules.timezone) == (
        5,
        NoticeCounting.HOURS,
        "Asia/Ho_Chi_Minh",
    )
    assert rules.quiet_hours == QuietHours(time(21, 0), time(7, 0))
    assert rules.reminders == ()


# --- the notices of a plan ----------------------------------------------------------------


def test_an_approved_plan_gets_its_initial_notice_now_and_a_reminder_the_day_before() -> None:
    notices = plan_notices(a_plan(), local(1, 10), policy())
    assert [(n.kind, n.sequence, n.due_at) for n in notices] == [
        (NoticeKind.INITIAL, 1, local(1, 10)),
        (NoticeKind.REMINDER, 2, local(11, 7)),
    ]
    assert all((n.starts_at, n.ends_at) == (START, a_plan().ends_at) for n in notices)


def test_the_initial_notice_can_wait_until_a_set_time_before_the_start() -> None:
    notices = plan_notices(a_plan(), local(1, 10), policy(initial_advance=timedelta(days=7)))
    assert notices[0].due_at == local(5, 7)


def test_several_reminders_are_numbered_in_time_order() -> None:
    rules = policy(reminders=(timedelta(days=1), timedelta(days=3), timedelta(hours=2)))
    notices = plan_notices(a_plan(), local(1, 10), rules)
    assert [(n.sequence, n.due_at) for n in notices[1:]] == [
        (2, local(9, 7)),
        (3, local(11, 7)),
        (4, local(11, 20, 45)),  # 05:00 is quiet, 07:00 is the start: before the quiet hours
    ]


def test_a_reminder_due_before_the_initial_notice_is_dropped() -> None:
    notices = plan_notices(a_plan(), local(11, 10), policy())  # approved late (override)
    assert [n.kind for n in notices] == [NoticeKind.INITIAL]


# --- quiet hours ----------------------------------------------------------------------------


def test_a_reminder_due_at_22_00_moves_to_07_00() -> None:
    plan = a_plan(starts_at=local(12, 8), ends_at=local(12, 11))
    notices = plan_notices(plan, local(1, 10), policy(reminders=(timedelta(hours=10),)))
    reminder = notices[1]
    assert reminder.kind is NoticeKind.REMINDER
    assert reminder.due_at == local(12, 7) and reminder.deferred


def test_a_reminder_that_would_move_past_the_start_goes_before_quiet_hours_instead() -> None:
    notices = plan_notices(a_plan(), local(1, 10), policy(reminders=(timedelta(hours=9),)))
    assert notices[1].due_at == local(11, 20, 45)  # 22:00 is quiet, 07:00 is the start


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (local(11, 20, 59), local(11, 20, 59)),  # not quiet yet
        (local(11, 21), local(12, 7)),  # quiet from 21:00 sharp
        (local(12, 3), local(12, 7)),  # after midnight: the same morning
        (local(12, 6, 59, 59), local(12, 7)),
        (local(12, 7), local(12, 7)),  # quiet until 07:00, exclusive
    ],
)
def test_quiet_hours_boundaries(at: datetime, expected: datetime) -> None:
    assert defer_for_quiet_hours(at, policy())[0] == expected


def test_urgent_messages_ignore_quiet_hours_and_a_day_window_works_too() -> None:
    assert defer_for_quiet_hours(local(11, 23), policy(), urgent=True) == (local(11, 23), False)
    lunch = policy(quiet_hours=QuietHours(time(11, 30), time(13, 30)))
    assert defer_for_quiet_hours(local(11, 12), lunch)[0] == local(11, 13, 30)
    assert defer_for_quiet_hours(local(11, 23), policy(quiet_hours=None))[0] == local(11, 23)


# --- postponement ---------------------------------------------------------------------------


def test_postponement_cancels_unsent_reminders_tells_customers_and_plans_new_ones() -> None:
    plan = a_plan()
    notices = sent(plan_notices(plan, local(1, 10), policy()), NoticeKind.INITIAL)
    new_start, new_end = local(19, 7), local(19, 11, 30)
    change = postpone(plan, notices, new_start, new_end, local(8, 10), policy())
    assert [(n.kind, n.sequence, n.state) for n in change.cancelled] == [
        (NoticeKind.REMINDER, 2, NoticeState.CANCELLED)
    ]
    notice, reminder = change.added
    assert (notice.kind, notice.sequence, notice.due_at) == (
        NoticeKind.POSTPONEMENT, 3, local(8, 10)
    )  # fmt: skip
    assert (notice.starts_at, notice.ends_at) == (new_start, new_end)
    assert (notice.previous_starts_at, notice.previous_ends_at) == (plan.starts_at, plan.ends_at)
    assert (reminder.kind, reminder.sequence, reminder.due_at) == (
        NoticeKind.REMINDER, 4, local(18, 7)
    )  # fmt: skip
    assert change.lead_time is not None and change.lead_time.met


def test_postponement_to_a_start_too_close_needs_an_override() -> None:
    plan = a_plan()
    notices = sent(plan_notices(plan, local(1, 10), policy()), NoticeKind.INITIAL)
    args = (plan, notices, local(11, 9), local(11, 12), local(8, 10), policy())
    assert postpone(*args).lead_time.approvable is False  # type: ignore[union-attr]
    overridden = postpone(*args, override_reason="Khách hàng đề nghị").lead_time
    assert overridden is not None and overridden.exception is not None


def test_postponing_a_plan_nobody_has_heard_of_just_replans_its_first_notice() -> None:
    plan = a_plan()
    notices = plan_notices(plan, local(1, 10), policy(initial_advance=timedelta(days=7)))
    change = postpone(plan, notices, local(26, 7), local(26, 11), local(2, 9), policy())
    assert [n.sequence for n in change.cancelled] == [1, 2]
    assert [(n.kind, n.sequence) for n in change.added] == [
        (NoticeKind.INITIAL, 3),
        (NoticeKind.REMINDER, 4),
    ]


def test_a_postponement_decided_at_night_waits_for_the_morning_unless_that_is_too_late() -> None:
    plan = a_plan()
    notices = sent(plan_notices(plan, local(1, 10), policy()), NoticeKind.INITIAL)
    change = postpone(plan, notices, local(19, 7), local(19, 11), local(8, 22), policy())
    assert change.added[0].due_at == local(9, 7)
    # The evening before a 07:00 start the customers must hear it now, quiet hours or not.
    late = postpone(plan, notices, local(19, 7), local(19, 11), local(11, 22), policy())
    assert late.added[0].due_at == local(11, 22)


# --- cancellation and "work finished" -------------------------------------------------------


def test_cancellation_stops_every_unsent_notice_and_queues_the_cancellation_notice() -> None:
    plan = a_plan()
    notices = sent(plan_notices(plan, local(1, 10), policy()), NoticeKind.INITIAL)
    change = cancel(plan, notices, local(9, 14), policy())
    assert [n.kind for n in change.cancelled] == [NoticeKind.REMINDER]
    (notice,) = change.added
    assert (notice.kind, notice.sequence, notice.due_at) == (
        NoticeKind.CANCELLATION, 3, local(9, 14)
    )  # fmt: skip


def test_cancelling_before_anything_went_out_sends_nothing() -> None:
    plan = a_plan()
    notices = plan_notices(plan, local(1, 10), policy(initial_advance=timedelta(days=7)))
    change = cancel(plan, notices, local(2, 9), policy())
    assert len(change.cancelled) == 2 and change.added == ()


def test_work_finished_message_is_urgent_and_goes_even_at_night() -> None:
    plan = a_plan()
    notices = sent(plan_notices(plan, local(1, 10), policy()), NoticeKind.INITIAL)
    change = finish(plan, notices, local(12, 22, 10), local(12, 22, 12), policy())
    (notice,) = change.added
    assert notice.kind is NoticeKind.FINISHED and notice.urgent
    assert notice.due_at == local(12, 22, 12) and notice.ends_at == local(12, 22, 10)
    assert [n.kind for n in change.cancelled] == [NoticeKind.REMINDER]
    quiet = finish(plan, notices, local(12, 10), local(12, 10), policy(finished_message=False))
    assert quiet.added == ()
