"""The outbox, planned: one message per customer × channel × notice, each with a stable
idempotency key, a status and a due time; what a failed attempt does; when a message is late.

Idempotency key: the SHA-256, in hex (64 characters), of the UTF-8 text

    "oms-notice-v1" US plan_id US notice_kind US notice_sequence US customer_id US channel

where US is the unit separator U+001F (it cannot occur in any of the parts, so no two
different tuples give one text). The same message of the same notice always gets the same
key, on any workstation and after any restart; every other message gets another. The key
is the unique column of the outbox table, goes to the SMS operator as the request reference
and into the e-mail's Message-ID, so a message inserted or sent twice is caught everywhere.
Due times and texts are left out on purpose: moving a notice does not make it a new message.

Status: scheduled → sending (claimed by one console) → sent | failed | scheduled again (a
retry after back-off); scheduled → cancelled when its plan changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from ops.notices.compliance import ComplianceException, ExceptionKind
from ops.notices.recipients import ChannelKind, Recipient, channels_for
from ops.notices.rules import NoticePolicy, RetryPolicy
from ops.notices.schedule import NoticeEvent, NoticeKind, meets_lead_time

KEY_VERSION = "oms-notice-v1"
_US = "\x1f"


class MessageStatus(StrEnum):
    SCHEDULED = "scheduled"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One message to one customer on one channel for one notice."""

    key: str
    plan_id: int
    notice_kind: NoticeKind
    notice_sequence: int
    customer_id: str
    channel: ChannelKind
    address: str  # the mobile number or e-mail address when planned; "" for letter and CSV
    due_at: datetime
    status: MessageStatus = MessageStatus.SCHEDULED
    attempts: int = 0
    late: bool = False
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """What one attempt on a channel came to."""

    sent: bool
    retryable: bool = False  # a failure worth trying again (timeouts, 5xx, 4xx SMTP replies)
    reason: str = ""  # the failure, or the operator's message id on success

    @classmethod
    def ok(cls, reference: str = "") -> DeliveryResult:
        return cls(True, False, reference)

    @classmethod
    def failed(cls, reason: str, *, retryable: bool) -> DeliveryResult:
        return cls(False, retryable, reason)


def idempotency_key(
    plan_id: int, kind: NoticeKind, sequence: int, customer_id: str, channel: ChannelKind
) -> str:
    text = _US.join((KEY_VERSION, str(plan_id), kind.value, str(sequence), customer_id, channel))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_outbox(notice: NoticeEvent, recipients: Iterable[Recipient]) -> list[OutboxMessage]:
    """The messages of one notice: each recipient on each of their channels."""
    head = _US.join((KEY_VERSION, str(notice.plan_id), notice.kind.value, str(notice.sequence)))
    sha256 = hashlib.sha256
    out: list[OutboxMessage] = []
    append = out.append
    for r in recipients:
        for channel in channels_for(r):
            address = r.mobile if channel is ChannelKind.SMS else (
                r.email if channel is ChannelKind.EMAIL else ""
            )  # fmt: skip
            key = sha256(f"{head}{_US}{r.customer_id}{_US}{channel}".encode()).hexdigest()
            append(
                OutboxMessage(
                    key,
                    notice.plan_id,
                    notice.kind,
                    notice.sequence,
                    r.customer_id,
                    channel,
                    address,
                    notice.due_at,
                )
            )
    return out


def cancel_unsent(messages: Iterable[OutboxMessage]) -> list[OutboxMessage]:
    """The scheduled messages, cancelled (a message being sent or sent is history)."""
    return [
        replace(m, status=MessageStatus.CANCELLED)
        for m in messages
        if m.status is MessageStatus.SCHEDULED
    ]


# --- retries ------------------------------------------------------------------------------


def next_attempt_at(attempts: int, failed_at: datetime, retry: RetryPolicy) -> datetime | None:
    """When to try again after `attempts` failed attempts; None when they are used up.

    first_delay after the first failure, then × factor each time, at most max_delay.
    """
    if attempts >= retry.max_attempts:
        return None
    delay = retry.first_delay * retry.factor ** max(0, attempts - 1)
    return failed_at + min(delay, retry.max_delay)


def after_attempt(
    message: OutboxMessage, result: DeliveryResult, at: datetime, retry: RetryPolicy
) -> OutboxMessage:
    """The message after one attempt: sent, scheduled again with back-off, or failed for good
    (a permanent failure or the last attempt), the reason kept for the notices panel."""
    attempts = message.attempts + 1
    if result.sent:
        return replace(message, status=MessageStatus.SENT, attempts=attempts, last_error=None)
    again = next_attempt_at(attempts, at, retry) if result.retryable else None
    if again is None:
        status, due = MessageStatus.FAILED, message.due_at
    else:
        status, due = MessageStatus.SCHEDULED, again
    return replace(
        message, status=status, attempts=attempts, due_at=due, last_error=result.reason or "?"
    )


# --- late messages ------------------------------------------------------------------------


class DueAction(StrEnum):
    SEND = "send"
    SEND_LATE = "send_late"  # overdue (no console was running): send now, marked late
    EXPIRE = "expire"  # pointless now (a reminder after the work began): cancel, do not send


@dataclass(frozen=True, slots=True)
class DueDecision:
    action: DueAction
    exception: ComplianceException | None = None  # lateness made the lead time missed


def on_due(notice: NoticeEvent, now: datetime, policy: NoticePolicy) -> DueDecision:
    """What to do with a notice's messages found due at `now` (at start or on a wake-up).

    Late when overdue by more than `policy.late_after`. A late first notice (initial or
    postponement) that would have met the lead time at its due time but no longer does is a
    compliance exception; one that missed it already was recorded at approval.
    """
    if notice.kind is NoticeKind.REMINDER and now >= notice.starts_at:
        return DueDecision(DueAction.EXPIRE)
    if now - notice.due_at <= policy.late_after:
        return DueDecision(DueAction.SEND)
    exception = None
    if (
        notice.kind in (NoticeKind.INITIAL, NoticeKind.POSTPONEMENT)
        and meets_lead_time(notice.due_at, notice.starts_at, policy)
        and not meets_lead_time(now, notice.starts_at, policy)
    ):
        exception = ComplianceException(
            notice.plan_id,
            ExceptionKind.LATE_NOTICE,
            f"Thông báo ({notice.kind}) đến hạn lúc {_local(notice.due_at, policy)} nhưng chỉ "
            f"gửi được lúc {_local(now, policy)}: không còn đủ {policy.lead_days} ngày báo trước",
            "Không có máy trạm nào chạy khi thông báo đến hạn",
            now,
        )
    return DueDecision(DueAction.SEND_LATE, exception)


def _local(at: datetime, policy: NoticePolicy) -> str:
    return at.astimezone(policy.zone).strftime("%H:%M %d/%m/%Y")
