"""Network records as table rows (plain dicts for bulk statements) and back."""

from __future__ import annotations

from typing import Any

from ops.network.records import (
    Address,
    Attributes,
    Customer,
    DistributionTransformer,
    Feeder,
    LineSegment,
    Node,
    Priority,
    Substation,
    SwitchingDevice,
)

Row = dict[str, Any]


def attributes_json(attributes: Attributes) -> dict[str, Any] | None:
    return dict(attributes) if attributes else None


def attributes_of(stored: dict[str, Any] | None) -> Attributes:
    return tuple(stored.items()) if stored else ()


def substation_row(x: Substation) -> Row:
    return {
        "substation_id": x.substation_id,
        "name": x.name,
        "voltage": x.voltage,
        "lon": x.position[0],
        "lat": x.position[1],
    }


def node_row(n: Node) -> Row:
    return {"node_id": n.node_id, "lon": n.position[0], "lat": n.position[1]}


def feeder_row(f: Feeder) -> Row:
    return {
        "feeder_id": f.feeder_id,
        "name": f.name,
        "substation_id": f.substation_id,
        "source_node": f.source_node,
        "voltage_kv": f.voltage_kv,
        "area_class": f.area_class.value,
        "attributes": attributes_json(f.attributes),
    }


def segment_row(g: LineSegment) -> Row:
    return {
        "segment_id": g.segment_id,
        "from_node": g.from_node,
        "to_node": g.to_node,
        "name": g.name,
        "voltage_kv": g.voltage_kv,
        "path": [list(p) for p in g.path],
        "feeder_id": g.feeder_id,
        "attributes": attributes_json(g.attributes),
    }


def switch_row(w: SwitchingDevice) -> Row:
    """The device as built; its present state (`SWITCH_STATE`) is written only when added."""
    return {
        "switch_id": w.switch_id,
        "from_node": w.from_node,
        "to_node": w.to_node,
        "kind": w.kind.value,
        "name": w.name,
        "normal_open": w.normal_open,
        "lon": w.position[0],
        "lat": w.position[1],
        "feeder_id": w.feeder_id,
        "attributes": attributes_json(w.attributes),
    }


def switch_state(w: SwitchingDevice) -> Row:
    return {"is_open": w.is_open, "state_changed_at": None, "version": 1}


def transformer_row(t: DistributionTransformer) -> Row:
    return {
        "transformer_id": t.transformer_id,
        "from_node": t.from_node,
        "to_node": t.to_node,
        "kva": t.kva,
        "name": t.name,
        "lon": t.position[0],
        "lat": t.position[1],
        "feeder_id": t.feeder_id,
        "attributes": attributes_json(t.attributes),
    }


def customer_row(c: Customer) -> Row:
    return {
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
        "attributes": attributes_json(c.attributes),
    }


def customer_of(r: Any) -> Customer:
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
        attributes_of(r.attributes),
    )
