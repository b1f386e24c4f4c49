"""Writing tens of thousands of outbox rows fast, duplicates skipped by idempotency key.

Through the ORM or Core `insert()`, 25,000 rows cost ~1 s of parameter processing before the
database sees them, and psycopg's executemany another 2.7 s on PostgreSQL. Here PostgreSQL
gets them by COPY into a temporary table and one `INSERT … SELECT … ON CONFLICT DO
NOTHING`; SQLite by the driver's executemany of plain tuples, date-times converted by the
column type's own bind processor so they compare exactly like rows written elsewhere.
Both run inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql

from db.models import OutboxMessageRow
from ops.notices.outbox import OutboxMessage

_T = cast(Table, OutboxMessageRow.__table__)
COLUMNS = (
    "notice_id", "customer_id", "channel", "idempotency_key", "status", "due_at", "attempts",
    "last_error", "plan_id", "notice_kind", "notice_sequence", "address", "late",
)  # fmt: skip
_INCOMING = """
CREATE TEMPORARY TABLE IF NOT EXISTS outbox_incoming (
    notice_id integer, customer_id text, channel text, idempotency_key text, status text,
    due_at timestamptz, attempts integer, last_error text, plan_id integer,
    notice_kind text, notice_sequence integer, address text, late boolean
) ON COMMIT DELETE ROWS
"""


def insert_messages(conn: Connection, notice_id: int, messages: Sequence[OutboxMessage]) -> int:
    """Insert the messages of one notice; returns how many were new."""
    rows = [
        (
            notice_id, m.customer_id, m.channel.value, m.key, m.status.value, m.due_at,
            m.attempts, m.last_error, m.plan_id, m.notice_kind.value, m.notice_sequence,
            m.address, m.late,
        )
        for m in messages
    ]  # fmt: skip
    if conn.dialect.name == "postgresql":
        # COPY goes through a temporary table, a right PostgreSQL gives everyone by default;
        # where an administrator took it away, the plain (slower) multi-row insert is used.
        if conn.exec_driver_sql(
            "SELECT has_database_privilege(current_database(), 'TEMPORARY')"
        ).scalar():
            return _copy_postgresql(conn, rows)
        return _insert_postgresql(conn, rows)
    return _executemany_sqlite(conn, rows)


def _copy_postgresql(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    names = ", ".join(COLUMNS)
    raw: Any = conn.connection.driver_connection  # psycopg's, inside this transaction
    with raw.cursor() as cur:
        cur.execute(_INCOMING)
        cur.execute("TRUNCATE outbox_incoming")
        with cur.copy(f"COPY outbox_incoming ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute(
            f"INSERT INTO outbox_messages ({names}) SELECT {names} FROM outbox_incoming "
            "ON CONFLICT (idempotency_key) DO NOTHING"
        )
        return int(cur.rowcount)


def _insert_postgresql(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    statement = (
        postgresql.insert(_T)
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(_T.c.message_id)  # an executemany's rowcount is not reported: count these
    )
    done = 0
    for start in range(0, len(rows), 5000):
        chunk = [dict(zip(COLUMNS, r, strict=True)) for r in rows[start : start + 5000]]
        done += len(conn.execute(statement, chunk).all())
    return done


def _executemany_sqlite(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    when = _T.c.due_at.type.bind_processor(conn.dialect)
    assert when is not None
    due = COLUMNS.index("due_at")
    converted = [(*r[:due], when(r[due]), *r[due + 1 :]) for r in rows]
    marks = ", ".join("?" for _ in COLUMNS)
    result = conn.exec_driver_sql(
        f"INSERT INTO outbox_messages ({', '.join(COLUMNS)}) VALUES ({marks}) "
        "ON CONFLICT (idempotency_key) DO NOTHING",
        converted,
    )
    return int(result.rowcount)
