"""Engines for the embedded SQLite file and for a shared PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from db.wal_guard import WalGuard


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


# libpq options for every PostgreSQL connection (the pool's and the change listener's).
PG_CONNECT_ARGS = {
    "connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
    "keepalives_count": 3,
}  # fmt: skip


def make_engine(url: str | URL) -> Engine:
    """An engine configured for how the console uses it on either database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_on_connect)
        if database and database != ":memory:" and not parsed.query.get("mode"):
            _guard_wal(engine, Path(database).expanduser())
        return engine
    # PostgreSQL: test a pooled connection before use, so a restarted server is survived;
    # give up connecting after a few seconds and notice a silently cut network (keepalives),
    # so an unreachable server is reported instead of freezing the console's worker.
    return create_engine(
        parsed, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=PG_CONNECT_ARGS
    )


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


_wal_guards: WeakKeyDictionary[Engine, WalGuard] = WeakKeyDictionary()


def _guard_wal(engine: Engine, path: Path) -> None:
    """Refuse to go on once the file's -wal is no longer the one this process writes into."""
    guard = _wal_guards[engine] = WalGuard(path)
    event.listen(engine, "connect", guard.connected)  # after _sqlite_on_connect: WAL is on
    event.listen(engine, "close", guard.closed)
    event.listen(engine, "close_detached", guard.closed)
    event.listen(engine, "begin", guard.before_transaction)
    event.listen(engine, "commit", guard.before_commit)


def wal_guard(engine: Engine) -> WalGuard | None:
    """The guard of a SQLite file engine made by `make_engine` (None otherwise)."""
    return _wal_guards.get(engine)


def describe(url: str | URL) -> str:
    """A short, password-free description of the database for the status bar."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite · {parsed.database}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL · {host}{port}/{parsed.database}"
