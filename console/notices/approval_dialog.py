"""The shift lead's approval of a planned interruption: the lead time (when the first notice
would go out, the legal deadline, by how much it is missed), the blackout-calendar warnings,
and the override reason these need. Approve stays disabled until a needed reason is given."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from ops.clock import LOCAL_TZ, format_local, to_local
from ops.notices.approval import ApprovalCheck
from ops.notices.blackout import blackout_warning
from ops.planned.records import PlannedOutage


class ApprovalDialog(QDialog):
    def __init__(
        self, plan: PlannedOutage, check: ApprovalCheck, customers: int, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(
            self.tr("Approve planned interruption %1").replace("%1", plan.reference)
        )
        self.check = check
        form = QFormLayout()
        form.addRow(self.tr("Work:"), QLabel(plan.title, self))
        window = f"{format_local(plan.starts_at)} – {format_local(plan.ends_at)}"
        form.addRow(self.tr("Window:"), QLabel(window, self))
        form.addRow(self.tr("Customers told:"), QLabel(labels.number(customers), self))
        lead = check.lead_time
        form.addRow(self.tr("First notice:"), QLabel(format_local(lead.first_notice_at), self))
        form.addRow(self.tr("Lead-time deadline:"), QLabel(format_local(lead.deadline), self))
        self.lead_label = QLabel(self)
        self.lead_label.setObjectName("leadTime")
        if lead.met:
            self.lead_label.setText(self.tr("Lead time met"))
            self.lead_label.setStyleSheet("color:#1b5e20;font-weight:bold;")
        else:
            hours = lead.shortfall.total_seconds() / 3600
            self.lead_label.setText(
                self.tr("Lead time missed by %1 h").replace("%1", f"{hours:.1f}".replace(".", ","))
            )
            self.lead_label.setStyleSheet("color:#b00020;font-weight:bold;")
        form.addRow(self.tr("Lead time:"), self.lead_label)
        self.blackouts = QLabel("\n".join(blackout_warning(p) for p in check.blackouts), self)
        self.blackouts.setObjectName("blackouts")
        self.blackouts.setWordWrap(True)
        self.blackouts.setStyleSheet("color:#b00020;")
        self.blackouts.setVisible(bool(check.blackouts))
        form.addRow(self.blackouts)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(
            self.tr("Why the work cannot wait (recorded as a compliance exception)")
        )
        self.reason.setEnabled(check.needs_reason)
        self.reason.textChanged.connect(self._update)
        form.addRow(self.tr("Override reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def override_reason(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        ok = not self.check.needs_reason or bool(self.override_reason())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: PlannedOutage, check: ApprovalCheck, customers: int
    ) -> str | None:
        """The override reason ("" when none is needed) if approved; None if not."""
        dialog = cls(plan, check, customers, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.override_reason() if check.needs_reason else ""


class PostponeDialog(QDialog):
    """A new window for approved work, and the override reason if the new start is too near
    for the lead time or touches a blackout day (the refusal says which)."""

    def __init__(self, plan: PlannedOutage, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("postponeDialog")
        self.setWindowTitle(self.tr("Postpone %1").replace("%1", plan.reference))
        later = timedelta(days=7)
        self.starts = _local_edit(plan.starts_at + later, self)
        self.ends = _local_edit(plan.ends_at + later, self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("postponeReason")
        self.reason.setPlaceholderText(self.tr("Only if the lead time or a blackout day needs it"))
        form = QFormLayout()
        form.addRow(self.tr("New start:"), self.starts)
        form.addRow(self.tr("New end:"), self.ends)
        form.addRow(self.tr("Override reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.starts.dateTimeChanged.connect(self._update)
        self.ends.dateTimeChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def new_window(self) -> tuple[datetime, datetime]:
        return _aware(self.starts), _aware(self.ends)

    def _update(self) -> None:
        start, end = self.new_window()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(end > start)

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: PlannedOutage
    ) -> tuple[datetime, datetime, str] | None:
        dialog = cls(plan, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end = dialog.new_window()
        return start, end, dialog.reason.toPlainText().strip()


def _local_edit(at: datetime, parent: QWidget) -> QDateTimeEdit:
    local = to_local(at)
    edit = QDateTimeEdit(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)),
        parent,
    )
    edit.setDisplayFormat("HH:mm dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def _aware(edit: QDateTimeEdit) -> datetime:
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_TZ)
