"""The change log's rows: written in the changing transaction, read by polling consoles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.database import DatabaseError
from db.models import ChangeLogRow
from ops.stores import Changes

_LOG = cast(Table, ChangeLogRow.__table__)
# Rows kept: a console polling every second is never this far behind.
KEEP_CHANGES = 50_000
_PRUNE_EVERY = 1_000
# Any constant: the key of PostgreSQL's transaction-scoped advisory lock that orders writers.
_TURN_LOCK = 0x4F4D5301
# How long an action waits for its turn before it gives up (SQLite: the engine's busy timeout).
TURN_WAIT_S = 10.0
# A workstation that vanished in the middle of an action (network cut, machine off) loses
# its turn, and its transaction, after this long on PostgreSQL instead of holding up everyone.
_STUCK_AFTER_S = 60


def take_turn(session: Session) -> None:
    """Wait until no other action is writing the database, and hold it until commit.

    Actions are short (milliseconds) and a dispatch office makes a few a minute, so taking
    turns costs nothing, and it keeps every action on a state no other one is changing: the
    restoration accounting replays the switching log it read, and change-log numbers come in
    commit order, so a console that has read up to number n has seen everything before n.
    Raises DatabaseError if the turn does not come within TURN_WAIT_S.
    """
    dialect = session.get_bind().dialect.name
    try:
        if dialect == "sqlite":
            # Take the write lock now (waiting up to the busy timeout), not at the first
            # write: a read-then-write transaction could otherwise fail on a snapshot another
            # one moved. A transaction that is already writing holds the lock.
            connection = session.connection()
            if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif dialect == "postgresql":
            session.execute(text(f"SET LOCAL lock_timeout = {int(TURN_WAIT_S * 1000)}"))
            session.execute(
                text(f"SET LOCAL idle_in_transaction_session_timeout = {_STUCK_AFTER_S * 1000}")
            )
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _TURN_LOCK})
    except OperationalError as exc:
        raise DatabaseError(
            "The database is busy with another workstation's action; try again in a moment."
        ) from exc


def record_changes(session: Session, changes: Changes, *, workstation: str, at: datetime) -> int:
    """Write one change-log row in the caller's transaction; returns its number."""
    seq = int(
        session.execute(
            insert(_LOG)
            .values(
                at=at,
                workstation=workstation[:64],
                outages=sorted(changes.outages),
                crews=sorted(changes.crews),
                network=changes.network,
                journal=sorted(changes.journal),
                accounts=sorted(changes.accounts),
                plans=sorted(changes.plans),
                notices=sorted(changes.notices),
                outbox=sorted(changes.outbox),
            )
            .returning(_LOG.c.seq)
        ).scalar_one()
    )
    if seq % _PRUNE_EVERY == 0:
        session.execute(delete(_LOG).where(_LOG.c.seq <= seq - KEEP_CHANGES))
    return seq


def latest_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(_LOG.c.seq))) or 0)


def bounds(session: Session) -> tuple[int | None, int | None]:
    """The oldest and the newest row's number (None, None when the log is empty)."""
    lowest, highest = session.execute(select(func.min(_LOG.c.seq), func.max(_LOG.c.seq))).one()
    return lowest, highest


def rows_after(session: Session, seq: int) -> Sequence[Any]:
    return session.execute(select(_LOG).where(_LOG.c.seq > seq).order_by(_LOG.c.seq)).all()


def changes_of(row: Any) -> Changes:
    return Changes(
        frozenset(row.outages), frozenset(row.crews), bool(row.network), frozenset(row.journal),
        frozenset(row.accounts), plans=frozenset(row.plans), notices=frozenset(row.notices),
        outbox=frozenset(row.outbox),
    )  # fmt: skip
