"""The map page as text: self-contained, carrying its data, inert against hostile names."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from maps import MapState, build_map_html, state_payload
from maps.layers import FEEDER_PALETTE, network_layers
from maps.page import QWEBCHANNEL_JS, json_for_script
from ops.crews.records import CrewStatus
from ops.network.records import NetworkModel
from ops.network.tracing import Topology
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.outages.situation import NetworkSituation, SupplyState, assess
from tests.unit.builders import (
    a_crew,
    an_outage,
    district_network,
    tiny_network,
    with_switch_open,
)

XSS = "<img src=x onerror=alert(1)>"
REPO = Path(__file__).resolve().parents[3]


def situation_for(model: NetworkModel, outages: tuple[Outage, ...]) -> NetworkSituation:
    return assess(model, Topology(model), outages)


def page(
    model: NetworkModel | None = None,
    state: MapState | None = None,
    *,
    title: str = "Bản đồ vận hành",
    demo: bool = False,
    bridge: bool = False,
    center: tuple[float, float] | None = None,
) -> str:
    model = model or tiny_network()
    if state is None:
        faulted = with_switch_open(model, "REC-473")
        outages = (an_outage(),)
        state = MapState(situation_for(faulted, outages), outages, (a_crew(),))
    return build_map_html(model, state, title=title, demo=demo, center=center, bridge=bridge)


def embedded_data(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="oms-data">(.*?)</script>', html, re.S)
    assert match, "no embedded data"
    data: dict[str, object] = json.loads(match.group(1))
    return data


# ----- self-contained ------------------------------------------------------------------------


@pytest.mark.parametrize("bridge", [False, True])
def test_page_refers_to_nothing_on_the_network(bridge: bool) -> None:
    html = page(bridge=bridge, demo=True)

    tags = re.findall(r"<(?:script|link|img|iframe|source|embed)\b[^>]*>", html, re.I)
    for tag in tags:
        for url in re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", tag, re.I):
            assert not re.match(r"(?i)(https?:)?//", url), tag
    assert "<link" not in html.lower()  # every stylesheet is inline
    without_inlined_images = re.sub(r"data:image/[\w+]+;base64,[\w+/=]+", "", html)
    assert "cdn" not in without_inlined_images.lower()
    assert not re.search(r"https?://[^\"'\s]*\{[zxys]\}", html), "a tile URL template"
    assert "sourceMappingURL" not in html


def test_leaflet_and_our_code_are_inlined() -> None:
    html = page()

    assert "Leaflet 1.9.4" in html  # the licence header of leaflet.js
    assert ".leaflet-container" in html  # leaflet.css
    assert "url(data:image/png;base64," in html  # its images, inlined too
    assert "window.OmsMap" in html and ".oms-legend" in html
    assert "L.map(" in html
    assert "OmsMap.init(" in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_title_and_language() -> None:
    html = page(title="Điện lực Củ Chi — bản đồ")

    assert "<title>Điện lực Củ Chi — bản đồ</title>" in html
    assert '<html lang="vi">' in html


# ----- data ----------------------------------------------------------------------------------


def test_network_and_situation_are_embedded() -> None:
    data = embedded_data(page(center=(106.6, 10.9)))

    network = data["network"]
    assert isinstance(network, dict)
    segments = network["segments"]["features"]
    assert len(segments) == 11
    first = segments[0]
    assert first["geometry"]["type"] == "LineString"
    assert first["properties"] == {"id": "F1-S1", "name": "Đoạn F1-S1", "feeder": 0}
    assert {f["properties"]["id"] for f in network["switches"]["features"]} == {
        "MC-471",
        "REC-473",
        "TIE-471-473",
    }
    tie = next(f for f in network["switches"]["features"] if f["properties"]["tie"])
    assert tie["properties"]["open"] is True
    assert len(network["transformers"]["features"]) == 4
    assert network["substations"]["features"][0]["properties"]["name"] == "TBA 110 kV Củ Chi"
    assert [f["id"] for f in network["feeders"]] == ["F1", "F2"]
    state = data["state"]
    assert isinstance(state, dict)
    assert state["segments"] == {"dark": ["F2-S3", "F2-S4"], "planned": []}
    assert [o["reference"] for o in state["outages"]] == ["SC-2026-0001"]
    assert [c["name"] for c in state["crews"]] == ["Đội Củ Chi 1"]
    assert data["center"] == [10.9, 106.6]  # Leaflet's (lat, lon)
    assert data["labels"]["layer"]["segments"] == "Đường dây"


def test_coordinates_are_rounded_to_six_decimals() -> None:
    model = tiny_network()
    seg = replace(model.segments[0], path=((106.123456789, 10.987654321), (106.2, 10.9)))
    layers = network_layers(replace(model, segments=(seg, *model.segments[1:])))

    assert layers["segments"]["features"][0]["geometry"]["coordinates"][0] == [  # type: ignore[index]
        106.123457,
        10.987654,
    ]


def test_feeder_colours_are_stable_whatever_the_order_feeders_come_in() -> None:
    model = tiny_network()
    backwards = replace(model, feeders=tuple(reversed(model.feeders)))

    colours = network_layers(model)["feeders"]
    assert network_layers(backwards)["feeders"] == colours
    assert [f["color"] for f in colours] == list(FEEDER_PALETTE[:2])  # type: ignore[index]


def test_center_is_longitude_latitude() -> None:
    with pytest.raises(ValueError):
        page(center=(10.9, 106.6))  # (lat, lon) by mistake: 106.6 is no latitude


def test_an_empty_network_still_makes_a_page() -> None:
    html = build_map_html(
        NetworkModel(),
        MapState(NetworkSituation({}, {}), (), ()),
        title="Trống",
        demo=False,
    )

    assert embedded_data(html)["network"]["bounds"] is None  # type: ignore[index]


# ----- hostile text ----------------------------------------------------------------------------


def test_names_from_the_database_stay_text() -> None:
    model = tiny_network()
    model = replace(
        model,
        segments=(replace(model.segments[0], name=XSS), *model.segments[1:]),
        feeders=(replace(model.feeders[0], name=XSS), *model.feeders[1:]),
        substations=(replace(model.substations[0], name=XSS),),
    )
    outages = (an_outage(cause=XSS, reference=XSS),)
    crews = (a_crew(name=XSS),)
    state = MapState(situation_for(model, outages), outages, crews)

    html = page(model, state, title=XSS, demo=True, bridge=True)

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the title, escaped
    data = embedded_data(html)  # and the data still says exactly what the database said
    assert data["state"]["outages"][0]["cause"] == XSS  # type: ignore[index]
    assert data["state"]["crews"][0]["name"] == XSS  # type: ignore[index]
    assert data["network"]["feeders"][0]["name"] == XSS  # type: ignore[index]


def test_a_name_cannot_end_the_data_script() -> None:
    breakout = "</script><script>alert(1)</script><!--"
    outages = (an_outage(cause=breakout),)
    state = MapState(NetworkSituation({}, {}), outages, ())

    html = page(state=state)

    assert "alert(1)" in html  # it is there, but only inside the JSON string
    assert "<script>alert(1)" not in html
    assert "<!--" not in html
    assert embedded_data(html)["state"]["outages"][0]["cause"] == breakout  # type: ignore[index]


def test_json_for_script_escapes_markup_characters() -> None:
    value = {"a": "</script> & <!-- \u2028 \u2029 >"}

    text = json_for_script(value)

    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_the_page_script_shows_data_only_through_an_escape() -> None:
    js = (REPO / "maps" / "static" / "oms_map.js").read_text(encoding="utf-8")

    assert "function esc(" in js
    for call in ("esc(title)", "esc(row[0])", "esc(row[1])"):
        assert call in js  # every tooltip is composed by tooltipHtml, through esc
    tooltip_contents = re.findall(r"bindTooltip\(\s*([^,]+)", js)
    assert tooltip_contents and all(
        c.startswith(("tooltipHtml(", "tip", "function")) for c in tooltip_contents
    ), tooltip_contents
    # innerHTML only ever receives our own constant markup
    assert set(re.findall(r"\.innerHTML\s*=\s*([\w.]+)", js)) <= {"swatchHtml", "TRUCK_SVG"}
    assert "insertAdjacentHTML" not in js and "document.write" not in js


# ----- the situation -------------------------------------------------------------------------


def test_state_payload_lists_dark_and_planned_from_the_situation() -> None:
    model = with_switch_open(with_switch_open(tiny_network(), "REC-473"), "MC-471")
    outages = (
        an_outage(),
        an_outage(
            outage_id=2,
            reference="KH-2026-0001",
            kind=OutageKind.PLANNED,
            device_id="MC-471",
            feeder_id="F1",
        ),
    )

    payload = state_payload(MapState(situation_for(model, outages), outages, ()))

    assert payload["segments"] == {
        "dark": ["F2-S3", "F2-S4"],
        "planned": ["F1-S1", "F1-S2", "F1-S3", "F1-S4", "F1-S5", "F1-S6"],
    }
    assert payload["transformers"] == {"dark": ["T-F2-2"], "planned": ["T-F1-1", "T-F1-2"]}
    json.dumps(payload)  # JSON-able as it is


def test_state_payload_omits_energised_elements() -> None:
    situation = NetworkSituation(
        {"F1-S1": SupplyState.PLANNED, "F2-S3": SupplyState.DARK},
        {"T-F2-2": SupplyState.DARK},
    )

    payload = state_payload(MapState(situation, (), ()))

    assert payload == {
        "segments": {"dark": ["F2-S3"], "planned": ["F1-S1"]},
        "transformers": {"dark": ["T-F2-2"], "planned": []},
        "switches": {"open": []},
        "outages": [],
        "crews": [],
    }


def test_outage_display_strings_are_made_in_python() -> None:
    outage = an_outage(customers_out=12345, customers_affected=12400)

    shown = state_payload(MapState(NetworkSituation({}, {}), (outage,), ()))["outages"][0]  # type: ignore[index]

    assert shown["status_label"] == "Đã xác nhận"
    assert shown["etr"] == "09:30 01/06/2026"  # 02:30 UTC in Asia/Ho_Chi_Minh
    assert shown["label"] == "SC-2026-0001 · 12.345 KH"
    assert shown["open"] is True
    assert shown["feeder_id"] == "F2" and shown["device_id"] == "REC-473"
    assert (shown["lon"], shown["lat"]) == outage.position
    rows = dict(shown["rows"])
    assert rows["Nguyên nhân"] == "Chưa phân loại: Cây đổ vào đường dây"  # typed before the list
    picked = state_payload(
        MapState(NetworkSituation({}, {}), (replace(outage, cause="vegetation"),), ())
    )
    assert dict(picked["outages"][0]["rows"])["Nguyên nhân"] == "Cây, cành cây chạm đường dây"  # type: ignore[index]
    assert rows["Dự kiến có điện lại"] == "09:30 01/06/2026"
    assert rows["Khách hàng mất điện"] == "12.345"


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (OutageStatus.PREDICTED, "Dự báo"),
        (OutageStatus.CONFIRMED, "Đã xác nhận"),
        (OutageStatus.PARTIALLY_RESTORED, "Khôi phục một phần"),
        (OutageStatus.RESTORED, "Đã khôi phục"),
        (OutageStatus.CLOSED, "Đã đóng"),
        (OutageStatus.CANCELLED, "Đã hủy"),
    ],
)
def test_every_outage_status_has_a_vietnamese_label(status: OutageStatus, label: str) -> None:
    outage = an_outage(status=status, etr=None)

    shown = state_payload(MapState(NetworkSituation({}, {}), (outage,), ()))["outages"][0]  # type: ignore[index]

    assert shown["status_label"] == label
    assert shown["open"] is status.is_open
    assert shown["etr"] == ""
    assert dict(shown["rows"])["Dự kiến có điện lại"] == "—"


def test_open_faults_are_drawn_last() -> None:
    outages = (
        an_outage(outage_id=1, status=OutageStatus.CONFIRMED),
        an_outage(outage_id=2, status=OutageStatus.RESTORED),
        an_outage(outage_id=3, kind=OutageKind.PLANNED),
    )

    shown = state_payload(MapState(NetworkSituation({}, {}), outages, ()))["outages"]

    assert [o["id"] for o in shown] == [2, 3, 1]  # type: ignore[union-attr]


def test_crews_and_outages_without_a_position_are_listed_without_one() -> None:
    outage = an_outage(position=None)
    crew = a_crew(position=None, status=CrewStatus.ARRIVED)

    payload = state_payload(MapState(NetworkSituation({}, {}), (outage,), (crew,)))

    assert payload["outages"][0]["lat"] is None  # type: ignore[index]
    shown = payload["crews"][0]  # type: ignore[index]
    assert shown["lat"] is None
    assert shown["status_label"] == "Đã đến hiện trường"
    assert shown["outage_ids"] == [1]


# ----- page features ---------------------------------------------------------------------------


def test_the_bridge_is_only_in_the_console_page() -> None:
    with_bridge = page(bridge=True)
    without = page(bridge=False)

    assert f'<script src="{QWEBCHANNEL_JS}"></script>' in with_bridge
    assert "qt.webChannelTransport" in with_bridge
    assert "window.omsBridge = ch.objects.bridge" in with_bridge
    assert "qwebchannel" not in without.lower()
    assert "qt.webChannelTransport" not in without and "qrc:" not in without


def test_demo_banner_only_when_demo() -> None:
    assert 'class="oms-demo-banner"' in page(demo=True)
    assert "DỮ LIỆU DEMO" in page(demo=True)
    assert "oms-demo-banner" not in page(demo=False).split("</style>")[-1]
    assert "DỮ LIỆU DEMO" not in page(demo=False)


def test_the_javascript_api_is_there() -> None:
    html = page()

    for name in (
        "OmsMap.applyState = function (payload)",
        "OmsMap.highlightOutage = function (id",
        "OmsMap.fireOutageClick = function (id)",
        "OmsMap.state = function ()",
        "OmsMap.setSnapshot = function (on)",
        "OmsMap.ready = true",
        "bridge.outageClicked(String(id))",
        "bridge.crewClicked(String(id))",
    ):
        assert name in html, name


def test_the_map_is_drawn_on_canvas_without_tiles() -> None:
    html = page()

    assert '"preferCanvas": true' in html
    assert "L.tileLayer(" not in html.split("OmsMap.init(")[-1]


# ----- the package's boundaries and speed -------------------------------------------------------


def test_maps_imports_neither_qt_nor_the_database() -> None:
    code = (
        "import sys, maps, maps.page, maps.layers, maps.assets, maps.labels\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'sqlalchemy', 'db', 'console'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_district_sized_page_builds_quickly_and_stays_small() -> None:
    model = district_network(segments=4000, switches=2000, transformers=1500)
    outages = tuple(an_outage(outage_id=i, reference=f"SC-2026-{i:04d}") for i in range(10))
    crews = tuple(a_crew(crew_id=f"C{i}") for i in range(6))
    state = MapState(NetworkSituation({}, {}), outages, crews)

    started = time.perf_counter()
    html = build_map_html(model, state, title="Huyện", demo=True)
    elapsed = time.perf_counter() - started

    # The target is < 1 s (about 0.25 s measured); the margin keeps a busy machine from failing it.
    assert elapsed < 3.0
    assert len(html.encode("utf-8")) < 3_000_000


# ----- language, legend, feeder colours --------------------------------------------------------


def test_the_page_speaks_the_interface_language() -> None:
    model = tiny_network()
    outages = (an_outage(customers_out=12345),)
    state = MapState(situation_for(model, outages), outages, (a_crew(),))

    html = build_map_html(model, state, title="Map", demo=True, language="en")

    data = embedded_data(html)
    assert '<html lang="en">' in html
    assert "DEMO DATA" in html and "DỮ LIỆU DEMO" not in html
    labels = data["labels"]
    assert labels["legend"]["title"] == "Legend"  # type: ignore[index]
    assert labels["layer"]["segments"] == "Lines"  # type: ignore[index]
    shown = data["state"]["outages"][0]  # type: ignore[index]
    assert shown["status_label"] == "Confirmed"
    assert shown["label"] == "SC-2026-0001 · 12,345 cust."
    assert dict(shown["rows"])["Customers out"] == "12,345"
    crew = data["state"]["crews"][0]  # type: ignore[index]
    assert "Trạng thái" not in dict(crew["rows"]) and "Status" in dict(crew["rows"])


def test_an_unknown_map_language_is_refused() -> None:
    with pytest.raises(ValueError, match="vi, en"):
        page_in("fr")


def page_in(language: str) -> str:
    model = tiny_network()
    return build_map_html(model, MapState(situation_for(model, ()), (), ()), title="x",
                          demo=False, language=language)  # fmt: skip


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_legend_has_a_symbol_for_every_outage_marker(language: str) -> None:
    # The page draws predicted and partially restored outages their own way: the legend
    # explains each look, in both languages.
    js = (REPO / "maps" / "static" / "oms_map.js").read_text(encoding="utf-8")
    css = (REPO / "maps" / "static" / "oms_map.css").read_text(encoding="utf-8")
    legend = embedded_data(page_in(language))["labels"]["legend"]  # type: ignore[index]
    for key, css_class in (
        ("outage", "oms-key-outage--fault"),
        ("outage_predicted", "oms-key-outage--predicted"),
        ("outage_partial", "oms-key-outage--partial"),
        ("outage_planned", "oms-key-outage--planned"),
        ("outage_restored", "oms-key-outage--restored"),
    ):
        assert legend[key]  # type: ignore[index]
        assert f"words.{key})" in js and css_class in js
        assert f".{css_class} {{" in css
    assert legend["outage_partial"] != legend["outage_restored"]  # type: ignore[index]


def test_the_feeders_of_one_substation_never_share_a_colour() -> None:
    # Twelve feeders in two substations: by index alone the first and the eleventh, of one
    # substation, were drawn alike.
    import random

    from ops.demo.district import build_network

    model = build_network(random.Random(1)).network
    colours = {f["id"]: f["color"] for f in network_layers(model)["feeders"]}  # type: ignore[union-attr]
    by_substation: dict[str | None, list[str]] = {}
    for f in model.feeders:
        by_substation.setdefault(f.substation_id, []).append(colours[f.feeder_id])
    assert len(model.feeders) > len(FEEDER_PALETTE)
    for substation, shades in by_substation.items():
        assert len(set(shades)) == len(shades), substation
