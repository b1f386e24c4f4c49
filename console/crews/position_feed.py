"""Follows the position file a vehicle-tracking system drops, and records what it says.

The file is watched (a tracker that replaces the file by renaming a new one over it is
seen through its folder) and read again every 30 s in case a change notice was missed. Each
read runs on the window's task runner as one action of the signed-in user: the whole file
is recorded or none of it. A problem is shown on the status bar once, not at every re-read,
until it changes or goes away.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from console.language.refusals import refusal_text
from ops.access.roles import Permission, can
from ops.errors import DomainError
from ops.stores import Changes

if TYPE_CHECKING:
    from console.window_parts import Workbench

log = logging.getLogger(__name__)

RECHECK_MS = 30_000
SETTLE_MS = 500  # a change notice comes while the tracker is still writing: wait a moment


@dataclass(frozen=True, slots=True)
class _Read:
    digest: str
    changes: Changes | None  # None: the same file as last recorded, nothing done


class PositionFeed(QObject):
    """The crew position file named in the settings (`crew_positions_file`)."""

    positions_recorded = Signal(object)  # Changes: crews moved
    problem_shown = Signal(str)  # each distinct problem, once
    checked = Signal()  # a read has finished, whatever its outcome

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window())
        self._w = bench
        self._path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.check)
        self._busy = False
        self._again = False
        self._recorded: str | None = None  # digest of the content last recorded
        self._problem: str | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: str | Path | None) -> None:
        """Follow this file (empty or None: stop following) and read it now."""
        self.stop()
        self._path = Path(path).expanduser() if path else None
        self._recorded, self._problem = None, None
        if self._path is None:
            return
        self._rewatch()
        self._recheck.start()
        self.check()

    def stop(self) -> None:
        self._recheck.stop()
        self._settle.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _soon(self, _path: str) -> None:
        self._settle.start()

    def _rewatch(self) -> None:
        # A file replaced by a rename drops off the watcher; its folder stays watched.
        if self._path is None:
            return
        for target in (self._path.parent, self._path):
            name = str(target)
            if target.exists() and name not in self._watcher.files() + self._watcher.directories():
                self._watcher.addPath(name)

    def check(self) -> None:
        """Read the file on the task runner and record its positions."""
        path, runner = self._path, self._w.action_runner
        if path is None or runner is None or not can(runner.user, Permission.ASSIGN_CREW):
            return  # a viewer's console leaves the file to the dispatchers'
        if self._busy:
            self._again = True
            return
        self._busy = True
        recorded = self._recorded
        db, user, clock = runner.db, runner.user, runner.clock
        workstation = runner.workstation

        def work() -> _Read:
            from db.actions import run_action
            from db.wal_guard import is_database_file
            from ops.crews.positions import positions_from_file, record_positions

            if is_database_file(path):  # reading it outside SQLite would drop SQLite's locks
                raise DomainError(
                    "{file} is the console's database, not a position file", file=path.name
                )
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest == recorded:
                return _Read(digest, None)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DomainError(
                    "{file} is not UTF-8 text ({reason})", file=path.name, reason=exc.reason
                ) from exc
            changes = run_action(
                db,
                lambda store: record_positions(
                    store, user, clock,
                    positions_from_file(text, clock.now(), store.crews.list_all()),
                ),
                workstation=workstation, user=user.username, clock=clock,
            )  # fmt: skip
            return _Read(digest, changes)

        self._w.runner.run(work, self._done, self._failed)

    def _done(self, read: _Read) -> None:
        self._recorded = read.digest
        if self._problem is not None:
            self._problem = None
            self._w.status.show_message(self.tr("Crew positions: the file is read again."))
        if read.changes is not None and not read.changes.is_empty:
            self.positions_recorded.emit(read.changes)
        self._finish()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, FileNotFoundError):
            text = self.tr("Crew position file %1 does not exist.").replace("%1", str(self._path))
        elif isinstance(exc, DomainError):
            text = self.tr("Crew positions not recorded: %1").replace("%1", refusal_text(exc))
        elif isinstance(exc, OSError):
            text = self.tr("Crew positions not recorded: %1").replace("%1", str(exc))
        else:
            log.error("crew position file: %s", exc)
            text = self.tr("Crew positions not recorded: %1").replace("%1", str(exc))
        if text != self._problem:
            self._problem = text
            self._w.status.show_message(text, error=True)
            self.problem_shown.emit(text)
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        self._rewatch()
        self.checked.emit()
        if self._again:
            self._again = False
            self.check()
