"""The board read in part after a change is the board read whole, for what the change names."""

from __future__ import annotations

from db import Database
from db.actions import run_action
from db.board import load_board, refresh_board
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews.positions import set_crew_position
from ops.outages.records import OutageStatus
from ops.outages.remarks import add_remark
from ops.outages.services import confirm
from tests.conftest import DEMO_NOW

USER = User("dieudo", "Demo", Role.DISPATCHER)


def test_a_confirmed_outage_is_read_again_and_nothing_else(demo_db: Database) -> None:
    clock = FixedClock(DEMO_NOW)
    before = load_board(demo_db, clock.now())
    predicted = next(o for o in before.outages if o.status is OutageStatus.PREDICTED)
    changes = run_action(
        demo_db,
        lambda s: confirm(s, USER, clock, outage_id=predicted.outage_id, version=predicted.version),
        workstation="test",
        clock=clock,
    )

    delta = refresh_board(demo_db, before, changes, clock.now())

    whole = load_board(demo_db, clock.now())
    assert [o.outage_id for o in delta.outages] == [predicted.outage_id]
    assert delta.outages[0].status is OutageStatus.CONFIRMED and not delta.removed
    assert set(delta.board.outages) == set(whole.outages)
    assert delta.board.crews == whole.crews and delta.board.workload == whole.workload
    assert delta.board.network is before.network  # no switch moved: not read again


def test_a_crew_position_reads_that_crew_only(demo_db: Database) -> None:
    clock = FixedClock(DEMO_NOW)
    before = load_board(demo_db, clock.now())
    crew = before.crews[0]
    changes = run_action(
        demo_db,
        lambda s: set_crew_position(
            s,
            USER,
            clock,
            crew_id=crew.crew_id,
            crew_version=crew.version,
            position=(105.64, 10.46),
        ),
        workstation="test",
        clock=clock,
    )

    delta = refresh_board(demo_db, before, changes, clock.now())

    assert [c.crew_id for c in delta.crews] == [crew.crew_id]
    assert delta.crews[0].position == (105.64, 10.46)
    assert delta.board.outages is not None and not delta.outages
    assert delta.board.crews == load_board(demo_db, clock.now()).crews


def test_a_remark_reads_its_outage_again(demo_db: Database) -> None:
    clock = FixedClock(DEMO_NOW)
    before = load_board(demo_db, clock.now())
    outage = next(o for o in before.outages if o.status.is_open)
    changes = run_action(
        demo_db,
        lambda s: add_remark(s, USER, clock, outage_id=outage.outage_id, text="Đã báo khách"),
        workstation="test",
        clock=clock,
    )

    delta = refresh_board(demo_db, before, changes, clock.now())

    assert [o.outage_id for o in delta.outages] == [outage.outage_id]
    assert set(delta.board.outages) == set(before.outages)
