"""The dispatcher's main window: map, outage table, crew panel, status bar."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
)

from console.board_loader import BoardReader, BoardUpdate, is_broad, names_board
from console.connection_banner import ConnectionBanner
from console.crews.panel import CREW_ID_ROLE, CrewTableModel, CrewView
from console.crews.position_feed import PositionFeed
from console.map.view import MapView
from console.menus import MainMenus
from console.notices.panel import NoticesPanel
from console.outages.alerts import AlertsPanel
from console.outages.board_actions import BoardActions
from console.outages.commands import OutageCommands
from console.outages.deadline_watch import DeadlineWatch, describe
from console.outages.detail import OutageDetail
from console.outages.table import OUTAGE_ID_ROLE, Col, OutageFilter, OutageTableModel
from console.reports.dialogs import ReportActions
from console.status_bar import ConsoleStatusBar
from console.tasks import TaskRunner
from console.window_layout import arrange, make_table, restore, save, titled
from db import Database
from db.board import Board
from db.repositories.outages import OutageRepository
from ops.access.roles import Permission, User, can
from ops.clock import Clock
from ops.crews.shifts import ShiftPattern
from ops.outages.deadlines import DeadlineTransition
from ops.outages.records import JournalEntry, Outage
from ops.policy import Policy, load_profile
from ops.settings import Settings, SettingsError, load_settings
from ops.stores import Changes

if TYPE_CHECKING:
    from console.actions import ActionRunner

log = logging.getLogger(__name__)

# What the change log cannot tell comes with time: the shift's work in minutes, restored
# outages leaving the board after 12 h, the shift changing. A whole read once a minute
# keeps those current (and anything written past the change log); the changes themselves
# are shown as they come.
REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    """Everything a dispatcher watches during a shift, on one screen.

    Its parts take it as a `console.window_parts.Workbench`, nothing more.
    """

    board_loaded = Signal()
    map_loaded = Signal()
    detail_shown = Signal(int)
    changes_applied = Signal(object)  # Changes
    action_refused = Signal(str)

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        language: str = "vi",
        policy: Policy | None = None,
        user: User | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self._settings = settings  # None: read settings.toml when started
        self._shifts: ShiftPattern | None = None
        self._clock = clock
        self._language = language
        self._policy = policy or load_profile("vn-default")
        self._board: Board | None = None
        self._reader = BoardReader(db, language)
        self._loading = False
        self._pending_whole = False  # a whole read asked for while another read runs
        self._pending = Changes()  # changes come in while a read runs
        self._select_when_shown: int | None = None  # a new outage, selected once it is read
        # Actions as the signed-in user; without one (a viewer's screen, tests) nothing is sent.
        self.user: User | None = None
        self.action_runner: ActionRunner | None = None
        self.runner = TaskRunner(self)
        self.runner.error.connect(self._show_background_error)
        self.setWindowTitle(self.tr("Outage operations console"))
        self.setObjectName("MainWindow")

        self.banner = QLabel(self)
        self.banner.setObjectName("demoBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background:#ffd54f;color:#3e2723;font-weight:bold;padding:4px;"
            "border-bottom:1px solid #c8a415;"
        )
        self.banner.hide()
        self.connection_banner = ConnectionBanner(self)

        self.map_view = MapView(self)
        self.map_view.setObjectName("mapView")
        self.map_view.map_ready.connect(self._on_map_ready)
        self.map_view.map_failed.connect(self._on_map_failed)
        self.map_view.bridge.outage_clicked.connect(self.select_outage)

        self.outages = OutageTableModel(self)
        self.outage_filter = OutageFilter(self)
        self.outage_filter.setSourceModel(self.outages)
        self.outage_view = make_table(self, "outageTable", self.outage_filter)
        self.outage_view.sortByColumn(Col.STARTED, Qt.SortOrder.DescendingOrder)
        self.outage_view.selectionModel().currentRowChanged.connect(self._on_outage_row_changed)
        self.outage_view.activated.connect(self._open_detail_of_index)  # Enter or double-click
        self.detail = OutageDetail(self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("outageFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter outages: reference, feeder, device, cause… (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.outage_filter.set_text)
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.setObjectName("openOnly")
        self.open_only.toggled.connect(self.outage_filter.set_open_only)

        self.deadline_watch = DeadlineWatch(self._policy, self)
        self.deadline_watch.deadline_alerted.connect(self._on_deadline_alert)
        self.alerts = AlertsPanel(self)
        self.alerts.outage_chosen.connect(self.select_outage)
        self.status = ConsoleStatusBar(db.description, self)
        self.setStatusBar(self.status)
        self.commands = OutageCommands(self, self.alerts)
        self.alerts.explanation_requested.connect(self.commands.explain_breach)
        self.detail.remark_requested.connect(self.commands.add_remark)
        self.detail.correction_requested.connect(self.commands.correct_entry)
        self.detail.classify_requested.connect(self.commands.classify_cause)
        self.outages.causes = self.detail.causes = self._policy.causes

        self.crews = CrewTableModel(self)
        self.crew_view = CrewView(self)
        self.notices_panel = NoticesPanel(db, self.runner, clock, lambda: self.user, self)
        make_table(self, "crewTable", self.crews, self.crew_view)
        self.crew_view.setSortingEnabled(False)
        self.outage_view.setDragEnabled(True)
        self.outage_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

        self.board_actions = BoardActions(self)
        self.crew_view.outage_dropped.connect(self.board_actions.assign_crew)
        self.position_feed = PositionFeed(self)
        self.position_feed.positions_recorded.connect(self.apply_changes)

        self._build_layout()
        self.menus = MainMenus(
            self, self, commands=self.commands, board_actions=self.board_actions,
            reports=ReportActions(self, self.map_view), language=language,
            refresh=self.refresh, find=self._focus_filter, open_detail=self.open_detail,
        )  # fmt: skip
        if user is not None:
            self.sign_in_as(user)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._tick()

    @property
    def language(self) -> str:
        return self._language

    @property
    def database(self) -> Database:
        return self._db

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def policy(self) -> Policy:
        return self._policy

    @property
    def board(self) -> Board | None:
        """What the screen shows now; None until the first load has finished."""
        return self._board

    def sign_in_as(self, user: User) -> None:
        """Act as this user from now on (before `start`)."""
        from console.actions import ActionRunner  # loads the services: after first paint

        self.user = user
        self.action_runner = ActionRunner(self._db, self.runner, self._clock, user, self)
        self.action_runner.changed.connect(self.apply_changes)
        # After a reconnection the runner reads what the change log holds since (a whole
        # read when the log cannot tell), so the board misses nothing and reads no more.
        self.action_runner.everything_changed.connect(self.refresh)
        self.action_runner.refused.connect(self._on_refused)
        self.action_runner.connection_lost.connect(self.connection_banner.show_lost)
        self.action_runner.connection_restored.connect(self.connection_banner.show_restored)
        self.action_runner.database_lost.connect(self.connection_banner.show_database_lost)
        self.action_runner.saved_after_all.connect(self.status.show_message)
        self.notices_panel.use_actions(self.action_runner)  # decides through it, refreshes on it
        self.status.user.setText(f"{user.username} · {user.display_name}")
        self.menus.user_changed()
        self.detail.allow(
            remark=can(user, Permission.ADD_REMARK), correct=can(user, Permission.CORRECT_ENTRY)
        )
        self.alerts.allow_explaining(can(user, Permission.EXPLAIN_BREACH))

    # --- layout -----------------------------------------------------------------------

    def _build_layout(self) -> None:
        outages = titled(
            self, self.tr("Outages"), self.outage_view, (self.filter_edit, self.open_only)
        )
        crews = titled(self, self.tr("Crews"), self.crew_view)
        self._arrangement = arrange(
            self, banners=(self.banner, self.connection_banner), map_view=self.map_view,
            outages=outages, alerts=self.alerts,
            tabs=((crews, self.tr("Crews")), (self.notices_panel, self.tr("Notices"))),
        )  # fmt: skip
        self.main_splitter, self.right_splitter = self._arrangement.main, self._arrangement.right
        self.lower_tabs = self._arrangement.tabs

    # --- data -------------------------------------------------------------------------

    def start(self) -> None:
        """Load the board and the map in the background; the window is usable meanwhile."""
        self.status.show_message(self.tr("Loading the network and outages…"))
        self._read_whole()
        self._refresh_timer.start()
        if self.action_runner is not None:
            self.action_runner.start_polling()
        settings = self._settings or _saved_settings()
        self._shifts = ShiftPattern.parse(settings.shift_starts)  # checked when read
        self.position_feed.watch(settings.crew_positions_file)
        self.notices_panel.refresh()

    def refresh(self) -> None:
        """Read the whole board again (F5, the timer, a reconnection, a change too broad)."""
        if self._board is not None:
            self._read_whole()

    def apply_changes(self, changes: Changes) -> None:
        """Show what an action (here or at another workstation) changed: only the rows, map
        parts and panels it names."""
        if is_broad(changes):
            self.refresh()
        elif names_board(changes) and self._board is not None:
            self._pending |= changes
            self._next_read()
        shown = self.detail.outage_id
        if self.detail.isVisible() and shown in changes.journal | changes.outages:
            self.open_detail(shown)  # the open timeline follows what was just recorded
        self.changes_applied.emit(changes)

    def _on_refused(self, message: str, stale: bool) -> None:
        if stale:
            message = self.tr(
                "Someone else changed this first; the fresh state is shown. %1"
            ).replace("%1", message)
            self.refresh()
        self.status.show_message(message, error=True)
        self.action_refused.emit(message)

    def _read_whole(self) -> None:
        self._pending_whole = True
        self._next_read()

    def _next_read(self) -> None:
        """One read at a time; what was asked for meanwhile is read after it, merged."""
        if self._loading:
            return
        reader, now, shifts = self._reader, self._clock.now(), self._shifts
        board = self._board
        if self._pending_whole or board is None:
            self._pending_whole, self._pending = False, Changes()
            self._loading = True
            self.runner.run(
                lambda: reader.whole(now, shifts, board), self._on_loaded, self._on_load_failed
            )
        elif not self._pending.is_empty:
            changes, self._pending = self._pending, Changes()
            self._loading = True
            self.runner.run(
                lambda: reader.changed(board, changes, now, shifts),
                self._on_loaded,
                self._on_load_failed,
            )

    def _on_loaded(self, update: BoardUpdate) -> None:
        self._loading = False
        first = self._board is None
        self._board = board = update.board
        if update.full:
            self._fill_tables(board)
        else:
            self.outages.update_outages(update.outages, update.removed)
            self.crews.update_crews(
                update.crews, {o.outage_id: o.reference for o in board.outages},
                board.workload, board.shift,
            )  # fmt: skip
        if first:
            self.outage_view.resizeColumnsToContents()
            self.crew_view.resizeColumnsToContents()
        if update.html is not None:
            self.map_view.show_html(update.html)
        elif update.payload is not None:
            self.map_view.call("applyState", update.payload)
        self._show_site(board)
        if self._select_when_shown is not None:
            self.select_outage_when_shown(self._select_when_shown)
        self.status.clear_message()
        self._tick()  # deadlines of the fresh board at once, not a second later
        self.board_loaded.emit()
        self._next_read()

    def _fill_tables(self, board: Board) -> None:
        """Every row anew; the selected outage and crew are selected again."""
        outage_id, crew_id = self.selected_outage_id(), self.selected_crew_id()
        feeder_names = {f.feeder_id: f.name for f in board.network.feeders}
        self.outages.set_outages(board.outages, feeder_names)
        self.crews.set_crews(
            board.crews, {o.outage_id: o.reference for o in board.outages},
            board.workload, board.shift,
        )  # fmt: skip
        if outage_id is not None:
            self.select_outage(outage_id)
        if crew_id is not None:
            self.select_crew(crew_id)

    def _on_load_failed(self, exc: Exception) -> None:
        self._loading = False
        self._show_read_error(exc)
        self._next_read()

    def _show_read_error(self, exc: Exception) -> None:
        self.status.show_message(self.tr("Could not read the database: %1").replace("%1", str(exc)))

    def _show_site(self, board: Board) -> None:
        site = board.site
        name = site.district_name or self.tr("(no district)")
        self.setWindowTitle(f"{name} – {self.tr('Outage operations console')}")
        if site.is_demo:
            self.banner.setText(
                self.tr("DEMO DATA – %1 is a generated district, not a real network.").replace(
                    "%1", name
                )
            )
            self.banner.show()
        else:
            self.banner.hide()
        open_outages = [o for o in board.outages if o.status.is_open]
        self.status.set_counts(
            open_outages=len(open_outages),
            customers_out=sum(o.customers_out for o in open_outages),
            customers=site.customers,
            crews_out=sum(1 for c in board.crews if c.outage_ids),
            crews=len(board.crews),
        )

    def _on_map_ready(self) -> None:
        selected = self.selected_outage_id()
        if selected is not None:
            self.map_view.call("highlightOutage", selected)
        self.map_loaded.emit()

    def _on_map_failed(self, reason: str) -> None:
        log.error("map failed: %s", reason)
        self.status.show_message(self.tr("The map could not be shown: %1").replace("%1", reason))

    def _show_background_error(self, message: str) -> None:
        self.status.show_message(message)

    def _tick(self) -> None:
        now: datetime = self._clock.now()
        self.status.set_clock(now)
        self.outages.set_now(now)
        if self._board is not None:
            areas = {f.feeder_id: f.area_class for f in self._board.network.feeders}
            self.outages.set_deadlines(
                self.deadline_watch.evaluate(self._board.outages, areas, now)
            )

    def _on_deadline_alert(self, transition: DeadlineTransition) -> None:
        row = self.outages.row_of(transition.deadline.subject_id)
        reference = self.outages.outage_at(row).reference if row is not None else "?"
        text = describe(transition, reference)
        self.alerts.add(transition, text, self._clock.now(), reference)
        self.status.show_message(text)

    # --- selection ----------------------------------------------------------------------

    def selected_outage_id(self) -> int | None:
        index = self.outage_view.currentIndex()
        if not index.isValid():
            return None
        value = index.data(OUTAGE_ID_ROLE)
        return int(value) if value is not None else None

    def selected_crew_id(self) -> str | None:
        index = self.crew_view.currentIndex()
        value = index.data(CREW_ID_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def select_crew(self, crew_id: str) -> None:
        row = self.crews.row_of(crew_id)
        if row is None:
            return
        index = self.crews.index(row, 0)
        self.crew_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def select_outage(self, outage_id: int) -> None:
        """Select an outage's row (clearing a filter that hides it) and scroll to it."""
        row = self.outages.row_of(outage_id)
        if row is None:
            return
        proxy_index = self.outage_filter.mapFromSource(self.outages.index(row, 0))
        if not proxy_index.isValid():
            self.filter_edit.clear()
            self.open_only.setChecked(False)
            proxy_index = self.outage_filter.mapFromSource(self.outages.index(row, 0))
        self.outage_view.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.outage_view.scrollTo(proxy_index)

    def select_outage_when_shown(self, outage_id: int) -> None:
        if self.outages.row_of(outage_id) is not None:
            self._select_when_shown = None
            self.select_outage(outage_id)
        else:
            self._select_when_shown = outage_id

    def _open_detail_of_index(self, index: QModelIndex) -> None:
        value = index.data(OUTAGE_ID_ROLE)
        if value is not None:
            self.open_detail(int(value))

    def open_detail(self, outage_id: int) -> None:
        """Show the outage and its journal timeline (read on the worker thread)."""
        db = self._db

        def work() -> tuple[Outage | None, list[JournalEntry]]:
            with db.session() as s:
                repo = OutageRepository(s)
                return repo.get(outage_id), repo.journal(outage_id)

        def show(result: tuple[Outage | None, list[JournalEntry]]) -> None:
            outage, entries = result
            if outage is None:
                self.status.show_message(self.tr("That outage no longer exists."))
                return
            crews = self._board.crews if self._board is not None else ()
            self.detail.show_outage(outage, entries, {c.crew_id: c.name for c in crews})
            self.detail.show()
            self.detail.raise_()
            self.detail_shown.emit(outage_id)

        self.runner.run(work, show, self._show_read_error)

    def _on_outage_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        outage_id = current.data(OUTAGE_ID_ROLE) if current.isValid() else None
        self.map_view.call("highlightOutage", outage_id)

    # --- window state -----------------------------------------------------------------

    def restore_layout(self, settings: QSettings) -> bool:
        """Put the window back as the user left it; False on a first start (nothing saved)."""
        return restore(settings, self, self._arrangement, self._views())

    def save_layout(self, settings: QSettings) -> None:
        save(settings, self, self._arrangement, self._views())

    def _views(self) -> dict[str, QTableView]:
        return {"outages": self.outage_view, "crews": self.crew_view}

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.action_runner is not None:
            self.action_runner.stop()
        self._clock_timer.stop()
        self._refresh_timer.stop()
        self.position_feed.stop()
        self.save_layout(QSettings())
        self.runner.wait()
        super().closeEvent(event)


def _saved_settings() -> Settings:
    """The settings file (checked at start-up by the command line); defaults if unreadable."""
    try:
        return load_settings()
    except (OSError, SettingsError) as exc:
        log.warning("settings not read, defaults used: %s", exc)
        return Settings()
