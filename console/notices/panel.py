"""The notices panel: planned interruptions, their notices, the outbox by status, failures
with their reasons; approve (shift lead), cancel, retry failures, print the formal letter,
edit the SMS templates. Everything that reads or writes the database runs on the task
runner; the window never waits for it.

A decision (approve, postpone, cancel, work finished, retry failed) is one action through
the window's ActionRunner, like every other: the plan is read first (tracing its call-ahead
list takes seconds, outside the writers' turn), then `db.notice_store.PlanDecisions` decides
in the action's transaction against the version the dispatcher saw. Its change-log row (and
NOTIFY) name the plan, so this panel refreshes on every console; a plan changed meanwhile
is refused as stale and the panel shows the fresh state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import file_dialogs
from console.language.refusals import refusal_text
from console.notices.models import failure_model, notice_model, plan_model
from console.tasks import TaskRunner
from db import Database
from ops.access.roles import Permission, User, can
from ops.clock import Clock
from ops.errors import DomainError
from ops.notices.outbox import MessageStatus, OutboxMessage
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.planned.records import PlannedOutage, PlanStatus
from ops.settings import config_dir

if TYPE_CHECKING:
    from datetime import datetime

    from console.actions import ActionRunner
    from console.notices.letter_printing import LetterPrinter
    from db.notice_store import Decided, NoticeBook, PlanDecisions, PlanFile
    from db.store import SqlStore
    from ops.delivery.setup import DeliverySetup
    from ops.notices.blackout import BlackoutCalendar
    from ops.stores import Changes

# The delivery machinery (notice store, approval rules, letters, dialogs) is imported when
# first used, not on the way to the first painted window (~0.5 s).

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclass(frozen=True, slots=True)
class NoticesView:
    """What the panel shows, read in one go on the worker thread."""

    plans: list[PlannedOutage]
    counts: dict[MessageStatus, int]  # of the selected plan
    notices: tuple[NoticeEvent, ...]
    failures: list[OutboxMessage]
    versions: dict[int, int] = field(default_factory=dict)  # by plan id: what a decision saw


def read_view(db: Database, plan_id: int | None) -> NoticesView:
    from db.notice_store import NoticeBook
    from db.repositories.outbox import OutboxRepository

    with db.session() as s:
        outbox = OutboxRepository(s)
        plans, versions = NoticeBook(db).plans_seen()
        if plan_id is None:
            return NoticesView(plans, outbox.counts(), (), [], versions)
        failed = outbox.messages(plan_id=plan_id, status=MessageStatus.FAILED, limit=500)
        notices = outbox.notices(plan_id)
        return NoticesView(plans, outbox.counts(plan_id), notices, failed, versions)


class NoticesPanel(QWidget):
    changed = Signal()  # a decision queued or cancelled messages: the scheduler looks again
    refreshed = Signal()
    letter_printed = Signal(str, bool)

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        clock: Clock,
        user: Callable[[], User | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticesPanel")
        self._db, self._runner, self._clock, self._user = db, runner, clock, user
        self._book_: NoticeBook | None = None
        self._setup: DeliverySetup | None = None
        self._calendar_: BlackoutCalendar | None = None
        self._printer: LetterPrinter | None = None
        self._actions_: ActionRunner | None = None
        self._selected: int | None = None
        self._versions: dict[int, int] = {}
        self.plans, self.notices, self.failures = (
            plan_model(self),
            notice_model(self),
            failure_model(self),
        )
        self.plan_view = _table(self, "noticePlans", self.plans)
        self.plan_view.selectionModel().currentRowChanged.connect(self._on_plan_changed)
        self.counts = QLabel(self)
        self.counts.setObjectName("noticeCounts")
        self.message = QLabel(self)
        self.message.setObjectName("noticeMessage")
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel plan…"), self)
        self.postpone_button = QPushButton(self.tr("Postpone…"), self)
        self.finish_button = QPushButton(self.tr("Work finished…"), self)
        self.retry_button = QPushButton(self.tr("Retry failed"), self)
        self.letter_button = QPushButton(self.tr("Letter PDF…"), self)
        self.templates_button = QPushButton(self.tr("SMS templates…"), self)
        # Two short rows, so the panel stays narrow enough to share the screen with the map.
        buttons = QVBoxLayout()
        for row in (
            (
                (self.approve_button, self.approve_selected),
                (self.cancel_button, self.cancel_selected),
                (self.postpone_button, self.postpone_selected),
                (self.finish_button, self.finish_selected),
            ),
            (
                (self.retry_button, self.retry_failed),
                (self.letter_button, self.print_letter),
                (self.templates_button, self.edit_templates),
            ),
        ):
            line = QHBoxLayout()
            for button, slot in row:
                button.clicked.connect(slot)
                line.addWidget(button)
            line.addStretch(1)
            buttons.addLayout(line)
        lower = QSplitter(self)
        lower.addWidget(_table(self, "noticeEvents", self.notices))
        lower.addWidget(_table(self, "noticeFailures", self.failures))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.plan_view)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self._update_buttons()

    @property
    def _book(self) -> NoticeBook:
        if self._book_ is None:
            from db.notice_store import NoticeBook

            self._book_ = NoticeBook(self._db)
        return self._book_

    @property
    def _calendar(self) -> BlackoutCalendar:
        if self._calendar_ is None:
            from ops.notices.blackout import BlackoutCalendar

            self._calendar_ = BlackoutCalendar(())
        return self._calendar_

    @property
    def printer(self) -> LetterPrinter:
        """Writes letter PDFs (made on first use: it loads the letter machinery)."""
        if self._printer is None:
            from console.notices.letter_printing import LetterPrinter

            self._printer = LetterPrinter(self)
            self._printer.printed.connect(self._letter_done)
        return self._printer

    def use_actions(self, actions: ActionRunner) -> None:
        """Decide through `actions` (the window's, as the signed-in user); refresh on the
        changes it reports, this console's and the others'."""
        if self._actions_ is not None:
            self._actions_.changed.disconnect(self.on_changes)
        self._actions_ = actions
        actions.changed.connect(self.on_changes)

    @property
    def _actions(self) -> ActionRunner | None:
        """The window's ActionRunner; a panel on its own makes one for its user."""
        user = self._user()
        if self._actions_ is None or (user is not None and self._actions_.user != user):
            if user is None:
                return None
            from console.actions import ActionRunner

            self.use_actions(ActionRunner(self._db, self._runner, self._clock, user, self))
        return self._actions_

    def on_changes(self, changes: Changes) -> None:
        if changes.planned_work:
            self.refresh()

    def configure(self, setup: DeliverySetup, calendar: BlackoutCalendar) -> None:
        self._setup, self._calendar_ = setup, calendar
        self._update_buttons()

    def refresh(self) -> None:
        plan_id = self._selected
        self._runner.run(lambda: read_view(self._db, plan_id), self._show)

    def selected_plan(self) -> PlannedOutage | None:
        return self.plans.row(self.plan_view.currentIndex().row())

    # --- actions ------------------------------------------------------------------------

    def approve_selected(self) -> None:
        plan, user, setup = self.selected_plan(), self._user(), self._setup
        if plan is None or user is None or setup is None:
            return
        self._say(self.tr("Tracing who is affected…"))
        seen = self._versions.get(plan.plan_id)
        self._runner.run(
            lambda: self._book.load(plan.plan_id),
            lambda file: self._ask_approval(file, seen),
            self._refused,
        )

    def cancel_selected(self) -> None:
        plan, user, setup = self.selected_plan(), self._user(), self._setup
        if plan is None or user is None or setup is None or not CancelPlanDialog.ask(self, plan):
            return
        policy = setup.policy
        self._decide(
            plan,
            lambda d, file, user, now, seen: d.cancel(file, user, now, policy, seen_version=seen),
        )

    def postpone_selected(self) -> None:
        plan, user, setup = self.selected_plan(), self._user(), self._setup
        if plan is None or user is None or setup is None:
            return
        from console.notices.approval_dialog import PostponeDialog

        answer = PostponeDialog.ask(self, plan)
        if answer is None:
            return
        start, end, reason = answer
        policy, calendar = setup.policy, self._calendar
        self._decide(
            plan,
            lambda d, file, user, now, seen: d.postpone(
                file, user, start, end, now, policy, calendar, reason or None, seen_version=seen
            ),
        )

    def finish_selected(self) -> None:
        """The work is done and supply is back: the "work finished" message goes out."""
        plan, user, setup = self.selected_plan(), self._user(), self._setup
        if plan is None or user is None or setup is None or not FinishPlanDialog.ask(self, plan):
            return
        policy = setup.policy
        self._decide(
            plan,
            lambda d, file, user, now, seen: d.finish(
                file, user, now, now, policy, seen_version=seen
            ),
        )

    def retry_failed(self) -> None:
        actions, plan_id = self._actions, self._selected
        if actions is None:
            return

        def retry(store: SqlStore, user: User, clock: Clock) -> Decided:
            from db.notice_store import PlanDecisions

            return PlanDecisions(store).retry_failed(user, clock.now(), plan_id)

        actions.perform(retry, on_done=self._retried, on_refused=self._refused_action)

    def print_letter(self) -> None:
        plan = self.selected_plan()
        if plan is None or self._setup is None:
            return
        self._runner.run(lambda: self._book.load(plan.plan_id), self._ask_letter, self._refused)

    def edit_templates(self) -> None:
        from console.notices.template_editor import TemplateEditor

        TemplateEditor.ask(config_dir() / "notices" / "templates", self._user(), self)

    # --- results ------------------------------------------------------------------------

    def _show(self, view: NoticesView) -> None:
        chosen = self._selected
        self._versions = view.versions
        self.plans.set_rows(view.plans)
        for row, plan in enumerate(view.plans):
            if plan.plan_id == chosen:
                self.plan_view.selectRow(row)
        self.notices.set_rows(view.notices)
        self.failures.set_rows(view.failures)
        for table in self.findChildren(QTableView):
            table.resizeColumnsToContents()  # times and statuses whole, the area stretches
        c = view.counts
        self.counts.setText(
            self.tr("Outbox: %1 scheduled · %2 sending · %3 sent · %4 failed · %5 cancelled")
            .replace("%1", str(c[MessageStatus.SCHEDULED]))
            .replace("%2", str(c[MessageStatus.SENDING]))
            .replace("%3", str(c[MessageStatus.SENT]))
            .replace("%4", str(c[MessageStatus.FAILED]))
            .replace("%5", str(c[MessageStatus.CANCELLED]))
        )
        self._update_buttons()
        self.refreshed.emit()

    def _decide(
        self,
        plan: PlannedOutage,
        decide: Callable[[PlanDecisions, PlanFile, User, datetime, int | None], Decided],
    ) -> None:
        """Read the plan, then decide on it as one action against the version shown."""
        seen = self._versions.get(plan.plan_id)
        self._runner.run(
            lambda: self._book.load(plan.plan_id),
            lambda file: self._perform(file, seen, decide),
            self._refused,
        )

    def _perform(
        self,
        file: PlanFile,
        seen: int | None,
        decide: Callable[[PlanDecisions, PlanFile, User, datetime, int | None], Decided],
    ) -> None:
        actions = self._actions
        if actions is None:
            return

        def action(store: SqlStore, user: User, clock: Clock) -> Decided:
            from db.notice_store import PlanDecisions

            return decide(PlanDecisions(store), file, user, clock.now(), seen)

        actions.perform(action, on_done=self._decided, on_refused=self._refused_action)

    def _ask_approval(self, file: PlanFile, seen: int | None = None) -> None:
        from console.notices.approval_dialog import ApprovalDialog
        from ops.notices.approval import approval_check

        user, setup = self._user(), self._setup
        assert user is not None and setup is not None
        check = approval_check(file.plan, self._clock.now(), setup.policy, self._calendar)
        reason = ApprovalDialog.ask(self, file.plan, check, len(file.call_ahead))
        if reason is None:
            self._say("")
            return
        policy, calendar = setup.policy, self._calendar
        self._perform(
            file,
            seen,
            lambda d, file, user, now, seen: d.approve(
                file, user, now, policy, calendar, reason, seen_version=seen
            ),
        )

    # The refresh comes with the action's changes (`on_changes`), on every console alike.

    def _decided(self, result: Decided) -> None:
        self._say(self.tr("%1 messages queued.").replace("%1", str(result.queued)))
        self.changed.emit()

    def _retried(self, result: Decided) -> None:
        self._say(self.tr("%1 failed messages queued again.").replace("%1", str(result.queued)))
        self.changed.emit()

    def _refused(self, exc: Exception) -> None:
        self._say(refusal_text(exc) if isinstance(exc, DomainError) else repr(exc), error=True)

    def _refused_action(self, message: str, stale: bool) -> None:
        self._say(message, error=True)
        if stale:
            self.refresh()  # the plan as it is now

    def _ask_letter(self, file: PlanFile) -> None:
        from ops.notices.content import notice_facts
        from ops.notices.letter import build_letter, scope_text

        setup = self._setup
        assert setup is not None
        latest = file.notices[-1] if file.notices else None
        notice = latest or NoticeEvent(
            file.plan.plan_id, NoticeKind.INITIAL, 1, self._clock.now(), file.plan.starts_at,
            file.plan.ends_at,
        )  # fmt: skip
        facts = notice_facts(
            file.plan, notice, file.call_ahead.area, setup.sender, self._clock.now()
        )
        scope = scope_text(len(file.call_ahead), len(file.call_ahead.transformer_ids))
        letter = build_letter(facts, setup.templates, file.call_ahead.customers, scope=scope)
        path = LetterPathDialog.ask(self, f"{file.plan.reference}-{notice.sequence:02d}.pdf")
        if path is not None:
            self.printer.print_letter(letter, path)

    def _letter_done(self, path: str, ok: bool) -> None:
        text = (
            self.tr("Letter written: %1") if ok else self.tr("The letter could not be written: %1")
        )
        self._say(text.replace("%1", path), error=not ok)
        self.letter_printed.emit(path, ok)

    def _on_plan_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        plan = self.plans.row(current.row())
        if plan is not None and plan.plan_id != self._selected:
            self._selected = plan.plan_id
            self.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        user, plan = self._user(), self.selected_plan()
        lead = user is not None and can(user, Permission.APPROVE_PLAN) and self._setup is not None
        self.approve_button.setEnabled(
            lead and plan is not None and plan.status is PlanStatus.DRAFT
        )
        changeable = (PlanStatus.APPROVED, PlanStatus.POSTPONED)
        self.cancel_button.setEnabled(lead and plan is not None and plan.status in changeable)
        self.postpone_button.setEnabled(self.cancel_button.isEnabled())
        operator = user is not None and can(user, Permission.OPERATE_DEVICE)
        underway = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.POSTPONED)
        self.finish_button.setEnabled(
            operator and self._setup is not None and plan is not None and plan.status in underway
        )
        self.letter_button.setEnabled(plan is not None and self._setup is not None)
        self.retry_button.setEnabled(user is not None and can(user, Permission.APPROVE_PLAN))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color:#b00020;font-weight:bold;" if error else "")
        self.message.setText(text)


class CancelPlanDialog:
    @classmethod
    def ask(cls, parent: QWidget, plan: PlannedOutage) -> bool:
        answer = QMessageBox.question(
            parent,
            translate("NoticesPanel", "Cancel planned interruption"),
            QCoreApplication.translate(
                "NoticesPanel",
                "Cancel %1? Unsent notices stop; customers already told are told it is off.",
            ).replace("%1", plan.reference),
        )
        return answer == QMessageBox.StandardButton.Yes


class FinishPlanDialog:
    @classmethod
    def ask(cls, parent: QWidget, plan: PlannedOutage) -> bool:
        answer = QMessageBox.question(
            parent,
            translate("NoticesPanel", "Planned work finished"),
            translate(
                "NoticesPanel",
                "Report %1 finished now? Unsent notices stop and the customers who were told "
                "hear that supply is back.",
            ).replace("%1", plan.reference),
        )
        return answer == QMessageBox.StandardButton.Yes


class LetterPathDialog:
    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        name, _ = file_dialogs.get_save_file_name(
            parent,
            translate("NoticesPanel", "Save the letter as PDF"),
            suggested,
            "PDF (*.pdf)",
        )
        return Path(name) if name else None


def _table(parent: QWidget, name: str, model: object) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view
