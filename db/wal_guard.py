"""Noticing that this process's SQLite write-ahead log was taken from under it, and stopping.

POSIX advisory locks belong to the process: closing any descriptor of the database file
(a file dialog sniffing the data folder, a checksum, a copy made with `open()`) drops every
lock SQLite holds on it. The next program that opens and closes the database (sqlite3,
send-notices, backup, a second console) then believes it was the last user, checkpoints and
deletes `-wal` and `-shm`; this process's later commits go into a log nobody else sees and
vanish at exit. SQLite cannot tell, so the engine checks before every transaction and every
commit that the `-wal` on disk is still the file its connections opened (device and inode:
one `stat`, about a microsecond) and refuses to go on, loudly, once it is not.
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Beside the database file: what SQLite keeps there, and what nothing else may replace.
SIDECARS = ("-wal", "-shm", "-journal")


class WalLostError(RuntimeError):
    """The database's write-ahead log is no longer the one the console writes into: nothing
    more can be saved by this process; it has to be restarted."""


_guards: weakref.WeakSet[WalGuard] = weakref.WeakSet()


def open_database_files() -> list[Path]:
    """The SQLite files this process has engines on (what nothing else may open)."""
    return sorted({guard.path for guard in list(_guards)})


def is_database_file(path: Path) -> bool:
    """Whether `path` is an open database of this process or one of SQLite's files beside it."""
    target = Path(os.path.abspath(path))
    for db in open_database_files():
        if target == db or any(target == db.with_name(db.name + s) for s in SIDECARS):
            return True
    return False


class WalGuard:
    """Watches one SQLite file's `-wal` for the engine whose connections write into it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(os.path.abspath(path))
        self._wal = str(self.path) + "-wal"
        self._lock = threading.Lock()
        self._live = 0  # DBAPI connections open on the file
        self._identity: tuple[int, int] | None = None  # (device, inode) of the -wal they use
        self.lost: str | None = None
        self.last_saved: datetime | None = None
        _guards.add(self)

    # --- pool events ----------------------------------------------------------------------

    def connected(self, _dbapi_connection: Any, _record: Any) -> None:
        """A new connection (after its PRAGMAs): it must use the log the others use."""
        with self._lock:
            found = self._stat()
            if self._live > 0 and self._identity is not None and found != self._identity:
                self._lose(found)
            if self._identity is None:
                self._identity = found
            self._live += 1

    def closed(self, _dbapi_connection: Any, _record: Any = None) -> None:
        """A connection closed; after the last one SQLite itself may remove the log."""
        with self._lock:
            self._live = max(0, self._live - 1)
            if self._live == 0:
                self._identity = None

    # --- connection events ----------------------------------------------------------------

    def before_transaction(self, _connection: Any) -> None:
        self.check()

    def before_commit(self, _connection: Any) -> None:
        self.check()
        self.last_saved = datetime.now().astimezone()

    def check(self) -> None:
        """Raise WalLostError unless the -wal on disk is the one this process writes into."""
        if self.lost is not None:
            raise WalLostError(self.lost)
        expected = self._identity
        if expected is None:  # a new file's log appears with its first transaction
            with self._lock:
                if self._live > 0 and self._identity is None:
                    self._identity = self._stat()
            return
        found = self._stat()
        if found != expected:
            with self._lock:
                self._lose(found)

    # ----------------------------------------------------------------------------------------

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self._wal)
        except FileNotFoundError:
            return None
        return (st.st_dev, st.st_ino)

    def _lose(self, found: tuple[int, int] | None) -> None:
        if self.lost is None:
            now = datetime.now().astimezone()
            what = "removed" if found is None else "replaced by another file"
            safe = (
                f"Actions saved up to {self.last_saved:%Y-%m-%d %H:%M:%S} are safe; "
                if self.last_saved
                else ""
            )
            self.lost = (
                f"Nothing more can be saved: the database's write-ahead log {self._wal} was "
                f"{what} while the console was writing into it (noticed {now:%H:%M:%S}). "
                "Something in this program opened and closed the database file outside SQLite "
                "(a file dialog or a copy looking into the data folder), which released the "
                "console's locks, and another program (sqlite3, send-notices, backup or a second "
                f"console) then closed the database and removed the log. {safe}nothing after "
                "that was saved by this console. Restart the console, then check its last "
                "actions."
            )
            log.critical("%s", self.lost)
        raise WalLostError(self.lost)
