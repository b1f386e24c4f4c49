"""The blackout calendar: days without planned work (public holidays, Tết, national exams,
company directives), read from TOML files an office edits, and the check that warns.

One file per year under `resources/notices/` (`blackout-2026.toml`…); an installation may add
its own folder. Each period says how sure its dates are: `confirmed` (a fixed date set by
law), `computed` (from the lunar calendar or a rule of law) or `unconfirmed` (check the year's
decision). The check only warns: approving a plan that touches a period needs a reason, which
becomes a compliance exception.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from ops.notices.compliance import ComplianceException, ExceptionKind

BUILTIN_CALENDARS = Path(__file__).resolve().parent.parent.parent / "resources" / "notices"


class BlackoutError(ValueError):
    """A calendar file the console cannot use; the message names the file and the entry."""


class BlackoutKind(StrEnum):
    PUBLIC_HOLIDAY = "public_holiday"
    NATIONAL_EXAM = "national_exam"
    DIRECTIVE = "directive"  # a company or authority directive


class Scope(StrEnum):
    ALL = "all"  # no planned work anywhere
    EXAM_SITES = "exam_sites"  # only feeders supplying exam sites


class Certainty(StrEnum):
    CONFIRMED = "confirmed"
    COMPUTED = "computed"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True)
class BlackoutPeriod:
    """Local days (first to last, both included) without planned work."""

    first: date
    last: date
    name: str
    kind: BlackoutKind
    scope: Scope
    certainty: Certainty
    note: str = ""

    def touches(self, first: date, last: date) -> bool:
        return self.first <= last and first <= self.last


@dataclass(frozen=True, slots=True)
class BlackoutCalendar:
    periods: tuple[BlackoutPeriod, ...]

    def conflicts(
        self, starts_at: datetime, ends_at: datetime, zone: ZoneInfo
    ) -> tuple[BlackoutPeriod, ...]:
        """The periods a window touches, by the local days it spans."""
        first = starts_at.astimezone(zone).date()
        # A window ending at midnight does not touch the next day.
        last = (ends_at - timedelta(microseconds=1)).astimezone(zone).date()
        return tuple(p for p in self.periods if p.touches(first, max(first, last)))


def blackout_warning(period: BlackoutPeriod) -> str:
    """The dispatcher's warning, in Vietnamese."""
    span = period.first.strftime("%d/%m/%Y")
    if period.last != period.first:
        span += " – " + period.last.strftime("%d/%m/%Y")
    scope = " (chỉ các tuyến cấp điện cho điểm thi)" if period.scope is Scope.EXAM_SITES else ""
    unsure = " [ngày chưa xác nhận]" if period.certainty is Certainty.UNCONFIRMED else ""
    return f"Trùng thời gian hạn chế cắt điện: {period.name}, {span}{scope}{unsure}"


def blackout_exception(
    plan_id: int, periods: Sequence[BlackoutPeriod], reason: str, at: datetime
) -> ComplianceException:
    """The record an approval over blackout warnings leaves."""
    detail = "; ".join(blackout_warning(p) for p in periods)
    return ComplianceException(plan_id, ExceptionKind.BLACKOUT, detail, reason.strip(), at)


def load_calendar(folders: Iterable[Path] = (BUILTIN_CALENDARS,)) -> BlackoutCalendar:
    """Every `blackout-*.toml` in the folders, periods in date order."""
    periods: list[BlackoutPeriod] = []
    for folder in folders:
        for path in sorted(folder.glob("blackout-*.toml")) if folder.is_dir() else ():
            periods.extend(read_calendar_file(path))
    periods.sort(key=lambda p: (p.first, p.last, p.name))
    return BlackoutCalendar(tuple(periods))


def read_calendar_file(path: Path) -> list[BlackoutPeriod]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BlackoutError(f"{path}: cannot read the calendar ({exc})") from exc
    unknown = sorted(set(raw) - {"period"})
    if unknown:
        raise BlackoutError(f"{path}: unknown key(s) {', '.join(unknown)} (expected [[period]])")
    entries = raw.get("period", [])
    if not isinstance(entries, list):
        raise BlackoutError(f"{path}: 'period' must be a list of [[period]] tables")
    return [_period(path, i + 1, entry) for i, entry in enumerate(entries)]


_E = TypeVar("_E", bound=StrEnum)
_KEYS = {"first", "last", "name", "kind", "scope", "certainty", "note"}


def _period(path: Path, number: int, entry: object) -> BlackoutPeriod:
    where = f"{path}: period {number}"
    if not isinstance(entry, dict):
        raise BlackoutError(f"{where}: must be a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise BlackoutError(f"{where}: unknown key(s) {', '.join(unknown)}")
    first = entry.get("first")
    last = entry.get("last", first)
    if not isinstance(first, date) or isinstance(first, datetime):
        raise BlackoutError(f"{where}: 'first' must be a date (first = 2026-04-30)")
    if not isinstance(last, date) or isinstance(last, datetime) or last < first:
        raise BlackoutError(f"{where}: 'last' must be a date on or after 'first'")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BlackoutError(f"{where}: 'name' is missing")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise BlackoutError(f"{where}: 'note' must be text")
    return BlackoutPeriod(
        first,
        last,
        name.strip(),
        _choice(where, entry, "kind", BlackoutKind, None),
        _choice(where, entry, "scope", Scope, Scope.ALL),
        _choice(where, entry, "certainty", Certainty, None),
        note.strip(),
    )


def _choice(
    where: str, entry: dict[str, object], key: str, enum: type[_E], default: _E | None
) -> _E:
    value = entry.get(key)
    if value is None and default is not None:
        return default
    try:
        return enum(str(value))
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise BlackoutError(f"{where}: '{key}' must be one of {allowed}, found {value!r}") from None
