"""The map: a thin QWebEngineView over the HTML `maps` builds, with a bridge back to Python.

Updates go in by `runJavaScript`, queued until the page has loaded; the page is never
reloaded to show a change. Clicks on the map come back through a QWebChannel bridge.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from ops.files import write_text_atomically

log = logging.getLogger(__name__)

_LOCAL_SCHEMES = {"file", "qrc", "data", "blob", "about"}
SNAPSHOT_SETTLE_MS = 150  # a page change reaches the compositor within a frame or two


class MapBridge(QObject):
    """The object the page sees as `omsBridge`: map clicks arrive here."""

    outage_clicked = Signal(int)
    crew_clicked = Signal(str)

    @Slot(str)
    def outageClicked(self, outage_id: str) -> None:
        try:
            self.outage_clicked.emit(int(outage_id))
        except ValueError:
            log.warning("map sent a malformed outage id: %r", outage_id)

    @Slot(str)
    def crewClicked(self, crew_id: str) -> None:
        self.crew_clicked.emit(crew_id)


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine: the control room may be isolated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() not in _LOCAL_SCHEMES:
            self.blocked.append(url.toString())
            log.warning("map tried to reach the network, blocked: %s", url.toString())
            info.block(True)


class _Page(QWebEnginePage):
    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.error("map script error: %s (%s:%d)", message, source, line)


class MapView(QWebEngineView):
    """Shows one map page and talks to it."""

    map_ready = Signal()
    map_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = MapBridge(self)
        self.guard = OfflineGuard(self)
        page = _Page(self)
        page.profile().setUrlRequestInterceptor(self.guard)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self.setPage(page)
        self._ready = False
        self._pending: list[str] = []
        self._dir = Path(tempfile.mkdtemp(prefix="oms-map-"))
        self.loadFinished.connect(self._on_load_finished)
        self.destroyed.connect(lambda *_: shutil.rmtree(self._dir, ignore_errors=True))

    @property
    def is_ready(self) -> bool:
        return self._ready

    def show_html(self, html: str) -> None:
        """Load a whole page (first load only; later changes go through `call`)."""
        self._ready = False
        path = self._dir / "map.html"
        # A file URL, not setHtml: setHtml silently fails above ~2 MB.
        write_text_atomically(path, html)
        self.load(QUrl.fromLocalFile(str(path)))

    def call(self, function: str, *args: Any) -> None:
        """Call `OmsMap.<function>(args…)` now, or as soon as the page is ready."""
        script = f"OmsMap.{function}({','.join(json.dumps(a, ensure_ascii=False) for a in args)});"
        if self._ready:
            self.page().runJavaScript(script)
        else:
            self._pending.append(script)

    def snapshot(self, done: Callable[[QPixmap], None]) -> None:
        """The map as it is on screen, for a printed report: without the zoom buttons and the
        layer checkboxes (OmsMap.setSnapshot), which mean nothing on paper. The page repaints
        asynchronously, so the picture is taken a moment after the controls are hidden."""
        if not self._ready:
            done(self.grab())
            return

        def hidden(_: Any) -> None:
            QTimer.singleShot(SNAPSHOT_SETTLE_MS, take)

        def take() -> None:
            picture = self.grab()
            self.page().runJavaScript("OmsMap.setSnapshot(false)")
            done(picture)

        self.page().runJavaScript("OmsMap.setSnapshot(true)", 0, hidden)

    def evaluate(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate JS and hand the result to `callback`; use JSON.stringify for objects."""
        self.page().runJavaScript(expression, 0, callback)

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            self.map_failed.emit("the map page did not load")
            return
        # OmsMap sets `ready` once it has drawn; the page script runs before loadFinished.
        self.evaluate("window.OmsMap && OmsMap.ready === true", self._after_ready_check)

    def _after_ready_check(self, ready: Any) -> None:
        if ready is not True:
            self.map_failed.emit("the map page loaded but its script did not start")
            return
        self._ready = True
        for script in self._pending:
            self.page().runJavaScript(script)
        self._pending.clear()
        self.map_ready.emit()
