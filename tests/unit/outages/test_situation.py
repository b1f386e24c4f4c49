"""Which elements are dark, why, and which outage each dark segment belongs to."""

from __future__ import annotations

from datetime import UTC, datetime

from ops.demo import generate_demo_district
from ops.network.tracing import Topology
from ops.outages.records import OutageKind
from ops.outages.situation import SupplyState, assess
from tests.unit.builders import an_outage, tiny_network, with_switch_open

NOW = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)


def test_an_open_recloser_darkens_what_is_behind_it_and_owns_it() -> None:
    model = with_switch_open(tiny_network(), "REC-473")
    outage = an_outage(device_id="REC-473")
    situation = assess(model, Topology(model), [outage])
    assert situation.segments == {"F2-S3": SupplyState.DARK, "F2-S4": SupplyState.DARK}
    assert situation.segments_by_outage == {outage.outage_id: ("F2-S3", "F2-S4")}
    assert "REC-473" in situation.open_switches


def test_planned_work_is_labelled_planned_not_dark() -> None:
    model = with_switch_open(tiny_network(), "REC-473")
    outage = an_outage(device_id="REC-473", kind=OutageKind.PLANNED)
    situation = assess(model, Topology(model), [outage])
    assert set(situation.segments.values()) == {SupplyState.PLANNED}


def test_nested_outages_share_no_segment_and_leave_none_unowned() -> None:
    district = generate_demo_district(NOW)
    model = district.network
    situation = assess(model, Topology(model), district.outages)
    owned = [s for segs in situation.segments_by_outage.values() for s in segs]
    assert len(owned) == len(set(owned))  # no segment in two outages
    assert set(owned) == set(situation.segments)  # every dark segment has its outage
    open_ids = {o.outage_id for o in district.outages if o.status.is_open}
    assert set(situation.segments_by_outage) == open_ids
    # Every open outage that still has customers out keeps some line dark.
    for o in district.outages:
        if o.status.is_open and o.customers_out >= 100:
            assert situation.segments_by_outage[o.outage_id], o.reference
