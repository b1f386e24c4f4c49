"""The database itself: `migrate`, `backup`, `restore`."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import CommandError, Context


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = sub.add_parser(
        "migrate", help="upgrade the schema as its owner; optionally grant the consoles' role"
    )
    migrate.add_argument(
        "--db", metavar="OWNER_URL", default=argparse.SUPPRESS,
        help="the database as its owner role (default: as for the console)",
    )  # fmt: skip
    migrate.add_argument(
        "--grant-to", metavar="ROLE",
        help="PostgreSQL role the consoles connect as: SELECT/INSERT/UPDATE/DELETE on the "
        "tables and USAGE on the sequences, nothing else (docs/postgresql.md)",
    )  # fmt: skip
    migrate.set_defaults(run=migrate_schema)

    back = sub.add_parser("backup", help="a consistent copy of the embedded SQLite database")
    back.add_argument("file", metavar="FILE")
    back.set_defaults(run=backup)
    rest = sub.add_parser("restore", help="replace the SQLite database with a backup")
    rest.add_argument("file", metavar="FILE")
    rest.set_defaults(run=restore)


def migrate_schema(ctx: Context) -> int:
    """Upgrade as the owner: not `ctx.open_database`, which refuses rather than reports."""
    from sqlalchemy.exc import SQLAlchemyError

    from db import Database, DatabaseError
    from db.engine import describe
    from db.migrate import SchemaTooNewError, current_revision
    from db.roles import RoleError, grant_console_role

    role: str | None = ctx.args.grant_to
    url, _ = ctx.database_url()
    try:
        db = Database(url)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    try:
        before = current_revision(db.engine)
        changed = db.upgrade()
        after = current_revision(db.engine)
        grants = grant_console_role(db.engine, role) if role else []
    except (DatabaseError, SchemaTooNewError, RoleError) as exc:
        raise CommandError(str(exc)) from exc
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CommandError(f"{describe(url)}: {reason}") from exc
    finally:
        db.dispose()
    state = f"upgraded from {before or 'empty'} to {after}" if changed else f"at {after} already"
    print(f"{describe(url)}: schema {state}")
    if grants:
        tables = sum(" ON TABLE " in statement for statement in grants)
        print(f"Role {role}: SELECT, INSERT, UPDATE, DELETE on {tables - 1} tables, "
              "SELECT on alembic_version, USAGE on the sequences; nothing else.")  # fmt: skip
    return 0


def backup(ctx: Context) -> int:
    from db.backup import BackupError
    from db.backup import backup as write_backup

    url, _ = ctx.database_url()
    try:
        written = write_backup(url, Path(ctx.args.file))
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Backup written to {written}")
    return 0


def restore(ctx: Context) -> int:
    from db.backup import BackupError
    from db.backup import restore as put_back

    url, _ = ctx.database_url()
    try:
        kept = put_back(url, Path(ctx.args.file))
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Restored {ctx.args.file}; the previous content is kept in {kept}")
    return 0
