"""The outage and crew commands from the window: each asks, runs one action, and the board
shows the result; dialogs are replaced through their `ask` classmethods."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from console.main_window import MainWindow
from console.outages.cause_dialogs import CauseDialog, CauseEntry
from console.outages.dialogs import Confirm, EtrDialog, EtrEntry, TextDialog, TextEntry
from console.outages.table import Col
from db import Database
from db.repositories.outages import OutageRepository
from ops.access.roles import Role
from ops.clock import FixedClock
from ops.crews.records import CrewStatus
from ops.outages.deadlines import DeadlineState
from ops.outages.journal import EntryKind
from ops.outages.records import EtrConfidence, EtrSource, Outage, OutageStatus
from tests.gui.test_actions import signed_in_window


@pytest.fixture
def win(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)
    yield window
    window.close()
    window.deleteLater()


def board_outage(win: MainWindow, outage_id: int) -> Outage:
    assert win.board is not None
    return next(o for o in win.board.outages if o.outage_id == outage_id)


def select_first(win: MainWindow, wanted) -> Outage:  # type: ignore[no-untyped-def]
    assert win.board is not None
    outage = next(o for o in win.board.outages if wanted(o))
    win.select_outage(outage.outage_id)
    return outage


def test_a_new_etr_is_shown_with_its_move_counted(
    qtbot, win: MainWindow, monkeypatch, clock
) -> None:  # type: ignore[no-untyped-def]
    outage = select_first(win, lambda o: o.status.is_open and o.etr is not None)
    etr = clock.now() + timedelta(hours=5)
    monkeypatch.setattr(
        EtrDialog,
        "ask",
        classmethod(lambda cls, *a: EtrEntry(etr, EtrSource.CREW, EtrConfidence.HIGH)),
    )
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.set_etr()
    after = board_outage(win, outage.outage_id)
    assert after.etr == etr and after.etr_source is EtrSource.CREW
    assert after.etr_changes == outage.etr_changes + 1
    row = win.outages.row_of(outage.outage_id)
    assert row is not None and f"(±{after.etr_changes})" in win.outages.index(row, Col.ETR).data()


def test_a_remark_goes_to_the_journal_with_its_field_time(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, clock, demo_db: Database
) -> None:
    outage = select_first(win, lambda o: o.status.is_open)
    field_time = clock.now() - timedelta(minutes=20)
    monkeypatch.setattr(
        TextDialog,
        "ask",
        classmethod(lambda cls, *a, **k: TextEntry("Cây đổ trên dây", field_time)),
    )
    with qtbot.waitSignal(win.changes_applied, timeout=10_000):
        win.commands.add_remark()
    with demo_db.session() as s:
        journal = OutageRepository(s).journal(outage.outage_id)
    remark = next(e for e in journal if e.text == "Cây đổ trên dây")
    assert remark.occurred_at == field_time and remark.entered_at == clock.now()
    assert remark.entered_by == "dieudo"


def test_cancelling_needs_the_confirmation(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, demo_db: Database
) -> None:
    outage = select_first(win, lambda o: o.status is OutageStatus.PREDICTED and not o.crew_ids)
    monkeypatch.setattr(
        CauseDialog, "ask", classmethod(lambda cls, *a, **k: CauseEntry("", "khách báo nhầm", a[3]))
    )
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: False))
    assert win.action_runner is not None
    sent: list[object] = []
    with monkeypatch.context() as m:
        m.setattr(win.action_runner, "perform", sent.append)
        win.commands.cancel()
    assert sent == []  # declined: nothing went to the database
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.cancel()
    with demo_db.session() as s:
        stored = OutageRepository(s).get(outage.outage_id)
    assert stored is not None and stored.status is OutageStatus.CANCELLED
    assert win.board is not None  # a false alarm leaves the board
    assert outage.outage_id not in {o.outage_id for o in win.board.outages if o.status.is_open}


def test_crew_status_moves_from_the_keyboard_and_a_refusal_is_shown(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow
) -> None:
    row = next(r for r in range(win.crews.rowCount()) if win.crews.crew_at(r).outage_ids)
    crew = win.crews.crew_at(row)
    win.crew_view.setCurrentIndex(win.crews.index(row, 0))
    wanted = CrewStatus.ARRIVED if crew.status is CrewStatus.EN_ROUTE else CrewStatus.EN_ROUTE
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.crew_status(wanted)
    assert win.board is not None
    assert next(c for c in win.board.crews if c.crew_id == crew.crew_id).status is wanted
    free = next(r for r in range(win.crews.rowCount()) if not win.crews.crew_at(r).outage_ids)
    win.crew_view.setCurrentIndex(win.crews.index(free, 0))
    with qtbot.waitSignal(win.action_refused, timeout=10_000) as refused:
        win.commands.crew_status(CrewStatus.ARRIVED)
    assert refused.args[0]


def test_a_breach_is_explained_from_the_alert_list(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, clock, demo_db: Database
) -> None:
    row = next(
        r for r in range(win.outages.rowCount())
        if win.outages.outage_at(r).status.is_open
        and win.outages.deadline(r, Col.INFORM) is not None
    )  # fmt: skip
    outage = win.outages.outage_at(row)
    inform = win.outages.deadline(row, Col.INFORM)
    assert inform is not None
    assert not win.alerts.explain.isEnabled()
    clock.set(inform.due + timedelta(minutes=1))
    win._tick()
    assert win.alerts.explain.isEnabled()  # the newest breach is selected, ready to explain
    monkeypatch.setattr(
        TextDialog, "ask",
        classmethod(lambda cls, *a, **k: TextEntry("Tổng đài quá tải do bão", a[3])),
    )  # fmt: skip
    breach = win.alerts.list.currentItem()
    with qtbot.waitSignal(win.changes_applied, timeout=10_000):
        win.alerts.explain.click()
    assert "✓" in breach.text() and not win.alerts.explain.isEnabled()
    with demo_db.session() as s:
        journal = OutageRepository(s).journal(outage.outage_id)
    reason = next(e for e in journal if e.text == "Tổng đài quá tải do bão")
    assert reason.kind == EntryKind.DEADLINE_BREACH_REASON
    assert inform.state is DeadlineState.ON_TRACK  # the record itself was never edited


def test_the_etr_dialog_offers_the_system_estimate(qtbot, win: MainWindow, clock) -> None:  # type: ignore[no-untyped-def]
    from console.outages.dialogs import EtrDialog

    outage = select_first(win, lambda o: o.status.is_open and o.crew_ids)
    estimate = win.commands.system_estimate(outage, clock.now())
    assert estimate.etr > clock.now() and estimate.source is EtrSource.SYSTEM
    dialog = EtrDialog(win, outage.reference, clock.now(), None, estimate)
    qtbot.addWidget(dialog)
    dialog.use_estimate()
    assert dialog.source.currentData() == EtrSource.SYSTEM.value
    chosen = dialog.when.dateTime().toSecsSinceEpoch()
    assert chosen == int(estimate.etr.timestamp())


def test_a_line_is_corrected_from_the_open_timeline(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, demo_db: Database
) -> None:
    outage = select_first(win, lambda o: o.status.is_open)
    with qtbot.waitSignal(win.detail_shown, timeout=10_000):
        win.open_detail(outage.outage_id)
    timeline = win.detail.timeline
    assert timeline.topLevelItemCount() > 0
    timeline.setCurrentItem(timeline.topLevelItem(0))
    assert win.detail.correct.isEnabled()
    before = timeline.topLevelItemCount()
    monkeypatch.setattr(
        TextDialog,
        "ask",
        classmethod(lambda cls, *a, **k: TextEntry("Đã sửa: cắt lúc 14:02", k["at"])),
    )
    with qtbot.waitSignal(win.detail_shown, timeout=10_000):  # the timeline follows
        win.detail.correct.click()
    assert timeline.topLevelItemCount() == before + 1
    texts = [timeline.topLevelItem(i).text(3) for i in range(timeline.topLevelItemCount())]
    assert any("Đã sửa: cắt lúc 14:02" in t for t in texts)
    struck = [
        timeline.topLevelItem(i) for i in range(timeline.topLevelItemCount())
        if timeline.topLevelItem(i).font(3).strikeOut()
    ]  # fmt: skip
    assert len(struck) == 1  # the corrected line stays, struck through


def test_a_breach_already_there_at_start_is_alerted(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, clock, demo_db: Database
) -> None:
    row = next(
        r for r in range(win.outages.rowCount())
        if win.outages.outage_at(r).status.is_open
        and win.outages.deadline(r, Col.INFORM) is not None
    )  # fmt: skip
    reference = win.outages.outage_at(row).reference
    inform = win.outages.deadline(row, Col.INFORM)
    assert inform is not None
    clock.set(inform.due + timedelta(minutes=1))
    late = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)  # a console started late
    try:
        texts = [late.alerts.list.item(i).text() for i in range(late.alerts.count())]
        assert any(reference in t for t in texts)
        assert late.alerts.explain.isEnabled()  # the breach can be explained at once
    finally:
        late.close()
        late.deleteLater()
