"""A real district from nothing: the network imported and the first administrator made on
the command line, then the console: the administrator adds a dispatcher in the Accounts
screen (and a crew), the dispatcher signs in, records a trip and sends that crew."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from console.accounts.dialogs import NewAccount, NewAccountDialog
from console.accounts.screen import AccountsScreen
from console.accounts.sign_in import attempt
from console.app import prepare_environment
from console.crews.crew_editor import CrewEditor
from console.crews.roster_screen import CrewsScreen
from console.main_window import MainWindow
from console.outages.action_dialogs import CrewChooser, TripDialog, TripReport
from db import Database
from db.repositories.accounts import read_accounts
from ops.access.roles import Role
from ops.clock import SystemClock
from ops.crews.records import CrewMember, CrewType
from ops.crews.roster import CrewDetails
from tests.gui.conftest import MAP_TIMEOUT_MS
from tests.unit.network_files import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "quan-tri-dien-luc"
DISPATCHER_PASSWORD = "dieu-do-ca-ngay"


@pytest.fixture(autouse=True)
def _flush_deferred_deletes() -> Iterator[None]:
    yield  # the last web page must not outlive its profile (a crash at exit)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main_py(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("OMS_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, *args], cwd=ROOT, env=env,
        input=stdin, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def console_as(qtbot, db: Database, clock: SystemClock, username: str, password: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """The console as it opens after a sign-in with this password (checked as at start)."""
    user = attempt(db, clock, username, password).user
    assert user is not None, f"{username} could not sign in"
    win = MainWindow(db, clock, user=user)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.map_loaded, timeout=MAP_TIMEOUT_MS):
        win.start()
    qtbot.waitUntil(lambda: win.board is not None, timeout=MAP_TIMEOUT_MS)
    return win


def test_a_new_district_from_import_to_a_crew_sent(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'district.db'}"
    imported = main_py(url, "import-network", str(EXAMPLE))
    assert imported.returncode == 0, imported.stderr[-3000:]
    made = main_py(
        url, "accounts", "add", "admin", "--role", "administrator", "--password-stdin",
        stdin=ADMIN_PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr[-3000:]
    assert ADMIN_PASSWORD not in made.stdout + made.stderr

    prepare_environment()
    clock = SystemClock()
    db = Database(url)
    try:
        admin = console_as(qtbot, db, clock, "admin", ADMIN_PASSWORD)
        assert admin.menus._manage_accounts.isEnabled()
        admin.menus.open_accounts()
        screen = admin.menus.accounts_screen
        assert isinstance(screen, AccountsScreen)
        qtbot.waitUntil(lambda: screen.model.row_of("admin") is not None)
        entry = NewAccount("dv.an", "Nguyễn Văn An", Role.DISPATCHER, DISPATCHER_PASSWORD)
        monkeypatch.setattr(NewAccountDialog, "ask", classmethod(lambda cls, parent: entry))
        screen.add()
        qtbot.waitUntil(lambda: screen.model.row_of("dv.an") is not None)
        assert {a.username: a.role for a in read_accounts(db)}["dv.an"] is Role.DISPATCHER
        crew = CrewDetails(
            crew_id="DOI-01", name="Đội sửa chữa 1", crew_type=CrewType.LINE,
            home_base="Điện lực Cao Lãnh", vehicle="66C-001.23", phone="0900000001",
            members=(CrewMember("Trần Văn Bình", "tổ trưởng", "0900000002"),),
        )  # fmt: skip
        assert admin.menus._manage_crews.isEnabled()
        admin.menus.open_crews()
        crews = admin.menus.crews_screen
        assert isinstance(crews, CrewsScreen)
        monkeypatch.setattr(CrewEditor, "ask", classmethod(lambda cls, *args: crew))
        crews.add()
        qtbot.waitUntil(lambda: crews.model.row_of("DOI-01") is not None)
        crews.close()
        screen.close()
        admin.close()

        dispatcher = console_as(qtbot, db, clock, "dv.an", DISPATCHER_PASSWORD)
        assert not dispatcher.menus._manage_accounts.isEnabled()
        assert not dispatcher.menus._manage_crews.isEnabled()
        board = dispatcher.board
        assert board is not None and [c.crew_id for c in board.crews] == ["DOI-01"]
        device = sorted(s.switch_id for s in board.network.switches if not s.is_open)[0]
        monkeypatch.setattr(
            TripDialog,
            "ask",
            classmethod(lambda cls, *a: TripReport(device, "lightning", "", clock.now())),
        )
        dispatcher.menus._record_trip()
        qtbot.waitUntil(
            lambda: (
                dispatcher.board is not None
                and any(o.status.is_open for o in dispatcher.board.outages)
            ),
            timeout=20_000,
        )
        outage = next(o for o in dispatcher.board.outages if o.status.is_open)  # type: ignore[union-attr]
        dispatcher.select_outage(outage.outage_id)
        qtbot.waitUntil(lambda: dispatcher.selected_outage_id() == outage.outage_id)
        monkeypatch.setattr(CrewChooser, "ask", classmethod(lambda cls, parent, crews: "DOI-01"))
        dispatcher.menus._assign_selected()
        qtbot.waitUntil(
            lambda: (
                dispatcher.board is not None
                and any(
                    c.crew_id == "DOI-01" and outage.outage_id in c.outage_ids
                    for c in dispatcher.board.crews
                )
            ),
            timeout=20_000,
        )
        dispatcher.close()
    finally:
        db.dispose()
