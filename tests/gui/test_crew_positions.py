"""Crew positions and shift work in the window: the tracking file moves a crew on the board
and on the map, a bad file is reported once, the dispatcher enters a position by hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from console.app import prepare_environment
from console.crews.panel import CrewCol
from console.crews.position_dialog import (
    CrewPositionDialog,
    PositionEntry,
    set_position_of_selected,
)
from console.main_window import MainWindow
from db import Database
from ops.access.roles import Role, User
from ops.clock import FixedClock, to_local
from ops.crews.records import Crew
from ops.settings import Settings
from tests.gui.conftest import MAP_TIMEOUT_MS
from tests.gui.test_actions import drop_outage_on_crew

FIX = (10.4612, 105.6345)  # latitude, longitude: in the demo district (Cao Lãnh)


@pytest.fixture
def feed_path(tmp_path: Path) -> Path:
    return tmp_path / "tracking" / "positions.csv"


@pytest.fixture
def win(qtbot, demo_db: Database, clock: FixedClock, feed_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    prepare_environment()
    feed_path.parent.mkdir()
    window = MainWindow(
        demo_db, clock, user=User("dieudo", "Demo", Role.DISPATCHER),
        settings=Settings(crew_positions_file=str(feed_path)),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.map_loaded, timeout=MAP_TIMEOUT_MS):
        window.start()
    yield window
    window.close()
    window.deleteLater()


def board_crew(win: MainWindow, crew_id: str) -> Crew:
    assert win.board is not None
    return next(c for c in win.board.crews if c.crew_id == crew_id)


def marker_of(qtbot, win: MainWindow, name: str) -> list[float] | None:  # type: ignore[no-untyped-def]
    """Where the map draws a crew's marker: [lat, lng], read from Leaflet itself."""
    script = """
      (function (name) {
        var found = null;
        Object.keys(window).forEach(function (key) {
          var map = window[key];
          if (!(map instanceof L.Map)) return;
          map.eachLayer(function (layer) {
            var icon = layer.options && layer.options.icon;
            if (!icon || icon.options.className !== "oms-crew-icon") return;
            if (icon.options.html.textContent.indexOf(name) < 0) return;
            var at = layer.getLatLng();
            found = [at.lat, at.lng];
          });
        });
        return JSON.stringify(found);
      })(NAME)
    """.replace("NAME", json.dumps(name))
    with qtbot.waitCallback(timeout=10_000) as cb:
        win.map_view.evaluate(script, cb)
    return json.loads(cb.args[0])  # type: ignore[no-any-return]


def write(path: Path, text: str) -> None:
    partial = path.with_suffix(".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # as a tracker drops it: renamed over the old file


def test_the_tracking_file_moves_a_crew_on_the_board_and_the_map(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, clock: FixedClock, feed_path: Path
) -> None:
    assert win.board is not None and win.position_feed.path == feed_path
    crew, others = win.board.crews[0], win.board.crews[1:]
    assert crew.position is not None and crew.position != (FIX[1], FIX[0])
    seen = to_local(clock.now()).strftime("%Y-%m-%dT%H:%M:%S")  # local time, no offset
    with qtbot.waitSignal(win.position_feed.positions_recorded, timeout=10_000):
        write(
            feed_path,
            f"vehicle,latitude,longitude,timestamp\n{crew.vehicle},{FIX[0]},{FIX[1]},{seen}\n",
        )
    qtbot.waitUntil(lambda: board_crew(win, crew.crew_id).position == (FIX[1], FIX[0]))
    moved = board_crew(win, crew.crew_id)
    assert moved.position_at == clock.now().replace(microsecond=0)
    assert moved.version == crew.version + 1
    assert [c.position for c in win.board.crews[1:]] == [c.position for c in others]
    lat, lng = marker_of(qtbot, win, crew.name) or (0.0, 0.0)
    assert abs(lat - FIX[0]) < 1e-6 and abs(lng - FIX[1]) < 1e-6

    # An older report of the same vehicle (a late file) changes nothing.
    earlier = to_local(clock.now() - timedelta(minutes=10)).isoformat()
    with qtbot.waitSignal(win.position_feed.checked, timeout=10_000):
        write(
            feed_path,
            f"vehicle,latitude,longitude,timestamp\n{crew.vehicle},10.5,105.7,{earlier}\n",
        )
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.refresh()
    assert board_crew(win, crew.crew_id) == moved


def test_a_bad_file_is_reported_once_and_nothing_moves(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, clock: FixedClock, feed_path: Path
) -> None:
    shown: list[str] = []
    win.position_feed.problem_shown.connect(shown.append)
    assert win.board is not None
    before = win.board.crews
    crew = before[0]
    now = to_local(clock.now()).isoformat()
    bad = (
        "vehicle,latitude,longitude,timestamp\n"
        f"{crew.vehicle},{FIX[0]},{FIX[1]},{now}\n"
        f"{crew.vehicle},0,0,{now}\n"
        f"51A-000.00,{FIX[0]},{FIX[1]},{now}\n"
    )
    with qtbot.waitSignal(win.position_feed.problem_shown, timeout=10_000):
        write(feed_path, bad)
    assert len(shown) == 1 and "line 3" in shown[0] and "0,0" in shown[0]
    assert win.status.message.text() == shown[0]
    for _ in range(2):  # the 30 s re-check finds the same problem: not shown again
        with qtbot.waitSignal(win.position_feed.checked, timeout=10_000):
            win.position_feed.check()
    assert len(shown) == 1
    # A different problem is news.
    with qtbot.waitSignal(win.position_feed.problem_shown, timeout=10_000):
        write(
            feed_path,
            bad.replace(f"{crew.vehicle},0,0,{now}\n", f"{crew.vehicle},1.3,103.8,{now}\n"),
        )
    assert "outside Vietnam" in shown[1]  # a vehicle of no crew (51A-000.00) is no problem
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.refresh()
    assert win.board.crews == before


def test_the_dispatcher_sets_a_position_and_sees_the_shift_work(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, clock: FixedClock, monkeypatch
) -> None:
    assert win.board is not None
    idle = [
        r for r in range(win.crews.rowCount())
        if not win.crews.crew_at(r).outage_ids
        and not win.crews.shift_work(win.crews.crew_at(r).crew_id)
    ]  # fmt: skip
    row = idle[0]
    crew = win.crews.crew_at(row)
    win.crew_view.setCurrentIndex(win.crews.index(row, 0))
    at = clock.now() - timedelta(minutes=3)
    monkeypatch.setattr(
        CrewPositionDialog, "ask", classmethod(lambda cls, *a: PositionEntry((105.64, 10.47), at))
    )
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        set_position_of_selected(win)
    assert board_crew(win, crew.crew_id).position == (105.64, 10.47)
    assert board_crew(win, crew.crew_id).position_at == at

    # Send the crew to an outage; 70 minutes later its shift work says so.
    outage = next(o for o in win.board.outages if o.status.is_open)
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        drop_outage_on_crew(win, outage.outage_id, row)
    clock.set(clock.now() + timedelta(minutes=70))
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.refresh()
    row = next(
        r for r in range(win.crews.rowCount()) if win.crews.crew_at(r).crew_id == crew.crew_id
    )
    cell = win.crews.data(win.crews.index(row, CrewCol.SHIFT_WORK))
    assert cell == "1 outage(s) · 1 h 10 min"
    assert win.crews.headerData(CrewCol.SHIFT_WORK, Qt.Orientation.Horizontal) == "Shift work"
