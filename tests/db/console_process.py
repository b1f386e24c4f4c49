"""A console's database side in a process of its own, driven by JSON lines on stdin.

    python -m tests.db.console_process DATABASE_URL WORKSTATION CLOCK_ISO

Commands: {"do": "load", "outage": 5}, {"do": "set_etr", "outage": 5, "version": 2,
"etr": ISO}, {"do": "seq"}, {"do": "wait_for_changes", "since": 7, "timeout": 5},
{"do": "quit"}. Each is answered with one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from typing import Any

from db import Database
from db.actions import changes_since, latest_change, run_action
from db.store import SqlStore
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews import services as crew_services
from ops.errors import DomainError
from ops.outages.records import EtrConfidence, EtrSource

POLL = 0.05  # seconds between two looks at the change log


def main(url: str, workstation: str, now: str) -> None:
    db = Database(url)
    clock = FixedClock(datetime.fromisoformat(now))
    user = User(f"dv.{workstation.lower()}", workstation, Role.DISPATCHER)
    for line in sys.stdin:
        command: dict[str, Any] = json.loads(line)
        if command["do"] == "quit":
            break
        print(json.dumps(answer(db, clock, user, workstation, command)), flush=True)
    db.dispose()


def answer(
    db: Database, clock: FixedClock, user: User, workstation: str, command: dict[str, Any]
) -> dict[str, Any]:
    if command["do"] == "load":
        with db.session() as s:
            outage = SqlStore(s).outages.get(command["outage"])
        assert outage is not None
        return {"version": outage.version, "etr": outage.etr.isoformat() if outage.etr else None}
    if command["do"] == "set_etr":
        try:
            run_action(
                db,
                lambda store: crew_services.set_etr(
                    store, user, clock, outage_id=command["outage"], version=command["version"],
                    etr=datetime.fromisoformat(command["etr"]), source=EtrSource.CREW,
                    confidence=EtrConfidence.HIGH,
                ),
                workstation=workstation, user=user.username, clock=clock,
            )  # fmt: skip
        except DomainError as exc:
            return {"refused": exc.code, "message": str(exc)}
        return {"ok": True}
    if command["do"] == "seq":
        return {"seq": latest_change(db)}
    if command["do"] == "wait_for_changes":
        deadline = time.monotonic() + command["timeout"]
        seq = command["since"]
        while time.monotonic() < deadline:
            seq, changes = changes_since(db, seq, skip_workstation=workstation)
            if not changes.is_empty:
                return {"seq": seq, "outages": sorted(changes.outages),
                        "journal": sorted(changes.journal)}  # fmt: skip
            time.sleep(POLL)
        return {"timeout": True}
    raise ValueError(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
