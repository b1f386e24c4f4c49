"""SMS through an operator's HTTP gateway: one POST per message, JSON or form-encoded.

Every operator names its fields differently, so the request's shape is settings: the URL, the
header carrying the API key, the field names for the number, the text, the brand name and
our reference (the idempotency key, which lets an operator that supports it drop a repeat),
fixed extra fields, and how the number is written. 2xx is sent; 4xx is permanent (the request
or the number is wrong) except 408 and 429; 5xx, timeouts and connection failures are worth
another try. Redirects are not followed: a POST must not silently become a GET elsewhere.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from http.client import HTTPException
from typing import IO

from ops.notices.messages import OutgoingMessage
from ops.notices.outbox import DeliveryResult
from ops.notices.recipients import ChannelKind
from ops.notices.sms import SmsEncoding, sms_length

_RETRYABLE_4XX = frozenset({408, 425, 429})
_MAX_RESPONSE = 64 * 1024


class BodyFormat(StrEnum):
    JSON = "json"
    FORM = "form"


class NumberFormat(StrEnum):
    E164 = "e164"  # +84909000111
    INTERNATIONAL = "international"  # 84909000111
    NATIONAL = "national"  # 0909000111


@dataclass(frozen=True, slots=True)
class HttpSmsSettings:
    """How to talk to one operator's SMS gateway."""

    url: str
    api_key: str = field(default="", repr=False)
    api_key_header: str = "Authorization"
    api_key_prefix: str = "Bearer "
    body_format: BodyFormat = BodyFormat.JSON
    to_field: str = "to"
    text_field: str = "text"
    sender_field: str | None = "from"
    sender: str = ""  # the registered brand name
    reference_field: str | None = "reference"
    unicode_field: str | None = None  # some gateways want a flag for a UCS-2 text
    number_format: NumberFormat = NumberFormat.INTERNATIONAL
    extra: Mapping[str, str] = field(default_factory=dict)
    id_field: str | None = "id"  # the operator's message id in a JSON reply
    timeout: float = 10.0


class HttpSmsGateway:
    """Sends SMS through a configurable HTTP gateway."""

    kind = ChannelKind.SMS

    def __init__(self, settings: HttpSmsSettings) -> None:
        if urllib.parse.urlsplit(settings.url).scheme not in ("http", "https"):
            raise ValueError(f"the SMS gateway URL must be http or https: {settings.url!r}")
        self.settings = settings
        self._opener = urllib.request.build_opener(_NoRedirect)

    def request_for(self, message: OutgoingMessage) -> urllib.request.Request:
        """The HTTP request one message becomes."""
        s = self.settings
        fields: dict[str, str] = dict(s.extra)
        fields[s.to_field] = format_number(message.address, s.number_format)
        fields[s.text_field] = message.body
        if s.sender_field:
            fields[s.sender_field] = s.sender
        if s.reference_field:
            fields[s.reference_field] = message.key
        if s.unicode_field:
            fields[s.unicode_field] = "1" if _is_ucs2(message.body) else "0"
        if s.body_format is BodyFormat.JSON:
            data = json.dumps(fields, ensure_ascii=False).encode("utf-8")
            content_type = "application/json; charset=utf-8"
        else:
            data = urllib.parse.urlencode(fields).encode("ascii")
            content_type = "application/x-www-form-urlencoded"
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if s.api_key:
            headers[s.api_key_header] = s.api_key_prefix + s.api_key
        return urllib.request.Request(s.url, data=data, headers=headers, method="POST")

    def send(self, message: OutgoingMessage) -> DeliveryResult:
        if not message.address:
            return DeliveryResult.failed("no mobile number", retryable=False)
        request = self.request_for(message)
        try:
            with self._opener.open(request, timeout=self.settings.timeout) as response:
                body = response.read(_MAX_RESPONSE)
                return DeliveryResult.ok(self._message_id(body))
        except urllib.error.HTTPError as exc:
            detail = _snippet(exc.fp)
            exc.close()
            code = exc.code
            retryable = code >= 500 or code in _RETRYABLE_4XX
            return DeliveryResult.failed(f"HTTP {code} {exc.reason}: {detail}", retryable=retryable)
        except (urllib.error.URLError, HTTPException, OSError) as exc:  # timeouts included
            reason = getattr(exc, "reason", exc)
            return DeliveryResult.failed(f"{type(exc).__name__}: {reason}", retryable=True)

    def send_batch(self, messages: Sequence[OutgoingMessage]) -> list[DeliveryResult]:
        return [self.send(m) for m in messages]

    def close(self) -> None:
        pass

    def _message_id(self, body: bytes) -> str:
        if not self.settings.id_field:
            return ""
        try:
            reply = json.loads(body)
        except ValueError:
            return ""
        value = reply.get(self.settings.id_field) if isinstance(reply, dict) else None
        return "" if value is None else str(value)


def format_number(e164: str, style: NumberFormat) -> str:
    """ "+84909000111" as the gateway wants it."""
    if style is NumberFormat.E164:
        return e164
    digits = e164.removeprefix("+")
    if style is NumberFormat.NATIONAL and digits.startswith("84"):
        return "0" + digits[2:]
    return digits


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx becomes an HTTPError: a misconfigured URL, permanent


def _is_ucs2(text: str) -> bool:
    return sms_length(text).encoding is SmsEncoding.UCS2


def _snippet(fp: IO[bytes] | None) -> str:
    if fp is None:
        return ""
    try:
        return " ".join(fp.read(300).decode("utf-8", "replace").split())
    except (OSError, HTTPException):
        return ""
