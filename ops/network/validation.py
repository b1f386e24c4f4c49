"""Checks of an imported network before anything is stored, in words a GIS technician acts on.

Every problem names its layer, the element's id and what is wrong. A problem that repeats is
shown a few times and then counted ("… and 212 more like it"), so one systematic mistake in an
export does not bury the others. Errors stop the import; warnings are reported and stored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ops.network.interchange import ImportedNetwork, NetworkData, build_model, element_ends
from ops.network.records import Coord

EXAMPLES = 5  # examples shown of each kind of problem


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one element (or with a whole layer, if `element_id` is None)."""

    layer: str
    element_id: str | None
    text: str

    def __str__(self) -> str:
        where = f"{self.layer} {self.element_id}" if self.element_id else self.layer
        return f"{where}: {self.text}"


@dataclass(frozen=True, slots=True)
class ProblemGroup:
    """One kind of problem in one layer: the first examples and how many there are in all."""

    code: str
    examples: tuple[Problem, ...]
    total: int

    def lines(self) -> list[str]:
        out = [str(p) for p in self.examples]
        more = self.total - len(self.examples)
        if more > 0:
            out.append(f"  … and {more:,} more like it")
        return out


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """All that was found wrong with an import: errors stop it, warnings do not."""

    errors: tuple[ProblemGroup, ...] = ()
    warnings: tuple[ProblemGroup, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_count(self) -> int:
        return sum(g.total for g in self.errors)

    @property
    def warning_count(self) -> int:
        return sum(g.total for g in self.warnings)

    def codes(self) -> set[str]:
        return {g.code for g in (*self.errors, *self.warnings)}

    def merged(self, other: ValidationReport) -> ValidationReport:
        return ValidationReport(self.errors + other.errors, self.warnings + other.warnings)

    def error_lines(self) -> list[str]:
        return [line for g in self.errors for line in g.lines()]

    def warning_lines(self) -> list[str]:
        return [line for g in self.warnings for line in g.lines()]


class NetworkImportError(ValueError):
    """A network cannot be imported for a reason the person importing it can fix."""


class InvalidNetworkError(NetworkImportError):
    """The input has errors: nothing was stored. `report` lists them all."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        count = report.error_count
        head = f"The network was not imported: {count:,} problem{'s' if count != 1 else ''}."
        super().__init__("\n".join([head, *report.error_lines()]))


class ImportRefusedError(NetworkImportError):
    """A valid network that cannot replace the stored one (e.g. open outages name its devices)."""


class Findings:
    """Collects problems as they are found and keeps the first few of each kind."""

    def __init__(self) -> None:
        self._groups: dict[tuple[bool, str, str], list[Problem]] = {}
        self._totals: Counter[tuple[bool, str, str]] = Counter()

    def error(self, code: str, layer: str, element_id: str | None, text: str) -> None:
        self._add(True, code, Problem(layer, element_id, text))

    def warning(self, code: str, layer: str, element_id: str | None, text: str) -> None:
        self._add(False, code, Problem(layer, element_id, text))

    def _add(self, is_error: bool, code: str, problem: Problem) -> None:
        key = (is_error, code, problem.layer)
        self._totals[key] += 1
        examples = self._groups.setdefault(key, [])
        if len(examples) < EXAMPLES:
            examples.append(problem)

    @property
    def has_errors(self) -> bool:
        return any(is_error for is_error, _, _ in self._totals)

    def report(self) -> ValidationReport:
        def groups(errors: bool) -> tuple[ProblemGroup, ...]:
            return tuple(
                ProblemGroup(code, tuple(examples), self._totals[(is_error, code, layer)])
                for (is_error, code, layer), examples in self._groups.items()
                if is_error is errors
            )

        return ValidationReport(groups(True), groups(False))


def valid_position(p: Coord) -> bool:
    lon, lat = p
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


class _Components:
    """Union-find over node ids; a virtual root node stands for "supplied by a source"."""

    ROOT = "\x00sources"

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self._parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> bool:
        """Join two nodes; False if they were joined already (the link closes a loop)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb == self.ROOT:
            ra, rb = rb, ra
        self._parent[rb] = ra
        return True


@dataclass(frozen=True, slots=True)
class CheckedNetwork:
    """A network that passed every check, modelled and ready to store, with its warnings."""

    network: ImportedNetwork
    report: ValidationReport


def check_network(data: NetworkData, report: ValidationReport | None = None) -> CheckedNetwork:
    """Network-level checks (after the file-level `report`), then the model.

    Raises `InvalidNetworkError` on any error, so that nothing unchecked is ever stored.
    """
    report = (report or ValidationReport()).merged(validate_network(data))
    if not report.ok:
        raise InvalidNetworkError(report)
    return CheckedNetwork(build_model(data), report)


def validate_network(data: NetworkData) -> ValidationReport:
    """Network-level checks of an import's records; file-level checks happen while reading."""
    found = Findings()
    _check_ids(data, found)
    _check_values(data, found)
    nodes = _check_nodes(data, found)
    if nodes:
        _check_supply(data, nodes, found)
        _check_radial(data, found)
    if not data.customers:
        found.warning("no-customers", "customers", None, "the layer has no customers")
    return found.report()


def _check_ids(data: NetworkData, found: Findings) -> None:
    def duplicates(layer: str, column: str, ids: Iterable[str]) -> None:
        for element_id, n in Counter(ids).items():
            if n > 1:
                found.error(
                    "duplicate-id",
                    layer,
                    element_id,
                    f"{column} {element_id!r} is used by {n} rows: ids must be unique",
                )

    duplicates("sources", "source_id", (s.source_id for s in data.sources))
    duplicates("customers", "customer_id", (c.customer_id for c in data.customers))
    duplicates("substations", "substation_id", (s.substation_id for s in data.substations))
    # Outages and switching steps name a device by its id alone, whatever its kind.
    layer_of: dict[str, str] = {}
    per_layer: dict[str, list[str]] = {}
    for layer, element_id, _, _ in element_ends(data):
        per_layer.setdefault(layer, []).append(element_id)
        other = layer_of.setdefault(element_id, layer)
        if other != layer:
            found.error(
                "duplicate-id",
                layer,
                element_id,
                f"the same id is used in {other}: ids must be unique across segments, "
                "switches and transformers (outages name a device by its id alone)",
            )
    column = {"segments": "segment_id", "switches": "switch_id", "transformers": "transformer_id"}
    for layer, ids in per_layer.items():
        duplicates(layer, column[layer], ids)


def _check_values(data: NetworkData, found: Findings) -> None:
    for layer, element_id, a, b in element_ends(data):
        if a == b:
            found.error(
                "self-loop",
                layer,
                element_id,
                f"from_node and to_node are the same node ({a!r}): an element joins two nodes",
            )
    for g in data.segments:
        if not g.voltage_kv > 0:
            found.error(
                "bad-value", "segments", g.segment_id, f"voltage_kv {g.voltage_kv} is not > 0"
            )
    for t in data.transformers:
        if t.kva < 0 or math.isnan(t.kva):
            found.error("bad-value", "transformers", t.transformer_id, f"kva {t.kva} is negative")
        elif t.kva == 0:
            found.warning(
                "zero-kva", "transformers", t.transformer_id, "kva is 0 (unknown rating?)"
            )
    points: list[tuple[str, str, Coord | None]] = [
        *(("sources", s.source_id, s.position) for s in data.sources),
        *(("switches", w.switch_id, w.position) for w in data.switches),
        *(("transformers", t.transformer_id, t.position) for t in data.transformers),
        *(("customers", c.customer_id, c.position) for c in data.customers),
        *(("segments", g.segment_id, p) for g in data.segments for p in g.path),
    ]
    for layer, element_id, p in points:
        if p is not None and not valid_position(p):
            found.error(
                "bad-position",
                layer,
                element_id,
                f"({p[0]}, {p[1]}) is not a longitude/latitude position",
            )
    known = {s.substation_id for s in data.substations}
    for s in data.sources:
        if s.substation_id is not None and s.substation_id not in known:
            found.error(
                "unknown-substation",
                "sources",
                s.source_id,
                f"substation {s.substation_id!r} is not in the substations layer",
            )


def _check_nodes(data: NetworkData, found: Findings) -> set[str]:
    """The nodes the elements name; sources and customers must stand on one of them."""
    nodes: set[str] = set()
    for _, _, a, b in element_ends(data):
        nodes.add(a)
        nodes.add(b)
    if not data.sources:
        found.error("no-sources", "sources", None, "the layer has no sources: nothing is supplied")
    seen: set[str] = set()
    for s in data.sources:
        if s.node_id not in nodes:
            found.error(
                "unknown-node",
                "sources",
                s.source_id,
                f"node {s.node_id!r} is not the from_node or to_node of any segment, switch or "
                "transformer: the source supplies nothing",
            )
        elif s.node_id in seen:
            found.warning(
                "shared-source-node",
                "sources",
                s.source_id,
                f"node {s.node_id!r} already has a source: the first one listed feeds it",
            )
        seen.add(s.node_id)
    for c in data.customers:
        if c.node_id not in nodes:
            found.error(
                "unknown-node",
                "customers",
                c.customer_id,
                f"node {c.node_id!r} is not the from_node or to_node of any segment, switch or "
                "transformer",
            )
    return nodes


def _check_supply(data: NetworkData, nodes: set[str], found: Findings) -> None:
    """Parts no source reaches at all are errors; parts dark in the normal state, warnings."""
    every = _Components()
    normal = _Components()
    for s in data.sources:
        if s.node_id in nodes:
            every.union(_Components.ROOT, s.node_id)
            normal.union(_Components.ROOT, s.node_id)
    for _, _, a, b in element_ends(data):
        every.union(a, b)
    open_ids = {w.switch_id for w in data.switches if w.normal_open}
    for _, element_id, a, b in element_ends(data):
        if element_id not in open_ids:
            normal.union(a, b)
    unreachable: dict[str, list[tuple[str, str]]] = {}
    dark: dict[str, list[tuple[str, str]]] = {}
    for layer, element_id, a, _ in element_ends(data):
        if every.find(a) != _Components.ROOT:
            unreachable.setdefault(every.find(a), []).append((layer, element_id))
        elif normal.find(a) != _Components.ROOT and element_id not in open_ids:
            dark.setdefault(normal.find(a), []).append((layer, element_id))
    for part in unreachable.values():
        layer, element_id = part[0]
        found.error(
            "unreachable",
            layer,
            element_id,
            f"no source can reach it{_others(part)}: it is not connected to any source's node",
        )
    for part in dark.values():
        layer, element_id = part[0]
        found.warning(
            "dark-in-normal-state",
            layer,
            element_id,
            f"has no supply in the normal state{_others(part)}: only normally-open switches "
            "connect it to a source",
        )


def _others(part: list[tuple[str, str]]) -> str:
    if len(part) == 1:
        return ""
    return f" (nor {len(part) - 1:,} more elements connected to it)"


def _check_radial(data: NetworkData, found: Findings) -> None:
    """Loops among normally-closed elements (parallel ones count): radial networks have none."""
    closed = _Components()
    for s in data.sources:
        closed.union(_Components.ROOT, s.node_id)
    first_between: dict[tuple[str, str], tuple[str, str]] = {}
    open_ids = {w.switch_id for w in data.switches if w.normal_open}
    # Switches last, so that a loop is blamed on a switch where one is in it: opening a switch
    # is the usual answer, and the technician sees which one the loop runs through.
    for layer, element_id, a, b in element_ends(data):
        if element_id in open_ids:
            continue
        pair = (a, b) if a <= b else (b, a)
        twin = first_between.setdefault(pair, (layer, element_id))
        if closed.union(a, b):
            continue
        if twin != (layer, element_id):
            why = f"is parallel to {twin[0][:-1]} {twin[1]} and both are normally closed"
        else:
            why = "closes a loop (a ring, or a path between two sources)"
        found.warning(
            "mesh",
            layer,
            element_id,
            f"{why}: the network is not radial in its normal state (is a switch in the loop "
            "normally open?)",
        )
