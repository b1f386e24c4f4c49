"""Storing an imported network and re-importing it: by id, all or nothing, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from db import Database
from db.models import NetworkImportRow, OutageRow, SwitchingDeviceRow
from db.repositories import network_sync
from db.repositories.network import NetworkRepository
from ops.network.interchange import ImportedNetwork, ImportSummary, NetworkData
from ops.network.records import LineSegment, NetworkModel
from ops.network.validation import ImportRefusedError, check_network
from ops.outages.records import OPEN_STATUSES
from tests.unit.network_files import tiny_data

AT = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    yield database
    database.dispose()


def store(db: Database, network: ImportedNetwork | NetworkData) -> ImportSummary:
    if isinstance(network, NetworkData):
        network = check_network(network).network
    with db.session() as s:
        return NetworkRepository(s).import_network(
            network.model, network.customers, source="/data/cu-chi.gpkg", imported_by="gis", at=AT
        )


def stored(db: Database) -> tuple[NetworkModel, list[object]]:
    with db.session() as s:
        repo = NetworkRepository(s)
        return repo.load_model(), list(repo.customers())


def by_id(items: tuple[object, ...], key: str) -> list[object]:
    return sorted(items, key=lambda x: str(getattr(x, key)))


def test_an_imported_network_is_stored_whole_and_the_import_recorded(db: Database) -> None:
    network = check_network(tiny_data()).network
    summary = store(db, network)
    assert summary.of("segments").added == 11 and summary.of("customers").added == 12
    assert summary.of("sources").total == 2
    model, customers = stored(db)
    want = network.model
    assert model.feeders == tuple(by_id(want.feeders, "feeder_id"))
    assert model.segments == tuple(by_id(want.segments, "segment_id"))
    assert model.switches == tuple(by_id(want.switches, "switch_id"))
    assert model.transformers == tuple(by_id(want.transformers, "transformer_id"))
    assert by_id(model.nodes, "node_id") == by_id(want.nodes, "node_id")
    assert model.customer_counts == want.customer_counts
    assert customers == by_id(network.customers, "customer_id")
    assert dict(customers[0].attributes)["meter_no"].startswith("CT-")  # type: ignore[attr-defined]
    with db.session() as s:
        history = s.scalars(select(NetworkImportRow)).one()
        assert (history.source, history.imported_by, history.imported_at) == (
            "/data/cu-chi.gpkg",
            "gis",
            AT,
        )
        assert history.summary["customers"]["added"] == 12
    assert db.site_settings() == {"network_imported_at": AT.isoformat()}  # no demo over it


def test_a_reimport_updates_by_id_and_keeps_what_the_dispatcher_switched(db: Database) -> None:
    data = tiny_data()
    store(db, data)
    with db.session() as s:  # the dispatcher opens the recloser
        s.execute(
            update(SwitchingDeviceRow)
            .where(SwitchingDeviceRow.switch_id == "REC-473")
            .values(is_open=True, version=SwitchingDeviceRow.version + 1)
        )
    extension = LineSegment(
        "F1-S7", "F1-N6", "F1-N7", "Nhánh mới", 22.0, ((106.6125, 10.9075), (106.6125, 10.91))
    )
    newer = replace(
        data,
        segments=(
            *(replace(g, name="Đổi tên") if g.segment_id == "F1-S2" else g for g in data.segments),
            extension,
        ),
        switches=tuple(
            replace(w, name="Recloser 473 (mới)") if w.switch_id == "REC-473" else w
            for w in data.switches
        ),
        customers=data.customers[1:],
    )
    summary = store(db, newer)
    assert summary.of("segments") == summary.of("segments").__class__("segments", 12, 1, 1, 0)
    assert (summary.of("switches").changed, summary.of("customers").removed) == (1, 1)
    assert summary.of("nodes").added == 1
    model, customers = stored(db)
    recloser = next(w for w in model.switches if w.switch_id == "REC-473")
    assert recloser.is_open and recloser.name == "Recloser 473 (mới)"
    with db.session() as s:
        version = s.scalar(
            select(SwitchingDeviceRow.version).where(SwitchingDeviceRow.switch_id == "REC-473")
        )
    assert version == 3  # once by the dispatcher, once by the import
    assert data.customers[0].customer_id not in {c.customer_id for c in customers}  # type: ignore[attr-defined]
    assert store(db, newer).unchanged


def test_elements_no_longer_in_the_data_are_removed_with_their_nodes(db: Database) -> None:
    data = tiny_data()
    store(db, data)
    gone = {"F1-S6"}  # the spur to F1-N6
    summary = store(
        db, replace(data, segments=tuple(g for g in data.segments if g.segment_id not in gone))
    )
    assert (summary.of("segments").removed, summary.of("nodes").removed) == (1, 1)
    model, _ = stored(db)
    assert "F1-N6" not in {n.node_id for n in model.nodes}


def test_a_device_an_open_outage_names_is_not_removed_and_nothing_is_written(
    any_demo_db: Database,
) -> None:
    with any_demo_db.session() as s:
        imports = s.scalar(select(func.count()).select_from(NetworkImportRow))
        assert imports == 1  # the demo went in through the importer too
        model = NetworkRepository(s).load_model()
        customers = NetworkRepository(s).customers()
        outage = s.execute(
            select(OutageRow.reference, OutageRow.device_id)
            .where(OutageRow.status.in_([x.value for x in OPEN_STATUSES]))
            .where(OutageRow.device_id.is_not(None))
            .order_by(OutageRow.reference)
        ).first()
    assert outage is not None
    reference, device = outage
    smaller = replace(
        model,
        switches=tuple(w for w in model.switches if w.switch_id != device),
        segments=tuple(g for g in model.segments if g.segment_id != device),
        transformers=tuple(t for t in model.transformers if t.transformer_id != device),
    )
    with pytest.raises(ImportRefusedError) as refused, any_demo_db.session() as s:
        NetworkRepository(s).import_network(
            smaller, customers[1:], source="x.gpkg", imported_by="gis", at=AT
        )
    assert f"device {device}: open outage {reference}" in str(refused.value)
    with any_demo_db.session() as s:
        assert NetworkRepository(s).customer_count() == len(customers)
        assert s.scalar(select(func.count()).select_from(NetworkImportRow)) == imports


def test_a_failure_halfway_leaves_the_stored_network_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tiny_data()
    store(db, data)
    before = stored(db)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(network_sync, "_delete", fail)  # after the inserts and updates
    newer = replace(data, segments=data.segments[:-1], customers=data.customers[2:])
    with pytest.raises(RuntimeError, match="disk is full"):
        store(db, replace(newer, switches=tuple(replace(w, name="x") for w in newer.switches)))
    assert stored(db) == before


def test_parallel_transformers_and_feeders_without_substation_are_stored(db: Database) -> None:
    data = tiny_data()
    twin = replace(data.transformers[0], transformer_id="T-F1-1-B")
    plain = replace(
        data,
        sources=tuple(replace(s, substation_id=None) for s in data.sources),
        substations=(),
        transformers=(*data.transformers, twin),
    )
    store(db, plain)
    model, _ = stored(db)
    assert {f.substation_id for f in model.feeders} == {None}
    assert sum(t.to_node == twin.to_node for t in model.transformers) == 2
