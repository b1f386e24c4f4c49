"""What the dispatcher does to the board: send crews, record trips, restore; each one action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ops.planned.records import SwitchAction

if TYPE_CHECKING:
    from console.outages.action_dialogs import TripReport
    from console.window_parts import Workbench
    from ops.stores import Changes

# The services and the store load on the first action, not on the way to the first window.


class BoardActions(QObject):
    """The board's own actions, run through the window's ActionRunner as the signed-in user.

    What they change comes back from the runner (`ActionRunner.changed`) to the window.
    """

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window())
        self._w = bench

    def assign_crew(self, outage_id: int, crew_id: str) -> None:
        """Send a crew to an outage (drag and drop, or the keyboard)."""
        from ops.crews.services import assign_crew

        board = self._w.board
        if self._w.action_runner is None or board is None:
            self._w.status.show_message(self.tr("Sign in to assign crews."))
            return
        outage = next((o for o in board.outages if o.outage_id == outage_id), None)
        crew = next((c for c in board.crews if c.crew_id == crew_id), None)
        if outage is None or crew is None:
            return
        self._w.action_runner.perform(
            lambda store, user, clock: assign_crew(
                store,
                user,
                clock,
                outage_id=outage.outage_id,
                outage_version=outage.version,
                crew_id=crew.crew_id,
                crew_version=crew.version,
            )
        )

    def record_trip(self, report: TripReport) -> None:
        """A protective device opened in the field: a new outage from tracing, selected in
        the table once it is shown."""
        from db.actions import caches_for
        from ops.outages.services import record_trip

        if self._w.action_runner is None:
            return
        ledgers = caches_for(self._w.database).ledgers
        causes = self._w.policy.causes

        def select(changes: Changes) -> None:
            if changes.created_outage is not None:
                self._w.select_outage_when_shown(changes.created_outage)

        self._w.action_runner.perform(
            lambda store, user, clock: record_trip(
                store, user, clock, device_id=report.device_id, occurred_at=report.occurred_at,
                cause=report.cause, remark=report.remark, causes=causes, ledgers=ledgers,
            ),
            on_done=select,
        )  # fmt: skip

    def close_outage_device(self, outage_id: int) -> None:
        """A restoration step: the outage's own device closed again."""
        from db.actions import caches_for
        from ops.outages.services import operate_device

        board = self._w.board
        outage = (
            next((o for o in board.outages if o.outage_id == outage_id), None) if board else None
        )
        if self._w.action_runner is None or outage is None or outage.device_id is None:
            return
        at, device = self._w.clock.now(), outage.device_id
        ledgers = caches_for(self._w.database).ledgers
        self._w.action_runner.perform(
            lambda store, user, clock: operate_device(
                store,
                user,
                clock,
                outage_id=outage.outage_id,
                version=outage.version,
                device_id=device,
                action=SwitchAction.CLOSE,
                occurred_at=at,
                ledgers=ledgers,
            )
        )
