"""The outbox in the database: idempotent inserts, the claim, results, cancellation, counts.

The claim is the only thing that decides who sends a message, and it happens in the
database, so two consoles (or a console and `main.py send-notices`) never send one message
twice. PostgreSQL picks rows with `SELECT … FOR UPDATE SKIP LOCKED` (a second claimer skips
rows the first holds instead of waiting for them); SQLite runs the pick and the update as
one `UPDATE … WHERE message_id IN (SELECT …)` statement, which holds the database's single
write lock from its first read, so no other writer comes between. A claim is a lease
(claimed_by, claimed_at): a claimer that died leaves its rows "sending", and they are taken
again once the lease has run out, or at once when the claimer is known to be dead.
Results are written only by the claimer that still holds the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Connection, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from db.models import NoticeRow, OutboxMessageRow
from db.repositories._upsert import insert_ignoring_duplicates
from db.repositories.outbox_bulk import insert_messages
from ops.notices.outbox import MessageStatus, OutboxMessage
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeEvent, NoticeKind, NoticeState

_T = cast(Table, OutboxMessageRow.__table__)
_N = cast(Table, NoticeRow.__table__)
_SCHEDULED, _SENDING = MessageStatus.SCHEDULED.value, MessageStatus.SENDING.value


class OutboxRepository:
    """Notices and their outbox messages, for one session (one unit of work)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # --- planning -------------------------------------------------------------------------

    def add_notice(self, notice: NoticeEvent, created_at: datetime) -> int:
        """Store a notice (once: the plan and sequence identify it) and return its id."""
        values = {
            "plan_id": notice.plan_id, "outage_id": None, "kind": notice.kind.value,
            "sequence": notice.sequence, "due_at": notice.due_at, "created_at": created_at,
            "status": notice.state.value, "body": "", "starts_at": notice.starts_at,
            "ends_at": notice.ends_at, "previous_starts_at": notice.previous_starts_at,
            "previous_ends_at": notice.previous_ends_at, "urgent": notice.urgent,
            "deferred": notice.deferred,
        }  # fmt: skip
        self._s.execute(insert_ignoring_duplicates(self._s, _N, ["plan_id", "sequence"]), values)
        found = self._s.scalar(
            select(_N.c.notice_id).where(
                _N.c.plan_id == notice.plan_id, _N.c.sequence == notice.sequence
            )
        )
        assert found is not None
        return int(found)

    def add_messages(self, notice_id: int, messages: Sequence[OutboxMessage]) -> int:
        """Insert messages; one whose idempotency key is already there is left as it is.
        Returns how many rows were new."""
        if not messages:
            return 0
        return insert_messages(self._s.connection(), notice_id, messages)

    def notices(self, plan_id: int) -> tuple[NoticeEvent, ...]:
        """A plan's notices in sequence order; SENT once any of its messages went out."""
        sent = set(
            self._s.scalars(
                select(_T.c.notice_sequence)
                .where(_T.c.plan_id == plan_id, _T.c.status == MessageStatus.SENT.value)
                .distinct()
            )
        )
        out = []
        for r in self._s.execute(select(_N).where(_N.c.plan_id == plan_id).order_by(_N.c.sequence)):
            state = NoticeState(r.status)
            if r.sequence in sent:
                state = NoticeState.SENT
            out.append(
                NoticeEvent(
                    plan_id, NoticeKind(r.kind), r.sequence, r.due_at, r.starts_at, r.ends_at,
                    r.urgent, state, r.previous_starts_at, r.previous_ends_at, r.deferred,
                )
            )  # fmt: skip
        return tuple(out)

    def cancel_unsent(self, plan_id: int, sequences: Iterable[int] | None = None) -> int:
        """Scheduled messages of the plan (of these notices) cancelled; how many."""
        where = [_T.c.plan_id == plan_id, _T.c.status == _SCHEDULED]
        notice_where = [_N.c.plan_id == plan_id, _N.c.status == NoticeState.SCHEDULED.value]
        if sequences is not None:
            chosen = list(sequences)
            where.append(_T.c.notice_sequence.in_(chosen))
            notice_where.append(_N.c.sequence.in_(chosen))
        done = self._s.execute(
            update(_T).where(*where).values(status=MessageStatus.CANCELLED.value)
        ).rowcount  # type: ignore[attr-defined]
        self._s.execute(update(_N).where(*notice_where).values(status=NoticeState.CANCELLED.value))
        return int(done or 0)

    # --- the claim ------------------------------------------------------------------------

    def claim(
        self, claimer: str, now: datetime, lease: timedelta, limit: int
    ) -> list[OutboxMessage]:
        """Take up to `limit` due messages for `claimer`: scheduled and due, or left "sending"
        by a claimer whose lease ran out. Earliest due first."""
        due = _claimable(now, lease)
        pick = select(_T.c.message_id).where(due).order_by(_T.c.due_at, _T.c.message_id)
        pick = pick.limit(limit)
        values = {"status": _SENDING, "claimed_by": claimer, "claimed_at": now}
        if self._s.get_bind().dialect.name == "postgresql":
            picked = pick.with_for_update(skip_locked=True).cte("picked")
            statement = update(_T).where(_T.c.message_id == picked.c.message_id).values(**values)
        else:
            statement = update(_T).where(_T.c.message_id.in_(pick.scalar_subquery()), due)
            statement = statement.values(**values)
        rows = self._s.execute(statement.returning(*_T.c)).all()
        return sorted((_message(r) for r in rows), key=lambda m: (m.due_at, m.key))

    def release_claims(self, claimers: Iterable[str]) -> int:
        """Give the "sending" rows of claimers known to be dead back to the queue."""
        chosen = list(claimers)
        if not chosen:
            return 0
        done = self._s.execute(
            update(_T)
            .where(_T.c.status == _SENDING, _T.c.claimed_by.in_(chosen))
            .values(status=_SCHEDULED, claimed_by=None, claimed_at=None)
        ).rowcount  # type: ignore[attr-defined]
        return int(done or 0)

    def claimers(self) -> set[str]:
        """Who holds "sending" rows now."""
        found = self._s.scalars(select(_T.c.claimed_by).where(_T.c.status == _SENDING).distinct())
        return {c for c in found if c}

    def record(
        self, claimer: str, results: Sequence[tuple[OutboxMessage, str]], at: datetime
    ) -> int:
        """Write attempt outcomes (the message after `after_attempt`, and the operator's
        reference) for rows `claimer` still holds; how many were written. A row the claimer
        lost (its lease ran out and another console took it) is left to the new holder."""
        return record_results(self._s.connection(), claimer, results, at)

    # --- what the console shows -----------------------------------------------------------

    def counts(self, plan_id: int | None = None) -> dict[MessageStatus, int]:
        """Messages by status (every status present, zero or not)."""
        statement = select(_T.c.status, func.count()).group_by(_T.c.status)
        if plan_id is not None:
            statement = statement.where(_T.c.plan_id == plan_id)
        counts = dict.fromkeys(MessageStatus, 0)
        for status, n in self._s.execute(statement):
            counts[MessageStatus(status)] = int(n)
        return counts

    def next_wake(self, lease: timedelta) -> datetime | None:
        """The earliest moment something becomes claimable: a scheduled message's due time,
        or the end of a lease held now."""
        due = self._s.scalar(select(func.min(_T.c.due_at)).where(_T.c.status == _SCHEDULED))
        held = self._s.scalar(select(func.min(_T.c.claimed_at)).where(_T.c.status == _SENDING))
        held = _aware(held)
        candidates = [t for t in (_aware(due), held + lease if held else None) if t is not None]
        return min(candidates) if candidates else None

    def messages(
        self,
        *,
        plan_id: int | None = None,
        status: MessageStatus | None = None,
        limit: int = 1000,
    ) -> list[OutboxMessage]:
        statement = select(_T).order_by(_T.c.due_at, _T.c.message_id).limit(limit)
        if plan_id is not None:
            statement = statement.where(_T.c.plan_id == plan_id)
        if status is not None:
            statement = statement.where(_T.c.status == status.value)
        return [_message(r) for r in self._s.execute(statement)]

    def failed_plans(self, plan_id: int | None = None) -> frozenset[int]:
        """The plans that have failed messages (only `plan_id`, if given)."""
        where: list[ColumnElement[bool]] = [_T.c.status == MessageStatus.FAILED.value]
        if plan_id is not None:
            where.append(_T.c.plan_id == plan_id)
        found = self._s.scalars(select(_T.c.plan_id).where(*where).distinct())
        return frozenset(int(p) for p in found if p is not None)

    def retry_failed(self, now: datetime, plan_id: int | None = None) -> int:
        """Failed messages queued again, due now, with a fresh count of attempts."""
        where: list[ColumnElement[bool]] = [_T.c.status == MessageStatus.FAILED.value]
        if plan_id is not None:
            where.append(_T.c.plan_id == plan_id)
        done = self._s.execute(
            update(_T).where(*where).values(status=_SCHEDULED, due_at=now, attempts=0)
        ).rowcount  # type: ignore[attr-defined]
        return int(done or 0)


