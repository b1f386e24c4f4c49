"""GUI fixtures: a main window on a private copy of the demo database, torn down cleanly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from console.app import prepare_environment
from console.main_window import MainWindow
from db import Database
from ops.clock import FixedClock
from tests.conftest import DEMO_NOW

MAP_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def _flush_deferred_deletes() -> Iterator[None]:
    # Without this the last web page outlives its profile and the run segfaults at exit.
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEMO_NOW)


@pytest.fixture
def window(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    prepare_environment()
    win = MainWindow(demo_db, clock)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.map_loaded, timeout=MAP_TIMEOUT_MS):
        win.start()
    yield win
    win.close()
    win.deleteLater()


@pytest.fixture
def in_vietnamese(qapp):  # type: ignore[no-untyped-def]
    """The Vietnamese translators installed (and the locale), for one test."""
    from PySide6.QtCore import QLocale

    from console.language.translators import install_translators

    before = QLocale()
    translators = install_translators(qapp, "vi")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
