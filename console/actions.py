"""Dispatcher actions: each runs one domain service in one transaction, off the GUI thread.

The result (what changed) is broadcast once; a refusal (no permission, a stale edit, an
impossible step) comes back as a message for the dispatcher. Changes made at other
workstations arrive by polling the change log every second.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from console.tasks import TaskRunner
from db import Database
from db.actions import ChangesMissedError, changes_since, latest_change, run_action
from db.store import SqlStore
from ops.access import User
from ops.clock import Clock
from ops.errors import DomainError, StaleEdit
from ops.stores import Changes

log = logging.getLogger(__name__)

POLL_MS = 1000


def workstation_id() -> str:
    """This console's name in the change log: host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"


class ActionDispatcher(QObject):
    """Runs actions as the signed-in user and tells the window what changed."""

    changed = Signal(object)  # Changes, from this console or another
    refused = Signal(str, bool)  # message, and whether the record moved on (stale edit)
    everything_changed = Signal()  # the change log could not say: reload all

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
        self._seq: int | None = None
        self._polling = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start_polling(self) -> None:
        db = self.db

        def first() -> int:
            return latest_change(db)

        self.runner.run(first, self._set_seq)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def perform(self, fn: Callable[[SqlStore, User, Clock], Changes]) -> None:
        """Run `fn(store, user, clock)` as one action."""
        db, user, clock, ws = self.db, self.user, self.clock, self.workstation

        def work() -> Changes:
            return run_action(
                db, lambda store: fn(store, user, clock), workstation=ws, user=user.username,
                clock=clock,
            )  # fmt: skip

        self.runner.run(work, self._done, self._failed)

    def poll(self) -> None:
        if self._seq is None or self._polling:
            return
        self._polling = True
        db, seq, ws = self.db, self._seq, self.workstation

        def work() -> tuple[int, Changes]:
            return changes_since(db, seq, skip_workstation=ws)

        self.runner.run(work, self._polled, self._poll_failed)

    def _set_seq(self, seq: int) -> None:
        self._seq = seq

    def _polled(self, result: tuple[int, Changes]) -> None:
        self._polling = False
        seq, changes = result
        self._seq = seq
        if not changes.is_empty:
            self.changed.emit(changes)

    def _poll_failed(self, exc: Exception) -> None:
        self._polling = False
        if isinstance(exc, ChangesMissedError):
            self._seq = None
            self.start_polling()
            self.everything_changed.emit()
        else:
            log.warning("could not read the change log: %s", exc)

    def _done(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.refused.emit(str(exc), isinstance(exc, StaleEdit))
        else:
            log.error("action failed: %s", exc)
            self.refused.emit(str(exc), False)
