"""The dispatcher's actions: each runs one domain service in one transaction, off the GUI thread.

The result (what changed) is broadcast once; a refusal (no permission, a stale edit, an
impossible step) comes back as a message for the dispatcher. Changes made at other
workstations arrive by NOTIFY on PostgreSQL (the listener's socket wakes the event loop, no
thread of its own) and by polling the change log every second on SQLite.

When the database server cannot be reached, `connection_lost` says so, reconnection is
tried with back-off, and an action made meanwhile is reported as not done. An action whose
COMMIT was cut off is checked once the connection is back and reported either way.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from console.language.refusals import refusal_text
from console.tasks import TaskRunner
from db import Database
from db.actions import (
    ChangesMissedError,
    OutcomeUnknownError,
    changes_of_result,
    changes_since,
    latest_change,
    run_action,
    was_saved,
)
from db.live import ChangeListener, ListenerLostError, Notice, is_connection_error
from db.store import SqlStore
from db.wal_guard import WalLostError
from ops.access.roles import User
from ops.clock import Clock
from ops.errors import DomainError, StaleEdit
from ops.stores import Changes

log = logging.getLogger(__name__)
R = TypeVar("R")

POLL_MS = 1000
# Seconds between reconnection attempts: doubling up to the last figure.
BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0)


def workstation_id() -> str:
    """This console's name in the change log: host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def short_reason(exc: BaseException) -> str:
    """The first line of a driver's message, short enough for a banner."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]


class ActionRunner(QObject):
    """Runs actions as the signed-in user and tells the window what changed."""

    changed = Signal(object)  # Changes, from this console or another
    refused = Signal(str, bool)  # message, and whether the record moved on (stale edit)
    everything_changed = Signal()  # the change log could not say: reload all
    connection_lost = Signal(str)  # reason; reconnecting automatically
    connection_restored = Signal()
    saved_after_all = Signal(str)  # an action cut off during COMMIT turned out to be saved
    database_lost = Signal(str)  # nothing more can be saved by this process: restart it

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        clock: Clock,
        user: User,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.clock, self.user = db, runner, clock, user
        self.workstation = workstation_id()
        self.live = not db.is_sqlite
        self.connected = True
        self._listener = ChangeListener(db.engine) if self.live else None
        self._notifier: QSocketNotifier | None = None
        self._seq: int | None = None
        self._busy = False  # a poll or a reconnection is on the runner
        self._stopped = False
        self._database_lost = False
        self._attempt = 0
        self._next_attempt = 0.0
        self._in_doubt: list[OutcomeUnknownError] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def listening(self) -> bool:
        """Whether notices from the other workstations wake this console (PostgreSQL)."""
        return self._notifier is not None

    def start_polling(self) -> None:
        """Start following the other workstations' changes from the newest one on."""
        self._busy, self._stopped = True, False
        self.runner.run(self._connect_and_read_seq, self._started, self._start_failed)
        self._timer.start()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._drop_listener()

    def perform(
        self,
        fn: Callable[[SqlStore, User, Clock], R],
        *,
        on_done: Callable[[R], None] | None = None,
        on_refused: Callable[[str, bool], None] | None = None,
    ) -> None:
        """Run `fn(store, user, clock)` as one action.

        `fn` returns its `Changes`, or a result that carries them (`db.actions` tells them
        apart); they are broadcast by `changed`, then `on_done` gets the result. A refusal
        goes to `on_refused` (message, stale) when given, else to `refused`.
        """
        db, user, clock, ws = self.db, self.user, self.clock, self.workstation

        def work() -> R:
            return run_action(
                db, lambda store: fn(store, user, clock), workstation=ws, user=user.username,
                clock=clock,
            )  # fmt: skip

        self.runner.run(
            work,
            lambda result: self._done(result, on_done),
            lambda exc: self._failed(exc, on_refused),
        )

    def poll(self) -> None:
        """Read the change log after the last change seen (SQLite, or a notice too large)."""
        if self._seq is None or self._busy:
            return
        self._busy = True
        db, seq, ws = self.db, self._seq, self.workstation

        def work() -> tuple[int, Changes]:
            return changes_since(db, seq, skip_workstation=ws)

        self.runner.run(work, self._polled, self._poll_failed)

    # --- following the others -----------------------------------------------------------

    def _tick(self) -> None:
        if not self.connected:
            if not self._busy and time.monotonic() >= self._next_attempt:
                self._reconnect()
        elif not self.live:
            self.poll()

    def _connect_and_read_seq(self) -> int:
        if self._listener is not None:
            self._listener.connect()  # LISTEN first: nothing committed after the read is missed
        return latest_change(self.db)

    def _started(self, seq: int) -> None:
        self._busy = False
        self._seq = seq
        if self._stopped:
            self._drop_listener()  # stopped while connecting
            return
        self._watch_listener()

    def _start_failed(self, exc: Exception) -> None:
        self._busy = False
        if self._stopped:
            return
        if isinstance(exc, WalLostError):
            self._set_database_lost(exc)
        elif is_connection_error(exc):
            self._set_lost(exc)  # reconnection (with back-off) starts following
        else:
            log.warning("could not start following the change log: %s", exc)
            QTimer.singleShot(POLL_MS, self._retry_start)

    def _retry_start(self) -> None:
        if not self._stopped and self._seq is None and not self._busy:
            self.start_polling()

    def _watch_listener(self) -> None:
        if self._listener is None or not self._listener.connected:
            return
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    def _drop_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()

    def _on_readable(self) -> None:
        if self._listener is None or self._notifier is None:
            return
        try:
            notices = self._listener.drain()
        except ListenerLostError as exc:
            self._set_lost(exc)
            return
        self._apply(notices)

    def _apply(self, notices: list[Notice]) -> None:
        if self._seq is None:
            return
        merged, read_log = Changes(), False
        for notice in notices:
            if notice.seq <= self._seq:
                continue  # seen already (the start, or a catch-up read of the log)
            if notice.changes is None:
                read_log = True  # too large to carry: the log tells, from here on
                break
            self._seq = notice.seq
            if notice.workstation != self.workstation:
                merged |= notice.changes
        if not merged.is_empty:
            self.changed.emit(merged)
        if read_log:
            self._busy = False  # a pending poll result is merged by the newest number anyway
            self.poll()

    def _polled(self, result: tuple[int, Changes]) -> None:
        self._busy = False
        seq, changes = result
        self._seq = max(seq, self._seq or 0)
        if not changes.is_empty:
            self.changed.emit(changes)

    def _poll_failed(self, exc: Exception) -> None:
        self._busy = False
        if isinstance(exc, ChangesMissedError):
            self._seq = None
            self._drop_listener()
            self.start_polling()
            self.everything_changed.emit()
        elif isinstance(exc, WalLostError):
            self._set_database_lost(exc)
        elif is_connection_error(exc):
            self._set_lost(exc)
        else:
            log.warning("could not read the change log: %s", exc)

    # --- connection loss ----------------------------------------------------------------

    def _set_lost(self, exc: BaseException) -> None:
        self._drop_listener()
        if self.connected:
            self.connected = False
            self._attempt = 0
            self._next_attempt = time.monotonic() + BACKOFF_S[0]
            log.warning("database connection lost: %s", exc)
            self.connection_lost.emit(short_reason(exc))

    def _set_database_lost(self, exc: WalLostError) -> None:
        """The SQLite log was taken from under this process: stop, say so once, for good."""
        if not self._database_lost:
            self._database_lost = True
            self.stop()
            self.database_lost.emit(str(exc))

    def _reconnect(self) -> None:
        self._busy = True
        db, ws, seq, doubts = self.db, self.workstation, self._seq, list(self._in_doubt)

        def work() -> tuple[int, Changes | None, list[tuple[OutcomeUnknownError, bool]]]:
            if self._listener is not None:
                self._listener.connect()
            checked = [(error, was_saved(db, error)) for error in doubts]
            if seq is None:
                return latest_change(db), None, checked
            try:
                newest, changes = changes_since(db, seq, skip_workstation=ws)
            except ChangesMissedError:
                return latest_change(db), None, checked
            return newest, changes, checked

        self.runner.run(work, self._reconnected, self._reconnect_failed)

    def _reconnected(
        self, result: tuple[int, Changes | None, list[tuple[OutcomeUnknownError, bool]]]
    ) -> None:
        self._busy = False
        if self._stopped:
            self._drop_listener()
            return
        seq, changes, checked = result
        self.connected = True
        self._seq = max(seq, self._seq or 0)
        self._watch_listener()
        self.connection_restored.emit()
        for error, saved in checked:
            self._in_doubt.remove(error)
            if saved:
                self.saved_after_all.emit(
                    self.tr("The action cut off by the connection loss was saved after all.")
                )
            else:
                self.refused.emit(
                    self.tr(
                        "Not done: the action cut off by the connection loss was not saved. "
                        "Please do it again."
                    ),
                    False,
                )
        if changes is None or any(saved for _, saved in checked):
            self.everything_changed.emit()  # (the log skips this console's own changes)
        elif not changes.is_empty:
            self.changed.emit(changes)

    def _reconnect_failed(self, exc: Exception) -> None:
        self._busy = False
        if self._listener is not None:
            self._listener.close()
        self._attempt += 1
        wait = BACKOFF_S[min(self._attempt, len(BACKOFF_S) - 1)]
        self._next_attempt = time.monotonic() + wait
        log.info("reconnection failed (%s); next attempt in %.0f s", short_reason(exc), wait)

    # --- action results -----------------------------------------------------------------

    def _done(self, result: object, on_done: Callable[[Any], None] | None = None) -> None:
        changes = changes_of_result(result)
        self.changed.emit(changes if changes is not None else Changes())
        if on_done is not None:
            on_done(result)

    def _failed(
        self, exc: Exception, on_refused: Callable[[str, bool], None] | None = None
    ) -> None:
        refused = on_refused or self.refused.emit
        if isinstance(exc, DomainError):
            refused(refusal_text(exc), isinstance(exc, StaleEdit))
        elif isinstance(exc, WalLostError):
            self._set_database_lost(exc)
            refused(self.tr("Not done: nothing can be saved any more, restart the console."), False)
        elif isinstance(exc, OutcomeUnknownError):
            self._in_doubt.append(exc)
            self._set_lost(exc)
            refused(
                self.tr(
                    "The connection was lost while the action was being saved; whether it was "
                    "saved is checked as soon as the connection is back."
                ),
                False,
            )
        elif is_connection_error(exc):
            self._set_lost(exc)
            refused(
                self.tr(
                    "Not done: the database cannot be reached, nothing was saved. Do it again "
                    "once the connection is back."
                ),
                False,
            )
        else:
            log.error("action failed: %s", exc)
            refused(str(exc), False)
