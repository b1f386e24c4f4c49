"""Numbers and times written the Vietnamese way: 12.345,67 and 14:05 27/11/2026."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reports.document import Cell, Kind

DECIMALS = {Kind.DECIMAL: 2, Kind.INDEX: 4, Kind.PERCENT: 4}


def number(value: float | int, decimals: int = 0) -> str:
    """12345.678 -> '12.345,68' (thousands with a dot, decimals with a comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def cell(value: Cell, kind: Kind) -> str:
    if value is None:
        return "–"
    if isinstance(value, str) or kind is Kind.TEXT:
        return str(value)
    if kind is Kind.INTEGER:
        return number(round(value))
    if kind is Kind.PERCENT:
        return number(value * 100, DECIMALS[kind]) + " %"
    return number(value, DECIMALS[kind])


def local_time(at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
    return at.astimezone(zone).strftime("%H:%M %d/%m/%Y")


def short_time(at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
    """Time and day without the year, for tables inside a dated window: '09:41 27/11'."""
    return at.astimezone(zone).strftime("%H:%M %d/%m")


def duration(span: timedelta) -> str:
    """1 h 05 min -> '1 giờ 05 phút'; under an hour '12 phút'; seconds only when under a minute."""
    seconds = int(span.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} giờ {minutes:02d} phút"
    if minutes:
        return f"{minutes} phút" + (f" {secs:02d} giây" if secs else "")
    return f"{secs} giây"
