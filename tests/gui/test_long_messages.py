"""A long status-bar message or alert never widens the main window past the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from console.main_window import MainWindow


def test_a_long_status_message_keeps_the_window_width(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.width() == 1200)
    text = "Mất điện diện rộng trên xuất tuyến 471. " * 50  # 2,000 characters
    window.status.show_message(text[:2000])
    QApplication.processEvents()
    qtbot.wait(50)
    assert window.width() == 1200
    assert window.status.message.toolTip() == text[:2000]  # the whole text, on hovering
    shown = window.status.message.shown_text()
    assert shown.endswith("…") and len(shown) < 2000


def test_a_long_alert_wraps_instead_of_widening(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.width() == 1200)
    window.alerts.list.addItem("Quá hạn khôi phục SC-2026-0010. " * 70)
    QApplication.processEvents()
    qtbot.wait(50)
    assert window.width() == 1200
    assert window.alerts.list.wordWrap()
