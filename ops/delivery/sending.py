"""Sending what is due: claim, decide (send, late, expired, quiet hours), render, send, record.

Each message's result is recorded as soon as its channel answers, before the next one goes
out, so a console killed in the middle of a batch leaves at most the one message in flight
unrecorded; that one is taken again after its claimer is found dead (or its lease ran out),
and its idempotency key (the e-mail's Message-ID, the SMS operator's reference, the CSV
row's key) lets the far side recognise the repeat. File channels (CSV, letters) write a
batch in one go and skip keys they already hold.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from ops.clock import Clock
from ops.delivery.base import Channel
from ops.network.records import Customer
from ops.notices.compliance import ComplianceException
from ops.notices.content import Sender, notice_facts
from ops.notices.messages import OutgoingMessage, compose_message
from ops.notices.outbox import (
    DeliveryResult,
    DueAction,
    MessageStatus,
    OutboxMessage,
    after_attempt,
    on_due,
)
from ops.notices.quiet import defer_for_quiet_hours
from ops.notices.recipients import ChannelKind, Recipient, recipient_of
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import NoticeEvent, NoticeState
from ops.notices.templates import NoticeTemplates
from ops.planned.records import PlannedOutage, PlanStatus

log = logging.getLogger(__name__)
_FILE_CHANNELS = frozenset({ChannelKind.CSV, ChannelKind.LETTER})


@dataclass(frozen=True, slots=True)
class DispatchContext:
    """What rendering a batch needs: its plans, notices and customers."""

    plans: Mapping[int, PlannedOutage]
    notices: Mapping[tuple[int, int], NoticeEvent]  # by (plan id, sequence)
    customers: Mapping[str, Customer]


class DeliveryStore(Protocol):
    """The outbox as the dispatcher uses it; each call is one transaction."""

    def hold(self) -> AbstractContextManager[None]:
        """Keep what a run needs (a connection) open around a run."""
        ...

    def release_dead_claims(self, is_dead: Callable[[str], bool]) -> int: ...

    def claim(self, claimer: str, now: datetime, limit: int) -> list[OutboxMessage]: ...

    def context(self, messages: Sequence[OutboxMessage]) -> DispatchContext: ...

    def record(
        self, claimer: str, results: Sequence[tuple[OutboxMessage, str]], at: datetime
    ) -> int: ...

    def record_exception(self, exception: ComplianceException, key: str) -> bool: ...


@dataclass
class DispatchReport:
    """What one run did, message by message outcome."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0  # expired reminders, notices cancelled while their message was held
    deferred: int = 0  # quiet hours
    late: int = 0
    exceptions: list[ComplianceException] = field(default_factory=list)
    lost: int = 0  # results not written: another claimer had taken the row
    released: int = 0  # claimed but not sent when asked to stop: given back

    @property
    def handled(self) -> int:
        return self.sent + self.retrying + self.failed + self.cancelled + self.deferred


