"""The map as data and HTML: network layers, the running situation, the page. No Qt, no database."""

from maps.layers import MapState, TopologyCache, map_state, state_payload
from maps.page import build_map_html

__all__ = ["MapState", "TopologyCache", "build_map_html", "map_state", "state_payload"]
