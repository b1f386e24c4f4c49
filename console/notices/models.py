"""Table models of the notices panel: thin adapters over lists of domain records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.language.labels import plan_status
from console.language.translators import interface_language
from ops.clock import format_local
from ops.notices.outbox import OutboxMessage
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeEvent, NoticeKind, NoticeState
from ops.planned.records import PlannedOutage
from ops.wording import label

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records, columns of (header, text of a record)."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[R], str]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> R | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._columns[index.column()][1](self._rows[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0] if 0 <= section < len(self._columns) else None
        return None


def notice_kind(kind: NoticeKind) -> str:
    return label(kind, interface_language())


def notice_state(state: NoticeState) -> str:
    return label(state, interface_language())


def channel(kind: ChannelKind) -> str:
    return label(kind, interface_language())


def plan_model(parent: QObject) -> RecordTableModel[PlannedOutage]:
    columns: list[tuple[str, Callable[[PlannedOutage], str]]] = [
        (QCoreApplication.translate("NoticesPanel", "Plan"), lambda p: p.reference),
        (QCoreApplication.translate("NoticesPanel", "Status"), lambda p: plan_status(p.status)),
        (QCoreApplication.translate("NoticesPanel", "Starts"), lambda p: format_local(p.starts_at)),
        (QCoreApplication.translate("NoticesPanel", "Ends"), lambda p: format_local(p.ends_at)),
        (
            QCoreApplication.translate("NoticesPanel", "Customers"),
            lambda p: str(p.customers_affected),
        ),
        (QCoreApplication.translate("NoticesPanel", "Area"), lambda p: p.area_text),
    ]
    return RecordTableModel(columns, parent)


def notice_model(parent: QObject) -> RecordTableModel[NoticeEvent]:
    columns: list[tuple[str, Callable[[NoticeEvent], str]]] = [
        (QCoreApplication.translate("NoticesPanel", "No."), lambda n: str(n.sequence)),
        (QCoreApplication.translate("NoticesPanel", "Notice"), lambda n: notice_kind(n.kind)),
        (QCoreApplication.translate("NoticesPanel", "Due"), lambda n: format_local(n.due_at)),
        (QCoreApplication.translate("NoticesPanel", "State"), lambda n: notice_state(n.state)),
    ]
    return RecordTableModel(columns, parent)


def failure_model(parent: QObject) -> RecordTableModel[OutboxMessage]:
    columns: list[tuple[str, Callable[[OutboxMessage], str]]] = [
        (QCoreApplication.translate("NoticesPanel", "Customer"), lambda m: m.customer_id),
        (QCoreApplication.translate("NoticesPanel", "Channel"), lambda m: channel(m.channel)),
        (QCoreApplication.translate("NoticesPanel", "Attempts"), lambda m: str(m.attempts)),
        (QCoreApplication.translate("NoticesPanel", "Reason"), lambda m: m.last_error or ""),
    ]
    return RecordTableModel(columns, parent)
