"""Approving a planned interruption, and changing it afterwards: what each decision costs in
rules (lead time, blackout calendar) and what it puts in the outbox.

A shift lead approves. A plan whose first notice cannot meet the lead time, or whose window
touches a blackout period, is approved only with an override reason, which becomes a
compliance exception. Cancelling or postponing an approved plan cancels its unsent notices
and queues what the customers who have heard of it must now hear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from ops.access.roles import Permission, User, require
from ops.errors import InvalidOperation
from ops.notices.blackout import BlackoutCalendar, BlackoutPeriod, blackout_exception
from ops.notices.compliance import ComplianceException
from ops.notices.outbox import OutboxMessage, plan_outbox
from ops.notices.recipients import Recipient
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import (
    LeadTimeCheck,
    NoticeEvent,
    Reschedule,
    cancel,
    finish,
    lead_time_check,
    plan_notices,
    postpone,
)
from ops.planned.records import PlannedOutage, PlanStatus


@dataclass(frozen=True, slots=True)
class ApprovalCheck:
    """What the approval dialog shows before the shift lead decides."""

    lead_time: LeadTimeCheck
    blackouts: tuple[BlackoutPeriod, ...]

    @property
    def needs_reason(self) -> bool:
        return not self.lead_time.met or bool(self.blackouts)


@dataclass(frozen=True, slots=True)
class NoticePlan:
    """What a decision writes: notices (new or cancelled), their messages, the exceptions."""

    plan: PlannedOutage
    added: tuple[NoticeEvent, ...]
    cancelled: tuple[NoticeEvent, ...]
    messages: tuple[tuple[NoticeEvent, tuple[OutboxMessage, ...]], ...]
    exceptions: tuple[ComplianceException, ...]

    @property
    def message_count(self) -> int:
        return sum(len(m) for _, m in self.messages)


def approval_check(
    plan: PlannedOutage, now: datetime, policy: NoticePolicy, calendar: BlackoutCalendar
) -> ApprovalCheck:
    return ApprovalCheck(
        lead_time_check(plan, now, policy),
        calendar.conflicts(plan.starts_at, plan.ends_at, policy.zone),
    )


def approve(
    user: User,
    plan: PlannedOutage,
    recipients: Sequence[Recipient],
    now: datetime,
    policy: NoticePolicy,
    calendar: BlackoutCalendar,
    override_reason: str | None = None,
) -> NoticePlan:
    """Approve a draft plan: its initial notice and reminders, one message per customer ×
    channel each, and the exceptions an override leaves."""
    require(user, Permission.APPROVE_PLAN)
    if plan.status is not PlanStatus.DRAFT:
        raise InvalidOperation(
            "plan {reference} is {plan_status}, only a draft can be approved",
            reference=plan.reference,
            plan_status=plan.status,
        )
    if plan.starts_at <= now:
        raise InvalidOperation(
            "plan {reference} starts in the past: move its window first",
            reference=plan.reference,
        )
    reason = (override_reason or "").strip()
    check = lead_time_check(plan, now, policy, reason)
    blackouts = calendar.conflicts(plan.starts_at, plan.ends_at, policy.zone)
    exceptions = _overrides(plan, check, blackouts, reason, now)
    notices = plan_notices(plan, now, policy)
    approved = _with_status(plan, PlanStatus.APPROVED)
    return NoticePlan(approved, notices, (), _messages(notices, recipients), exceptions)


def cancel_plan(
    user: User,
    plan: PlannedOutage,
    notices: tuple[NoticeEvent, ...],
    recipients: Sequence[Recipient],
    now: datetime,
    policy: NoticePolicy,
) -> NoticePlan:
    """Call the work off: unsent notices cancelled, a cancellation to those who heard of it."""
    require(user, Permission.APPROVE_PLAN)
    _changeable(plan)
    change = cancel(plan, notices, now, policy)
    return _from_reschedule(_with_status(plan, PlanStatus.CANCELLED), change, recipients, ())


def postpone_plan(
    user: User,
    plan: PlannedOutage,
    notices: tuple[NoticeEvent, ...],
    recipients: Sequence[Recipient],
    new_starts_at: datetime,
    new_ends_at: datetime,
    now: datetime,
    policy: NoticePolicy,
    calendar: BlackoutCalendar,
    override_reason: str | None = None,
) -> NoticePlan:
    """Move the work: the lead time and the blackout calendar are checked again."""
    require(user, Permission.APPROVE_PLAN)
    _changeable(plan)
    if new_starts_at <= now:
        raise InvalidOperation("the new window starts in the past", reference=plan.reference)
    reason = (override_reason or "").strip()
    change = postpone(plan, notices, new_starts_at, new_ends_at, now, policy, reason)
    moved = replace(plan, starts_at=new_starts_at, ends_at=new_ends_at, status=PlanStatus.APPROVED)
    assert change.lead_time is not None
    blackouts = calendar.conflicts(new_starts_at, new_ends_at, policy.zone)
    exceptions = _overrides(moved, change.lead_time, blackouts, reason, now)
    return _from_reschedule(moved, change, recipients, exceptions)


def finish_plan(
    user: User,
    plan: PlannedOutage,
    notices: tuple[NoticeEvent, ...],
    recipients: Sequence[Recipient],
    finished_at: datetime,
    now: datetime,
    policy: NoticePolicy,
) -> NoticePlan:
    """The work is done and supply is back: unsent notices dropped, and the "work finished"
    message to those who were told of it (if the policy wants one)."""
    require(user, Permission.OPERATE_DEVICE)
    if plan.status not in (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.POSTPONED):
        raise InvalidOperation(
            "plan {reference} is {plan_status}: it cannot be reported finished",
            reference=plan.reference,
            plan_status=plan.status,
        )
    change = finish(plan, notices, finished_at, now, policy)
    return _from_reschedule(_with_status(plan, PlanStatus.COMPLETED), change, recipients, ())


def _overrides(
    plan: PlannedOutage,
    check: LeadTimeCheck,
    blackouts: tuple[BlackoutPeriod, ...],
    reason: str,
    now: datetime,
) -> tuple[ComplianceException, ...]:
    if (not check.met or blackouts) and not reason:
        facts: dict[str, object] = dict(
            reference=plan.reference,
            lead_time_met=check.met,
            shortfall=check.shortfall,
            periods=tuple(p.name for p in blackouts),
        )
        if check.met:
            raise InvalidOperation(
                "plan {reference}: the window touches {periods}. Give an override reason to go on.",
                **facts,
            )
        if not blackouts:
            raise InvalidOperation(
                "plan {reference}: the first notice cannot meet the lead time (short {shortfall}). "
                "Give an override reason to go on.",
                **facts,
            )
        raise InvalidOperation(
            "plan {reference}: the first notice cannot meet the lead time (short {shortfall}); "
            "the window touches {periods}. Give an override reason to go on.",
            **facts,
        )
    out: list[ComplianceException] = []
    if check.exception is not None:
        out.append(check.exception)
    if blackouts:
        out.append(blackout_exception(plan.plan_id, blackouts, reason, now))
    return tuple(out)


def _changeable(plan: PlannedOutage) -> None:
    if plan.status not in (PlanStatus.APPROVED, PlanStatus.POSTPONED):
        raise InvalidOperation(
            "plan {reference} is {plan_status}: only an approved plan can change",
            reference=plan.reference,
            plan_status=plan.status,
        )


def _from_reschedule(
    plan: PlannedOutage,
    change: Reschedule,
    recipients: Sequence[Recipient],
    exceptions: tuple[ComplianceException, ...],
) -> NoticePlan:
    return NoticePlan(
        plan, change.added, change.cancelled, _messages(change.added, recipients), exceptions
    )


def _messages(
    notices: Sequence[NoticeEvent], recipients: Sequence[Recipient]
) -> tuple[tuple[NoticeEvent, tuple[OutboxMessage, ...]], ...]:
    return tuple((n, tuple(plan_outbox(n, recipients))) for n in notices)


def _with_status(plan: PlannedOutage, status: PlanStatus) -> PlannedOutage:
    return replace(plan, status=status)
