"""The alert list: deadline breaches and near misses, newest first, until acknowledged."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from ops.clock import format_local
from ops.deadlines import DeadlineState, DeadlineTransition

OUTAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AlertsPanel(QWidget):
    """Lists alerts; double-click (or Enter) selects the outage; 'Acknowledge all' clears."""

    outage_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self.title = QLabel(self.tr("Deadline alerts"), self)
        self.title.setStyleSheet("font-weight:bold;font-size:11pt;")
        self.list = QListWidget(self)
        self.list.setObjectName("alertList")
        self.list.itemActivated.connect(self._chosen)
        self.acknowledge = QPushButton(self.tr("Acknowledge all"), self)
        self.acknowledge.clicked.connect(self.clear)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.acknowledge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.show()

    def add(self, transition: DeadlineTransition, text: str, now: datetime) -> None:
        item = QListWidgetItem(f"{format_local(now, '%H:%M')}  {text}")
        breached = transition.deadline.state is DeadlineState.BREACHED
        item.setBackground(QBrush(QColor("#f4a6a6" if breached else "#ffe08a")))
        item.setData(OUTAGE_ID_ROLE, transition.deadline.subject_id)
        self.list.insertItem(0, item)
        self._update_title()
        if self._tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Critical
                if breached
                else QSystemTrayIcon.MessageIcon.Warning
            )
            self._tray.showMessage(self.tr("Deadline alert"), text, icon, 10_000)

    def count(self) -> int:
        return self.list.count()

    def clear(self) -> None:
        self.list.clear()
        self._update_title()

    def _update_title(self) -> None:
        n = self.list.count()
        base = self.tr("Deadline alerts")
        self.title.setText(f"{base} ({n})" if n else base)
        self.title.setStyleSheet(
            "font-weight:bold;font-size:11pt;" + ("color:#b00020;" if n else "")
        )

    def _chosen(self, item: QListWidgetItem) -> None:
        self.outage_chosen.emit(int(item.data(OUTAGE_ID_ROLE)))
