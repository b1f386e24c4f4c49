"""A console process SIGKILLed in the middle of a burst of actions loses nothing it reported.

Run as a module, this file is the working console:

    python -m tests.e2e.test_crash_safety DATABASE_URL COUNT

It makes COUNT actions through the real services, alternating a journal remark and an ETR
change, and prints one JSON line per committed action, flushed, as soon as it commits.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from db import Database
from db.actions import run_action
from db.models import OutageEventRow
from db.store import SqlStore
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews import services as crew_services
from ops.outages import remarks
from ops.outages.records import EtrConfidence, EtrSource
from tests.conftest import DEMO_NOW

ROOT = Path(__file__).resolve().parents[2]
NOW = DEMO_NOW + timedelta(minutes=10)
USER = User("dieudo", "Điều độ viên", Role.DISPATCHER)
REMARKED, ETR_OUTAGE = 6, 5
BURST, KILL_AFTER = 1_000, 300


def _burst(url: str, count: int) -> None:
    db = Database(url)
    clock = FixedClock(NOW)
    with db.session() as s:
        outage = SqlStore(s).outages.get(ETR_OUTAGE)
    assert outage is not None
    version = outage.version
    for n in range(count):
        if n % 2 == 0:
            run_action(db, lambda store, n=n: remarks.add_remark(
                store, USER, clock, outage_id=REMARKED, text=f"burst {n}"),
                workstation="crash")  # fmt: skip
            done: dict[str, Any] = {"n": n, "remark": f"burst {n}"}
        else:
            etr = NOW + timedelta(hours=1, minutes=n)
            run_action(db, lambda store, etr=etr, version=version: crew_services.set_etr(
                store, USER, clock, outage_id=ETR_OUTAGE, version=version, etr=etr,
                source=EtrSource.CREW, confidence=EtrConfidence.HIGH),
                workstation="crash")  # fmt: skip
            version += 1
            done = {"n": n, "version": version, "etr": etr.isoformat()}
        print(json.dumps(done), flush=True)


def test_a_killed_burst_leaves_a_sound_database_with_every_reported_action(
    demo_db_url: str,
) -> None:
    db = Database(demo_db_url)
    with db.session() as s:
        start = SqlStore(s).outages.get(ETR_OUTAGE)
    assert start is not None
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.test_crash_safety", demo_db_url, str(BURST)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    reported: list[dict[str, Any]] = []
    assert child.stdout is not None
    for line in child.stdout:  # blocks until the child reports, no sleeping
        reported.append(json.loads(line))
        if len(reported) == KILL_AFTER:
            child.send_signal(signal.SIGKILL)  # mid-burst, likely inside a transaction
            break
    child.wait()
    for line in child.stdout:  # what it printed before dying counts as reported too
        reported.append(json.loads(line))
    child.communicate()
    assert child.returncode == -signal.SIGKILL and len(reported) < BURST

    try:
        with db.engine.connect() as conn:
            if db.is_sqlite:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            else:
                # The killed session's transaction is gone and its locks with it.
                stuck = conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
                )).scalar()  # fmt: skip
                assert stuck == 0
        with db.session() as s:
            burst = OutageEventRow.text.like("burst %")
            stored = set(s.scalars(select(OutageEventRow.text).where(
                OutageEventRow.outage_id == REMARKED, burst)))  # fmt: skip
            duplicates = s.scalar(select(func.count()).select_from(
                select(OutageEventRow.text).where(burst).group_by(OutageEventRow.text)
                .having(func.count() > 1).subquery()))  # fmt: skip
            outage = SqlStore(s).outages.get(ETR_OUTAGE)
        assert outage is not None
        assert {r["remark"] for r in reported if "remark" in r} <= stored
        assert duplicates == 0
        etrs = [r for r in reported if "version" in r]
        # Every reported ETR change is there; at most the one in flight got further.
        assert outage.version in (etrs[-1]["version"], etrs[-1]["version"] + 1)
        if outage.version == etrs[-1]["version"]:
            assert outage.etr is not None and outage.etr.isoformat() == etrs[-1]["etr"]
        assert len(stored) in (len(reported) - len(etrs), len(reported) - len(etrs) + 1)
        # The database still takes actions (no lock left behind by the dead process).
        run_action(db, lambda store: remarks.add_remark(
            store, USER, FixedClock(NOW), outage_id=REMARKED, text="after the crash"),
            workstation="check")  # fmt: skip
    finally:
        db.dispose()


if __name__ == "__main__":
    _burst(sys.argv[1], int(sys.argv[2]))
