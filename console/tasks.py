"""One small task runner: blocking work off the GUI thread, results back on it by a signal.

Database work is serialised on one worker thread (one writer, predictable order); the
callbacks run on the GUI thread. Errors go to one handler instead of vanishing in a thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    # Emitted from the worker thread; Qt queues it to the GUI thread where the relay lives.
    finished = Signal(object, object)
    failed = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Any, on_error: Any) -> None:
        super().__init__()
        self._fn, self._relay, self._on_done, self._on_error = fn, relay, on_done, on_error

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            log.error("background task failed:\n%s", traceback.format_exc())
            self._relay.failed.emit(self._on_error, exc)
        else:
            self._relay.finished.emit(self._on_done, result)


class TaskRunner(QObject):
    """Runs callables on one worker thread and hands their results to the GUI thread."""

    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._relay.failed.connect(self._fail)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._pool.start(_Job(fn, self._relay, on_done, on_error))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (shutdown, tests)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, callback: Callable[[Any], None] | None, result: Any) -> None:
        if callback is not None:
            callback(result)

    def _fail(self, callback: Callable[[Exception], None] | None, exc: Exception) -> None:
        if callback is not None:
            callback(exc)
        else:
            self.error.emit(str(exc))
