"""Turns a parsed policy TOML into a checked `Policy`; every error names the file and key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ops.network.records import AreaClass
from ops.policy import (
    Anchor,
    Basis,
    EtrSettings,
    InformRule,
    NoticeCounting,
    PlannedNoticeRule,
    Policy,
    PolicyError,
    QuietHours,
    RestorationRule,
)

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class _Table:
    """One TOML table, read key by key; keys nobody asked for are reported as unknown."""

    def __init__(self, path: Path, data: dict[str, Any], where: str) -> None:
        self.path, self.data, self.where = path, data, where
        self.seen: set[str] = set()

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(f"{self.path}: {self.where}{key}: {problem}")

    def get(self, key: str, kind: type[T], what: str, default: T | None = None) -> T:
        self.seen.add(key)
        if key not in self.data:
            if default is None:
                near = get_close_matches(key, [k for k in self.data if k not in self.seen], 1)
                hint = f"; is {near[0]!r} a misspelling?" if near else ""
                raise self.fail(key, f"missing (expected {what}){hint}")
            return default
        value = self.data[key]
        # bool is an int in Python; a TOML `true` is never a number here.
        if not isinstance(value, kind) or (isinstance(value, bool) and what == "a number"):
            raise self.fail(key, f"expected {what}, found {value!r}")
        return value

    def number(self, key: str, *, low: float, high: float, default: float | None = None) -> float:
        raw = self.get(key, (int, float), "a number", default)  # type: ignore[arg-type]
        value = float(raw)
        if not low <= value <= high:
            raise self.fail(key, f"must be between {low:g} and {high:g}, found {value:g}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        value = self.get(key, str, "text", default)
        if not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def choice(self, key: str, enum: type[E], default: E | None = None) -> E:
        value = self.get(key, str, "text", None if default is None else default.value)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(key, f"must be one of {allowed}, found {value!r}") from None

    def hours(self, key: str, *, default: float | None = None) -> timedelta:
        return timedelta(hours=self.number(key, low=0.0, high=24 * 365, default=default))

    def clock(self, key: str) -> time:
        value = self.text(key)
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"expected a time like 21:00, found {value!r}") from None

    def table(self, key: str, *, required: bool = True) -> _Table | None:
        self.seen.add(key)
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "missing (expected a table)")
            return None
        if not isinstance(value, dict):
            raise self.fail(key, "expected a table")
        return _Table(self.path, value, f"{self.where}{key}.")

    def tables(self, key: str) -> list[_Table]:
        self.seen.add(key)
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "expected a list of tables ([[...]])")
        return [_Table(self.path, v, f"{self.where}{key}[{i}].") for i, v in enumerate(value)]

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail(unknown[0], "unknown key (misspelt?)")


def _read(table: _Table | None, reader: Callable[[_Table], T]) -> T | None:
    if table is None:
        return None
    result = reader(table)
    table.done()
    return result


def _inform(t: _Table) -> InformRule:
    return InformRule(
        t.hours("within_hours"),
        t.choice("from", Anchor),
        t.choice("basis", Basis),
        t.get("met_by_restoration", bool, "true or false", False),
    )


def _restoration(t: _Table) -> RestorationRule:
    area = t.text("area_class", "*")
    cause = t.text("cause", "*")
    if area != "*" and area not in {a.value for a in AreaClass}:
        allowed = ", ".join(["*", *(a.value for a in AreaClass)])
        raise t.fail("area_class", f"must be one of {allowed}, found {area!r}")
    return RestorationRule(
        None if area == "*" else AreaClass(area),
        None if cause == "*" else cause,
        t.hours("within_hours"),
        t.choice("from", Anchor),
        t.choice("basis", Basis),
        t.get("normal_weather_only", bool, "true or false", False),
    )


def _notice(t: _Table) -> PlannedNoticeRule:
    days = t.number("min_days", low=0, high=365)
    if days != int(days):
        raise t.fail("min_days", "must be a whole number of days")
    return PlannedNoticeRule(
        int(days), t.choice("counting", NoticeCounting), t.choice("basis", Basis)
    )


def _quiet(t: _Table) -> QuietHours:
    return QuietHours(t.clock("start"), t.clock("end"))


def _etr(t: _Table) -> EtrSettings:
    repair_table = t.table("repair_minutes")
    assert repair_table is not None
    repair: dict[str, timedelta] = {}
    for cause in list(repair_table.data):
        minutes = repair_table.number(cause, low=1, high=60 * 24 * 30)
        repair[cause] = timedelta(minutes=minutes)
    default = repair.pop("default", None)
    if default is None:
        raise repair_table.fail("default", "missing (the repair time for an unknown cause)")
    repair_table.done()
    return EtrSettings(
        repair,
        default,
        t.number("average_speed_kmh", low=1, high=200),
        t.number("road_factor", low=1, high=5),
        timedelta(minutes=t.number("travel_without_crew_minutes", low=0, high=24 * 60)),
    )


def read_policy(path: Path, raw: dict[str, Any]) -> Policy:
    top = _Table(path, raw, "")
    zone = top.text("timezone")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise top.fail("timezone", f"unknown time zone {zone!r}") from None
    reliability = top.table("reliability", required=False)
    excluded: list[str] = []
    if reliability is not None:
        excluded = reliability.get("excluded_causes", list, "a list of cause names", [])
        if not all(isinstance(c, str) for c in excluded):
            raise reliability.fail("excluded_causes", "must list cause names as text")
        reliability.done()
    etr = _read(top.table("etr"), _etr)
    assert etr is not None
    policy = Policy(
        profile_id=path.stem,
        name=top.text("name"),
        jurisdiction=top.text("jurisdiction"),
        timezone=zone,
        at_risk_share=top.number("at_risk_share", low=0, high=1),
        momentary_limit=timedelta(minutes=top.number("momentary_max_minutes", low=0, high=60)),
        inform=_read(top.table("inform_customers", required=False), _inform),
        restoration=tuple(_restoration_checked(t) for t in top.tables("restoration")),
        planned_notice=_read(top.table("planned_notice", required=False), _notice),
        quiet_hours=_read(top.table("quiet_hours", required=False), _quiet),
        excluded_causes=frozenset(excluded),
        etr=etr,
        source=path,
    )
    top.done()
    return policy


def _restoration_checked(t: _Table) -> RestorationRule:
    rule = _restoration(t)
    t.done()
    return rule
