"""The change log: what each action changed, for the other workstations to refresh."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UtcDateTime


class ChangeLogRow(Base):
    """One committed action's `ops.stores.Changes`, written in the action's own transaction.

    A console polls `MAX(seq)` (one index lookup) and reads the rows after the last one it
    saw. AUTOINCREMENT on SQLite: a number is never given twice, even after old rows are
    pruned, so a console cannot mistake a new row for one it has read.
    """

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    workstation: Mapped[str] = mapped_column(String(64))
    outages: Mapped[list[int]] = mapped_column(JSON)
    crews: Mapped[list[str]] = mapped_column(JSON)
    network: Mapped[bool] = mapped_column(Boolean)
    journal: Mapped[list[int]] = mapped_column(JSON)  # outages whose journal grew
    accounts: Mapped[list[str]] = mapped_column(JSON)
    # 0006: planned work, for the notices panels of the other consoles
    plans: Mapped[list[int]] = mapped_column(JSON, server_default="[]")
    notices: Mapped[list[int]] = mapped_column(JSON, server_default="[]")
    outbox: Mapped[list[int]] = mapped_column(JSON, server_default="[]")
    __table_args__ = ({"sqlite_autoincrement": True},)
