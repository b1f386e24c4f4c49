"""PostgreSQL stopped under a running console: a banner, reconnection, nothing silently lost.

The server here is a cluster of the test's own (stopped and started again), not the shared
one the other database tests use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.actions import ActionRunner
from console.connection_banner import ConnectionBanner
from console.tasks import TaskRunner
from db import Database
from db.actions import run_action
from db.models import OutageEventRow
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.outages import remarks
from ops.stores import Changes
from tests.conftest import DEMO_NOW
from tests.postgres import _as_postgres, _binaries

USER = User("dieudo", "Điều độ viên", Role.DISPATCHER)
CLOCK = FixedClock(DEMO_NOW)


class Cluster:
    """A private PostgreSQL cluster on a Unix socket, to stop and start at will."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.root = Path(tempfile.mkdtemp(prefix="oms-pg-loss-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self.data, self.port = self.root / "data", 50_000 + os.getpid() % 5_000
        self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                 "--no-sync", "--locale=C.UTF-8")  # fmt: skip
        self.start()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={self.port}"

    def _pg(self, tool: str, *args: str) -> None:
        subprocess.run(_as_postgres([str(self.bin / tool), *args]), check=True,
                       capture_output=True)  # fmt: skip

    def start(self) -> None:
        options = f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off"
        self._pg("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                 str(self.root / "server.log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        subprocess.run(_as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m",
                                     "immediate", "stop"]), capture_output=True)  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def cluster_db(postgres_url: str, postgres_demo_template: str) -> Iterator[tuple[Cluster, str]]:
    """The demo district copied from the shared server into a cluster of this test's own."""
    from sqlalchemy.engine import make_url

    shared = make_url(postgres_url)
    cluster = Cluster()
    try:
        subprocess.run(_as_postgres([str(cluster.bin / "createdb"), "-h", str(cluster.root),
                                     "-p", str(cluster.port), "-U", "postgres", "demo"]),
                       check=True, capture_output=True)  # fmt: skip
        dump = subprocess.run(
            [str(cluster.bin / "pg_dump"), "-h", str(shared.query["host"]), "-p",
             str(shared.query["port"]), "-U", "postgres", "-Fc", postgres_demo_template],
            check=True, capture_output=True,
        ).stdout  # fmt: skip
        subprocess.run(
            [str(cluster.bin / "pg_restore"), "-h", str(cluster.root), "-p", str(cluster.port),
             "-U", "postgres", "-d", "demo", "--no-owner"],
            input=dump, check=True, capture_output=True,
        )  # fmt: skip
        yield cluster, cluster.url("demo")
    finally:
        cluster.remove()


def _remark(outage_id: int, text: str):  # type: ignore[no-untyped-def]
    def fn(store, user, clock) -> Changes:  # type: ignore[no-untyped-def]
        return remarks.add_remark(store, user, clock, outage_id=outage_id, text=text)

    return fn


def _remarks_saying(db: Database, text: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).where(OutageEventRow.text == text)) or 0)


def test_stopping_the_server_shows_a_banner_reconnects_and_loses_nothing_silently(
    qtbot, cluster_db: tuple[Cluster, str]
) -> None:  # type: ignore[no-untyped-def]
    cluster, url = cluster_db
    db = Database(url)
    other = Database(url)  # another workstation
    runner = TaskRunner()
    dispatcher = ActionRunner(db, runner, CLOCK, USER)
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    dispatcher.connection_lost.connect(banner.show_lost)
    dispatcher.connection_restored.connect(banner.show_restored)
    refusals: list[str] = []
    dispatcher.refused.connect(lambda message, _stale: refusals.append(message))
    try:
        dispatcher.start_polling()
        qtbot.waitUntil(lambda: dispatcher.listening, timeout=10_000)

        def other_remarks(text: str) -> None:
            run_action(other, lambda s: _remark(6, text)(s, USER, CLOCK), workstation="other")

        with qtbot.waitSignal(dispatcher.changed, timeout=1_000) as heard:
            other_remarks("before")
        assert heard.args[0].journal == {6}

        with qtbot.waitSignal(dispatcher.connection_lost, timeout=10_000):
            cluster.stop()
        assert banner.isVisible() and "No connection to the database" in banner.text()

        with qtbot.waitSignal(dispatcher.refused, timeout=20_000):
            dispatcher.perform(_remark(5, "while down"))
        assert refusals[-1].startswith("Not done") and "nothing was saved" in refusals[-1]

        with qtbot.waitSignal(dispatcher.connection_restored, timeout=30_000):
            cluster.start()
        assert not banner.isVisible()
        assert _remarks_saying(db, "while down") == 0  # reported as not done, and it was not

        with qtbot.waitSignal(dispatcher.changed, timeout=10_000) as done:
            dispatcher.perform(_remark(5, "after"))
        assert done.args[0].journal == {5} and _remarks_saying(db, "after") == 1
        with qtbot.waitSignal(dispatcher.changed, timeout=1_000) as heard:
            other_remarks("after restart")  # live updates came back with the connection
        assert heard.args[0].journal == {6}
    finally:
        dispatcher.stop()
        runner.wait()
        db.dispose()
        other.dispose()


