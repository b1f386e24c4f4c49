"""The main window on the demo district: table, crews, status bar, map, and their links."""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from console.crews.panel import CrewTableModel
from console.main_window import MainWindow
from console.outages.table import OUTAGE_ID_ROLE, Col
from db import Database
from db.board import load_board
from tests.conftest import DEMO_NOW


def map_state(qtbot, window: MainWindow) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with qtbot.waitCallback(timeout=10_000) as cb:
        window.map_view.evaluate("JSON.stringify(OmsMap.state())", cb)
    result = cb.args[0]
    assert isinstance(result, str), result
    return json.loads(result)


def test_the_first_screen_shows_work(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    board = load_board(demo_db, DEMO_NOW)
    assert window.outages.rowCount() == len(board.outages) > 0
    assert window.crews.rowCount() == len(board.crews) > 0
    assert window.banner.isVisible()
    assert "DEMO" in window.banner.text().upper()
    assert "SQLite" in window.status.database.text()
    open_out = sum(o.customers_out for o in board.outages if o.status.is_open)
    assert f"{open_out:,}" in window.status.counts.text()  # the English interface: 6,104
    state = map_state(qtbot, window)
    assert state["ready"] is True
    assert state["outages"] == len(board.outages)
    assert state["crews"] == len(board.crews)
    assert state["dark_segments"] > 0
    assert state["planned_segments"] > 0


def test_selecting_an_outage_highlights_it_on_the_map(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    index = window.outage_filter.index(2, Col.REFERENCE)
    outage_id = index.data(OUTAGE_ID_ROLE)
    window.outage_view.setCurrentIndex(index)
    qtbot.waitUntil(lambda: map_state(qtbot, window)["highlighted"] == outage_id, timeout=10_000)


def test_clicking_an_outage_on_the_map_selects_its_row(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    target = window.outages.outage_at(window.outages.rowCount() - 1).outage_id
    assert window.selected_outage_id() != target
    window.map_view.page().runJavaScript(f"OmsMap.fireOutageClick({target})")
    qtbot.waitUntil(lambda: window.selected_outage_id() == target, timeout=10_000)
    assert map_state(qtbot, window)["highlighted"] == target


def test_the_filter_narrows_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = window.outages.outage_at(0)
    window.filter_edit.setText(first.reference)
    assert window.outage_filter.rowCount() == 1
    window.filter_edit.clear()
    window.open_only.setChecked(True)
    assert window.outage_filter.rowCount() == sum(
        1 for r in range(window.outages.rowCount()) if window.outages.outage_at(r).status.is_open
    )


def test_a_change_in_the_database_reaches_the_map_without_reloading(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo_db: Database
) -> None:
    window.map_view.page().runJavaScript("window.__notReloaded = 42;")
    before = map_state(qtbot, window)
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE outages SET status='restored', customers_out=0, restored_at=started_at "
            "WHERE status IN ('confirmed','predicted','partiallyRestored') AND kind='unplanned'"
        )
        conn.exec_driver_sql(
            "UPDATE switching_devices SET is_open = normal_open WHERE switch_id NOT IN "
            "(SELECT device_id FROM outages WHERE kind='planned')"
        )
    with qtbot.waitSignal(window.board_loaded, timeout=10_000):
        window.refresh()
    qtbot.waitUntil(lambda: map_state(qtbot, window)["dark_segments"] == 0, timeout=10_000)
    assert before["dark_segments"] > 0
    with qtbot.waitCallback(timeout=5_000) as cb:
        window.map_view.evaluate("window.__notReloaded", cb)
    assert cb.args[0] == 42


def test_window_layout_is_remembered(qtbot, window: MainWindow, demo_db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    window.main_splitter.setSizes([300, 1200])
    window.outage_view.setColumnWidth(Col.CAUSE, 333)
    saved = window.main_splitter.sizes()
    settings = QSettings()
    window.save_layout(settings)
    second = MainWindow(demo_db, clock)
    qtbot.addWidget(second)
    second.restore_layout(settings)
    second.show()
    # The offscreen screen is smaller than the window, so geometry is clamped: compare shares.
    share = saved[0] / sum(saved)
    restored = second.main_splitter.sizes()
    assert abs(restored[0] / sum(restored) - share) < 0.02
    assert second.outage_view.columnWidth(Col.CAUSE) == 333
    second.close()
    second.deleteLater()


def test_table_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.outages)
    qtmodeltester.check(window.outage_filter)
    assert isinstance(window.crews, CrewTableModel)
    qtmodeltester.check(window.crews)


HOSTILE = '<img src=x onerror="window.__pwned=1">'


def test_text_from_the_database_stays_text_on_the_map(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo_db: Database
) -> None:
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outages SET cause = ?", (HOSTILE,))
        conn.exec_driver_sql("UPDATE crews SET name = ?", (HOSTILE,))
        conn.exec_driver_sql("UPDATE crew_members SET name = ?", (HOSTILE,))
    with qtbot.waitSignal(window.board_loaded, timeout=10_000):
        window.refresh()
    target = window.outages.outage_at(0)
    assert target.cause == HOSTILE
    # Open every outage's and crew's tooltip, where the hostile text is shown.
    script = """
        (function () {
          var shown = 0;
          document.querySelectorAll('.leaflet-marker-icon').forEach(function (m) {
            m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            shown++;
          });
          var tips = Array.from(document.querySelectorAll('.leaflet-tooltip'))
            .map(function (t) { return t.textContent; }).join('\\n');
          return JSON.stringify({
            shown: shown,
            pwned: window.__pwned === 1,
            images: document.querySelectorAll('img[src="x"]').length,
            textShown: tips.indexOf('<img src=x') >= 0
          });
        })()
    """
    window.map_view.page().runJavaScript(f"OmsMap.fireOutageClick({target.outage_id})")
    with qtbot.waitCallback(timeout=10_000) as cb:
        window.map_view.evaluate(script, cb)
    result = json.loads(cb.args[0])
    assert result["shown"] > 0
    assert result["images"] == 0
    assert result["pwned"] is False
    assert result["textShown"] is True  # shown, literally, as text
    # The crew tooltip in the panel is escaped too (Qt renders HTML-looking tooltips).
    tip = window.crews.data(window.crews.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x" in tip and "<img" not in tip


def test_deadlines_count_down_and_alert_once_when_breached(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, clock
) -> None:
    from datetime import timedelta

    from ops.outages.deadlines import DeadlineKind, DeadlineState

    row = next(
        r for r in range(window.outages.rowCount())
        if window.outages.outage_at(r).status.is_open
        and window.outages.deadline(r, Col.INFORM) is not None
    )  # fmt: skip
    inform = window.outages.deadline(row, Col.INFORM)
    assert inform is not None and inform.kind is DeadlineKind.INFORM_CUSTOMERS
    assert inform.state is DeadlineState.ON_TRACK
    assert window.alerts.count() == 0
    clock.set(inform.due + timedelta(minutes=1))  # the injected clock jumps past the due time
    window._tick()
    after = window.outages.deadline(row, Col.INFORM)
    assert after is not None and after.state is DeadlineState.BREACHED
    cell = window.outages.index(row, Col.INFORM).data()
    assert cell and any(ch.isdigit() for ch in cell)
    assert window.alerts.count() >= 1
    first = window.alerts.count()
    window._tick()  # the same breach is not announced twice
    assert window.alerts.count() == first
    reference = window.outages.outage_at(row).reference
    assert any(reference in window.alerts.list.item(i).text() for i in range(first))


def test_the_outage_detail_shows_the_journal_as_a_timeline(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    outage = window.outages.outage_at(0)
    with qtbot.waitSignal(window.detail_shown, timeout=10_000):
        window.open_detail(outage.outage_id)
    assert window.detail.isVisible()
    assert outage.reference in window.detail.windowTitle()
    assert window.detail.timeline.topLevelItemCount() >= 2  # the trip and its recording
    texts = [
        window.detail.timeline.topLevelItem(i).text(3)
        for i in range(window.detail.timeline.topLevelItemCount())
    ]
    assert any(outage.device_id and outage.device_id in t for t in texts)
    codes = re.compile(r"recorded as|enroute|fieldComplete|confirmed →|: (open|close)\b(?!d)")
    assert not [t for t in texts if codes.search(t)], texts
    window.detail.close()


def test_the_language_menu_changes_one_key_and_keeps_the_office_file(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.unit.test_settings import OFFICE_FILE

    monkeypatch.setenv("OMS_CONFIG_DIR", str(tmp_path))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(OFFICE_FILE, encoding="utf-8")
    english = next(a for a in window.findChildren(QAction) if a.data() == "en" and a.isCheckable())
    english.trigger()
    assert settings_file.read_text(encoding="utf-8") == OFFICE_FILE.replace(
        'language = "vi"', 'language = "en"'
    )
    assert told  # "used from the next start"
