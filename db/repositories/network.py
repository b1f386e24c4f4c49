"""Reading and writing the network model and its customers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.database import DatabaseError
from db.models import (
    CustomerRow,
    FeederRow,
    LineSegmentRow,
    NetworkImportRow,
    NodeRow,
    SiteSettingRow,
    SubstationRow,
    SwitchingDeviceRow,
    TransformerRow,
)
from db.repositories.change_log import record_changes, take_turn
from db.repositories.network_rows import (
    attributes_of,
    customer_of,
)
from db.repositories.network_sync import sync_network
from ops.network.interchange import ImportSummary, gc_paused
from ops.network.records import (
    AreaClass,
    Customer,
    DeviceKind,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    Node,
    Priority,
    Substation,
    SwitchingDevice,
)
from ops.stores import Changes

IMPORTED_AT = "network_imported_at"  # site setting: when the network was last imported


class NetworkRepository:
    """The district's network as stored; loaded whole, because tracing needs all of it."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def load_model(self) -> NetworkModel:
        s = self._s
        substations = tuple(
            Substation(r.substation_id, r.name, r.voltage, (r.lon, r.lat))
            for r in s.scalars(select(SubstationRow).order_by(SubstationRow.substation_id))
        )
        feeders = tuple(
            Feeder(
                r.feeder_id,
                r.name,
                r.substation_id,
                r.source_node,
                r.voltage_kv,
                AreaClass(r.area_class),
                attributes_of(r.attributes),
            )
            for r in s.scalars(select(FeederRow).order_by(FeederRow.feeder_id))
        )
        # Core selects of plain columns: several times faster than ORM objects for 10k+ rows.
        nodes = tuple(
            Node(node_id, (lon, lat))
            for node_id, lon, lat in s.execute(select(NodeRow.node_id, NodeRow.lon, NodeRow.lat))
        )
        seg = LineSegmentRow
        segments = tuple(
            LineSegment(
                r.segment_id,
                r.from_node,
                r.to_node,
                r.name,
                r.voltage_kv,
                tuple((float(p[0]), float(p[1])) for p in r.path),
                r.feeder_id,
                attributes_of(r.attributes),
            )
            for r in s.execute(
                select(
                    seg.segment_id,
                    seg.from_node,
                    seg.to_node,
                    seg.name,
                    seg.voltage_kv,
                    seg.path,
                    seg.feeder_id,
                    seg.attributes,
                ).order_by(seg.segment_id)
            )
        )
        sw = SwitchingDeviceRow
        switches = tuple(
            SwitchingDevice(
                r.switch_id,
                r.from_node,
                r.to_node,
                DeviceKind(r.kind),
                r.name,
                r.normal_open,
                r.is_open,
                (r.lon, r.lat),
                r.feeder_id,
                attributes_of(r.attributes),
            )
            for r in s.execute(
                select(
                    sw.switch_id,
                    sw.from_node,
                    sw.to_node,
                    sw.kind,
                    sw.name,
                    sw.normal_open,
                    sw.is_open,
                    sw.lon,
                    sw.lat,
                    sw.feeder_id,
                    sw.attributes,
                ).order_by(sw.switch_id)
            )
        )
        tr = TransformerRow
        transformers = tuple(
            DistributionTransformer(
                r.transformer_id,
                r.from_node,
                r.to_node,
                r.kva,
                r.name,
                (r.lon, r.lat),
                r.feeder_id,
                attributes_of(r.attributes),
            )
            for r in s.execute(
                select(
                    tr.transformer_id,
                    tr.from_node,
                    tr.to_node,
                    tr.kva,
                    tr.name,
                    tr.lon,
                    tr.lat,
                    tr.feeder_id,
                    tr.attributes,
                ).order_by(tr.transformer_id)
            )
        )
        counts: dict[str, int] = {}
        priority: dict[str, int] = {}
        c = CustomerRow
        for transformer_id, prio, n in s.execute(
            select(c.transformer_id, c.priority, func.count())
            .where(c.transformer_id.is_not(None))
            .group_by(c.transformer_id, c.priority)
        ):
            if transformer_id is None:
                continue
            counts[transformer_id] = counts.get(transformer_id, 0) + n
            if prio != Priority.NONE.value:
                priority[transformer_id] = priority.get(transformer_id, 0) + n
        return NetworkModel(
            substations, feeders, nodes, segments, switches, transformers, counts, priority
        )

    def customer_count(self) -> int:
        return int(self._s.scalar(select(func.count()).select_from(CustomerRow)) or 0)

    def get_customer(self, customer_id: str) -> Customer | None:
        row = self._s.get(CustomerRow, customer_id)
        return None if row is None else customer_of(row)

    def customers(self) -> list[Customer]:
        """Every customer, by id: for exporting the stored network."""
        c = CustomerRow
        return [
            customer_of(r)
            for r in self._s.execute(
                select(
                    c.customer_id,
                    c.name,
                    c.node_id,
                    c.transformer_id,
                    c.phone,
                    c.street,
                    c.hamlet,
                    c.ward,
                    c.province,
                    c.priority,
                    c.lon,
                    c.lat,
                    c.attributes,
                ).order_by(c.customer_id)
            )
        ]

    def customer_nodes(self) -> list[tuple[str, str]]:
        """(customer id, node id) of every customer: what the tracing engine places them by."""
        c = CustomerRow
        return [(i, n) for i, n in self._s.execute(select(c.customer_id, c.node_id))]

    def set_switch_states(self, is_open: dict[str, bool], *, at: datetime) -> int:
        """Set the present state of these switches (id -> open); returns how many changed."""
        sw = cast(Table, SwitchingDeviceRow.__table__)
        stored = {i: state for i, state in self._s.execute(select(sw.c.switch_id, sw.c.is_open))}
        changed = [
            {"key": switch_id, "is_open": state}
            for switch_id, state in is_open.items()
            if switch_id in stored and stored[switch_id] != state
        ]
        if changed:
            self._s.execute(
                update(sw)
                .where(sw.c.switch_id == bindparam("key"))
                .values(
                    is_open=bindparam("is_open"), state_changed_at=at, version=sw.c.version + 1
                ),
                changed,
            )
        return len(changed)

    def import_network(
        self,
        model: NetworkModel,
        customers: Sequence[Customer],
        *,
        source: str,
        imported_by: str,
        at: datetime,
        warnings: int = 0,
    ) -> ImportSummary:
        """Update the stored network to `model` by id, within the caller's transaction.

        Elements with a new id are added, those whose data differ are changed, those no longer
        there are removed. Switches keep their present state (a re-import describes the network
        as built; the dispatcher's switching stands). Raises `ImportRefusedError`, having
        written nothing, if an open outage names a device or feeder the import would remove.
        The import is recorded in `network_imports`, and the site setting `network_imported_at`
        marks the database as holding a network (so a first start never seeds the demo over it).
        """
        try:
            take_turn(self._s)
            with gc_paused():
                summary = sync_network(self._s, model, customers)
            self._s.execute(
                insert(NetworkImportRow),
                [
                    {
                        "imported_at": at,
                        "source": source[-500:],
                        "imported_by": imported_by[:64],
                        "summary": summary.as_json(),
                        "warnings": warnings,
                    }
                ],
            )
            self._s.merge(SiteSettingRow(key=IMPORTED_AT, value=at.isoformat()))
            # Consoles watching the change log reload the network.
            record_changes(self._s, Changes(network=True), workstation="network import", at=at)
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise DatabaseError(f"The database refused the network import: {reason}") from exc
        return summary
