"""One user action = one unit of work, and the change log that tells the other workstations.

    changes = run_action(db, lambda store: operations.operate_device(store, user, clock, ...),
                         workstation=ws, user=user.username, clock=clock)

`run_action` opens a session, makes the action wait its turn (actions are serialised
database-wide, see `take_turn`), runs the service on a `SqlStore`, writes the `Changes` it
returns to the change log in the same transaction, and commits. A domain error (or any other)
rolls everything back and propagates. Another console polls `changes_since(db, seq)`, or on
PostgreSQL listens (`db.live`): the change is announced by NOTIFY in the same transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast
from weakref import WeakKeyDictionary

from sqlalchemy import Table, select

from db.database import Database
from db.live import announce, is_connection_error
from db.models import ChangeLogRow
from db.repositories.change_log import (
    bounds,
    changes_of,
    latest_seq,
    record_changes,
    rows_after,
    take_turn,
)
from db.repositories.network_state import NetworkCache
from db.store import SqlStore
from ops.clock import Clock, SystemClock
from ops.outages.switching import LedgerCache
from ops.stores import Changes

R = TypeVar("R")
_LOG = cast(Table, ChangeLogRow.__table__)


class ChangesMissedError(RuntimeError):
    """The change log no longer holds everything after the console's position (the database
    was restored from a backup, or the console was away for very long): reload everything."""


@dataclass
class DatabaseCaches:
    """What stays valid between actions on one database; keep it as long as the Database."""

    ledgers: LedgerCache = field(default_factory=LedgerCache)
    network: NetworkCache = field(init=False)

    def __post_init__(self) -> None:
        # A network imported again makes the replayed ledger meaningless: forget it too.
        self.network = NetworkCache(on_reload=self.ledgers.clear)


_caches: WeakKeyDictionary[Database, DatabaseCaches] = WeakKeyDictionary()
_caches_lock = threading.Lock()


def caches_for(db: Database) -> DatabaseCaches:
    """The caches of this Database object (made on first use, dropped with it).

    Pass `caches_for(db).ledgers` as the `ledgers=` argument of the switching services.
    """
    with _caches_lock:
        found = _caches.get(db)
        if found is None:
            found = _caches[db] = DatabaseCaches()
        return found


def warm_up(db: Database) -> None:
    """Read the network and its supply points into the caches now (~0.4 s on the demo), e.g.
    on the worker thread once the window shows, so the first action does not wait for it."""
    with db.session() as session:
        caches_for(db).network.network(session)


def run_action(
    db: Database,
    fn: Callable[[SqlStore], R],
    *,
    workstation: str,
    user: str = "",
    clock: Clock | None = None,
) -> R:
    """Run `fn` on a store over one transaction and commit; returns what `fn` returns.

    A returned `Changes` that is not empty (or the `changes` of a returned result that
    carries one, such as a notice decision's `Decided`) goes to the change log with
    `workstation`, in the same transaction. `user` is the name the switching log records as
    having entered an operation; `clock` dates what the store records itself (use the
    service's clock).
    """
    clock = clock or SystemClock()
    seq: int | None = None
    committing = False
    try:
        with db.session() as session:
            take_turn(session)
            store = SqlStore(session, clock=clock, entered_by=user, network=caches_for(db).network)
            result = fn(store)
            changes = changes_of_result(result)
            if changes is not None and not changes.is_empty:
                seq = record_changes(session, changes, workstation=workstation, at=clock.now())
                if not db.is_sqlite:  # delivered to listening consoles when this commits
                    announce(session, seq, workstation, changes)
                session.flush()
            committing = True
    except Exception as exc:
        # The connection broke while COMMIT was on its way: the server may have committed.
        if seq is not None and committing and is_connection_error(exc):
            raise OutcomeUnknownError(seq, workstation) from exc
        raise
    return result


def changes_of_result(result: object) -> Changes | None:
    """What an action's result says it changed: itself if a `Changes`, else its `changes`."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class OutcomeUnknownError(RuntimeError):
    """The connection was lost during COMMIT: whether the action was saved is not known yet.

    Once the database answers again, `was_saved(db, error)` tells.
    """

    def __init__(self, seq: int, workstation: str) -> None:
        super().__init__(
            "The connection to the database was lost while the action was being saved; "
            "whether it was saved will be checked when the connection is back."
        )
        self.seq, self.workstation = seq, workstation


def was_saved(db: Database, error: OutcomeUnknownError) -> bool:
    """Whether the action behind `error` was committed (its change-log row is there)."""
    with db.session() as s:
        row = s.execute(
            select(_LOG.c.workstation).where(_LOG.c.seq == error.seq)
        ).scalar_one_or_none()
    return row == error.workstation[:64]


def latest_change(db: Database) -> int:
    """The number of the newest change (0 if none): what a console starts polling from."""
    with db.session() as s:
        return latest_seq(s)


def changes_since(
    db: Database, seq: int, *, skip_workstation: str | None = None
) -> tuple[int, Changes]:
    """Everything changed after change `seq`, merged, and the newest change's number.

    `skip_workstation` leaves out a console's own changes (it has shown them already).
    Raises ChangesMissedError if the log cannot tell: pruned past `seq`, or a database
    restored from a backup that is behind it.
    """
    with db.session() as s:
        rows = rows_after(s, seq)
        if not rows or rows[0].seq != seq + 1:  # numbers may skip (a rolled-back insert)
            lowest, highest = bounds(s)
            if (highest or 0) < seq or (lowest is not None and lowest > seq + 1):
                raise ChangesMissedError(
                    f"the change log holds {lowest}..{highest}, not what followed {seq}"
                )
    merged = Changes()
    for row in rows:
        if skip_workstation is None or row.workstation != skip_workstation:
            merged |= changes_of(row)
    return (rows[-1].seq if rows else seq), merged
