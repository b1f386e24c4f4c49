"""Sign-in at start: accounts live in the database; repeated failures lock the account.

A database without any account (a district's network just imported) gets no sign-in nobody
could pass: `NoAccountMessage` names the command that creates the first administrator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db import Database
from db.actions import run_action
from db.repositories.accounts import has_accounts
from ops.access.accounts import FIRST_ADMINISTRATOR, sign_in
from ops.access.roles import User
from ops.access.signin import SignInOutcome, SignInResult
from ops.clock import Clock, format_local


def attempt(db: Database, clock: Clock, username: str, password: str) -> SignInResult:
    """One sign-in attempt, stored (failed-attempt count, lock-out) in its own transaction."""
    return run_action(
        db,
        lambda store: sign_in(store, clock, username=username.strip(), password=password),
        workstation="sign-in",
        clock=clock,
    )


class SignInDialog(QDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setObjectName("signIn")
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color:#b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(db.description, self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_sign_in(self) -> None:
        result = attempt(self._db, self._clock, self.username.text(), self.password.text())
        if result.outcome is SignInOutcome.SIGNED_IN and result.user is not None:
            self.user = result.user
            self.accept()
            return
        self.password.clear()
        if result.outcome is SignInOutcome.LOCKED and result.locked_until is not None:
            self.message.setText(
                self.tr("Too many failed attempts: the account is locked until %1.").replace(
                    "%1", format_local(result.locked_until, "%H:%M")
                )
            )
        elif result.outcome is SignInOutcome.DISABLED:
            self.message.setText(self.tr("This account is disabled."))
        else:
            self.message.setText(self.tr("Wrong user name or password."))

    @classmethod
    def ask(cls, db: Database, clock: Clock, parent: QWidget | None = None) -> User | None:
        """The signed-in user, or None if the person gave up. Tests replace this method."""
        dialog = cls(db, clock, parent)
        dialog.exec()
        return dialog.user


class NoAccountMessage:
    """Shown in place of the sign-in when the database has no account at all."""

    @staticmethod
    def applies(db: Database) -> bool:
        return not has_accounts(db)

    @staticmethod
    def text() -> str:
        return QCoreApplication.translate(
            "NoAccountMessage",
            "This database has no account yet, so nobody can sign in.\n\n"
            "Create the first administrator on the command line:\n\n"
            "    %1\n\n"
            "(with the same --db option, if the console was started with one), "
            "then start the console again.",
        ).replace("%1", FIRST_ADMINISTRATOR)

    @classmethod
    def show(cls, parent: QWidget | None = None) -> None:
        """The message until the person closes it. Tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate(
            "NoAccountMessage", "No account yet"), cls.text(), parent=parent)  # fmt: skip
        box.setObjectName("noAccount")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
