"""The SMS template editor: the text of one notice kind, with the segment count of the text a
customer will receive (placeholders filled from a sample notice) updated as one types, and
the template's problems (unknown placeholders, lone braces) named before it can be saved.

Edited templates go to `notices/templates` in the configuration folder (a copy of the
built-in set, made on the first save), which the console and `send-notices` use from then on.
Saving is the service's (`ops.notices.template_edits`), which refuses anyone who may not edit
templates; for them the editor only shows the texts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.language.refusals import refusal_text
from console.language.translators import interface_language
from ops.access.roles import Permission, User, can
from ops.errors import PermissionDenied
from ops.notices.content import NoticeFacts, Sender, template_values
from ops.notices.schedule import NoticeKind
from ops.notices.sms import SmsEncoding, sms_length
from ops.notices.template_edits import save_sms_template, sms_template_path
from ops.notices.templates import (
    TemplateError,
    allowed_placeholders,
    parse_template,
    template_problems,
)
from ops.wording import label

_SAMPLE_START = datetime(2026, 6, 12, 0, 0, tzinfo=UTC)  # 07:00 in Vietnam


def sample_facts(kind: NoticeKind) -> NoticeFacts:
    """A typical notice: long enough an area and reason to show a realistic length."""
    start = _SAMPLE_START
    return NoticeFacts(
        kind, 1, 1, "KH-2026-0042", "Thay trụ, kéo lại dây, bảo trì lưới điện",
        "Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân", "xã Mỹ Tân", start, start + timedelta(hours=4.5),
        start - timedelta(days=7), start - timedelta(days=7) + timedelta(hours=4.5),
        start - timedelta(days=6), Sender(),
    )  # fmt: skip


class TemplateEditor(QDialog):
    def __init__(self, folder: Path, user: User | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("SMS templates"))
        self.folder, self.user = folder, user
        self.may_edit = user is not None and can(user, Permission.EDIT_TEMPLATES)
        self.kind = QComboBox(self)
        self.kind.setObjectName("templateKind")
        for kind in NoticeKind:
            self.kind.addItem(label(kind, interface_language()), kind.value)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("templateText")
        self.text.setReadOnly(not self.may_edit)
        self.length = QLabel(self)
        self.length.setObjectName("segmentCount")
        self.problems = QLabel(self)
        self.problems.setObjectName("templateProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color:#b00020;")
        self.preview = QLabel(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.read_only = QLabel(
            self.tr("Only a shift lead or an administrator can change the templates."), self
        )
        self.read_only.setObjectName("templatesReadOnly")
        self.read_only.setVisible(not self.may_edit)
        layout = QVBoxLayout(self)
        for widget in (
            self.kind,
            self.read_only,
            self.text,
            self.length,
            self.problems,
            self.preview,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._load_kind)
        self.text.textChanged.connect(self._update)
        self._load_kind()

    def current_kind(self) -> NoticeKind:
        return NoticeKind(str(self.kind.currentData()))

    def _load_kind(self) -> None:
        source = sms_template_path(self.folder, self.current_kind())
        self.text.setPlainText(source.read_text("utf-8").strip())

    def _update(self) -> None:
        kind, text = self.current_kind(), self.text.toPlainText()
        problems = template_problems(text, allowed_placeholders(kind))
        self.problems.setText("\n".join(problems))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.may_edit and not problems and bool(text.strip()))
        if problems:
            self.length.setText(self.tr("Fix the template to count its length"))
            self.preview.clear()
            return
        template = parse_template("sms", text, allowed_placeholders(kind))
        rendered = template.render(template_values(sample_facts(kind)))
        length = sms_length(rendered)
        self.length.setText(
            self.tr("%1 characters, %2 SMS (%3; %4 left in the last one)")
            .replace("%1", str(length.characters))
            .replace("%2", str(length.segments))
            .replace("%3", "UCS-2" if length.encoding is SmsEncoding.UCS2 else "GSM-7")
            .replace("%4", str(length.remaining))
        )
        self.preview.setText(rendered)

    def save(self) -> None:
        """Write the kind's SMS text into the edited set; refused for a user who may not, or
        if the set would not load."""
        if self.user is None:
            return
        try:
            save_sms_template(self.user, self.folder, self.current_kind(), self.text.toPlainText())
        except PermissionDenied as exc:
            self.problems.setText(refusal_text(exc))
            return
        except (TemplateError, OSError) as exc:
            self.problems.setText(str(exc))
            return
        self.problems.setText(self.tr("Saved."))

    @classmethod
    def ask(cls, folder: Path, user: User | None, parent: QWidget | None = None) -> None:
        cls(folder, user, parent).exec()
