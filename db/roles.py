"""Least privilege on PostgreSQL: the consoles' role reads and writes rows, nothing more.

The owner role (the one `python main.py migrate` connects as) owns the tables and runs the
migrations; `grant_console_role` gives the role the consoles connect as exactly what they
need: SELECT, INSERT, UPDATE and DELETE on the console's tables, USAGE on their sequences
(numbering new rows), and USAGE on the schema. Not ALTER, CREATE, DROP, TRUNCATE or
REFERENCES; the schema version table is read-only to it. Grants cover the tables that exist,
so they are given again after every migration (`migrate --grant-to` does both).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text

# A plain PostgreSQL identifier: the role is put into GRANT statements, which take no
# parameters, so anything else is refused rather than quoted into SQL.
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_$]{0,62}$")
_VERSION_TABLE = "alembic_version"


class RoleError(RuntimeError):
    """The grants cannot be given (no such role, not PostgreSQL, not allowed)."""


def grant_console_role(engine: Engine, role: str) -> list[str]:
    """Give `role` the consoles' rights on every table and sequence; the statements run."""
    if engine.dialect.name != "postgresql":
        raise RoleError("--grant-to is for PostgreSQL; an SQLite file has no roles")
    if not _ROLE_NAME.match(role):
        raise RoleError(
            f"'{role}' is not a plain role name (lower-case letters, digits and _, "
            "starting with a letter)"
        )
    with engine.begin() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
            raise RoleError(
                f"There is no role '{role}' on this server: create it first, e.g. "
                f"CREATE ROLE {role} LOGIN PASSWORD '…' (see docs/postgresql.md)"
            )
        schema = str(conn.scalar(text("SELECT current_schema()")))
        statements = _grants(conn, schema, role)
        for statement in statements:
            conn.exec_driver_sql(statement)
    return statements


def _grants(conn: Connection, schema: str, role: str) -> list[str]:
    tables = [
        str(name)
        for name in conn.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
            {"s": schema},
        )
    ]
    statements = [
        f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}',
        f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}',
        f'GRANT USAGE ON SCHEMA "{schema}" TO {role}',
    ]
    for table in tables:
        rights = "SELECT" if table == _VERSION_TABLE else "SELECT, INSERT, UPDATE, DELETE"
        statements.append(f'GRANT {rights} ON TABLE "{schema}"."{table}" TO {role}')
    statements.append(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {role}')
    return statements
