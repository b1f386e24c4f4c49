"""Causes from the profile's list in the console: close and cancel say what would refuse
before asking and keep what was typed after a refusal; the trip dialog finds devices by id
or name, takes the field time and the cause, and the new outage is selected; a free-text
cause reads as unclassified until a shift lead classifies it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from console.main_window import MainWindow
from console.outages.action_dialogs import DeviceChoice, TripDialog, TripReport
from console.outages.cause_dialogs import CODE_ROLE, CauseDialog, CauseEntry
from console.outages.dialogs import Confirm, to_qt
from console.outages.table import Col
from db import Database
from db.actions import run_action
from db.repositories.outages import OutageRepository
from ops.access.roles import Role, User
from ops.causes import BUILTIN_CAUSES
from ops.clock import FixedClock
from ops.crews.services import assign_crew, release_crew
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.stores import Changes
from tests.gui.test_actions import signed_in_window

LEAD = User("truongca", "Demo", Role.SHIFT_LEAD)


@pytest.fixture
def win(qtbot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = signed_in_window(qtbot, demo_db, clock, Role.DISPATCHER)
    yield window
    window.close()
    window.deleteLater()


def from_elsewhere(qtbot, win: MainWindow, demo_db: Database, clock: FixedClock, fn) -> None:  # type: ignore[no-untyped-def]
    """An action at another workstation, seen by the window's poll of the change log."""
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        run_action(
            demo_db, lambda store: fn(store), workstation="another-console", user=LEAD.username,
            clock=clock,
        )  # fmt: skip


def restored_with_crew(win: MainWindow) -> Outage:
    assert win.board is not None
    return next(o for o in win.board.outages if o.status is OutageStatus.RESTORED and o.crew_ids)


def stored(demo_db: Database, outage_id: int) -> Outage:
    with demo_db.session() as s:
        outage = OutageRepository(s).get(outage_id)
    assert outage is not None
    return outage


def test_close_says_what_would_refuse_before_asking_for_a_cause(  # type: ignore[no-untyped-def]
    win: MainWindow, monkeypatch
) -> None:
    outage = restored_with_crew(win)
    win.select_outage(outage.outage_id)
    asked: list[object] = []
    monkeypatch.setattr(CauseDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    win.commands.close()
    assert asked == []  # nothing typed for nothing
    message = win.status.message.text()
    assert win.board is not None
    crew = next(c for c in win.board.crews if c.crew_id == outage.crew_ids[0])
    assert outage.reference in message and crew.name in message  # the crew by its name
    confirmed = next(o for o in win.board.outages if o.status is OutageStatus.CONFIRMED)  # type: ignore[union-attr]
    win.select_outage(confirmed.outage_id)
    win.commands.close()
    assert asked == [] and confirmed.reference in win.status.message.text()


def test_a_close_refused_after_the_dialog_reopens_it_with_what_was_entered(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, demo_db: Database, clock: FixedClock
) -> None:
    outage = restored_with_crew(win)
    crew_id = outage.crew_ids[0]
    crew = next(c for c in win.board.crews if c.crew_id == crew_id)  # type: ignore[union-attr]
    from_elsewhere(qtbot, win, demo_db, clock, lambda store: release_crew(
        store, LEAD, clock, outage_id=outage.outage_id, outage_version=outage.version,
        crew_id=crew_id, crew_version=crew.version,
    ))  # fmt: skip
    win.select_outage(outage.outage_id)
    typed = CauseEntry("animal", "Rắn bò lên sứ đỡ FCO", clock.now() - timedelta(minutes=5))
    calls: list[dict[str, Any]] = []

    def ask(cls, *args: object, **kwargs: Any) -> CauseEntry | None:  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        if len(calls) > 1:
            return None
        # Meanwhile another workstation sends the crew back to the outage.
        now = stored(demo_db, outage.outage_id)
        fresh_crew = next(c for c in win.board.crews if c.crew_id == crew_id)  # type: ignore[union-attr]
        run_action(
            demo_db,
            lambda store: assign_crew(
                store, LEAD, clock, outage_id=outage.outage_id, outage_version=now.version,
                crew_id=crew_id, crew_version=fresh_crew.version,
            ),
            workstation="another-console", user=LEAD.username, clock=clock,
        )  # fmt: skip
        return typed

    monkeypatch.setattr(CauseDialog, "ask", classmethod(ask))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    win.commands.close()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)
    assert calls[1]["initial"] == typed and calls[1]["problem"]  # the input, and why
    assert stored(demo_db, outage.outage_id).status is OutageStatus.RESTORED