class NoticeSender:
    """Sends the due messages of the outbox through the channels, exactly once each."""

    def __init__(
        self,
        store: DeliveryStore,
        channels: Mapping[ChannelKind, Channel],
        *,
        clock: Clock,
        policy: NoticePolicy,
        templates: NoticeTemplates,
        sender: Sender,
        claimer: str,
        batch: int = 200,
        is_dead: Callable[[str], bool] = lambda _claimer: False,
    ) -> None:
        self.store, self.channels, self.clock = store, channels, clock
        self.policy, self.templates, self.sender = policy, templates, sender
        self.claimer, self.batch, self.is_dead = claimer, batch, is_dead
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Finish the message in hand, then stop (from any thread: the console is closing).
        The rest of the claimed batch is given back at once for another console to send."""
        self._stop.set()

    def recover(self) -> int:
        """Give back the claims of dead claimers (a console that crashed on this machine)."""
        return self.store.release_dead_claims(self.is_dead)

    def dispatch_due(self, max_batches: int | None = None) -> DispatchReport:
        """Claim and handle due messages, batch after batch, until none is due."""
        report = DispatchReport()
        batches = 0
        with self.store.hold():
            while (max_batches is None or batches < max_batches) and not self._stop.is_set():
                now = self.clock.now()
                claimed = self.store.claim(self.claimer, now, self.batch)
                if not claimed:
                    break
                batches += 1
                self._handle(claimed, self.store.context(claimed), report)
        if self._stop.is_set():
            mine = self.claimer
            report.released = self.store.release_dead_claims(lambda c: c == mine)
        return report

    def close(self) -> None:
        for channel in self.channels.values():
            channel.close()

    # --- one batch ------------------------------------------------------------------------

    def _handle(
        self, claimed: list[OutboxMessage], ctx: DispatchContext, report: DispatchReport
    ) -> None:
        ready: dict[ChannelKind, list[tuple[OutboxMessage, OutgoingMessage]]] = {}
        now = self.clock.now()
        for message in claimed:
            outcome = self._decide(message, ctx, now, report)
            if isinstance(outcome, OutboxMessage):
                self._record(message, outcome, "", report)
                continue
            try:
                ready.setdefault(message.channel, []).append(
                    (outcome[0], self._render(*outcome, ctx))
                )
            except (ValueError, KeyError) as exc:  # a template or a record that cannot render
                failed = DeliveryResult.failed(f"cannot render: {exc}", retryable=False)
                self._attempted(outcome[0], failed, report)
        for kind, items in ready.items():
            channel = self.channels.get(kind)
            if channel is None:
                missing = DeliveryResult.failed(
                    f"no {kind} channel is configured (settings.toml)", retryable=True
                )
                for message, _ in items:
                    self._attempted(message, missing, report)
            elif kind in _FILE_CHANNELS:
                results = channel.send_batch([out for _, out in items])
                for (message, _), result in zip(items, results, strict=True):
                    self._attempted(message, result, report)
            else:
                for message, out in items:  # recorded one by one: a crash loses one at most
                    if self._stop.is_set():
                        return
                    self._attempted(message, channel.send(out), report)

    def _decide(
        self,
        message: OutboxMessage,
        ctx: DispatchContext,
        now: datetime,
        report: DispatchReport,
    ) -> OutboxMessage | tuple[OutboxMessage, NoticeEvent, PlannedOutage]:
        """The message to record without sending (cancelled, deferred), or what to send."""
        notice = ctx.notices.get((message.plan_id, message.notice_sequence))
        plan = ctx.plans.get(message.plan_id)
        if notice is None or plan is None or notice.state is NoticeState.CANCELLED:
            report.cancelled += 1
            return _cancelled(message, "the notice was cancelled")
        if plan.status is PlanStatus.CANCELLED and notice.kind.value != "cancellation":
            report.cancelled += 1
            return _cancelled(message, "the plan was cancelled")
        decision = on_due(notice, now, self.policy)
        if decision.action is DueAction.EXPIRE:
            report.cancelled += 1
            return _cancelled(message, "not sent: the work had begun before it could go out")
        if not notice.urgent:
            at, moved = defer_for_quiet_hours(
                now, self.policy, not_before=now, not_after=notice.starts_at
            )
            if moved and at > now:
                report.deferred += 1
                return replace(message, status=MessageStatus.SCHEDULED, due_at=at)
        if decision.action is DueAction.SEND_LATE:
            message = replace(message, late=True)
            report.late += 1
            if decision.exception is not None:
                key = f"late:{notice.plan_id}:{notice.sequence}"
                if self.store.record_exception(decision.exception, key):
                    report.exceptions.append(decision.exception)
        return message, notice, plan

    def _render(
        self,
        message: OutboxMessage,
        notice: NoticeEvent,
        plan: PlannedOutage,
        ctx: DispatchContext,
    ) -> OutgoingMessage:
        facts = notice_facts(plan, notice, None, self.sender, self.clock.now())
        customer = ctx.customers.get(message.customer_id)
        recipient = (
            recipient_of(customer)
            if customer is not None
            else Recipient(message.customer_id, message.customer_id, "", "", False)
        )
        letters = (customer,) if customer is not None else ()
        return compose_message(message, facts, self.templates, recipient, letter_customers=letters)

    def _attempted(
        self, message: OutboxMessage, result: DeliveryResult, report: DispatchReport
    ) -> None:
        after = after_attempt(message, result, self.clock.now(), self.policy.retry)
        if after.status is MessageStatus.SENT:
            report.sent += 1
        elif after.status is MessageStatus.SCHEDULED:
            report.retrying += 1
        else:
            report.failed += 1
            log.warning("notice message %s failed: %s", message.key[:12], after.last_error)
        self._record(message, after, result.reason if result.sent else "", report)

    def _record(
        self, before: OutboxMessage, after: OutboxMessage, reference: str, report: DispatchReport
    ) -> None:
        if not self.store.record(self.claimer, [(after, reference)], self.clock.now()):
            report.lost += 1
            log.warning("message %s was taken over by another console", before.key[:12])


def _cancelled(message: OutboxMessage, reason: str) -> OutboxMessage:
    return replace(message, status=MessageStatus.CANCELLED, last_error=reason)
