"""A console's SQLite writes are never lost silently when its own process touches the file.

POSIX locks are per process: one `open()`/`close()` of the database file anywhere in the
console drops SQLite's locks; the next program to open and close the database deletes the
console's -wal, and what the console writes next goes nowhere. These tests run that
sequence for real (another process, a real WAL file) against the project's `Database`.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from db import Database
from db.backup import BackupError, backup
from db.engine import _sqlite_on_connect, wal_guard
from db.wal_guard import WalLostError, is_database_file, open_database_files

OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=10)
print(conn.execute("SELECT group_concat(x) FROM t").fetchone()[0] or "")
conn.close()
"""
# The same, staying open (its connection, and the new -wal it made, stay).
STAYING_OPEN = OTHER_PROCESS.replace("conn.close()", "sys.stdout.flush(); input()")


def other_process_reads(path: Path) -> str:
    """What another program (sqlite3, send-notices, a second console) sees, opening and
    closing the database as they do."""
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, str(path)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def staying_open(path: Path) -> subprocess.Popen[str]:
    """Another program that has opened the database and keeps it open until told (a line)."""
    other = subprocess.Popen(
        [sys.executable, "-c", STAYING_OPEN, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert other.stdout is not None and other.stdout.readline().strip()
    return other


def touch_outside_sqlite(path: Path) -> None:
    """What a file dialog sniffing types does: read the first bytes, close."""
    with open(path, "rb") as f:
        f.read(64)


def write(db: Database, value: int) -> None:
    with db.session() as s:
        s.execute(text("INSERT INTO t VALUES (:x)"), {"x": value})


def prepared(db: Database) -> Database:
    with db.session() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    write(db, 1)
    return db


def unguarded(path: Path) -> Database:
    """The project's Database with the engine as it was before the guard."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_on_connect)
    return Database(f"sqlite:///{path}", engine=engine)


def test_without_the_guard_the_write_after_the_touch_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    db = prepared(unguarded(path))
    assert other_process_reads(path) == "1"
    touch_outside_sqlite(path)
    assert other_process_reads(path) == "1"  # ...and on closing it removes the console's -wal
    assert not path.with_name("console.db-wal").exists()

    write(db, 2)  # "saved", as far as the console can tell

    assert other_process_reads(path) == "1"  # invisible to everyone else
    second = staying_open(path)  # a second console (or send-notices) is running...
    db.dispose()  # ...when this one exits: its log cannot be checkpointed, it is dropped
    second.communicate("\n", timeout=60)
    assert other_process_reads(path) == "1"  # gone for good


def test_the_guard_refuses_the_write_loudly_instead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "console.db"
    db = prepared(Database(f"sqlite:///{path}"))
    touch_outside_sqlite(path)
    assert other_process_reads(path) == "1"

    with (
        caplog.at_level(logging.CRITICAL, logger="db.wal_guard"),
        pytest.raises(WalLostError, match="Restart the console") as refused,
    ):
        write(db, 2)
    assert "was removed" in str(refused.value) and "Actions saved up to" in str(refused.value)
    assert [r.levelno for r in caplog.records] == [logging.CRITICAL]
    with pytest.raises(WalLostError), db.session() as s:  # for good: reads would be stale too
        s.execute(text("SELECT count(*) FROM t"))
    db.dispose()
    assert other_process_reads(path) == "1"  # the refused write was never reported as saved


def test_a_log_replaced_by_another_program_refuses_the_commit_and_new_connections(
    tmp_path: Path,
) -> None:
    path = tmp_path / "console.db"
    db = prepared(Database(f"sqlite:///{path}"))
    wal = path.with_name("console.db-wal")
    with db.engine.connect() as held:  # a second thread's connection, open throughout
        held.execute(text("SELECT 1")).all()
        touch_outside_sqlite(path)
        other_process_reads(path)
        # Another program starts using the database again: a new -wal of its own.
        keep = staying_open(path)
        try:
            assert wal.exists()
            guard = wal_guard(db.engine)
            assert guard is not None
            with pytest.raises(WalLostError, match="replaced by another file"):
                guard.check()
            with pytest.raises(WalLostError):
                write(db, 2)
        finally:
            keep.communicate("\n", timeout=60)
    db.dispose()
    assert other_process_reads(path) == "1"


def test_sqlite_own_ways_in_the_same_process_keep_the_log(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    db = Database(f"sqlite:///{path}")
    db.upgrade()  # backup() copies console databases only
    prepared(db)
    backup(f"sqlite:///{path}", tmp_path / "copy.db")  # SQLite's backup API: its own locks
    assert other_process_reads(path) == "1"
    write(db, 2)
    assert other_process_reads(path) == "1,2"
    db.dispose()  # SQLite removes its log itself after the last connection: not a loss
    db = Database(f"sqlite:///{path}")
    write(db, 3)
    assert other_process_reads(path) == "1,2,3"
    db.dispose()


def test_backup_refuses_to_overwrite_the_files_beside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    db = prepared(Database(f"sqlite:///{path}"))
    for name in ("console.db", "console.db-wal", "console.db-shm"):
        with pytest.raises(BackupError, match="cannot be the database"):
            backup(f"sqlite:///{path}", tmp_path / name)
    assert path in open_database_files() and is_database_file(tmp_path / "console.db-wal")
    assert not is_database_file(tmp_path / "report.pdf")
    write(db, 2)
    assert other_process_reads(path) == "1,2"
    db.dispose()


def test_the_check_costs_microseconds(tmp_path: Path) -> None:
    db = prepared(Database(f"sqlite:///{tmp_path / 'console.db'}"))
    guard = wal_guard(db.engine)
    assert guard is not None
    rounds = 20_000
    start = time.perf_counter()
    for _ in range(rounds):
        guard.check()
    per_check = (time.perf_counter() - start) / rounds
    assert per_check < 100e-6  # one stat(); about 2 µs measured, two per action
    db.dispose()
