"""Crew positions: the tracking file checked whole, late reports ignored, hand entry locked."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from ops.access.roles import Role
from ops.crews.positions import (
    PositionFileError,
    parse_position_file,
    positions_from_file,
    record_positions,
    set_crew_position,
)
from ops.errors import InvalidOperation, PermissionDenied, StaleEdit
from ops.stores import Changes
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_store, a_user, at, clock_at, crew_on_duty

DISPATCHER = a_user(Role.DISPATCHER)
VIEWER = a_user(Role.VIEWER, "xem")
NOW = at("15:00")


def two_crews() -> MemoryStore:
    store = a_store()
    store.crews.rows["CREW-1"] = crew_on_duty("CREW-1", vehicle="66C-001.01", position_at=None)
    store.crews.rows["CREW-2"] = crew_on_duty(
        "CREW-2", name="Đội 2", vehicle="66C-002.02", position_at=at("14:00")
    )
    return store


def record(store: MemoryStore, text: str, hhmm: str = "15:00") -> Changes:
    fixes = positions_from_file(text, at(hhmm), list(store.crews.rows.values()))
    return record_positions(store, DISPATCHER, clock_at(hhmm), fixes)


FILE = (
    "vehicle,latitude,longitude,timestamp\n"
    "66C-001.01,10.4601,105.6302,2026-06-01T14:30:00+07:00\n"
    "66c-002.02,10.4700,105.6400,2026-06-01 14:45:00\n"  # local time, plate in lower case
)


def test_a_file_moves_the_crews_whose_reports_are_newer() -> None:
    store = two_crews()
    assert record(store, FILE) == Changes(crews=frozenset({"CREW-1", "CREW-2"}))
    one, two = store.crews.rows["CREW-1"], store.crews.rows["CREW-2"]
    assert one.position == (105.6302, 10.4601) and one.position_at == at("14:30")
    assert two.position == (105.64, 10.47) and two.position_at == at("14:45")
    assert one.position_at is not None and one.position_at.utcoffset() == timedelta(0)


def test_a_repeated_or_late_file_changes_nothing() -> None:
    store = two_crews()
    record(store, FILE)
    versions = {k: c.version for k, c in store.crews.rows.items()}
    assert record(store, FILE) == Changes()  # the same file again
    late = "vehicle,latitude,longitude,timestamp\n66C-002.02,10.5,105.7,2026-06-01T13:59:00+07:00\n"
    assert record(store, late) == Changes()
    assert {k: c.version for k, c in store.crews.rows.items()} == versions
    assert store.crews.rows["CREW-2"].position == (105.64, 10.47)


def test_the_newest_line_of_a_crew_wins_within_one_file() -> None:
    store = two_crews()
    record(
        store,
        "crew_id,latitude,longitude,timestamp\n"
        "CREW-1,10.50,105.70,2026-06-01T14:50:00+07:00\n"
        "CREW-1,10.40,105.60,2026-06-01T14:20:00+07:00\n",
    )
    assert store.crews.rows["CREW-1"].position == (105.70, 10.50)
    assert store.crews.rows["CREW-1"].position_at == at("14:50")


def test_every_bad_line_is_named_and_nothing_is_recorded() -> None:
    store = two_crews()
    before = dict(store.crews.rows)
    text = (
        "vehicle,latitude,longitude,timestamp\n"
        "66C-001.01,10.46,105.63,2026-06-01T14:30:00+07:00\n"
        "66C-002.02,0,0,2026-06-01T14:30:00+07:00\n"
        "66C-002.02,48.85,2.35,2026-06-01T14:30:00+07:00\n"
        "66C-002.02,ten,105.63,2026-06-01T14:30:00+07:00\n"
        "66C-002.02,10.46,105.63,yesterday\n"
        "66C-002.02,10.46,105.63\n"
        "\n"
        "66C-002.02,10.46,105.63,2026-06-01T16:00:00+07:00\n"
    )
    with pytest.raises(PositionFileError) as refused:
        record(store, text)
    problems = refused.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "line 3", "line 4", "line 5", "line 6", "line 7", "line 9",
    ]  # fmt: skip
    assert "0,0" in problems[0] and "outside Vietnam" in problems[1]
    assert "not a number" in problems[2] and "ISO 8601" in problems[3]
    assert "3 fields" in problems[4] and "future" in problems[5]
    assert store.crews.rows == before


def test_vehicles_of_no_crew_are_skipped_the_crews_still_move() -> None:
    store = two_crews()
    text = FILE + "51A-999.99,10.46,105.63,2026-06-01T14:30:00+07:00\n"
    record(store, text)  # the tracker reports the whole fleet, not only crew vehicles
    assert store.crews.rows["CREW-1"].position_at is not None


def test_an_unknown_crew_id_refuses_the_file() -> None:
    store = two_crews()
    text = "crew_id,latitude,longitude,timestamp\nCREW-9,10.46,105.63,2026-06-01T14:30:00+07:00\n"
    with pytest.raises(PositionFileError, match=r"line 2: unknown crew CREW-9"):
        record(store, text)
    assert store.crews.rows["CREW-1"].position_at is None


@pytest.mark.parametrize(
    "text",
    ["", "latitude,longitude,timestamp\n", "vehicle,crew_id,latitude,longitude,timestamp\n"],
)
def test_a_file_without_a_usable_header_is_refused(text: str) -> None:
    with pytest.raises(PositionFileError, match=r"header|empty"):
        parse_position_file(text, NOW)


def test_a_vehicle_that_changed_crew_meanwhile_refuses_the_record() -> None:
    store = two_crews()
    fixes = positions_from_file(FILE, NOW, list(store.crews.rows.values()))
    store.crews.rows["CREW-1"] = crew_on_duty("CREW-1", vehicle="66C-777.77", position_at=None)
    with pytest.raises(InvalidOperation, match="no longer"):
        record_positions(store, DISPATCHER, clock_at("15:00"), fixes)


def test_a_viewer_cannot_record_positions() -> None:
    store = two_crews()
    fixes = positions_from_file(FILE, NOW, list(store.crews.rows.values()))
    with pytest.raises(PermissionDenied):
        record_positions(store, VIEWER, clock_at("15:00"), fixes)


def test_the_dispatcher_enters_a_position_by_hand() -> None:
    store = two_crews()
    crew = store.crews.rows["CREW-2"]
    changes = set_crew_position(
        store, DISPATCHER, clock_at("15:00"), crew_id="CREW-2", crew_version=crew.version,
        position=(105.61, 10.45), at=at("14:55"),
    )  # fmt: skip
    assert changes == Changes(crews=frozenset({"CREW-2"}))
    stored = store.crews.rows["CREW-2"]
    assert stored.position == (105.61, 10.45) and stored.position_at == at("14:55")
    assert stored.version == crew.version + 1
    assert store.journal.rows == []  # positions are not journaled


def test_hand_entry_is_refused_when_stale_older_outside_or_in_the_future() -> None:
    store = two_crews()
    crew = store.crews.rows["CREW-2"]

    def enter(**kw: object) -> Changes:
        args: dict[str, object] = {
            "crew_id": "CREW-2", "crew_version": crew.version, "position": (105.61, 10.45),
            "at": at("14:55"),
        }  # fmt: skip
        args.update(kw)
        return set_crew_position(store, DISPATCHER, clock_at("15:00"), **args)  # type: ignore[arg-type]

    with pytest.raises(StaleEdit):
        enter(crew_version=crew.version - 1)
    with pytest.raises(InvalidOperation, match="newer position"):
        enter(at=at("13:00"))
    with pytest.raises(InvalidOperation, match="outside Vietnam"):
        enter(position=(2.35, 48.85))
    with pytest.raises(InvalidOperation, match="0,0"):
        enter(position=(0.0, 0.0))
    with pytest.raises(InvalidOperation, match="future"):
        enter(at=at("15:30"))
    with pytest.raises(ValueError, match="aware"):
        enter(at=datetime(2026, 6, 1, 14, 55))
    assert store.crews.rows["CREW-2"] == crew
