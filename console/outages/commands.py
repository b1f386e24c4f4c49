"""The dispatcher's other outage and crew commands: confirm, ETR, remark, close, cancel,
crew status and release, a breach's reason. Each asks what it needs, then runs one action.

The services check the role and the lifecycle again; the menu only saves a pointless trip.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from console.language import labels
from console.language.refusals import refusal_text
from console.outages.cause_dialogs import CauseDialog, CauseEntry
from console.outages.dialogs import Confirm, EtrDialog, TextDialog
from ops.access.roles import Permission, require
from ops.crews.etr import EtrEstimate, estimate_etr
from ops.crews.records import Crew, CrewStatus
from ops.errors import DomainError
from ops.outages.deadlines import Deadline
from ops.outages.records import JournalEntry, Outage, OutageStatus

if TYPE_CHECKING:
    from console.outages.alerts import AlertsPanel
    from console.window_parts import Workbench
    from ops.access.roles import User
    from ops.clock import Clock
    from ops.stores import Changes, Store


class OutageCommands(QObject):
    """Commands on the selected outage or crew, run through the window's action runner."""

    def __init__(self, bench: Workbench, alerts: AlertsPanel) -> None:
        super().__init__(bench.window())
        self._w = bench
        self._alerts = alerts

    # --- what is selected ----------------------------------------------------------------

    def selected_outage(self) -> Outage | None:
        board, outage_id = self._w.board, self._w.selected_outage_id()
        if board is None or outage_id is None:
            self._w.status.show_message(self.tr("Select an outage first."))
            return None
        return next((o for o in board.outages if o.outage_id == outage_id), None)

    def selected_crew(self) -> Crew | None:
        board, crew_id = self._w.board, self._w.selected_crew_id()
        if board is None or crew_id is None:
            self._w.status.show_message(self.tr("Select a crew first."))
            return None
        return next((c for c in board.crews if c.crew_id == crew_id), None)

    def _perform(
        self,
        fn: Callable[[Store, User, Clock], Changes],
        *,
        on_refused: Callable[[str, bool], None] | None = None,
    ) -> None:
        if self._w.action_runner is None:
            self._w.status.show_message(self.tr("Sign in to change outages."))
            return
        self._w.action_runner.perform(fn, on_refused=on_refused)

    # --- outage commands -------------------------------------------------------------------

    def confirm(self) -> None:
        from ops.outages.services import confirm

        o = self.selected_outage()
        if o is None:
            return
        if o.status is not OutageStatus.PREDICTED:
            self._w.status.show_message(
                self.tr("%1 is already %2.")
                .replace("%1", o.reference)
                .replace("%2", labels.outage_status(o.status))
            )
            return
        self._perform(
            lambda store, user, clock: confirm(
                store, user, clock, outage_id=o.outage_id, version=o.version
            )
        )

    def set_etr(self) -> None:
        from ops.crews.services import set_etr

        o = self.selected_outage()
        if o is None:
            return
        now = self._w.clock.now()
        entry = EtrDialog.ask(
            self._w.window(), o.reference, now, o.etr, self.system_estimate(o, now)
        )
        if entry is None:
            return
        self._perform(
            lambda store, user, clock: set_etr(
                store, user, clock, outage_id=o.outage_id, version=o.version, etr=entry.etr,
                source=entry.source, confidence=entry.confidence,
            )
        )  # fmt: skip

    def system_estimate(self, o: Outage, now: datetime) -> EtrEstimate:
        """Travel of the outage's nearest crew plus the typical repair for its cause."""
        board = self._w.board
        crews = [c for c in board.crews if c.crew_id in o.crew_ids] if board else []
        return estimate_etr(
            now,
            cause_category=o.cause.strip() or None,
            outage_position=o.position,
            crews=crews,
            settings=self._w.policy.etr,
        )

    def add_remark(self, outage_id: int | None = None) -> None:
        from ops.outages.remarks import add_remark

        if outage_id is not None:
            self._w.select_outage(outage_id)
        o = self.selected_outage()
        if o is None:
            return
        entry = TextDialog.ask(
            self._w.window(),
            self.tr("Remark – %1").replace("%1", o.reference),
            self.tr("What happened (goes to the outage's journal):"),
            self._w.clock.now(),
        )
        if entry is None:
            return
        self._perform(
            lambda store, user, clock: add_remark(
                store, user, clock, outage_id=o.outage_id, text=entry.text,
                occurred_at=entry.occurred_at,
            )
        )  # fmt: skip

    def correct_entry(self, entry: JournalEntry) -> None:
        """A journal line put right by a new line; the old one stays, struck through."""
        from ops.outages.remarks import correct_entry

        fix = TextDialog.ask(
            self._w.window(),
            self.tr("Correct a journal line"),
            self.tr("The line as it should read (the original stays in the journal):\n%1").replace(
                "%1", entry.text
            ),
            self._w.clock.now(),
            at=entry.occurred_at,
        )
        if fix is None:
            return
        self._perform(
            lambda store, user, clock: correct_entry(
                store, user, clock, entry_id=entry.entry_id, text=fix.text,
                occurred_at=fix.occurred_at,
            )
        )  # fmt: skip

    def close(self) -> None:
        o = self.selected_outage()
        if o is not None:
            self._close(o.outage_id, None, "")

    def _close(self, outage_id: int, initial: CauseEntry | None, problem: str) -> None:
        """Say first what would refuse closing; after a refusal the dialog comes back with
        what was entered and why it was refused."""
        from ops.outages.services import close, close_refusal

        o = self._outage(outage_id)
        if o is None:
            return
        refusal = self._would_refuse(o, close_refusal, Permission.CLOSE_OUTAGE)
        if refusal is not None:
            self._w.status.show_message(
                self.tr("%1 cannot be closed now: %2")
                .replace("%1", o.reference)
                .replace("%2", refusal_text(refusal)),
                error=True,
            )
            return
        entry = CauseDialog.ask(
            self._w.window(),
            self.tr("Close outage %1").replace("%1", o.reference),
            self.tr("Cause found in the field (required to close):"),
            self._w.clock.now(),
            self._w.policy.causes,
            remark_label=self.tr("Remark (optional)"),
            initial=initial,
            problem=problem,
        )
        if entry is None or not Confirm.ask(
            self._w.window(),
            self.tr("Close outage"),
            self.tr("Close %1? A closed outage cannot be reopened.").replace("%1", o.reference),
        ):
            return
        o = self._outage(outage_id) or o  # the version as the board has it now
        causes = self._w.policy.causes
        self._perform(
            lambda store, user, clock: close(
                store, user, clock, outage_id=o.outage_id, version=o.version, cause=entry.cause,
                remark=entry.remark, causes=causes, occurred_at=entry.occurred_at,
            ),
            on_refused=lambda message, stale: self._again(
                message, stale, lambda: self._close(outage_id, entry, message)
            ),
        )  # fmt: skip

    def cancel(self) -> None:
        o = self.selected_outage()
        if o is not None:
            self._cancel(o.outage_id, None, "")

    def _cancel(self, outage_id: int, initial: CauseEntry | None, problem: str) -> None:
        from db.actions import caches_for
        from ops.outages.services import cancel, cancel_refusal

        o = self._outage(outage_id)
        if o is None:
            return
        refusal = self._would_refuse(o, cancel_refusal, Permission.CANCEL_OUTAGE)
        if refusal is not None:
            self._w.status.show_message(
                self.tr("%1 cannot be cancelled now: %2")
                .replace("%1", o.reference)
                .replace("%2", refusal_text(refusal)),
                error=True,
            )
            return
        entry = CauseDialog.ask(
            self._w.window(),
            self.tr("Cancel outage %1 (false alarm)").replace("%1", o.reference),
            self.tr("Why it was not a real outage, and what made the device open if known:"),
            self._w.clock.now(),
            self._w.policy.causes,
            remark_label=self.tr("Reason (required)"),
            cause_required=False,
            remark_required=True,
            with_time=False,
            initial=initial,
            problem=problem,
        )
        if entry is None or not Confirm.ask(
            self._w.window(),
            self.tr("Cancel outage"),
            self.tr(
                "Cancel %1 as a false alarm? Devices still open on its account are closed in "
                "the model; this cannot be undone."
            ).replace("%1", o.reference),
        ):
            return
        o = self._outage(outage_id) or o
        ledgers = caches_for(self._w.database).ledgers
        causes = self._w.policy.causes
        self._perform(
            lambda store, user, clock: cancel(
                store, user, clock, outage_id=o.outage_id, version=o.version,
                reason=entry.remark, cause=entry.cause, causes=causes, ledgers=ledgers,
            ),
            on_refused=lambda message, stale: self._again(
                message, stale, lambda: self._cancel(outage_id, entry, message)
            ),
        )  # fmt: skip

    def classify_cause(self, outage_id: int | None = None) -> None:
        """A shift lead puts the outage's cause (free text, or none) into a category."""
        from ops.outages.classification import classify_cause

        if outage_id is not None:
            self._w.select_outage(outage_id)
        o = self.selected_outage() if outage_id is None else self._outage(outage_id)
        if o is None:
            return
        refusal = self._would_refuse(o, lambda _o, _names: None, Permission.CLASSIFY_CAUSE)
        if refusal is not None:
            self._w.status.show_message(refusal_text(refusal), error=True)
            return
        shown = labels.outage_cause(o, self._w.policy.causes) or self.tr("none recorded")
        entry = CauseDialog.ask(
            self._w.window(),
            self.tr("Classify the cause – %1").replace("%1", o.reference),
            self.tr("Recorded cause: %1. The category it belongs to:").replace("%1", shown),
            self._w.clock.now(),
            self._w.policy.causes,
            remark_label=self.tr("Remark (optional)"),
            with_time=False,
            initial=CauseEntry(o.cause.strip(), "", self._w.clock.now()),
        )
        if entry is None:
            return
        causes = self._w.policy.causes
        self._perform(
            lambda store, user, clock: classify_cause(
                store, user, clock, outage_id=o.outage_id, version=o.version,
                cause=entry.cause, remark=entry.remark, causes=causes,
            )
        )  # fmt: skip

    def _outage(self, outage_id: int) -> Outage | None:
        board = self._w.board
        return next((o for o in board.outages if o.outage_id == outage_id), None) if board else None

    def _would_refuse(
        self,
        o: Outage,
        check: Callable[[Outage, Callable[[str], str]], DomainError | None],
        permission: Permission,
    ) -> DomainError | None:
        """What the service would refuse whatever is typed (the role, crews still on it, the
        status), asked before the dialog opens so nobody types a cause for nothing."""
        user = self._w.user
        try:
            if user is not None:
                require(user, permission)
        except DomainError as refused:
            return refused
        board = self._w.board
        names = {c.crew_id: c.name for c in board.crews} if board is not None else {}
        return check(o, lambda crew_id: names.get(crew_id, crew_id))

    def _again(self, message: str, stale: bool, ask_again: Callable[[], None]) -> None:
        """A refusal after the dialog: shown as any refusal, then the dialog again with what
        the dispatcher entered (on the fresh outage when someone else changed it)."""
        if self._w.action_runner is not None:
            self._w.action_runner.refused.emit(message, stale)
        ask_again()

    def explain_breach(self, deadline: Deadline, reference: str) -> None:
        from ops.outages.remarks import explain_breach

        entry = TextDialog.ask(
            self._w.window(),
            self.tr("Deadline missed – %1").replace("%1", reference),
            self.tr("Why the %1 deadline was missed (journal and shift report):").replace(
                "%1", labels.deadline_kind(deadline.kind)
            ),
            self._w.clock.now(),
            with_time=False,
        )
        if entry is None:
            return
        self._perform(
            lambda store, user, clock: explain_breach(
                store, user, clock, deadline=deadline, reason=entry.text
            )
        )
        self._alerts.mark_explained(deadline)

    # --- crew commands -----------------------------------------------------------------------

    def crew_status(self, status: CrewStatus) -> None:
        from ops.crews.services import set_crew_status

        crew = self.selected_crew()
        if crew is None:
            return
        at = self._w.clock.now()
        self._perform(
            lambda store, user, clock: set_crew_status(
                store, user, clock, crew_id=crew.crew_id, crew_version=crew.version,
                status=status, occurred_at=at,
            )
        )  # fmt: skip

    def release_crew(self) -> None:
        """Take the selected crew off the selected outage (or off its only outage)."""
        from ops.crews.services import release_crew

        crew, board = self.selected_crew(), self._w.board
        if crew is None or board is None:
            return
        selected = self._w.selected_outage_id()
        if selected in crew.outage_ids:
            outage_id = selected
        elif len(crew.outage_ids) == 1:
            outage_id = crew.outage_ids[0]
        else:
            self._w.status.show_message(
                self.tr("%1 works on several outages: select the one to release it from.").replace(
                    "%1", crew.name
                )
                if crew.outage_ids
                else self.tr("%1 is not on any outage.").replace("%1", crew.name)
            )
            return
        outage = next((o for o in board.outages if o.outage_id == outage_id), None)
        if outage is None:
            return
        self._perform(
            lambda store, user, clock: release_crew(
                store, user, clock, outage_id=outage.outage_id, outage_version=outage.version,
                crew_id=crew.crew_id, crew_version=crew.version,
            )
        )  # fmt: skip
