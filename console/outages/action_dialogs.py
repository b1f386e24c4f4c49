"""Small dialogs behind the dispatcher's keyboard actions; each has an `ask` tests replace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from ops.crews.records import Crew

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


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
class TripReport:
    device_id: str
    cause: str


class TripDialog(QDialog):
    """A protective device reported open: which one, and the cause if known."""

    def __init__(self, parent: QWidget, device_ids: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a device trip"))
        self.device = QComboBox(self)
        self.device.setEditable(True)  # type to search among thousands of devices
        self.device.addItems(list(device_ids))
        self.cause = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Cause (if known)"), self.cause)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, device_ids: Sequence[str]) -> TripReport | None:
        dialog = cls(parent, device_ids)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        device = dialog.device.currentText().strip()
        return TripReport(device, dialog.cause.text().strip()) if device else None
