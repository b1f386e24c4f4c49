"""The demo day on the network: crews, live and recent outages, planned work, switch states."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from ops.clock import to_local
from ops.crews.records import Crew
from ops.demo.field_crews import field_crews
from ops.demo.incidents import Incident, unplanned_day
from ops.demo.picks import pick_devices
from ops.demo.places import Place
from ops.demo.planning import TODAY_PLAN_ID, area_text, plan_drafts, plan_incident
from ops.demo.replay import SwitchEvent, Tally, replay
from ops.network.records import NetworkModel
from ops.network.tracing import Topology
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.records import Outage, OutageKind
from ops.planned.records import PlannedOutage, SwitchAction


@dataclass(frozen=True, slots=True)
class DemoDay:
    """Where the day has left the network, and what the dispatcher has on the board."""

    network: NetworkModel  # switch states as they are now
    crews: tuple[Crew, ...]
    outages: tuple[Outage, ...]
    planned: tuple[PlannedOutage, ...]
    switching: tuple[DeviceOperation, ...] = ()  # the day's switching log, in time order


def run_day(
    network: NetworkModel, places: tuple[Place, ...], now: datetime, rng: random.Random
) -> DemoDay:
    """Open and close devices through the day, then count each outage by tracing."""
    counts, priority = network.customer_counts, network.priority_counts
    topology = Topology(network)
    picks = pick_devices(network, counts, rng)
    devices = {s.switch_id: s for s in network.switches}
    feeder_names = {f.feeder_id: f.name for f in network.feeders}
    feeder_of_device = {d: feeder_names[s.feeder_id or ""] for d, s in devices.items()}
    plans = plan_drafts(picks, now, feeder_of_device)
    incidents = [*unplanned_day(picks, now, rng), plan_incident(plans[0])]
    incidents.sort(key=lambda i: (i.started_at, i.role))
    events = [
        SwitchEvent(at, number, device, opens)
        for number, incident in enumerate(incidents, start=1)
        for at, device, opens in incident.switching
    ]
    result = replay(topology, counts, priority, events)
    outages = _outages(incidents, result.tallies, network, plans[0].reference, now)
    open_now = set(result.open_devices)
    switches = tuple(
        replace(s, is_open=True) if s.switch_id in open_now else s for s in network.switches
    )
    place_of = {t.transformer_id: p for t, p in zip(network.transformers, places, strict=True)}
    planned = []
    for plan in plans:
        lost = topology.transformers_lost_by_opening([plan.device_id])
        if plan.plan_id == TODAY_PLAN_ID:
            outage = next(o for o in outages if o.planned_outage_id == plan.plan_id)
            affected = outage.customers_affected
        else:
            affected = topology.customers_on(lost)
        planned.append(plan.to_record(area_text(lost, place_of), affected))
    sites = {role: devices[device].position for role, device in asdict(picks).items()}
    crews = field_crews(now, outages, sites, rng)
    log = tuple(
        DeviceOperation(
            e.at, e.device_id, SwitchAction.OPEN if e.opens else SwitchAction.CLOSE, e.outage
        )
        for e in sorted(events, key=lambda e: e.at)
    )  # outage ids are the incident numbers (see _outages)
    return DemoDay(replace(network, switches=switches), crews, tuple(outages), tuple(planned), log)


def _outages(
    incidents: list[Incident],
    tallies: dict[int, Tally],
    network: NetworkModel,
    plan_reference: str,
    now: datetime,
) -> list[Outage]:
    """Outage records numbered 1… in order of their start; faults get "SC-year-number"."""
    devices = {s.switch_id: s for s in network.switches}
    local = to_local(now)
    sequence = local.timetuple().tm_yday * 2  # about two faults a day so far this year
    out: list[Outage] = []
    for number, incident in enumerate(incidents, start=1):
        device = devices[incident.device_id]
        tally = tallies[number]
        planned = incident.kind is OutageKind.PLANNED
        if not planned:
            sequence += 1
        out.append(
            Outage(
                outage_id=number,
                reference=plan_reference if planned else f"SC-{local.year}-{sequence:04d}",
                kind=incident.kind,
                status=incident.status,
                device_id=device.switch_id,
                feeder_id=device.feeder_id,
                cause=incident.cause,
                started_at=incident.started_at,
                reported_at=incident.reported_at,
                restored_at=incident.restored_at,
                etr=incident.etr,
                etr_source=incident.etr_source,
                etr_confidence=incident.etr_confidence,
                etr_changes=incident.etr_changes,
                customers_affected=tally.affected,
                customers_out=tally.out,
                priority_customers=tally.priority,
                position=device.position,
                crew_ids=incident.crew_ids,
                planned_outage_id=TODAY_PLAN_ID if planned else None,
            )
        )
    return out