def record_results(
    conn: Connection, claimer: str, results: Sequence[tuple[OutboxMessage, str]], at: datetime
) -> int:
    """`OutboxRepository.record` on a bare connection (the dispatcher holds one for a run)."""
    if not results:
        return 0
    params = [
        {
            "k": m.key, "s": m.status.value, "a": m.attempts, "d": m.due_at,
            "e": m.last_error, "l": m.late, "r": reference or None,
            "t": at if m.status is MessageStatus.SENT else None, "c": claimer,
        }
        for m, reference in results
    ]  # fmt: skip
    done = conn.execute(_RECORD, params).rowcount
    return int(done or 0)


# Built once: a result is written after every message, and building the statement each time
# costs more than the database does.
_RECORD = (
    update(_T)
    .where(
        _T.c.idempotency_key == bindparam("k"),
        _T.c.status == _SENDING,
        _T.c.claimed_by == bindparam("c"),
    )
    .values(
        status=bindparam("s"), attempts=bindparam("a"), due_at=bindparam("d"),
        last_error=bindparam("e"), late=bindparam("l"), sent_at=bindparam("t"),
        delivery_reference=bindparam("r"), claimed_by=None, claimed_at=None,
    )
    .execution_options(synchronize_session=False)
)  # fmt: skip


def _claimable(now: datetime, lease: timedelta) -> ColumnElement[bool]:
    return or_(
        and_(_T.c.status == _SCHEDULED, _T.c.due_at <= now),
        and_(_T.c.status == _SENDING, _T.c.claimed_at < now - lease),
    )


def _message(r: Any) -> OutboxMessage:
    return OutboxMessage(
        r.idempotency_key, r.plan_id or 0, NoticeKind(r.notice_kind), r.notice_sequence,
        r.customer_id, ChannelKind(r.channel), r.address, r.due_at, MessageStatus(r.status),
        r.attempts, bool(r.late), r.last_error,
    )  # fmt: skip


def _aware(value: datetime | None) -> datetime | None:
    """min() over a UtcDateTime column comes back raw on SQLite (naive UTC text)."""
    from datetime import UTC

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
