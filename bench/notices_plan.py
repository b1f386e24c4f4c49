"""Notice benchmark through the database: a plan affecting ~20,000 customers of the demo
district, approved (call-ahead list, notices, every outbox row written), then dispatched
through the real claim path (claim, render, send, record each result) to an SMTP server on
127.0.0.1 (aiosmtpd in its own process). On SQLite and on PostgreSQL.

    .venv/bin/python bench/notices_plan.py [--messages 3000] [--backend sqlite|postgresql|both]

Targets (issue 5): call-ahead list + outbox rows <= 3 s; dispatch >= 200 messages/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.notices_smtp import smtp_server
from db import Database
from db.notice_store import NoticeBook, SqlDeliveryStore
from db.repositories.planned import PlannedOutageRepository
from db.seed import seed_demo
from ops.access.roles import Role, User
from ops.clock import FixedClock
from ops.delivery.sending import NoticeSender
from ops.delivery.smtp import SmtpChannel, SmtpSettings
from ops.demo import generate_demo_district
from ops.network.records import DeviceKind
from ops.network.tracing import Topology
from ops.notices.approval import approve
from ops.notices.blackout import BlackoutCalendar
from ops.notices.call_ahead import build_call_ahead
from ops.notices.content import Sender
from ops.notices.recipients import ChannelKind, recipient_of
from ops.notices.rules import NoticePolicy
from ops.notices.templates import load_templates
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.unit.notice_servers import free_port

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
TARGET_CUSTOMERS = 20_000
PLAN_ID = 900
LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)


def run(url: str, messages: int) -> None:
    db = Database(url)
    db.upgrade()
    district = generate_demo_district(NOW)
    seed_demo(db, district, at=NOW)
    model = district.network
    normal = frozenset(s.switch_id for s in model.switches if s.normal_open)
    topology = Topology(model, ((c.customer_id, c.node_id) for c in district.customers))
    topology = topology.with_open_switches(normal)
    customers = {c.customer_id: c for c in district.customers}
    breakers: list[str] = []
    for s in model.switches:
        if s.kind is DeviceKind.BREAKER and not s.normal_open:
            breakers.append(s.switch_id)
            if topology.lost_by_opening(breakers).customers >= TARGET_CUSTOMERS:
                break
    start = NOW + timedelta(days=8)
    plan = PlannedOutage(
        PLAN_ID, "KH-2026-BENCH", "Bảo trì", "Bảo trì lưới điện", "", start,
        start + timedelta(hours=5), PlanStatus.DRAFT, None,
        tuple(SwitchingStep(i, d, SwitchAction.OPEN) for i, d in enumerate(breakers, 1)), 0,
    )  # fmt: skip
    with db.session() as s:
        PlannedOutageRepository(s).add_many([plan])
    policy = NoticePolicy()

    t0 = time.perf_counter()
    call_ahead = build_call_ahead(plan, topology, customers)
    t1 = time.perf_counter()
    recipients = [  # customers who chose e-mail, so every message goes to the SMTP server
        recipient_of(c, email=f"kh{c.customer_id.lower()}@example.vn", agreed=[ChannelKind.EMAIL])
        for c in call_ahead.customers
    ]
    decision = approve(LEAD, plan, recipients, NOW, policy, BlackoutCalendar(()))
    t2 = time.perf_counter()
    added = NoticeBook(db).save(decision, version=1, user=LEAD.username, now=NOW)
    t3 = time.perf_counter()
    print(f"  plan: {len(breakers)} breakers, {len(call_ahead):,} customers, "
          f"{len(call_ahead.transformer_ids)} transformers, "
          f"{len(decision.added)} notices")  # fmt: skip
    print(f"  call-ahead list            {1000 * (t1 - t0):7.0f} ms")
    print(f"  approval (notices, keys)   {1000 * (t2 - t1):7.0f} ms")
    print(f"  outbox rows written ({added:,}) {1000 * (t3 - t2):7.0f} ms")
    print(f"  list + outbox in database  {1000 * (t3 - t0):7.0f} ms   (target <= 3000)")

    port = free_port()
    clock = FixedClock(NOW + timedelta(minutes=1))
    settings = SmtpSettings(sender="thongbao@dlcaolanh.example", host="127.0.0.1", port=port,
                            local_hostname="bench.local")  # fmt: skip
    store = SqlDeliveryStore(db)
    dispatcher = NoticeSender(
        store, {ChannelKind.EMAIL: SmtpChannel(settings, clock)}, clock=clock, policy=policy,
        templates=load_templates(), sender=Sender(), claimer="bench", batch=200,
    )  # fmt: skip
    with smtp_server(port, in_process=False):
        began = time.perf_counter()
        report = dispatcher.dispatch_due(max_batches=max(1, messages // 200))
        elapsed = time.perf_counter() - began
        dispatcher.close()
    print(f"  dispatch (claim, render, SMTP, record each): {report.sent:,} sent, "
          f"{report.failed + report.retrying} not, in {elapsed:.2f} s = "
          f"{report.sent / elapsed:,.0f} messages/s   (target >= 200)")  # fmt: skip
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3_000, help="e-mails to dispatch")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            print("SQLite (embedded file):")
            run(f"sqlite:///{folder}/bench.db", args.messages)
    if args.backend in ("postgresql", "both"):
        from tests.postgres import create_database, postgres_server

        with postgres_server() as server:
            print("PostgreSQL (local server):")
            run(create_database(server, "bench_notices"), args.messages)


if __name__ == "__main__":
    main()
