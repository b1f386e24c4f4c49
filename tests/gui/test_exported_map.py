"""The exported map renders on its own, offline, in a browser engine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

import main
from console.map.view import OfflineGuard


def test_the_exported_file_draws_the_network_with_no_request_leaving_the_machine(  # type: ignore[no-untyped-def]
    qtbot, demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m.html"
    assert main.main(["--db", f"sqlite:///{demo_db_path}", "export-map", "--out", str(out)]) == 0
    profile = QWebEngineProfile()  # off the record: nothing cached from other tests
    guard = OfflineGuard(profile)
    profile.setUrlRequestInterceptor(guard)
    page = QWebEnginePage(profile)
    view = QWebEngineView()
    view.setPage(page)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loadFinished, timeout=60_000) as loaded:
        view.load(QUrl.fromLocalFile(str(out)))
    assert loaded.args == [True]
    with qtbot.waitCallback(timeout=10_000) as cb:
        page.runJavaScript("JSON.stringify(OmsMap.state())", 0, cb)
    assert '"ready":true' in cb.args[0]
    assert '"dark_segments":0' not in cb.args[0]
    assert guard.blocked == []
    # The page must go before its profile, or QtWebEngine warns and may crash at exit.
    view.close()
    page.deleteLater()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
