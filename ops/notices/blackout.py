"""The blackout calendar: days without planned work (public holidays, Tết, national exams,
company directives), read from TOML files an office edits, and the check that warns.

One file per year under `resources/notices/` (`blackout-2026.toml`…); an installation may add
its own folder. Each period says how sure its dates are: `confirmed` (a fixed date set by
law), `computed` (from the lunar calendar or a rule of law) or `unconfirmed` (check the year's
decision). The check only warns: approving a plan that touches a period needs a reason, which
becomes a compliance exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from ops.notices.compliance import ComplianceException, ExceptionKind
from ops.toml_reader import ConfigError, TomlTable

BUILTIN_CALENDARS = Path(__file__).resolve().parent.parent.parent / "resources" / "notices"


class BlackoutError(ConfigError):
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
    top = TomlTable.of_file(path, BlackoutError, "the calendar", quoted=True)
    periods = [_period(t) for t in top.tables("period")]
    top.done()
    return periods


def _period(t: TomlTable) -> BlackoutPeriod:
    first = t.day("first", what="a date (first = 2026-04-30)")
    last = t.day("last", first, what="a date on or after 'first'")
    if last < first:
        raise t.wrong("last", "a date on or after 'first'", last)
    period = BlackoutPeriod(
        first,
        last,
        t.text("name").strip(),
        t.choice("kind", BlackoutKind),
        t.choice("scope", Scope, Scope.ALL),
        t.choice("certainty", Certainty),
        t.text("note", "", empty=True).strip(),
    )
    t.done()
    return period
