"""`SqlStore`: the domain's `ops.stores.Store` over one SQLAlchemy session (one unit of work).

The caller owns the session and its transaction (`db.actions.run_action` opens, commits or
rolls back); the store only reads and writes through it. Records go in and come out as frozen
domain records; no ORM object leaves `db`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from db.repositories.accounts import AccountRepository
from db.repositories.crews import CrewRepository
from db.repositories.journal import JournalRepository
from db.repositories.network_state import NetworkCache, NetworkStateRepository
from db.repositories.outages import OutageRepository
from db.repositories.switching import SwitchingLogRepository
from ops.clock import Clock, SystemClock
from ops.stores import Store


class SqlStore:
    """The repositories of one unit of work.

    `clock` dates what the store itself records (entry time in the switching log, when an
    assignment opened or closed, when an outage was closed); `entered_by` is the user name
    the switching log records. `network` is the per-database cache of the network model.
    """

    def __init__(
        self,
        session: Session,
        *,
        clock: Clock | None = None,
        entered_by: str = "",
        network: NetworkCache | None = None,
    ) -> None:
        clock = clock or SystemClock()
        self.session = session
        self._outages = OutageRepository(session, clock)
        self._journal = JournalRepository(session)
        self._crews = CrewRepository(session, clock)
        self._switching = SwitchingLogRepository(session, clock=clock, entered_by=entered_by)
        self._network = NetworkStateRepository(
            session, network or NetworkCache(), changed_at=self._switching.field_time
        )
        self._accounts = AccountRepository(session)

    @property
    def outages(self) -> OutageRepository:
        return self._outages

    @property
    def journal(self) -> JournalRepository:
        return self._journal

    @property
    def crews(self) -> CrewRepository:
        return self._crews

    @property
    def switching(self) -> SwitchingLogRepository:
        return self._switching

    @property
    def network(self) -> NetworkStateRepository:
        return self._network

    @property
    def accounts(self) -> AccountRepository:
        return self._accounts


if TYPE_CHECKING:  # mypy holds SqlStore to the domain's Protocol here
    _IS_A_STORE: type[Store] = SqlStore
