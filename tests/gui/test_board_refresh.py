"""What a change refreshes: only the rows, map parts and panels it names; F5 and a change too
broad to go by read the whole board; the selected outage and crew survive either."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from console.main_window import MainWindow
from console.outages.dialogs import TextDialog, TextEntry
from console.outages.table import Col
from db import Database
from db.actions import run_action
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews.records import CrewStatus
from ops.outages.records import OutageStatus
from ops.outages.services import confirm
from ops.stores import Changes
from tests.conftest import DEMO_NOW
from tests.gui.test_actions import signed_in_window


class Counter:
    """Counts a signal's emissions (and keeps their arguments)."""

    def __init__(self, signal) -> None:  # type: ignore[no-untyped-def]
        self.calls: list[tuple[object, ...]] = []
        signal.connect(lambda *args: self.calls.append(args))

    def __len__(self) -> int:
        return len(self.calls)


@pytest.fixture
def win(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)
    yield window
    window.close()
    window.deleteLater()


def test_a_crew_status_change_reloads_neither_table(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch
) -> None:
    scripts: list[tuple[str, tuple[object, ...]]] = []
    call = win.map_view.call
    monkeypatch.setattr(
        win.map_view, "call", lambda name, *args: (scripts.append((name, args)), call(name, *args))
    )
    board = win.board
    assert board is not None
    crew = next(c for c in board.crews if c.outage_ids)
    wanted = CrewStatus.ARRIVED if crew.status is CrewStatus.EN_ROUTE else CrewStatus.EN_ROUTE
    win.select_crew(crew.crew_id)
    outage_resets, crew_resets = Counter(win.outages.modelReset), Counter(win.crews.modelReset)
    crew_rows = Counter(win.crews.dataChanged)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.crew_status(wanted)
    row = win.crews.row_of(crew.crew_id)
    assert row is not None and win.crews.crew_at(row).status is wanted
    assert len(outage_resets) == 0 and len(crew_resets) == 0
    assert any(top.row() == row for top, *_ in crew_rows.calls)
    assert win.selected_crew_id() == crew.crew_id
    payloads = [args[0] for name, args in scripts if name == "applyState"]
    assert payloads and all(set(p) == {"crews"} for p in payloads)  # no tracing, no outages


def test_a_remark_updates_its_outage_row_only(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, clock
) -> None:
    board = win.board
    assert board is not None
    outage = next(o for o in board.outages if o.status.is_open)
    win.select_outage(outage.outage_id)
    monkeypatch.setattr(
        TextDialog, "ask", classmethod(lambda cls, *a, **k: TextEntry("Đã báo khách", clock.now()))
    )
    resets, rows = Counter(win.outages.modelReset), Counter(win.outages.dataChanged)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.add_remark()
    row = win.outages.row_of(outage.outage_id)
    assert len(resets) == 0
    whole_rows = [(top.row(), bottom.row()) for top, bottom, *_ in rows.calls if top.column() == 0]
    assert whole_rows == [(row, row)]  # the remarked outage's row, and no other
    assert win.selected_outage_id() == outage.outage_id


def test_another_workstations_change_updates_the_row_it_names(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, demo_db: Database, clock: FixedClock
) -> None:
    board = win.board
    assert board is not None
    predicted = next(o for o in board.outages if o.status is OutageStatus.PREDICTED)
    other = next(o for o in board.outages if o.status.is_open and o is not predicted)
    win.select_outage(other.outage_id)
    resets = Counter(win.outages.modelReset)
    user = User("truongca", "Demo", Role.SHIFT_LEAD)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):  # the change log, polled
        run_action(
            demo_db,
            lambda store: confirm(
                store, user, clock, outage_id=predicted.outage_id, version=predicted.version
            ),
            workstation="another-console",
            user=user.username,
            clock=clock,
        )
    row = win.outages.row_of(predicted.outage_id)
    assert row is not None and win.outages.outage_at(row).status is OutageStatus.CONFIRMED
    assert len(resets) == 0
    assert win.selected_outage_id() == other.outage_id


def test_f5_reads_the_whole_board_and_keeps_the_selection(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    board = win.board
    assert board is not None
    outage = next(o for o in board.outages if o.status.is_open)
    crew = board.crews[-1]
    win.select_outage(outage.outage_id)
    win.select_crew(crew.crew_id)
    resets = Counter(win.outages.modelReset)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.refresh()
    assert len(resets) == 1
    assert win.selected_outage_id() == outage.outage_id
    assert win.selected_crew_id() == crew.crew_id


def test_a_change_of_the_network_alone_reads_the_whole_board(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    resets = Counter(win.outages.modelReset)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.apply_changes(Changes(network=True))  # what a network import logs
    assert len(resets) == 1


def test_changes_during_a_read_are_read_after_it(qtbot, win: MainWindow, clock) -> None:  # type: ignore[no-untyped-def]
    board = win.board
    assert board is not None
    first, second = [o for o in board.outages if o.status.is_open][:2]
    loads = Counter(win.board_loaded)
    win.refresh()
    win.apply_changes(Changes(outages=frozenset({first.outage_id})))
    win.apply_changes(Changes(journal=frozenset({second.outage_id})))
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=10_000)  # the whole read, then both
    qtbot.wait(200)
    assert len(loads) == 2


def test_a_sorted_table_stays_sorted_after_a_row_changes(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, clock
) -> None:
    from console.outages.dialogs import EtrDialog, EtrEntry
    from ops.outages.records import EtrConfidence, EtrSource

    win.outage_view.sortByColumn(Col.ETR, win.outage_view.horizontalHeader().sortIndicatorOrder())
    board = win.board
    assert board is not None
    outage = next(o for o in board.outages if o.status.is_open and o.etr is not None)
    win.select_outage(outage.outage_id)
    far = clock.now() + timedelta(days=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            EtrDialog,
            "ask",
            classmethod(lambda cls, *a: EtrEntry(far, EtrSource.CREW, EtrConfidence.HIGH)),
        )
        with qtbot.waitSignal(win.board_loaded, timeout=10_000):
            win.commands.set_etr()
    etrs = [
        win.outages.outage_at(r).etr for r in range(win.outages.rowCount())
        if win.outages.outage_at(r).etr is not None
    ]  # fmt: skip
    assert etrs == sorted(etrs) or etrs == sorted(etrs, reverse=True)
    assert win.selected_outage_id() == outage.outage_id


def test_the_board_draws_the_map_in_the_interface_language(demo_db: Database) -> None:
    # An English console had a Vietnamese map: its legend, layers and tooltips.
    from console.board_loader import BoardReader

    html = BoardReader(demo_db, "en").whole(DEMO_NOW, None, None).html
    assert html is not None
    assert '<html lang="en">' in html and '"title":"Legend"' in html
    assert "Chú giải" not in html and "Khách hàng mất điện" not in html
