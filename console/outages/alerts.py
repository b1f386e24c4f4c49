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
from ops.outages.deadlines import Deadline, DeadlineState, DeadlineTransition

OUTAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 2
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 3
EXPLAINED_ROLE = Qt.ItemDataRole.UserRole + 4


class AlertsPanel(QWidget):
    """Lists alerts; double-click (or Enter) selects the outage; 'Acknowledge all' clears.

    A breach asks for its reason: 'Explain breach…' on the selected breach (the list keeps
    the breach, marked, until acknowledged).
    """

    outage_chosen = Signal(int)
    explanation_requested = Signal(object, str)  # the breached Deadline, the outage reference

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self.title = QLabel(self.tr("Deadline alerts"), self)
        self.title.setStyleSheet("font-weight:bold;font-size:11pt;")
        self.list = QListWidget(self)
        self.list.setObjectName("alertList")
        self.list.setWordWrap(True)  # a long alert wraps instead of widening the window
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._chosen)
        self.acknowledge = QPushButton(self.tr("Acknowledge all"), self)
        self.acknowledge.clicked.connect(self.clear)
        self.explain = QPushButton(self.tr("Explain breach…"), self)
        self.explain.setObjectName("explainBreach")
        self.explain.setEnabled(False)
        self.explain.clicked.connect(self._explain_current)
        self.may_explain = False  # the signed-in role's (Permission.EXPLAIN_BREACH)
        self.list.currentItemChanged.connect(lambda *_: self._update_explain())
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.explain)
        head.addWidget(self.acknowledge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.show()

    def add(
        self, transition: DeadlineTransition, text: str, now: datetime, reference: str = ""
    ) -> None:
        item = QListWidgetItem(f"{format_local(now, '%H:%M')}  {text}")
        breached = transition.deadline.state is DeadlineState.BREACHED
        item.setBackground(QBrush(QColor("#f4a6a6" if breached else "#ffe08a")))
        item.setData(OUTAGE_ID_ROLE, transition.deadline.subject_id)
        item.setData(DEADLINE_ROLE, transition.deadline)
        item.setData(REFERENCE_ROLE, reference)
        self.list.insertItem(0, item)
        if breached and self.list.currentItem() is None:
            self.list.setCurrentItem(item)
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

    def mark_explained(self, deadline: Deadline) -> None:
        """The reason for this breach was sent: say so on its line."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(DEADLINE_ROLE) == deadline and not item.data(EXPLAINED_ROLE):
                item.setData(EXPLAINED_ROLE, True)
                item.setText(item.text() + "  ✓ " + self.tr("reason given"))
        self._update_explain()

    def _breach_of(self, item: QListWidgetItem | None) -> Deadline | None:
        if item is None or item.data(EXPLAINED_ROLE):
            return None
        deadline = item.data(DEADLINE_ROLE)
        if isinstance(deadline, Deadline) and deadline.state is DeadlineState.BREACHED:
            return deadline
        return None

    def allow_explaining(self, allowed: bool) -> None:
        """Whether the person signed in may give a breach's reason (the service checks too)."""
        self.may_explain = allowed
        self._update_explain()

    def _update_explain(self) -> None:
        breach = self._breach_of(self.list.currentItem())
        self.explain.setEnabled(self.may_explain and breach is not None)

    def _explain_current(self) -> None:
        item = self.list.currentItem()
        deadline = self._breach_of(item)
        if item is not None and deadline is not None:
            self.explanation_requested.emit(deadline, str(item.data(REFERENCE_ROLE) or ""))

    def clear(self) -> None:
        self.list.clear()
        self._update_title()
        self._update_explain()

    def _update_title(self) -> None:
        n = self.list.count()
        base = self.tr("Deadline alerts")
        self.title.setText(f"{base} ({n})" if n else base)
        self.title.setStyleSheet(
            "font-weight:bold;font-size:11pt;" + ("color:#b00020;" if n else "")
        )

    def _chosen(self, item: QListWidgetItem) -> None:
        self.outage_chosen.emit(int(item.data(OUTAGE_ID_ROLE)))
