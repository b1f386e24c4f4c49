"""The schema is created and upgraded by Alembic, and a newer schema is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db import Database
from db.migrate import HEAD, SchemaTooNewError, current_revision, head_revision


def test_a_new_file_is_migrated_to_head_with_every_table(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
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


def test_an_older_database_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    old.upgrade()
    with old.engine.begin() as conn:  # simulate a database from before the first revision
        conn.execute(text("DELETE FROM alembic_version"))
        for table in inspect(old.engine).get_table_names():
            if table != "alembic_version":
                conn.execute(text(f'DROP TABLE "{table}"'))
    old.dispose()
    reopened = Database(f"sqlite:///{path}")
    assert current_revision(reopened.engine) is None
    assert reopened.upgrade() is True
    assert current_revision(reopened.engine) == head_revision()


def test_a_database_from_a_newer_console_is_refused(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'newer.db'}")
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