@pytest.fixture
def _flush_deferred_deletes() -> Iterator[None]:
    # As in the GUI tests: the last web page must not outlive its profile.
    from PySide6.QtCore import QCoreApplication, QEvent

    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.slow
@pytest.mark.usefixtures("_flush_deferred_deletes")
def test_the_main_window_survives_the_server_going_away_and_coming_back(
    qtbot, cluster_db: tuple[Cluster, str]
) -> None:  # type: ignore[no-untyped-def]
    from console.app import prepare_environment
    from console.main_window import MainWindow

    cluster, url = cluster_db
    db = Database(url)
    prepare_environment()
    window = MainWindow(db, CLOCK, user=USER)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.map_loaded, timeout=60_000):
            window.start()
        dispatcher = window.action_runner
        assert dispatcher is not None
        qtbot.waitUntil(lambda: dispatcher.listening, timeout=10_000)
        assert not window.connection_banner.isVisible()

        with qtbot.waitSignal(dispatcher.connection_lost, timeout=10_000):
            cluster.stop()
        assert window.connection_banner.isVisible()
        with qtbot.waitSignal(window.action_refused, timeout=20_000) as refused:
            dispatcher.perform(_remark(5, "while down"))
        assert refused.args[0].startswith("Not done")
        window.refresh()  # the board cannot load meanwhile: a message, not a crash

        with qtbot.waitSignal(dispatcher.connection_restored, timeout=30_000):
            cluster.start()
        assert not window.connection_banner.isVisible()
        with qtbot.waitSignal(window.board_loaded, timeout=30_000):
            dispatcher.perform(_remark(5, "after"))  # applied, then the board reloads
        assert _remarks_saying(db, "while down") == 0 and _remarks_saying(db, "after") == 1
    finally:
        window.close()
        window.runner.wait()
        window.deleteLater()
        db.dispose()


def test_an_action_whose_commit_reply_was_lost_is_reported_once_checked(
    qtbot, postgres_url: str, postgres_demo_template: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    from tests.postgres import create_database

    url = create_database(postgres_url, f"doubt{os.getpid()}", template=postgres_demo_template)
    db = Database(url)
    runner = TaskRunner()
    dispatcher = ActionRunner(db, runner, CLOCK, USER)
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    dispatcher.connection_lost.connect(banner.show_lost)
    dispatcher.connection_restored.connect(banner.show_restored)
    dialect = db.engine.dialect
    commit = dialect.do_commit

    def reply_lost(dbapi_connection: object) -> None:
        # The server commits but its answer never arrives: this cannot be produced on
        # demand with a real network, so the fault is injected right after the real COMMIT.
        commit(dbapi_connection)
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    try:
        dispatcher.start_polling()
        qtbot.waitUntil(lambda: dispatcher.listening, timeout=10_000)
        monkeypatch.setattr(dialect, "do_commit", reply_lost)
        with qtbot.waitSignal(dispatcher.refused, timeout=10_000) as told:
            dispatcher.perform(_remark(5, "in doubt"))
        monkeypatch.undo()
        assert "whether it was saved is checked" in told.args[0] and banner.isVisible()
        saved: list[str] = []
        dispatcher.saved_after_all.connect(saved.append)
        # Reconnection (the server never went away) finds the change-log row, and the board
        # is reloaded: the action's changes were never applied here.
        with qtbot.waitSignal(dispatcher.everything_changed, timeout=20_000):
            pass
        assert len(saved) == 1 and "saved after all" in saved[0]
        assert not banner.isVisible() and _remarks_saying(db, "in doubt") == 1
    finally:
        dispatcher.stop()
        runner.wait()
        db.dispose()
