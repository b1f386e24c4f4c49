"""Test data for the SQL store on the demo district: users, clocks, drafts, one action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import func, select

from db import Database
from db.actions import caches_for, run_action
from db.models import ChangeLogRow, OutageEventRow, OutageRow, SwitchingOperationRow
from db.store import SqlStore
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.outages.switching import LedgerCache
from tests.conftest import DEMO_NOW

R = TypeVar("R")

DISPATCHER = User("dieudo", "Điều độ viên", Role.DISPATCHER)
VIEWER = User("xem", "Người xem", Role.VIEWER)

# On feeder 471 Cao Lãnh, in the normal state: the recloser and a sectionaliser behind it.
RECLOSER = "REC-471-CL-1"
SECTIONALISER = "SEC-471-CL-1"


def minutes_after_seed(n: float) -> datetime:
    return DEMO_NOW + timedelta(minutes=n)


def clock_at(n: float) -> FixedClock:
    """A clock `n` minutes after the demo was seeded."""
    return FixedClock(minutes_after_seed(n))


def act(db: Database, fn: Callable[[SqlStore], R], clock: FixedClock, workstation: str = "A") -> R:
    """One user action through `run_action`, as the console runs it."""
    return run_action(db, fn, workstation=workstation, user=DISPATCHER.username, clock=clock)


def ledgers(db: Database) -> LedgerCache:
    return caches_for(db).ledgers


def a_draft(started_at: datetime = DEMO_NOW, **overrides: object) -> Outage:
    """A new unplanned outage record as a service hands it to `outages.add`."""
    fields: dict[str, object] = {
        "outage_id": 0, "reference": "", "kind": OutageKind.UNPLANNED,
        "status": OutageStatus.CONFIRMED, "device_id": RECLOSER, "feeder_id": "F471-CL",
        "cause": "", "started_at": started_at, "reported_at": started_at, "restored_at": None,
        "etr": None, "etr_source": None, "etr_confidence": None, "etr_changes": 0,
        "customers_affected": 0, "customers_out": 0, "priority_customers": 0,
        "position": (105.63, 10.46),
    }  # fmt: skip
    fields.update(overrides)
    return Outage(**fields)  # type: ignore[arg-type]


def counts(db: Database) -> dict[str, int]:
    """Rows in the tables an action writes: equal before and after means nothing was written."""
    with db.session() as s:
        return {
            row.__tablename__: int(s.scalar(select(func.count()).select_from(row)) or 0)
            for row in (OutageRow, OutageEventRow, SwitchingOperationRow, ChangeLogRow)
        }
