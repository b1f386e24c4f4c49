"""Writes the generated demo district into a database, replacing what was there.

The demo database also gets one account per role, all with the password `DEMO_PASSWORD`
(README, "Demo accounts"); seeding resets them, and leaves any other account alone.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, text
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    AuditRow,
    ComplianceExceptionRow,
    CrewAssignmentRow,
    CrewMemberRow,
    CrewRow,
    NetworkImportRow,
    NoticeRow,
    OutageEventRow,
    OutageRow,
    OutboxMessageRow,
    PlannedOutageRow,
    ReferenceCounterRow,
    SiteSettingRow,
    SwitchingOperationRow,
    SwitchingStepRow,
    UserRow,
)
from db.repositories.crews import CrewRepository
from db.repositories.journal import JournalRepository
from db.repositories.network import NetworkRepository
from db.repositories.outages import OutageRepository
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role
from ops.access.signin import hash_password
from ops.demo import DemoDistrict
from ops.network.interchange import to_interchange
from ops.network.validation import check_network
from ops.outages.accounting import account_log
from ops.outages.customer_interruptions import OutageStep
from ops.outages.journal import EntryKind, new_entry
from ops.outages.records import OutageStatus

DEMO_USER = "demo"
ENTRY_DELAY = timedelta(minutes=2)  # the demo dispatcher types a line two minutes after the fact
DEMO_PASSWORD = "demo1234"
# (user name, name shown, role): one account per role, user names as the office says them.
DEMO_ACCOUNTS = (
    ("dieudo", "Điều độ viên (demo)", Role.DISPATCHER),
    ("truongca", "Trưởng ca (demo)", Role.SHIFT_LEAD),
    ("tongdai", "Tổng đài viên (demo)", Role.CALL_TAKER),
    ("xem", "Người xem (demo)", Role.VIEWER),
    ("quantri", "Quản trị hệ thống (demo)", Role.ADMINISTRATOR),
)

# Operational tables first, children before parents, so foreign keys hold at every step.
_OPERATIONAL = (
    ComplianceExceptionRow,
    OutboxMessageRow,
    NoticeRow,
    OutageEventRow,
    CrewAssignmentRow,
    SwitchingOperationRow,
    OutageRow,
    ReferenceCounterRow,
    SwitchingStepRow,
    PlannedOutageRow,
    CrewMemberRow,
    CrewRow,
    AuditRow,
    SiteSettingRow,
    NetworkImportRow,
)


def seed_demo(db: Database, district: DemoDistrict, *, at: datetime) -> None:
    """Replace the database's content with the demo district, in one transaction.

    The network goes the way a utility's does: as interchange records, checked, modelled and
    imported by id; then its switches are set as the demo's day has operated them.
    """
    checked = check_network(to_interchange(district.network, district.customers))
    with db.session() as s:
        for table in _OPERATIONAL:
            s.execute(delete(table))
        network = NetworkRepository(s)
        network.import_network(
            checked.network.model,
            checked.network.customers,
            source="demo district generator",
            imported_by=DEMO_USER,
            at=at,
            warnings=checked.report.warning_count,
        )
        network.set_switch_states(
            {w.switch_id: w.is_open for w in district.network.switches}, at=at
        )
        CrewRepository(s).add_many(district.crews)
        PlannedOutageRepository(s).add_many(district.planned)
        OutageRepository(s).add_many(district.outages)
        s.add_all(
            SwitchingOperationRow(
                occurred_at=op.at, entered_at=at, device_id=op.device_id, action=op.action.value,
                outage_id=op.outage_id, entered_by=DEMO_USER,
            )
            for op in district.switching
        )  # fmt: skip
        journal = JournalRepository(s)
        steps = _steps_of(district, at)
        for o in district.outages:
            predicted = o.status is OutageStatus.PREDICTED
            recorded = OutageStatus.PREDICTED if predicted else OutageStatus.CONFIRMED
            lines: list[tuple[EntryKind, str, datetime, tuple[tuple[str, str], ...]]] = [
                (EntryKind.DEVICE_OPERATION, f"{step.device_id}: {step.action.value}", step.at,
                 (("device", step.device_id), ("action", step.action.value),
                  ("darkened", str(step.darkened)), ("restored", str(step.restored)),
                  ("still_dark", str(len(step.still_dark)))))
                for step in steps.get(o.outage_id, ())
            ]  # fmt: skip
            lines.append(
                (EntryKind.STATUS_CHANGE, f"Ghi nhận sự cố: {o.cause}", o.reported_at,
                 (("to", recorded.value), ("cause", o.cause)))
            )  # fmt: skip
            if o.restored_at is not None and o.status is not OutageStatus.PARTIALLY_RESTORED:
                lines.append(
                    (EntryKind.STATUS_CHANGE, "Đã khôi phục cấp điện", o.restored_at,
                     (("to", OutageStatus.RESTORED.value),))
                )  # fmt: skip
            for kind, text_, occurred_at, data in lines:
                journal.append(
                    new_entry(o.outage_id, kind, text_, occurred_at=occurred_at,
                              entered_at=min(at, occurred_at + ENTRY_DELAY),
                              entered_by=DEMO_USER, data=data)
                )  # fmt: skip
        _add_demo_accounts(s)
        _advance_sequences(s)
        s.add_all(
            SiteSettingRow(key=key, value=value)
            for key, value in {
                "district_name": district.name,
                "province": district.province,
                "is_demo": "1",
                "map_center": json.dumps(list(district.center)),
                "seeded_at": at.isoformat(),
            }.items()
        )


def _steps_of(district: DemoDistrict, at: datetime) -> dict[int, tuple[OutageStep, ...]]:
    """Each outage's switching steps with the customers each took off or gave back, from the
    demo's switching log replayed as the console would have recorded it."""
    log = district.switching
    if not log:
        return {}
    accounting = account_log(
        district.network,
        [(c.customer_id, c.node_id) for c in district.customers],
        log,
        since=log[0].at,
        until=max(at, log[-1].at) + timedelta(microseconds=1),
    )
    return {k: t.steps for k, t in accounting.outages.items() if k is not None}


def _add_demo_accounts(session: Session) -> None:
    names = [name for name, _, _ in DEMO_ACCOUNTS]
    session.execute(delete(UserRow).where(UserRow.username.in_(names)))
    password_hash = hash_password(DEMO_PASSWORD)  # scrypt is slow on purpose: once, for all
    session.execute(
        insert(UserRow),
        [
            {"username": name, "full_name": shown, "role": role.value,
             "password_hash": password_hash, "failed_attempts": 0, "locked_until": None,
             "active": True, "version": 1}
            for name, shown, role in DEMO_ACCOUNTS
        ],
    )  # fmt: skip


def _advance_sequences(session: Session) -> None:
    """Rows were written with explicit ids: move PostgreSQL's id sequences past them."""
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite takes the next rowid from the table itself
    for table, column in (("outages", "outage_id"), ("planned_outages", "plan_id")):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )
        )
