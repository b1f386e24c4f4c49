"""The crew editor: a crew's details as the office keeps them (id, name, type, home base,
vehicle, phone, the shifts it works, its members with role and phone)."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from ops.crews.records import Crew, CrewMember, CrewType
from ops.crews.roster import CrewDetails


class CrewEditor(QDialog):
    """New crew (no `crew` given) or the details of an existing one; the id stays fixed."""

    def __init__(
        self, parent: QWidget | None, shift_starts: tuple[time, ...], crew: Crew | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New crew") if crew is None else self.tr("Crew %1").replace("%1", crew.name)
        )
        self.crew_id = QLineEdit(self)
        self.crew_id.setObjectName("crew_id")
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.kind = QComboBox(self)
        for kind in CrewType:
            self.kind.addItem(labels.crew_type(kind), kind.value)
        self.home_base = QLineEdit(self)
        self.vehicle = QLineEdit(self)
        self.vehicle.setPlaceholderText(self.tr("plate, as the vehicle tracker reports it"))
        self.phone = QLineEdit(self)
        self.shifts: dict[time, QCheckBox] = {}
        shift_row = QHBoxLayout()
        for start in shift_starts:
            box = QCheckBox(self.tr("from %1").replace("%1", f"{start:%H:%M}"), self)
            self.shifts[start] = box
            shift_row.addWidget(box)
        shift_row.addStretch(1)
        self.members = QTableWidget(0, 3, self)
        self.members.setObjectName("members")
        self.members.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone")])
        self.members.horizontalHeader().setStretchLastSection(True)
        add_member = QPushButton(self.tr("Add a &member"), self)
        add_member.clicked.connect(lambda: self.add_member(CrewMember("", "", "")))
        drop_member = QPushButton(self.tr("&Remove the member"), self)
        drop_member.clicked.connect(self._drop_member)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(add_member)
        member_buttons.addWidget(drop_member)
        member_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Crew id:"), self.crew_id)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("Home base:"), self.home_base)
        form.addRow(self.tr("Vehicle:"), self.vehicle)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("On duty in the shifts (none: every shift):"), shift_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.members)
        layout.addLayout(member_buttons)
        layout.addWidget(buttons)
        self.resize(560, 480)
        if crew is not None:
            self._fill(crew)

    def _fill(self, crew: Crew) -> None:
        self.crew_id.setText(crew.crew_id)
        self.crew_id.setReadOnly(True)
        self.name.setText(crew.name)
        self.kind.setCurrentIndex(self.kind.findData(crew.crew_type.value))
        self.home_base.setText(crew.office)
        self.vehicle.setText(crew.vehicle)
        self.phone.setText(crew.phone)
        for start, box in self.shifts.items():
            box.setChecked(start in crew.shifts)
        for member in crew.members:
            self.add_member(member)

    def add_member(self, member: CrewMember) -> None:
        row = self.members.rowCount()
        self.members.insertRow(row)
        for column, text in enumerate((member.name, member.role, member.phone)):
            self.members.setItem(row, column, QTableWidgetItem(text))

    def _drop_member(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.removeRow(row)

    def details(self) -> CrewDetails:
        """What the form says (checked by the service, which refuses what is wrong)."""

        def cell(row: int, column: int) -> str:
            item = self.members.item(row, column)
            return item.text() if item is not None else ""

        members = tuple(
            CrewMember(cell(r, 0), cell(r, 1), cell(r, 2))
            for r in range(self.members.rowCount())
            if any(cell(r, c).strip() for c in range(3))
        )
        return CrewDetails(
            crew_id=self.crew_id.text(), name=self.name.text(),
            crew_type=CrewType(self.kind.currentData()), home_base=self.home_base.text(),
            vehicle=self.vehicle.text(), phone=self.phone.text(), members=members,
            shifts=tuple(start for start, box in self.shifts.items() if box.isChecked()),
        )  # fmt: skip

    @classmethod
    def ask(
        cls, parent: QWidget | None, shift_starts: tuple[time, ...], crew: Crew | None = None
    ) -> CrewDetails | None:
        dialog = cls(parent, shift_starts, crew)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()
