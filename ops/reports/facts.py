"""What the outage and shift reports are made from: plain records the database layer fills,
and the arithmetic on them (who was dark when, customer-minutes inside a window)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ops.outages.deadlines import Deadline, DeadlineState
from ops.outages.records import JournalEntry, Outage


@dataclass(frozen=True, slots=True)
class Step:
    """A device operation of the outage and the customers it took off or gave back supply.

    `restored`/`darkened` are None when the journal did not record them (older entries)."""

    at: datetime
    device_id: str
    action: str  # "open" or "close"
    darkened: int | None
    restored: int | None
    still_dark: int | None
    entered_by: str


@dataclass(frozen=True, slots=True)
class CrewWork:
    crew_id: str
    crew_name: str
    outage_reference: str
    assigned_at: datetime
    released_at: datetime | None


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """One notice event and how its messages stand (counts by outbox status)."""

    notice_id: int
    kind: str
    due_at: datetime
    status: str
    messages: tuple[tuple[str, int], ...]  # (status, count)

    def count(self, *statuses: str) -> int:
        return sum(n for s, n in self.messages if s in statuses)


@dataclass(frozen=True, slots=True)
class OutageFacts:
    outage: Outage
    feeder_name: str | None
    journal: tuple[JournalEntry, ...]
    steps: tuple[Step, ...]
    crews: tuple[CrewWork, ...]
    deadlines: tuple[Deadline, ...]
    breach_reasons: tuple[tuple[str, str], ...]  # (deadline kind, reason)
    notices: tuple[NoticeLine, ...] = ()

    def dark_profile(self) -> list[tuple[datetime, int]]:
        """(from, customers dark) steps: from the journal's counts where recorded, else all the
        affected customers from the start until restoration."""
        o = self.outage
        recorded = [s for s in self.steps if s.still_dark is not None]
        if recorded:
            profile = [(s.at, s.still_dark or 0) for s in recorded]
            if profile[0][0] > o.started_at:
                profile.insert(0, (o.started_at, o.customers_affected))
        else:
            profile = [(o.started_at, o.customers_affected)]
        if o.restored_at is not None:
            profile = [(t, n) for t, n in profile if t < o.restored_at]
            profile.append((o.restored_at, 0))
        return profile

    def customer_minutes(self, start: datetime, end: datetime) -> float:
        """Customer-minutes without supply inside [start, end)."""
        profile = self.dark_profile()
        total = 0.0
        for k, (t, n) in enumerate(profile):
            until = profile[k + 1][0] if k + 1 < len(profile) else end
            lo, hi = max(t, start), min(until, end)
            if hi > lo:
                total += n * (hi - lo) / timedelta(minutes=1)
        return total

    def restoration_steps(self) -> list[tuple[datetime, str, int, int]]:
        """(time, what, customers restored, still dark) for each step that gave supply back,
        the remaining customers counted at the restoration when steps did not record them."""
        out: list[tuple[datetime, str, int, int]] = []
        back = 0
        for s in self.steps:
            if s.restored:
                back += s.restored
                out.append((s.at, f"{s.device_id}: đóng", s.restored, s.still_dark or 0))
        o = self.outage
        if o.restored_at is not None and back < o.customers_affected:
            out.append((o.restored_at, "Khôi phục cấp điện", o.customers_affected - back, 0))
        return out


@dataclass(frozen=True, slots=True)
class DeadlineNote:
    """A deadline breached or nearly missed, with the reason entered for it."""

    reference: str
    deadline: Deadline
    reason: str | None

    @property
    def breached(self) -> bool:
        return self.deadline.state is DeadlineState.BREACHED


@dataclass(frozen=True, slots=True)
class HandoverFacts:
    start: datetime
    end: datetime
    shift_lead: str
    outages: tuple[OutageFacts, ...]  # every outage dark at some time in the window
    crews: tuple[CrewWork, ...]
    notices: tuple[NoticeLine, ...]
    remarks: str
    at_risk_share: float
    map_png: bytes | None = None
    district: str = ""

    def opened(self) -> list[OutageFacts]:
        return [f for f in self.outages if self.start <= f.outage.started_at < self.end]

    def restored(self) -> list[OutageFacts]:
        return [
            f
            for f in self.outages
            if f.outage.restored_at is not None and self.start <= f.outage.restored_at < self.end
        ]

    def still_open(self) -> list[OutageFacts]:
        return [
            f
            for f in self.outages
            if f.outage.started_at < self.end
            and (f.outage.restored_at is None or f.outage.restored_at >= self.end)
        ]

    def deadline_notes(self) -> list[DeadlineNote]:
        """Breaches, and near misses: met inside the at-risk part of the window, or at risk
        when the shift ended."""
        notes = []
        for f in self.outages:
            reasons = dict(f.breach_reasons)
            for d in f.deadlines:
                window = d.due - d.opens_at
                near = d.state is DeadlineState.AT_RISK or (
                    d.state is DeadlineState.MET
                    and d.met_at is not None
                    and d.due - d.met_at <= window * self.at_risk_share
                )
                if d.state is DeadlineState.BREACHED or near:
                    notes.append(DeadlineNote(f.outage.reference, d, reasons.get(d.kind.value)))
        return notes
