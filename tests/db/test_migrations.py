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


def test_a_0001_database_with_a_network_keeps_it_through_the_upgrade(
    open_db: Callable[[], Database],
) -> None:
    from alembic import command

    from db.migrate import alembic_config

    db = open_db()
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    rows = [
        "INSERT INTO substations VALUES ('S1', 'TBA 110kV', '110/22 kV', 106.6, 10.9)",
        "INSERT INTO nodes VALUES ('A', 106.6, 10.9), ('B', 106.61, 10.9), ('B-LV', 106.61, 10.9)",
        "INSERT INTO feeders VALUES ('F1', 'XT 471', 'S1', 'A', 22.0, 'rural')",
        "INSERT INTO line_segments VALUES ('L1', 'A', 'B', 'Đoạn 1', 22.0, '[[106.6, 10.9], "
        "[106.61, 10.9]]', 'F1', NULL)",
        "INSERT INTO distribution_transformers VALUES ('T1', 'B', 'B-LV', 250.0, 'TBA 1', "
        "106.61, 10.9, 'F1', NULL)",
        "INSERT INTO customers VALUES ('KH1', 'Nguyễn Văn An', 'B-LV', 'T1', '0909', '', '', "
        "'', '', 'none', NULL, NULL)",
    ]
    with db.engine.begin() as conn:
        for sql in rows:
            conn.exec_driver_sql(sql)
    db.dispose()
    upgraded = open_db()
    assert upgraded.upgrade() is True
    assert current_revision(upgraded.engine) == HEAD
    with upgraded.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 1
        assert conn.exec_driver_sql("SELECT transformer_id FROM customers").scalar() == "T1"
        assert conn.exec_driver_sql("SELECT substation_id FROM feeders").scalar() == "S1"
        assert conn.exec_driver_sql("SELECT count(*) FROM network_imports").scalar() == 0
        if upgraded.is_sqlite:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    inspector = inspect(upgraded.engine)
    assert inspector.get_unique_constraints("distribution_transformers") == []
    assert not any(
        fk["referred_table"] == "feeders" for fk in inspector.get_foreign_keys("outages")
    )


def test_the_models_and_the_migrations_describe_the_same_schema(
    open_db: Callable[[], Database],
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_db()
    db.upgrade()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_0002_database_with_the_demo_district_keeps_it_through_the_upgrade(
    demo_db_url: str,
) -> None:
    from alembic import command

    from db.migrate import alembic_config
    from db.store import SqlStore

    db = Database(demo_db_url)
    with db.session() as s:
        before = SqlStore(s).outages.list_active()
    tables = ("outages", "outage_events", "crew_assignments", "users", "switching_devices")
    with db.engine.connect() as conn:  # back to what a console of revision 0002 left
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        with conn.begin():
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
        rows = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in tables}
    assert current_revision(db.engine) == "0002"
    assert "change_log" not in inspect(db.engine).get_table_names()
    db.dispose()

    upgraded = Database(demo_db_url)
    assert upgraded.upgrade() is True
    assert current_revision(upgraded.engine) == HEAD
    with upgraded.engine.connect() as conn:
        assert {
            t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in tables
        } == rows
        assert conn.exec_driver_sql("SELECT DISTINCT version FROM users").scalars().all() == [1]
        assert conn.exec_driver_sql("SELECT count(corrects) FROM outage_events").scalar() == 0
        if upgraded.is_sqlite:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    with upgraded.session() as s:
        assert SqlStore(s).outages.list_active() == before
    upgraded.dispose()
