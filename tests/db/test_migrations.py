"""The schema is created and upgraded by Alembic, and a newer schema is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db import Database
from db.migrate import HEAD, SchemaTooNewError, current_revision, head_revision
from db.models import Base


@pytest.fixture
def open_db(db_url: str) -> Iterator[Callable[[], Database]]:
    """Opens the test database as often as a test likes; every engine is closed afterwards."""
    opened: list[Database] = []

    def open_() -> Database:
        opened.append(Database(db_url))
        return opened[-1]

    yield open_
    for db in opened:
        db.dispose()


def test_a_new_database_is_migrated_to_head_with_every_table(
    open_db: Callable[[], Database],
) -> None:
    db = open_db()
    assert db.upgrade() is True
    assert current_revision(db.engine) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "substations", "feeders", "nodes", "line_segments", "switching_devices",
        "distribution_transformers", "customers", "outages", "outage_events", "crews",
        "crew_members", "crew_assignments", "planned_outages", "switching_steps", "notices",
        "outbox_messages", "users", "audit_log", "site_settings",
    } <= tables  # fmt: skip
    assert db.upgrade() is False  # nothing left to do


def test_an_older_database_is_upgraded_on_open(open_db: Callable[[], Database]) -> None:
    old = open_db()
    old.upgrade()
    Base.metadata.drop_all(old.engine)  # back to a database from before the first revision
    with old.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    old.dispose()
    reopened = open_db()
    assert current_revision(reopened.engine) is None
    assert reopened.upgrade() is True
    assert current_revision(reopened.engine) == head_revision()


def test_a_database_from_a_newer_console_is_refused(open_db: Callable[[], Database]) -> None:
    db = open_db()
    db.upgrade()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    with pytest.raises(SchemaTooNewError, match="newer console"):
        db.upgrade()


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_the_known_head_is_the_newest_migration() -> None:
    assert head_revision() == HEAD
