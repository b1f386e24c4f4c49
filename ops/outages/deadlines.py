"""Deadlines of outages and planned work under a policy profile, with the clock passed in.

Each deadline has a window (from its anchor to its due time) and a state: on track, at risk
(in the last `at_risk_share` of the window), breached (past due and not met, or met late),
or met. The console recomputes them every tick and raises an alert only for TRANSITIONS into
at risk or breached, so one change of state is one alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from ops.network.records import AreaClass
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.planned.records import PlannedOutage
from ops.policy import Anchor, Basis, NoticeCounting, Policy


class DeadlineKind(StrEnum):
    INFORM_CUSTOMERS = "inform_customers"  # status and ETR to the affected customers
    RESTORE = "restore"  # supply back (a legal limit or a company target: see `basis`)
    PLANNED_NOTICE = "planned_notice"  # notice of planned work sent


class DeadlineState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"


ALERTING = frozenset({DeadlineState.AT_RISK, DeadlineState.BREACHED})

# ("outage" or "plan", its id, the deadline kind): what the console remembers between ticks.
DeadlineKey = tuple[str, int, DeadlineKind]


@dataclass(frozen=True, slots=True)
class Deadline:
    """One deadline of one outage or planned outage, as it stands at `now`."""

    subject: str  # "outage" or "plan"
    subject_id: int
    kind: DeadlineKind
    basis: Basis
    opens_at: datetime  # the anchor: trip, awareness, or when the plan was made
    due: datetime
    met_at: datetime | None
    state: DeadlineState
    time_left: timedelta  # due - now; negative once past due

    @property
    def key(self) -> DeadlineKey:
        return (self.subject, self.subject_id, self.kind)


def state_of(
    opens_at: datetime, due: datetime, met_at: datetime | None, now: datetime, at_risk_share: float
) -> DeadlineState:
    """Met (on time), breached (late or past due), at risk (last share of the window), on track.

    Exactly at the due time the deadline is not yet breached: "within 24 h" includes the 24th.
    """
    if met_at is not None:
        return DeadlineState.MET if met_at <= due else DeadlineState.BREACHED
    if now > due:
        return DeadlineState.BREACHED
    if due - now <= (due - opens_at) * at_risk_share:
        return DeadlineState.AT_RISK
    return DeadlineState.ON_TRACK


def _deadline(
    subject: str,
    subject_id: int,
    kind: DeadlineKind,
    basis: Basis,
    opens_at: datetime,
    due: datetime,
    met_at: datetime | None,
    now: datetime,
    policy: Policy,
) -> Deadline:
    state = state_of(opens_at, due, met_at, now, policy.at_risk_share)
    return Deadline(subject, subject_id, kind, basis, opens_at, due, met_at, state, due - now)


def outage_deadlines(
    outage: Outage,
    policy: Policy,
    now: datetime,
    *,
    area_class: AreaClass | None,
    cause_category: str | None = None,
    informed_at: datetime | None = None,
    severe_weather: bool = False,
) -> tuple[Deadline, ...]:
    """Every deadline that applies to the outage (none once it is closed or cancelled).

    `informed_at` is when the affected customers were told status and ETR; `area_class` is
    the outage feeder's; `cause_category` a key of the profile's tables (None: not known).
    """
    if outage.status in (OutageStatus.CLOSED, OutageStatus.CANCELLED):
        return ()

    def anchor(a: Anchor) -> datetime:
        return outage.started_at if a is Anchor.TRIP else outage.reported_at

    found: list[Deadline] = []
    rule = policy.inform
    if rule is not None and outage.kind is OutageKind.UNPLANNED:
        met = informed_at
        if rule.met_by_restoration and outage.restored_at is not None:
            met = outage.restored_at if met is None else min(met, outage.restored_at)
        start = anchor(rule.anchor)
        found.append(
            _deadline(
                "outage", outage.outage_id, DeadlineKind.INFORM_CUSTOMERS, rule.basis,
                start, start + rule.within, met, now, policy,
            )
        )  # fmt: skip
    restore = policy.restoration_rule(area_class, cause_category)
    if (
        restore is not None
        and outage.kind is OutageKind.UNPLANNED
        and not (restore.normal_weather_only and severe_weather)
    ):
        start = anchor(restore.anchor)
        found.append(
            _deadline(
                "outage", outage.outage_id, DeadlineKind.RESTORE, restore.basis,
                start, start + restore.within, outage.restored_at, now, policy,
            )
        )  # fmt: skip
    return tuple(found)


def notice_due(starts_at: datetime, policy: Policy) -> datetime | None:
    """The latest moment a planned-work notice may go out, or None if the profile has no rule.

    "hours": N × 24 h before the start. "calendar_days": on a local date at least N days
    before the start's local date, i.e. before local midnight ending that date.
    """
    rule = policy.planned_notice
    if rule is None:
        return None
    if rule.counting is NoticeCounting.HOURS:
        return starts_at - timedelta(days=rule.min_days)
    zone = policy.zone
    last_day = starts_at.astimezone(zone).date() - timedelta(days=rule.min_days - 1)
    return datetime.combine(last_day, time(0), zone).astimezone(starts_at.tzinfo)


def plan_deadline(
    plan: PlannedOutage,
    policy: Policy,
    now: datetime,
    *,
    planned_at: datetime,
    notified_at: datetime | None,
) -> Deadline | None:
    """The notice deadline of a planned outage (window from when the plan was made)."""
    due = notice_due(plan.starts_at, policy)
    if due is None or policy.planned_notice is None:
        return None
    return _deadline(
        "plan", plan.plan_id, DeadlineKind.PLANNED_NOTICE, policy.planned_notice.basis,
        min(planned_at, due), due, notified_at, now, policy,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DeadlineTransition:
    """A deadline that has just become at risk or breached: one alert."""

    deadline: Deadline
    before: DeadlineState | None  # None: not known at the previous tick


def states(deadlines: Iterable[Deadline]) -> dict[DeadlineKey, DeadlineState]:
    """What to remember until the next tick."""
    return {d.key: d.state for d in deadlines}


def transitions(
    previous: Mapping[DeadlineKey, DeadlineState], current: Iterable[Deadline]
) -> list[DeadlineTransition]:
    """Deadlines whose state has changed into at risk or breached since `previous`.

    A deadline seen for the first time already at risk or breached is a transition too (an
    outage entered late); one that stays in its state is not, so each alert is raised once.
    """
    return [
        DeadlineTransition(d, previous.get(d.key))
        for d in current
        if d.state in ALERTING and previous.get(d.key) != d.state
    ]
