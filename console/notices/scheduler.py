"""Wakes the notice dispatcher at the next due time: APScheduler 3.x, one date job.

The outbox in the database is the schedule. The job store is APScheduler's memory store and
holds one date job: "dispatch at the next wake-up", rebuilt from the outbox on start, after
every dispatch and whenever the console changes a plan (`poke`). Nothing depends on the job
store surviving: a console that was not running finds the overdue messages at its next start
and sends them then (marked late). `misfire_grace_time=None` because a wake-up that fires
late must still run, never be "missed" and dropped. Who sends a message is decided by the
claim in the database, not here, so two consoles (each with its own scheduler) send each
message once. Another workstation's changes are seen at the latest after `resync`.

The dispatch runs on APScheduler's worker thread, never on the GUI thread; counts and
reports reach the window by Qt signals (queued to the GUI thread).

One writer: the console writes its database from the task runner's worker only. The sender's
thread does the sending (SMTP, HTTP, files: seconds, which must not hold the GUI thread nor
the worker), and hands every database call (claim, context, each result, a compliance
exception, releasing claims, counts, the next wake-up) to that worker (`TaskRunner.call`,
see `WorkerDeliveryStore`), waiting for it there. The calls keep their order and their
transactions, so a claim is still one transaction with its lease, and each result is written
(committed) before the next message goes out; they only take their place in the worker's
queue between the panels' reads and the actions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from apscheduler.schedulers.background import BackgroundScheduler
from PySide6.QtCore import QObject, Signal

from console.tasks import TaskRunner
from db import Database
from db.notice_store import SqlDeliveryStore
from ops.clock import Clock
from ops.delivery.claimer import claimer_is_dead, claimer_name
from ops.delivery.sending import DispatchContext, DispatchReport, NoticeSender
from ops.delivery.setup import delivery_setup
from ops.notices.compliance import ComplianceException
from ops.notices.outbox import MessageStatus, OutboxMessage
from ops.policy import Policy
from ops.settings import Settings

log = logging.getLogger(__name__)
JOB_ID = "notice-dispatch"
R = TypeVar("R")


class WorkerDeliveryStore:
    """The outbox store with every call run on the task runner's worker (the one writer).

    Called from the sender's thread; each call waits for the worker and returns there.
    """

    def __init__(self, store: SqlDeliveryStore, writer: TaskRunner) -> None:
        self._store, self._writer = store, writer

    def _call(self, fn: Callable[[], R]) -> R:
        return self._writer.call(fn)

    @contextmanager
    def hold(self) -> Iterator[None]:
        # The held connection is opened, used and closed on the worker only.
        stack = ExitStack()
        self._call(lambda: stack.enter_context(self._store.hold()))
        try:
            yield
        finally:
            self._call(stack.close)

    def release_dead_claims(self, is_dead: Callable[[str], bool]) -> int:
        return self._call(lambda: self._store.release_dead_claims(is_dead))

    def claim(self, claimer: str, now: datetime, limit: int) -> list[OutboxMessage]:
        return self._call(lambda: self._store.claim(claimer, now, limit))

    def context(self, messages: Sequence[OutboxMessage]) -> DispatchContext:
        return self._call(lambda: self._store.context(messages))

    def record(
        self, claimer: str, results: Sequence[tuple[OutboxMessage, str]], at: datetime
    ) -> int:
        return self._call(lambda: self._store.record(claimer, results, at))

    def record_exception(self, exception: ComplianceException, key: str) -> bool:
        return self._call(lambda: self._store.record_exception(exception, key))

    def next_wake(self) -> datetime | None:
        return self._call(self._store.next_wake)

    def counts(self, plan_id: int | None = None) -> dict[MessageStatus, int]:
        return self._call(lambda: self._store.counts(plan_id))


class DispatchSource:
    """What the scheduler needs: run one dispatch, read counts and the next wake-up."""

    def __init__(
        self,
        dispatch: Callable[[], DispatchReport],
        counts: Callable[[], dict[MessageStatus, int]],
        next_wake: Callable[[], datetime | None],
        stop: Callable[[], None] = lambda: None,
    ) -> None:
        self.dispatch, self.counts, self.next_wake = dispatch, counts, next_wake
        self.stop = stop  # asks a running dispatch to stop after the message in hand


def _wake(scheduler: NoticeScheduler) -> None:
    """The job (module-level, as APScheduler prefers): one dispatch, then the next wake-up."""
    scheduler.run_once()


class NoticeScheduler(QObject):
    """One date job at the next due time of the outbox."""

    counts_changed = Signal(object)  # dict[MessageStatus, int]
    dispatched = Signal(object)  # DispatchReport
    failed = Signal(str)

    def __init__(
        self,
        source: DispatchSource,
        clock: Clock,
        *,
        resync: timedelta = timedelta(minutes=1),
        retry_after_error: timedelta = timedelta(seconds=30),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source, self.clock = source, clock
        self.resync, self.retry_after_error = resync, retry_after_error
        self._scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._lock = threading.Lock()  # one dispatch at a time, whoever asks
        self.next_run: datetime | None = None

    def start(self) -> None:
        """Start, and look at the outbox at once (overdue messages go out now)."""
        self._scheduler.start()
        self.poke()

    def poke(self) -> None:
        """Something changed (a plan approved, cancelled…): wake now and re-plan."""
        self._plan(self.clock.now())

    def stop(self) -> None:
        """No more wake-ups; a dispatch under way stops after the message in hand."""
        if self._scheduler.running:
            self._scheduler.remove_all_jobs()
            self.source.stop()
            self._scheduler.shutdown(wait=True)

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def run_once(self) -> None:
        """Dispatch what is due, publish the counts, plan the next wake-up."""
        with self._lock:
            try:
                report = self.source.dispatch()
                counts = self.source.counts()
                wake = self.source.next_wake()
            except Exception as exc:  # the database or a channel is down: try again soon
                log.exception("notice dispatch failed")
                self.failed.emit(str(exc))
                self._plan(self.clock.now() + self.retry_after_error)
                return
            now = self.clock.now()
            latest = now + self.resync
            # Never sooner than a second from now: a due time the claim did not take (a clock
            # out of step with the database) must not turn this into a busy loop.
            soonest = now + timedelta(seconds=1)
            self._plan(latest if wake is None else max(soonest, min(wake, latest)))
            self.dispatched.emit(report)  # after the next wake-up is planned
            self.counts_changed.emit(counts)

    def _plan(self, when: datetime) -> None:
        if not self._scheduler.running:
            return
        self.next_run = when
        kwargs: dict[str, Any] = {"trigger": "date", "run_date": when, "args": [self]}
        self._scheduler.add_job(_wake, id=JOB_ID, replace_existing=True, **kwargs)

    def jobs(self) -> list[Any]:
        return list(self._scheduler.get_jobs())


def notice_scheduler_for(
    db: Database, settings: Settings, profile: Policy, clock: Clock, writer: TaskRunner
) -> NoticeScheduler:
    """The scheduler for this console: its own claimer name, channels from the settings,
    its database work on `writer` (the console's task runner)."""
    setup = delivery_setup(settings, profile)
    store = WorkerDeliveryStore(SqlDeliveryStore(db, setup.notices.lease), writer)
    sender = NoticeSender(
        store, setup.channels(settings, clock), clock=clock, policy=setup.policy,
        templates=setup.templates, sender=setup.sender, claimer=claimer_name(),
        batch=setup.notices.batch_size, is_dead=claimer_is_dead,
    )  # fmt: skip

    def dispatch() -> DispatchReport:
        try:
            sender.recover()
            return sender.dispatch_due()
        finally:
            sender.close()  # no SMTP connection idles between wake-ups

    source = DispatchSource(dispatch, store.counts, store.next_wake, sender.request_stop)
    return NoticeScheduler(source, clock)
