"""The status bar: which database, how many out, and the time in Vietnam."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from console.language.labels import number as _number
from ops.clock import to_local


class ElidedLabel(QLabel):
    """One line that never asks for more width than it gets: a long text ends in "…" and
    the whole of it is the tooltip, so the window never grows past the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn in the label's width."""
        line = " ".join(self.text().split())
        return self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, self.width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.rect(), int(align), self.shown_text())
        painter.end()


class ConsoleStatusBar(QStatusBar):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = ElidedLabel(self)
        self.message.setObjectName("statusMessage")
        self.database = QLabel(database, self)
        self.database.setObjectName("statusDatabase")
        self.database.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel(self)
        self.counts.setObjectName("statusCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.notices = QLabel(self)
        self.notices.setObjectName("statusNotices")
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.user = QLabel(self)
        self.user.setObjectName("statusUser")
        self.user.setTextFormat(Qt.TextFormat.PlainText)
        self.clock = QLabel(self)
        self.clock.setObjectName("statusClock")
        self.clock.setStyleSheet("font-weight:bold;")
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.notices)
        self.addPermanentWidget(self.database)
        self.addPermanentWidget(self.user)
        self.addPermanentWidget(self.clock)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color:#b00020;font-weight:bold;" if error else "")
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        self.show_message(text, error=True)

    def clear_message(self) -> None:
        self.message.clear()

    def set_counts(
        self, *, open_outages: int, customers_out: int, customers: int, crews_out: int, crews: int
    ) -> None:
        self.counts.setText(
            self.tr("Open outages: %1 · Customers out: %2 / %3 · Crews out: %4 / %5")
            .replace("%1", _number(open_outages))
            .replace("%2", _number(customers_out))
            .replace("%3", _number(customers))
            .replace("%4", str(crews_out))
            .replace("%5", str(crews))
        )

    def set_notice_counts(self, counts: Mapping[str, int]) -> None:
        """The outbox by status; failures in red, since someone has to act on them."""
        failed = counts.get("failed", 0)
        self.notices.setStyleSheet("color:#b00020;font-weight:bold;" if failed else "")
        self.notices.setText(
            self.tr("Notices: %1 waiting · %2 sent · %3 failed")
            .replace("%1", _number(counts.get("scheduled", 0) + counts.get("sending", 0)))
            .replace("%2", _number(counts.get("sent", 0)))
            .replace("%3", _number(failed))
        )

    def set_clock(self, now: datetime) -> None:
        local = to_local(now)
        self.clock.setText(local.strftime("%H:%M:%S %d/%m/%Y") + " (GMT+7)")
