"""The cause of an outage picked from the policy profile's list, with a remark beside it.

`CausePicker` is the grouped list (groups as headings that cannot be picked); `CauseDialog`
asks for a cause, a remark or reason and the field time, for closing, cancelling and
classifying. Its `ask` takes what was entered before (`initial`), so a refused close reopens
with the dispatcher's input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.language.translators import interface_language
from console.outages.dialogs import field_time_edit, from_qt, ok_cancel_buttons
from ops.causes import CauseCatalogue
from ops.wording import label

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CausePicker(QComboBox):
    """The profile's causes by group, in the interface language; "" is "not known yet"."""

    def __init__(self, parent: QWidget, causes: CauseCatalogue, *, optional: bool) -> None:
        super().__init__(parent)
        self.setObjectName("causePicker")
        language = interface_language()
        model = QStandardItemModel(self)
        first = QStandardItem(self.tr("Not known yet") if optional else self.tr("Pick the cause…"))
        first.setData("", CODE_ROLE)
        model.appendRow(first)
        bold = QFont()
        bold.setBold(True)
        for group, members in causes.grouped():
            heading = QStandardItem(label(group, language).upper())
            heading.setEnabled(False)  # a heading, not a cause
            heading.setFont(bold)
            model.appendRow(heading)
            for cause in members:
                item = QStandardItem(cause.label(language))
                item.setData(cause.code, CODE_ROLE)
                item.setToolTip(cause.code)
                model.appendRow(item)
        self.setModel(model)
        self.setMaxVisibleItems(25)

    def code(self) -> str:
        return str(self.currentData(CODE_ROLE) or "")

    def set_code(self, code: str) -> None:
        index = self.findData(code, CODE_ROLE)
        self.setCurrentIndex(index if index >= 0 else 0)


@dataclass(frozen=True, slots=True)
class CauseEntry:
    cause: str  # a category code; "" when not known
    remark: str
    occurred_at: datetime


class CauseDialog(QDialog):
    """A cause from the list, a remark (or the reason, when one is required) and the field
    time it refers to."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        prompt: str,
        now: datetime,
        causes: CauseCatalogue,
        *,
        remark_label: str,
        cause_required: bool = True,
        remark_required: bool = False,
        with_time: bool = True,
        initial: CauseEntry | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("causeDialog")
        self.setWindowTitle(title)
        self._cause_required, self._remark_required = cause_required, remark_required
        self.cause = CausePicker(self, causes, optional=not cause_required)
        self.remark = QPlainTextEdit(self)
        self.remark.setObjectName("causeRemark")
        self.remark.setTabChangesFocus(True)  # Tab reaches the buttons: keyboard-only use
        self.remark.setMinimumSize(420, 80)
        self.when = field_time_edit(self, now, initial.occurred_at if initial else None)
        form = QFormLayout()
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("causeProblem")
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))  # why the last attempt was refused
        form.addRow(self.problem)
        question = QLabel(prompt, self)
        question.setWordWrap(True)
        form.addRow(question)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(remark_label, self.remark)
        if with_time:
            form.addRow(self.tr("Happened at (field time)"), self.when)
        else:
            self.when.hide()
        self.buttons = ok_cancel_buttons(self)
        self.cause.currentIndexChanged.connect(self._check)
        self.remark.textChanged.connect(self._check)
        if initial is not None:
            self.cause.set_code(initial.cause)
            self.remark.setPlainText(initial.remark)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = (not self._cause_required or bool(self.cause.code())) and (
            not self._remark_required or bool(self.remark.toPlainText().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def entry(self) -> CauseEntry:
        return CauseEntry(
            self.cause.code(), self.remark.toPlainText().strip(), from_qt(self.when.dateTime())
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        title: str,
        prompt: str,
        now: datetime,
        causes: CauseCatalogue,
        *,
        remark_label: str,
        cause_required: bool = True,
        remark_required: bool = False,
        with_time: bool = True,
        initial: CauseEntry | None = None,
        problem: str = "",
    ) -> CauseEntry | None:
        dialog = cls(
            parent, title, prompt, now, causes, remark_label=remark_label,
            cause_required=cause_required, remark_required=remark_required,
            with_time=with_time, initial=initial, problem=problem,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.entry()
