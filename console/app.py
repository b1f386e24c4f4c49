"""Starting and stopping the console's Qt application."""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from console.language.translators import install_translators
from console.main_window import MainWindow
from console.stop_signals import StopOnSignals
from db import Database
from ops.access.roles import User
from ops.clock import SystemClock
from ops.policy import Policy

if TYPE_CHECKING:
    from console.notices.scheduler import NoticeScheduler

log = logging.getLogger(__name__)

NOTICES_AT_THE_LATEST_MS = 20_000

ORGANISATION = "outage-console"
APPLICATION = "console"
# Start-up timing for the benchmark: printed as "STARTUP <event> <epoch seconds>".
TIMING_ENV = "OMS_STARTUP_TIMING"
QUIT_AFTER_MAP_ENV = "OMS_QUIT_AFTER_MAP"
USER_ENV, PASSWORD_ENV = "OMS_USER", "OMS_PASSWORD"


class _FirstPaint(QObject):
    """Notes when the main window is first painted."""

    def __init__(self, report: bool) -> None:
        super().__init__()
        self._done = False
        self._report = report

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            _mark("window_painted", self._report)
        return False


def _mark(event: str, report: bool) -> None:
    log.info("%s", event.replace("_", " "))
    if report:
        print(f"STARTUP {event} {time.time():.4f}", flush=True)


def prepare_environment() -> None:
    """Qt settings that must be in place before QApplication exists."""
    # QtWebEngine refuses to start as root without this; the sandbox gains nothing offline.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def _import_map_builder() -> None:
    import maps  # noqa: F401 (imported for its side effect: loaded once, ready for the board)


def _sign_in(
    db: Database, clock: SystemClock, window: MainWindow, report: bool = False
) -> User | None:
    """The person at the console: the sign-in dialog, or OMS_USER / OMS_PASSWORD when set
    (unattended wall displays, the start-up benchmark). The password is checked either way.
    A database without any account signs nobody in: it says which command makes the first."""
    from console.accounts.sign_in import (  # loads the store: after the first paint
        NoAccountMessage,
        SignInDialog,
        attempt,
    )
    from ops.access.accounts import FIRST_ADMINISTRATOR

    username, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if NoAccountMessage.applies(db):
        log.error("%s has no account, nobody can sign in: create the first administrator with "
                  "`%s`", db.description, FIRST_ADMINISTRATOR)  # fmt: skip
        if not (username and password):
            NoAccountMessage.show(window)
        return None
    if username and password:
        result = attempt(db, clock, username, password)
        if result.user is None:
            log.error("sign-in of %s from the environment refused: %s", username, result.outcome)
        return result.user
    _mark("signing_in", report)
    return SignInDialog.ask(db, clock, window)


def _start_notice_scheduler(
    db: Database, policy: Policy, clock: SystemClock, window: MainWindow
) -> NoticeScheduler | None:
    """Notices due now go out, the rest when due; the status bar shows the outbox."""
    from console.notices.scheduler import notice_scheduler_for
    from ops.delivery.setup import delivery_setup
    from ops.notices.blackout import BUILTIN_CALENDARS, load_calendar
    from ops.settings import SettingsError, config_dir, load_settings

    try:
        settings = load_settings()
        scheduler = notice_scheduler_for(db, settings, policy, clock, window.runner)
        # An office adds its own directives as blackout-*.toml in the configuration folder.
        calendar = load_calendar((BUILTIN_CALENDARS, config_dir() / "notices"))
        window.notices_panel.configure(delivery_setup(settings, policy), calendar)
    except (SettingsError, ValueError, OSError) as exc:
        window.status.show_message(str(exc), error=True)
        return None
    scheduler.setParent(window)
    scheduler.counts_changed.connect(window.status.set_notice_counts)
    scheduler.counts_changed.connect(window.notices_panel.refresh)
    scheduler.failed.connect(window.status.show_error)  # bound slots: queued to this thread
    window.notices_panel.changed.connect(scheduler.poke)
    scheduler.start()
    return scheduler


def run_console(db: Database, *, language: str, policy: Policy) -> int:
    """Open the main window on `db` and run until it is closed. Returns the exit code."""
    prepare_environment()
    report = os.environ.get(TIMING_ENV) == "1"
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setFont(QFont("Noto Sans", 10))
    translators = install_translators(app, language)

    clock = SystemClock()
    window = MainWindow(db, clock, language=language, policy=policy)
    first_paint = _FirstPaint(report)
    window.installEventFilter(first_paint)
    first_start = not window.restore_layout(QSettings())
    window.map_loaded.connect(lambda: _mark("map_loaded", report))
    if os.environ.get(QUIT_AFTER_MAP_ENV) == "1":
        window.map_loaded.connect(lambda: QTimer.singleShot(0, window.close))

    # SIGTERM and Ctrl+C close the window the normal way (layout saved, work finished), at
    # any moment: during the sign-in or a message too.
    stops = StopOnSignals(window)
    stops.install()

    if first_start:
        # A control-room screen is there to be filled; the geometry also serves when no
        # window manager is running to honour "maximised".
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.show()
    # The (still empty) window first, then who is at it: nothing is read before sign-in.
    QCoreApplication.processEvents()
    window.runner.run(_import_map_builder)  # ~0.7 s of imports, overlapping the sign-in
    user = _sign_in(db, clock, window, report)
    if user is None or stops.requested:
        log.info("no one signed in: the console closes")
        window.close()
        stops.uninstall()
        return 0
    window.sign_in_as(user)
    window.start()
    # The notice scheduler (APScheduler, templates, the outbox) starts once the map is up:
    # started before, it held the GUI thread while the first board waited to be shown.
    started: list[NoticeScheduler | None] = []

    def start_notices() -> None:
        if not started:
            started.append(_start_notice_scheduler(db, policy, clock, window))

    window.map_loaded.connect(start_notices)
    QTimer.singleShot(NOTICES_AT_THE_LATEST_MS, start_notices)  # a map that never loads
    if stops.requested:  # a signal during start-up: no loop to run, close the way it would
        window.close()
        code = 0
    else:
        code = app.exec()
    notices = started[0] if started else None
    if notices is not None:
        notices.stop()
    stops.uninstall()
    window.removeEventFilter(first_paint)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del translators
    log.info("console closed")
    if report:
        print("STARTUP closed", time.time(), flush=True)
    QGuiApplication.processEvents()
    return code
