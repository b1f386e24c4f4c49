"""The map as data and HTML: network layers, the running situation, the page. No Qt, no database."""

from maps.layers import MapState, TopologyCache, crews_payload, map_state, state_payload
from maps.page import build_map_html

__all__ = [
    "MapState", "TopologyCache", "build_map_html", "crews_payload", "map_state", "state_payload",
]  # fmt: skip
