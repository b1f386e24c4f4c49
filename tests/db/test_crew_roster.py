"""Crews kept by the office, stored: a new crew on the board, edited, retired off it."""

from __future__ import annotations

from datetime import time

import pytest

from db import Database
from db.actions import run_action
from db.board import load_board, refresh_board
from db.repositories.crews import CrewRepository
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews.records import CrewMember, CrewStatus, CrewType
from ops.crews.roster import CrewDetails, add_crew, edit_crew, retire_crew
from ops.errors import InvalidOperation
from tests.conftest import DEMO_NOW

LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
NEW = CrewDetails(
    crew_id="DOI-99", name="Đội Hóc Môn 9", crew_type=CrewType.CABLE, home_base="Hóc Môn",
    vehicle="51C-999.99", phone="0909 999 999",
    members=(CrewMember("Phạm Văn Chín", "Tổ trưởng", "0909 999 999"),), shifts=(time(22),),
)  # fmt: skip


def test_a_crew_is_added_edited_and_retired_off_the_board(any_demo_db: Database) -> None:
    db = any_demo_db
    clock = FixedClock(DEMO_NOW)
    before = load_board(db, clock.now())
    changes = run_action(
        db, lambda s: add_crew(s, LEAD, NEW), workstation="test", user=LEAD.username, clock=clock
    )
    delta = refresh_board(db, before, changes, clock.now())
    added = next(c for c in delta.board.crews if c.crew_id == "DOI-99")
    assert added.status is CrewStatus.AWAITING and added.shifts == (time(22),)
    assert added.members[0].name == "Phạm Văn Chín" and added.vehicle == "51C-999.99"

    renamed = CrewDetails(**{**{f: getattr(NEW, f) for f in NEW.__slots__}, "name": "Đội 9"})
    run_action(db, lambda s: edit_crew(s, LEAD, renamed, version=added.version),
               workstation="test", user=LEAD.username, clock=clock)  # fmt: skip
    with db.session() as s:
        stored = CrewRepository(s).get("DOI-99")
    assert stored is not None and stored.name == "Đội 9" and stored.shifts == (time(22),)

    board = load_board(db, clock.now())
    changes = run_action(
        db, lambda s: retire_crew(s, LEAD, crew_id="DOI-99", version=stored.version),
        workstation="test", user=LEAD.username, clock=clock,
    )  # fmt: skip
    delta = refresh_board(db, board, changes, clock.now())
    assert "DOI-99" not in {c.crew_id for c in delta.board.crews}
    assert [c.retired for c in delta.crews] == [True]  # named, for the table to drop it
    assert "DOI-99" not in {c.crew_id for c in load_board(db, clock.now()).crews}
    with db.session() as s:
        assert [c.crew_id for c in CrewRepository(s).roster() if c.retired] == ["DOI-99"]


def test_a_crew_at_work_stays(demo_db: Database) -> None:
    board = load_board(demo_db, DEMO_NOW)
    busy = next(c for c in board.crews if c.outage_ids)
    with pytest.raises(InvalidOperation, match="before retiring it"):
        run_action(
            demo_db, lambda s: retire_crew(s, LEAD, crew_id=busy.crew_id, version=busy.version),
            workstation="test", user=LEAD.username, clock=FixedClock(DEMO_NOW),
        )  # fmt: skip
