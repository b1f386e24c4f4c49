"""The office's crews as data: add, edit, retire, on duty, and a roster file all or none."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from ops.access.roles import Role
from ops.crews.records import CrewMember, CrewStatus, CrewType
from ops.crews.roster import CrewDetails, add_crew, edit_crew, on_duty, retire_crew, shifts_in
from ops.crews.roster_file import RosterFileError, read_roster
from ops.crews.shifts import ShiftPattern
from ops.errors import InvalidOperation, PermissionDenied, StaleEdit
from tests.unit.builders import a_crew, tiny_network
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_user

LEAD = a_user(Role.SHIFT_LEAD, "truongca")
ADMIN = a_user(Role.ADMINISTRATOR, "admin")
DISPATCHER = a_user(Role.DISPATCHER)
PATTERN = ShiftPattern.parse("06:00,14:00,22:00")


def details(**overrides: object) -> CrewDetails:
    fields: dict[str, object] = {
        "crew_id": "DOI-10",
        "name": "Đội Hóc Môn 1",
        "crew_type": CrewType.LINE,
        "home_base": "Điện lực Hóc Môn",
        "vehicle": "51c-555.01",
        "phone": "0909 111 222",
        "members": (CrewMember(" Trần  Văn Bình ", "Tổ trưởng", "0909 111 222"),),
        "shifts": (time(6), time(14)),
    }
    fields.update(overrides)
    return CrewDetails(**fields)  # type: ignore[arg-type]


def test_an_administrator_adds_a_crew_awaiting_work() -> None:
    store = MemoryStore(tiny_network())
    changes = add_crew(store, ADMIN, details())
    crew = store.crews.rows["DOI-10"]
    assert changes.crews == {"DOI-10"}
    assert crew.status is CrewStatus.AWAITING and crew.outage_ids == ()
    assert crew.vehicle == "51C-555.01" and crew.office == "Điện lực Hóc Môn"
    assert crew.members[0].name == "Trần Văn Bình"  # spaces tidied
    assert crew.shifts == (time(6), time(14))


def test_a_dispatcher_may_not_change_the_roster() -> None:
    with pytest.raises(PermissionDenied):
        add_crew(MemoryStore(tiny_network()), DISPATCHER, details())


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"crew_id": "DOI 10"}, "crew id"),
        ({"name": "  "}, "needs a name"),
        ({"phone": "call me"}, "not a phone number"),
        ({"members": (CrewMember("", "x", ""),)}, "has no name"),
        ({"shifts": (time(6), time(6))}, "same shift twice"),
    ],
)
def test_bad_details_are_refused_with_what_is_wrong(
    overrides: dict[str, object], words: str
) -> None:
    with pytest.raises(InvalidOperation, match=words):
        add_crew(MemoryStore(tiny_network()), LEAD, details(**overrides))


def test_ids_and_names_are_unique() -> None:
    store = MemoryStore(tiny_network())
    add_crew(store, LEAD, details())
    with pytest.raises(InvalidOperation, match="already in use"):
        add_crew(store, LEAD, details(name="Đội khác"))
    with pytest.raises(InvalidOperation, match="already named"):
        add_crew(store, LEAD, details(crew_id="DOI-11", name="đội hóc môn 1"))


def test_editing_keeps_the_day_of_the_crew() -> None:
    store = MemoryStore(tiny_network())
    store.crews.rows["CREW-1"] = a_crew()  # en route, on outage 1
    edit_crew(store, LEAD, details(crew_id="CREW-1", name="Đội Củ Chi A"), version=1)
    crew = store.crews.rows["CREW-1"]
    assert crew.name == "Đội Củ Chi A" and crew.crew_type is CrewType.LINE
    assert crew.status is CrewStatus.EN_ROUTE and crew.outage_ids == (1,)
    with pytest.raises(StaleEdit):
        edit_crew(store, LEAD, details(crew_id="CREW-1"), version=1)


def test_a_crew_with_open_work_cannot_retire() -> None:
    store = MemoryStore(tiny_network())
    store.crews.rows["CREW-1"] = a_crew()
    with pytest.raises(InvalidOperation, match="release Đội Củ Chi 1 from its outages"):
        retire_crew(store, LEAD, crew_id="CREW-1", version=1)
    store.crews.rows["CREW-1"] = a_crew(outage_ids=(), status=CrewStatus.AWAITING)
    retire_crew(store, LEAD, crew_id="CREW-1", version=1)
    assert store.crews.rows["CREW-1"].retired
    with pytest.raises(InvalidOperation, match="retired already"):
        retire_crew(store, LEAD, crew_id="CREW-1", version=2)


def test_on_duty_by_the_shift_under_way() -> None:
    crew = a_crew(shifts=(time(6),))
    morning = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 10:00 local: the 06:00 shift
    night = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)  # 23:00 local: the 22:00 shift
    assert on_duty(crew, PATTERN, morning) and not on_duty(crew, PATTERN, night)
    assert on_duty(a_crew(), PATTERN, night)  # no set shifts: always
    with pytest.raises(InvalidOperation, match="not one of 06:00, 14:00, 22:00"):
        shifts_in(PATTERN, (time(7),), "Đội 1")


HEADER = "crew_id,name,type,home_base,vehicle,phone,shifts,members\n"


def test_a_roster_file_is_read_whole() -> None:
    text = (
        "\ufeff"
        + HEADER
        + (
            "DOI-1,Đội 1,line,Điện lực A,51C-1,0909111222,06:00 14:00,"
            '"An|Tổ trưởng|0909111222; Bình|Thợ|"\n'
            "DOI-2,Đội 2,cable,,,,,\n"
        )
    )
    crews = read_roster(text)
    assert [c.crew_id for c in crews] == ["DOI-1", "DOI-2"]
    assert crews[0].shifts == (time(6), time(14)) and len(crews[0].members) == 2
    assert crews[1].crew_type is CrewType.CABLE and crews[1].shifts == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("crew_id,name\nA,B\n", "lacks the column(s) type"),
        (HEADER.replace("members", "colour") + "A,B,line,,,,,\n", "unknown column(s) colour"),
        (HEADER + "A,Đội A,truck,,,,,\n", "line 2: type 'truck'"),
        (HEADER + "A,Đội A,line,,,,25:00,\n", "line 2: shift start '25:00'"),
        (HEADER + "A,Đội A,line,,,,,\nA,Đội B,line,,,,,\n", "line 3: A repeats line 2"),
        (HEADER + "A,Đội A,line,,,,,,extra\n", "more cells than columns"),
        (HEADER, "lists no crew"),
    ],
)
def test_a_bad_roster_file_names_its_line(text: str, words: str) -> None:
    with pytest.raises(RosterFileError, match=words.replace("(", r"\(").replace(")", r"\)")):
        read_roster(text)
