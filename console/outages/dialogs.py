"""Dialogs behind the outage commands: ETR, a reason or a remark, a final confirmation.

Each has a `classmethod ask(...)` that returns what the dispatcher entered (or None when
cancelled); tests replace `ask` instead of driving modal loops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from ops.clock import LOCAL_TZ, format_local
from ops.crews.etr import EtrEstimate
from ops.outages.records import EtrConfidence, EtrSource

_LOCAL = QTimeZone(LOCAL_TZ.key.encode())


def to_qt(at: datetime) -> QDateTime:
    """An aware instant as a QDateTime in the control room's time zone."""
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), _LOCAL)


def from_qt(value: QDateTime) -> datetime:
    """The instant a QDateTime edit shows, as an aware datetime in local time."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), LOCAL_TZ)


def field_time_edit(parent: QWidget, now: datetime, at: datetime | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qt(at if at is not None and at <= now else now), parent)
    edit.setTimeZone(_LOCAL)
    edit.setDisplayFormat("HH:mm dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMaximumDateTime(to_qt(now))  # field time is never in the future
    return edit


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


@dataclass(frozen=True, slots=True)
class EtrEntry:
    etr: datetime
    source: EtrSource
    confidence: EtrConfidence


class EtrDialog(QDialog):
    """A new expected restoration time, where it came from and how sure it is."""

    def __init__(
        self,
        parent: QWidget,
        reference: str,
        now: datetime,
        current: datetime | None,
        estimate: EtrEstimate | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expected restoration – %1").replace("%1", reference))
        proposal = current if current is not None and current > now else now + timedelta(hours=2)
        self.when = QDateTimeEdit(to_qt(proposal), self)
        self.when.setTimeZone(_LOCAL)
        self.when.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(to_qt(now + timedelta(minutes=1)))
        self.source = QComboBox(self)
        for source in (EtrSource.CREW, EtrSource.DISPATCHER, EtrSource.SYSTEM):
            self.source.addItem(labels.etr_source(source), source.value)
        self.confident = QCheckBox(self.tr("Firm (the crew has seen the damage)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Supply expected back at"), self.when)
        form.addRow(self.tr("Source"), self.source)
        form.addRow("", self.confident)
        self.estimate = estimate
        if estimate is not None:
            use = QPushButton(
                self.tr("Use the system estimate: %1 (travel %2, repair %3)")
                .replace("%1", format_local(estimate.etr, "%H:%M %d/%m"))
                .replace("%2", labels.duration(estimate.travel))
                .replace("%3", labels.duration(estimate.repair)),
                self,
            )
            use.setObjectName("useSystemEstimate")
            use.clicked.connect(self.use_estimate)
            form.addRow("", use)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self))

    def use_estimate(self) -> None:
        if self.estimate is None:
            return
        self.when.setDateTime(to_qt(self.estimate.etr))
        self.source.setCurrentIndex(self.source.findData(EtrSource.SYSTEM.value))
        self.confident.setChecked(self.estimate.confidence is EtrConfidence.HIGH)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        reference: str,
        now: datetime,
        current: datetime | None,
        estimate: EtrEstimate | None = None,
    ) -> EtrEntry | None:
        dialog = cls(parent, reference, now, current, estimate)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return EtrEntry(
            from_qt(dialog.when.dateTime()),
            EtrSource(dialog.source.currentData()),
            EtrConfidence.HIGH if dialog.confident.isChecked() else EtrConfidence.LOW,
        )


@dataclass(frozen=True, slots=True)
class TextEntry:
    text: str
    occurred_at: datetime


class TextDialog(QDialog):
    """A free text (remark, cause, reason) with the field time it refers to."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        prompt: str,
        now: datetime,
        *,
        with_time: bool,
        at: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab reaches the buttons: keyboard-only use
        self.text.setMinimumSize(420, 110)
        self.when = field_time_edit(self, now, at)
        form = QFormLayout()
        form.addRow(QLabel(prompt, self))
        form.addRow(self.text)
        if with_time:
            form.addRow(self.tr("Happened at (field time)"), self.when)
        else:
            self.when.hide()
        self.buttons = ok_cancel_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(self.text.toPlainText().strip())
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        title: str,
        prompt: str,
        now: datetime,
        *,
        with_time: bool = True,
        at: datetime | None = None,
    ) -> TextEntry | None:
        dialog = cls(parent, title, prompt, now, with_time=with_time, at=at)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text = dialog.text.toPlainText().strip()
        return TextEntry(text, from_qt(dialog.when.dateTime())) if text else None


class Confirm:
    """The one confirmation step, for what cannot be undone."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
