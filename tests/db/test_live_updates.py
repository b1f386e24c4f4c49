"""Live updates on PostgreSQL: a change at one console process reaches another by NOTIFY.

Run as a module, this file is the listening console:

    python -m tests.db.test_live_updates DATABASE_URL

prints {"ready": true} once it listens, then one JSON line per notice with its arrival time.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from db import Database
from db.actions import OutcomeUnknownError, run_action, was_saved
from db.live import MAX_PAYLOAD, ChangeListener, ListenerLostError, decode, encode
from db.live import is_connection_error as is_lost
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.errors import NotFound
from ops.outages import remarks
from ops.stores import Changes
from tests.db.test_two_consoles import NOW, Console

ROOT = Path(__file__).resolve().parents[2]
USER = User("dv.t", "T", Role.DISPATCHER)


@pytest.fixture
def pg_demo_url(postgres_url: str, postgres_demo_template: str) -> str:
    from tests.postgres import create_database

    return create_database(postgres_url, f"live{os.getpid()}_{time.monotonic_ns()}",
                           template=postgres_demo_template)  # fmt: skip


class Listener:
    """This module as a child process, listening on the database."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.db.test_live_updates", url], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def next(self, timeout: float = 20) -> dict[str, Any]:
        try:
            return dict(json.loads(self.lines.get(timeout=timeout)))
        except queue.Empty:
            self.process.kill()
            raise AssertionError(
                f"listener said nothing: {self.process.communicate()[1]}"
            ) from None

    def close(self) -> None:
        self.process.kill()
        self.process.communicate()


def test_a_change_at_one_console_reaches_another_within_a_second(pg_demo_url: str) -> None:
    listener = Listener(pg_demo_url)
    editor = Console(pg_demo_url, "A")
    try:
        assert listener.next() == {"ready": True}
        seen = editor.ask(do="load", outage=5)
        etr = (NOW + timedelta(hours=3)).isoformat()
        sent = time.time()
        assert editor.ask(do="set_etr", outage=5, version=seen["version"], etr=etr) == {"ok": True}
        heard = listener.next()
        assert heard["received"] - sent < 1.0  # the bound
        assert heard["workstation"] == "A"
        # What changed travels with the notice: only that part needs refreshing.
        assert heard["outages"] == [5] and heard["journal"] == [5] and heard["crews"] == []
        assert heard["network"] is False
        assert heard["seq"] == editor.ask(do="seq")["seq"]
    finally:
        editor.quit()
        editor.close()
        listener.close()


def test_only_committed_actions_are_announced_in_commit_order(pg_demo_url: str) -> None:
    db = Database(pg_demo_url)
    listener = ChangeListener(db.engine)
    listener.connect()
    clock = FixedClock(NOW)
    try:

        def remark(outage_id: int) -> Changes:
            return run_action(db, lambda s: remarks.add_remark(
                s, USER, clock, outage_id=outage_id, text="kiểm tra"), workstation="T")  # fmt: skip

        remark(5)
        with pytest.raises(NotFound):
            remark(999_999)  # rolled back: nobody hears of it
        remark(6)
        notices = listener.wait(5)
        while len(notices) < 2:
            more = listener.wait(5)
            assert more, notices
            notices += more
        assert [n.changes.journal for n in notices if n.changes] == [{5}, {6}]
        assert notices[0].seq < notices[1].seq and {n.workstation for n in notices} == {"T"}
        assert listener.wait(0.2) == []
    finally:
        listener.close()
        db.dispose()


def test_a_change_too_large_for_a_notification_says_so() -> None:
    small = decode(encode(7, "ws", Changes(outages=frozenset({1, 2})), sent_at=1.5))
    assert small.changes == Changes(outages=frozenset({1, 2})) and small.seq == 7
    many = Changes(journal=frozenset(range(5_000)))
    payload = encode(8, "ws", many, sent_at=1.5)
    assert len(payload.encode()) < MAX_PAYLOAD
    big = decode(payload)
    assert big.changes is None and big.seq == 8  # the console reads the log for this one


def test_a_terminated_listener_reports_the_loss(pg_demo_url: str) -> None:
    db = Database(pg_demo_url)
    listener = ChangeListener(db.engine)
    listener.connect()
    try:
        with db.engine.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
            ))  # fmt: skip
            conn.commit()
        with pytest.raises(ListenerLostError) as lost:
            listener.wait(10)
        assert is_lost(lost.value) and not listener.connected
    finally:
        listener.close()
        db.dispose()


def test_an_action_cut_off_during_commit_is_checked_once_the_database_answers(
    pg_demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(pg_demo_url)
    clock = FixedClock(NOW)
    dialect = db.engine.dialect
    commit = dialect.do_commit

    def remark(text: str) -> Changes:
        return run_action(db, lambda s: remarks.add_remark(
            s, USER, clock, outage_id=5, text=text), workstation="T")  # fmt: skip

    def server_goes_away(dbapi_connection: Any) -> None:  # the backend dies as COMMIT is sent
        dbapi_connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        commit(dbapi_connection)

    def answer_lost(dbapi_connection: Any) -> None:  # committed, but the reply never came
        commit(dbapi_connection)
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    try:
        for fault, saved in ((server_goes_away, False), (answer_lost, True)):
            # A reply lost on the wire cannot be produced on demand: the fault is injected.
            monkeypatch.setattr(dialect, "do_commit", fault)
            with pytest.raises(OutcomeUnknownError) as cut:
                remark(f"cut off {fault.__name__}")
            monkeypatch.undo()
            assert is_lost(cut.value.__cause__ or cut.value)
            assert was_saved(db, cut.value) is saved
            with db.session() as s:
                stored = s.scalar(text("SELECT count(*) FROM outage_events WHERE text = :t"),
                                  {"t": f"cut off {fault.__name__}"})  # fmt: skip
            assert stored == int(saved)
    finally:
        db.dispose()


def _listen(url: str) -> None:
    db = Database(url)
    listener = ChangeListener(db.engine)
    listener.connect()
    print(json.dumps({"ready": True}), flush=True)
    while True:
        for notice in listener.wait(60):
            changes = notice.changes or Changes()
            print(json.dumps({
                "received": time.time(), "seq": notice.seq, "workstation": notice.workstation,
                "outages": sorted(changes.outages), "journal": sorted(changes.journal),
                "crews": sorted(changes.crews), "network": changes.network,
            }), flush=True)  # fmt: skip


if __name__ == "__main__":
    _listen(sys.argv[1])
