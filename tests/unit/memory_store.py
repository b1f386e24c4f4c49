"""An in-memory `ops.stores.Store` for service tests: what db/ implements, minus the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from ops.access.signin import Account
from ops.crews.records import Crew
from ops.errors import DomainError, StaleEdit
from ops.network.records import NetworkModel
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.journal import NewEntry
from ops.outages.lifecycle import FINAL_STATUSES
from ops.outages.records import JournalEntry, Outage
from ops.stores import SupplyPoint


def _stale(what: str, expected: int, stored: int) -> StaleEdit:
    return StaleEdit(f"{what} was changed by someone else", seen=expected, stored=stored)


@dataclass
class MemoryOutages:
    rows: dict[int, Outage] = field(default_factory=dict)

    def get(self, outage_id: int) -> Outage | None:
        return self.rows.get(outage_id)

    def list_active(self) -> Sequence[Outage]:
        return [o for o in self.rows.values() if o.status not in FINAL_STATUSES]

    def add(self, outage: Outage) -> Outage:
        outage_id = len(self.rows) + 1
        stored = replace(
            outage,
            outage_id=outage_id,
            reference=f"SC-{outage.started_at.year}-{outage_id:04d}",
            version=1,
        )
        self.rows[outage_id] = stored
        return stored

    def update(self, outage: Outage, *, expected_version: int) -> Outage:
        stored = self.rows[outage.outage_id]
        if stored.version != expected_version:
            raise _stale(f"outage {stored.reference}", expected_version, stored.version)
        self.rows[outage.outage_id] = replace(outage, version=expected_version + 1)
        return self.rows[outage.outage_id]


@dataclass
class MemoryJournal:
    rows: list[JournalEntry] = field(default_factory=list)

    def append(self, entry: NewEntry) -> JournalEntry:
        stored = JournalEntry(
            len(self.rows) + 1, entry.outage_id, entry.kind.value, entry.text,
            entry.occurred_at, entry.entered_at, entry.entered_by, entry.corrects, entry.data,
        )  # fmt: skip
        self.rows.append(stored)
        return stored

    def get(self, entry_id: int) -> JournalEntry | None:
        return self.rows[entry_id - 1] if 0 < entry_id <= len(self.rows) else None

    def for_outage(self, outage_id: int) -> Sequence[JournalEntry]:
        return [e for e in self.rows if e.outage_id == outage_id]

    def kinds(self, outage_id: int) -> list[str]:
        return [e.kind for e in self.for_outage(outage_id)]


@dataclass
class MemoryCrews:
    rows: dict[str, Crew] = field(default_factory=dict)

    def get(self, crew_id: str) -> Crew | None:
        return self.rows.get(crew_id)

    def find_by_name(self, name: str) -> Crew | None:
        return next((c for c in self.rows.values() if c.name.casefold() == name.casefold()), None)

    def add(self, crew: Crew) -> None:
        self.rows[crew.crew_id] = crew

    def update(self, crew: Crew, *, expected_version: int) -> Crew:
        stored = self.rows[crew.crew_id]
        if stored.version != expected_version:
            raise _stale(f"crew {stored.name}", expected_version, stored.version)
        self.rows[crew.crew_id] = replace(crew, version=expected_version + 1)
        return self.rows[crew.crew_id]


@dataclass
class MemorySwitching:
    rows: list[DeviceOperation] = field(default_factory=list)

    def since(self, at: datetime) -> Sequence[DeviceOperation]:
        return [op for op in self.rows if op.at >= at]

    def append(self, operation: DeviceOperation) -> None:
        self.rows.append(operation)


@dataclass
class MemoryNetwork:
    current: NetworkModel
    points: tuple[SupplyPoint, ...]

    def model(self) -> NetworkModel:
        return self.current

    def supply_points(self) -> Sequence[SupplyPoint]:
        return self.points

    def set_switch(self, device_id: str, is_open: bool) -> None:
        self.current = replace(
            self.current,
            switches=tuple(
                replace(s, is_open=is_open) if s.switch_id == device_id else s
                for s in self.current.switches
            ),
        )

    def is_open(self, device_id: str) -> bool:
        return next(s.is_open for s in self.current.switches if s.switch_id == device_id)


@dataclass
class MemoryAccounts:
    rows: dict[str, Account] = field(default_factory=dict)

    def get(self, username: str) -> Account | None:
        return self.rows.get(username)

    def list_all(self) -> list[Account]:
        return [self.rows[name] for name in sorted(self.rows)]

    def add(self, account: Account) -> Account:
        if account.username in self.rows:
            raise DomainError(f"the user name {account.username} is taken")
        self.rows[account.username] = replace(account, version=1)
        return self.rows[account.username]

    def update(self, account: Account, *, expected_version: int) -> Account:
        stored = self.rows[account.username]
        if stored.version != expected_version:
            raise _stale(f"account {stored.username}", expected_version, stored.version)
        self.rows[account.username] = replace(account, version=expected_version + 1)
        return self.rows[account.username]


@dataclass
class MemoryStore:
    """One store for a whole test (the unit of work never rolls back here)."""

    network: MemoryNetwork
    outages: MemoryOutages = field(default_factory=MemoryOutages)
    journal: MemoryJournal = field(default_factory=MemoryJournal)
    crews: MemoryCrews = field(default_factory=MemoryCrews)
    switching: MemorySwitching = field(default_factory=MemorySwitching)
    accounts: MemoryAccounts = field(default_factory=MemoryAccounts)
