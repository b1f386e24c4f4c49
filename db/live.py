"""Live updates on PostgreSQL: each action's change-log row is announced by NOTIFY.

The announcement (`announce`) is sent in the action's own transaction, so PostgreSQL delivers
it when, and only if, the action commits, in commit order. It carries the change-log number,
the workstation and what changed, so a listening console refreshes only that part without
reading the log; a change too large for a notification says so (`Notice.changes` is None)
and the console reads the log instead. SQLite has no such thing: consoles poll the log.

`ChangeListener` is one psycopg connection in autocommit that LISTENs; its socket can be
watched by an event loop (`fileno`, then `drain` without blocking) or waited on (`wait`).
"""

from __future__ import annotations

import json
import select as _select
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.engine import PG_CONNECT_ARGS
from ops.stores import Changes

if TYPE_CHECKING:
    import psycopg

CHANNEL = "oms_changes"
# PostgreSQL refuses a payload of 8000 bytes or more; keep a margin.
MAX_PAYLOAD = 7_900


class ListenerLostError(RuntimeError):
    """The listening connection is gone (server stopped, network cut): reconnect."""


@dataclass(frozen=True, slots=True)
class Notice:
    """One committed action as announced: `changes` is None when it was too large to carry."""

    seq: int
    workstation: str
    changes: Changes | None
    sent_at: float  # the sender's wall clock (seconds since the epoch), for measuring delay


def encode(seq: int, workstation: str, changes: Changes, *, sent_at: float) -> str:
    """The notification payload: compact JSON under PostgreSQL's size limit."""
    body: dict[str, Any] = {"seq": seq, "ws": workstation, "t": round(sent_at, 4)}
    full = {
        **body,
        "o": sorted(changes.outages), "c": sorted(changes.crews), "n": changes.network,
        "j": sorted(changes.journal), "a": sorted(changes.accounts),
        "p": sorted(changes.plans), "pn": sorted(changes.notices), "po": sorted(changes.outbox),
    }  # fmt: skip
    text = json.dumps(full, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode()) <= MAX_PAYLOAD:
        return text
    return json.dumps({**body, "more": True}, ensure_ascii=False, separators=(",", ":"))


def decode(payload: str) -> Notice:
    data = json.loads(payload)
    changes = None
    if not data.get("more"):
        changes = Changes(
            frozenset(data["o"]), frozenset(data["c"]), bool(data["n"]), frozenset(data["j"]),
            frozenset(data["a"]),
            # planned work: absent from what a console older than these keys announces
            plans=frozenset(data.get("p", ())), notices=frozenset(data.get("pn", ())),
            outbox=frozenset(data.get("po", ())),
        )  # fmt: skip
    return Notice(int(data["seq"]), str(data["ws"]), changes, float(data["t"]))


def announce(session: Session, seq: int, workstation: str, changes: Changes) -> None:
    """Queue the notification in the session's transaction (PostgreSQL only)."""
    payload = encode(seq, workstation, changes, sent_at=time.time())
    session.execute(select(func.pg_notify(CHANNEL, payload)))


def is_connection_error(exc: BaseException) -> bool:
    """True if `exc` says the database server cannot be reached, rather than refused a thing.

    A stopped or restarting server, a cut network or a killed backend: the action was not
    done and may be done again once the connection is back.
    """
    if isinstance(exc, ListenerLostError):
        return True
    if exc.__cause__ is not None and is_connection_error(exc.__cause__):
        return True  # put in other words on the way (e.g. "busy" while waiting for a turn)
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        exc = exc.orig or exc
    # Not imported means not used: an SQLite console need not load the driver (~0.1 s).
    driver = sys.modules.get("psycopg")
    if driver is None or not isinstance(exc, driver.OperationalError):
        return False
    state = exc.sqlstate
    # No SQLSTATE: the client could not talk to the server at all. 08: connection exception;
    # 57P01-57P03: the server is shutting down, crashed, or cannot accept connections yet.
    return state is None or state.startswith("08") or state in {"57P01", "57P02", "57P03"}


class ChangeListener:
    """A LISTEN connection to the database of `engine` (a PostgreSQL engine)."""

    def __init__(self, engine: Engine) -> None:
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs.pop("context", None)
        self._args, self._kwargs = args, {**PG_CONNECT_ARGS, **kwargs}
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def connect(self) -> None:
        """Open the connection and LISTEN; raises psycopg.OperationalError if unreachable."""
        import psycopg

        self.close()
        conn = psycopg.connect(*self._args, **{**self._kwargs, "autocommit": True})
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def fileno(self) -> int:
        """The socket to watch for readability (valid while connected)."""
        return self._live().fileno()

    def drain(self) -> list[Notice]:
        """The notices that have arrived, without blocking; ListenerLostError if gone."""
        import psycopg

        conn = self._live()
        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.OperationalError as exc:
            self.close()
            raise ListenerLostError(str(exc).strip() or "connection closed") from exc
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            self.close()
            raise ListenerLostError("the server closed the connection")
        notices = []
        while (raw := pgconn.notifies()) is not None:
            try:
                notices.append(decode(raw.extra.decode()))
            except (ValueError, KeyError, TypeError):
                continue  # not one of ours (someone else NOTIFYing on the channel)
        return notices

    def wait(self, timeout: float) -> list[Notice]:
        """Block up to `timeout` seconds for notices (headless clients and tests)."""
        found = self.drain()
        if not found:
            ready, _, _ = _select.select([self.fileno()], [], [], timeout)
            if ready:
                found = self.drain()
        return found

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def _live(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            raise ListenerLostError("not connected")
        return self._conn
