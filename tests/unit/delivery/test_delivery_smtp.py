"""E-mail against a real SMTP server on 127.0.0.1 (aiosmtpd): text, headers, failures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ops.clock import FixedClock
from ops.delivery.smtp import (
    SmtpChannel,
    SmtpSecurity,
    SmtpSettings,
    SmtpSettingsError,
    smtp_settings,
)
from ops.notices.area import describe_area
from ops.notices.content import notice_facts
from ops.notices.messages import OutgoingMessage, compose_message
from ops.notices.outbox import MessageStatus, after_attempt, plan_outbox
from ops.notices.recipients import ChannelKind, recipient_of
from ops.notices.rules import RetryPolicy
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.notices.templates import load_templates
from tests.unit.notice_builders import END, SENDER, START, a_plan, local, toy_customers
from tests.unit.notice_servers import free_port, smtp_server

CLOCK = FixedClock(local(1, 10))


def settings(port: int, **kw: object) -> SmtpSettings:
    base = SmtpSettings(
        sender="thongbao@dlcaolanh.example",
        sender_name="Điện lực Cao Lãnh",
        host="127.0.0.1",
        port=port,
        timeout=5.0,
        local_hostname="console.local",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def emails(*addresses: str) -> list[OutgoingMessage]:
    """The initial notice's e-mail to Trần Thị Bích, once per address."""
    customers = toy_customers()
    bich = customers["PB07010000101"]
    notice = NoticeEvent(7, NoticeKind.INITIAL, 1, local(1, 10), START, END)
    area = describe_area(c.address for c in customers.values() if c.transformer_id == "T-F2-2")
    facts = notice_facts(a_plan(), notice, area, SENDER, local(1, 10))
    templates = load_templates()
    out = []
    for n, address in enumerate(addresses):
        recipient = recipient_of(replace(bich, customer_id=f"PB0701000{n:04d}"), email=address)
        (row,) = [m for m in plan_outbox(notice, [recipient]) if m.channel is ChannelKind.EMAIL]
        out.append(compose_message(row, facts, templates, recipient))
    return out


def test_a_batch_goes_over_one_connection_with_vietnamese_text_intact() -> None:
    batch = emails("bich@example.vn", "an@example.vn", "chi@example.vn")
    with smtp_server() as (sink, port), SmtpChannel(settings(port), CLOCK) as channel:
        results = channel.send_batch(batch)
    assert [r.sent for r in results] == [True, True, True]
    assert len(sink.messages) == 3 and len(sink.sessions) == 1  # one connection for the batch
    mail = sink.messages[0]
    assert mail["Subject"] == (
        "[Điện lực Cao Lãnh] Thông báo tạm ngừng cấp điện 07:00-11:30 12/06/2026 (KH-2026-0042)"
    )
    assert str(mail["From"]) == "Điện lực Cao Lãnh <thongbao@dlcaolanh.example>"
    assert mail["To"].addresses[0].addr_spec == "bich@example.vn"
    assert mail["To"].addresses[0].display_name == "Trần Thị Bích"
    assert mail["Message-ID"] == f"<{batch[0].key}@dlcaolanh.example>"
    assert results[0].reason == mail["Message-ID"]
    body = mail.get_content()
    assert "Kính gửi Quý khách hàng Trần Thị Bích (mã khách hàng PB07010000000)," in body
    assert "KHU VỰC: Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân" in body
    assert "THỜI GIAN: Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026" in body
    assert "LÝ DO NGỪNG CUNG CẤP ĐIỆN: Thay trụ, kéo lại dây, bảo trì lưới điện" in body
    assert mail.get_content_charset() == "utf-8"
    assert sink.envelopes[1] == ("thongbao@dlcaolanh.example", ["an@example.vn"])


def test_headers_on_the_wire_are_ascii_encoded_words() -> None:
    (message,) = emails("bich@example.vn")
    wire = SmtpChannel(settings(25), CLOCK).build(message)
    head = wire.split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")  # no raw UTF-8 in the headers
    assert b"Subject: =?utf-8?" in head


