"""Writes the generated demo district into a database, replacing what was there."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    AuditRow,
    CrewAssignmentRow,
    CrewMemberRow,
    CrewRow,
    NetworkImportRow,
    NoticeRow,
    OutageEventRow,
    OutageRow,
    OutboxMessageRow,
    PlannedOutageRow,
    SiteSettingRow,
    SwitchingStepRow,
)
from db.repositories.crews import CrewRepository
from db.repositories.network import NetworkRepository
from db.repositories.outages import OutageRepository
from db.repositories.planned import PlannedOutageRepository
from ops.demo import DemoDistrict
from ops.interchange import to_interchange
from ops.outages import JournalEntry, OutageStatus
from ops.validation import check_network

DEMO_USER = "demo"

# Operational tables first, children before parents, so foreign keys hold at every step.
_OPERATIONAL = (
    OutboxMessageRow,
    NoticeRow,
    OutageEventRow,
    CrewAssignmentRow,
    OutageRow,
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
        outages = OutageRepository(s)
        outages.add_many(district.outages)
        for o in district.outages:
            device = o.device_id or "?"
            outages.append_journal(
                JournalEntry(
                    0,
                    o.outage_id,
                    "device_operation",
                    f"{device} mở / cắt",
                    o.started_at,
                    at,
                    DEMO_USER,
                )
            )
            outages.append_journal(
                JournalEntry(
                    0,
                    o.outage_id,
                    "status",
                    f"Ghi nhận sự cố: {o.cause}",
                    o.reported_at,
                    at,
                    DEMO_USER,
                )
            )
            if o.restored_at is not None and o.status is not OutageStatus.PARTIALLY_RESTORED:
                outages.append_journal(
                    JournalEntry(
                        0,
                        o.outage_id,
                        "status",
                        "Đã khôi phục cấp điện",
                        o.restored_at,
                        at,
                        DEMO_USER,
                    )
                )
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
