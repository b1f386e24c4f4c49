"""The red line across the window while the database server cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ConnectionBanner(QLabel):
    """Says plainly that nothing can be saved until the connection is back; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(
            "background:#c62828;color:white;font-weight:bold;padding:6px;"
            "border-bottom:1px solid #8e0000;"
        )
        self.hide()

    def show_lost(self, reason: str) -> None:
        self.setText(
            self.tr(
                "No connection to the database: %1. Reconnecting automatically; actions "
                "cannot be saved until the connection is back."
            ).replace("%1", reason)
        )
        self.show()

    def show_database_lost(self, detail: str) -> None:
        """For good: this console can save nothing more (its SQLite log was removed)."""
        self.setText(
            self.tr("STOP: this console can save nothing more. Restart it. %1").replace(
                "%1", detail
            )
        )
        self.setProperty("database_lost", True)
        self.show()

    def show_restored(self) -> None:
        if self.property("database_lost"):
            return  # a reconnection does not undo it

        self.hide()
        self.clear()
