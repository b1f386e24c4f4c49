"""The Crews screen for shift leads and administrators: the office's roster, retired crews
too, with Add, Edit and Retire. Each change is one action through the crew roster services
(which check the permission); a refusal is shown here in the interface language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from console.crews.crew_editor import CrewEditor
from console.language import labels
from console.record_screen import RecordScreen
from db.repositories.crews import CrewRepository
from ops.crews import roster
from ops.crews.records import Crew
from ops.stores import Changes

if TYPE_CHECKING:
    from console.actions import ActionRunner
    from console.window_parts import Workbench


AnyIndex = QModelIndex | QPersistentModelIndex


class RosterModel(QAbstractTableModel):
    """Id, name, type, home base, vehicle, phone, members, shifts, state of every crew."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Crew] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Id"), self.tr("Crew"), self.tr("Type"), self.tr("Home base"),
            self.tr("Vehicle"), self.tr("Phone"), self.tr("Members"), self.tr("Shifts"),
            self.tr("State"),
        ]  # fmt: skip

    def set_crews(self, crews: Sequence[Crew]) -> None:
        self.beginResetModel()
        self._rows = list(crews)
        self.endResetModel()

    def crew_at(self, row: int) -> Crew:
        return self._rows[row]

    def row_of(self, crew_id: str) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.crew_id == crew_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        shifts = ", ".join(f"{t:%H:%M}" for t in c.shifts) or self.tr("every shift")
        state = self.tr("retired") if c.retired else labels.crew_status(c.status)
        cells = (c.crew_id, c.name, labels.crew_type(c.crew_type), c.office, c.vehicle,
                 c.phone, str(len(c.members)), shifts, state)  # fmt: skip
        return cells[index.column()] if index.column() < len(cells) else None


class CrewsScreen(RecordScreen):
    """The roster with Add, Edit and Retire."""

    loaded = Signal()  # the table shows what the database holds now

    def __init__(
        self, bench: Workbench, actions: ActionRunner, shift_starts: tuple[time, ...]
    ) -> None:
        self.model = RosterModel()
        self._starts = shift_starts
        super().__init__(
            bench, actions, self.model,
            [
                ("add", QCoreApplication.translate("CrewsScreen", "&Add…"), self.add),
                ("edit", QCoreApplication.translate("CrewsScreen", "&Edit…"), self.edit),
                ("retire", QCoreApplication.translate("CrewsScreen", "&Retire…"), self.retire),
            ],
        )  # fmt: skip
        self.setWindowTitle(self.tr("Crews"))
        self.setObjectName("crews")
        self.resize(1060, 440)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        actions.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        db = self._bench.database

        def read() -> list[Crew]:
            with db.session() as s:
                return CrewRepository(s).roster()

        self._bench.runner.run(read, self._show, self._read_failed)

    def _show(self, crews: list[Crew]) -> None:
        selected = self.selected()
        self.model.set_crews(crews)
        row = self.model.row_of(selected.crew_id) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        self._say(self.tr("Could not read the crews: %1").replace("%1", str(exc)), error=True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.crews:
            self.reload()

    def selected(self) -> Crew | None:
        row = self.selected_row()
        return self.model.crew_at(row) if row is not None else None

    def add(self) -> None:
        details = CrewEditor.ask(self, self._starts)
        if details is None:
            return
        self._run(
            lambda store, user, _clock: roster.add_crew(store, user, details),
            self.tr("Crew %1 added.").replace("%1", details.name.strip()),
        )

    def edit(self) -> None:
        crew = self._selected_or_say()
        if crew is None:
            return
        details = CrewEditor.ask(self, self._starts, crew)
        if details is None:
            return
        self._run(
            lambda store, user, _clock: roster.edit_crew(
                store, user, details, version=crew.version
            ),
            self.tr("Crew %1 saved.").replace("%1", details.name.strip()),
        )

    def retire(self) -> None:
        crew = self._selected_or_say()
        if crew is None or not ConfirmRetire.ask(self, crew.name):
            return
        self._run(
            lambda store, user, _clock: roster.retire_crew(
                store, user, crew_id=crew.crew_id, version=crew.version
            ),
            self.tr("Crew %1 retired.").replace("%1", crew.name),
        )

    def _selected_or_say(self) -> Crew | None:
        crew = self.selected()
        if crew is None:
            self._say(self.tr("Select a crew first."), error=True)
        return crew


class ConfirmRetire:
    """A retired crew leaves the board (its history stays)."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> bool:
        title = QCoreApplication.translate("CrewsScreen", "Retire crew")
        text = QCoreApplication.translate(
            "CrewsScreen", "Retire %1? It leaves the board; its history stays."
        ).replace("%1", name)
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
