"""Bringing the stored network up to an imported one by id, with bulk statements only.

A district has hundreds of thousands of customers: rows are compared as tuples in memory and
written with executemany inserts, updates and deletes, never as ORM objects. The statements run
in an order that keeps every foreign key satisfied after each one: new nodes and feeders before
the elements that use them, customers after the transformers that supply them, and removed
rows last, once nothing refers to them any more.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Table, bindparam, delete, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.models import (
    CustomerRow,
    FeederRow,
    LineSegmentRow,
    NodeRow,
    OutageRow,
    SubstationRow,
    SwitchingDeviceRow,
    TransformerRow,
)
from db.repositories.network_rows import (
    Row,
    customer_row,
    feeder_row,
    node_row,
    segment_row,
    substation_row,
    switch_row,
    switch_state,
    transformer_row,
)
from ops.network.interchange import ImportSummary, KindChanges
from ops.network.records import Customer, NetworkModel
from ops.network.validation import ImportRefusedError
from ops.outages.records import OPEN_STATUSES

BATCH = 5_000
_NAMED = 8  # devices named in a refusal before "and N more"


@dataclass(slots=True)
class _Plan:
    """What one table needs: rows to insert, rows to update, ids to delete."""

    kind: str
    table: Table
    key: str
    added: list[Row] = field(default_factory=list)
    changed: list[Row] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    total: int = 0
    extra_on_insert: Callable[[Any], Row] | None = None

    def changes(self) -> KindChanges:
        return KindChanges(
            self.kind, self.total, len(self.added), len(self.changed), len(self.removed)
        )


def _plan(
    session: Session,
    kind: str,
    model: type[Any],
    records: Sequence[Any],
    to_row: Callable[[Any], Row],
    extra_on_insert: Callable[[Any], Row] | None = None,
) -> _Plan:
    table: Table = model.__table__
    key = next(iter(table.primary_key.columns)).name
    plan = _Plan(kind, table, key, total=len(records))
    rows = [to_row(r) for r in records]
    if not rows:
        columns = [c.name for c in table.columns if c.name != key]
    else:
        columns = [c for c in rows[0] if c != key]
    stored = {
        r[0]: tuple(r[1:])
        for r in session.execute(select(table.c[key], *(table.c[c] for c in columns)))
    }
    seen = set()
    for record, row in zip(records, rows, strict=True):
        element_id = row[key]
        seen.add(element_id)
        before = stored.get(element_id)
        if before is None:
            if extra_on_insert is not None:
                row = {**row, **extra_on_insert(record)}
            plan.added.append(row)
        elif before != tuple(row[c] for c in columns):
            plan.changed.append(row)
    plan.removed = [element_id for element_id in stored if element_id not in seen]
    return plan


def sync_network(
    session: Session, model: NetworkModel, customers: Sequence[Customer]
) -> ImportSummary:
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        # Index pages of 200,000 customers do not fit SQLite's default 2 MB page cache.
        session.execute(text("PRAGMA cache_size=-262144"))
    try:
        return _sync(session, model, customers)
    finally:
        if sqlite:
            # SQLite's default again; a failed session refuses it, and its error is the news.
            with suppress(SQLAlchemyError):
                session.execute(text("PRAGMA cache_size=-2000"))


def _sync(session: Session, model: NetworkModel, customers: Sequence[Customer]) -> ImportSummary:
    s = session
    substations = _plan(s, "substations", SubstationRow, model.substations, substation_row)
    nodes = _plan(s, "nodes", NodeRow, model.nodes, node_row)
    feeders = _plan(s, "sources", FeederRow, model.feeders, feeder_row)
    segments = _plan(s, "segments", LineSegmentRow, model.segments, segment_row)
    switches = _plan(s, "switches", SwitchingDeviceRow, model.switches, switch_row, switch_state)
    transformers = _plan(s, "transformers", TransformerRow, model.transformers, transformer_row)
    people = _plan(s, "customers", CustomerRow, customers, customer_row)
    _refuse_removing_what_open_outages_name(s, feeders, segments, switches, transformers)

    for plan in (substations, nodes, feeders):
        _insert_and_update(s, plan)
    _delete(s, people)
    for plan in (segments, switches, transformers, people):
        _insert_and_update(s, plan, bump_version=plan is switches)
    for plan in (transformers, switches, segments, feeders, nodes, substations):
        _delete(s, plan)
    kinds = [feeders, segments, switches, transformers, people, nodes]
    if substations.total or substations.removed:
        kinds.append(substations)
    return ImportSummary(tuple(p.changes() for p in kinds))


def _refuse_removing_what_open_outages_name(
    session: Session, feeders: _Plan, *devices: _Plan
) -> None:
    removed_devices = {i for plan in devices for i in plan.removed}
    removed_feeders = set(feeders.removed)
    if not removed_devices and not removed_feeders:
        return
    o = OutageRow
    named: dict[str, list[str]] = {}
    for reference, device_id, feeder_id in session.execute(
        select(o.reference, o.device_id, o.feeder_id)
        .where(o.status.in_([status.value for status in OPEN_STATUSES]))
        .order_by(o.reference)
    ):
        if device_id in removed_devices:
            named.setdefault(f"device {device_id}", []).append(reference)
        if feeder_id in removed_feeders:
            named.setdefault(f"feeder (source) {feeder_id}", []).append(reference)
    if not named:
        return
    items = sorted(named.items())
    lines = [f"  {what}: open outage {', '.join(refs)}" for what, refs in items[:_NAMED]]
    if len(items) > _NAMED:
        lines.append(f"  … and {len(items) - _NAMED} more")
    raise ImportRefusedError(
        "\n".join(
            [
                f"The network was not imported: it no longer has {len(items)} device(s) or "
                "feeder(s) that open outages refer to. Restore or close those outages first, "
                "or keep these in the export:",
                *lines,
            ]
        )
    )


def insert_rows(session: Session, model: type[Any] | Table, rows: Iterable[Row]) -> None:
    """Insert in batches, straight through the driver's executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's own work at 200,000
    customers; these tables hold only strings, numbers, booleans and JSON (encoded here).
    """
    table = model if isinstance(model, Table) else model.__table__
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    encoded = {c.name for c in table.columns if isinstance(c.type, JSON)}
    columns: list[str] = []
    json_at: list[int] = []
    statement = ""
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        if not columns:
            columns = list(row)
            json_at = [i for i, c in enumerate(columns) if c in encoded]
            statement = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join([mark] * len(columns))})"
            )
        values = [row[c] for c in columns]
        for i in json_at:
            if values[i] is not None:
                values[i] = json.dumps(values[i], ensure_ascii=False)
        batch.append(tuple(values))
        if len(batch) >= BATCH:
            connection.exec_driver_sql(statement, batch)
            batch = []
    if batch:
        connection.exec_driver_sql(statement, batch)


def _insert_and_update(session: Session, plan: _Plan, *, bump_version: bool = False) -> None:
    insert_rows(session, plan.table, plan.added)
    if not plan.changed:
        return
    table = plan.table
    columns = [c for c in plan.changed[0] if c != plan.key]
    values: dict[str, Any] = {c: bindparam(f"new_{c}") for c in columns}
    if bump_version:
        # Optimistic locking: a workstation holding the old version must not overwrite this.
        values["version"] = table.c.version + 1
    statement = update(table).where(table.c[plan.key] == bindparam("old_key")).values(values)
    for start in range(0, len(plan.changed), BATCH):
        batch = [
            {"old_key": row[plan.key], **{f"new_{c}": row[c] for c in columns}}
            for row in plan.changed[start : start + BATCH]
        ]
        session.execute(statement, batch)


def _delete(session: Session, plan: _Plan) -> None:
    key = plan.table.c[plan.key]
    for start in range(0, len(plan.removed), 500):
        session.execute(delete(plan.table).where(key.in_(plan.removed[start : start + 500])))
