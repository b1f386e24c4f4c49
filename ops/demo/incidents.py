"""The demo day: what failed where and when, who went, and where each outage stands now.

Times are minutes before `now` with a little jitter; counts are not here: they come from
replaying the switching on the network (`ops.demo.replay`).
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from ops.demo.picks import Picks
from ops.outages.records import EtrConfidence, EtrSource, OutageKind, OutageStatus

Switching = tuple[tuple[datetime, str, bool], ...]  # (at, device, opens)


@dataclass(frozen=True, slots=True)
class Incident:
    """An outage before it is counted and numbered."""

    role: str  # the `Picks` field naming its device, or "plan"
    kind: OutageKind
    status: OutageStatus
    device_id: str
    cause: str
    started_at: datetime
    reported_at: datetime
    restored_at: datetime | None
    etr: datetime | None
    etr_source: EtrSource | None
    etr_confidence: EtrConfidence | None
    etr_changes: int
    crew_ids: tuple[str, ...]
    switching: Switching


@dataclass(frozen=True, slots=True)
class _Etr:
    from_start: bool  # counted from the start of the outage, else from now
    minutes: float
    source: EtrSource
    confidence: EtrConfidence
    changes: int


@dataclass(frozen=True, slots=True)
class _Story:
    role: str
    status: OutageStatus
    cause: str
    started_ago: float  # minutes before now, give or take `spread`
    spread: float
    reported_after: float
    restored_after: float | None = None
    etr: _Etr | None = None
    crews: tuple[str, ...] = ()


_CREW, _SYSTEM = EtrSource.CREW, EtrSource.SYSTEM
_HIGH, _LOW = EtrConfidence.HIGH, EtrConfidence.LOW
_CLOSED, _RESTORED = OutageStatus.CLOSED, OutageStatus.RESTORED
_CONFIRMED, _PARTIAL = OutageStatus.CONFIRMED, OutageStatus.PARTIALLY_RESTORED

# Three outages over by now and five open: a lateral fuse that blew and, an hour later, the
# recloser upstream of it that locked out (nested); a recloser closed again behind which a
# sectionaliser stays open (partially restored); a transformer fuse; a fuse known from calls.
# Causes are category codes of the policy profile (`ops.causes`); "unknown" until found.
_DAY = (
    _Story("restored_recloser", _CLOSED, "lightning", 335, 10, 4, 50,
           _Etr(True, 90, _CREW, _HIGH, 1)),
    _Story("restored_fuse", _RESTORED, "animal", 300, 10, 9, 65,
           _Etr(True, 75, _CREW, _HIGH, 1), ("DOI-04",)),
    _Story("restored_transformer_fuse", _CLOSED, "equipment_failure", 262, 8, 12, 70,
           _Etr(True, 80, _CREW, _HIGH, 0)),
    _Story("partial_recloser", _PARTIAL, "equipment_failure", 225, 8, 3, None,
           _Etr(False, 60, _CREW, _HIGH, 2), ("DOI-02",)),
    _Story("nested_fuse", _CONFIRMED, "blown_fuse", 195, 6, 11, None, None, ("DOI-01",)),
    _Story("lockout_recloser", _CONFIRMED, "vegetation", 130, 8, 3, None,
           _Etr(False, 105, _CREW, _LOW, 1), ("DOI-01",)),
    _Story("transformer_fuse", _CONFIRMED, "overload", 75, 6, 6, None,
           _Etr(False, 40, _CREW, _HIGH, 1), ("DOI-03",)),
    _Story("predicted_fuse", OutageStatus.PREDICTED, "unknown", 35, 3, 4, None,
           _Etr(True, 150, _SYSTEM, _LOW, 0)),
)  # fmt: skip
_RECLOSED_AFTER = 42  # minutes: the partially restored outage's recloser, closed after patrol


def round_up(at: datetime, minutes: int = 5) -> datetime:
    """The next whole `minutes` mark: ETRs are given to the five minutes."""
    step = minutes * 60
    return datetime.fromtimestamp(math.ceil(at.timestamp() / step) * step, UTC)


def unplanned_day(picks: Picks, now: datetime, rng: random.Random) -> list[Incident]:
    """The day's faults on the picked devices, timed back from `now`."""
    base = now.replace(second=0, microsecond=0)
    devices: dict[str, str] = asdict(picks)
    out: list[Incident] = []
    for story in _DAY:
        device = devices[story.role]
        start = base - timedelta(
            minutes=round(story.started_ago + rng.uniform(-1, 1) * story.spread)
        )
        back = None
        if story.restored_after is not None:
            back = start + timedelta(minutes=story.restored_after)
        switching: Switching = ((start, device, True),)
        if back is not None:
            switching += ((back, device, False),)
        if story.status is _PARTIAL:
            # The sectionaliser counts the recloser's trips and opens in its dead time; after
            # patrolling, the dispatcher closes the recloser again and the section behind it
            # stays dark.
            switching += (
                (start + timedelta(minutes=1), picks.partial_sectionalizer, True),
                (start + timedelta(minutes=_RECLOSED_AFTER), device, False),
            )
        etr = story.etr
        out.append(
            Incident(
                role=story.role,
                kind=OutageKind.UNPLANNED,
                status=story.status,
                device_id=device,
                cause=story.cause,
                started_at=start,
                reported_at=start + timedelta(minutes=story.reported_after),
                restored_at=back,
                etr=None if etr is None else _etr_time(etr, start, base),
                etr_source=None if etr is None else etr.source,
                etr_confidence=None if etr is None else etr.confidence,
                etr_changes=0 if etr is None else etr.changes,
                crew_ids=story.crews,
                switching=switching,
            )
        )
    return out


def _etr_time(etr: _Etr, start: datetime, now: datetime) -> datetime:
    return round_up((start if etr.from_start else now) + timedelta(minutes=etr.minutes))
