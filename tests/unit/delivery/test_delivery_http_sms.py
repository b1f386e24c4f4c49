"""SMS against a real local HTTP server standing in for the operator: request shape, failures."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from ops.delivery.http_sms import (
    BodyFormat,
    HttpSmsGateway,
    HttpSmsSettings,
    NumberFormat,
    format_number,
)
from ops.notices.messages import OutgoingMessage
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeKind
from tests.unit.notice_servers import Operator, sms_operator

TEXT = "Điện lực Cao Lãnh thông báo: ngừng cấp điện 07:00-11:30 12/06/2026 tại xã Mỹ Tân"


def sms(to: str = "+84909000111", key: str = "k" * 64) -> OutgoingMessage:
    return OutgoingMessage(
        key, ChannelKind.SMS, "PB07010000101", "Trần Thị Bích", to, "", TEXT,
        NoticeKind.INITIAL, "KH-2026-0042", 1,
    )  # fmt: skip


def gateway(url: str, **kw: object) -> HttpSmsGateway:
    base = HttpSmsSettings(url=url, api_key="secret-key", sender="EVNSPC", timeout=2.0)
    return HttpSmsGateway(replace(base, **kw))  # type: ignore[arg-type]


def test_a_json_request_carries_the_text_number_brand_key_and_api_key() -> None:
    operator = Operator(answer=lambda _: (200, {"id": "op-778"}))
    with sms_operator(operator) as url:
        result = gateway(url).send(sms())
    assert result.sent and result.reason == "op-778"
    (request,) = operator.requests
    assert request["path"] == "/api/sms"
    assert request["headers"]["authorization"] == "Bearer secret-key"
    assert request["headers"]["content-type"] == "application/json; charset=utf-8"
    assert json.loads(request["body"].decode("utf-8")) == {
        "to": "84909000111",
        "text": TEXT,
        "from": "EVNSPC",
        "reference": "k" * 64,
    }


def test_a_form_request_in_the_operators_own_field_names() -> None:
    operator = Operator()
    with sms_operator(operator) as url:
        result = gateway(
            url,
            body_format=BodyFormat.FORM,
            api_key_header="X-Api-Key",
            api_key_prefix="",
            to_field="Phone",
            text_field="Content",
            sender_field="Brandname",
            reference_field="RequestId",
            unicode_field="IsUnicode",
            number_format=NumberFormat.NATIONAL,
            extra={"SmsType": "2"},
        ).send(sms())
    assert result.sent
    (request,) = operator.requests
    assert request["headers"]["x-api-key"] == "secret-key"
    form = dict(urllib.parse.parse_qsl(request["body"].decode("ascii"), strict_parsing=True))
    assert form == {
        "SmsType": "2",
        "Phone": "0909000111",
        "Content": TEXT,
        "Brandname": "EVNSPC",
        "RequestId": "k" * 64,
        "IsUnicode": "1",
    }


def by_number(table: dict[str, int]) -> Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]:
    def answer(request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        to = json.loads(request["body"])["to"]
        return table.get(to, 200), {"error": "refused"} if to in table else {"id": "ok"}

    return answer


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(400, False), (401, False), (404, False), (422, False), (408, True), (429, True),
     (500, True), (502, True), (503, True), (302, False)],
)  # fmt: skip
def test_4xx_is_permanent_5xx_is_retryable(status: int, retryable: bool) -> None:
    operator = Operator(answer=by_number({"84909000999": status}))
    with sms_operator(operator) as url:
        channel = gateway(url)
        failed, ok = channel.send_batch([sms("+84909000999"), sms()])
    assert not failed.sent and failed.retryable is retryable
    assert f"HTTP {status}" in failed.reason
    assert ok.sent
    if status == 302:
        assert len(operator.requests) == 2  # the redirect was not followed


def test_a_timeout_is_retryable() -> None:
    with sms_operator(Operator(delay=1.0)) as url:
        result = gateway(url, timeout=0.2).send(sms())
    assert not result.sent and result.retryable
    assert "timed out" in result.reason


def test_no_operator_listening_is_retryable() -> None:
    with sms_operator(Operator()) as url:
        pass  # stopped: nothing listens there now
    result = gateway(url).send(sms())
    assert not result.sent and result.retryable


def test_a_message_without_a_number_is_not_sent() -> None:
    result = gateway("http://127.0.0.1:9/").send(sms(to=""))
    assert not result.sent and not result.retryable


def test_only_http_urls_are_accepted_and_numbers_are_formatted() -> None:
    with pytest.raises(ValueError, match="http or https"):
        gateway("file:///etc/passwd")
    assert format_number("+84909000111", NumberFormat.E164) == "+84909000111"
    assert format_number("+84909000111", NumberFormat.INTERNATIONAL) == "84909000111"
    assert format_number("+84909000111", NumberFormat.NATIONAL) == "0909000111"
