"""NoticeSender actions from the window: drag an outage onto a crew, refusals, a viewer's screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from console.app import prepare_environment
from console.main_window import MainWindow
from console.outages.table import OUTAGE_MIME
from db import Database
from ops.access.roles import Role, User
from ops.clock import FixedClock
from tests.gui.conftest import MAP_TIMEOUT_MS


def signed_in_window(qtbot, db: Database, clock: FixedClock, role: Role) -> MainWindow:  # type: ignore[no-untyped-def]
    prepare_environment()
    user = User("dieudo" if role is Role.DISPATCHER else "xem", "Demo", role)
    win = MainWindow(db, clock, user=user)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.map_loaded, timeout=MAP_TIMEOUT_MS):
        win.start()
    return win


@pytest.fixture
def dispatcher_window(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)
    yield win
    win.close()
    win.deleteLater()


def drop_outage_on_crew(window: MainWindow, outage_id: int, crew_row: int) -> None:
    """What Qt delivers when an outage row is dropped on a crew row."""
    view = window.crew_view
    rect = view.visualRect(window.crews.index(crew_row, 0))
    mime = QMimeData()
    mime.setData(OUTAGE_MIME, str(outage_id).encode())
    event = QDropEvent(
        QPointF(rect.center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    view.dropEvent(event)


def test_dropping_an_outage_on_a_crew_assigns_it(qtbot, dispatcher_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = dispatcher_window
    free_row = next(r for r in range(win.crews.rowCount()) if not win.crews.crew_at(r).outage_ids)
    crew = win.crews.crew_at(free_row)
    outage = next(o for o in win.board.outages if o.status.is_open) if win.board else None
    assert outage is not None
    with qtbot.waitSignal(win.changes_applied, timeout=10_000):
        drop_outage_on_crew(win, outage.outage_id, free_row)
    qtbot.waitUntil(
        lambda: (
            win.board is not None
            and crew.crew_id
            in next(o for o in win.board.outages if o.outage_id == outage.outage_id).crew_ids
        ),
        timeout=10_000,
    )


def test_a_viewer_is_refused_by_the_service_not_only_by_the_menu(  # type: ignore[no-untyped-def]
    qtbot, demo_db: Database, clock: FixedClock
) -> None:
    win = signed_in_window(qtbot, demo_db, clock, Role.VIEWER)
    try:
        outage = next(o for o in win.board.outages if o.status.is_open) if win.board else None
        assert outage is not None
        with qtbot.waitSignal(win.action_refused, timeout=10_000) as refused:
            win.board_actions.assign_crew(outage.outage_id, win.crews.crew_at(0).crew_id)
        assert refused.args and refused.args[0]
        assert "color:#b00020" in win.status.message.styleSheet()
    finally:
        win.close()
        win.deleteLater()
