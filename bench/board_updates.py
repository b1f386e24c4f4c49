"""Board update benchmark: a device operation to table and map, and a 2,000-outage storm.

Part 1, the demo district in a real main window (offscreen), signed in as a dispatcher: the
selected outage's device is closed (F3) and tripped again (F2), alternately. Timed from the
action to (a) the action committed, (b) the table showing the fresh board, (c) the map having
run `applyState` (a JavaScript round trip queued behind it). Target: (c) <= 200 ms.

Part 2, a storm: the 50,000-node benchmark district with 2,000 open outages. Timed: the
outage table filled (model reset), a sort by each column, a scroll through all rows, one
clock tick (live durations and every deadline countdown), the map's situation traced and
applied to the page. Target: map update <= 1 s; table operations well under a frame budget
of tens of milliseconds. Then what one change costs when only its part is refreshed: one
outage's row updated in place (re-sorted), an outage changed with no switch moved (no new
tracing), and 40 crews' markers alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/board_updates.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def wait_for(signal: Any, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def js_round_trip(view: Any) -> None:
    """Returns once every script queued before it on the page has run."""
    loop = QEventLoop()
    view.evaluate("1", lambda _r: loop.quit())
    loop.exec()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def summary(name: str, values: list[float], target: float | None = None) -> None:
    med = statistics.median(values)
    worst = max(values)
    line = f"  {name:<38} median {ms(med)}   max {ms(worst)}"
    if target is not None:
        line += f"   target {target * 1000:.0f} ms -> {'OK' if med <= target else 'MISSED'}"
    print(line)


def device_round_trips(rounds: int) -> None:
    from console.app import prepare_environment
    from console.main_window import MainWindow
    from db import Database
    from db.seed import seed_demo
    from ops.access.roles import Role, User
    from ops.clock import FixedClock
    from ops.demo import generate_demo_district
    from ops.outages.records import OutageStatus
    from tests.conftest import DEMO_NOW

    folder = Path(tempfile.mkdtemp(prefix="oms-bench-"))
    try:
        db = Database(f"sqlite:///{folder / 'demo.db'}")
        db.upgrade()
        seed_demo(db, generate_demo_district(DEMO_NOW), at=DEMO_NOW)
        clock = FixedClock(DEMO_NOW)
        prepare_environment()
        win = MainWindow(db, clock, user=User("dieudo", "Demo", Role.DISPATCHER))
        win.show()
        win.start()
        wait_for(win.map_loaded, 60_000)
        board = win.board
        assert board is not None
        outage = next(
            o
            for o in board.outages
            if o.status is OutageStatus.CONFIRMED and o.device_id and o.kind.value == "unplanned"
        )
        device = outage.device_id
        assert device is not None
        committed: list[float] = []
        table: list[float] = []
        mapped: list[float] = []
        for i in range(rounds * 2):
            clock.set(clock.now() + timedelta(minutes=1))
            board = win.board
            assert board is not None
            started = time.perf_counter()
            stamps: dict[str, float] = {}
            win.changes_applied.connect(
                lambda _c, s=stamps: s.setdefault("committed", time.perf_counter())
            )
            if i % 2 == 0:
                current = next(
                    o for o in board.outages if o.device_id == device and o.status.is_open
                )
                win.select_outage(current.outage_id)
                win.board_actions.close_outage_device(current.outage_id)
            else:
                win.board_actions.record_trip(device, "benchmark")
            wait_for(win.board_loaded)
            stamps["table"] = time.perf_counter()
            js_round_trip(win.map_view)
            stamps["map"] = time.perf_counter()
            win.changes_applied.disconnect()
            if "committed" not in stamps:
                raise SystemExit(
                    f"round {i}: the action was refused: {win.status.currentMessage()}"
                )
            if i >= 2:  # the first close and trip warm the caches
                committed.append(stamps["committed"] - started)
                table.append(stamps["table"] - started)
                mapped.append(stamps["map"] - started)
        print(f"Device operation -> table and map, demo district ({len(mapped)} operations)")
        summary("action committed", committed)
        summary("table shows the fresh board", table)
        summary("map restyled (applyState ran)", mapped, 0.200)
        win.close()
        win.deleteLater()
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def storm(outage_count: int) -> None:
    from big_district import NOW, big_district
    from PySide6.QtWidgets import QTableView

    from console.map.view import MapView
    from console.outages.deadline_watch import DeadlineWatch
    from console.outages.table import Col, OutageFilter, OutageTableModel
    from maps import TopologyCache, build_map_html, crews_payload, map_state, state_payload
    from ops.network.records import DeviceKind
    from ops.outages.records import Outage, OutageKind, OutageStatus
    from ops.policy import load_profile

    network, _customers = big_district()
    candidates = [s for s in network.switches if not s.normal_open and s.kind is DeviceKind.FUSE][
        :outage_count
    ]
    opened = {s.switch_id for s in candidates}
    network = replace(
        network,
        switches=tuple(
            replace(s, is_open=True) if s.switch_id in opened else s for s in network.switches
        ),
    )
    outages = [
        Outage(
            outage_id=i + 1,
            reference=f"SC-2026-{i + 1:05d}",
            kind=OutageKind.UNPLANNED,
            status=OutageStatus.CONFIRMED,
            device_id=s.switch_id,
            feeder_id=s.feeder_id,
            cause="bão",
            started_at=NOW - timedelta(minutes=7 * (i % 300)),
            reported_at=NOW - timedelta(minutes=7 * (i % 300)),
            restored_at=None,
            etr=NOW + timedelta(hours=2),
            etr_source=None,
            etr_confidence=None,
            etr_changes=i % 3,
            customers_affected=40 + i % 90,
            customers_out=40 + i % 90,
            priority_customers=i % 2,
            position=s.position,
        )
        for i, s in enumerate(candidates)
    ]
    print(
        f"\nStorm: {len(outages)} open outages on {len(network.nodes):,} nodes, "
        f"{len(network.segments):,} segments"
    )

    model = OutageTableModel()
    proxy = OutageFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(900, 700)
    view.show()
    names = {f.feeder_id: f.name for f in network.feeders}
    watch = DeadlineWatch(load_profile("vn-default"))
    areas = {f.feeder_id: f.area_class for f in network.feeders}

    def timed(fn: Callable[[], object], repeat: int = 5) -> list[float]:
        values = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            QApplication.processEvents()
            values.append(time.perf_counter() - t)
        return values

    summary("table filled (model reset)", timed(lambda: model.set_outages(outages, names)))
    flip = [Qt.SortOrder.AscendingOrder]

    def sort_by(col: Col) -> None:
        flip[0] = (
            Qt.SortOrder.DescendingOrder
            if flip[0] == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )  # alternate: sorting twice the same way does nothing
        view.sortByColumn(col, flip[0])

    for col in (Col.CUSTOMERS_OUT, Col.STARTED, Col.RESTORE, Col.FEEDER, Col.REFERENCE):
        summary(f"sort by {col.name.lower()}", timed(lambda c=col: sort_by(c)))
    summary("filter as the dispatcher types", timed(lambda: proxy.set_text("bão sc-2026-01")))
    proxy.set_text("")

    pages = [0]

    def scroll() -> None:
        bar = view.verticalScrollBar()
        values = range(0, bar.maximum() + 1, max(1, bar.pageStep()))
        for value in values:
            bar.setValue(value)
            view.viewport().repaint()
        pages[0] = len(values)

    total = timed(scroll, 3)
    summary(
        f"scroll: one page of {view.verticalScrollBar().pageStep()} rows",
        [v / pages[0] for v in total],
        0.030,
    )

    def tick() -> None:
        now = NOW + timedelta(seconds=1)
        model.set_now(now)
        model.set_deadlines(watch.evaluate(outages, areas, now))
        view.viewport().repaint()

    summary("clock tick (durations + countdowns)", timed(tick), 0.100)

    flip_customers = [0]

    def one_row() -> None:
        flip_customers[0] ^= 1
        o = outages[7]
        model.update_outages([replace(o, customers_out=o.customers_out + flip_customers[0])])
        view.viewport().repaint()

    summary("table: one outage's row updated in place", timed(one_row))

    topologies = TopologyCache()
    map_state(network, (), (), topologies=topologies)  # the network as first loaded
    state_time: list[float] = []
    for _ in range(3):
        t = time.perf_counter()
        payload = state_payload(map_state(network, outages, (), topologies=topologies))
        state_time.append(time.perf_counter() - t)
    summary("map situation traced (Python)", state_time)

    html = build_map_html(network, map_state(network, (), ()), title="storm", demo=True)
    mv = MapView()
    mv.resize(900, 700)
    mv.show()
    mv.show_html(html)
    wait_for(mv.map_ready, 120_000)
    calm = state_payload(map_state(network, (), (), topologies=topologies))
    arrive = []
    for _ in range(3):
        t = time.perf_counter()
        mv.call("applyState", payload)
        js_round_trip(mv)
        arrive.append(time.perf_counter() - t)
        mv.call("applyState", calm)
        js_round_trip(mv)
    summary("map: 2,000 outages arrive at once (JS)", arrive)
    mv.call("applyState", payload)
    js_round_trip(mv)
    # During the storm: one more outage restored, the rest as they were.
    restored = [replace(outages[0], status=OutageStatus.RESTORED, customers_out=0), *outages[1:]]
    reopened = network
    network_after = replace(
        network,
        switches=tuple(
            replace(s, is_open=False) if s.switch_id == outages[0].device_id else s
            for s in network.switches
        ),
    )
    step: list[float] = []
    for i in range(6):
        t = time.perf_counter()
        model, now_outages = (network_after, restored) if i % 2 == 0 else (reopened, outages)
        mv.call(
            "applyState", state_payload(map_state(model, now_outages, (), topologies=topologies))
        )
        js_round_trip(mv)
        step.append(time.perf_counter() - t)
    summary("map update in the storm, trace + apply", step, 1.0)
    mv.call("applyState", payload)
    js_round_trip(mv)
    map_state(network, outages, (), topologies=topologies)  # this network's topology, kept
    etr_step: list[float] = []
    for i in range(6):
        t = time.perf_counter()
        moved = [replace(outages[0], etr=NOW + timedelta(hours=3 + i % 2)), *outages[1:]]
        mv.call("applyState", state_payload(map_state(network, moved, (), topologies=topologies)))
        js_round_trip(mv)
        etr_step.append(time.perf_counter() - t)
    summary("map: an outage changed, no switch moved", etr_step, 1.0)
    crews = [_crew(i, s.position) for i, s in enumerate(candidates[:40])]
    crew_step: list[float] = []
    for i in range(6):
        t = time.perf_counter()
        lon, lat = crews[0].position or (0.0, 0.0)
        moved_crew = replace(crews[0], position=(lon + i * 1e-4, lat))
        mv.call("applyState", crews_payload([moved_crew, *crews[1:]]))
        js_round_trip(mv)
        crew_step.append(time.perf_counter() - t)
    summary("map: a crew moved (40 crews, crews only)", crew_step)
    mv.close()
    mv.deleteLater()


def _crew(i: int, position: tuple[float, float]) -> Any:
    from big_district import NOW

    from ops.crews.records import Crew, CrewStatus, CrewType

    return Crew(
        f"T{i:02d}", f"Tổ {i}", CrewType.LINE, "ĐL", "", "", CrewStatus.EN_ROUTE, position,
        NOW, (),
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="close/trip pairs (default 6)")
    parser.add_argument("--outages", type=int, default=2000, help="storm size (default 2000)")
    parser.add_argument("--skip-storm", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("outage-console-bench")
    device_round_trips(args.rounds)
    if not args.skip_storm:
        storm(args.outages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
