"""Turns a parsed policy TOML into a checked `Policy`; every error names the file and key."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ops.causes import BUILTIN_CAUSES, CODE, Cause, CauseCatalogue, CauseGroup
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
from ops.toml_reader import TomlTable

T = TypeVar("T")


def _read(table: TomlTable | None, reader: Callable[[TomlTable], T]) -> T | None:
    if table is None:
        return None
    result = reader(table)
    table.done()
    return result


def _inform(t: TomlTable) -> InformRule:
    return InformRule(
        t.hours("within_hours"),
        t.choice("from", Anchor),
        t.choice("basis", Basis),
        t.flag("met_by_restoration", False),
    )


def _restoration(t: TomlTable) -> RestorationRule:
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
        t.flag("normal_weather_only", False),
    )


def _notice(t: TomlTable) -> PlannedNoticeRule:
    return PlannedNoticeRule(
        t.whole("min_days", low=0, high=365),
        t.choice("counting", NoticeCounting),
        t.choice("basis", Basis),
    )


def _quiet(t: TomlTable) -> QuietHours:
    return QuietHours(t.clock("start"), t.clock("end"))


def _etr(t: TomlTable) -> EtrSettings:
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


def _cause(t: TomlTable) -> Cause:
    code = t.text("code")
    if not CODE.match(code):
        raise t.fail("code", f"{code!r} must be lower-case letters, digits and _ (like vegetation)")
    cause = Cause(code, t.choice("group", CauseGroup), t.text("vi"), t.text("en"))
    t.done()
    return cause


def _causes(top: TomlTable) -> CauseCatalogue:
    """The profile's `[[causes]]`, or the built-in list when it has none."""
    if "causes" not in top:
        return BUILTIN_CAUSES
    tables = top.tables("causes")
    causes: list[Cause] = []
    for table in tables:
        cause = _cause(table)
        if any(c.code == cause.code for c in causes):
            raise table.fail("code", f"{cause.code!r} is listed twice")
        causes.append(cause)
    if not causes:
        raise top.fail("causes", "is empty: list the cause categories, or leave it out")
    return CauseCatalogue(tuple(causes))


def _known(table: TomlTable, key: str | None, codes: Iterable[str], causes: CauseCatalogue) -> None:
    """Exclusions, repair times and targets name causes of the list (a misspelt one would
    never apply). `key` None: each code is a key of `table`."""
    for code in codes:
        if causes.get(code) is None:
            known = ", ".join(sorted(causes.codes))
            problem = f"{code!r} is not a cause of the profile (causes: {known})"
            raise table.fail(key or code, problem)


def read_policy(path: Path, raw: dict[str, Any]) -> Policy:
    top = TomlTable(raw, path, PolicyError)
    zone = top.text("timezone")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise top.fail("timezone", f"unknown time zone {zone!r}") from None
    causes = _causes(top)
    reliability = top.table("reliability", required=False)
    excluded: list[str] = []
    if reliability is not None:
        excluded = reliability.texts("excluded_causes", "a list of cause names as text")
        _known(reliability, "excluded_causes", excluded, causes)
        reliability.done()
    etr_table = top.table("etr")
    assert etr_table is not None
    etr = _etr(etr_table)
    repair_table = etr_table.table("repair_minutes")
    assert repair_table is not None
    _known(repair_table, None, etr.repair, causes)
    etr_table.done()
    policy = Policy(
        profile_id=path.stem,
        name=top.text("name"),
        jurisdiction=top.text("jurisdiction"),
        timezone=zone,
        at_risk_share=top.number("at_risk_share", low=0, high=1),
        momentary_limit=timedelta(minutes=top.number("momentary_max_minutes", low=0, high=60)),
        inform=_read(top.table("inform_customers", required=False), _inform),
        restoration=tuple(_restoration_checked(t, causes) for t in top.tables("restoration")),
        planned_notice=_read(top.table("planned_notice", required=False), _notice),
        quiet_hours=_read(top.table("quiet_hours", required=False), _quiet),
        excluded_causes=frozenset(excluded),
        etr=etr,
        source=path,
        causes=causes,
    )
    top.done()
    return policy


def _restoration_checked(t: TomlTable, causes: CauseCatalogue) -> RestorationRule:
    rule = _restoration(t)
    _known(t, "cause", [rule.cause] if rule.cause else [], causes)
    t.done()
    return rule
