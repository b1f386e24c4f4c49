"""The questions the Accounts screen asks: a new account, a role, a password.

Each dialog's `ask` returns what was entered (None when cancelled); tests replace it. The
password fields echo nothing and their text is handed to the service only, never logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.accounts.model import role_name
from ops.access.accounts import MIN_PASSWORD_LENGTH
from ops.access.roles import Role


def password_rule() -> str:
    """The rule the service enforces, shown beside every new password."""
    return QCoreApplication.translate(
        "Accounts",
        "A password needs at least %1 characters, not only digits, and not the user name.",
    ).replace("%1", str(MIN_PASSWORD_LENGTH))


@dataclass(frozen=True, slots=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str

    def __repr__(self) -> str:  # the password stays out of any log line
        return f"NewAccount({self.username!r}, {self.display_name!r}, {self.role.value})"


@dataclass(frozen=True, slots=True)
class PasswordEntry:
    new_password: str
    old_password: str | None = None

    def __repr__(self) -> str:
        return "PasswordEntry(…)"


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _roles(parent: QWidget, current: Role) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName("role")
    for role in Role:
        box.addItem(role_name(role), role)
    box.setCurrentIndex(list(Role).index(current))
    return box


class _PasswordForm(QDialog):
    """A form ending in the new password asked twice, the rule shown, a message line."""

    def _finish(self, form: QFormLayout) -> None:
        self.password = _password_field(self, "password")
        self.repeat = _password_field(self, "repeat")
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat it"), self.repeat)
        rule = QLabel(password_rule(), self)
        rule.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color:#b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def problem(self) -> str | None:
        """What keeps the form from being sent (the service checks the rule itself)."""
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        if not self.password.text():
            return self.tr("Enter the new password.")
        return None

    def check_and_accept(self) -> None:
        problem = self.problem()
        if problem is None:
            self.accept()
        else:
            self.message.setText(problem)


class NewAccountDialog(_PasswordForm):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.role = _roles(self, Role.DISPATCHER)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        self._finish(form)

    def problem(self) -> str | None:
        if not self.username.text().strip():
            return self.tr("Enter a user name.")
        return super().problem()

    def entry(self) -> NewAccount:
        return NewAccount(
            self.username.text().strip(),
            self.display_name.text().strip(),
            Role(self.role.currentData()),
            self.password.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewAccount | None:
        dialog = cls(parent)
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PasswordDialog(_PasswordForm):
    """A new password for an account; the present one too when it is one's own."""

    def __init__(self, parent: QWidget | None, username: str, *, own: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Change my password")
            if own
            else self.tr("Reset the password of %1").replace("%1", username)
        )
        form = QFormLayout()
        self.old: QLineEdit | None = None
        if own:
            self.old = _password_field(self, "oldPassword")
            form.addRow(self.tr("Present password"), self.old)
        self._finish(form)

    def entry(self) -> PasswordEntry:
        old = self.old.text() if self.old is not None else None
        return PasswordEntry(self.password.text(), old)

    @classmethod
    def ask(cls, parent: QWidget | None, username: str, *, own: bool) -> PasswordEntry | None:
        dialog = cls(parent, username, own=own)
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RoleDialog(QDialog):
    def __init__(self, parent: QWidget | None, username: str, current: Role) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Role of %1").replace("%1", username))
        self.role = _roles(self, current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.role)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, username: str, current: Role) -> Role | None:
        dialog = cls(parent, username, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Role(dialog.role.currentData())


class ConfirmDisable:
    """Disabling cannot be undone from the console (the account keeps its history)."""

    @classmethod
    def ask(cls, parent: QWidget | None, username: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Accounts", "Disable account"),
            QCoreApplication.translate(
                "Accounts", "Disable the account %1? It can no longer sign in."
            ).replace("%1", username),
        )
        return answer == QMessageBox.StandardButton.Yes
