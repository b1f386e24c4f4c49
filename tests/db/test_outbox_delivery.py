"""A plan approved, its notices sent through the claim path to a real SMTP server, on SQLite
and PostgreSQL, with an injected clock: lead time at its boundary, reminders, late notices,
quiet hours, cancellation, postponement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from db import Database
from db.models import CustomerRow
from db.notice_store import NoticeBook, SqlDeliveryStore
from db.repositories.compliance import ComplianceRepository
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role, User
from ops.clock import LOCAL_TZ, FixedClock
from ops.delivery.sending import NoticeSender
from ops.delivery.smtp import SmtpChannel, SmtpSettings
from ops.errors import InvalidOperation, PermissionDenied
from ops.notices.blackout import BlackoutCalendar
from ops.notices.compliance import ExceptionKind
from ops.notices.content import Sender
from ops.notices.outbox import MessageStatus
from ops.notices.recipients import ChannelKind
from ops.notices.rules import NoticePolicy
from ops.notices.templates import load_templates
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.conftest import DEMO_NOW
from tests.unit.notice_servers import MailSink, smtp_server

SHIFT_LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
DISPATCHER = User("dieudo", "Điều độ viên", Role.DISPATCHER)
FUSE = "FCO-T-472-CL-113"  # 20 customers behind it in the demo district
PLAN_ID = 50
NOW = DEMO_NOW  # 10:30 local
POLICY = NoticePolicy()
NO_BLACKOUTS = BlackoutCalendar(())


@dataclass
class Office:
    db: Database
    book: NoticeBook
    clock: FixedClock
    sink: MailSink
    port: int

    def dispatcher(self, claimer: str = "A") -> NoticeSender:
        settings = SmtpSettings(sender="thongbao@dlcaolanh.example", host="127.0.0.1",
                                port=self.port, local_hostname="test.local")  # fmt: skip
        return NoticeSender(
            SqlDeliveryStore(self.db), {ChannelKind.EMAIL: SmtpChannel(settings, self.clock)},
            clock=self.clock, policy=POLICY, templates=load_templates(), sender=Sender(),
            claimer=claimer,
        )  # fmt: skip

    def send(self, at: datetime) -> int:
        self.clock.set(at)
        dispatcher = self.dispatcher()
        try:
            return dispatcher.dispatch_due().sent
        finally:
            dispatcher.close()

    def counts(self) -> dict[MessageStatus, int]:
        return SqlDeliveryStore(self.db).counts(PLAN_ID)


@pytest.fixture
def office(any_demo_db: Database) -> Iterator[Office]:
    with smtp_server() as (sink, port):
        yield Office(any_demo_db, NoticeBook(any_demo_db), FixedClock(NOW), sink, port)


def local(days: int, hour: int, minute: int = 0) -> datetime:
    day = NOW.astimezone(LOCAL_TZ).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def draft(office: Office, starts_at: datetime, hours: float = 4) -> None:
    """A draft plan opening FUSE; its customers reachable by e-mail only."""
    plan = PlannedOutage(
        PLAN_ID, "KH-2026-T050", "Thay cầu chì", "Thay cầu chì tự rơi, bảo trì lưới điện", "",
        starts_at, starts_at + timedelta(hours=hours), PlanStatus.DRAFT, None,
        (SwitchingStep(1, FUSE, SwitchAction.OPEN),), 0,
    )  # fmt: skip
    with office.db.session() as s:
        PlannedOutageRepository(s).add_many([plan])
    ids = office.book.load(PLAN_ID).call_ahead.customer_ids
    with office.db.session() as s:
        for cid in ids:
            s.execute(
                update(CustomerRow)
                .where(CustomerRow.customer_id == cid)
                .values(phone="", attributes={"email": f"{cid.lower()}@khach.example"})
            )


def approve(office: Office, reason: str | None = None, user: User = SHIFT_LEAD) -> int:
    return office.book.approve(user, PLAN_ID, NOW, POLICY, NO_BLACKOUTS, reason)[1]


def plan_status(office: Office) -> str:
    with office.db.session() as s:
        return next(p.status for p in PlannedOutageRepository(s).list_all() if p.plan_id == PLAN_ID)


def test_only_a_shift_lead_approves_and_a_refusal_stores_nothing(office: Office) -> None:
    draft(office, NOW + timedelta(days=7))
    with pytest.raises(PermissionDenied):
        approve(office, user=DISPATCHER)
    assert plan_status(office) == PlanStatus.DRAFT
    assert sum(office.counts().values()) == 0


def test_the_lead_time_is_met_at_exactly_five_days_and_missed_a_minute_later(
    office: Office,
) -> None:
    draft(office, NOW + timedelta(days=5))
    assert approve(office) == 40  # initial + the reminder a day before, 20 e-mails each
    assert plan_status(office) == PlanStatus.APPROVED
    with office.db.session() as s:
        assert ComplianceRepository(s).list(PLAN_ID) == []


def test_a_plan_short_of_the_lead_time_needs_a_reason_which_is_recorded(office: Office) -> None:
    draft(office, NOW + timedelta(days=5) - timedelta(minutes=1))
    with pytest.raises(InvalidOperation, match="override reason"):
        approve(office)
    assert plan_status(office) == PlanStatus.DRAFT
    assert approve(office, "Sự cố tiềm ẩn: cầu chì nứt, phải thay gấp") == 40
    with office.db.session() as s:
        (exception,) = ComplianceRepository(s).list(PLAN_ID)
    assert exception.kind is ExceptionKind.LEAD_TIME
    assert exception.reason == "Sự cố tiềm ẩn: cầu chì nứt, phải thay gấp"
    assert "1 phút" in exception.detail


def test_the_initial_notice_goes_out_now_and_the_reminder_a_day_before(office: Office) -> None:
    starts = local(7, 7)
    draft(office, starts)
    approve(office)
    assert office.send(NOW) == 20
    mails = office.sink.messages
    assert len(mails) == 20 and len({m["Message-ID"] for m in mails}) == 20
    body = mails[0].get_content()
    assert "THỜI GIAN: Từ 07:00 ngày" in body and "LÝ DO NGỪNG CUNG CẤP ĐIỆN" in body
    assert "Thay cầu chì tự rơi" in body
    assert office.send(NOW + timedelta(days=1)) == 0  # nothing else due yet
    assert office.send(starts - timedelta(days=1)) == 20  # the reminder
    assert office.counts()[MessageStatus.SENT] == 40
    assert "xin nhắc Quý khách hàng" in office.sink.messages[-1].get_content()


def test_a_notice_found_due_after_the_lead_deadline_goes_out_late_with_an_exception(
    office: Office,
) -> None:
    draft(office, local(6, 9))  # the initial notice is due now: 6 days ahead
    approve(office)
    assert office.send(local(2, 10)) == 20  # nobody ran a console for two days
    with office.db.session() as s:
        (exception,) = ComplianceRepository(s).list(PLAN_ID)
        late = SqlDeliveryStore(office.db).counts(PLAN_ID)
    assert exception.kind is ExceptionKind.LATE_NOTICE and late[MessageStatus.SENT] == 20
    from db.repositories.outbox import OutboxRepository

    with office.db.session() as s:
        sent = OutboxRepository(s).messages(plan_id=PLAN_ID, status=MessageStatus.SENT)
    assert all(m.late for m in sent)


def test_a_message_found_due_in_quiet_hours_waits_for_the_morning(office: Office) -> None:
    draft(office, local(8, 9))
    approve(office)
    assert office.send(local(0, 22, 30)) == 0  # found at 22:30 (a console started late)
    assert office.counts()[MessageStatus.SCHEDULED] == 40 and not office.sink.messages
    assert office.send(local(1, 6, 59)) == 0
    assert office.send(local(1, 7, 0)) == 20


def test_cancelling_stops_the_reminder_and_tells_who_heard_of_the_work(office: Office) -> None:
    draft(office, local(7, 7))
    approve(office)
    office.send(NOW)
    office.clock.set(NOW + timedelta(hours=1))
    decision, queued = office.book.cancel(SHIFT_LEAD, PLAN_ID, NOW + timedelta(hours=1), POLICY)
    assert queued == 20 and [n.kind.value for n in decision.added] == ["cancellation"]
    assert office.counts()[MessageStatus.CANCELLED] == 20  # the reminders
    assert office.send(NOW + timedelta(hours=1)) == 20
    assert "HỦY" in office.sink.messages[-1]["Subject"].upper()
    assert plan_status(office) == PlanStatus.CANCELLED
    assert office.send(local(6, 7)) == 0  # no reminder after all


def test_postponing_queues_the_postponement_with_the_new_window(office: Office) -> None:
    draft(office, local(7, 7))
    approve(office)
    office.send(NOW)
    later = NOW + timedelta(hours=2)
    decision, queued = office.book.postpone(
        SHIFT_LEAD, PLAN_ID, local(14, 7), local(14, 11), later, POLICY, NO_BLACKOUTS
    )
    assert [n.kind.value for n in decision.added] == ["postponement", "reminder"]
    assert queued == 40
    assert office.send(later) == 20
    body = office.sink.messages[-1].get_content()
    assert local(14, 7).strftime("%d/%m/%Y") in body
    with office.db.session() as s:
        row = s.scalar(select(CustomerRow.customer_id).limit(1))
    assert row is not None


def test_finished_work_drops_the_reminder_and_says_supply_is_back(office: Office) -> None:
    draft(office, local(7, 7))
    approve(office)
    office.send(NOW)
    done_at = local(0, 23)  # reported at night: "supply is back" is urgent, quiet hours or not
    decision, queued = office.book.finish(SHIFT_LEAD, PLAN_ID, done_at, done_at, POLICY)
    assert [n.kind.value for n in decision.added] == ["finished"] and queued == 20
    assert office.send(done_at) == 20
    assert office.counts()[MessageStatus.CANCELLED] == 20  # the reminder
    assert plan_status(office) == PlanStatus.COMPLETED


def test_a_stop_request_finishes_the_message_in_hand_and_gives_the_rest_back(
    office: Office,
) -> None:
    draft(office, local(7, 7))
    approve(office)
    dispatcher = office.dispatcher()
    original = office.sink.handle_DATA

    async def stop_at_fifth(server, session, envelope):  # type: ignore[no-untyped-def]
        if len(office.sink.messages) == 4:
            dispatcher.request_stop()  # the console is closing while the 5th is in flight
        return await original(server, session, envelope)

    office.sink.handle_DATA = stop_at_fifth  # type: ignore[method-assign]
    try:
        report = dispatcher.dispatch_due()
    finally:
        dispatcher.close()
    assert (report.sent, report.released) == (5, 15)
    counts = office.counts()
    assert counts[MessageStatus.SENT] == 5 and counts[MessageStatus.SENDING] == 0
    assert office.send(NOW) == 15  # another run (or console) sends the rest at once
