"""Reads what the board shows on the worker thread: whole, or only what a `Changes` names.

A whole read fills the tables again; a change updates the rows it names in place and sends
the map only the parts it moved (crews alone need no tracing). `is_broad` says when a
change names too little to go by (a network import): then the whole board is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from db import Database
from db.board import Board, load_board, refresh_board
from ops.crews.records import Crew
from ops.crews.shifts import ShiftPattern
from ops.outages.records import Outage
from ops.stores import Changes

if TYPE_CHECKING:
    from maps import TopologyCache


@dataclass(frozen=True, slots=True)
class BoardUpdate:
    """A read board and what of it to show anew."""

    board: Board
    full: bool  # every row read again: the tables are filled afresh
    outages: tuple[Outage, ...] = ()  # changed or new rows (not full)
    removed: frozenset[int] = frozenset()  # rows to drop (not full)
    crews: tuple[Crew, ...] = ()  # changed crew rows (not full)
    payload: dict[str, object] | None = None  # for OmsMap.applyState; None: map unchanged
    html: str | None = None  # a new page: the first load, or a network imported again


def is_broad(changes: Changes) -> bool:
    """A change of the network that names no outage, crew or journal: a network import (or
    a switch moved on no outage's account); the whole board is read again."""
    named = changes.outages or changes.crews or changes.journal
    return changes.network and not named and changes.created_outage is None


def names_board(changes: Changes) -> bool:
    """Whether the board shows anything the change names (accounts it does not)."""
    return bool(changes.outages or changes.crews or changes.journal or changes.network) or (
        changes.created_outage is not None
    )


class BoardReader:
    """The reads, run on the window's task runner (one at a time: the map's topology cache
    belongs to the worker thread)."""

    def __init__(self, db: Database, language: str = "vi") -> None:
        self._db = db
        self._language = language  # of the map's words
        self._topologies: TopologyCache | None = None

    def _cache(self) -> TopologyCache:
        # The map package (folium, pandas) takes ~1 s to import: never on the way to the
        # first painted window, so only here, on the worker thread.
        from maps import TopologyCache

        if self._topologies is None:
            self._topologies = TopologyCache()
        return self._topologies

    def whole(
        self, now: datetime, shifts: ShiftPattern | None, previous: Board | None
    ) -> BoardUpdate:
        from maps import build_map_html, map_state, state_payload

        topologies = self._cache()
        board = load_board(self._db, now, shifts)
        state = map_state(board.network, board.outages, board.crews, topologies=topologies)
        html = None
        if previous is None or previous.network.segments is not board.network.segments:
            title = board.site.district_name or "Outage console"
            html = build_map_html(
                board.network, state, title=title, demo=board.site.is_demo,
                center=board.site.center, bridge=True, language=self._language,
            )  # fmt: skip
        return BoardUpdate(
            board, full=True, payload=state_payload(state, self._language), html=html
        )

    def changed(
        self, board: Board, changes: Changes, now: datetime, shifts: ShiftPattern | None
    ) -> BoardUpdate:
        from maps import crews_payload, map_state, state_payload

        delta = refresh_board(self._db, board, changes, now, shifts)
        fresh = delta.board
        payload: dict[str, object] | None = None
        before = {o.outage_id: o for o in board.outages}
        moved = any(before.get(o.outage_id) != o for o in delta.outages)  # not a remark alone
        if changes.network or moved or delta.removed:
            # Who is dark, and on whose account, follows the outages as well as the switches.
            state = map_state(fresh.network, fresh.outages, fresh.crews, topologies=self._cache())
            payload = state_payload(state, self._language)
        elif delta.crews:
            payload = crews_payload(fresh.crews, self._language)
        return BoardUpdate(
            fresh, full=False, outages=delta.outages, removed=delta.removed,
            crews=delta.crews, payload=payload,
        )  # fmt: skip
