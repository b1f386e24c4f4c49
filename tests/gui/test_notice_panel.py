"""The notices panel, the approval dialog and the SMS template editor, on the demo database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.notices.approval_dialog import ApprovalDialog
from console.notices.panel import NoticesPanel
from console.notices.template_editor import TemplateEditor
from console.tasks import TaskRunner
from db import Database
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.delivery.config import NoticeSettings
from ops.delivery.setup import DeliverySetup
from ops.notices.approval import ApprovalCheck, approval_check
from ops.notices.blackout import BlackoutCalendar
from ops.notices.content import Sender
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import NoticeKind
from ops.notices.templates import load_templates
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.conftest import DEMO_NOW

LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
VIEWER = User("xem", "Người xem", Role.VIEWER)


def a_draft(starts_in: timedelta) -> PlannedOutage:
    start = DEMO_NOW + starts_in
    return PlannedOutage(
        80, "KH-2026-P080", "Thay cầu chì", "Thay cầu chì tự rơi", "", start,
        start + timedelta(hours=4), PlanStatus.DRAFT, None,
        (SwitchingStep(1, "FCO-T-472-CL-113", SwitchAction.OPEN),), 0,
    )  # fmt: skip


def panel_for(qtbot: QtBot, db: Database, user: User, tmp_path: Path) -> NoticesPanel:
    runner = TaskRunner()
    panel = NoticesPanel(db, runner, FixedClock(DEMO_NOW), lambda: user)
    qtbot.addWidget(panel)
    setup = DeliverySetup(
        NoticePolicy(), Sender(), load_templates(), NoticeSettings(), tmp_path / "out"
    )
    panel.configure(setup, BlackoutCalendar(()))
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        panel.refresh()
    return panel


def select(qtbot: QtBot, panel: NoticesPanel, reference: str) -> None:
    row = next(
        r
        for r in range(panel.plans.rowCount())
        if panel.plans.row(r).reference == reference  # type: ignore[union-attr]
    )
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        panel.plan_view.selectRow(row)


def test_a_shift_lead_approves_a_draft_and_its_messages_are_counted(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    qtmodeltester,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    with demo_db.session() as s:
        PlannedOutageRepository(s).add_many([a_draft(timedelta(days=5, minutes=-1))])
    panel = panel_for(qtbot, demo_db, LEAD, tmp_path)
    qtmodeltester.check(panel.plans)
    assert panel.plans.rowCount() == 3  # the demo's two and the draft
    select(qtbot, panel, "KH-2026-P080")
    assert panel.approve_button.isEnabled() and not panel.cancel_button.isEnabled()
    shown: list[ApprovalCheck] = []

    def approve(parent, plan, check, customers):  # type: ignore[no-untyped-def]
        shown.append(check)
        assert customers == 20
        return "Cầu chì nứt, phải thay"

    monkeypatch.setattr(ApprovalDialog, "ask", classmethod(lambda cls, *a: approve(*a)))
    with qtbot.waitSignal(panel.changed, timeout=60_000):
        panel.approve_selected()
    assert not shown[0].lead_time.met  # a minute short of five days
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        pass  # the refresh the decision started
    assert "40 scheduled" in panel.counts.text()
    assert [panel.notices.row(r).kind for r in range(panel.notices.rowCount())] == [  # type: ignore[union-attr]
        NoticeKind.INITIAL, NoticeKind.REMINDER,
    ]  # fmt: skip
    assert "40" in panel.message.text()


def test_a_viewer_cannot_approve(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        PlannedOutageRepository(s).add_many([a_draft(timedelta(days=9))])
    panel = panel_for(qtbot, demo_db, VIEWER, tmp_path)
    select(qtbot, panel, "KH-2026-P080")
    assert not panel.approve_button.isEnabled() and panel.letter_button.isEnabled()
    assert not panel.retry_button.isEnabled()


def test_the_approval_dialog_needs_a_reason_when_the_lead_time_is_missed(qtbot: QtBot) -> None:
    plan = a_draft(timedelta(days=3))
    check = approval_check(plan, DEMO_NOW, NoticePolicy(), BlackoutCalendar(()))
    dialog = ApprovalDialog(plan, check, 20, None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert "48,0 h" in dialog.lead_label.text() and not ok.isEnabled()
    dialog.reason.setPlainText("Chỉ đạo khẩn của Tổng công ty")
    assert ok.isEnabled() and dialog.override_reason() == "Chỉ đạo khẩn của Tổng công ty"


def test_the_template_editor_counts_segments_as_one_types_and_refuses_typos(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "templates"
    editor = TemplateEditor(folder, LEAD)
    qtbot.addWidget(editor)
    assert editor.read_only.isHidden() and not editor.text.isReadOnly()
    editor.text.setPlainText("Điện lực {don_vi}: ngừng cấp điện {thoi_gian_ngan}")
    assert "UCS-2" in editor.length.text() and "1 SMS" in editor.length.text()
    editor.text.setPlainText("Dien luc: {thoi_gian_ngan} " + "x" * 150)
    assert "GSM-7" in editor.length.text() and "2 SMS" in editor.length.text()
    editor.text.setPlainText("Điện lực {khu_vc}")
    assert "unknown placeholder {khu_vc}" in editor.problems.text()
    assert not editor.buttons.buttons()[0].isEnabled()
    editor.text.setPlainText("Điện lực {don_vi} báo ngừng cấp điện {thoi_gian_ngan}.")
    editor.save()
    saved = (folder / "initial" / "sms.txt").read_text("utf-8")
    assert saved.startswith("Điện lực {don_vi} báo ngừng")
    assert load_templates(folder)[NoticeKind.INITIAL].sms.text.startswith("Điện lực {don_vi}")


def test_a_viewer_reads_the_templates_but_cannot_save_one(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    editor = TemplateEditor(folder, VIEWER)
    qtbot.addWidget(editor)
    assert editor.text.toPlainText() and editor.text.isReadOnly()
    assert not editor.read_only.isHidden()
    assert not editor.buttons.buttons()[0].isEnabled()
    editor.text.setPlainText("Điện lực {don_vi} báo ngừng cấp điện {thoi_gian_ngan}.")
    assert not editor.buttons.buttons()[0].isEnabled()
    editor.save()  # as if the button were pressed after all: the service refuses
    assert "may not edit notice templates" in editor.problems.text()
    assert not folder.exists()


def test_postponing_from_the_panel_queues_the_postponement(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.notices.approval_dialog import PostponeDialog
    from db.notice_store import NoticeBook

    with demo_db.session() as s:
        PlannedOutageRepository(s).add_many([a_draft(timedelta(days=8))])
    NoticeBook(demo_db).approve(LEAD, 80, DEMO_NOW, NoticePolicy(), BlackoutCalendar(()))
    panel = panel_for(qtbot, demo_db, LEAD, tmp_path)
    select(qtbot, panel, "KH-2026-P080")
    assert panel.postpone_button.isEnabled()
    new_start = DEMO_NOW + timedelta(days=15)
    answer = (new_start, new_start + timedelta(hours=3), "")
    monkeypatch.setattr(PostponeDialog, "ask", classmethod(lambda cls, *a: answer))
    with qtbot.waitSignal(panel.changed, timeout=60_000):
        panel.postpone_selected()
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        pass
    kinds = [panel.notices.row(r).kind for r in range(panel.notices.rowCount())]  # type: ignore[union-attr]
    # nothing went out yet, so no postponement notice: new first notice and reminder instead
    assert kinds == [NoticeKind.INITIAL, NoticeKind.REMINDER] * 2
    assert "cancelled" in panel.counts.text() and "40 cancelled" in panel.counts.text()


def test_the_postpone_dialog_gives_aware_local_times(qtbot: QtBot) -> None:
    from console.notices.approval_dialog import PostponeDialog

    plan = a_draft(timedelta(days=8))
    dialog = PostponeDialog(plan, None)
    qtbot.addWidget(dialog)
    start, end = dialog.new_window()
    assert start == plan.starts_at.replace(second=0, microsecond=0) + timedelta(days=7)
    assert end - start == timedelta(hours=4)


def test_the_notices_tab_sits_beside_the_crews_and_lists_the_plans(
    qtbot: QtBot,
    window,  # type: ignore[no-untyped-def]
) -> None:
    tabs = window.lower_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][:2] == ["Crews", "Notices"]
    panel = window.notices_panel
    qtbot.waitUntil(lambda: panel.plans.rowCount() == 2, timeout=30_000)  # the demo's plans
    assert {panel.plans.row(r).reference[:8] for r in range(2)} == {"KH-2026-"}  # type: ignore[union-attr]


def test_reporting_the_work_finished_stops_the_unsent_notices(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.notices.panel import FinishPlanDialog
    from db.notice_store import NoticeBook

    with demo_db.session() as s:
        PlannedOutageRepository(s).add_many([a_draft(timedelta(days=8))])
    NoticeBook(demo_db).approve(LEAD, 80, DEMO_NOW, NoticePolicy(), BlackoutCalendar(()))
    panel = panel_for(qtbot, demo_db, LEAD, tmp_path)
    select(qtbot, panel, "KH-2026-P080")
    assert panel.finish_button.isEnabled()
    monkeypatch.setattr(FinishPlanDialog, "ask", classmethod(lambda cls, *a: False))
    panel.finish_selected()  # declined: nothing is sent to the worker
    assert "40 scheduled" in panel.counts.text()
    monkeypatch.setattr(FinishPlanDialog, "ask", classmethod(lambda cls, *a: True))
    with qtbot.waitSignal(panel.changed, timeout=60_000):
        panel.finish_selected()
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        pass
    assert "40 cancelled" in panel.counts.text()  # nobody was told yet: nothing more to say
    assert panel.plans.row(panel.plan_view.currentIndex().row()).status is PlanStatus.COMPLETED  # type: ignore[union-attr]
