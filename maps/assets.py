"""The page's code and styles, read from package data so the map never fetches anything.

Leaflet 1.9.4 comes from the django-js-lib-leaflet wheel (read as files; Django is never
imported), our own behaviour and look from `maps/static/`.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

LEAFLET_VERSION = "1.9.4"
_LEAFLET_PACKAGE = "js_lib_leaflet"
_LEAFLET_DIR = ("static", "js_lib_leaflet")


def _leaflet_file(*parts: str) -> Traversable:
    return files(_LEAFLET_PACKAGE).joinpath(*_LEAFLET_DIR, *parts)


def _ours(name: str) -> str:
    return files("maps").joinpath("static", name).read_text(encoding="utf-8")


@cache
def leaflet_js() -> str:
    """Leaflet's minified code, without the source-map comment (dev tools would fetch the map)."""
    code = _leaflet_file("leaflet.js").read_text(encoding="utf-8")
    return re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)


@cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images (layer-control and marker icons) as data: URLs."""
    css = _leaflet_file("leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        png = _leaflet_file("images", match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(png).decode('ascii')})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


@cache
def oms_js() -> str:
    """The page's behaviour: layers, live restyling, highlight and clicks (`window.OmsMap`)."""
    return _ours("oms_map.js")


@cache
def oms_css() -> str:
    """The page's look: background, markers, labels, legend, demo banner."""
    return _ours("oms_map.css")


def script_tag(code: str) -> str:
    """Code inline in a <script>; refuses code that would end the element early."""
    if "</script" in code.lower():
        raise ValueError("inline script contains '</script'")
    return f"<script>{code}</script>"


def style_tag(css: str) -> str:
    """A stylesheet inline in a <style>; refuses CSS that would end the element early."""
    if "</style" in css.lower():
        raise ValueError("inline stylesheet contains '</style'")
    return f"<style>{css}</style>"