def test_closing_stores_the_picked_category_and_the_table_shows_its_name(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, demo_db: Database, clock: FixedClock
) -> None:
    outage = restored_with_crew(win)
    crew = next(c for c in win.board.crews if c.crew_id == outage.crew_ids[0])  # type: ignore[union-attr]
    from_elsewhere(qtbot, win, demo_db, clock, lambda store: release_crew(
        store, LEAD, clock, outage_id=outage.outage_id, outage_version=outage.version,
        crew_id=crew.crew_id, crew_version=crew.version,
    ))  # fmt: skip
    win.select_outage(outage.outage_id)
    monkeypatch.setattr(
        CauseDialog, "ask",
        classmethod(lambda cls, *a, **k: CauseEntry("animal", "Rắn trên sứ", a[3])),
    )  # fmt: skip
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    with qtbot.waitSignal(win.board_loaded, timeout=10_000):
        win.commands.close()
    closed = stored(demo_db, outage.outage_id)
    assert (closed.status, closed.cause) == (OutageStatus.CLOSED, "animal")
    with demo_db.session() as s:
        journal = OutageRepository(s).journal(outage.outage_id)
    assert "Rắn trên sứ" in [e.text for e in journal]
    row = win.outages.row_of(outage.outage_id)
    assert row is not None
    assert win.outages.index(row, Col.CAUSE).data() in {
        BUILTIN_CAUSES.get("animal").label(language)  # type: ignore[union-attr]
        for language in ("vi", "en")
    }


