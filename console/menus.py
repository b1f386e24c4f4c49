"""The main window's menus and the actions behind them that are not about the board itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from console import file_dialogs
from console.crews.position_dialog import set_position_of_selected
from console.outages.action_dialogs import CrewChooser, DeviceChoice, TripDialog
from console.permitted_actions import PermittedActions
from ops import __version__
from ops.access.roles import Permission
from ops.crews.records import CrewStatus
from ops.files import write_text_atomically
from ops.reports.file_names import map_name
from ops.settings import SettingsError, set_setting

if TYPE_CHECKING:
    from console.outages.board_actions import BoardActions
    from console.outages.commands import OutageCommands
    from console.reports.dialogs import ReportActions
    from console.window_parts import Workbench

_P = Permission
# An Operations item: text, keys, the permissions it needs, what it does.
Operation = tuple[str, str, tuple[Permission, ...], Callable[[], None]]

EN_ROUTE, ARRIVED, FIELD_COMPLETE = (
    CrewStatus.EN_ROUTE,
    CrewStatus.ARRIVED,
    CrewStatus.FIELD_COMPLETE,
)


class MainMenus(QObject):
    """File, View, Operations, Reports and Help menus of the main window."""

    def __init__(
        self,
        window: QMainWindow,
        bench: Workbench,
        *,
        commands: OutageCommands,
        board_actions: BoardActions,
        reports: ReportActions,
        language: str,
        refresh: Callable[[], None],
        find: Callable[[], None],
        open_detail: Callable[[int], None],
    ) -> None:
        super().__init__(window)
        self._window, self._w = window, bench
        self._commands, self._board_actions = commands, board_actions
        self._language = language
        self._open_detail = open_detail
        # Every item that does something, with what it needs; see console/permitted_actions.
        self.permitted = PermittedActions()
        self._build(refresh, find, reports)

    def _build(
        self, refresh_board: Callable[[], None], find_outage: Callable[[], None],
        reports: ReportActions,
    ) -> None:  # fmt: skip
        window = self._window
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        export = QAction(self.tr("&Export map as HTML…"), window)
        export.triggered.connect(self._export_map)
        file_menu.addAction(export)
        self.permitted.add(export, Permission.VIEW)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), window)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(window.close)
        file_menu.addAction(quit_action)

        view_menu = window.menuBar().addMenu(self.tr("&View"))
        refresh = QAction(self.tr("&Refresh"), window)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(refresh_board)
        view_menu.addAction(refresh)
        find = QAction(self.tr("&Find outage"), window)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(find_outage)
        view_menu.addAction(find)
        window.addAction(find)
        self.permitted.add(find, Permission.VIEW)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self._language)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._choose_language)

        work = window.menuBar().addMenu(self.tr("&Operations"))
        for entry in self._operations():
            if entry is None:
                work.addSeparator()
                continue
            text, shortcut, needs, slot = entry
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            work.addAction(action)
            window.addAction(action)  # the keys work wherever the focus is in the window
            self.permitted.add(action, *needs)
        self.permitted.add_menu(work)
        self._work = work
        self._add_accounts_menu()
        self.user_changed()

        self.reports = reports
        reports.add_menu(window.menuBar(), self.permitted)

        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), window)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _operations(self) -> tuple[Operation | None, ...]:
        """The Operations menu: text, keys, the permissions the services will ask, what it
        does (None: a separator). A new item is one more row."""
        commands = self._commands
        return (
            (self.tr("Record a device &trip…"), "F2", (_P.RECORD_OUTAGE, _P.OPERATE_DEVICE),
             self._record_trip),
            (self.tr("&Close the outage's device (restore)"), "F3", (_P.OPERATE_DEVICE,),
             self._restore_selected),
            (self.tr("&Assign a crew to the selected outage…"), "Ctrl+G", (_P.ASSIGN_CREW,),
             self._assign_selected),
            (self.tr("Outage &details"), "Ctrl+I", (_P.VIEW,), self._details_of_selected),
            None,
            (self.tr("C&onfirm the predicted outage"), "F4", (_P.CONFIRM_OUTAGE,),
             commands.confirm),
            (self.tr("Set the &expected restoration time…"), "Ctrl+E", (_P.CHANGE_ETR,),
             commands.set_etr),
            (self.tr("Add a &remark…"), "Ctrl+M", (_P.ADD_REMARK,), commands.add_remark),
            (self.tr("C&lose the outage with its cause…"), "Ctrl+Shift+C", (_P.CLOSE_OUTAGE,),
             commands.close),
            (self.tr("Cancel as a &false alarm…"), "Ctrl+Shift+X", (_P.CANCEL_OUTAGE,),
             commands.cancel),
            (self.tr("Classify the ca&use…"), "", (_P.CLASSIFY_CAUSE,),
             lambda: commands.classify_cause()),
            None,
            (self.tr("Selected crew: en route"), "F6", (_P.ASSIGN_CREW,),
             lambda: commands.crew_status(EN_ROUTE)),
            (self.tr("Selected crew: arrived"), "F7", (_P.ASSIGN_CREW,),
             lambda: commands.crew_status(ARRIVED)),
            (self.tr("Selected crew: field work complete"), "F8", (_P.ASSIGN_CREW,),
             lambda: commands.crew_status(FIELD_COMPLETE)),
            (self.tr("Release the selected crew"), "Ctrl+Shift+G", (_P.ASSIGN_CREW,),
             commands.release_crew),
            (self.tr("Set crew &position…"), "Ctrl+Shift+P", (_P.ASSIGN_CREW,),
             lambda: set_position_of_selected(self._w)),
        )  # fmt: skip

    def _choose_language(self, action: QAction) -> None:
        code = str(action.data())
        if code == self._language:
            return
        try:
            set_setting("language", code)  # the rest of the file stays as written
        except (OSError, SettingsError) as exc:
            QMessageBox.warning(
                self._window,
                self.tr("Language"),
                self.tr("Could not save the setting: %1").replace("%1", str(exc)),
            )
            return
        QMessageBox.information(
            self._window,
            self.tr("Language"),
            self.tr("The new language is used from the next start of the console."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About"),
            self.tr(
                "Outage operations console %1\n\nFeeder outages, crews, restoration deadlines, "
                "planned interruptions and their notices, for distribution dispatch offices.\n\n"
                "Database: %2"
            )
            .replace("%1", __version__)
            .replace("%2", self._w.database.description),
        )

    def _export_map(self) -> None:
        if self._w.board is None:
            return
        path, _ = file_dialogs.get_save_file_name(
            self._window,
            self.tr("Export map"),
            f"{map_name(self._w.language)}.html",
            self.tr("Web page (*.html)"),
        )
        if not path:
            return
        board = self._w.board
        target = Path(path)

        def work() -> Path:
            from maps import build_map_html, map_state  # heavy import, off the GUI thread

            html = build_map_html(
                board.network,
                map_state(board.network, board.outages, board.crews),
                title=board.site.district_name or "Outage map",
                demo=board.site.is_demo,
                center=board.site.center,
                bridge=False,
                language=self._w.language,
            )
            write_text_atomically(target, html)
            return target

        self._w.runner.run(
            work,
            lambda written: self._w.status.show_message(
                self.tr("Map written to %1").replace("%1", str(written))
            ),
            self._export_failed,
        )

    def _export_failed(self, exc: Exception) -> None:
        QMessageBox.warning(
            self._window,
            self.tr("Export map"),
            self.tr("Could not write the map: %1").replace("%1", str(exc)),
        )

    def _add_accounts_menu(self) -> None:
        menu = self._window.menuBar().addMenu(self.tr("A&ccounts"))
        self._manage_accounts = QAction(self.tr("&Manage accounts…"), self._window)
        self._manage_accounts.triggered.connect(self.open_accounts)
        self._change_password = QAction(self.tr("Change my &password…"), self._window)
        self._change_password.triggered.connect(self._change_my_password)
        menu.addAction(self._manage_accounts)
        menu.addAction(self._change_password)
        self.permitted.add(self._manage_accounts, Permission.MANAGE_USERS)
        self.permitted.add(self._change_password)  # anyone signed in
        self.accounts_screen: QWidget | None = None
        crews = self._window.menuBar().addMenu(self.tr("C&rews"))
        self._manage_crews = QAction(self.tr("&Manage crews…"), self._window)
        self._manage_crews.triggered.connect(self.open_crews)
        crews.addAction(self._manage_crews)
        self.permitted.add(self._manage_crews, Permission.MANAGE_CREWS)
        self.crews_screen: QWidget | None = None

    def open_crews(self) -> None:
        from console.crews.roster_screen import CrewsScreen
        from ops.crews.shifts import ShiftPattern
        from ops.settings import load_settings

        actions = self._w.action_runner
        if actions is None:
            return
        if self.crews_screen is None:
            starts = ShiftPattern.parse(load_settings().shift_starts).starts
            self.crews_screen = CrewsScreen(self._w, actions, starts)
        self.crews_screen.show()
        self.crews_screen.raise_()

    def open_accounts(self) -> None:
        from console.accounts.screen import AccountsScreen  # reads accounts: after first paint

        actions = self._w.action_runner
        if actions is None:
            return
        if self.accounts_screen is None:
            self.accounts_screen = AccountsScreen(self._w, actions)
        self.accounts_screen.show()
        self.accounts_screen.raise_()

    def _change_my_password(self) -> None:
        from console.accounts.screen import change_my_password

        change_my_password(self._w)

    def user_changed(self) -> None:
        """Each item and its keys enabled for what the signed-in person may do (the services
        refuse all the same); nothing for no one signed in."""
        self.permitted.user_changed(self._w.user)

    def _record_trip(self) -> None:
        board = self._w.board
        if board is None:
            return
        closed = [
            DeviceChoice(s.switch_id, s.name)
            for s in sorted(board.network.switches, key=lambda s: s.switch_id)
            if not s.is_open
        ]
        report = TripDialog.ask(self._window, closed, self._w.clock, self._w.policy.causes)
        if report is not None:
            self._board_actions.record_trip(report)

    def _restore_selected(self) -> None:
        outage_id = self._w.selected_outage_id()
        if outage_id is not None:
            self._board_actions.close_outage_device(outage_id)

    def _assign_selected(self) -> None:
        board, outage_id = self._w.board, self._w.selected_outage_id()
        if board is None or outage_id is None:
            return
        crew_id = CrewChooser.ask(self._window, board.crews)
        if crew_id is not None:
            self._board_actions.assign_crew(outage_id, crew_id)

    def _details_of_selected(self) -> None:
        outage_id = self._w.selected_outage_id()
        if outage_id is not None:
            self._open_detail(outage_id)
