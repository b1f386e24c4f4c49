"""Persistence: SQLAlchemy models (private), repositories returning domain records, migrations."""

from db.database import Database, DatabaseError

__all__ = ["Database", "DatabaseError"]
