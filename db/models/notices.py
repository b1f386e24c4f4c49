"""Customer notices and the outbox that delivers them exactly once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UtcDateTime


class NoticeRow(Base):
    """One notice event (initial, reminder, postponement, cancellation…) of a plan or an outage."""

    __tablename__ = "notices"
    notice_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("planned_outages.plan_id"), index=True)
    outage_id: Mapped[int | None] = mapped_column(ForeignKey("outages.outage_id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text, default="")


class OutboxMessageRow(Base):
    """One message to one customer on one channel for one notice."""

    __tablename__ = "outbox_messages"
    message_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.notice_id"), index=True)
    # Not a foreign key: a message sent stays on record after a re-import removes its customer.
    customer_id: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_outbox_messages_status_due", "status", "due_at"),)
