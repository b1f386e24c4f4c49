"""Network tables: substations, feeders, nodes, lines, devices, transformers, customers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UtcDateTime

# Extra columns of an imported layer. Most rows have none: SQL NULL, not the JSON text 'null'.
ATTRIBUTES = JSON(none_as_null=True)


class SubstationRow(Base):
    __tablename__ = "substations"
    substation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    voltage: Mapped[str] = mapped_column(String(32))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)


class FeederRow(Base):
    __tablename__ = "feeders"
    feeder_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # None for a plain supply point of an imported network (no substation in the data).
    substation_id: Mapped[str | None] = mapped_column(ForeignKey("substations.substation_id"))
    source_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"))
    voltage_kv: Mapped[float] = mapped_column(Float)
    area_class: Mapped[str] = mapped_column(String(16))
    attributes: Mapped[dict[str, Any] | None] = mapped_column(ATTRIBUTES)


class NodeRow(Base):
    __tablename__ = "nodes"
    node_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)


class LineSegmentRow(Base):
    __tablename__ = "line_segments"
    segment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    from_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    to_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    voltage_kv: Mapped[float] = mapped_column(Float)
    # [[lon, lat], ...] in WGS 84: the map draws it as is.
    path: Mapped[list[list[float]]] = mapped_column(JSON)
    feeder_id: Mapped[str | None] = mapped_column(ForeignKey("feeders.feeder_id"), index=True)
    attributes: Mapped[dict[str, Any] | None] = mapped_column(ATTRIBUTES)


class SwitchingDeviceRow(Base):
    __tablename__ = "switching_devices"
    switch_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    from_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    to_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    normal_open: Mapped[bool] = mapped_column(Boolean)
    is_open: Mapped[bool] = mapped_column(Boolean)
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    feeder_id: Mapped[str | None] = mapped_column(ForeignKey("feeders.feeder_id"), index=True)
    attributes: Mapped[dict[str, Any] | None] = mapped_column(ATTRIBUTES)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class TransformerRow(Base):
    __tablename__ = "distribution_transformers"
    transformer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    from_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    # Not unique: parallel transformers between the same two nodes exist in real networks.
    to_node: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    kva: Mapped[float] = mapped_column(Float)
    name: Mapped[str] = mapped_column(String(200))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    feeder_id: Mapped[str | None] = mapped_column(ForeignKey("feeders.feeder_id"), index=True)
    attributes: Mapped[dict[str, Any] | None] = mapped_column(ATTRIBUTES)


class CustomerRow(Base):
    """A service point and its contract holder (CIM UsagePoint + Customer)."""

    __tablename__ = "customers"
    customer_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.node_id"), index=True)
    transformer_id: Mapped[str | None] = mapped_column(
        ForeignKey("distribution_transformers.transformer_id"), index=True
    )
    phone: Mapped[str] = mapped_column(String(32), index=True)
    street: Mapped[str] = mapped_column(String(200), default="")
    hamlet: Mapped[str] = mapped_column(String(100), default="")
    ward: Mapped[str] = mapped_column(String(100), default="", index=True)
    province: Mapped[str] = mapped_column(String(100), default="")
    priority: Mapped[str] = mapped_column(String(16), default="none", index=True)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    attributes: Mapped[dict[str, Any] | None] = mapped_column(ATTRIBUTES)


class NetworkImportRow(Base):
    """One network import: when, from which file, by whom, and what it changed."""

    __tablename__ = "network_imports"
    import_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    source: Mapped[str] = mapped_column(String(500))
    imported_by: Mapped[str] = mapped_column(String(64))
    # {"segments": {"total": n, "added": n, "changed": n, "removed": n}, ...}
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
