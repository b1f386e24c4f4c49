"""Menu items and their keys follow the signed-in role: what a role may not do is grey, and
its shortcut does nothing (the services refuse as well, tests/unit/access)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from console.app import prepare_environment
from console.main_window import MainWindow
from console.menus import MainMenus
from db import Database
from ops.access.roles import PERMISSIONS, Role, User
from ops.clock import FixedClock


def _window(qtbot, demo_db: Database, clock: FixedClock, role: Role | None) -> MainWindow:  # type: ignore[no-untyped-def]
    prepare_environment()
    user = User("u", "U", role) if role is not None else None
    win = MainWindow(demo_db, clock, user=user)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What F2 reached: the trip dialog would open there."""
    reached: list[str] = []
    monkeypatch.setattr(MainMenus, "_record_trip", lambda self: reached.append("trip"))
    yield reached


def _menu(win: MainWindow, title: str) -> QMenu:
    for action in win.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError(f"no menu {title}")


def _items(menu: QMenu) -> dict[str, QAction]:
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def _press_f2(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_F2)
    QCoreApplication.processEvents()


@pytest.mark.parametrize(("role", "opens"), [(Role.VIEWER, False), (Role.DISPATCHER, True)])
def test_f2_records_a_trip_only_for_a_role_that_may(
    qtbot, demo_db: Database, clock: FixedClock, trips: list[str], role: Role, opens: bool
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, demo_db, clock, role)
    trip = _items(_menu(win, "Operations"))["Record a device trip…"]
    assert trip.isEnabled() is opens
    _press_f2(qtbot, win)
    assert trips == (["trip"] if opens else [])
    win.close()


def test_the_call_taker_has_only_the_operations_it_may_do(
    qtbot, demo_db: Database, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, demo_db, clock, Role.CALL_TAKER)
    enabled = {text for text, a in _items(_menu(win, "Operations")).items() if a.isEnabled()}
    assert enabled == {"Outage details", "Add a remark…"}
    assert not _menu(win, "Reports").menuAction().isEnabled()  # no report printing either
    win.close()


def test_the_administrator_operates_nothing_and_manages_accounts(
    qtbot, demo_db: Database, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, demo_db, clock, Role.ADMINISTRATOR)
    enabled = {text for text, a in _items(_menu(win, "Operations")).items() if a.isEnabled()}
    assert enabled == {"Outage details"}
    assert _items(_menu(win, "Accounts"))["Manage accounts…"].isEnabled()
    win.close()


def test_nobody_signed_in_has_nothing_but_the_window_itself(
    qtbot, demo_db: Database, clock: FixedClock, trips: list[str]
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, demo_db, clock, None)
    assert not _menu(win, "Operations").menuAction().isEnabled()
    assert not any(a.isEnabled() for a in _items(_menu(win, "Accounts")).values())
    assert all(
        a.isEnabled() for a in _items(_menu(win, "View")).values() if a.text() != "&Find outage"
    )
    _press_f2(qtbot, win)
    assert trips == []
    win.sign_in_as(User("dd", "Điều độ", Role.DISPATCHER))  # signing in enables them
    assert _items(_menu(win, "Operations"))["Record a device trip…"].isEnabled()
    win.close()


@pytest.mark.parametrize("role", list(Role))
def test_every_item_is_enabled_exactly_when_the_role_has_what_it_needs(
    qtbot, demo_db: Database, clock: FixedClock, role: Role
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, demo_db, clock, role)
    permitted = win.menus.permitted
    guarded = [a for a in win.findChildren(QAction) if _is_guarded(permitted, a)]
    assert len(guarded) >= 20
    for action in guarded:
        allowed = permitted.needs(action) <= PERMISSIONS[role]
        assert action.isEnabled() is allowed, action.text()
    win.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _is_guarded(permitted, action: QAction) -> bool:  # type: ignore[no-untyped-def]
    try:
        permitted.needs(action)
    except StopIteration:
        return False
    return True


def test_a_viewer_reads_an_outage_and_its_alerts_but_writes_nothing_into_them(
    qtbot, demo_db: Database, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from console.outages.table import Col
    from tests.gui.test_actions import signed_in_window

    win = signed_in_window(qtbot, demo_db, clock, Role.VIEWER)
    row = next(
        r for r in range(win.outages.rowCount())
        if win.outages.outage_at(r).status.is_open
        and win.outages.deadline(r, Col.INFORM) is not None
    )  # fmt: skip
    outage = win.outages.outage_at(row)
    with qtbot.waitSignal(win.detail_shown, timeout=10_000):
        win.open_detail(outage.outage_id)
    timeline = win.detail.timeline
    timeline.setCurrentItem(timeline.topLevelItem(0))
    assert not win.detail.remark.isEnabled() and not win.detail.correct.isEnabled()
    inform = win.outages.deadline(row, Col.INFORM)
    assert inform is not None
    clock.set(inform.due + timedelta(minutes=1))
    win._tick()
    assert win.alerts.count() and win.alerts.list.currentItem() is not None  # the breach shows
    assert not win.alerts.explain.isEnabled()  # but its reason is the dispatcher's to give
    win.detail.close()
    win.close()
    win.deleteLater()


def test_a_guarded_shortcut_of_its_own_does_nothing_while_disabled(qtbot) -> None:  # type: ignore[no-untyped-def]
    # For an item that is a QShortcut rather than a menu action (a key on one panel).
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QWidget

    from console.permitted_actions import PermittedActions
    from ops.access.roles import Permission

    panel = QWidget()
    qtbot.addWidget(panel)
    pressed: list[int] = []
    shortcut = QShortcut(QKeySequence("Shift+F3"), panel)
    shortcut.activated.connect(lambda: pressed.append(1))
    permitted = PermittedActions()
    permitted.add(shortcut, Permission.OPERATE_DEVICE)
    assert not shortcut.isEnabled()  # nobody signed in yet
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    for role, expected in ((Role.VIEWER, []), (Role.DISPATCHER, [1])):
        permitted.user_changed(User("u", "U", role))
        qtbot.keyClick(panel, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
        assert pressed == expected, role
