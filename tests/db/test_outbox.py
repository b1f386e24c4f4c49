"""The outbox in the database, on SQLite and PostgreSQL: inserted once, claimed once, leases
that run out, results only from the holder, cancellation, counts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from db import Database
from db.repositories.compliance import ComplianceRepository
from db.repositories.outbox import OutboxRepository
from db.repositories.planned import PlannedOutageRepository
from ops.notices.compliance import ComplianceException, ExceptionKind
from ops.notices.outbox import DeliveryResult, MessageStatus, after_attempt, plan_outbox
from ops.notices.recipients import Recipient
from ops.notices.rules import RetryPolicy
from ops.notices.schedule import NoticeEvent, NoticeKind, NoticeState
from ops.planned.records import PlannedOutage, PlanStatus

NOW = datetime(2026, 6, 5, 2, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
START = NOW + timedelta(days=7)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    with database.session() as s:
        PlannedOutageRepository(s).add_many([a_plan(1), a_plan(2)])
    yield database
    database.dispose()


def a_plan(plan_id: int) -> PlannedOutage:
    return PlannedOutage(
        plan_id, f"KH-{plan_id:03d}", "Thay cách điện", "Bảo trì", "Xã Mỹ Tân", START,
        START + timedelta(hours=4), PlanStatus.APPROVED, None, (), 3,
    )  # fmt: skip


def a_notice(plan_id: int = 1, sequence: int = 1, due: datetime = NOW) -> NoticeEvent:
    kind = NoticeKind.INITIAL if sequence == 1 else NoticeKind.REMINDER
    return NoticeEvent(plan_id, kind, sequence, due, START, START + timedelta(hours=4))


def recipients(n: int) -> list[Recipient]:
    return [
        Recipient(f"PB{i:011d}", f"Khách {i}", f"+849090{i:05d}", f"kh{i}@example.vn", False)
        for i in range(n)
    ]


def store(db: Database, notice: NoticeEvent, n: int) -> int:
    with db.session() as s:
        repo = OutboxRepository(s)
        return repo.add_messages(repo.add_notice(notice, NOW), plan_outbox(notice, recipients(n)))


def test_messages_are_inserted_once_however_often_they_are_planned(db: Database) -> None:
    assert store(db, a_notice(), 10) == 20  # SMS and e-mail each
    assert store(db, a_notice(), 10) == 0
    assert store(db, a_notice(), 12) == 4
    with db.session() as s:
        repo = OutboxRepository(s)
        assert repo.counts()[MessageStatus.SCHEDULED] == 24
        assert [n.sequence for n in repo.notices(1)] == [1]


def test_only_due_messages_are_claimed_and_each_only_once(db: Database) -> None:
    store(db, a_notice(), 5)
    store(db, a_notice(sequence=2, due=NOW + timedelta(hours=1)), 5)
    with db.session() as s:
        first = OutboxRepository(s).claim("A", NOW, LEASE, 6)
    with db.session() as s:
        second = OutboxRepository(s).claim("B", NOW, LEASE, 100)
    assert len(first) == 6 and len(second) == 4
    assert not {m.key for m in first} & {m.key for m in second}
    assert all(m.status is MessageStatus.SENDING and m.notice_sequence == 1 for m in first)
    with db.session() as s:
        assert OutboxRepository(s).claim("C", NOW, LEASE, 100) == []
        later = OutboxRepository(s).claim("C", NOW + timedelta(hours=1), timedelta(hours=2), 100)
    assert len(later) == 10 and {m.notice_sequence for m in later} == {2}


def test_concurrent_claimers_never_share_a_message(db: Database) -> None:
    store(db, a_notice(), 150)  # 300 messages
    taken: dict[str, list[str]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def claimer(name: str) -> None:
        try:
            barrier.wait(timeout=15)
            mine = taken.setdefault(name, [])
            while True:
                with db.session() as s:
                    got = OutboxRepository(s).claim(name, NOW, LEASE, 7)
                if not got:
                    return
                mine.extend(m.key for m in got)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=claimer, args=(f"W{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    every = [k for keys in taken.values() for k in keys]
    assert len(every) == 300 and len(set(every)) == 300


def test_a_lease_that_ran_out_lets_another_claimer_take_the_message(db: Database) -> None:
    store(db, a_notice(), 2)
    with db.session() as s:
        held = OutboxRepository(s).claim("dead", NOW, LEASE, 10)
    with db.session() as s:
        assert OutboxRepository(s).claim("B", NOW + LEASE, LEASE, 10) == []  # not yet over
        assert OutboxRepository(s).next_wake(LEASE) == NOW + LEASE
    with db.session() as s:
        again = OutboxRepository(s).claim("B", NOW + LEASE + timedelta(seconds=1), LEASE, 10)
    assert {m.key for m in again} == {m.key for m in held}
    # The old holder's late result is not written over the new holder's claim.
    sent = [(after_attempt(m, DeliveryResult.ok(), NOW, RetryPolicy()), "") for m in held]
    with db.session() as s:
        assert OutboxRepository(s).record("dead", sent, NOW) == 0
        assert OutboxRepository(s).record("B", sent, NOW) == 4
        assert OutboxRepository(s).counts()[MessageStatus.SENT] == 4


def test_claims_of_a_dead_claimer_can_be_released_at_once(db: Database) -> None:
    store(db, a_notice(), 3)
    with db.session() as s:
        OutboxRepository(s).claim("host:123:x", NOW, LEASE, 4)
    with db.session() as s:
        repo = OutboxRepository(s)
        assert repo.claimers() == {"host:123:x"}
        assert repo.release_claims(["host:123:x"]) == 4
        assert len(repo.claim("B", NOW, LEASE, 10)) == 6


def test_a_retryable_failure_comes_back_after_the_back_off_and_the_last_one_stays_failed(
    db: Database,
) -> None:
    store(db, a_notice(), 1)
    retry = RetryPolicy(first_delay=timedelta(minutes=1), max_attempts=2)
    with db.session() as s:
        got = OutboxRepository(s).claim("A", NOW, LEASE, 1)
    failed = after_attempt(got[0], DeliveryResult.failed("451 busy", retryable=True), NOW, retry)
    with db.session() as s:
        OutboxRepository(s).record("A", [(failed, "")], NOW)
    with db.session() as s:
        repo = OutboxRepository(s)
        assert [m.key for m in repo.claim("A", NOW + timedelta(seconds=30), LEASE, 5)] == [
            next(m.key for m in plan_outbox(a_notice(), recipients(1)) if m.key != got[0].key)
        ]
        later = repo.claim("A", NOW + timedelta(minutes=1), LEASE, 5)
    assert [m.key for m in later] == [got[0].key] and later[0].attempts == 1
    last = after_attempt(later[0], DeliveryResult.failed("451 busy", retryable=True), NOW, retry)
    with db.session() as s:
        OutboxRepository(s).record("A", [(last, "")], NOW)
        failures = OutboxRepository(s).messages(status=MessageStatus.FAILED)
    assert [(m.key, m.attempts, m.last_error) for m in failures] == [(got[0].key, 2, "451 busy")]
    with db.session() as s:
        assert OutboxRepository(s).retry_failed(NOW + timedelta(hours=1)) == 1
        assert OutboxRepository(s).counts()[MessageStatus.SCHEDULED] == 1


def test_cancelling_a_plan_stops_its_unsent_messages_only(db: Database) -> None:
    store(db, a_notice(1), 3)
    store(db, a_notice(1, 2, NOW + timedelta(days=5)), 3)
    store(db, a_notice(2), 3)
    with db.session() as s:
        sending = OutboxRepository(s).claim("A", NOW, LEASE, 2)
    with db.session() as s:
        assert OutboxRepository(s).cancel_unsent(1) == 10  # 12 of plan 1, two being sent
    with db.session() as s:
        repo = OutboxRepository(s)
        assert repo.counts(1) == {
            MessageStatus.SCHEDULED: 0, MessageStatus.SENDING: 2, MessageStatus.SENT: 0,
            MessageStatus.FAILED: 0, MessageStatus.CANCELLED: 10,
        }  # fmt: skip
        assert repo.counts(2)[MessageStatus.SCHEDULED] == 6
        assert [n.state for n in repo.notices(1)] == [NoticeState.CANCELLED] * 2
        assert {
            m.plan_id for m in repo.claim("B", NOW + timedelta(days=6), timedelta(days=7), 99)
        } == {2}
    assert {m.plan_id for m in sending} == {1}


def test_a_compliance_exception_is_recorded_once_per_event(db: Database) -> None:
    exception = ComplianceException(1, ExceptionKind.LATE_NOTICE, "chậm 2 giờ", "máy tắt", NOW)
    with db.session() as s:
        repo = ComplianceRepository(s)
        assert repo.record(exception, "late:1:1", "truongca") is True
        assert repo.record(exception, "late:1:1", "truongca") is False
        assert repo.list(1) == [exception]


def test_without_the_temporary_table_right_postgresql_inserts_row_by_row_alike(
    db: Database,
) -> None:
    if db.is_sqlite:
        pytest.skip("PostgreSQL's fallback path")
    from db.repositories.outbox_bulk import _insert_postgresql, insert_messages

    notice = a_notice()
    messages = plan_outbox(notice, recipients(30))
    with db.session() as s:
        notice_id = OutboxRepository(s).add_notice(notice, NOW)
        conn = s.connection()
        rows = [
            (notice_id, m.customer_id, m.channel.value, m.key, m.status.value, m.due_at,
             m.attempts, m.last_error, m.plan_id, m.notice_kind.value, m.notice_sequence,
             m.address, m.late)
            for m in messages[:40]
        ]  # fmt: skip
        assert _insert_postgresql(conn, rows) == 40
        assert insert_messages(conn, notice_id, messages) == 20  # COPY skips the 40 too
    with db.session() as s:
        claimed = OutboxRepository(s).claim("A", NOW, LEASE, 100)
    assert sorted(m.key for m in claimed) == sorted(m.key for m in messages)
