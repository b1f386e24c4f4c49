"""Shifts and what each crew did in one: the shift pattern, the shift at an instant, workload.

The control room works fixed shifts that start at the same local times every day (by
default 06:00, 14:00 and 22:00); the night shift runs across midnight. A crew's workload for
a shift is the outages it worked during the shift and the time it spent on them: its
assignment intervals clipped to the shift, with the time it held two outages at once
counted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from ops.clock import LOCAL_TZ

DEFAULT_SHIFT_STARTS = "06:00,14:00,22:00"


@dataclass(frozen=True, slots=True)
class ShiftWindow:
    """One shift: from its start (included) to the next shift's start (excluded), UTC."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class ShiftPattern:
    """The local times at which shifts start, every day, in order."""

    starts: tuple[time, ...]

    @classmethod
    def parse(cls, text: str) -> ShiftPattern:
        """From "06:00,14:00,22:00"; ValueError saying what is wrong otherwise."""
        starts: list[time] = []
        for part in (p.strip() for p in text.split(",")):
            hours, sep, minutes = part.partition(":")
            if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
                raise ValueError(f"shift start {part!r} is not a time like 06:00")
            if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
                raise ValueError(f"shift start {part!r} is not a time of day (00:00–23:59)")
            starts.append(time(int(hours), int(minutes)))
        if len(set(starts)) != len(starts):
            raise ValueError(f"shift starts {text!r} name the same time twice")
        return cls(tuple(sorted(starts)))

    def shift_at(self, now: datetime) -> ShiftWindow:
        """The shift `now` falls in (an aware instant)."""
        if now.tzinfo is None:
            raise ValueError("shift_at needs an aware datetime")
        day = now.astimezone(LOCAL_TZ).date()
        # Starts on the day before, the day and the day after: the night shift reaches over.
        candidates = [
            datetime.combine(day + timedelta(days=d), t, LOCAL_TZ).astimezone(UTC)
            for d in (-1, 0, 1)
            for t in self.starts
        ]
        at = now.astimezone(UTC)
        i = max(i for i, c in enumerate(candidates) if c <= at)
        return ShiftWindow(candidates[i], candidates[i + 1])


@dataclass(frozen=True, slots=True)
class AssignmentInterval:
    """A crew on an outage from `assigned_at` until `released_at` (None: still there)."""

    crew_id: str
    outage_id: int
    assigned_at: datetime
    released_at: datetime | None


@dataclass(frozen=True, slots=True)
class CrewWorkload:
    outages: int  # distinct outages worked in the shift
    worked: timedelta  # time on outages within the shift, overlaps counted once


def workload(
    assignments: Iterable[AssignmentInterval], window: ShiftWindow, *, now: datetime
) -> Mapping[str, CrewWorkload]:
    """Per crew with work in the shift; an open assignment counts up to `now`."""
    stop = min(window.end, now)
    outages: dict[str, set[int]] = {}
    spans: dict[str, list[tuple[datetime, datetime]]] = {}
    for a in assignments:
        end = a.released_at if a.released_at is not None else now
        if a.assigned_at >= window.end or a.assigned_at > now or end < window.start:
            continue
        if a.released_at is not None and a.released_at <= window.start:
            continue  # released as the shift began: the last shift's work
        outages.setdefault(a.crew_id, set()).add(a.outage_id)
        start, end = max(a.assigned_at, window.start), min(end, stop)
        if end > start:
            spans.setdefault(a.crew_id, []).append((start, end))
    return {
        crew_id: CrewWorkload(len(ids), _union(spans.get(crew_id, [])))
        for crew_id, ids in sorted(outages.items())
    }


def _union(spans: list[tuple[datetime, datetime]]) -> timedelta:
    total = timedelta()
    covered_to: datetime | None = None
    for start, end in sorted(spans):
        if covered_to is not None and start < covered_to:
            start = covered_to  # the part already counted
        if end > start:
            total += end - start
            covered_to = end
    return total
