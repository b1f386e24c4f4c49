"""Watches every open outage's deadlines on each clock tick and raises an alert once per change,
starting with those already at risk or breached when the console starts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from console.language import labels
from ops.network.records import AreaClass
from ops.outages.deadlines import (
    Deadline,
    DeadlineKey,
    DeadlineKind,
    DeadlineState,
    DeadlineTransition,
    outage_deadlines,
    states,
    transitions,
)
from ops.outages.records import Outage
from ops.policy import Policy

OutageDeadlines = dict[int, dict[DeadlineKind, Deadline]]


class DeadlineWatch(QObject):
    """Computes deadlines from the policy profile; `deadline_alerted` fires on transitions."""

    deadline_alerted = Signal(object)  # DeadlineTransition

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._previous: dict[DeadlineKey, DeadlineState] | None = None

    def evaluate(
        self, outages: Iterable[Outage], area_of_feeder: Mapping[str, AreaClass], now: datetime
    ) -> OutageDeadlines:
        found: OutageDeadlines = {}
        every: list[Deadline] = []
        for outage in outages:
            deadlines = outage_deadlines(
                outage, self.policy, now, area_class=area_of_feeder.get(outage.feeder_id or ""),
                cause_category=outage.cause.strip() or None,  # a cause's own target applies
            )  # fmt: skip
            found[outage.outage_id] = {d.kind: d for d in deadlines}
            every.extend(deadlines)
        # The first look at the board alerts too: an outage already at risk or breached when
        # the console starts must be announced (and its breach explained) like any other.
        for change in transitions(self._previous or {}, every):
            self.deadline_alerted.emit(change)
        self._previous = states(every)
        return found


def describe(transition: DeadlineTransition, reference: str) -> str:
    """One line for the alert list: which outage, which deadline, what happened."""
    d = transition.deadline
    what = labels.deadline_kind(d.kind)
    if d.state is DeadlineState.BREACHED:
        return labels.deadline_breached_text(reference, what)
    return labels.deadline_at_risk_text(reference, what, labels.duration(d.time_left))
