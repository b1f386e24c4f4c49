"""Network records and the running situation as GeoJSON-like data for the map page.

The network (segments, devices, transformers, substations) is drawn once per page; the
situation (`MapState`) changes while the console runs and goes to the page as
`state_payload`, small enough to send on every change.

Built from plain dicts rather than a GeoDataFrame: measured on 4,000 segments of 3–10 points,
building and serialising the FeatureCollection by hand takes ~90 ms, a GeoDataFrame with
`to_json()` ~220 ms, and importing geopandas adds ~0.65 s to the console's start, for the
same output. Nothing here needs geometry operations that would pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from maps import labels
from ops.causes import BUILTIN_CAUSES, cause_text
from ops.clock import format_local
from ops.crews.records import Crew
from ops.network.records import Coord, Feeder, NetworkModel
from ops.network.tracing import Topology
from ops.outages.records import Outage, OutageKind
from ops.outages.situation import NetworkSituation, SupplyState, assess

# Feeder colours, by feeder index (feeders sorted by id). Okabe–Ito and Tol hues that stay
# apart for the common colour-vision deficiencies; none is black or purple, which mean
# "dark" and "planned" on this map.
FEEDER_PALETTE = (
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#44AA99",  # teal
    "#999933",  # olive
    "#CC6677",  # rose
    "#117733",  # green
    "#DDAA33",  # sand
)
UNKNOWN_FEEDER = -1  # feeder index of elements no feeder claims (ties, orphans): drawn grey

Json = dict[str, object]


@dataclass(frozen=True, slots=True)
class MapState:
    """Everything on the map that changes while the console runs."""

    situation: NetworkSituation  # dark/planned segments & transformers (energised ones omitted)
    outages: tuple[Outage, ...]  # open ones and recently restored
    crews: tuple[Crew, ...]


def _lonlat(p: Coord) -> list[float]:
    return [round(p[0], 6), round(p[1], 6)]


def _feature(geometry_type: str, coordinates: object, properties: Json) -> Json:
    return {
        "type": "Feature",
        "geometry": {"type": geometry_type, "coordinates": coordinates},
        "properties": properties,
    }


def _collection(features: list[Json]) -> Json:
    return {"type": "FeatureCollection", "features": features}


def feeder_colours(feeders: Sequence[Feeder]) -> dict[str, str]:
    """A colour for each feeder, by feeder id: the feeders of one substation all differ (up to
    the palette's ten), and otherwise the least used colour goes first, so a district of
    twelve feeders does not give its first and eleventh, maybe neighbours, the same one.
    Elements of no feeder are drawn grey, by the page."""
    used = [0] * len(FEEDER_PALETTE)
    at_substation: dict[str, set[int]] = {}
    colours: dict[str, str] = {}
    for f in sorted(feeders, key=lambda f: f.feeder_id):
        taken = at_substation.setdefault(f.substation_id, set()) if f.substation_id else set()
        free = [i for i in range(len(FEEDER_PALETTE)) if i not in taken] or list(range(len(used)))
        pick = min(free, key=lambda i: (used[i], i))
        used[pick] += 1
        taken.add(pick)
        colours[f.feeder_id] = FEEDER_PALETTE[pick]
    return colours


def network_layers(model: NetworkModel) -> Json:
    """The static part of the map: feeders with colours and one FeatureCollection per layer.

    Properties are kept to what tooltips show; `feeder` is an index into `feeders`.
    """
    feeders = sorted(model.feeders, key=lambda f: f.feeder_id)
    colours = feeder_colours(feeders)
    index = {f.feeder_id: i for i, f in enumerate(feeders)}

    def fi(feeder_id: str | None) -> int:
        return UNKNOWN_FEEDER if feeder_id is None else index.get(feeder_id, UNKNOWN_FEEDER)

    segments = [
        _feature(
            "LineString",
            [[round(x, 6), round(y, 6)] for x, y in s.path],
            {"id": s.segment_id, "name": s.name, "feeder": fi(s.feeder_id)},
        )
        for s in model.segments
        if len(s.path) >= 2
    ]
    switches = [
        _feature(
            "Point",
            _lonlat(s.position),
            {
                "id": s.switch_id,
                "name": s.name,
                "kind": s.kind.value,
                "feeder": fi(s.feeder_id),
                "tie": s.normal_open,
                "open": s.is_open,
            },
        )
        for s in model.switches
    ]
    transformers = [
        _feature(
            "Point",
            _lonlat(t.position),
            {
                "id": t.transformer_id,
                "name": t.name,
                "feeder": fi(t.feeder_id),
                "kva": t.kva,
                "customers": model.customer_counts.get(t.transformer_id, 0),
            },
        )
        for t in model.transformers
    ]
    substations = [
        _feature(
            "Point",
            _lonlat(s.position),
            {"id": s.substation_id, "name": s.name, "voltage": s.voltage},
        )
        for s in model.substations
    ]
    return {
        "feeders": [
            {"id": f.feeder_id, "name": f.name, "color": colours[f.feeder_id]} for f in feeders
        ],
        "segments": _collection(segments),
        "switches": _collection(switches),
        "transformers": _collection(transformers),
        "substations": _collection(substations),
        "bounds": network_bounds(model),
    }


def network_bounds(model: NetworkModel) -> list[list[float]] | None:
    """[[south, west], [north, east]] around everything drawn, in Leaflet's order; None if empty."""
    points: list[Coord] = [p for s in model.segments for p in s.path]
    points += [s.position for s in model.substations]
    points += [s.position for s in model.switches]
    points += [t.position for t in model.transformers]
    if not points:
        return None
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return [[round(min(lats), 6), round(min(lons), 6)], [round(max(lats), 6), round(max(lons), 6)]]


def _ids_in(states: dict[str, SupplyState], wanted: SupplyState) -> list[str]:
    return sorted(k for k, v in states.items() if v is wanted)


def count_text(n: int, language: str = labels.DEFAULT_LANGUAGE) -> str:
    """A count, thousands separated the language's way: 12.345 (vi), 12,345 (en)."""
    return f"{n:,}" if language == "en" else f"{n:,}".replace(",", ".")


def _rows(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [[name, value] for name, value in pairs]


def _cause(o: Outage, language: str) -> str:
    return cause_text(o.cause, BUILTIN_CAUSES, language, planned=o.kind is OutageKind.PLANNED)


def outage_payload(
    o: Outage, segments: Sequence[str] | None = None, language: str = labels.DEFAULT_LANGUAGE
) -> Json:
    """What the page shows of an outage: every display string already formatted here.

    `segments` names the segments this outage keeps dark (from the situation's attribution);
    without it the page falls back to the dark segments of the outage's feeder.
    """
    w = labels.words(language)
    status = w.outage_status[o.status]
    short = f"{o.reference} · {count_text(o.customers_out, language)} {w.customers_short}"
    field = w.field
    rows: list[tuple[str, str]] = [
        (field["kind"], w.outage_kind[o.kind]),
        (field["status"], status),
        (field["customers_out"], count_text(o.customers_out, language)),
        (field["customers_affected"], count_text(o.customers_affected, language)),
    ]
    if o.priority_customers:
        rows.append((field["priority_customers"], count_text(o.priority_customers, language)))
    rows += [
        (field["cause"], _cause(o, language) or w.none),
        (field["started"], format_local(o.started_at)),
        (field["etr"], format_local(o.etr) or w.none),
    ]
    if o.restored_at is not None:
        rows.append((field["restored"], format_local(o.restored_at)))
    if o.device_id:
        rows.append((field["device"], o.device_id))
    return {
        "id": o.outage_id,
        "reference": o.reference,
        "kind": o.kind.value,
        "status": o.status.value,
        "status_label": status,
        "open": o.status.is_open,
        "customers_out": o.customers_out,
        "customers_affected": o.customers_affected,
        "cause": o.cause,
        "etr": format_local(o.etr),
        "feeder_id": o.feeder_id,
        "device_id": o.device_id,
        "lon": None if o.position is None else round(o.position[0], 6),
        "lat": None if o.position is None else round(o.position[1], 6),
        "label": short,
        "rows": _rows(rows),
        **({"segments": list(segments)} if segments is not None else {}),
    }


def crew_payload(c: Crew, language: str = labels.DEFAULT_LANGUAGE) -> Json:
    """What the page shows of a crew, formatted here."""
    w = labels.words(language)
    field = w.field
    rows: list[tuple[str, str]] = [
        (field["status"], w.crew_status[c.status]),
        (field["crew_type"], w.crew_type[c.crew_type]),
        (field["vehicle"], c.vehicle or w.none),
        (field["phone"], c.phone or w.none),
        (field["members"], str(len(c.members))),
    ]
    if c.position_at is not None:
        rows.append((field["position_at"], format_local(c.position_at)))
    return {
        "id": c.crew_id,
        "name": c.name,
        "status": c.status.value,
        "status_label": w.crew_status[c.status],
        "lon": None if c.position is None else round(c.position[0], 6),
        "lat": None if c.position is None else round(c.position[1], 6),
        "outage_ids": list(c.outage_ids),
        "rows": _rows(rows),
    }


def _planned_first(outages: Sequence[Outage]) -> list[Outage]:
    # Drawn in this order, so open faults end on top of planned work and restored outages.
    def rank(o: Outage) -> int:
        return 2 if o.status.is_open and o.kind is OutageKind.UNPLANNED else int(o.status.is_open)

    return sorted(outages, key=rank)


class TopologyCache:
    """The last network's topology, re-indexed for new switch states instead of rebuilt.

    Switching changes only switch states; the segments tuple is the same object until the
    network is imported again. On the 50,000-node benchmark district a rebuild takes ~0.8 s,
    a re-index ~0.2 s; the very same model as last time (no switch moved) takes nothing.
    Not thread-safe: one per worker.
    """

    def __init__(self) -> None:
        self._segments: tuple[object, ...] | None = None
        self._switch_count = -1
        self._base: Topology | None = None
        self._last: tuple[NetworkModel, Topology] | None = None

    def topology(self, model: NetworkModel) -> Topology:
        if self._last is not None and self._last[0] is model:
            return self._last[1]
        topology = self._topology(model)
        self._last = (model, topology)
        return topology

    def _topology(self, model: NetworkModel) -> Topology:
        if (
            self._base is None
            or self._segments is not model.segments
            or self._switch_count != len(model.switches)
        ):
            self._base = Topology(model)
            self._segments, self._switch_count = model.segments, len(model.switches)
            return self._base
        return self._base.with_open_switches(s.switch_id for s in model.switches if s.is_open)


def map_state(
    model: NetworkModel,
    outages: Sequence[Outage],
    crews: Sequence[Crew],
    *,
    topologies: TopologyCache | None = None,
) -> MapState:
    """Trace the network as it is now and gather what the map shows of it."""
    topology = topologies.topology(model) if topologies is not None else Topology(model)
    situation = assess(model, topology, outages)
    return MapState(situation, tuple(outages), tuple(crews))


def crews_payload(
    crews: Sequence[Crew], language: str = labels.DEFAULT_LANGUAGE
) -> dict[str, object]:
    """Only the crews, for `OmsMap.applyState` (which leaves the parts not given as they are):
    a crew that moved or changed status needs no tracing."""
    return {"crews": [crew_payload(c, language) for c in crews]}


def state_payload(state: MapState, language: str = labels.DEFAULT_LANGUAGE) -> dict[str, object]:
    """The running situation for `OmsMap.applyState`: JSON-able, only non-energised ids listed."""
    situation = state.situation
    return {
        "segments": {
            "dark": _ids_in(situation.segments, SupplyState.DARK),
            "planned": _ids_in(situation.segments, SupplyState.PLANNED),
        },
        "transformers": {
            "dark": _ids_in(situation.transformers, SupplyState.DARK),
            "planned": _ids_in(situation.transformers, SupplyState.PLANNED),
        },
        "switches": {"open": sorted(situation.open_switches)},
        "outages": [
            outage_payload(o, situation.segments_by_outage.get(o.outage_id), language)
            for o in _planned_first(state.outages)
        ],
        "crews": [crew_payload(c, language) for c in state.crews],
    }
