"""One small task runner: blocking work off the GUI thread, results back on it by a signal.

Database work is serialised on one worker thread (one writer, predictable order); the
callbacks run on the GUI thread. Errors go to one handler instead of vanishing in a thread.
A thread of the console's own that must write (the notice sender, between two messages)
hands its database work to the same worker with `call` and waits for the result there.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ops.errors import DomainError

log = logging.getLogger(__name__)
R = TypeVar("R")
_on_worker = threading.local()  # set while a job runs: `call` from a job runs inline


class _Relay(QObject):
    # Emitted from the worker thread; Qt queues it to the GUI thread where the relay lives.
    finished = Signal(object, object)
    failed = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Any, on_error: Any) -> None:
        super().__init__()
        self._fn, self._relay, self._on_done, self._on_error = fn, relay, on_done, on_error

    def run(self) -> None:
        _on_worker.active = True
        try:
            result = self._fn()
        except DomainError as exc:  # a refusal: an expected outcome, one line
            log.info("refused (%s): %s", exc.code, exc)
            self._relay.failed.emit(self._on_error, exc)
        except Exception as exc:
            log.error("background task failed:\n%s", traceback.format_exc())
            self._relay.failed.emit(self._on_error, exc)
        else:
            self._relay.finished.emit(self._on_done, result)
        finally:
            _on_worker.active = False


class _Call(QRunnable):
    """A job whose result (or error) goes to a waiting thread, not to the GUI thread."""

    def __init__(self, fn: Callable[[], Any], future: Future[Any]) -> None:
        super().__init__()
        self._fn, self._future = fn, future

    def run(self) -> None:
        if not self._future.set_running_or_notify_cancel():
            return
        _on_worker.active = True
        try:
            self._future.set_result(self._fn())
        except BaseException as exc:  # the caller re-raises it in its own thread
            self._future.set_exception(exc)
        finally:
            _on_worker.active = False


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

    def call(self, fn: Callable[[], R]) -> R:
        """Run `fn` on the worker, in turn with everything queued before it, and return its
        result (or raise its error) in the calling thread, which waits meanwhile.

        For a thread other than the GUI thread (the GUI thread uses `run`); from a job on the
        worker it runs at once, as waiting for itself would never end.
        """
        if getattr(_on_worker, "active", False):
            return fn()
        future: Future[R] = Future()
        self._pool.start(_Call(fn, future))
        return future.result()

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
