"""The crew panel: who is out, doing what, for which outage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTableView, QWidget

from console.language import labels
from console.outages.table import OUTAGE_MIME
from ops.clock import LOCAL_TZ, format_local
from ops.crews.records import Crew, CrewStatus
from ops.crews.shifts import CrewWorkload, ShiftWindow

Index = QModelIndex | QPersistentModelIndex
CREW_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class CrewCol(IntEnum):
    NAME = 0
    STATUS = 1
    OUTAGES = 2
    SHIFT_WORK = 3
    TYPE = 4
    MEMBERS = 5
    VEHICLE = 6
    PHONE = 7
    ON_DUTY = 8


_STATUS_COLOURS = {
    CrewStatus.AWAITING: "#e3f4e5",
    CrewStatus.ASSIGNED: "#fff4ce",
    CrewStatus.EN_ROUTE: "#dbeafe",
    CrewStatus.ARRIVED: "#fde2e1",
    CrewStatus.FIELD_COMPLETE: "#eeeeee",
}


class CrewTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Crew] = []
        self._references: dict[int, str] = {}
        self._workload: dict[str, CrewWorkload] = {}
        self._shift: ShiftWindow | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Crew"), self.tr("Status"), self.tr("Outages"), self.tr("Shift work"),
            self.tr("Type"), self.tr("Members"), self.tr("Vehicle"), self.tr("Phone"),
            self.tr("This shift"),
        ]  # fmt: skip

    def set_crews(
        self,
        crews: Sequence[Crew],
        references: dict[int, str],
        workload: Mapping[str, CrewWorkload] | None = None,
        shift: ShiftWindow | None = None,
    ) -> None:
        """Crews, outage id -> reference for what each works on, and the shift's work."""
        self.beginResetModel()
        self._rows = list(crews)
        self._references = dict(references)
        self._workload = dict(workload or {})
        self._shift = shift
        self.endResetModel()

    def update_crews(
        self,
        changed: Sequence[Crew],
        references: dict[int, str],
        workload: Mapping[str, CrewWorkload] | None = None,
        shift: ShiftWindow | None = None,
    ) -> None:
        """Changed crews' rows in place (new ones added), and the references and shift work of
        every row; no reset, so the view keeps its selection."""
        self._references = dict(references)
        self._workload = dict(workload or {})
        self._shift = shift
        for crew in (c for c in changed if c.retired):  # off the board
            row = self.row_of(crew.crew_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        changed = [c for c in changed if not c.retired]
        row_of = {c.crew_id: row for row, c in enumerate(self._rows)}
        added: list[Crew] = []
        for crew in changed:
            row = row_of.get(crew.crew_id)
            if row is None:
                added.append(crew)
                continue
            self._rows[row] = crew
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(CrewCol) - 1))
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        if self._rows:  # an outage's reference, the shift's work: any row may show them
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, CrewCol.OUTAGES), self.index(last, CrewCol.SHIFT_WORK)
            )

    def row_of(self, crew_id: str) -> int | None:
        return next((row for row, c in enumerate(self._rows) if c.crew_id == crew_id), None)

    def shift_work(self, crew_id: str) -> str:
        """E.g. "2 outage(s) · 3 h 10 min"; empty for a crew with no work in the shift."""
        work = self._workload.get(crew_id)
        if work is None:
            return ""
        minutes = int(work.worked.total_seconds() // 60)
        return (
            self.tr("%1 outage(s) · %2 h %3 min")
            .replace("%1", str(work.outages))
            .replace("%2", str(minutes // 60))
            .replace("%3", f"{minutes % 60:02d}")
        )

    def on_duty(self, crew: Crew) -> bool:
        """Whether the crew works the shift under way (a crew of no set shifts always does)."""
        if not crew.shifts or self._shift is None:
            return True
        return self._shift.start.astimezone(LOCAL_TZ).time() in crew.shifts

    def crew_at(self, row: int) -> Crew:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CrewCol)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = CrewCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match col:
                case CrewCol.NAME:
                    return c.name
                case CrewCol.STATUS:
                    return labels.crew_status(c.status)
                case CrewCol.OUTAGES:
                    return ", ".join(self._references.get(i, f"#{i}") for i in c.outage_ids)
                case CrewCol.SHIFT_WORK:
                    return self.shift_work(c.crew_id)
                case CrewCol.TYPE:
                    return labels.crew_type(c.crew_type)
                case CrewCol.MEMBERS:
                    return str(len(c.members))
                case CrewCol.VEHICLE:
                    return c.vehicle
                case CrewCol.PHONE:
                    return c.phone
                case CrewCol.ON_DUTY:
                    return self.tr("on duty") if self.on_duty(c) else self.tr("off duty")
        if role == Qt.ItemDataRole.ToolTipRole and col in (CrewCol.NAME, CrewCol.MEMBERS):
            return labels.plain_tooltip(
                "\n".join(f"{m.name} – {m.role} – {m.phone}" for m in c.members)
            )
        if role == Qt.ItemDataRole.ToolTipRole and col == CrewCol.SHIFT_WORK and self._shift:
            return (
                self.tr("Work in the shift %1 – %2")
                .replace("%1", format_local(self._shift.start))
                .replace("%2", format_local(self._shift.end))
            )
        if role == Qt.ItemDataRole.BackgroundRole and col == CrewCol.STATUS:
            return QBrush(QColor(_STATUS_COLOURS[c.status]))
        if role == CREW_ID_ROLE:
            return c.crew_id
        return None


class CrewView(QTableView):
    """The crew table; an outage dropped on a crew's row asks to assign that crew to it."""

    outage_dropped = Signal(int, str)  # outage id, crew id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.viewport().setAcceptDrops(True)

    def _target(self, event: QDropEvent | QDragMoveEvent) -> tuple[int, str] | None:
        payload = event.mimeData().data(OUTAGE_MIME)
        index = self.indexAt(event.position().toPoint())
        if payload.isEmpty() or not index.isValid():
            return None
        crew_id = index.siblingAtColumn(0).data(CREW_ID_ROLE)
        try:
            return int(bytes(payload.data()).decode()), str(crew_id)
        except ValueError:
            return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(OUTAGE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._target(event)
        if target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.outage_dropped.emit(*target)
