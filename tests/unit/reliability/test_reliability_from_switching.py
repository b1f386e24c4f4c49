"""The console's own outages as reliability records, worked out by hand on the fused feeder."""

from __future__ import annotations

from datetime import timedelta

from ops.outages.records import OutageKind, OutageStatus
from ops.reliability.from_switching import interruptions_from_switching
from tests.unit.builders import an_outage
from tests.unit.operation_builders import FUSED_CUSTOMERS, at, closes, fused_feeder, opens

OUTAGES = {
    1: an_outage(outage_id=1, reference="SC-1", cause="cây đổ", device_id="REC-1", feeder_id="F1"),
    2: an_outage(outage_id=2, reference="SC-2", cause="", device_id="FU-1", feeder_id="F1"),
    3: an_outage(outage_id=3, reference="SC-3", status=OutageStatus.CANCELLED, device_id="CB-2"),
    4: an_outage(outage_id=4, reference="KH-4", kind=OutageKind.PLANNED, device_id="CB-2"),
}
LOG = (
    opens("10:00", "REC-1", 1),  # 3 in the section + 4 behind the fuse go dark
    opens("10:10", "FU-1", 2),  # nested: the 4 were dark already, their interruption is SC-1's
    closes("11:00", "REC-1"),  # the section's 3 back after 60 min
    closes("12:00", "FU-1"),  # the lateral's 4 back after 120 min, one continuous interruption
    opens("13:00", "CB-2", 3),  # a false alarm: no record
    closes("13:20", "CB-2"),
    opens("14:00", "CB-2", 4),  # planned work on F2: 2 customers
)


def records(since: str, until: str):  # type: ignore[no-untyped-def]
    # The model as it is now (after the whole log): CB-2 still open for the planned work.
    from tests.unit.builders import with_switch_open

    model = with_switch_open(fused_feeder(), "CB-2")
    return interruptions_from_switching(
        model, FUSED_CUSTOMERS, LOG, OUTAGES, since=at(since), until=at(until)
    )


def test_each_restoration_step_is_one_record_owed_to_the_outage_that_began_it() -> None:
    found = {(r.interruption_id, r.customers, r.end - r.start) for r in records("00:00", "15:00")}
    assert found == {
        ("SC-1/1", 3, timedelta(minutes=60)),
        ("SC-1/2", 4, timedelta(minutes=120)),
        ("KH-4/1", 2, timedelta(minutes=60)),  # still running: ends at the window's end
    }
    minutes = sum(
        r.customers * (r.end - r.start) / timedelta(minutes=1) for r in records("00:00", "15:00")
    )
    assert minutes == 3 * 60 + 4 * 120 + 2 * 60


def test_the_records_carry_the_outage_facts() -> None:
    by_id = {r.interruption_id: r for r in records("00:00", "15:00")}
    assert by_id["SC-1/1"].cause == "cây đổ" and by_id["SC-1/1"].feeder == "F1"
    assert not by_id["SC-1/1"].planned and by_id["KH-4/1"].planned
    assert by_id["SC-1/1"].start == at("10:00")


def test_interruptions_that_began_before_the_window_belong_to_the_previous_one() -> None:
    assert {r.interruption_id for r in records("10:30", "15:00")} == {"KH-4/1"}
    assert records("10:30", "13:59") == []
