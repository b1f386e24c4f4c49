"""The Reports menu: shift handover, the selected outage's report, reliability indices; each
asks what it needs (dialogs with an `ask` tests replace), builds the document on the window's
task runner, then previews it or saves it as PDF, XLSX or CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QObject,
)
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console import file_dialogs
from console.outages.dialogs import from_qt, to_qt
from ops.access.roles import Permission
from ops.clock import LOCAL_TZ
from ops.crews.shifts import DEFAULT_SHIFT_STARTS, ShiftPattern
from ops.reports.file_names import handover_name, outage_report_name, reliability_name
from ops.settings import load_settings

if TYPE_CHECKING:
    from console.permitted_actions import PermittedActions
    from console.window_parts import Workbench
    from ops.reports import ReportDocument

OUTPUTS = ("preview", "pdf", "xlsx", "csv")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def shift_window(now: datetime, pattern: ShiftPattern | None = None) -> tuple[datetime, datetime]:
    """The shift being handed over: the shift an hour before `now` (a handover just after a
    shift change is about the shift that just ended), from its start until now."""
    pattern = pattern or ShiftPattern.parse(DEFAULT_SHIFT_STARTS)
    return pattern.shift_at(now - timedelta(hours=1)).start, now


@dataclass(frozen=True, slots=True)
class HandoverRequest:
    start: datetime
    end: datetime
    remarks: str
    output: str


@dataclass(frozen=True, slots=True)
class ReliabilityRequest:
    first_day: date
    last_day: date
    method: str  # "vn" or "ieee1366"
    exclude_planned: bool
    output: str


def _output_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for code, text in zip(
        OUTPUTS,
        (
            translate("ReportDialogs", "Print preview"),
            translate("ReportDialogs", "PDF file"),
            translate("ReportDialogs", "Excel workbook (XLSX)"),
            translate("ReportDialogs", "CSV file"),
        ),
        strict=True,
    ):
        box.addItem(text, code)
    return box


def _run(dialog: QDialog, form: QFormLayout) -> bool:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return dialog.exec() == QDialog.DialogCode.Accepted


def time_edit(at: datetime, parent: QWidget) -> QDateTimeEdit:
    """An editor of a date and time that shows and reads them in the console's time zone
    (Asia/Ho_Chi_Minh), whatever zone the machine is set to."""
    shown = to_qt(at)
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(shown.timeZone())
    edit.setDateTime(shown)
    edit.setDisplayFormat("HH:mm dd/MM/yyyy")
    return edit


def edited_time(edit: QDateTimeEdit) -> datetime:
    """The instant a `time_edit` names, in UTC."""
    return from_qt(edit.dateTime()).astimezone(UTC)


class HandoverDialog(QDialog):
    """The handover's period (the shift being handed over, in the console's time zone), the
    remarks for the next shift, and where the report goes."""

    def __init__(self, parent: QWidget | None, now: datetime) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportDialogs", "Shift handover report"))
        start, end = shift_window(now, ShiftPattern.parse(load_settings().shift_starts))
        self.form = QFormLayout()
        self.edits: list[QDateTimeEdit] = []
        for label, at in (
            (translate("ReportDialogs", "From"), start),
            (translate("ReportDialogs", "To"), end),
        ):
            edit = time_edit(at, self)
            self.form.addRow(label, edit)
            self.edits.append(edit)
        self.remarks = QPlainTextEdit(self)
        self.remarks.setPlaceholderText(translate("ReportDialogs", "What the next shift must know"))
        self.form.addRow(translate("ReportDialogs", "Handover remarks"), self.remarks)
        self.output = _output_box(self)
        self.form.addRow(translate("ReportDialogs", "Output"), self.output)

    def request(self) -> HandoverRequest | None:
        """What was asked for; None (the person told) when the period ends before it starts."""
        first, last = (edited_time(e) for e in self.edits)
        if last <= first:
            QMessageBox.warning(
                self.parentWidget(),
                self.windowTitle(),
                translate("ReportDialogs", "The shift ends before it starts."),
            )
            return None
        return HandoverRequest(
            first, last, self.remarks.toPlainText(), str(self.output.currentData())
        )

    @classmethod
    def ask(cls, parent: QWidget, now: datetime) -> HandoverRequest | None:
        dialog = cls(parent, now)
        return dialog.request() if _run(dialog, dialog.form) else None


class ReliabilityDialog:
    @classmethod
    def ask(cls, parent: QWidget, today: date) -> ReliabilityRequest | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(translate("ReportDialogs", "Reliability report"))
        form = QFormLayout()
        first_of_month = today.replace(day=1)
        previous = (first_of_month - timedelta(days=1)).replace(day=1)
        edits = []
        for label, day in (
            (translate("ReportDialogs", "First day"), previous),
            (
                translate("ReportDialogs", "Last day"),
                first_of_month - timedelta(days=1),
            ),
        ):
            edit = QDateEdit(QDate(day.year, day.month, day.day), dialog)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            form.addRow(label, edit)
            edits.append(edit)
        method = QComboBox(dialog)
        method.addItem(
            QCoreApplication.translate(
                "ReportDialogs", "Vietnamese method (Circular 05/2025, monthly)"
            ),
            "vn",
        )
        method.addItem(
            QCoreApplication.translate(
                "ReportDialogs", "IEEE 1366 (whole period, Major Event Days)"
            ),
            "ieee1366",
        )
        form.addRow(translate("ReportDialogs", "Method"), method)
        planned = QCheckBox(translate("ReportDialogs", "Leave planned outages out"), dialog)
        form.addRow("", planned)
        output = _output_box(dialog)
        form.addRow(translate("ReportDialogs", "Output"), output)
        if not _run(dialog, form):
            return None
        first, last = (date(e.date().year(), e.date().month(), e.date().day()) for e in edits)
        if last < first:
            QMessageBox.warning(
                parent,
                dialog.windowTitle(),
                translate("ReportDialogs", "The last day is before the first."),
            )
            return None
        return ReliabilityRequest(
            first, last, str(method.currentData()), planned.isChecked(), str(output.currentData())
        )


class OutputDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str) -> str | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        form = QFormLayout()
        output = _output_box(dialog)
        form.addRow(translate("ReportDialogs", "Output"), output)
        return str(output.currentData()) if _run(dialog, form) else None


class SaveAs:
    @classmethod
    def ask(cls, parent: QWidget, name: str, output: str) -> Path | None:
        pattern = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)"}[output]
        path, _ = file_dialogs.get_save_file_name(
            parent,
            translate("ReportDialogs", "Save report"),
            f"{name}.{output}",
            pattern,
        )
        return Path(path) if path else None


class MapPicture(Protocol):
    """The map as the handover report needs it: a picture of it as it is on screen."""

    def snapshot(self, done: Callable[[QPixmap], None]) -> None: ...


class ReportActions(QObject):
    """The Reports menu of the main window and the work behind it; `map_widget` is the map
    the handover report pictures as it is on screen."""

    def __init__(self, bench: Workbench, map_widget: MapPicture) -> None:
        super().__init__(bench.window())
        self._w = bench
        self._map = map_widget

    def add_menu(self, bar: QMenuBar, permitted: PermittedActions) -> None:
        menu = bar.addMenu(self.tr("&Reports"))
        for text, slot in (
            (self.tr("Shift &handover…"), self.handover),
            (self.tr("&Outage report (selected outage)…"), self.outage),
            (self.tr("&Reliability indices…"), self.reliability),
        ):
            action = QAction(text, self._w.window())
            action.triggered.connect(slot)
            menu.addAction(action)
            permitted.add(action, Permission.PRINT_REPORTS)
        permitted.add_menu(menu)

    def handover(self) -> None:
        now = self._w.clock.now()
        request = HandoverDialog.ask(self._w.window(), now)
        if request is None:
            return
        # The map is pictured first (the page hides its controls for it, asynchronously).
        self._map.snapshot(lambda picture: self._handover(request, now, _png(picture)))

    def _handover(self, request: HandoverRequest, now: datetime, map_png: bytes | None) -> None:
        from db.repositories.reports import ReportRepository
        from ops.reports import handover_document

        db, policy, user = self._w.database, self._w.policy, self._w.user
        lead = user.display_name if user else ""
        district = self._w.board.site.district_name if self._w.board else ""
        language = self._w.language

        def build(company: str, office: str) -> ReportDocument:
            with db.session() as s:
                facts = ReportRepository(s).handover_facts(
                    request.start, request.end, policy, shift_lead=lead,
                    remarks=request.remarks, map_png=map_png, district=district,
                )  # fmt: skip
            return handover_document(
                facts, company=company, office=office, printed_at=now, language=language
            )

        self._produce(build, request.output, handover_name(request.start, self._w.language))

    def outage(self) -> None:
        outage_id = self._w.selected_outage_id()
        if outage_id is None:
            QMessageBox.information(
                self._w.window(), self.tr("Outage report"), self.tr("Select an outage first.")
            )
            return
        output = OutputDialog.ask(self._w.window(), self.tr("Outage report"))
        if output is None:
            return
        from db.repositories.reports import ReportRepository
        from ops.reports import outage_document

        db, policy, now = self._w.database, self._w.policy, self._w.clock.now()
        language = self._w.language

        def build(company: str, office: str) -> ReportDocument:
            with db.session() as s:
                facts = ReportRepository(s).outage_facts(outage_id, policy, now)
            if facts is None:
                raise LookupError(f"outage {outage_id} no longer exists")
            return outage_document(
                facts, company=company, office=office, printed_at=now, language=language
            )

        board = self._w.board
        reference = next(
            (o.reference for o in (board.outages if board else ()) if o.outage_id == outage_id),
            None,
        )
        self._produce(build, output, outage_report_name(reference, outage_id, self._w.language))

    def reliability(self) -> None:
        now = self._w.clock.now()
        request = ReliabilityDialog.ask(self._w.window(), now.astimezone(LOCAL_TZ).date())
        if request is None:
            return
        from db.repositories.reliability import period_report_with_trend
        from ops.reliability import Method, ReliabilitySettings
        from ops.reports import reliability_document

        db, policy = self._w.database, self._w.policy
        rules = ReliabilitySettings(
            excluded_categories=policy.excluded_causes,
            include_planned=not request.exclude_planned,
            momentary_limit=policy.momentary_limit,
            zone=policy.zone,
        )
        language = self._w.language

        def build(company: str, office: str) -> ReportDocument:
            with db.session() as s:
                report, trend = period_report_with_trend(
                    s, Method(request.method), request.first_day, request.last_day, rules, now=now
                )
            return reliability_document(
                report, company=company, office=office, printed_at=now, feeder_trend=trend,
                language=language,
            )  # fmt: skip

        name = reliability_name(
            request.first_day, request.last_day, request.method, self._w.language
        )
        self._produce(build, request.output, name)

    def _produce(self, build: Callable[[str, str], ReportDocument], output: str, name: str) -> None:
        settings = load_settings()
        target = None if output == "preview" else SaveAs.ask(self._w.window(), name, output)
        if output != "preview" and target is None:
            return

        def work() -> ReportDocument:
            doc = build(settings.company_name, settings.office_name)
            if target is not None:
                write(doc, target, output)
            return doc

        def done(doc: ReportDocument) -> None:
            if target is None:
                from console.reports.printing import preview

                preview(doc, self._w.window())
            else:
                self._w.status.show_message(
                    self.tr("Report written to %1").replace("%1", str(target))
                )

        self._w.runner.run(work, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(
            self._w.window(),
            self.tr("Reports"),
            self.tr("Could not make the report: %1").replace("%1", str(exc)),
        )


def _png(pixmap: QPixmap) -> bytes | None:
    """The map's picture as PNG (None when there is nothing to picture)."""
    if pixmap.isNull():
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data.data())


def write(doc: ReportDocument, path: Path, output: str) -> None:
    from ops.reports import write_csv, write_xlsx  # openpyxl: only when a report is written

    if output == "pdf":
        from console.reports.printing import write_pdf

        write_pdf(doc, path)
    elif output == "xlsx":
        write_xlsx(doc, path)
    else:
        write_csv(doc, path)
