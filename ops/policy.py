"""Policy profiles: a jurisdiction's deadlines, targets and defaults, read from TOML files.

A profile is one file in `resources/policies/` (or in a folder the installation adds); its
id is the file name without `.toml`. A utility adds its own by copying a file and editing
it, no code. Every value the regulations leave unsettled lives here, never in code, and each
deadline says whether it is law, a company target, or unconfirmed. Errors name the file and
the key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from ops.causes import BUILTIN_CAUSES, CauseCatalogue
from ops.network.records import AreaClass
from ops.toml_reader import ConfigError, load_toml

BUILTIN_POLICIES = Path(__file__).resolve().parent.parent / "resources" / "policies"
DEFAULT_PROFILE = "vn-default"


class PolicyError(ConfigError):
    """A policy file the console cannot use; the message names the file and the key."""


class Basis(StrEnum):
    """What a deadline rests on: shown beside it, so nobody mistakes a target for the law."""

    LAW = "law"
    COMPANY_TARGET = "company_target"
    UNCONFIRMED = "unconfirmed"


class Anchor(StrEnum):
    """Where a deadline's window starts."""

    TRIP = "trip"  # the moment supply stopped
    AWARE = "aware"  # the moment dispatch learned of it


class NoticeCounting(StrEnum):
    HOURS = "hours"  # N × 24 h before the start
    CALENDAR_DAYS = "calendar_days"  # on a local date at least N days before the start's date


@dataclass(frozen=True, slots=True)
class InformRule:
    """Tell affected customers the supply status and the expected restoration time."""

    within: timedelta
    anchor: Anchor
    basis: Basis
    met_by_restoration: bool  # supply back within the window counts as informed


@dataclass(frozen=True, slots=True)
class RestorationRule:
    """Restore supply within a time; None for area class or cause means any."""

    area_class: AreaClass | None
    cause: str | None
    within: timedelta
    anchor: Anchor
    basis: Basis
    normal_weather_only: bool

    @property
    def specificity(self) -> int:
        return (self.area_class is not None) + 2 * (self.cause is not None)


@dataclass(frozen=True, slots=True)
class PlannedNoticeRule:
    min_days: int
    counting: NoticeCounting
    basis: Basis


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local hours without customer messages; the window may run across midnight."""

    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@dataclass(frozen=True, slots=True)
class EtrSettings:
    """What the system ETR estimate assumes."""

    repair: Mapping[str, timedelta]  # cause category -> typical repair duration
    default_repair: timedelta
    average_speed_kmh: float
    road_factor: float  # road distance / straight-line distance
    travel_without_crew: timedelta

    def repair_for(self, cause: str | None) -> tuple[timedelta, bool]:
        """Typical repair time for the cause, and whether the table knew the cause."""
        if cause is not None and cause in self.repair:
            return self.repair[cause], True
        return self.default_repair, False


@dataclass(frozen=True, slots=True)
class Policy:
    profile_id: str
    name: str
    jurisdiction: str
    timezone: str
    at_risk_share: float  # the last share of a window in which a deadline is at risk
    momentary_limit: timedelta
    inform: InformRule | None
    restoration: tuple[RestorationRule, ...]
    planned_notice: PlannedNoticeRule | None
    quiet_hours: QuietHours | None
    excluded_causes: frozenset[str]  # left out of reliability indices
    etr: EtrSettings
    source: Path
    causes: CauseCatalogue = BUILTIN_CAUSES  # what a dispatcher picks an outage's cause from

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def restoration_rule(
        self, area_class: AreaClass | None, cause: str | None
    ) -> RestorationRule | None:
        """The most specific restoration rule for an outage (cause beats area class)."""
        matching = [
            r
            for r in self.restoration
            if r.area_class in (None, area_class) and r.cause in (None, cause)
        ]
        return max(matching, key=lambda r: r.specificity, default=None)


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    profile_id: str
    name: str
    path: Path


def available_profiles(folders: Sequence[Path] = (BUILTIN_POLICIES,)) -> list[ProfileInfo]:
    """Every readable profile in the folders (a later folder's file wins over an earlier one)."""
    found: dict[str, ProfileInfo] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            found[path.stem] = ProfileInfo(path.stem, load_policy(path).name, path)
    return sorted(found.values(), key=lambda p: p.profile_id)


def load_profile(profile_id: str, folders: Sequence[Path] = (BUILTIN_POLICIES,)) -> Policy:
    """The profile with this id, from the last folder that has it."""
    for folder in reversed(folders):
        path = folder / f"{profile_id}.toml"
        if path.is_file():
            return load_policy(path)
    known = ", ".join(p.profile_id for p in available_profiles(folders)) or "none"
    raise PolicyError(f"no policy profile {profile_id!r} (available: {known})")


def load_policy(path: Path) -> Policy:
    """Read and check one profile file."""
    raw = load_toml(path, PolicyError, "the policy file")
    from ops.policy_reader import read_policy  # the checks are long; kept in their own module

    return read_policy(path, raw)
