"""Where a crew is, entered by the dispatcher (the crew called in its position).

`ask` returns what the dispatcher entered (or None when cancelled); tests replace it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from console.outages.dialogs import from_qt, to_qt
from ops.clock import LOCAL_TZ
from ops.crews.positions import VIETNAM_BOX
from ops.crews.records import Crew
from ops.network.records import Coord, Substation

if TYPE_CHECKING:
    from console.window_parts import Workbench


@dataclass(frozen=True, slots=True)
class PositionEntry:
    position: Coord  # (longitude, latitude)
    at: datetime


def _degrees(parent: QWidget, low: float, high: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(6)
    box.setRange(low, high)
    box.setSingleStep(0.001)
    box.setValue(value)
    return box


class CrewPositionDialog(QDialog):
    """Latitude, longitude and the time the crew was there."""

    def __init__(self, parent: QWidget, crew: Crew, now: datetime, centre: Coord) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crew position – %1").replace("%1", crew.name))
        lon_min, lat_min, lon_max, lat_max = VIETNAM_BOX
        lon, lat = crew.position or centre
        # The boxes only take positions inside Vietnam (the service checks again).
        self.latitude = _degrees(self, lat_min, lat_max, min(max(lat, lat_min), lat_max))
        self.longitude = _degrees(self, lon_min, lon_max, min(max(lon, lon_min), lon_max))
        self.when = QDateTimeEdit(to_qt(now), self)
        self.when.setTimeZone(QTimeZone(LOCAL_TZ.key.encode()))
        self.when.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(to_qt(now))  # where it was, never where it will be
        form = QFormLayout()
        form.addRow(self.tr("Latitude (°N)"), self.latitude)
        form.addRow(self.tr("Longitude (°E)"), self.longitude)
        form.addRow(self.tr("Was there at"), self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def entry(self) -> PositionEntry:
        return PositionEntry(
            (self.longitude.value(), self.latitude.value()), from_qt(self.when.dateTime())
        )

    @classmethod
    def ask(cls, parent: QWidget, crew: Crew, now: datetime, centre: Coord) -> PositionEntry | None:
        dialog = cls(parent, crew, now, centre)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.entry()


def set_position_of_selected(bench: Workbench) -> None:
    """Ask where the selected crew is, then record it as the signed-in user."""
    from ops.crews.positions import set_crew_position

    board, crew_id = bench.board, bench.selected_crew_id()
    crew = next((c for c in board.crews if c.crew_id == crew_id), None) if board else None
    if crew is None or board is None:
        bench.status.show_message(QCoreApplication.translate("CrewDialogs", "Select a crew first."))
        return
    runner = bench.action_runner
    if runner is None:
        bench.status.show_message(
            QCoreApplication.translate("CrewDialogs", "Sign in to change crews.")
        )
        return
    centre = crew.position or board.site.center or _centre_of(board.network.substations)
    entry = CrewPositionDialog.ask(bench.window(), crew, bench.clock.now(), centre)
    if entry is None:
        return
    runner.perform(
        lambda store, user, clock: set_crew_position(
            store, user, clock, crew_id=crew.crew_id, crew_version=crew.version,
            position=entry.position, at=entry.at,
        )
    )  # fmt: skip


def _centre_of(substations: Sequence[Substation]) -> Coord:
    if not substations:
        lon_min, lat_min, lon_max, lat_max = VIETNAM_BOX
        return ((lon_min + lon_max) / 2, (lat_min + lat_max) / 2)
    return substations[0].position
