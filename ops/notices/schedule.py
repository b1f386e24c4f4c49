"""When each notice of a planned interruption goes out: the lead-time rule, reminders,
postponement, cancellation, the "work finished" message, and quiet hours.

A plan's notices are numbered in one sequence for the plan's whole life (initial 1, its
reminders 2, 3…, a postponement next, and so on); with the plan id and the kind the number
makes each notice's messages unique and re-planning never reuses a number. Nothing is ever
re-sent: a changed plan cancels what has not gone out and adds new notices. A plan whose
customers have heard nothing yet gets no postponement or cancellation notice (it would
contradict nothing and confuse everyone); its unsent notices are replaced or dropped.

Every function takes `now`: the clock is the caller's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from ops.clock import format_local
from ops.notices.compliance import ComplianceException, ExceptionKind
from ops.notices.quiet import defer_for_quiet_hours
from ops.notices.rules import NoticePolicy
from ops.planned.records import PlannedOutage
from ops.policy import NoticeCounting


class NoticeKind(StrEnum):
    INITIAL = "initial"
    REMINDER = "reminder"
    POSTPONEMENT = "postponement"
    CANCELLATION = "cancellation"
    FINISHED = "finished"


class NoticeState(StrEnum):
    SCHEDULED = "scheduled"  # nothing of it has gone out yet
    SENT = "sent"  # at least one message went out: customers may have heard it
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class NoticeEvent:
    """One notice of a plan to all its customers, and the window it announces."""

    plan_id: int
    kind: NoticeKind
    sequence: int
    due_at: datetime  # after quiet hours
    starts_at: datetime
    ends_at: datetime
    urgent: bool = False  # goes out in quiet hours too
    state: NoticeState = NoticeState.SCHEDULED
    previous_starts_at: datetime | None = None  # a postponement: the window it replaces
    previous_ends_at: datetime | None = None
    deferred: bool = False  # quiet hours moved it


@dataclass(frozen=True, slots=True)
class LeadTimeCheck:
    """Whether the first notice can still meet the lead time, and what approving it costs."""

    met: bool
    first_notice_at: datetime  # when it would go out (quiet hours included)
    deadline: datetime  # the latest moment that meets the rule
    shortfall: timedelta  # zero when met
    exception: ComplianceException | None  # when not met and an override reason was given

    @property
    def approvable(self) -> bool:
        return self.met or self.exception is not None


@dataclass(frozen=True, slots=True)
class Reschedule:
    """What a change of plan does to its notices."""

    cancelled: tuple[NoticeEvent, ...]  # unsent ones, now in state CANCELLED
    added: tuple[NoticeEvent, ...]
    lead_time: LeadTimeCheck | None = None  # for a new start


# --- the lead-time rule -------------------------------------------------------------------


def lead_deadline(starts_at: datetime, policy: NoticePolicy) -> datetime:
    """The latest moment a first notice meets the rule (calendar days: the last minute of the
    day N days before the start's local date)."""
    if policy.counting is NoticeCounting.HOURS:
        return starts_at - timedelta(days=policy.lead_days)
    day = starts_at.astimezone(policy.zone).date() - timedelta(days=policy.lead_days - 1)
    midnight = datetime(day.year, day.month, day.day, tzinfo=policy.zone)
    return midnight - timedelta(microseconds=1)


def meets_lead_time(notice_at: datetime, starts_at: datetime, policy: NoticePolicy) -> bool:
    return notice_at <= lead_deadline(starts_at, policy)


def lead_time_check(
    plan: PlannedOutage,
    now: datetime,
    policy: NoticePolicy,
    override_reason: str | None = None,
    *,
    notice_at: datetime | None = None,
) -> LeadTimeCheck:
    """Can the first notice, sent from `now` on (quiet hours respected), meet the lead time?

    Not met and an override reason given: the compliance exception to record with the approval.
    `notice_at` replaces the computed first-notice time (a postponement notice's due time).
    """
    first = notice_at or _initial_due(plan.starts_at, now, policy)[0]
    deadline = lead_deadline(plan.starts_at, policy)
    met = first <= deadline
    exception = None
    if not met and override_reason and override_reason.strip():
        exception = ComplianceException(
            plan.plan_id,
            ExceptionKind.LEAD_TIME,
            f"Thông báo đầu tiên lúc {format_local(first)}, chậm hơn hạn "
            f"{format_local(deadline)} (báo trước {policy.lead_days} ngày) "
            f"{_duration_vi(first - deadline)}",
            override_reason.strip(),
            now,
        )
    return LeadTimeCheck(met, first, deadline, max(timedelta(0), first - deadline), exception)


# --- the notices of a plan ------------------------------------------------------------------


def plan_notices(
    plan: PlannedOutage, now: datetime, policy: NoticePolicy, *, first_sequence: int = 1
) -> tuple[NoticeEvent, ...]:
    """The initial notice and its reminders for an approved plan.

    The "work finished" message is not planned ahead: it goes out when the work is reported
    finished (`finish`), never because the expected end has passed.
    """
    initial_at, deferred = _initial_due(plan.starts_at, now, policy)
    initial = NoticeEvent(
        plan.plan_id,
        NoticeKind.INITIAL,
        first_sequence,
        initial_at,
        plan.starts_at,
        plan.ends_at,
        deferred=deferred,
    )
    reminders = _reminders(plan, initial_at, now, policy, first_sequence + 1)
    return (initial, *reminders)


def postpone(
    plan: PlannedOutage,
    notices: tuple[NoticeEvent, ...],
    new_starts_at: datetime,
    new_ends_at: datetime,
    now: datetime,
    policy: NoticePolicy,
    override_reason: str | None = None,
) -> Reschedule:
    """Move the work to a new window: cancel what is unsent, tell customers, new reminders.

    The lead time is checked again against the new start (a postponement is a new notice).
    """
    if new_ends_at <= new_starts_at:
        raise ValueError("the new window ends before it starts")
    cancelled = _cancel_unsent(notices)
    moved = replace(plan, starts_at=new_starts_at, ends_at=new_ends_at)
    sequence = _next_sequence(notices)
    if not _announced(notices):
        added = plan_notices(moved, now, policy, first_sequence=sequence)
        check = lead_time_check(moved, now, policy, override_reason, notice_at=added[0].due_at)
        return Reschedule(cancelled, added, check)
    # Before the old start, or customers prepare for work that is not coming.
    due, deferred = defer_for_quiet_hours(
        now, policy, not_before=now, not_after=min(plan.starts_at, new_starts_at)
    )
    notice = NoticeEvent(
        plan.plan_id,
        NoticeKind.POSTPONEMENT,
        sequence,
        due,
        new_starts_at,
        new_ends_at,
        previous_starts_at=plan.starts_at,
        previous_ends_at=plan.ends_at,
        deferred=deferred,
    )
    reminders = _reminders(moved, due, now, policy, sequence + 1)
    check = lead_time_check(moved, now, policy, override_reason, notice_at=due)
    return Reschedule(cancelled, (notice, *reminders), check)


def cancel(
    plan: PlannedOutage, notices: tuple[NoticeEvent, ...], now: datetime, policy: NoticePolicy
) -> Reschedule:
    """Call the work off: every unsent notice cancelled, customers who heard of it told."""
    cancelled = _cancel_unsent(notices)
    if not _announced(notices):
        return Reschedule(cancelled, ())
    due, deferred = defer_for_quiet_hours(now, policy, not_before=now, not_after=plan.starts_at)
    notice = NoticeEvent(
        plan.plan_id,
        NoticeKind.CANCELLATION,
        _next_sequence(notices),
        due,
        plan.starts_at,
        plan.ends_at,
        deferred=deferred,
    )
    return Reschedule(cancelled, (notice,))


def finish(
    plan: PlannedOutage,
    notices: tuple[NoticeEvent, ...],
    finished_at: datetime,
    now: datetime,
    policy: NoticePolicy,
) -> Reschedule:
    """The work is done and supply is back: drop what is unsent, say so if the policy wants."""
    cancelled = _cancel_unsent(notices)
    if not (policy.finished_message and _announced(notices)):
        return Reschedule(cancelled, ())
    urgent = policy.finished_urgent
    due, deferred = defer_for_quiet_hours(max(now, finished_at), policy, urgent=urgent)
    notice = NoticeEvent(
        plan.plan_id,
        NoticeKind.FINISHED,
        _next_sequence(notices),
        due,
        plan.starts_at,
        finished_at,
        urgent=urgent,
        deferred=deferred,
    )
    return Reschedule(cancelled, (notice,))


# --- helpers ------------------------------------------------------------------------------


def _initial_due(starts_at: datetime, now: datetime, policy: NoticePolicy) -> tuple[datetime, bool]:
    wanted = now
    if policy.initial_advance is not None:
        wanted = max(now, starts_at - policy.initial_advance)
    return defer_for_quiet_hours(wanted, policy, not_before=now, not_after=starts_at)


def _reminders(
    plan: PlannedOutage, after: datetime, now: datetime, policy: NoticePolicy, sequence: int
) -> list[NoticeEvent]:
    """Reminders due after `after` (a reminder right behind the notice it repeats is noise)."""
    out: list[NoticeEvent] = []
    for offset in sorted(set(policy.reminders), reverse=True):
        due, deferred = defer_for_quiet_hours(
            plan.starts_at - offset, policy, not_before=now, not_after=plan.starts_at
        )
        if due <= after or due >= plan.starts_at or (out and due <= out[-1].due_at):
            continue
        out.append(
            NoticeEvent(
                plan.plan_id,
                NoticeKind.REMINDER,
                sequence + len(out),
                due,
                plan.starts_at,
                plan.ends_at,
                deferred=deferred,
            )
        )
    return out


def _announced(notices: tuple[NoticeEvent, ...]) -> bool:
    """Whether customers may have heard of the work (a notice of it went out, at least partly)."""
    return any(
        n.state is NoticeState.SENT and n.kind is not NoticeKind.CANCELLATION for n in notices
    )


def _cancel_unsent(notices: tuple[NoticeEvent, ...]) -> tuple[NoticeEvent, ...]:
    return tuple(
        replace(n, state=NoticeState.CANCELLED) for n in notices if n.state is NoticeState.SCHEDULED
    )


def _next_sequence(notices: tuple[NoticeEvent, ...]) -> int:
    return max((n.sequence for n in notices), default=0) + 1


def _duration_vi(span: timedelta) -> str:
    if span < timedelta(minutes=1):
        return f"{int(span.total_seconds())} giây"
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} ngày"] if days else []
    if hours:
        parts.append(f"{hours} giờ")
    if minutes or not parts:
        parts.append(f"{minutes} phút")
    return " ".join(parts)
