"""Notice benchmark: a planned interruption of ~20,000 demo-district customers.

Times the call-ahead list, the outbox planning (every customer × channel), rendering every
message, and delivery of e-mails to a real SMTP server on 127.0.0.1 (aiosmtpd, in this
process) over one connection. Targets: call-ahead list and outbox rows <= 3 s (issue 5),
SMTP >= 200 messages/s.

    .venv/bin/python bench/notices_smtp.py [--messages 5000] [--in-process]

The SMTP server runs as a child process (as a real one would, on the other core); with
--in-process it shares this process and its interpreter lock: the worst case.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller

from ops.delivery.smtp import SmtpChannel, SmtpSettings
from ops.demo import generate_demo_district
from ops.network.records import DeviceKind
from ops.network.tracing import Topology
from ops.notices.call_ahead import build_call_ahead
from ops.notices.content import Sender, notice_facts
from ops.notices.messages import compose_message
from ops.notices.outbox import plan_outbox
from ops.notices.recipients import ChannelKind, recipient_of
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import plan_notices
from ops.notices.templates import load_templates
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
TARGET_CUSTOMERS = 20_000


class Counter:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5_000, help="e-mails to send")
    parser.add_argument(
        "--in-process", action="store_true", help="run the SMTP server in this process"
    )
    args = parser.parse_args()

    district = generate_demo_district(NOW)
    model = district.network
    normal = frozenset(s.switch_id for s in model.switches if s.normal_open)
    base = Topology(model, ((c.customer_id, c.node_id) for c in district.customers))
    topology = base.with_open_switches(normal)
    customers = {c.customer_id: c for c in district.customers}

    # Feeder breakers in turn until ~20,000 customers are off.
    breakers: list[str] = []
    for s in model.switches:
        if s.kind is DeviceKind.BREAKER and not s.normal_open:
            breakers.append(s.switch_id)
            if topology.lost_by_opening(breakers).customers >= TARGET_CUSTOMERS:
                break
    start = NOW + timedelta(days=8)
    plan = PlannedOutage(
        99, "KH-2026-BENCH", "Bảo trì", "Bảo trì lưới điện", "", start,
        start + timedelta(hours=5), PlanStatus.APPROVED, None,
        tuple(SwitchingStep(i, d, SwitchAction.OPEN) for i, d in enumerate(breakers, 1)), 0,
    )  # fmt: skip

    t0 = time.perf_counter()
    call_ahead = build_call_ahead(plan, topology, customers)
    t1 = time.perf_counter()
    notice = plan_notices(plan, NOW, NoticePolicy())[0]
    recipients = [
        recipient_of(c, email=f"kh{c.customer_id.lower()}@example.vn") for c in call_ahead.customers
    ]
    rows = plan_outbox(notice, recipients)
    t2 = time.perf_counter()
    templates = load_templates()
    facts = notice_facts(plan, notice, call_ahead.area, Sender(), NOW)
    by_id = {r.customer_id: r for r in recipients}
    emails = [
        compose_message(m, facts, templates, by_id[m.customer_id])
        for m in rows
        if m.channel is ChannelKind.EMAIL
    ]
    t3 = time.perf_counter()
    print(f"plan: {len(breakers)} breakers open, {len(call_ahead):,} customers, "
          f"{len(call_ahead.transformer_ids)} transformers, "
          f"{len(call_ahead.priority_customers)} priority")  # fmt: skip
    print(f"call-ahead list        {1000 * (t1 - t0):8.0f} ms")
    print(f"outbox rows ({len(rows):,})  {1000 * (t2 - t1):8.0f} ms")
    print(f"render {len(emails):,} e-mails  {1000 * (t3 - t2):8.0f} ms")
    print(f"list + outbox          {1000 * (t2 - t0):8.0f} ms   (target <= 3000)")

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = SmtpSettings(
        sender="thongbao@dlcaolanh.example", sender_name="Điện lực Cao Lãnh",
        host="127.0.0.1", port=port, local_hostname="bench.local",
    )  # fmt: skip
    batch = emails[: args.messages]
    with smtp_server(port, in_process=args.in_process) as received:
        began = time.perf_counter()
        with SmtpChannel(settings) as channel:
            results = channel.send_batch(batch)
        elapsed = time.perf_counter() - began
    sent = sum(r.sent for r in results)
    where = "in this process" if args.in_process else "in its own process"
    count = f", {received.received:,} received" if args.in_process else ""
    print(f"SMTP (aiosmtpd {where}): {sent:,} of {len(batch):,} sent{count} in {elapsed:.2f} s "
          f"= {sent / elapsed:,.0f} messages/s   (target >= 200)")  # fmt: skip


@contextmanager
def smtp_server(port: int, *, in_process: bool) -> Iterator[Counter]:
    """aiosmtpd on 127.0.0.1:port, in this process (sharing its CPU) or as a child process."""
    counter = Counter()
    if in_process:
        controller = Controller(counter, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            yield counter
        finally:
            controller.stop()
        return
    child = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
         "-c", "aiosmtpd.handlers.Sink"],
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or child.poll() is not None:
                    raise RuntimeError("the SMTP server did not start") from None
                time.sleep(0.05)
        yield counter
    finally:
        child.terminate()
        child.wait(10)


if __name__ == "__main__":
    main()
