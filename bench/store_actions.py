"""Switching through the SQL store on the demo district: one operate_device round trip
(session opened, turn taken, service run, change log written, committed), SQLite and PostgreSQL.

Timed per backend: the first action of a process (the network and the supply points are read
and the switching window replayed), then alternately closing and opening recloser
REC-471-CL-1 for its outage (a few thousand customers each way), with the per-database ledger
cache, and the same without it (every action replays the window). Target: <= 200 ms.

    .venv/bin/python bench/store_actions.py [--rounds N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import Database
from db.actions import caches_for, run_action
from db.seed import seed_demo
from db.store import SqlStore
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.demo import generate_demo_district
from ops.outages import services as outage_services
from ops.outages.switching import LedgerCache
from ops.planned.records import SwitchAction

TARGET_S = 0.200
DEVICE = "REC-471-CL-1"
NOW = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)
USER = User("dieudo", "bench", Role.DISPATCHER)


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench(url: str, rounds: int) -> dict[str, float]:
    seeder = Database(url)
    seeder.upgrade()
    seed_demo(seeder, generate_demo_district(NOW), at=NOW)
    seeder.dispose()
    db = Database(url)  # a console's Database: its caches start empty
    clock = FixedClock(NOW + timedelta(minutes=2))
    caches = caches_for(db)
    created: list[int] = []

    def trip() -> None:
        changes = run_action(
            db,
            lambda s: outage_services.record_trip(
                s, USER, clock, device_id=DEVICE, occurred_at=NOW, ledgers=caches.ledgers
            ),
            workstation="bench", user=USER.username, clock=clock,
        )  # fmt: skip
        assert changes.created_outage is not None
        created.append(changes.created_outage)

    def step(action: SwitchAction, ledgers: LedgerCache | None) -> None:
        clock.set(clock.now() + timedelta(minutes=1))

        def operate(store: SqlStore) -> object:
            outage = store.outages.get(created[0])
            assert outage is not None
            return outage_services.operate_device(
                store, USER, clock, outage_id=outage.outage_id, version=outage.version,
                device_id=DEVICE, action=action, occurred_at=clock.now(), ledgers=ledgers,
            )  # fmt: skip

        run_action(db, operate, workstation="bench", user=USER.username, clock=clock)

    first = timed(trip)
    actions = [SwitchAction.CLOSE, SwitchAction.OPEN] * rounds
    cached = [timed(lambda a=a: step(a, caches.ledgers)) for a in actions]
    uncached = [timed(lambda a=a: step(a, None)) for a in actions]
    db.dispose()
    return {
        "first action": first,
        "operate_device, median": statistics.median(cached),
        "operate_device, max": max(cached),
        "without ledger cache, median": statistics.median(uncached),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="close+open pairs per backend")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = bench(f"sqlite:///{Path(folder) / 'bench.db'}", args.rounds)
    if not args.no_postgres:
        from tests.postgres import create_database, postgres_server

        with postgres_server() as server:
            results["PostgreSQL"] = bench(create_database(server, "bench"), args.rounds)
    ok = True
    for backend, figures in results.items():
        print(backend)
        for name, seconds in figures.items():
            print(f"  {name:32s} {seconds * 1000:7.1f} ms")
        ok = ok and figures["operate_device, median"] <= TARGET_S
    print(f"target: operate_device median <= {TARGET_S * 1000:.0f} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
