"""The map page: a folium map with everything inlined, one self-contained HTML document.

folium gives the page skeleton and the Leaflet map; the layers are drawn by our own script
(`static/oms_map.js`) from JSON embedded in the page, because thousands of folium objects
take seconds to render and cannot be restyled in place. Nothing refers to the network: no
CDN links (folium's defaults are emptied), no tile layer (control rooms are offline).
"""

from __future__ import annotations

import html
import json

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from maps import assets, labels
from maps.layers import MapState, network_layers, state_payload
from ops.network.records import NetworkModel

DATA_ELEMENT_ID = "oms-data"
QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"

# Only in the console's page: connects `window.omsBridge` through Qt's web channel. In a
# browser there is no `qt` object (and the qrc: script does not load), so it does nothing.
_BRIDGE_JS = """
(function () {
  if (typeof qt === "undefined" || !qt.webChannelTransport || typeof QWebChannel === "undefined") {
    return;
  }
  new QWebChannel(qt.webChannelTransport, function (ch) { window.omsBridge = ch.objects.bridge; });
})();
"""

# Escapes that keep JSON inert inside <script>: no "</script>", no "<!--", no entities.
# U+2028/2029 are JSON-legal but ended string literals in older JavaScript engines.
# (Chained str.replace: str.translate takes ~200 ms on a 2 MB page, this ~5 ms.)
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def json_for_script(value: object) -> str:
    """Compact JSON that is safe to place inside a <script> element."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    for char, escape in _JSON_ESCAPES:
        text = text.replace(char, escape)
    return text


class _Raw(Element):
    """Markup put into the page as it is (an Element would run its text through Jinja, and
    Leaflet's code and our JSON are full of braces)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: object) -> str:
        return self._text


class _Init(MacroElement):
    """Starts our script on the map folium made: runs after folium's own map script."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        OmsMap.init({{ this._parent.get_name() }}, {{ this.call }});
        {% endmacro %}
        """
    )

    def __init__(self, call: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves it unannotated
        self.call = call


def build_map_html(
    model: NetworkModel,
    state: MapState,
    *,
    title: str,
    demo: bool,
    center: tuple[float, float] | None = None,
    bridge: bool = False,
    language: str = labels.DEFAULT_LANGUAGE,
) -> str:
    """The whole map page as one HTML document.

    `center` is (longitude, latitude), like every position in `ops`; without it the view fits
    the network. `bridge=True` adds the Qt web-channel hookup for the console; the exported
    page (`bridge=False`) has nothing Qt-specific and works opened from a file. `language`
    ("vi" or "en") is the language of every word on the page.
    """
    words = labels.words(language)
    if center is not None and not (-90 <= center[1] <= 90 and -180 <= center[0] <= 180):
        raise ValueError(f"center must be (longitude, latitude), got {center!r}")
    network = network_layers(model)
    data = {
        "network": network,
        "state": state_payload(state, language),
        "labels": words.page_labels(),
        "center": None if center is None else [round(center[1], 6), round(center[0], 6)],
    }
    bounds = network["bounds"]
    if center is not None:
        location = [center[1], center[0]]
    elif isinstance(bounds, list):
        location = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    else:
        location = [10.78, 106.70]  # Hồ Chí Minh City, for an empty network

    fmap = folium.Map(
        location=location,
        tiles=None,
        zoom_start=12,
        prefer_canvas=True,
        zoom_control=True,
        control_scale=False,
        font_size="12px",
        zoom_snap=0.25,  # fitting the district to the view should not lose half the screen
        zoom_delta=0.5,
    )
    # Per instance: folium's defaults are CDN links (Leaflet, jQuery, Bootstrap, Font Awesome).
    fmap.default_js = []
    fmap.default_css = []
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.title = html.escape(title)
    header = figure.header
    header.add_child(_Raw(assets.style_tag(assets.leaflet_css())), name="leaflet_css")
    header.add_child(_Raw(assets.style_tag(assets.oms_css())), name="oms_css")
    header.add_child(_Raw(assets.script_tag(assets.leaflet_js())), name="leaflet_js")
    if bridge:
        header.add_child(_Raw(f'<script src="{QWEBCHANNEL_JS}"></script>'), name="qwebchannel")
    header.add_child(_Raw(assets.script_tag(assets.oms_js())), name="oms_js")
    if bridge:
        header.add_child(_Raw(assets.script_tag(_BRIDGE_JS)), name="oms_bridge")
    if demo:
        banner = html.escape(words.demo_banner)
        figure.html.add_child(
            _Raw(f'<div class="oms-demo-banner" role="status">{banner}</div>'), name="demo"
        )
    figure.html.add_child(
        _Raw(
            f'<script type="application/json" id="{DATA_ELEMENT_ID}">'
            f"{json_for_script(data)}</script>"
        ),
        name="oms_data",
    )
    data_js = f'JSON.parse(document.getElementById("{DATA_ELEMENT_ID}").textContent)'
    fmap.add_child(_Init(data_js), name="oms_init")
    page: str = figure.render()
    return page.replace("<html>", f'<html lang="{language}">', 1)
