"""Customer notices, the outbox that delivers them exactly once, and compliance exceptions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, false
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
    # 0005: the notice's number within its plan and the window it announces
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    previous_starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    previous_ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (Index("ix_notices_plan_sequence", "plan_id", "sequence", unique=True),)


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
    # 0005: a claimed row carries what its sender needs without another query
    plan_id: Mapped[int | None] = mapped_column(Integer, index=True)
    notice_kind: Mapped[str] = mapped_column(String(24), default="", server_default="")
    notice_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    address: Mapped[str] = mapped_column(String(320), default="", server_default="")
    late: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    delivery_reference: Mapped[str | None] = mapped_column(Text)  # operator id / Message-ID

    __table_args__ = (
        Index("ix_outbox_messages_status_due", "status", "due_at"),
        Index("ix_outbox_messages_status_claimed", "status", "claimed_at"),
    )


class ComplianceExceptionRow(Base):
    """A notice rule knowingly not met for a plan, with the reason, for the reports."""

    __tablename__ = "compliance_exceptions"
    exception_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("planned_outages.plan_id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str | None] = mapped_column(String(64))
    # Two consoles finding one late notice record one exception: the key says which event.
    dedupe_key: Mapped[str] = mapped_column(String(128), unique=True)
