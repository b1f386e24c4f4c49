"""E-mail by SMTP: one connection kept open for a batch, UTF-8 subject and body.

The Message-ID is made from the idempotency key, so a mail server or a mail client sees a
message sent twice as the same message. Replies are classified by code: 5xx on a recipient
or on the content is permanent, everything else (4xx, a dropped connection, a timeout, a
refused login) is worth another try, since the fault is the server's or the settings', not
the customer's.
"""

from __future__ import annotations

import base64
import os
import re
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.header import Header
from email.utils import format_datetime, formataddr
from enum import StrEnum
from types import TracebackType

from ops.clock import Clock, SystemClock
from ops.notices.messages import OutgoingMessage
from ops.notices.outbox import DeliveryResult
from ops.notices.recipients import ChannelKind
from ops.toml_reader import ConfigError, TomlTable

PASSWORD_ENV = "OMS_SMTP_PASSWORD"
# ASCII, one @, no spaces, no brackets or quotes: what goes into RCPT TO without SMTPUTF8.
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


class SmtpSecurity(StrEnum):
    NONE = "none"  # plain SMTP (a relay inside the company network)
    STARTTLS = "starttls"  # usually port 587
    TLS = "tls"  # implicit TLS, usually port 465


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """The `[smtp]` table of settings.toml; the password may come from OMS_SMTP_PASSWORD."""

    sender: str  # the From address
    sender_name: str = ""
    host: str = "localhost"
    port: int = 25
    security: SmtpSecurity = SmtpSecurity.NONE
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    local_hostname: str | None = None  # the EHLO name; None: this machine's FQDN


class SmtpSettingsError(ConfigError):
    """The `[smtp]` table cannot be used."""


def smtp_settings(table: Mapping[str, object], source: str = "[smtp]") -> SmtpSettings:
    """Read and check the `[smtp]` table of a settings file."""
    t = TomlTable(dict(table), source, SmtpSettingsError, quoted=True)
    sender = t.text("sender", "", empty=True)
    if "@" not in sender:
        raise t.fail("sender", "must be an e-mail address")
    settings = SmtpSettings(
        sender,
        t.text("sender_name", "", empty=True),
        t.text("host", "localhost"),
        t.whole("port", low=1, high=65535, default=25, what="a number from 1 to 65535"),
        t.choice("security", SmtpSecurity, SmtpSecurity.NONE),
        t.optional_text("username"),
        t.text("password", empty=True) if "password" in t else os.environ.get(PASSWORD_ENV),
        t.number("timeout", above=0, default=30.0, what="a positive number of seconds"),
        t.optional_text("local_hostname"),
    )
    t.done()
    return settings


class SmtpChannel:
    """Sends e-mail through one SMTP server, reusing one connection until `close`."""

    kind = ChannelKind.EMAIL

    def __init__(self, settings: SmtpSettings, clock: Clock | None = None) -> None:
        self.settings = settings
        self._clock = clock or SystemClock()
        self._conn: smtplib.SMTP | None = None
        self._domain = settings.sender.rpartition("@")[2] or "localhost"

    def __enter__(self) -> SmtpChannel:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def build(self, message: OutgoingMessage) -> bytes:
        """The e-mail as it goes on the wire: RFC 2047 encoded-words for UTF-8 in headers, the
        body as UTF-8 in base64. Written by hand, not through `email.message`, which costs
        about 3 ms a message (a 20,000-message batch would spend a minute formatting)."""
        s = self.settings
        address = message.address
        if not _ADDRESS.fullmatch(address):
            raise ValueError(f"not a deliverable e-mail address: {address!r}")
        headers = (
            ("From", formataddr((_one_line(s.sender_name), s.sender), charset="utf-8")),
            ("To", formataddr((_one_line(message.customer_name)[:100], address), charset="utf-8")),
            ("Subject", _header_text(message.subject)),
            ("Date", format_datetime(self._clock.now())),
            ("Message-ID", f"<{message.key}@{self._domain}>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
            ("Content-Transfer-Encoding", "base64"),
            (
                "X-OMS-Notice",
                _header_text(f"{message.reference} {message.kind} {message.sequence}"),
            ),
        )
        head = "".join(f"{name}: {value}\r\n" for name, value in headers).encode("ascii")
        body = base64.encodebytes(message.body.encode("utf-8")).replace(b"\n", b"\r\n")
        return head + b"\r\n" + body

    def message_id(self, message: OutgoingMessage) -> str:
        return f"<{message.key}@{self._domain}>"

    def send(self, message: OutgoingMessage) -> DeliveryResult:
        try:
            data = self.build(message)
        except (ValueError, UnicodeError) as exc:
            return DeliveryResult.failed(f"invalid message: {exc}", retryable=False)
        for attempt in (1, 2):
            try:
                self._connection().sendmail(self.settings.sender, [message.address], data)
                return DeliveryResult.ok(self.message_id(message))
            except (smtplib.SMTPServerDisconnected, ConnectionError) as exc:
                self._drop()  # an idle connection the server closed: one fresh try
                if attempt == 2:
                    return DeliveryResult.failed(f"disconnected: {exc}", retryable=True)
            except smtplib.SMTPRecipientsRefused as exc:
                code, text = next(iter(exc.recipients.values()), (0, b""))
                return _by_code(code, f"recipient refused: {code} {_text(text)}")
            except smtplib.SMTPDataError as exc:
                reason = f"message refused: {exc.smtp_code} {_text(exc.smtp_error)}"
                return _by_code(exc.smtp_code, reason)
            except (smtplib.SMTPException, OSError) as exc:
                self._drop()
                return DeliveryResult.failed(f"{type(exc).__name__}: {exc}", retryable=True)
        raise AssertionError("unreachable")

    def send_batch(self, messages: Sequence[OutgoingMessage]) -> list[DeliveryResult]:
        return [self.send(m) for m in messages]

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.quit()
            except (smtplib.SMTPException, OSError):
                conn.close()

    def _connection(self) -> smtplib.SMTP:
        if self._conn is None:
            s = self.settings
            conn: smtplib.SMTP
            if s.security is SmtpSecurity.TLS:
                conn = smtplib.SMTP_SSL(
                    s.host, s.port, s.local_hostname, timeout=s.timeout,
                    context=ssl.create_default_context(),
                )  # fmt: skip
            else:
                conn = smtplib.SMTP(s.host, s.port, s.local_hostname, timeout=s.timeout)
            try:
                if s.security is SmtpSecurity.STARTTLS:
                    conn.starttls(context=ssl.create_default_context())
                if s.username:
                    conn.login(s.username, s.password or "")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


def _one_line(text: str) -> str:
    """No line break may reach a header: a name with CR LF would add headers of its own."""
    return " ".join(text.split())


def _header_text(text: str) -> str:
    text = _one_line(text)
    if text.isascii() and len(text) < 900:
        return text
    return Header(text, "utf-8", header_name="Subject").encode()


def _by_code(code: int, reason: str) -> DeliveryResult:
    return DeliveryResult.failed(reason, retryable=not 500 <= code < 600)


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
