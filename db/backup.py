"""Backup and restore of the embedded SQLite database, consistent while consoles run.

PostgreSQL is backed up with its own tools (pg_dump / pg_restore, see README); these
functions refuse a PostgreSQL URL with that advice rather than doing something partial.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from db.migrate import HEAD
from db.wal_guard import SIDECARS
from ops.files import replace_durably


class BackupError(RuntimeError):
    """A backup or restore that cannot be done, in words an administrator can act on."""


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            "backup and restore here are for the embedded SQLite database; for PostgreSQL use "
            "pg_dump -Fc and pg_restore (see README, 'Backup and restore')"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("an in-memory database has nothing to back up")
    return Path(parsed.database)


def backup(url: str, target: Path) -> Path:
    """Copy the live database to `target` by SQLite's online backup API: a consistent snapshot."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError(f"there is no database at {source_path}")
    target = target.expanduser().resolve()
    if _is_the_database(target, source_path):
        raise BackupError(
            "the backup file cannot be the database itself or a file SQLite keeps beside it"
        )
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with _connect(source_path) as source, _connect(partial) as copy:
            source.backup(copy)  # pages copied under SQLite's locking: readers/writers wait briefly
        _check(partial)
        replace_durably(partial, target)  # synced, so a crash leaves the old or the new
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup to {target} failed: {exc}") from exc
    return target


def restore(url: str, backup_file: Path) -> Path:
    """Replace the database's content with a backup; the previous content is kept beside it.

    The backup is checked first (a SQLite file, intact, a console schema this version knows);
    a file that fails any check leaves the live database untouched.
    """
    live = sqlite_path(url)
    backup_file = backup_file.expanduser()
    if not backup_file.is_file():
        raise BackupError(f"there is no backup file at {backup_file}")
    if _is_the_database(backup_file.resolve(), live):
        raise BackupError("the backup file cannot be the database itself")
    _check(backup_file)
    kept: Path | None = None
    try:
        if live.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = live.with_name(f"{live.name}.before-restore-{stamp}")
            backup(url, kept)
        live.parent.mkdir(parents=True, exist_ok=True)
        with _connect(backup_file) as source, _connect(live) as destination:
            source.backup(destination)
    except (OSError, sqlite3.Error) as exc:
        where = f"; the previous content is in {kept}" if kept else ""
        raise BackupError(f"restore into {live} failed: {exc}{where}") from exc
    return kept or live


def _is_the_database(path: Path, database: Path) -> bool:
    # Replacing the -wal or -shm of a database in use loses what its users write next.
    live = database.resolve()
    return path == live or (
        path.parent == live.parent and path.name in {live.name + s for s in SIDECARS}
    )


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=30)
    connection.execute("PRAGMA busy_timeout=30000")
    return connection


def _check(path: Path) -> None:
    """Refuse what is not an intact console database of a schema this code knows."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()
            if not verdict or verdict[0] != "ok":
                raise BackupError(f"{path} is damaged: {verdict[0] if verdict else 'no answer'}")
            try:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.Error:
                revision = None
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database ({exc})") from exc
    if revision is None:
        raise BackupError(f"{path} is not an outage-console database (no schema version)")
    if revision[0] > HEAD:
        raise BackupError(
            f"{path} was written by a newer console (schema {revision[0]}); install that version"
        )
