"""Least privilege on PostgreSQL: migrations as the owner, the console's role rows only."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

import main
from db import Database, DatabaseError
from db.actions import run_action
from db.migrate import HEAD
from ops.access import accounts
from ops.access.roles import Role, User
from ops.clock import FixedClock
from tests.conftest import DEMO_NOW

ADMIN = User("quantri", "Quản trị", Role.ADMINISTRATOR)
_names = itertools.count()


@dataclass
class Roles:
    owner_url: str
    console_url: str
    console_role: str


@pytest.fixture
def roles(postgres_url: str) -> Iterator[Roles]:
    """An empty database owned by a fresh owner role, and a fresh role for the consoles."""
    n = f"{os.getpid()}_{next(_names)}"
    owner, console, database = f"oms_owner_{n}", f"oms_console_{n}", f"roles_{n}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {owner} LOGIN"))
        conn.execute(text(f"CREATE ROLE {console} LOGIN"))
        conn.execute(text(f'CREATE DATABASE "{database}" OWNER {owner}'))
    url = make_url(postgres_url).set(database=database)
    as_owner = url.set(username=owner).render_as_string(hide_password=False)
    as_console = url.set(username=console).render_as_string(hide_password=False)
    yield Roles(as_owner, as_console, console)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{database}" WITH (FORCE)'))
        conn.execute(text(f"DROP ROLE {console}"))
        conn.execute(text(f"DROP ROLE {owner}"))
    admin.dispose()


def test_the_console_role_reads_and_writes_rows_but_cannot_alter_tables(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["migrate", "--db", roles.owner_url, "--grant-to", roles.console_role]
    assert main.main(argv) == 0
    said = capsys.readouterr().out
    assert f"upgraded from empty to {HEAD}" in said and roles.console_role in said

    db = Database(roles.console_url)
    try:
        assert db.upgrade() is False  # at HEAD: nothing to do, nothing attempted
        clock = FixedClock(DEMO_NOW)
        changes = run_action(db, lambda s: accounts.create_account(
            s, ADMIN, clock, username="dv1", display_name="Điều độ 1", role=Role.DISPATCHER,
            password="mật khẩu dài 1"), workstation="W1")  # fmt: skip
        assert changes.accounts == {"dv1"}  # inserted, numbered by a sequence, logged
        with db.session() as s:
            assert s.scalar(text("SELECT count(*) FROM change_log")) == 1
            s.execute(text("UPDATE change_log SET workstation = 'W2'"))
            s.execute(text("DELETE FROM change_log"))
        for forbidden in (
            "ALTER TABLE outages ADD COLUMN extra integer",
            "CREATE TABLE extra (id integer)",
            "DROP TABLE change_log",
            "TRUNCATE change_log",
            "UPDATE alembic_version SET version_num = '0001'",
        ):
            refused = pytest.raises(ProgrammingError, match=r"permission denied|must be owner")
            with refused, db.session() as s:
                s.execute(text(forbidden))
    finally:
        db.dispose()


def test_a_console_role_behind_head_is_told_to_run_migrate(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["migrate", "--db", roles.owner_url, "--grant-to", roles.console_role]) == 0
    owner = create_engine(roles.owner_url)
    with owner.begin() as conn:  # as if this console were newer than the database's schema
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    owner.dispose()
    capsys.readouterr()

    db = Database(roles.console_url)
    with pytest.raises(DatabaseError, match=r"run `python main.py migrate"):
        db.upgrade()
    db.dispose()
    assert main.main(["--db", roles.console_url, "affected", "X"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "python main.py migrate --db OWNER_URL" in error


def test_grants_are_refused_plainly_for_an_unknown_role_or_a_sqlite_file(
    roles: Roles, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["migrate", "--db", roles.owner_url, "--grant-to", "nobody_here"]) == 2
    assert "There is no role 'nobody_here'" in capsys.readouterr().err
    assert main.main(["migrate", "--db", roles.owner_url, "--grant-to", "x; DROP"]) == 2
    assert "not a plain role name" in capsys.readouterr().err
    sqlite = f"sqlite:///{tmp_path}/c.db"
    assert main.main(["migrate", "--db", sqlite, "--grant-to", "dispatch"]) == 2
    assert "an SQLite file has no roles" in capsys.readouterr().err
