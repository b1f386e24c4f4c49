"""The Accounts screen: an administrator's changes go through the services, refusals in
Vietnamese, passwords never shown; anyone changes their own password."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWidget

from console.accounts.dialogs import (
    ConfirmDisable,
    NewAccount,
    NewAccountDialog,
    PasswordDialog,
    PasswordEntry,
    RoleDialog,
)
from console.accounts.model import AccountTableModel
from console.accounts.screen import AccountsScreen, change_my_password
from console.actions import ActionRunner
from console.app import prepare_environment
from console.tasks import TaskRunner
from db import Database
from db.actions import run_action
from db.repositories.accounts import read_accounts
from ops.access.accounts import sign_in
from ops.access.roles import Role, User
from ops.access.signin import Account, SignInOutcome
from ops.clock import FixedClock

ADMIN = User("quantri", "Quản trị", Role.ADMINISTRATOR)


@dataclass
class Status:
    messages: list[tuple[str, bool]] = field(default_factory=list)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.messages.append((text, error))


class Bench(QWidget):
    """The part of the main window the Accounts screen uses."""

    def __init__(self, db: Database, clock: FixedClock, user: User) -> None:
        super().__init__()
        self.database, self.clock, self.user = db, clock, user
        self.runner = TaskRunner(self)
        self.status = Status()
        self.action_runner = ActionRunner(db, self.runner, clock, user, self)

    def window(self) -> QWidget:
        return self


def bench_for(qtbot, db: Database, clock: FixedClock, user: User) -> Bench:  # type: ignore[no-untyped-def]
    prepare_environment()
    bench = Bench(db, clock, user)
    qtbot.addWidget(bench)
    return bench


@pytest.fixture
def screen(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[AccountsScreen]:  # type: ignore[no-untyped-def]
    bench = bench_for(qtbot, demo_db, clock, ADMIN)
    assert bench.action_runner is not None
    screen = AccountsScreen(bench, bench.action_runner)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 5)
    yield screen
    screen.close()


def select(screen: AccountsScreen, username: str) -> None:
    row = screen.model.row_of(username)
    assert row is not None
    screen.table.selectRow(row)


def shown(screen: AccountsScreen, username: str) -> Account:
    """The account as the screen's table holds it now."""
    found = screen.model.account_at(screen.model.row_of(username) or 0)
    assert found is not None and found.username == username
    return found


def account(db: Database, username: str):  # type: ignore[no-untyped-def]
    return next(a for a in read_accounts(db) if a.username == username)


