"""What the domain services need from storage, as Protocols, and what a service returns.

`db/` implements these over one session per user action (a unit of work): the console opens
it, calls one service, and commits; a domain error raised anywhere rolls the action back.
Repositories return frozen domain records. Every `update` names the version the user saw
and raises `ops.errors.StaleEdit` if the stored record has moved on since (the check belongs
in the UPDATE's WHERE clause, so two workstations cannot both win).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ops.access.signin import Account
from ops.crews.records import Crew
from ops.network.records import NetworkModel
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.journal import NewEntry
from ops.outages.records import JournalEntry, Outage


@dataclass(frozen=True, slots=True)
class SupplyPoint:
    """A customer where the tracing engine sees it: its node, and whether it is a priority."""

    customer_id: str
    node_id: str
    priority: bool = False


class OutageRepository(Protocol):
    def get(self, outage_id: int) -> Outage | None: ...

    def list_active(self) -> Sequence[Outage]:
        """Outages neither closed nor cancelled (restored ones included)."""
        ...

    def add(self, outage: Outage) -> Outage:
        """Store a new outage; the store numbers it (outage_id and reference are ignored).

        Returns the stored record, version 1.
        """
        ...

    def update(self, outage: Outage, *, expected_version: int) -> Outage:
        """Store the record; StaleEdit if the stored version is not `expected_version`.

        Returns the stored record with its new version (expected_version + 1).
        """
        ...


class JournalRepository(Protocol):
    def append(self, entry: NewEntry) -> JournalEntry:
        """Add a line (never edit one); returns it with its id."""
        ...

    def get(self, entry_id: int) -> JournalEntry | None: ...

    def for_outage(self, outage_id: int) -> Sequence[JournalEntry]: ...


class CrewRepository(Protocol):
    def get(self, crew_id: str) -> Crew | None: ...

    def find_by_name(self, name: str) -> Crew | None:
        """The crew of that name (names are unique in an office, case aside), retired or not."""
        ...

    def add(self, crew: Crew) -> None:
        """Store a new crew; its id is not in use (the service checked)."""
        ...

    def update(self, crew: Crew, *, expected_version: int) -> Crew:
        """Store status, position and `outage_ids` (the open assignments); StaleEdit as above."""
        ...


class SwitchingLog(Protocol):
    """Every device operation recorded, in the order recorded."""

    def since(self, at: datetime) -> Sequence[DeviceOperation]:
        """Operations whose field time is at or after `at`, in the order recorded."""
        ...

    def append(self, operation: DeviceOperation) -> None: ...


class NetworkState(Protocol):
    def model(self) -> NetworkModel:
        """The network with every switch as it is now."""
        ...

    def supply_points(self) -> Sequence[SupplyPoint]: ...

    def set_switch(self, device_id: str, is_open: bool) -> None: ...


class AccountRepository(Protocol):
    def get(self, username: str) -> Account | None: ...

    def list_all(self) -> list[Account]:
        """Every account, by user name."""
        ...

    def add(self, account: Account) -> Account:
        """Store a new account; the user name must be new (DomainError otherwise)."""
        ...

    def update(self, account: Account, *, expected_version: int) -> Account: ...


class Store(Protocol):
    """One unit of work: the repositories a service may use within one user action."""

    @property
    def outages(self) -> OutageRepository: ...

    @property
    def journal(self) -> JournalRepository: ...

    @property
    def crews(self) -> CrewRepository: ...

    @property
    def switching(self) -> SwitchingLog: ...

    @property
    def network(self) -> NetworkState: ...

    @property
    def accounts(self) -> AccountRepository: ...


@dataclass(frozen=True, slots=True)
class Changes:
    """What one action changed: the console broadcasts it once, each panel refreshes its part.

    The same value tells another workstation what to reload.
    """

    outages: frozenset[int] = frozenset()
    crews: frozenset[str] = frozenset()
    network: bool = False  # switch states, hence the map and who is dark
    journal: frozenset[int] = frozenset()  # outages whose journal grew
    accounts: frozenset[str] = frozenset()
    created_outage: int | None = None
    plans: frozenset[int] = frozenset()  # planned interruptions whose status or window changed
    notices: frozenset[int] = frozenset()  # plans whose notices were added or cancelled
    outbox: frozenset[int] = frozenset()  # plans whose outbox messages changed

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.outages | other.outages,
            self.crews | other.crews,
            self.network or other.network,
            self.journal | other.journal,
            self.accounts | other.accounts,
            self.created_outage if self.created_outage is not None else other.created_outage,
            self.plans | other.plans,
            self.notices | other.notices,
            self.outbox | other.outbox,
        )

    @property
    def planned_work(self) -> bool:
        """Whether planned interruptions, their notices or their outbox changed."""
        return bool(self.plans or self.notices or self.outbox)

    @property
    def is_empty(self) -> bool:
        return self == Changes()