def test_a_refused_mailbox_is_permanent_a_busy_one_is_retried_and_the_rest_go_on() -> None:
    batch = emails("bounce@example.vn", "busy@example.vn", "bich@example.vn")
    with smtp_server() as (sink, port), SmtpChannel(settings(port), CLOCK) as channel:
        bounced, busy, ok = channel.send_batch(batch)
    assert not bounced.sent and not bounced.retryable and "550" in bounced.reason
    assert not busy.sent and busy.retryable and "451" in busy.reason
    assert ok.sent and [m["To"].addresses[0].addr_spec for m in sink.messages] == [
        "bich@example.vn"
    ]


@pytest.mark.parametrize(
    "address", ["", "bich", "bich@example.vn\r\nBcc: x@y.vn", "bích@example.vn", "<a@b.vn>"]
)
def test_an_undeliverable_address_fails_for_good_without_a_connection(address: str) -> None:
    message = replace(emails("bich@example.vn")[0], address=address)
    result = SmtpChannel(settings(free_port()), CLOCK).send(message)
    assert not result.sent and not result.retryable


def test_a_line_break_in_a_name_or_subject_cannot_add_a_header() -> None:
    message = replace(
        emails("bich@example.vn")[0],
        customer_name="Bích\r\nBcc: evil@example.vn",
        subject="Thông báo\r\nX-Evil: 1",
    )
    with smtp_server() as (sink, port), SmtpChannel(settings(port), CLOCK) as channel:
        assert channel.send(message).sent
    (mail,) = sink.messages
    assert mail["Bcc"] is None and mail["X-Evil"] is None
    assert sink.envelopes[0][1] == ["bich@example.vn"]
    assert mail["Subject"] == "Thông báo X-Evil: 1"


def test_no_server_is_retryable_and_backs_off() -> None:
    (message,) = emails("bich@example.vn")
    with SmtpChannel(settings(free_port(), timeout=1.0), CLOCK) as channel:
        result = channel.send(message)
    assert not result.sent and result.retryable
    notice = NoticeEvent(7, NoticeKind.INITIAL, 1, local(1, 10), START, END)
    recipient = recipient_of(toy_customers()["PB07010000101"], email="bich@example.vn")
    row = next(m for m in plan_outbox(notice, [recipient]) if m.channel is ChannelKind.EMAIL)
    after = after_attempt(row, result, CLOCK.now(), RetryPolicy())
    assert after.status is MessageStatus.SCHEDULED and after.due_at == local(1, 10, 1)


def test_a_connection_the_server_dropped_is_reopened_once() -> None:
    first, second = emails("bich@example.vn", "an@example.vn")
    port = free_port()
    channel = SmtpChannel(settings(port), CLOCK)
    with smtp_server(port) as (sink, _):
        assert channel.send(first).sent
    with smtp_server(port) as (sink, _):  # restarted: the kept connection is dead
        assert channel.send(second).sent
        assert len(sink.messages) == 1
    channel.close()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"host": "mail"}, "'sender'"),
        ({"sender": "a@b.vn", "port": 0}, "'port'"),
        ({"sender": "a@b.vn", "security": "ssl3"}, "'security' must be one of"),
        ({"sender": "a@b.vn", "pasword": "x"}, "unknown key"),
    ],
)
def test_settings_are_checked(table: dict[str, object], message: str) -> None:
    with pytest.raises(SmtpSettingsError, match=message):
        smtp_settings(table)


def test_settings_read_with_the_password_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OMS_SMTP_PASSWORD", "bí mật")
    read = smtp_settings({"sender": "a@b.vn", "port": 587, "security": "starttls"})
    assert (read.port, read.security, read.password) == (587, SmtpSecurity.STARTTLS, "bí mật")
    assert "bí mật" not in repr(read)
