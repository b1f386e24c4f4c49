"""The network as the services see it (`ops.stores.NetworkState`), cached between actions.

A district's network changes only when it is imported again; switching changes nothing but
switch states. So `NetworkCache` (one per database, shared by its actions) reads the model and
the supply points once per import and keeps them; every action still reads the switch states
(one query of a few hundred rows), so a switch operated at another workstation is never missed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from db.models import CustomerRow, NetworkImportRow, SwitchingDeviceRow
from db.repositories.network import NetworkRepository
from ops.errors import NotFound, StaleEdit
from ops.network.records import NetworkModel, Priority
from ops.stores import SupplyPoint

_SW = cast(Table, SwitchingDeviceRow.__table__)
_C = cast(Table, CustomerRow.__table__)
_I = cast(Table, NetworkImportRow.__table__)


class NetworkCache:
    """The stored network and its supply points as of the last import; thread-safe."""

    def __init__(self, on_reload: Callable[[], None] | None = None) -> None:
        self._on_reload = on_reload  # e.g. forget a ledger replayed on the old network
        self._lock = threading.Lock()
        self._key: Any = object()  # matches no import
        self._model: NetworkModel | None = None
        self._points: tuple[SupplyPoint, ...] | None = None  # read on first need
        self.loads = 0  # how often the network was read whole (tests look)

    def network(self, session: Session) -> tuple[NetworkModel, tuple[SupplyPoint, ...]]:
        """The model (switch states as they were when it was cached) and the supply points."""
        with self._lock:
            self._check_import(session)
            if self._points is None:
                self._points = tuple(
                    SupplyPoint(c, n, p != Priority.NONE.value)
                    for c, n, p in session.execute(
                        select(_C.c.customer_id, _C.c.node_id, _C.c.priority)
                    )
                )
            assert self._model is not None
            return self._model, self._points

    def model(self, session: Session) -> NetworkModel:
        """The model alone (the board needs no customers: ~10 ms instead of ~0.6 s cold)."""
        with self._lock:
            self._check_import(session)
            assert self._model is not None
            return self._model

    def _check_import(self, session: Session) -> None:
        latest = session.execute(
            select(_I.c.import_id, _I.c.imported_at).order_by(_I.c.import_id.desc()).limit(1)
        ).first()
        key = tuple(latest) if latest is not None else None
        if self._model is None or key != self._key:
            self._model = NetworkRepository(session).load_model()
            self._points = None
            self._key = key
            self.loads += 1
            if self._on_reload is not None:
                self._on_reload()

    def remember(self, model: NetworkModel) -> None:
        """Keep the model with its newest switch states, so the next action rebuilds nothing."""
        with self._lock:
            if self._model is not None and len(model.switches) == len(self._model.switches):
                self._model = model

    def clear(self) -> None:
        with self._lock:
            self._model = None


class NetworkStateRepository:
    """One unit of work's view: the cached network with the switch states stored now."""

    def __init__(
        self,
        session: Session,
        cache: NetworkCache,
        *,
        changed_at: Callable[[str], datetime] | None = None,
    ) -> None:
        self._s = session
        self._cache = cache
        # When a device's new state began (its field time); None: a read-only view.
        self._changed_at = changed_at
        self._model: NetworkModel | None = None
        self._points: tuple[SupplyPoint, ...] | None = None

    def model(self) -> NetworkModel:
        if self._model is None:
            cached = self._cache.model(self._s)
            stored = {
                switch_id: bool(is_open)
                for switch_id, is_open in self._s.execute(select(_SW.c.switch_id, _SW.c.is_open))
            }
            self._model = _with_states(cached, stored)
            if self._model is not cached:
                self._cache.remember(self._model)
        return self._model

    def supply_points(self) -> Sequence[SupplyPoint]:
        if self._points is None:
            _, self._points = self._cache.network(self._s)
        return self._points

    def set_switch(self, device_id: str, is_open: bool) -> None:
        """Open or close a switch; StaleEdit if it is no longer as this action found it."""
        if self._changed_at is None:
            raise TypeError(f"a read-only view of the network cannot switch {device_id}")
        result = self._s.execute(
            update(_SW)
            .where(_SW.c.switch_id == device_id, _SW.c.is_open == (not is_open))
            .values(
                is_open=is_open,
                state_changed_at=self._changed_at(device_id),
                version=_SW.c.version + 1,
            )
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            exists = self._s.execute(
                select(_SW.c.switch_id).where(_SW.c.switch_id == device_id)
            ).first()
            if exists is None:
                raise NotFound("no switching device {device}", device=device_id)
            raise StaleEdit(
                "{device} was operated by someone else; look at its present state",
                device=device_id,
            )
        if self._model is not None:
            self._model = _with_states(self._model, {device_id: is_open})


def _with_states(model: NetworkModel, states: dict[str, bool]) -> NetworkModel:
    """The model with these switch states (the same object if nothing differs)."""
    if all(states.get(s.switch_id, s.is_open) == s.is_open for s in model.switches):
        return model
    return replace(
        model,
        switches=tuple(
            replace(s, is_open=states[s.switch_id])
            if states.get(s.switch_id, s.is_open) != s.is_open
            else s
            for s in model.switches
        ),
    )
