"""A console whose SQLite log was taken from under it says so for good and saves nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db import Database
from ops.access.roles import Role
from ops.clock import FixedClock
from ops.stores import Changes
from tests.db.test_wal_loss import touch_outside_sqlite
from tests.gui.test_actions import signed_in_window

READ_AND_CLOSE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.close()
"""


def test_the_banner_says_restart_and_actions_are_refused(
    qtbot, demo_db: Database, demo_db_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    win = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)
    touch_outside_sqlite(demo_db_path)  # e.g. a file dialog that sniffed the data folder
    subprocess.run(  # send-notices from cron: opens, reads, closes, removes the -wal
        [sys.executable, "-c", READ_AND_CLOSE, str(demo_db_path)],
        check=True, timeout=60,
    )  # fmt: skip
    with qtbot.waitSignal(win.action_runner.database_lost, timeout=10_000) as lost:
        pass  # the next poll of the change log notices
    assert "Restart the console" in lost.args[0]
    qtbot.waitUntil(win.connection_banner.isVisible)
    assert win.connection_banner.text().startswith("STOP")

    with qtbot.waitSignal(win.action_runner.refused, timeout=10_000) as refused:
        win.action_runner.perform(lambda store, user, clock: Changes())
    assert "restart the console" in refused.args[0]
    win.action_runner.connection_restored.emit()  # a reconnection does not hide it
    assert win.connection_banner.isVisible()
    win.close()
    win.deleteLater()
