"""Decisions in the notices panel are actions: another console sees them through the change
log, and a decision on a plan someone else changed meanwhile is refused as stale."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.actions import ActionRunner
from console.notices.approval_dialog import ApprovalDialog
from console.notices.panel import NoticesPanel
from console.tasks import TaskRunner
from db import Database
from db.actions import changes_since, latest_change
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import User
from ops.clock import FixedClock
from ops.delivery.config import NoticeSettings
from ops.delivery.setup import DeliverySetup
from ops.notices.blackout import BlackoutCalendar
from ops.notices.content import Sender
from ops.notices.rules import NoticePolicy
from ops.notices.templates import load_templates
from ops.planned.records import PlanStatus
from tests.conftest import DEMO_NOW
from tests.gui.test_notice_panel import LEAD, a_draft, select

PLAN = 80


class Console:
    """One console on its own Database object: a task runner, an ActionRunner, the panel."""

    def __init__(self, qtbot: QtBot, url: str, name: str, user: User, tmp_path: Path) -> None:
        self.db = Database(url)
        self.tasks = TaskRunner()
        clock = FixedClock(DEMO_NOW)
        self.actions = ActionRunner(self.db, self.tasks, clock, user)
        self.actions.workstation = name  # both run in this process: tell them apart
        self.panel = NoticesPanel(self.db, self.tasks, clock, lambda: user)
        qtbot.addWidget(self.panel)
        self.panel.use_actions(self.actions)
        setup = DeliverySetup(
            NoticePolicy(), Sender(), load_templates(), NoticeSettings(), tmp_path / name
        )
        self.panel.configure(setup, BlackoutCalendar(()))
        with qtbot.waitSignal(self.panel.refreshed, timeout=30_000):
            self.panel.refresh()

    def close(self) -> None:
        self.actions.stop()
        self.tasks.wait()
        self.db.dispose()


@pytest.fixture
def two_consoles(
    qtbot: QtBot, demo_db_path: Path, tmp_path: Path
) -> Iterator[tuple[Console, Console]]:
    url = f"sqlite:///{demo_db_path}"
    setup = Database(url)
    with setup.session() as s:
        PlannedOutageRepository(s).add_many([a_draft(timedelta(days=8))])
    setup.dispose()
    a, b = (Console(qtbot, url, name, LEAD, tmp_path) for name in ("A", "B"))
    yield a, b
    for console in (a, b):
        console.close()


@pytest.fixture
def approving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", classmethod(lambda cls, *a: ""))


def status_shown(panel: NoticesPanel) -> PlanStatus | None:
    rows = (panel.plans.row(r) for r in range(panel.plans.rowCount()))
    plan = next((p for p in rows if p is not None and p.plan_id == PLAN), None)
    return None if plan is None else plan.status


def test_an_approval_reaches_the_other_consoles_notices_panel_through_the_change_log(
    qtbot: QtBot, two_consoles: tuple[Console, Console], approving: None
) -> None:
    a, b = two_consoles
    start = latest_change(b.db)
    b.actions.start_polling()
    qtbot.waitUntil(lambda: b.actions._seq is not None, timeout=30_000)  # B follows from here
    select(qtbot, a.panel, "KH-2026-P080")
    assert status_shown(b.panel) is PlanStatus.DRAFT
    with qtbot.waitSignal(a.panel.changed, timeout=60_000):
        a.panel.approve_selected()

    # The decision's change-log row names the plan, its notices and its outbox.
    seq, changes = changes_since(b.db, start)
    assert seq > start
    assert changes.plans == changes.notices == changes.outbox == frozenset({PLAN})
    # B polls the log and its panel shows the approval without being asked.
    with qtbot.waitSignal(
        b.actions.changed, timeout=10_000, check_params_cb=lambda c: PLAN in c.plans
    ):
        pass
    qtbot.waitUntil(lambda: status_shown(b.panel) is PlanStatus.APPROVED, timeout=30_000)


def test_a_decision_on_a_plan_changed_meanwhile_is_refused_as_stale(
    qtbot: QtBot, two_consoles: tuple[Console, Console], approving: None, in_vietnamese: None
) -> None:
    a, b = two_consoles  # B does not follow the log: it still shows the draft
    for console in (a, b):
        select(qtbot, console.panel, "KH-2026-P080")
    with qtbot.waitSignal(a.panel.changed, timeout=60_000):
        a.panel.approve_selected()
    before = latest_change(b.db)
    with qtbot.waitSignal(b.panel.refreshed, timeout=60_000):  # the refusal shows what is now
        b.panel.approve_selected()
    assert "vừa được người khác thay đổi" in b.panel.message.text()
    assert "KH-2026-P080" in b.panel.message.text()
    assert status_shown(b.panel) is PlanStatus.APPROVED
    assert latest_change(b.db) == before  # nothing written
