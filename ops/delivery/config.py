"""The `[notices]` and `[sms_gateway]` tables of settings.toml, read and checked.

[notices]
quiet_hours = "21:00-07:00"     # or "" for none; default: the policy profile's
reminders_hours = [24]          # reminders, hours before the start
finished_message = true
lease_minutes = 10              # a claim not finished by then is taken by another console
batch_size = 200
export_folder = "/srv/notices"  # CSV for the bulk senders and the letters to print
hotline = "19001006"

[sms_gateway]
url = "https://sms.example.vn/api/send"
sender = "EVNSPC"
# api_key from OMS_SMS_API_KEY; the other keys as in ops.delivery.http_sms.HttpSmsSettings
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import time, timedelta

from ops.delivery.http_sms import BodyFormat, HttpSmsSettings, NumberFormat
from ops.notices.rules import NoticePolicy
from ops.policy import QuietHours
from ops.toml_reader import ConfigError, TomlTable

SMS_KEY_ENV = "OMS_SMS_API_KEY"
_HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


class NoticeSettingsError(ConfigError):
    """The `[notices]` or `[sms_gateway]` table cannot be used."""


@dataclass(frozen=True, slots=True)
class NoticeSettings:
    """How this installation sends notices."""

    quiet_hours: QuietHours | str | None = "profile"  # "profile": as the policy profile says
    reminders_hours: tuple[float, ...] = (24.0,)
    finished_message: bool = True
    lease_minutes: float = 10.0
    batch_size: int = 200
    export_folder: str | None = None
    hotline: str = "19001006"

    @property
    def lease(self) -> timedelta:
        return timedelta(minutes=self.lease_minutes)

    def policy(self, base: NoticePolicy) -> NoticePolicy:
        """The profile's notice policy with this installation's choices."""
        quiet = base.quiet_hours if self.quiet_hours == "profile" else self.quiet_hours
        assert not isinstance(quiet, str)
        return replace(
            base,
            quiet_hours=quiet,
            reminders=tuple(timedelta(hours=h) for h in self.reminders_hours),
            finished_message=self.finished_message,
        )


def notice_settings(table: Mapping[str, object], source: str = "[notices]") -> NoticeSettings:
    t = TomlTable(dict(table), source, NoticeSettingsError, quoted=True)
    d = NoticeSettings()
    settings = NoticeSettings(
        quiet_hours(t.raw("quiet_hours"), source) if "quiet_hours" in t else d.quiet_hours,
        t.numbers("reminders_hours", above=0, what="a list of positive numbers, e.g. [24, 2]")
        if "reminders_hours" in t
        else d.reminders_hours,
        t.flag("finished_message", d.finished_message),
        t.number("lease_minutes", low=1, default=d.lease_minutes, what="a number of at least 1"),
        t.whole("batch_size", low=1, default=d.batch_size, what="a whole number of at least 1"),
        t.text("export_folder").strip() if "export_folder" in t else d.export_folder,
        t.text("hotline", d.hotline).strip(),
    )
    t.done()
    return settings


def quiet_hours(value: object, source: str = "[notices]") -> QuietHours | None:
    """ "21:00-07:00" → QuietHours; "" → none."""
    if not isinstance(value, str):
        raise NoticeSettingsError(f"{source}: 'quiet_hours' must be text like \"21:00-07:00\"")
    if not value.strip():
        return None
    match = _HOURS.fullmatch(value.strip())
    if not match:
        raise NoticeSettingsError(
            f'{source}: \'quiet_hours\' = {value!r}: write it as "21:00-07:00" (or "" for none)'
        )
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h1, m1) == (h2, m2):
        raise NoticeSettingsError(f"{source}: 'quiet_hours' = {value!r} is not a time span")
    return QuietHours(time(h1, m1), time(h2, m2))


def sms_gateway_settings(
    table: Mapping[str, object], source: str = "[sms_gateway]"
) -> HttpSmsSettings:
    """Read and check the `[sms_gateway]` table; the API key may come from OMS_SMS_API_KEY."""
    t = TomlTable(dict(table), source, NoticeSettingsError, quoted=True)
    url = t.text("url", "", empty=True)
    if not url.startswith(("http://", "https://")):
        raise t.fail("url", "must be the gateway's http(s) address")
    d = HttpSmsSettings(url)

    def optional(key: str, default: str | None) -> str | None:
        return t.text(key, empty=True) if key in t else default

    settings = HttpSmsSettings(
        url,
        t.text("api_key", empty=True) if "api_key" in t else os.environ.get(SMS_KEY_ENV, ""),
        t.text("api_key_header", d.api_key_header, empty=True),
        t.text("api_key_prefix", d.api_key_prefix, empty=True),
        t.choice("body_format", BodyFormat, d.body_format),
        t.text("to_field", d.to_field, empty=True),
        t.text("text_field", d.text_field, empty=True),
        optional("sender_field", d.sender_field),
        t.text("sender", d.sender, empty=True),
        optional("reference_field", d.reference_field),
        optional("unicode_field", d.unicode_field),
        t.choice("number_format", NumberFormat, d.number_format),
        t.text_table("extra"),
        optional("id_field", d.id_field),
        t.number("timeout", above=0, default=d.timeout, what="a positive number"),
    )
    t.done()
    return settings
