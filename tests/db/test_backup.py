"""Backup and restore of the embedded database: consistent under writes, never half-done."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from db import Database
from db.backup import BackupError, backup, restore
from tests.conftest import DEMO_NOW


def count_events(url: str) -> int:
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM outage_events")).scalar() or 0)
    finally:
        db.dispose()


def test_a_backup_taken_while_a_console_writes_is_consistent(
    demo_db_path: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{demo_db_path}"
    writer = Database(url)
    stop = threading.Event()
    written = 0

    def write() -> None:
        nonlocal written
        while not stop.is_set():
            with writer.session() as s:
                s.execute(
                    text(
                        "INSERT INTO outage_events (outage_id, kind, text, occurred_at, entered_at,"
                        " entered_by) VALUES (1, 'remark', 'x', :t, :t, 'w')"
                    ),
                    {"t": DEMO_NOW.replace(tzinfo=None)},
                )
            written += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = [backup(url, tmp_path / f"b{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
        writer.dispose()
    assert written > 0
    counts = [count_events(f"sqlite:///{c}") for c in copies]
    assert counts == sorted(counts)  # each snapshot is a moment of the history, in order
    assert counts[-1] <= count_events(url)


def test_restore_brings_the_backup_back_and_keeps_what_was_there(
    demo_db_path: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{demo_db_path}"
    saved = backup(url, tmp_path / "before.db")
    before = count_events(url)
    db = Database(url)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM outage_events"))
    db.dispose()
    assert count_events(url) == 0
    kept = restore(url, saved)
    assert count_events(url) == before
    assert count_events(f"sqlite:///{kept}") == 0  # the replaced content is not thrown away


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_a_bad_backup_file_is_refused_and_the_database_is_untouched(
    demo_db_path: Path, tmp_path: Path, content: bytes
) -> None:
    url = f"sqlite:///{demo_db_path}"
    before = count_events(url)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(BackupError):
        restore(url, bad)
    assert count_events(url) == before


def test_postgresql_is_pointed_at_its_own_tools() -> None:
    with pytest.raises(BackupError, match="pg_dump"):
        backup("postgresql+psycopg://u@h/db", Path("x.db"))
