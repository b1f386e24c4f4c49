"""The Crews screen: a shift lead adds, edits and retires crews through the roster services;
refusals in Vietnamese; the board's crew table says who is on duty in the shift."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from pytestqt.modeltest import ModelTester

from console.crews.crew_editor import CrewEditor
from console.crews.roster_screen import ConfirmRetire, CrewsScreen
from db import Database
from db.repositories.crews import CrewRepository
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews.records import CrewMember, CrewType
from ops.crews.roster import CrewDetails
from tests.gui.test_accounts_screen import bench_for

LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
STARTS = (time(6), time(14), time(22))
NEW = CrewDetails(
    crew_id="DOI-20", name="Đội Hóc Môn 2", crew_type=CrewType.CABLE, home_base="Hóc Môn",
    vehicle="51c-200.02", phone="0909 200 200",
    members=(CrewMember("Võ Văn Hai", "Tổ trưởng", "0909 200 200"),), shifts=(time(14),),
)  # fmt: skip


@pytest.fixture
def screen(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[CrewsScreen]:  # type: ignore[no-untyped-def]
    bench = bench_for(qtbot, demo_db, clock, LEAD)
    screen = CrewsScreen(bench, bench.action_runner, STARTS)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 3)
    yield screen
    screen.close()


def stored(db: Database, crew_id: str):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return CrewRepository(s).get(crew_id)


def test_the_roster_model_is_a_proper_model(screen: CrewsScreen, qtbot) -> None:  # type: ignore[no-untyped-def]
    ModelTester(None).check(screen.model)  # type: ignore[no-untyped-call]


def test_a_shift_lead_adds_a_crew_then_edits_it(
    screen: CrewsScreen,
    demo_db: Database,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(CrewEditor, "ask", classmethod(lambda cls, *a: NEW))
    before = screen.model.rowCount()
    screen.add()
    qtbot.waitUntil(lambda: screen.model.rowCount() == before + 1)
    crew = stored(demo_db, "DOI-20")
    assert crew.vehicle == "51C-200.02" and crew.shifts == (time(14),)
    assert "Đội Hóc Môn 2" in screen.message.text()

    screen.table.selectRow(screen.model.row_of("DOI-20"))
    renamed = CrewDetails(**{**{f: getattr(NEW, f) for f in NEW.__slots__}, "name": "Đội 2B"})
    monkeypatch.setattr(CrewEditor, "ask", classmethod(lambda cls, *a: renamed))
    screen.edit()
    qtbot.waitUntil(lambda: stored(demo_db, "DOI-20").name == "Đội 2B")


@pytest.mark.usefixtures("in_vietnamese")
def test_a_refusal_reads_in_vietnamese(
    screen: CrewsScreen,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    taken = screen.model.crew_at(0)
    clash = CrewDetails(crew_id="DOI-21", name=taken.name, crew_type=CrewType.LINE)
    monkeypatch.setattr(CrewEditor, "ask", classmethod(lambda cls, *a: clash))
    screen.add()
    qtbot.waitUntil(lambda: "Đã có đội khác tên" in screen.message.text())


@pytest.mark.usefixtures("in_vietnamese")
def test_a_crew_at_work_is_not_retired_and_a_free_one_is(
    screen: CrewsScreen,
    demo_db: Database,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(ConfirmRetire, "ask", classmethod(lambda cls, *a: True))
    rows = [screen.model.crew_at(r) for r in range(screen.model.rowCount())]
    busy = next(c for c in rows if c.outage_ids)
    free = next(c for c in rows if not c.outage_ids)
    screen.table.selectRow(screen.model.row_of(busy.crew_id))
    screen.retire()
    qtbot.waitUntil(lambda: "trước khi cho thôi hoạt động" in screen.message.text())
    screen.table.selectRow(screen.model.row_of(free.crew_id))
    screen.retire()
    qtbot.waitUntil(lambda: stored(demo_db, free.crew_id).retired)


def test_the_editor_gives_back_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = CrewEditor(None, STARTS)
    qtbot.addWidget(editor)
    editor.crew_id.setText("DOI-30")
    editor.name.setText("Đội 30")
    editor.shifts[time(22)].setChecked(True)
    editor.add_member(CrewMember("An", "Thợ", "0909 300 300"))
    editor.add_member(CrewMember("", "", ""))  # an empty row is no member
    details = editor.details()
    assert (details.crew_id, details.name, details.shifts) == ("DOI-30", "Đội 30", (time(22),))
    assert details.members == (CrewMember("An", "Thợ", "0909 300 300"),)


def test_the_crew_table_says_who_is_on_duty(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from console.crews.panel import CrewCol

    model = window.crews
    crew = model.crew_at(0)
    shift = window.board.shift
    off = replace(crew, shifts=(time(3),))
    model.update_crews([off], {}, None, shift)
    assert model.data(model.index(0, CrewCol.ON_DUTY)) in ("nghỉ ca", "off duty")
    model.update_crews([replace(crew, shifts=())], {}, None, shift)
    assert model.data(model.index(0, CrewCol.ON_DUTY)) in ("trong ca", "on duty")
