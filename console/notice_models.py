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

from ops.clock import format_local
from ops.notices.outbox import OutboxMessage
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeEvent, NoticeKind, NoticeState
from ops.planned import PlannedOutage, PlanStatus

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


def _t(text: str) -> str:
    return QCoreApplication.translate("NoticeLabels", text)


def plan_status(status: PlanStatus) -> str:
    return {
        PlanStatus.DRAFT: _t("Draft"),
        PlanStatus.APPROVED: _t("Approved"),
        PlanStatus.IN_PROGRESS: _t("In progress"),
        PlanStatus.COMPLETED: _t("Completed"),
        PlanStatus.POSTPONED: _t("Postponed"),
        PlanStatus.CANCELLED: _t("Cancelled"),
    }[status]


def notice_kind(kind: NoticeKind) -> str:
    return {
        NoticeKind.INITIAL: _t("First notice"),
        NoticeKind.REMINDER: _t("Reminder"),
        NoticeKind.POSTPONEMENT: _t("Postponement"),
        NoticeKind.CANCELLATION: _t("Cancellation"),
        NoticeKind.FINISHED: _t("Work finished"),
    }[kind]


def notice_state(state: NoticeState) -> str:
    return {
        NoticeState.SCHEDULED: _t("Scheduled"),
        NoticeState.SENT: _t("Sent"),
        NoticeState.CANCELLED: _t("Cancelled"),
    }[state]


def channel(kind: ChannelKind) -> str:
    return {
        ChannelKind.SMS: "SMS",
        ChannelKind.EMAIL: _t("E-mail"),
        ChannelKind.LETTER: _t("Letter"),
        ChannelKind.CSV: _t("Bulk sender (CSV)"),
    }[kind]


def plan_model(parent: QObject) -> RecordTableModel[PlannedOutage]:
    tr = parent.tr
    columns: list[tuple[str, Callable[[PlannedOutage], str]]] = [
        (tr("Plan"), lambda p: p.reference),
        (tr("Status"), lambda p: plan_status(p.status)),
        (tr("Starts"), lambda p: format_local(p.starts_at)),
        (tr("Ends"), lambda p: format_local(p.ends_at)),
        (tr("Customers"), lambda p: str(p.customers_affected)),
        (tr("Area"), lambda p: p.area_text),
    ]
    return RecordTableModel(columns, parent)


def notice_model(parent: QObject) -> RecordTableModel[NoticeEvent]:
    tr = parent.tr
    columns: list[tuple[str, Callable[[NoticeEvent], str]]] = [
        (tr("No."), lambda n: str(n.sequence)),
        (tr("Notice"), lambda n: notice_kind(n.kind)),
        (tr("Due"), lambda n: format_local(n.due_at)),
        (tr("State"), lambda n: notice_state(n.state)),
    ]
    return RecordTableModel(columns, parent)


def failure_model(parent: QObject) -> RecordTableModel[OutboxMessage]:
    tr = parent.tr
    columns: list[tuple[str, Callable[[OutboxMessage], str]]] = [
        (tr("Customer"), lambda m: m.customer_id),
        (tr("Channel"), lambda m: channel(m.channel)),
        (tr("Attempts"), lambda m: str(m.attempts)),
        (tr("Reason"), lambda m: m.last_error or ""),
    ]
    return RecordTableModel(columns, parent)
