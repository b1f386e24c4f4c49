"""Operational tables: outages and their journal, crews, assignments, planned work."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UtcDateTime


class OutageRow(Base):
    __tablename__ = "outages"
    outage_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24), index=True)
    # A switch, segment or transformer id: not a foreign key, because it may name any of them.
    device_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # Not a foreign key either: an outage's history keeps naming a feeder a re-import removed.
    feeder_id: Mapped[str | None] = mapped_column(String(64))
    cause: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    restored_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    etr: Mapped[datetime | None] = mapped_column(UtcDateTime)
    etr_source: Mapped[str | None] = mapped_column(String(16))
    etr_confidence: Mapped[str | None] = mapped_column(String(8))
    etr_changes: Mapped[int] = mapped_column(Integer, default=0)
    customers_affected: Mapped[int] = mapped_column(Integer, default=0)
    customers_out: Mapped[int] = mapped_column(Integer, default=0)
    priority_customers: Mapped[int] = mapped_column(Integer, default=0)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    planned_outage_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_outages.plan_id"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class OutageEventRow(Base):
    """The outage journal: append-only, corrections are new rows."""

    __tablename__ = "outage_events"
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outage_id: Mapped[int] = mapped_column(ForeignKey("outages.outage_id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entered_by: Mapped[str] = mapped_column(String(64))
    # The entry this one corrects: a correction is a new row, the corrected one stays as it was.
    corrects: Mapped[int | None] = mapped_column(ForeignKey("outage_events.entry_id"))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SwitchingOperationRow(Base):
    """The switching log: every device operation, in the order recorded (never edited)."""

    __tablename__ = "switching_operations"
    operation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # in the field
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Not a foreign key: the log keeps naming a device a re-import removed.
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(24))
    outage_id: Mapped[int | None] = mapped_column(ForeignKey("outages.outage_id"), index=True)
    entered_by: Mapped[str] = mapped_column(String(64))


class ReferenceCounterRow(Base):
    """The last number given in a reference series ("SC-2026"): updating it in the adding
    transaction makes two workstations adding at once take turns, never the same number."""

    __tablename__ = "reference_counters"
    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class CrewRow(Base):
    __tablename__ = "crews"
    crew_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    crew_type: Mapped[str] = mapped_column(String(16))
    office: Mapped[str] = mapped_column(String(200))
    vehicle: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(32))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    position_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    shifts: Mapped[str] = mapped_column(String(64), default="")  # "06:00,14:00"; "": every shift
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class CrewMemberRow(Base):
    __tablename__ = "crew_members"
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crew_id: Mapped[str] = mapped_column(ForeignKey("crews.crew_id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")


class CrewAssignmentRow(Base):
    """A crew sent to an outage; several crews may work one outage."""

    __tablename__ = "crew_assignments"
    assignment_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crew_id: Mapped[str] = mapped_column(ForeignKey("crews.crew_id"), index=True)
    outage_id: Mapped[int] = mapped_column(ForeignKey("outages.outage_id"), index=True)
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PlannedOutageRow(Base):
    __tablename__ = "planned_outages"
    plan_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)
    area_text: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))
    crew_id: Mapped[str | None] = mapped_column(ForeignKey("crews.crew_id"))
    customers_affected: Mapped[int] = mapped_column(Integer, default=0)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    override_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class SwitchingStepRow(Base):
    __tablename__ = "switching_steps"
    step_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("planned_outages.plan_id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(24))
