"""Which devices the demo day's events happen on, chosen by role from the generated network."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ops.network.records import DeviceKind, NetworkModel


@dataclass(frozen=True, slots=True)
class Picks:
    """The device behind each of the day's events, by role."""

    lockout_recloser: str  # locked out on a rural feeder: a few thousand customers
    nested_fuse: str  # a lateral fuse behind that recloser, blown before it locked out
    partial_recloser: str  # tripped, its sectionaliser opened, closed again
    partial_sectionalizer: str
    predicted_fuse: str  # an urban lateral fuse, known only from calls
    transformer_fuse: str  # the drop-out fuse of one transformer
    restored_fuse: str
    restored_recloser: str
    restored_transformer_fuse: str
    plan_device: str  # opened for today's planned work
    next_plan_device: str  # to be opened for next week's


class _Chooser:
    """The normal state as a tree, to see which transformers hang behind each device."""

    def __init__(self, model: NetworkModel, counts: dict[str, int]) -> None:
        self._model, self._counts = model, counts
        adjacency: dict[str, list[tuple[str, str]]] = {}
        elements = [(s.segment_id, s.from_node, s.to_node) for s in model.segments]
        elements += [
            (s.switch_id, s.from_node, s.to_node) for s in model.switches if not s.normal_open
        ]
        elements += [(t.transformer_id, t.from_node, t.to_node) for t in model.transformers]
        for element, a, b in elements:
            adjacency.setdefault(a, []).append((b, element))
            adjacency.setdefault(b, []).append((a, element))
        self._children: dict[str, list[str]] = {}
        self._below: dict[str, str] = {}  # element -> its downstream node
        seen = {f.source_node for f in model.feeders}
        stack = [f.source_node for f in model.feeders]
        while stack:
            node = stack.pop()
            for neighbour, element in adjacency.get(node, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    self._children.setdefault(node, []).append(neighbour)
                    self._below[element] = neighbour
                    stack.append(neighbour)
        self._transformer_at = {t.to_node: t.transformer_id for t in model.transformers}

    def behind(self, device_id: str) -> set[str]:
        """Transformers supplied through the device in the normal state."""
        out: set[str] = set()
        stack = [self._below[device_id]] if device_id in self._below else []
        while stack:
            node = stack.pop()
            if node in self._transformer_at:
                out.add(self._transformer_at[node])
            stack.extend(self._children.get(node, ()))
        return out

    def customers_behind(self, device_id: str) -> int:
        return sum(self._counts[t] for t in self.behind(device_id))

    def fuse(
        self,
        rng: random.Random,
        prefix: str,
        low: int,
        high: int,
        within: set[str] | None = None,
    ) -> str:
        """A fuse whose id starts with `prefix`, with between `low` and `high` customers."""
        fuses = [
            s.switch_id
            for s in self._model.switches
            if s.kind is DeviceKind.FUSE and s.switch_id.startswith(prefix)
        ]
        if within is not None:
            fuses = [f for f in fuses if self.behind(f) <= within]
        if not fuses:
            raise RuntimeError(f"the demo network has no fuse {prefix}… for its scenario")
        sized = [f for f in fuses if low <= self.customers_behind(f) <= high]
        if sized:
            return rng.choice(sized)
        middle = (low + high) / 2
        return min(fuses, key=lambda f: (abs(self.customers_behind(f) - middle), f))

    def switch(self, rng: random.Random, feeders: tuple[str, ...], low: int, high: int) -> str:
        """A disconnector or load-break switch on one of these feeders' trunks, sized."""
        kinds = (DeviceKind.DISCONNECTOR, DeviceKind.LOAD_BREAK_SWITCH)
        ids = {f"F{key}" for key in feeders}
        switches = [
            s.switch_id
            for s in self._model.switches
            if s.kind in kinds and not s.normal_open and s.feeder_id in ids
        ]
        sized = [s for s in switches if low <= self.customers_behind(s) <= high]
        if sized:
            return rng.choice(sized)
        middle = (low + high) / 2
        return min(switches, key=lambda s: (abs(self.customers_behind(s) - middle), s))


def pick_devices(model: NetworkModel, counts: dict[str, int], rng: random.Random) -> Picks:
    """Devices for each role; each feeder carries at most one chain of events today."""
    choose = _Chooser(model, counts)
    lockout = "REC-474-MT-1"
    return Picks(
        lockout_recloser=lockout,
        nested_fuse=choose.fuse(rng, "FCO-474-MT-L", 120, 450, within=choose.behind(lockout)),
        partial_recloser="REC-476-CL-1",
        partial_sectionalizer="SEC-476-CL-1",
        predicted_fuse=choose.fuse(rng, "FCO-473-CL-L", 150, 600),
        transformer_fuse=choose.fuse(rng, "FCO-T-472-MT-", 20, 99),
        restored_fuse=choose.fuse(rng, "FCO-471-CL-L", 100, 500),
        restored_recloser="REC-476-MT-1",
        restored_transformer_fuse=choose.fuse(rng, "FCO-T-474-CL-", 20, 99),
        plan_device=choose.switch(rng, ("475-MT", "475-CL"), 300, 1_200),
        next_plan_device=choose.switch(rng, ("473-MT",), 500, 2_000),
    )
