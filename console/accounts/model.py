"""The accounts as a table: a thin adapter over the stored account records.

The password hash is never shown (nor any password): only the person, the role and the state.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ops.access.roles import Role
from ops.access.signin import Account
from ops.clock import format_local

AnyIndex = QModelIndex | QPersistentModelIndex


def role_name(role: Role) -> str:
    """The role as the interface language names it."""
    names = {
        Role.DISPATCHER: QCoreApplication.translate("Accounts", "dispatcher"),
        Role.SHIFT_LEAD: QCoreApplication.translate("Accounts", "shift lead"),
        Role.CALL_TAKER: QCoreApplication.translate("Accounts", "call taker"),
        Role.VIEWER: QCoreApplication.translate("Accounts", "viewer"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Accounts", "administrator"),
    }
    return names[role]


class AccountTableModel(QAbstractTableModel):
    """User name, name, role, active, locked (until when) of every account."""

    def __init__(self, now: datetime) -> None:
        super().__init__()
        self._accounts: list[Account] = []
        self._now = now

    def set_accounts(self, accounts: Sequence[Account], now: datetime) -> None:
        self.beginResetModel()
        self._accounts = sorted(accounts, key=lambda a: a.username)
        self._now = now
        self.endResetModel()

    def account_at(self, row: int) -> Account | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def row_of(self, username: str) -> int | None:
        for row, account in enumerate(self._accounts):
            if account.username == username:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("User name"),
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Active"),
            self.tr("Locked until"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        account = self.account_at(index.row()) if index.isValid() else None
        if account is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return account.username
        if column == 1:
            return account.display_name
        if column == 2:
            return role_name(account.role)
        if column == 3:
            return self.tr("yes") if account.active else self.tr("no (disabled)")
        if column == 4:
            locked = account.locked_until
            if locked is None or locked <= self._now:
                return ""
            return format_local(locked, "%H:%M %d/%m/%Y")
        return None
