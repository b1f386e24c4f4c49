"""Bring a database's schema to the revision this code expects, on start or on demand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in db/migrations; a test keeps it equal to what Alembic finds there.
# Knowing it lets a start on an up-to-date database skip importing Alembic (~0.25 s).
HEAD = "0008"


class SchemaTooNewError(RuntimeError):
    """The database was migrated by a newer version of the console than this one."""


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> bool:
    """Upgrade to the newest revision; True if anything was done.

    Refuses a database stamped with a revision this code does not know (a newer console
    migrated it): running old code on a newer schema could write what it does not understand.
    """
    if _stamped_revision(engine) == HEAD:
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise SchemaTooNewError(
            f"The database is at schema revision {current}, which this version of the console "
            "does not know. It was upgraded by a newer console: install that version."
        )
    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # Batch mode rebuilds a table by copy, drop and rename; with foreign keys enforced,
            # dropping a table other tables refer to fails. The pragma only works outside a
            # transaction, so it is set first, and the keys are checked before committing.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"schema upgrade broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    return True


def _stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read without Alembic; None if there is none."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None  # no version table yet (a new database), or not readable: Alembic decides
