"""A database without any account: no sign-in nobody could pass, but the command to run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console import app
from console.accounts.sign_in import NoAccountMessage, SignInDialog
from console.language.translators import install_translators
from db import Database
from ops.access.roles import User
from ops.clock import SystemClock

COMMAND = "python main.py accounts add admin --role administrator"


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    db.upgrade()
    yield db
    db.dispose()


def test_no_account_shows_the_first_administrator_command_instead_of_the_sign_in(
    qtbot, empty_db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(NoAccountMessage, "show", classmethod(lambda cls, parent: shown.append(
        cls.text())))  # fmt: skip

    def no_dialog(*args: object) -> User | None:
        raise AssertionError("no sign-in dialog on a database without accounts")

    monkeypatch.setattr(SignInDialog, "ask", classmethod(no_dialog))
    monkeypatch.delenv(app.USER_ENV, raising=False)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert app._sign_in(empty_db, SystemClock(), parent) is None  # type: ignore[arg-type]
    assert len(shown) == 1 and COMMAND in shown[0]
    assert COMMAND in caplog.text  # and in the log, for whoever started it from a terminal

    # Unattended (OMS_USER / OMS_PASSWORD): no message box to wait on, only the log line.
    monkeypatch.setenv(app.USER_ENV, "dieudo")
    monkeypatch.setenv(app.PASSWORD_ENV, "demo1234")
    assert app._sign_in(empty_db, SystemClock(), parent) is None  # type: ignore[arg-type]
    assert len(shown) == 1


def test_the_message_reads_in_vietnamese_with_the_command_as_is(qapp) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "vi")
    try:
        text = NoAccountMessage.text()
        assert text.startswith("Cơ sở dữ liệu này chưa có tài khoản nào")
        assert COMMAND in text
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")
