"""Numbers and times written the Vietnamese way: 12.345,67 and 14:05 27/11/2026.

The reports write through `ops.reports.words.Words` in their own language; these are its
Vietnamese forms, kept for code that writes Vietnamese only."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reports.document import Cell, Kind
from ops.reports.words import DECIMALS, Words

__all__ = ["DECIMALS", "cell", "duration", "local_time", "number", "short_time"]

_VI = Words("vi")


def number(value: float | int, decimals: int = 0) -> str:
    """12345.678 -> '12.345,68' (thousands with a dot, decimals with a comma)."""
    return _VI.number(value, decimals)


def cell(value: Cell, kind: Kind) -> str:
    return _VI.cell(value, kind)


def local_time(at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
    return _VI.time(at, zone)


def short_time(at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
    """Time and day without the year, for tables inside a dated window: '09:41 27/11'."""
    return _VI.short_time(at, zone)


def duration(span: timedelta) -> str:
    """1 h 05 min -> '1 giờ 05 phút'; under an hour '12 phút'; seconds only when under a minute."""
    return _VI.duration(span)