def test_the_table_passes_the_model_tester(qtmodeltester, demo_db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    model = AccountTableModel(clock.now())
    model.set_accounts(read_accounts(demo_db), clock.now())
    qtmodeltester.check(model, force_py=True)
    cells = {str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in range(5)}
    assert not any(a.password_hash in cells for a in read_accounts(demo_db))


def test_an_administrator_adds_an_account_that_can_sign_in(  # type: ignore[no-untyped-def]
    qtbot, screen: AccountsScreen, demo_db: Database, clock, monkeypatch
) -> None:
    entry = NewAccount("dv.an", "Nguyễn Văn An", Role.DISPATCHER, "an-mat-khau-1")
    monkeypatch.setattr(NewAccountDialog, "ask", classmethod(lambda cls, parent: entry))
    assert "an-mat-khau-1" not in repr(entry)
    screen.add()
    qtbot.waitUntil(lambda: screen.model.row_of("dv.an") is not None)
    assert account(demo_db, "dv.an").role is Role.DISPATCHER
    result = run_action(
        demo_db, lambda s: sign_in(s, clock, username="dv.an", password="an-mat-khau-1"),
        workstation="t", clock=clock,
    )  # fmt: skip
    assert result.outcome is SignInOutcome.SIGNED_IN


def test_a_weak_password_is_refused_in_vietnamese(  # type: ignore[no-untyped-def]
    qtbot, in_vietnamese, screen: AccountsScreen, demo_db: Database, monkeypatch
) -> None:
    entry = NewAccount("dv.binh", "", Role.VIEWER, "12345678")
    monkeypatch.setattr(NewAccountDialog, "ask", classmethod(lambda cls, parent: entry))
    screen.add()
    qtbot.waitUntil(lambda: "8" in screen.message.text())
    assert "ký tự" in screen.message.text()
    assert "dv.binh" not in {a.username for a in read_accounts(demo_db)}


def test_role_disable_unlock_and_reset(  # type: ignore[no-untyped-def]
    qtbot, screen: AccountsScreen, demo_db: Database, clock, monkeypatch
) -> None:
    monkeypatch.setattr(RoleDialog, "ask", classmethod(lambda cls, p, u, c: Role.SHIFT_LEAD))
    select(screen, "tongdai")
    screen.change_role()
    qtbot.waitUntil(lambda: account(demo_db, "tongdai").role is Role.SHIFT_LEAD)

    monkeypatch.setattr(
        PasswordDialog, "ask", classmethod(lambda cls, p, u, own: PasswordEntry("moi-mat-khau"))
    )
    qtbot.waitUntil(lambda: shown(screen, "tongdai").role is Role.SHIFT_LEAD)
    select(screen, "tongdai")
    screen.message.clear()
    screen.reset_password()
    qtbot.waitUntil(lambda: "tongdai" in screen.message.text())
    assert "moi-mat-khau" not in screen.message.text()
    for _ in range(6):
        run_action(
            demo_db, lambda s: sign_in(s, clock, username="tongdai", password="wrong-one"),
            workstation="t", clock=clock,
        )  # fmt: skip
    assert account(demo_db, "tongdai").locked_until is not None
    screen.reload()
    qtbot.waitUntil(lambda: shown(screen, "tongdai").version == account(demo_db, "tongdai").version)
    select(screen, "tongdai")
    screen.unlock()
    qtbot.waitUntil(lambda: account(demo_db, "tongdai").locked_until is None)
    result = run_action(
        demo_db, lambda s: sign_in(s, clock, username="tongdai", password="moi-mat-khau"),
        workstation="t", clock=clock,
    )  # fmt: skip
    assert result.outcome is SignInOutcome.SIGNED_IN

    monkeypatch.setattr(ConfirmDisable, "ask", classmethod(lambda cls, p, u: True))
    select(screen, "xem")
    screen.disable()
    qtbot.waitUntil(lambda: not account(demo_db, "xem").active)


def test_the_last_administrator_is_kept(  # type: ignore[no-untyped-def]
    qtbot, in_vietnamese, screen: AccountsScreen, demo_db, monkeypatch
) -> None:
    monkeypatch.setattr(ConfirmDisable, "ask", classmethod(lambda cls, p, u: True))
    select(screen, "quantri")
    screen.disable()
    qtbot.waitUntil(lambda: screen.message.text() != "")
    assert "quản trị" in screen.message.text().lower()
    assert account(demo_db, "quantri").active


def test_a_dispatcher_is_refused_by_the_service(qtbot, demo_db, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bench = bench_for(qtbot, demo_db, clock, User("dieudo", "Demo", Role.DISPATCHER))
    screen = AccountsScreen(bench, bench.action_runner)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 5)
    entry = NewAccount("lau", "", Role.ADMINISTRATOR, "lau-mat-khau")
    monkeypatch.setattr(NewAccountDialog, "ask", classmethod(lambda cls, parent: entry))
    screen.add()
    qtbot.waitUntil(lambda: screen.message.text() != "")
    assert "lau" not in {a.username for a in read_accounts(demo_db)}
    screen.close()


def test_anyone_changes_their_own_password_giving_the_present_one(  # type: ignore[no-untyped-def]
    qtbot, demo_db, clock, monkeypatch
) -> None:
    bench = bench_for(qtbot, demo_db, clock, User("xem", "Demo", Role.VIEWER))
    asked: list[bool] = []

    def ask(cls, parent, username, *, own):  # type: ignore[no-untyped-def]
        asked.append(own)
        return PasswordEntry("xem-mat-khau-moi", old_password="sai-roi-nhe")

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(ask))
    change_my_password(bench)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(bench.status.messages))
    assert asked == [True] and bench.status.messages[-1][1] is True  # wrong present password
    before = account(demo_db, "xem").password_hash

    monkeypatch.setattr(
        PasswordDialog, "ask",
        classmethod(lambda cls, p, u, own: PasswordEntry("xem-mat-khau-moi", "demo1234")),
    )  # fmt: skip
    change_my_password(bench)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(bench.status.messages) == 2)
    assert bench.status.messages[-1][1] is False
    assert account(demo_db, "xem").password_hash != before


