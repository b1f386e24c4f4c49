"""Reliability history: interruptions imported from a previous system, monthly customer counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UtcDateTime


class HistoricalInterruptionRow(Base):
    """One interruption as a previous system recorded it (`main.py import-interruptions`).

    Kept apart from `outages`: these have no network, journal or crews behind them, only the
    figures the indices need. The id is the previous system's, so importing a file twice
    is refused rather than counted twice.
    """

    __tablename__ = "historical_interruptions"
    interruption_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    end: Mapped[datetime] = mapped_column(UtcDateTime)
    # The same instants as microseconds since the epoch (UTC), written with them: reports
    # read whole years as integer columns and sum customer-minutes per day in SQL, exactly.
    start_us: Mapped[int] = mapped_column(BigInteger)
    end_us: Mapped[int] = mapped_column(BigInteger)
    customers: Mapped[int] = mapped_column(Integer)
    planned: Mapped[bool] = mapped_column(Boolean)
    cause: Mapped[str] = mapped_column(Text)
    feeder: Mapped[str | None] = mapped_column(String(64))
    device: Mapped[str | None] = mapped_column(String(64))
    operations: Mapped[int] = mapped_column(Integer, default=1)
    exclusion: Mapped[str | None] = mapped_column(String(32))
    import_batch: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)

    # Covers the per-day sum of the Major Event Day history: read from the index alone.
    __table_args__ = (
        Index(
            "ix_historical_interruptions_report",
            "start_us",
            "end_us",
            "customers",
            "planned",
            "cause",
            "exclusion",
        ),
    )


class CustomerSnapshotRow(Base):
    """The customers served in one calendar month (local time), frozen once recorded.

    Last year's report must not change when customers are connected today, so a month's
    count is written once and only read afterwards.
    """

    __tablename__ = "customer_snapshots"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    customers: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
