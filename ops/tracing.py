"""Which parts of the network have supply, in the switch states of now.

The topology is indexed once (nodes numbered, adjacency as lists of element edges);
queries walk that index from the feeder sources. Open switches cut their edge.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ops.network import NetworkModel


@dataclass(frozen=True, slots=True)
class Energisation:
    """The result of a trace: which nodes have supply and which feeder supplies them."""

    feeder_of_node: dict[str, str]  # energised node -> feeder id

    def is_energised(self, node_id: str) -> bool:
        return node_id in self.feeder_of_node


class Topology:
    """An index of the network's connectivity, built once per network load."""

    def __init__(self, model: NetworkModel) -> None:
        self._sources = [(f.feeder_id, f.source_node) for f in model.feeders]
        self._adjacency: dict[str, list[tuple[str, str]]] = {}
        self._switch_ids: set[str] = set()
        self._element_nodes: dict[str, tuple[str, str]] = {}
        self._transformer_of_lv_node: dict[str, str] = {}
        self._normally_open = {s.switch_id for s in model.switches if s.normal_open}
        self._open_now = {s.switch_id for s in model.switches if s.is_open}
        for seg in model.segments:
            self._link(seg.segment_id, seg.from_node, seg.to_node)
        for sw in model.switches:
            self._switch_ids.add(sw.switch_id)
            self._link(sw.switch_id, sw.from_node, sw.to_node)
        for tr in model.transformers:
            self._link(tr.transformer_id, tr.from_node, tr.to_node)
            self._transformer_of_lv_node[tr.to_node] = tr.transformer_id
        self._customer_counts = dict(model.customer_counts)

    def _link(self, element_id: str, a: str, b: str) -> None:
        self._element_nodes[element_id] = (a, b)
        self._adjacency.setdefault(a, []).append((b, element_id))
        self._adjacency.setdefault(b, []).append((a, element_id))

    @property
    def open_switches(self) -> frozenset[str]:
        """Switches open now (normally-open ties included)."""
        return frozenset(self._open_now)

    def trace(self, extra_open: Iterable[str] = ()) -> Energisation:
        """Nodes with supply when the present open switches and `extra_open` elements are cut."""
        return self._trace(self._open_now | set(extra_open))

    def trace_with_closed(self, closed: Iterable[str]) -> Energisation:
        """Nodes with supply if these switches, open now, were closed."""
        return self._trace(self._open_now - set(closed))

    def _trace(self, cut: set[str] | frozenset[str]) -> Energisation:
        feeder_of: dict[str, str] = {}
        for feeder_id, source in self._sources:
            if source in feeder_of:
                continue
            feeder_of[source] = feeder_id
            queue = deque([source])
            while queue:
                node = queue.popleft()
                for neighbour, element in self._adjacency.get(node, ()):
                    if element in cut or neighbour in feeder_of:
                        continue
                    feeder_of[neighbour] = feeder_id
                    queue.append(neighbour)
        return Energisation(feeder_of)

    def normal_parents(self) -> dict[str, tuple[str, str]]:
        """For each node, the (upstream node, element) it is fed through in the normal state."""
        parents: dict[str, tuple[str, str]] = {}
        seen: set[str] = set()
        for _feeder_id, source in self._sources:
            if source in seen:
                continue
            seen.add(source)
            queue = deque([source])
            while queue:
                node = queue.popleft()
                for neighbour, element in self._adjacency.get(node, ()):
                    if element in self._normally_open or neighbour in seen:
                        continue
                    seen.add(neighbour)
                    parents[neighbour] = (node, element)
                    queue.append(neighbour)
        return parents

    def element_nodes(self, element_id: str) -> tuple[str, str]:
        try:
            return self._element_nodes[element_id]
        except KeyError:
            raise KeyError(f"no network element with id {element_id!r}") from None

    def dark_transformers(self, energisation: Energisation) -> list[str]:
        """Transformers whose low-voltage side has no supply."""
        return [
            tr
            for lv, tr in self._transformer_of_lv_node.items()
            if not energisation.is_energised(lv)
        ]

    def transformers_lost_by_opening(self, element_ids: Iterable[str]) -> list[str]:
        """Transformers that lose supply if these elements open, all else as now."""
        before = self.trace()
        after = self.trace(element_ids)
        return [
            tr
            for lv, tr in self._transformer_of_lv_node.items()
            if before.is_energised(lv) and not after.is_energised(lv)
        ]

    def customers_on(self, transformer_ids: Iterable[str]) -> int:
        return sum(self._customer_counts.get(t, 0) for t in transformer_ids)
