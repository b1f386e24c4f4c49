"""`main.py send-notices` as real processes against a real SMTP server (aiosmtpd) on localhost:
killed with SIGKILL in the middle of a batch and started again, every message is received
exactly once; two processes on one database send each message once; the e-mails say what
the notice says, in Vietnamese."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from db import Database
from db.models import CustomerRow
from db.notice_store import NoticeBook, SqlDeliveryStore
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import Role, User
from ops.notices.blackout import BlackoutCalendar
from ops.notices.outbox import MessageStatus
from ops.notices.rules import NoticePolicy
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep
from tests.unit.notice_servers import MailSink, smtp_server

ROOT = Path(__file__).resolve().parents[2]
FUSE = "FCO-473-MT-L13"  # 150 customers behind it in the demo district
PLAN_ID = 60
SHIFT_LEAD = User("truongca", "Trưởng ca", Role.SHIFT_LEAD)


class CountingSink(MailSink):
    """Counts accepted messages by Message-ID; can kill a process while a message is in
    flight (before its "250"), so the process never learns the message was taken."""

    def __init__(self) -> None:
        super().__init__()
        self.received: Counter[str] = Counter()
        self.kill_at: int | None = None
        self.victim: subprocess.Popen[str] | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.kill_at is not None and sum(self.received.values()) + 1 == self.kill_at:
            assert self.victim is not None
            self.kill_at = None
            self.victim.send_signal(signal.SIGKILL)
            self.victim.wait(30)  # dead before any reply could reach it
            return "451 4.3.0 gone"
        reply = await super().handle_DATA(server, session, envelope)
        self.received[str(self.messages[-1]["Message-ID"])] += 1
        return reply


@dataclass
class Setup:
    url: str
    env: dict[str, str]
    sink: CountingSink
    messages: int

    def start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "main.py", "--db", self.url, "send-notices"],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def run(self) -> str:
        proc = self.start()
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        return out

    def counts(self) -> dict[MessageStatus, int]:
        db = Database(self.url)
        try:
            return SqlDeliveryStore(db).counts(PLAN_ID)
        finally:
            db.dispose()


@pytest.fixture
def setup(demo_db_url: str, tmp_path: Path) -> Iterator[Setup]:
    with smtp_server() as (_, port):
        pass  # a free port, then our own sink on it
    sink = CountingSink()
    from aiosmtpd.controller import Controller

    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        messages = approve_plan(demo_db_url)
        config = tmp_path / "config"
        config.mkdir()
        (config / "settings.toml").write_text(
            f'[smtp]\nsender = "thongbao@dlcaolanh.example"\nsender_name = "Điện lực Cao Lãnh"\n'
            f'host = "127.0.0.1"\nport = {port}\nlocal_hostname = "test.local"\n\n'
            f'[notices]\nquiet_hours = ""\nbatch_size = 20\nexport_folder = "{tmp_path}/out"\n',
            encoding="utf-8",
        )
        env = dict(os.environ, OMS_CONFIG_DIR=str(config), OMS_DATA_DIR=str(tmp_path / "data"))
        yield Setup(demo_db_url, env, sink, messages)
    finally:
        controller.stop()


def approve_plan(url: str) -> int:
    """A draft plan starting in a week, its customers reachable by e-mail, approved now."""
    db = Database(url)
    try:
        now = datetime.now(UTC)
        plan = PlannedOutage(
            PLAN_ID, "KH-2026-E060", "Thay cầu chì nhánh", "Thay cầu chì tự rơi, phát quang",
            "", now + timedelta(days=7), now + timedelta(days=7, hours=4), PlanStatus.DRAFT,
            None, (SwitchingStep(1, FUSE, SwitchAction.OPEN),), 0,
        )  # fmt: skip
        with db.session() as s:
            PlannedOutageRepository(s).add_many([plan])
        book = NoticeBook(db)
        with db.session() as s:
            for cid in book.load(PLAN_ID).call_ahead.customer_ids:
                s.execute(
                    update(CustomerRow)
                    .where(CustomerRow.customer_id == cid)
                    .values(phone="", attributes={"email": f"{cid.lower()}@khach.example"})
                )
        policy = NoticePolicy(quiet_hours=None)
        decision, _ = book.approve(SHIFT_LEAD, PLAN_ID, now, policy, BlackoutCalendar(()))
        return len(decision.messages[0][1])  # the initial notice: due now
    finally:
        db.dispose()


def test_a_process_killed_in_the_middle_of_a_batch_sends_every_message_once_after_restart(
    setup: Setup,
) -> None:
    assert setup.messages == 150
    setup.sink.kill_at = 30  # in the second batch of 20
    first = setup.start()
    setup.sink.victim = first
    first.communicate(timeout=300)
    assert first.returncode == -signal.SIGKILL
    before = setup.counts()
    assert before[MessageStatus.SENT] == 29 and before[MessageStatus.SENDING] == 11
    out = setup.run()
    assert "11 message(s) of a stopped console taken back" in out
    assert setup.counts()[MessageStatus.SENT] == 150
    assert len(setup.sink.received) == 150
    assert set(setup.sink.received.values()) == {1}


def test_two_processes_on_one_database_send_each_message_once(setup: Setup) -> None:
    first, second = setup.start(), setup.start()
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
    assert setup.counts()[MessageStatus.SENT] == 150
    assert len(setup.sink.received) == 150 and set(setup.sink.received.values()) == {1}
    assert setup.run().startswith("sent 0,")


def test_the_customers_receive_the_notice_in_vietnamese(setup: Setup) -> None:
    assert setup.run().startswith("sent 150,")
    mail: EmailMessage = setup.sink.messages[0]
    assert mail["Subject"].startswith("[Điện lực Cao Lãnh] Thông báo tạm ngừng cấp điện")
    assert "(KH-2026-E060)" in mail["Subject"]
    assert mail["From"] == "Điện lực Cao Lãnh <thongbao@dlcaolanh.example>"
    body = mail.get_content()
    for part in ("KHU VỰC: ", "THỜI GIAN: Từ ", "LÝ DO NGỪNG CUNG CẤP ĐIỆN: Thay cầu chì tự rơi"):
        assert part in body
    assert "Kính gửi Quý khách hàng " in body and "Tổng đài chăm sóc khách hàng 19001006" in body
    to = mail["To"].addresses[0]
    assert to.addr_spec.endswith("@khach.example") and to.display_name
    assert f"(mã khách hàng {to.addr_spec.split('@')[0].upper()})" in body