def test_the_password_dialog_wants_both_fields_equal(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PasswordDialog(None, "xem", own=True)
    qtbot.addWidget(dialog)
    assert dialog.old is not None
    dialog.password.setText("mot-hai-ba-bon")
    dialog.repeat.setText("mot-hai-ba-nam")
    dialog.check_and_accept()
    assert dialog.result() == 0 and dialog.message.text()


@pytest.mark.parametrize(
    ("role", "manage"), [(Role.ADMINISTRATOR, True), (Role.DISPATCHER, False), (Role.VIEWER, False)]
)
def test_the_accounts_menu_follows_the_permission(qtbot, demo_db, clock, role, manage) -> None:  # type: ignore[no-untyped-def]
    from console.main_window import MainWindow

    prepare_environment()
    win = MainWindow(demo_db, clock, user=User("u", "U", role))
    qtbot.addWidget(win)
    assert win.menus._manage_accounts.isEnabled() is manage
    assert win.menus._change_password.isEnabled()
    if manage:
        win.menus.open_accounts()
        screen = win.menus.accounts_screen
        assert isinstance(screen, AccountsScreen)
        qtbot.waitUntil(lambda: screen.model.rowCount() >= 5)
        screen.close()
    win.close()
    win.deleteLater()


def test_new_account_dialog_hides_the_password_and_states_the_rule(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QLineEdit

    dialog = NewAccountDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.repeat.echoMode() is QLineEdit.EchoMode.Password
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("8" in text and "password" in text.lower() for text in texts)
    dialog.password.setText("mat-khau-dai")
    dialog.repeat.setText("mat-khau-dai")
    dialog.check_and_accept()  # no user name yet
    assert dialog.result() == 0 and dialog.message.text()
    dialog.username.setText(" dv.cuong ")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CALL_TAKER))
    dialog.check_and_accept()
    assert dialog.result() == 1
    entry = dialog.entry()
    assert (entry.username, entry.role, entry.password) == (
        "dv.cuong",
        Role.CALL_TAKER,
        "mat-khau-dai",
    )
    assert "mat-khau-dai" not in repr(entry)


def test_an_account_changed_elsewhere_is_refused_and_shown_anew(  # type: ignore[no-untyped-def]
    qtbot, in_vietnamese, screen: AccountsScreen, demo_db: Database, clock, monkeypatch
) -> None:
    from ops.access.accounts import set_role

    seen = shown(screen, "tongdai")
    run_action(
        demo_db,
        lambda s: set_role(s, ADMIN, clock, username="tongdai", version=seen.version,
                           role=Role.VIEWER),
        workstation="other", clock=clock,
    )  # fmt: skip
    monkeypatch.setattr(RoleDialog, "ask", classmethod(lambda cls, p, u, c: Role.SHIFT_LEAD))
    select(screen, "tongdai")
    screen.change_role()
    qtbot.waitUntil(lambda: "người khác" in screen.message.text())
    qtbot.waitUntil(lambda: shown(screen, "tongdai").role is Role.VIEWER)
    assert account(demo_db, "tongdai").role is Role.VIEWER
