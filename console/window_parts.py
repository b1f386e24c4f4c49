"""What the window's panels, menus and commands use of it: one small interface.

The main window implements `Workbench`; the parts take it (and the few other parts they
work with) in their constructors instead of the whole window. Nothing but the application
imports `console.main_window` (import-linter checks this).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from console.actions import ActionRunner
    from console.tasks import TaskRunner
    from db import Database
    from db.board import Board
    from ops.access.roles import User
    from ops.clock import Clock
    from ops.policy import Policy


class Messages(Protocol):
    """The status line a part reports to."""

    def show_message(self, text: str, *, error: bool = False) -> None: ...


class Workbench(Protocol):
    """The window as a command, menu or panel sees it; every member is valid from the
    window's construction on (None where nothing is there yet)."""

    @property
    def database(self) -> Database: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def policy(self) -> Policy: ...

    @property
    def language(self) -> str:
        """The interface language ("vi" or "en"): also the map's and the reports' language."""
        ...

    @property
    def runner(self) -> TaskRunner: ...

    @property
    def status(self) -> Messages: ...

    @property
    def board(self) -> Board | None:
        """What the screen shows now; None until the first load has finished."""
        ...

    @property
    def user(self) -> User | None: ...

    @property
    def action_runner(self) -> ActionRunner | None:
        """Runs actions as the signed-in user; None while no one is signed in."""
        ...

    def window(self) -> QWidget:
        """The parent of the dialogs a part opens."""
        ...

    def selected_outage_id(self) -> int | None: ...

    def selected_crew_id(self) -> str | None: ...

    def select_outage(self, outage_id: int) -> None: ...

    def select_outage_when_shown(self, outage_id: int) -> None:
        """Select the outage now, or as soon as a board read brings its row (a new one)."""
        ...
