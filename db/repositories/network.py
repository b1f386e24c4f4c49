"""Reading and writing the network model and its customers."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.models import (
    CustomerRow,
    FeederRow,
    LineSegmentRow,
    NodeRow,
    SubstationRow,
    SwitchingDeviceRow,
    TransformerRow,
)
from ops.network import (
    Address,
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

_BATCH = 5_000


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
        return None if row is None else _customer(row)

    def replace_all(self, model: NetworkModel, customers: Iterable[Customer]) -> None:
        """Write a whole network in place of the stored one (within the caller's transaction)."""
        s = self._s
        for table in (CustomerRow, TransformerRow, SwitchingDeviceRow, LineSegmentRow, FeederRow):
            s.execute(delete(table))
        s.execute(delete(NodeRow))
        s.execute(delete(SubstationRow))
        _insert(
            s,
            SubstationRow,
            (
                {
                    "substation_id": x.substation_id,
                    "name": x.name,
                    "voltage": x.voltage,
                    "lon": x.position[0],
                    "lat": x.position[1],
                }
                for x in model.substations
            ),
        )
        _insert(
            s,
            NodeRow,
            (
                {"node_id": n.node_id, "lon": n.position[0], "lat": n.position[1]}
                for n in model.nodes
            ),
        )
        _insert(
            s,
            FeederRow,
            (
                {
                    "feeder_id": f.feeder_id,
                    "name": f.name,
                    "substation_id": f.substation_id,
                    "source_node": f.source_node,
                    "voltage_kv": f.voltage_kv,
                    "area_class": f.area_class.value,
                }
                for f in model.feeders
            ),
        )
        _insert(
            s,
            LineSegmentRow,
            (
                {
                    "segment_id": g.segment_id,
                    "from_node": g.from_node,
                    "to_node": g.to_node,
                    "name": g.name,
                    "voltage_kv": g.voltage_kv,
                    "path": [list(p) for p in g.path],
                    "feeder_id": g.feeder_id,
                    "attributes": None,
                }
                for g in model.segments
            ),
        )
        _insert(
            s,
            SwitchingDeviceRow,
            (
                {
                    "switch_id": w.switch_id,
                    "from_node": w.from_node,
                    "to_node": w.to_node,
                    "kind": w.kind.value,
                    "name": w.name,
                    "normal_open": w.normal_open,
                    "is_open": w.is_open,
                    "state_changed_at": None,
                    "lon": w.position[0],
                    "lat": w.position[1],
                    "feeder_id": w.feeder_id,
                    "attributes": None,
                    "version": 1,
                }
                for w in model.switches
            ),
        )
        _insert(
            s,
            TransformerRow,
            (
                {
                    "transformer_id": t.transformer_id,
                    "from_node": t.from_node,
                    "to_node": t.to_node,
                    "kva": t.kva,
                    "name": t.name,
                    "lon": t.position[0],
                    "lat": t.position[1],
                    "feeder_id": t.feeder_id,
                    "attributes": None,
                }
                for t in model.transformers
            ),
        )
        _insert(
            s,
            CustomerRow,
            (
                {
                    "customer_id": c.customer_id,
                    "name": c.name,
                    "node_id": c.node_id,
                    "transformer_id": c.transformer_id,
                    "phone": c.phone,
                    "street": c.address.street,
                    "hamlet": c.address.hamlet,
                    "ward": c.address.ward,
                    "province": c.address.province,
                    "priority": c.priority.value,
                    "lon": c.position[0] if c.position else None,
                    "lat": c.position[1] if c.position else None,
                }
                for c in customers
            ),
        )


def _insert(session: Session, table: type[object], rows: Iterable[dict[str, object]]) -> None:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            session.execute(insert(table), batch)
            batch = []
    if batch:
        session.execute(insert(table), batch)


def _customer(r: CustomerRow) -> Customer:
    position = (r.lon, r.lat) if r.lon is not None and r.lat is not None else None
    return Customer(
        r.customer_id,
        r.name,
        r.node_id,
        r.transformer_id,
        r.phone,
        Address(r.street, r.hamlet, r.ward, r.province),
        Priority(r.priority),
        position,
    )
