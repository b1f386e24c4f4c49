"""The Accounts screen for administrators: every account, and what can be done to one.

Each change is one action run by the window's action runner as the signed-in administrator:
the services check the permission (and the last administrator), a refusal is shown here in
the interface language, and the change goes to the change log and the audit trail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal

from console.accounts.dialogs import ConfirmDisable, NewAccountDialog, PasswordDialog, RoleDialog
from console.accounts.model import AccountTableModel
from console.record_screen import RecordScreen
from db.repositories.accounts import read_accounts
from ops.access import accounts as services
from ops.access.signin import Account
from ops.stores import Changes

if TYPE_CHECKING:
    from console.actions import ActionRunner
    from console.window_parts import Workbench
    from db.store import SqlStore
    from ops.access.roles import User
    from ops.clock import Clock


class AccountsScreen(RecordScreen):
    """The accounts table with Add, Change role, Disable, Reset password and Unlock."""

    loaded = Signal()  # the table shows what the database holds now

    def __init__(self, bench: Workbench, actions: ActionRunner) -> None:
        self.model = AccountTableModel(bench.clock.now())
        super().__init__(
            bench, actions, self.model,
            [
                ("add", QCoreApplication.translate("AccountsScreen", "&Add…"), self.add),
                ("role", QCoreApplication.translate("AccountsScreen", "Change &role…"),
                 self.change_role),
                ("disable", QCoreApplication.translate("AccountsScreen", "&Disable…"),
                 self.disable),
                ("password", QCoreApplication.translate("AccountsScreen", "Reset &password…"),
                 self.reset_password),
                ("unlock", QCoreApplication.translate("AccountsScreen", "&Unlock"), self.unlock),
            ],
        )  # fmt: skip
        self.setWindowTitle(self.tr("Accounts"))
        self.setObjectName("accounts")
        self.resize(760, 420)
        actions.changed.connect(self._on_changed)
        self.reload()

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        db = self._bench.database
        self._bench.runner.run(lambda: read_accounts(db), self._show, self._read_failed)

    def _show(self, accounts: list[Account]) -> None:
        selected = self.selected()
        self.model.set_accounts(accounts, self._bench.clock.now())
        self.table.resizeColumnsToContents()  # whole names, not "Điều độ viên ..."
        row = self.model.row_of(selected.username) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        self._say(self.tr("Could not read the accounts: %1").replace("%1", str(exc)), error=True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.accounts:
            self.reload()

    def selected(self) -> Account | None:
        row = self.selected_row()
        return self.model.account_at(row) if row is not None else None

    # --- changes ----------------------------------------------------------------------

    def add(self) -> None:
        entry = NewAccountDialog.ask(self)
        if entry is None:
            return
        self._run(
            lambda store, user, clock: services.create_account(
                store, user, clock, username=entry.username, display_name=entry.display_name,
                role=entry.role, password=entry.password,
            ),
            self.tr("Account %1 created.").replace("%1", entry.username),
        )  # fmt: skip

    def change_role(self) -> None:
        account = self._selected_or_say()
        if account is None:
            return
        role = RoleDialog.ask(self, account.username, account.role)
        if role is None or role is account.role:
            return
        self._run(
            lambda store, user, clock: services.set_role(
                store, user, clock, username=account.username, version=account.version, role=role
            ),
            self.tr("The role of %1 changed.").replace("%1", account.username),
        )

    def disable(self) -> None:
        account = self._selected_or_say()
        if account is None or not ConfirmDisable.ask(self, account.username):
            return
        self._run(
            lambda store, user, clock: services.disable(
                store, user, clock, username=account.username, version=account.version
            ),
            self.tr("Account %1 disabled.").replace("%1", account.username),
        )

    def reset_password(self) -> None:
        account = self._selected_or_say()
        if account is None:
            return
        own = account.username == self._actions.user.username
        entry = PasswordDialog.ask(self, account.username, own=own)
        if entry is None:
            return
        self._run(
            lambda store, user, clock: services.change_password(
                store, user, clock, username=account.username, version=account.version,
                new_password=entry.new_password, old_password=entry.old_password,
            ),
            self.tr("The password of %1 was changed.").replace("%1", account.username),
        )  # fmt: skip

    def unlock(self) -> None:
        account = self._selected_or_say()
        if account is None:
            return
        self._run(
            lambda store, user, clock: services.unlock(
                store, user, clock, username=account.username, version=account.version
            ),
            self.tr("Account %1 unlocked.").replace("%1", account.username),
        )

    def _selected_or_say(self) -> Account | None:
        account = self.selected()
        if account is None:
            self._say(self.tr("Select an account first."), error=True)
        return account


def change_my_password(bench: Workbench) -> None:
    """Anyone signed in changes their own password, giving the present one."""
    actions, user = bench.action_runner, bench.user
    if actions is None or user is None:
        return
    entry = PasswordDialog.ask(bench.window(), user.username, own=True)
    if entry is None:
        return
    username = user.username

    def change(store: SqlStore, me: User, clock: Clock) -> Changes:
        account = store.accounts.get(username)
        version = account.version if account is not None else 0
        return services.change_password(
            store, me, clock, username=username, version=version,
            new_password=entry.new_password, old_password=entry.old_password or "",
        )  # fmt: skip

    actions.perform(
        change,
        on_done=lambda _changes: bench.status.show_message(
            QCoreApplication.translate("Accounts", "Your password was changed.")
        ),
        on_refused=lambda text, _stale: bench.status.show_message(text, error=True),
    )
