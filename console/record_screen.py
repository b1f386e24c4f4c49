"""A screen that keeps one kind of record (accounts, crews): a table, a message line and a
row of buttons. Each change is one action run by the window's action runner; the message
line says what was done or, in the interface language, why it was refused, and a refusal
reads the records again (another workstation may have changed the one shown)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from console.actions import ActionRunner
    from console.window_parts import Workbench


class RecordScreen(QDialog):
    """The table, message line and buttons; subclasses read the records (`reload`)."""

    def __init__(
        self,
        bench: Workbench,
        actions: ActionRunner,
        model: QAbstractItemModel,
        buttons: Sequence[tuple[str, str, Callable[[], None]]],
    ) -> None:
        super().__init__(bench.window())
        self._bench, self._actions = bench, actions
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in buttons:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def reload(self) -> None:
        raise NotImplementedError

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _run(self, service: Callable[..., Any], done: str) -> None:
        self._actions.perform(
            service,
            on_done=lambda _result: self._say(done),
            on_refused=lambda text, _stale: self._refused(text),
        )

    def _refused(self, text: str) -> None:
        self._say(text, error=True)
        self.reload()  # a stale edit: show the record as it is now

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color:#b00020;" if error else "")
        self.message.setText(text)
