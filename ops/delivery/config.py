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
from dataclasses import dataclass, fields, replace
from datetime import time, timedelta

from ops.delivery.http_sms import BodyFormat, HttpSmsSettings, NumberFormat
from ops.notices.rules import NoticePolicy
from ops.policy import QuietHours

SMS_KEY_ENV = "OMS_SMS_API_KEY"
_HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


class NoticeSettingsError(ValueError):
    pass


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
    known = {f.name for f in fields(NoticeSettings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise NoticeSettingsError(f"{source}: unknown key(s) {', '.join(unknown)}")
    values: dict[str, object] = {}
    if "quiet_hours" in table:
        values["quiet_hours"] = quiet_hours(table["quiet_hours"], source)
    if "reminders_hours" in table:
        hours = table["reminders_hours"]
        if not isinstance(hours, list) or not all(
            isinstance(h, int | float) and not isinstance(h, bool) and h > 0 for h in hours
        ):
            raise NoticeSettingsError(
                f"{source}: 'reminders_hours' must be a list of positive numbers, e.g. [24, 2]"
            )
        values["reminders_hours"] = tuple(float(h) for h in hours)
    if "finished_message" in table:
        if not isinstance(table["finished_message"], bool):
            raise NoticeSettingsError(f"{source}: 'finished_message' must be true or false")
        values["finished_message"] = table["finished_message"]
    for key, kind, low in (("lease_minutes", float, 1.0), ("batch_size", int, 1)):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < low:
                raise NoticeSettingsError(f"{source}: '{key}' must be a number of at least {low}")
            values[key] = kind(value)
    for key in ("export_folder", "hotline"):
        if key in table:
            if not isinstance(table[key], str) or not str(table[key]).strip():
                raise NoticeSettingsError(f"{source}: '{key}' must be non-empty text")
            values[key] = str(table[key]).strip()
    return NoticeSettings(**values)  # type: ignore[arg-type]


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
    known = {f.name for f in fields(HttpSmsSettings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise NoticeSettingsError(f"{source}: unknown key(s) {', '.join(unknown)}")
    values = dict(table)
    url = values.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise NoticeSettingsError(f"{source}: 'url' must be the gateway's http(s) address")
    for key, value in values.items():
        if key == "extra":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise NoticeSettingsError(f"{source}: 'extra' must be a table of text values")
        elif key == "timeout":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise NoticeSettingsError(f"{source}: 'timeout' must be a positive number")
            values[key] = float(value)
        elif not isinstance(value, str):
            raise NoticeSettingsError(f"{source}: '{key}' must be text")
    try:
        if "body_format" in values:
            values["body_format"] = BodyFormat(str(values["body_format"]))
        if "number_format" in values:
            values["number_format"] = NumberFormat(str(values["number_format"]))
    except ValueError as exc:
        raise NoticeSettingsError(f"{source}: {exc}") from None
    values.setdefault("api_key", os.environ.get(SMS_KEY_ENV, ""))
    return HttpSmsSettings(**values)  # type: ignore[arg-type]
