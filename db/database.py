"""The console's handle on its database: engine, schema upgrades, one session per action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db.engine import describe, make_engine
from db.migrate import upgrade_to_head
from db.models import SiteSettingRow

# PostgreSQL's SQLSTATE for "permission denied" (e.g. a console role creating a table).
INSUFFICIENT_PRIVILEGE = "42501"


class DatabaseError(RuntimeError):
    """A database problem put in words a dispatcher or an administrator can act on."""


class Database:
    """One database (SQLite file or PostgreSQL server) and the sessions over it."""

    def __init__(self, url: str, *, engine: Engine | None = None) -> None:
        self.url = url
        try:
            self.engine = engine or make_engine(url)
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise DatabaseError(
                f"'{url}' is not a database URL the console understands ({exc}). Examples: "
                "sqlite:///path/to/console.db, postgresql+psycopg://user@host/dbname"
            ) from exc
        except OSError as exc:
            raise DatabaseError(f"Cannot create the database folder for {url}: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def description(self) -> str:
        return describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def upgrade(self) -> bool:
        """Bring the schema to this code's revision. True if anything changed."""
        try:
            return upgrade_to_head(self.engine)
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            if getattr(reason, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise DatabaseError(
                    f"The database ({self.description}) needs a schema upgrade that this "
                    "console's role may not make: ask the administrator to run `python main.py "
                    "migrate --db OWNER_URL --grant-to ROLE` (docs/postgresql.md)"
                ) from exc
            raise DatabaseError(
                f"Cannot open or prepare the database ({self.description}): {reason}"
            ) from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed if the block succeeds, rolled back if it raises."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def site_settings(self) -> dict[str, str]:
        with self.session() as s:
            return {row.key: row.value for row in s.scalars(select(SiteSettingRow))}

    def dispose(self) -> None:
        self.engine.dispose()
