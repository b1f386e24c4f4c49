"""Decisions on planned interruptions are actions: one turn, one transaction, a change-log
row (and NOTIFY) naming the plan, and a refusal when the plan moved on since it was read."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db import Database
from db.actions import changes_since, latest_change, run_action
from db.live import ChangeListener, decode, encode
from db.notice_store import NoticeBook, PlanDecisions
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role, User
from ops.errors import PermissionDenied, StaleEdit
from ops.notices.blackout import BlackoutCalendar
from ops.notices.rules import NoticePolicy
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from ops.stores import Changes
from tests.conftest import DEMO_NOW

LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)
POLICY, NO_BLACKOUTS = NoticePolicy(), BlackoutCalendar(())
PLAN_ID = 81
ONE = frozenset({PLAN_ID})


def add_draft(db: Database) -> None:
    start = DEMO_NOW + timedelta(days=8)
    plan = PlannedOutage(
        PLAN_ID, "KH-2026-P081", "Thay cầu chì", "Thay cầu chì tự rơi", "", start,
        start + timedelta(hours=4), PlanStatus.DRAFT, None,
        (SwitchingStep(1, "FCO-T-472-CL-113", SwitchAction.OPEN),), 0,
    )  # fmt: skip
    with db.session() as s:
        PlannedOutageRepository(s).add_many([plan])


def test_an_approval_is_one_action_whose_change_log_row_names_the_plan(
    any_demo_db: Database,
) -> None:
    add_draft(any_demo_db)
    start = latest_change(any_demo_db)
    listener = ChangeListener(any_demo_db.engine) if not any_demo_db.is_sqlite else None
    if listener is not None:
        listener.connect()
    try:
        book = NoticeBook(any_demo_db, workstation="A")
        _, queued = book.approve(LEAD, PLAN_ID, DEMO_NOW, POLICY, NO_BLACKOUTS)
        assert queued == 40
        seq, changes = changes_since(any_demo_db, start)
        assert seq == start + 1
        assert changes == Changes(plans=ONE, notices=ONE, outbox=ONE)
        assert changes_since(any_demo_db, start, skip_workstation="A")[1].is_empty
        if listener is not None:  # PostgreSQL: announced as well, with the planned work
            (notice,) = listener.wait(5)
            assert notice.seq == seq and notice.changes == changes
    finally:
        if listener is not None:
            listener.close()


def test_a_decision_on_a_plan_changed_since_it_was_read_is_refused_and_writes_nothing(
    any_demo_db: Database,
) -> None:
    add_draft(any_demo_db)
    book = NoticeBook(any_demo_db)
    read_before = book.load(PLAN_ID)
    book.approve(LEAD, PLAN_ID, DEMO_NOW, POLICY, NO_BLACKOUTS)  # someone else, meanwhile
    after = latest_change(any_demo_db)
    now = DEMO_NOW + timedelta(minutes=5)
    with pytest.raises(StaleEdit, match="plan KH-2026-P081 was changed by someone else"):
        run_action(
            any_demo_db,
            lambda store: PlanDecisions(store).approve(
                read_before, LEAD, now, POLICY, NO_BLACKOUTS
            ),
            workstation="B",
        )
    fresh = book.load(PLAN_ID)
    with pytest.raises(StaleEdit):  # the file is fresh, but the dispatcher saw the old plan
        run_action(
            any_demo_db,
            lambda store: PlanDecisions(store).cancel(
                fresh, LEAD, now, POLICY, seen_version=read_before.version
            ),
            workstation="B",
        )
    assert latest_change(any_demo_db) == after
    assert book.load(PLAN_ID).plan.status is PlanStatus.APPROVED
    cancelled = run_action(
        any_demo_db,
        lambda store: PlanDecisions(store).cancel(
            fresh, LEAD, now, POLICY, seen_version=fresh.version
        ),
        workstation="B",
    )
    assert cancelled.changes.plans == ONE and cancelled.decision is not None
    assert book.load(PLAN_ID).plan.status is PlanStatus.CANCELLED


def test_retrying_failed_messages_names_the_plans_whose_outbox_changed(
    demo_db: Database,
) -> None:
    from sqlalchemy import update

    from db.models import OutboxMessageRow

    add_draft(demo_db)
    NoticeBook(demo_db).approve(LEAD, PLAN_ID, DEMO_NOW, POLICY, NO_BLACKOUTS)
    with demo_db.session() as s:
        s.execute(
            update(OutboxMessageRow)
            .where(OutboxMessageRow.plan_id == PLAN_ID)
            .values(status="failed")
        )
    viewer = User("xem", "Người xem", Role.VIEWER)
    with pytest.raises(PermissionDenied):  # a viewer queues nothing again
        run_action(
            demo_db, lambda store: PlanDecisions(store).retry_failed(viewer, DEMO_NOW),
            workstation="A",
        )  # fmt: skip
    done = run_action(
        demo_db, lambda store: PlanDecisions(store).retry_failed(LEAD, DEMO_NOW), workstation="A"
    )
    assert done.queued == 40 and done.changes == Changes(outbox=ONE)


def test_a_notification_carries_planned_work_and_an_older_one_reads_without_it() -> None:
    changes = Changes(plans=ONE, notices=ONE, outbox=frozenset({PLAN_ID, 2}))
    assert decode(encode(3, "ws", changes, sent_at=1.0)).changes == changes
    older = '{"seq":4,"ws":"ws","t":1.0,"o":[5],"c":[],"n":false,"j":[5],"a":[]}'
    assert decode(older).changes == Changes(outages=frozenset({5}), journal=frozenset({5}))
