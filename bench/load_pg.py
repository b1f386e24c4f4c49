"""Load on PostgreSQL: five headless console processes, each ten actions a second, live updates.

Each console process (this file with --worker) makes its actions through the real services
and `run_action` (turn taken, change log, NOTIFY), and listens for the others' changes the
way a console does (`db.live.ChangeListener`, on a thread of its own here so that measuring
does not wait for its own actions). Half the actions are ETR changes on one shared outage
made with the version the process last saw (a stale one is refused, re-read and retried, as
a dispatcher would), half are journal remarks. At the end the database is checked: the
outage's version moved by exactly the number of ETR changes reported, every remark reported
is stored once, and every console heard of every other console's action.

    .venv/bin/python bench/load_pg.py [--seconds 60] [--consoles 5] [--rate 10] [--db URL]

Without --db a throw-away PostgreSQL server is started (Debian's binaries) and the demo
district is written into it. Prints p50/p95 action latency and p95 notification delay.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from db import Database
from db.actions import run_action
from db.live import ChangeListener
from db.models import OutageEventRow
from db.store import SqlStore
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.crews import services as crew_services
from ops.errors import StaleEdit
from ops.outages import remarks
from ops.outages.records import EtrConfidence, EtrSource

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 20, 3, 40, tzinfo=UTC)
ETR_OUTAGE, REMARK_OUTAGE = 5, 6


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# --- one console process ------------------------------------------------------------------


def worker(url: str, name: str, seconds: float, rate: float) -> None:
    db = Database(url)
    clock, user = FixedClock(NOW), User(f"dv.{name}", name, Role.DISPATCHER)
    heard: list[tuple[str, float]] = []  # (workstation, delay in seconds)
    listener = ChangeListener(db.engine)
    listener.connect()
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            for notice in listener.wait(0.2):
                heard.append((notice.workstation, time.time() - notice.sent_at))

    def seen_version() -> int:
        with db.session() as s:
            outage = SqlStore(s).outages.get(ETR_OUTAGE)
        assert outage is not None
        return outage.version

    def set_etr(n: int, version: int) -> None:
        etr = NOW + timedelta(hours=2, seconds=n)
        run_action(db, lambda st: crew_services.set_etr(
            st, user, clock, outage_id=ETR_OUTAGE, version=version, etr=etr,
            source=EtrSource.CREW, confidence=EtrConfidence.HIGH), workstation=name)  # fmt: skip

    def remark(n: int) -> None:
        run_action(db, lambda st: remarks.add_remark(
            st, user, clock, outage_id=REMARK_OUTAGE, text=f"load {name} {n}"),
            workstation=name)  # fmt: skip

    version = seen_version()
    print(json.dumps({"ready": name}), flush=True)
    assert sys.stdin.readline().strip() == "go"
    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    latencies: list[float] = []  # each action sent (run_action), refused or committed
    until_saved: list[float] = []  # an ETR change until saved, stale refusals and retries in

    def timed(fn: Callable[[], None]) -> None:
        t0 = time.perf_counter()
        try:
            fn()
        finally:
            latencies.append(time.perf_counter() - t0)

    counts = {"etr": 0, "remark": 0, "stale": 0, "errors": 0}
    errors: list[str] = []
    started = time.monotonic()
    n = 0
    while (due := started + n / rate) < started + seconds:
        time.sleep(max(0.0, due - time.monotonic()))  # pacing the load, not waiting on a result
        t0 = time.perf_counter()
        try:
            if n % 2 == 0:
                while True:
                    try:
                        timed(lambda k=n, v=version: set_etr(k, v))
                        break
                    except StaleEdit:  # another console moved it: look again, as a person would
                        counts["stale"] += 1
                        version = seen_version()
                version += 1
                counts["etr"] += 1
                until_saved.append(time.perf_counter() - t0)
            else:
                timed(lambda k=n: remark(k))
                counts["remark"] += 1
        except Exception as exc:  # counted and shown: the benchmark's verdict depends on it
            counts["errors"] += 1
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
        n += 1
    print(json.dumps({"done": name, "committed": counts["etr"] + counts["remark"]}), flush=True)
    expected = int(sys.stdin.readline())  # the others' actions, all committed by now
    deadline = time.monotonic() + 5
    while sum(1 for ws, _ in heard if ws != name) < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join()
    listener.close()
    db.dispose()
    others = [delay for ws, delay in heard if ws != name]
    print(json.dumps({"name": name, "counts": counts, "errors": errors[:5],
                      "latencies": latencies, "until_saved": until_saved,
                      "delays": others}), flush=True)  # fmt: skip


# --- the coordinator ----------------------------------------------------------------------


def _send(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdin is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()


def _read(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"a console process ended early (exit {proc.wait()})")
    return dict(json.loads(line))


def run(url: str, consoles: int, seconds: float, rate: float) -> bool:
    db = Database(url)

    def state() -> tuple[int, int]:
        with db.session() as s:
            outage = SqlStore(s).outages.get(ETR_OUTAGE)
            stored = s.scalar(select(func.count()).where(OutageEventRow.text.like("load %")))
        assert outage is not None
        return outage.version, int(stored or 0)

    version_before, remarks_before = state()
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", url, f"load-{i + 1}", str(seconds), str(rate)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for i in range(consoles)
    ]
    for p in procs:
        _read(p)  # ready
    for p in procs:
        _send(p, "go")
    committed = [int(_read(p)["committed"]) for p in procs]
    for p, own in zip(procs, committed, strict=True):
        _send(p, str(sum(committed) - own))
    results = [_read(p) for p in procs]
    for p in procs:
        p.wait()
    version_after, remarks_after = state()
    db.dispose()

    latencies = [x for r in results for x in r["latencies"]]
    delays = [x for r in results for x in r["delays"]]
    saved = [x for r in results for x in r["until_saved"]]
    total = {k: sum(r["counts"][k] for r in results) for k in ("etr", "remark", "stale", "errors")}
    expected_heard = sum(committed) * (consoles - 1)
    no_lost_update = version_after - version_before == total["etr"]
    remarks_kept = remarks_after - remarks_before == total["remark"]
    print(f"{consoles} consoles x {rate:g} actions/s x {seconds:g} s on PostgreSQL")
    print(
        f"  actions committed      {sum(committed):,} ({total['etr']:,} ETR changes, "
        f"{total['remark']:,} remarks); stale edits refused and retried: {total['stale']:,}"
    )
    print(f"  errors                 {total['errors']}")
    for r in results:
        for error in r["errors"]:
            print(f"    {r['name']}: {error}")
    print(
        f"  action latency         {len(latencies):,} sent, "
        f"p50 {percentile(latencies, 50) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 95) * 1000:.1f} ms, "
        f"max {percentile(latencies, 100) * 1000:.1f} ms"
    )
    print(
        f"  ETR change until saved p50 {percentile(saved, 50) * 1000:.1f} ms, "
        f"p95 {percentile(saved, 95) * 1000:.1f} ms (stale refusals and retries included)"
    )
    print(
        f"  notification delay     p50 {percentile(delays, 50) * 1000:.1f} ms, "
        f"p95 {percentile(delays, 95) * 1000:.1f} ms, max {percentile(delays, 100) * 1000:.1f} ms "
        f"(heard {len(delays):,} of {expected_heard:,})"
    )
    print(
        f"  lost updates           {'none' if no_lost_update else 'YES'} (outage version "
        f"+{version_after - version_before}, ETR changes reported {total['etr']})"
    )
    print(f"  remarks stored         {remarks_after - remarks_before:,} of {total['remark']:,}")
    achieved = sum(committed) / (consoles * seconds)
    print(
        f"  rate achieved          {achieved:.1f} actions/s per console "
        f"(mean {statistics.fmean(latencies) * 1000:.1f} ms per action)"
    )
    return (total["errors"] == 0 and no_lost_update and remarks_kept
            and len(delays) == expected_heard)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--consoles", type=int, default=5)
    parser.add_argument("--rate", type=float, default=10.0, help="actions per second each")
    parser.add_argument("--db", metavar="URL", help="a PostgreSQL database holding the demo")
    args = parser.parse_args()
    if args.db:
        ok = run(args.db, args.consoles, args.seconds, args.rate)
    else:
        from db.seed import seed_demo
        from ops.demo import generate_demo_district
        from tests.postgres import create_database, postgres_server

        with postgres_server() as server:
            url = create_database(server, "load")
            seeder = Database(url)
            seeder.upgrade()
            seed_demo(seeder, generate_demo_district(NOW - timedelta(minutes=10)),
                      at=NOW - timedelta(minutes=10))  # fmt: skip
            seeder.dispose()
            ok = run(url, args.consoles, args.seconds, args.rate)
    print("verdict: " + ("no errors, no lost update, every change heard" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
        sys.exit(0)
    sys.exit(main())
