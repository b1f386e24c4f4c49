"""The outage detail view: what the outage is, and its journal as a timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.language import labels
from console.language.translators import interface_language
from ops.causes import BUILTIN_CAUSES, CauseCatalogue
from ops.clock import format_local
from ops.outages.journal import EntryKind, timeline
from ops.outages.records import JournalEntry, Outage, OutageKind
from ops.wording.journal import describe

# A field report entered this much after the fact is flagged in the timeline.
LATE = timedelta(minutes=10)


class OutageDetail(QDialog):
    """Non-modal: the dispatcher keeps it open beside the board while the outage runs."""

    remark_requested = Signal(int)  # outage id
    correction_requested = Signal(object)  # the JournalEntry to correct
    classify_requested = Signal(int)  # outage id: put its free-text cause into a category

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outage_id: int | None = None
        self.causes: CauseCatalogue = BUILTIN_CAUSES  # the policy profile's, set by the window
        self._entries: dict[int, JournalEntry] = {}
        self.setObjectName("outageDetail")
        self.setWindowTitle(self.tr("Outage"))
        self.resize(820, 560)
        self.summary = QFormLayout()
        self._fields: dict[str, QLabel] = {}
        for key, title in (
            ("reference", self.tr("Reference")),
            ("status", self.tr("Status")),
            ("device", self.tr("Device")),
            ("customers", self.tr("Customers out / affected")),
            ("started", self.tr("Started")),
            ("etr", self.tr("Expected restoration")),
            ("crews", self.tr("Crews")),
            ("cause", self.tr("Cause")),
        ):
            value = QLabel(self)
            value.setTextFormat(Qt.TextFormat.PlainText)  # text from the database stays text
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fields[key] = value
            self.summary.addRow(title, value)
        self.timeline = QTreeWidget(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setHeaderLabels(
            [self.tr("In the field"), self.tr("Entered"), self.tr("By"), self.tr("Entry")]
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.summary)
        heading = QLabel(self.tr("Timeline"), self)
        heading.setStyleSheet("font-weight:bold;font-size:11pt;")
        layout.addWidget(heading)
        layout.addWidget(self.timeline, 1)
        self.remark = QPushButton(self.tr("Add a remark…"), self)
        self.remark.clicked.connect(self._ask_remark)
        self.remark.setEnabled(False)  # until `allow` says the person signed in may
        self.correct = QPushButton(self.tr("Correct the selected line…"), self)
        self.correct.setObjectName("correctEntry")
        self.correct.setEnabled(False)
        self.correct.clicked.connect(self._ask_correction)
        self._may_correct = False
        self.timeline.currentItemChanged.connect(
            lambda current, _previous: self.correct.setEnabled(
                self._may_correct and current is not None
            )
        )
        self.classify = QPushButton(self.tr("Classify the cause…"), self)
        self.classify.setObjectName("classifyCause")
        self.classify.clicked.connect(self._ask_classify)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remark)
        buttons.addWidget(self.correct)
        buttons.addWidget(self.classify)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def allow(self, *, remark: bool, correct: bool) -> None:
        """What the person signed in may do here (the services check too)."""
        self._may_correct = correct
        self.remark.setEnabled(remark)
        self.correct.setEnabled(correct and self.timeline.currentItem() is not None)

    def _ask_remark(self) -> None:
        if self.outage_id is not None:
            self.remark_requested.emit(self.outage_id)

    def _ask_classify(self) -> None:
        if self.outage_id is not None:
            self.classify_requested.emit(self.outage_id)

    def _ask_correction(self) -> None:
        item = self.timeline.currentItem()
        if item is None:
            return
        entry = self._entries.get(int(item.data(0, Qt.ItemDataRole.UserRole)))
        if entry is not None:
            self.correction_requested.emit(entry)

    def show_outage(
        self,
        outage: Outage,
        entries: Sequence[JournalEntry],
        crew_names: Mapping[str, str] | None = None,
    ) -> None:
        """Show the outage; `crew_names` (crew id → name) names the crews in the timeline."""
        names = dict(crew_names or {})
        language = interface_language()
        self.outage_id = outage.outage_id
        self._entries = {e.entry_id: e for e in entries}
        self.setWindowTitle(self.tr("Outage %1").replace("%1", outage.reference))
        out = f"{labels.number(outage.customers_out)} / {labels.number(outage.customers_affected)}"
        etr = format_local(outage.etr)
        if outage.etr is not None:
            etr += f" ({labels.etr_source(outage.etr_source)}, ±{outage.etr_changes})"
        values = {
            "reference": outage.reference,
            "status": labels.outage_status(outage.status),
            "device": outage.device_id or "",
            "customers": out,
            "started": format_local(outage.started_at),
            "etr": etr,
            "crews": ", ".join(names.get(c, c) for c in outage.crew_ids),
            "cause": labels.outage_cause(outage, self.causes),
        }
        # An unplanned outage whose cause is free text (or none) waits for a category.
        self.classify.setVisible(
            outage.kind is OutageKind.UNPLANNED and not self.causes.is_classified(outage.cause)
        )
        for key, value in values.items():
            self._fields[key].setText(value)
        self.timeline.clear()
        by_id = {e.entry_id: e for e in entries}
        for item in timeline(entries):
            e = item.entry
            entered = format_local(e.entered_at, "%H:%M %d/%m")
            if item.entered_late_by >= LATE:
                entered += " " + self.tr("(late)")
            text = describe(
                e, language, crew_names=names, cause_name=labels.cause_name(self.causes)
            )
            if e.kind == EntryKind.CORRECTION:
                corrected = by_id.get(e.corrects) if e.corrects is not None else None
                prefix = self.tr("Correction of %1: ").replace(
                    "%1", format_local(corrected.occurred_at, "%H:%M") if corrected else "?"
                )
                text = prefix + text
            row = QTreeWidgetItem(
                [format_local(e.occurred_at, "%H:%M:%S %d/%m"), entered, e.entered_by, text]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, e.entry_id)
            if item.superseded:
                font = QFont(row.font(3))
                font.setStrikeOut(True)
                row.setFont(3, font)
                row.setForeground(3, QBrush(QColor("#777777")))
                row.setToolTip(3, labels.plain_tooltip(self.tr("Corrected by a later entry")))
            self.timeline.addTopLevelItem(row)
        for column in range(3):
            self.timeline.resizeColumnToContents(column)
