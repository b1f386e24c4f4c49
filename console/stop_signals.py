"""SIGTERM (a logout, a shutdown, `kill`) and Ctrl+C close the console at any moment.

Python runs a signal handler only when the interpreter gets control, and Qt's event loop does
not give it back by itself; so the C-level handler writes a byte to a socket
(`signal.set_wakeup_fd`) that a QSocketNotifier watches, and the slot it wakes lets Python run
the handler at once. The handler closes whatever modal dialog is open (the sign-in, a message,
a file dialog), so the code waiting on it goes on, then closes the window the normal way
(layout saved, work finished).
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_Handler = Callable[[int, FrameType | None], object] | int | None


class StopOnSignals(QObject):
    """While installed, SIGTERM and SIGINT close the modal dialogs and then `window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.requested = False
        self._previous: dict[int, _Handler] = {}
        self._previous_fd = -1
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._timer: QTimer | None = None

    def install(self) -> None:
        for sig in STOP_SIGNALS:
            self._previous[sig] = signal.signal(sig, self._on_signal)
        try:
            self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        except ValueError:  # not the main thread: a light timer gives Python control instead
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: None)
            self._timer.start(250)

    def uninstall(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        else:
            signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous.clear()
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _woken(self) -> None:
        try:  # the byte only woke Python up; the handler has run by now
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("%s received: the console closes", signal.Signals(signum).name)
        self.requested = True
        QTimer.singleShot(0, self.stop)  # out of the handler, into the event loop

    def stop(self) -> None:
        """Close every modal dialog, then the window."""
        self.requested = True
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self._window:
            modal.close()
        self._window.close()