def test_the_cause_dialog_lists_the_groups_and_needs_a_cause(qtbot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    typed = CauseEntry("lightning", "Sét đánh cột 14", clock.now())
    dialog = CauseDialog(
        parent, "Close", "Cause:", clock.now(), BUILTIN_CAUSES, remark_label="Remark",
        initial=typed, problem="refused",
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.entry() == typed  # reopened as it was
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.cause.set_code("")
    assert not ok.isEnabled()  # closing needs a cause
    model = dialog.cause.model()
    headings = [
        model.item(r).text() for r in range(model.rowCount()) if not model.item(r).isEnabled()
    ]  # type: ignore[attr-defined]
    assert len(headings) == len(BUILTIN_CAUSES.grouped())
    codes = {dialog.cause.itemData(r, CODE_ROLE) for r in range(dialog.cause.count())}
    assert BUILTIN_CAUSES.codes <= codes


def test_the_trip_dialog_finds_a_device_by_name_without_diacritics_or_case(  # type: ignore[no-untyped-def]
    qtbot, clock: FixedClock
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    devices = [
        DeviceChoice("REC-471-01", "Recloser Phước Hậu"),
        DeviceChoice("FCO-471-0012", "FCO nhánh rẽ Đình Tân Ngãi"),
        DeviceChoice("LBS-473-03", "Cầu dao phụ tải Chợ Cái Nhum"),
    ]
    dialog = TripDialog(parent, devices, clock, BUILTIN_CAUSES)
    qtbot.addWidget(dialog)
    dialog.search.setText("dinh tan")
    assert dialog.device_id() == "FCO-471-0012"
    dialog.search.setText("CAU DAO cho")
    assert dialog.device_id() == "LBS-473-03"
    dialog.search.setText("rec-471")
    assert dialog.device_id() == "REC-471-01"
    dialog.search.setText("nothing like it")
    assert dialog.device_id() is None and dialog.report() is None
    assert dialog.problem.isVisibleTo(dialog)
    dialog.search.setText("phuoc hau")
    when = clock.now() - timedelta(minutes=12)
    dialog.when.setDateTime(to_qt(when))
    dialog.cause.set_code("vegetation")
    dialog.remark.setText("Dân báo cây đổ")
    assert dialog.report() == TripReport("REC-471-01", "vegetation", "Dân báo cây đổ", when)


def test_the_trip_time_is_never_in_the_future(qtbot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TripDialog(parent, [DeviceChoice("REC-1", "Recloser")], clock, BUILTIN_CAUSES)
    qtbot.addWidget(dialog)
    assert dialog.when.dateTime() == to_qt(clock.now())  # default: now
    dialog.when.setDateTime(to_qt(clock.now() + timedelta(hours=1)))
    assert dialog.when.dateTime() <= to_qt(clock.now())  # the field stops at now
    dialog.when.setMaximumDateTime(to_qt(clock.now() + timedelta(days=1)))
    dialog.when.setDateTime(to_qt(clock.now() + timedelta(hours=1)))
    assert dialog.report() is None
    assert "future" in dialog.problem.text() or "tương lai" in dialog.problem.text()


def test_f2_records_the_trip_at_its_field_time_with_its_cause_and_selects_it(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, monkeypatch, demo_db: Database, clock: FixedClock
) -> None:
    board = win.board
    assert board is not None
    before = {o.outage_id for o in board.outages}
    busy = {o.device_id for o in board.outages if o.status.is_open}
    offered: list[list[DeviceChoice]] = []
    when = clock.now() - timedelta(minutes=7)

    def ask(cls, parent, devices, clock_, causes):  # type: ignore[no-untyped-def]
        offered.append(list(devices))
        device = next(d for d in devices if d.device_id not in busy and d.name)
        return TripReport(device.device_id, "vegetation", "Cây đổ đè dây", when)

    monkeypatch.setattr(TripDialog, "ask", classmethod(ask))
    win.menus._record_trip()
    qtbot.waitUntil(
        lambda: win.selected_outage_id() is not None and win.selected_outage_id() not in before,
        timeout=10_000,
    )
    assert any(d.name and d.name != d.device_id for d in offered[0])  # names to search by
    new = stored(demo_db, win.selected_outage_id() or 0)
    assert (new.cause, new.started_at, new.status) == ("vegetation", when, OutageStatus.CONFIRMED)
    estimate = win.commands.system_estimate(new, clock.now())
    assert estimate.repair == win.policy.etr.repair["vegetation"]


def test_a_dispatcher_is_told_at_once_that_classifying_is_for_a_shift_lead(  # type: ignore[no-untyped-def]
    win: MainWindow, monkeypatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(CauseDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    assert win.board is not None
    win.commands.classify_cause(win.board.outages[0].outage_id)
    assert asked == [] and win.status.message.text()


def test_a_free_text_cause_reads_unclassified_until_a_shift_lead_classifies_it(  # type: ignore[no-untyped-def]
    qtbot, demo_db: Database, clock: FixedClock, monkeypatch
) -> None:
    win = signed_in_window(qtbot, demo_db, clock, Role.SHIFT_LEAD)
    try:
        assert win.board is not None
        old = next(
            o for o in win.board.outages
            if o.status is OutageStatus.CLOSED and o.kind is OutageKind.UNPLANNED
        )  # fmt: skip

        def typed_before_the_list(store):  # type: ignore[no-untyped-def]
            store.outages.update(replace(old, cause="Cây đổ"), expected_version=old.version)
            return Changes(outages=frozenset({old.outage_id}))

        from_elsewhere(qtbot, win, demo_db, clock, typed_before_the_list)
        row = win.outages.row_of(old.outage_id)
        assert row is not None
        assert win.outages.index(row, Col.CAUSE).data() in {
            "Chưa phân loại: Cây đổ",
            "Unclassified: Cây đổ",
        }
        with qtbot.waitSignal(win.detail_shown, timeout=10_000):
            win.open_detail(old.outage_id)
        assert win.detail.classify.isVisibleTo(win.detail)
        monkeypatch.setattr(
            CauseDialog, "ask",
            classmethod(lambda cls, *a, **k: CauseEntry("vegetation", "", a[3])),
        )  # fmt: skip
        with qtbot.waitSignal(win.board_loaded, timeout=10_000):
            win.detail.classify.click()
        assert stored(demo_db, old.outage_id).cause == "vegetation"
        row = win.outages.row_of(old.outage_id)
        assert row is not None
        assert win.outages.index(row, Col.CAUSE).data() in {
            "Cây, cành cây chạm đường dây",
            "Tree or branch on the line",
        }
        qtbot.waitUntil(lambda: not win.detail.classify.isVisibleTo(win.detail), timeout=10_000)
    finally:
        win.close()
        win.deleteLater()


def test_a_causes_own_restoration_target_applies_in_the_table(win: MainWindow) -> None:
    row = next(
        r for r in range(win.outages.rowCount())
        if win.outages.outage_at(r).cause == "equipment_failure"
        and win.outages.outage_at(r).status.is_open
    )  # fmt: skip
    outage = win.outages.outage_at(row)
    restore = win.outages.deadline(row, Col.RESTORE)
    target = win.policy.restoration_rule(None, "equipment_failure")
    assert restore is not None and target is not None and target.cause == "equipment_failure"
    assert restore.due == outage.started_at + target.within  # 12 h, not the area's 4 or 8 h
