"""The notice scheduler: one APScheduler date job at the next due time, rebuilt from the
outbox; the sending off the GUI thread, counts back by a signal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from console.notices.scheduler import (
    JOB_ID,
    DispatchSource,
    NoticeScheduler,
    WorkerDeliveryStore,
)
from console.tasks import TaskRunner
from db import Database
from db.models import CustomerRow
from db.notice_store import NoticeBook, SqlDeliveryStore
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role, User
from ops.clock import SystemClock
from ops.delivery.sending import DispatchReport, NoticeSender
from ops.delivery.smtp import SmtpChannel, SmtpSettings
from ops.notices.blackout import BlackoutCalendar
from ops.notices.content import Sender
from ops.notices.outbox import MessageStatus
from ops.notices.recipients import ChannelKind
from ops.notices.rules import NoticePolicy
from ops.notices.templates import load_templates
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.unit.notice_servers import MailSink, smtp_server

SHIFT_LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
POLICY = NoticePolicy(quiet_hours=None)
PLAN_ID = 70


@pytest.fixture
def sink_port() -> Iterator[tuple[MailSink, int]]:
    with smtp_server() as server:
        yield server


def approved_plan(db: Database, now: datetime) -> NoticeBook:
    plan = PlannedOutage(
        PLAN_ID, "KH-2026-G070", "Thay cầu chì", "Thay cầu chì tự rơi", "",
        now + timedelta(days=7), now + timedelta(days=7, hours=3), PlanStatus.DRAFT, None,
        (SwitchingStep(1, "FCO-T-472-CL-113", SwitchAction.OPEN),), 0,
    )  # fmt: skip
    with db.session() as s:
        PlannedOutageRepository(s).add_many([plan])
    book = NoticeBook(db)
    with db.session() as s:
        for cid in book.load(PLAN_ID).call_ahead.customer_ids:
            s.execute(
                update(CustomerRow)
                .where(CustomerRow.customer_id == cid)
                .values(phone="", attributes={"email": f"{cid.lower()}@khach.example"})
            )
    book.approve(SHIFT_LEAD, PLAN_ID, now, POLICY, BlackoutCalendar(()))
    return book


def scheduler_for(db: Database, port: int, threads: set[str]) -> NoticeScheduler:
    clock = SystemClock()
    store = SqlDeliveryStore(db)
    settings = SmtpSettings(sender="tb@dl.example", host="127.0.0.1", port=port,
                            local_hostname="test.local")  # fmt: skip
    sender = NoticeSender(
        store, {ChannelKind.EMAIL: SmtpChannel(settings, clock)}, clock=clock, policy=POLICY,
        templates=load_templates(), sender=Sender(), claimer="gui-test",
    )  # fmt: skip

    def dispatch() -> DispatchReport:
        threads.add(threading.current_thread().name)
        try:
            return sender.dispatch_due()
        finally:
            sender.close()

    return NoticeScheduler(DispatchSource(dispatch, store.counts, store.next_wake), clock)


def test_due_notices_go_out_on_start_off_the_gui_thread_and_counts_come_back(
    qtbot: QtBot, demo_db: Database, sink_port: tuple[MailSink, int]
) -> None:
    sink, port = sink_port
    now = datetime.now(UTC)
    approved_plan(demo_db, now)
    threads: set[str] = set()
    scheduler = scheduler_for(demo_db, port, threads)
    try:
        with qtbot.waitSignal(
            scheduler.counts_changed,
            timeout=30_000,
            check_params_cb=lambda counts: counts[MessageStatus.SENT] == 20,
        ) as blocker:
            scheduler.start()
        assert blocker.args[0][MessageStatus.SCHEDULED] == 20  # the reminders
        assert len(sink.messages) == 20
        assert threading.main_thread().name not in threads
        (job,) = scheduler.jobs()
        assert job.id == JOB_ID and job.misfire_grace_time is None
        # The next wake-up: within the resync interval, as the reminder is days away.
        assert job.next_run_time <= datetime.now(UTC) + scheduler.resync
    finally:
        scheduler.stop()


def test_a_change_pokes_the_scheduler_and_its_notices_go_out(
    qtbot: QtBot, demo_db: Database, sink_port: tuple[MailSink, int]
) -> None:
    sink, port = sink_port
    now = datetime.now(UTC)
    book = approved_plan(demo_db, now)
    scheduler = scheduler_for(demo_db, port, set())
    try:
        with qtbot.waitSignal(scheduler.counts_changed, timeout=30_000):
            scheduler.start()
        book.cancel(SHIFT_LEAD, PLAN_ID, datetime.now(UTC), POLICY)
        with qtbot.waitSignal(
            scheduler.counts_changed,
            timeout=30_000,
            check_params_cb=lambda counts: counts[MessageStatus.SENT] == 40,
        ):
            scheduler.poke()
        assert "Hủy lịch" in str(sink.messages[-1]["Subject"])
    finally:
        scheduler.stop()


class ThreadNotingStore(SqlDeliveryStore):
    """The outbox store, noting which thread makes each database call."""

    def __init__(self, db: Database, threads: list[str]) -> None:
        super().__init__(db)
        self.threads = threads

    def _note(self) -> None:
        self.threads.append(threading.current_thread().name)

    def claim(self, *args: Any) -> Any:
        self._note()
        return super().claim(*args)

    def context(self, *args: Any) -> Any:
        self._note()
        return super().context(*args)

    def record(self, *args: Any) -> Any:
        self._note()
        return super().record(*args)

    def counts(self, *args: Any) -> Any:
        self._note()
        return super().counts(*args)

    def next_wake(self) -> Any:
        self._note()
        return super().next_wake()


def test_the_schedulers_database_work_runs_on_the_task_runners_worker(
    qtbot: QtBot, demo_db: Database, sink_port: tuple[MailSink, int]
) -> None:
    sink, port = sink_port
    now = datetime.now(UTC)
    approved_plan(demo_db, now)
    runner = TaskRunner()
    calls: list[str] = []
    store = WorkerDeliveryStore(ThreadNotingStore(demo_db, calls), runner)
    clock = SystemClock()
    settings = SmtpSettings(sender="tb@dl.example", host="127.0.0.1", port=port,
                            local_hostname="test.local")  # fmt: skip
    sender = NoticeSender(
        store, {ChannelKind.EMAIL: SmtpChannel(settings, clock)}, clock=clock, policy=POLICY,
        templates=load_templates(), sender=Sender(), claimer="gui-test",
    )  # fmt: skip
    sending: set[str] = set()

    def dispatch() -> DispatchReport:
        sending.add(threading.current_thread().name)
        try:
            return sender.dispatch_due()
        finally:
            sender.close()

    scheduler = NoticeScheduler(DispatchSource(dispatch, store.counts, store.next_wake), clock)
    try:
        with qtbot.waitSignal(
            scheduler.counts_changed,
            timeout=30_000,
            check_params_cb=lambda counts: counts[MessageStatus.SENT] == 20,
        ):
            scheduler.start()
    finally:
        scheduler.stop()
        runner.wait()
    assert len(sink.messages) == 20
    # One writer: every call on the worker, none on the sender's thread or the GUI thread.
    assert len(set(calls)) == 1 and len(calls) >= 20 + 3  # a claim, a context, results
    assert sending and not sending & set(calls)
    assert threading.main_thread().name not in sending | set(calls)
