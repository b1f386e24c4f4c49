"""Replays the day's switching on the normal network to count who each outage darkened.

How customers are attributed, so that nobody is counted twice:

* A transformer that loses supply when a device opens belongs to the outage that opened it.
  `customers_affected` is the number of customers that outage darkened, over its life.
* A transformer that is already dark when a further device opens stays with the outage that
  darkened it first. A fuse that blew on a lateral before its recloser locked out keeps its
  lateral; the recloser's outage gets only the customers it newly darkened. So the sum of
  `customers_affected` over overlapping outages is the number of distinct customers interrupted.
* When supply returns to a transformer it leaves its outage. `customers_out` is the number of
  customers still dark and belonging to the outage; summed over the open outages it equals the
  number of customers a trace of the present switch states finds dark.
* A sectionaliser that opens in the dead time of its recloser's outage darkens nobody new, and
  when the recloser closes again the customers behind the sectionaliser stay with that outage:
  it is partially restored (`customers_out` < `customers_affected`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ops.network.tracing import Topology


@dataclass(frozen=True, slots=True)
class SwitchEvent:
    """One device opening or closing, as part of one outage."""

    at: datetime
    outage: int
    device_id: str
    opens: bool


@dataclass(frozen=True, slots=True)
class Tally:
    affected: int
    out: int
    priority: int  # priority customers among those the outage darkened


@dataclass(frozen=True, slots=True)
class ReplayResult:
    tallies: dict[int, Tally]
    open_devices: tuple[str, ...]  # devices open at the end, in the order they opened


def replay(
    topology: Topology,
    counts: dict[str, int],
    priority_counts: dict[str, int],
    events: Iterable[SwitchEvent],
) -> ReplayResult:
    """Apply the events in time order to a topology built on the normal state."""
    open_now: list[str] = []
    owner: dict[str, int] = {}
    affected: dict[int, int] = {}
    priority: dict[int, int] = {}
    dark: set[str] = set()
    for event in sorted(events, key=lambda e: (e.at, e.outage, not e.opens, e.device_id)):
        affected.setdefault(event.outage, 0)
        priority.setdefault(event.outage, 0)
        if event.opens:
            open_now.append(event.device_id)
        else:
            open_now.remove(event.device_id)
        now_dark = topology.dark_transformers(topology.trace(open_now))
        for tr in now_dark:
            if tr not in dark:
                owner[tr] = event.outage
                affected[event.outage] += counts.get(tr, 0)
                priority[event.outage] += priority_counts.get(tr, 0)
        still_dark = set(now_dark)
        for tr in [t for t in owner if t not in still_dark]:
            del owner[tr]
        dark = still_dark
    out: dict[int, int] = dict.fromkeys(affected, 0)
    for tr, outage in owner.items():
        out[outage] += counts.get(tr, 0)
    tallies = {o: Tally(affected[o], out[o], priority[o]) for o in affected}
    return ReplayResult(tallies, tuple(open_now))
