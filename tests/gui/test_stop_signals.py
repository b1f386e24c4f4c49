"""A stop signal ends whatever modal dialog is open and closes the window, at once."""

from __future__ import annotations

import os
import signal
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from console.stop_signals import StopOnSignals


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("kind", [QDialog, QMessageBox])
def test_a_signal_during_a_modal_dialog_closes_it_and_the_window(
    qtbot, sig: signal.Signals, kind: type[QDialog]
) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    before = signal.getsignal(sig)
    stops = StopOnSignals(window)
    stops.install()
    assert signal.getsignal(sig) == stops._on_signal
    try:
        dialog = kind(window)
        dialog.setModal(True)
        QTimer.singleShot(200, lambda: os.kill(os.getpid(), sig))
        started = time.monotonic()
        result = dialog.exec()  # returns only once the signal closed it
        took = time.monotonic() - started
    finally:
        stops.uninstall()
    assert stops.requested and result == QDialog.DialogCode.Rejected
    assert took < 2, f"{took:.1f} s"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2_000)
    assert signal.getsignal(sig) == before  # the handlers given back
