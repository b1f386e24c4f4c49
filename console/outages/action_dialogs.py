"""Small dialogs behind the dispatcher's keyboard actions; each has an `ask` tests replace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from console.outages.cause_dialogs import CausePicker
from console.outages.dialogs import field_time_edit, from_qt, ok_cancel_buttons
from ops.causes import CauseCatalogue
from ops.clock import Clock, format_local
from ops.crews.records import Crew
from ops.folding import matches

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the device's id and name, for the search


class CrewChooser:
    @classmethod
    def ask(cls, parent: QWidget, crews: Sequence[Crew]) -> str | None:
        """The crew to send, or None."""
        names = [f"{c.name} – {labels.crew_status(c.status)}" for c in crews]
        if not names:
            return None
        chosen, ok = QInputDialog.getItem(
            parent,
            translate("CrewChooser", "Assign crew"),
            translate("CrewChooser", "Crew"),
            names,
            0,
            False,
        )
        return crews[names.index(chosen)].crew_id if ok and chosen in names else None


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    """A device the trip dialog offers: its id and its name."""

    device_id: str
    name: str


@dataclass(frozen=True, slots=True)
class TripReport:
    device_id: str
    cause: str  # a category code; "" when not known yet
    remark: str
    occurred_at: datetime


class TripDialog(QDialog):
    """A protective device reported open: which one (searched by id or name), when, and the
    cause if known."""

    def __init__(
        self,
        parent: QWidget,
        devices: Sequence[DeviceChoice],
        clock: Clock,
        causes: CauseCatalogue,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tripDialog")
        self.setWindowTitle(self.tr("Record a device trip"))
        self._clock = clock
        self.search = QLineEdit(self)
        self.search.setObjectName("deviceSearch")
        self.search.setPlaceholderText(self.tr("Device id or name, e.g. REC-12 or cau dao"))
        self.search.setClearButtonEnabled(True)
        self.devices = QListWidget(self)
        self.devices.setObjectName("deviceList")
        self.devices.setMinimumSize(460, 220)
        for device in devices:
            text = (
                device.device_id
                if device.name in ("", device.device_id)
                else (f"{device.device_id} – {device.name}")
            )
            item = QListWidgetItem(text, self.devices)
            item.setData(Qt.ItemDataRole.UserRole, device.device_id)
            item.setData(SEARCH_ROLE, f"{device.device_id} {device.name}")
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.devices.setFocus)
        self.when = field_time_edit(self, clock.now())
        self.when.setObjectName("tripTime")
        self.cause = CausePicker(self, causes, optional=True)
        self.remark = QLineEdit(self)
        self.remark.setObjectName("tripRemark")
        self.problem = QLabel(self)
        self.problem.setObjectName("tripProblem")
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Find the device"), self.search)
        form.addRow(self.tr("Device"), self.devices)
        form.addRow(self.tr("Opened at (field time)"), self.when)
        form.addRow(self.tr("Cause (if known)"), self.cause)
        form.addRow(self.tr("Remark (optional)"), self.remark)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel_buttons(self))
        if self.devices.count():
            self.devices.setCurrentRow(0)

    def _filter(self, query: str) -> None:
        first: QListWidgetItem | None = None
        for row in range(self.devices.count()):
            item = self.devices.item(row)
            hidden = not matches(query, str(item.data(SEARCH_ROLE)))
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.devices.currentItem()
        if first is None:
            self.devices.setCurrentRow(-1)
        elif current is None or current.isHidden():
            self.devices.setCurrentItem(first)  # Enter records the best match

    def device_id(self) -> str | None:
        item = self.devices.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def report(self) -> TripReport | None:
        """What was entered, or None with the problem shown in the dialog."""
        device = self.device_id()
        at = from_qt(self.when.dateTime())
        problem = ""
        if device is None:
            problem = self.tr("No device matches: search by its id or its name.")
        elif at > self._clock.now():
            problem = self.tr("%1 is in the future: enter the time the device opened.").replace(
                "%1", format_local(at, "%H:%M %d/%m")
            )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if device is None or problem:
            return None
        return TripReport(device, self.cause.code(), self.remark.text().strip(), at)

    def accept(self) -> None:
        if self.report() is not None:
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        devices: Sequence[DeviceChoice],
        clock: Clock,
        causes: CauseCatalogue,
    ) -> TripReport | None:
        dialog = cls(parent, devices, clock, causes)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.report()
