/* The outage map's behaviour: draws the network from the JSON embedded in the page, restyles it
 * as the situation changes, highlights one outage, and reports clicks to the host application's
 * bridge (`window.omsBridge`) when there is one. Works as well from a file in a browser.
 *
 * Text from the database (names, causes, references) reaches the page only through esc() or
 * textContent, never as markup.
 */
(function () {
  "use strict";

  // A fault is black long dashes, planned work purple dots: told apart by pattern as well as
  // by colour. Energised lines are drawn solid in their feeder's colour.
  var LINE = {
    energised: { weight: 2.5, opacity: 0.9, dashArray: null, lineCap: "round" },
    dark: { color: "#1A1A1A", weight: 4.5, opacity: 1, dashArray: "9 5", lineCap: "butt" },
    planned: { color: "#7B3294", weight: 4.5, opacity: 1, dashArray: "1 8", lineCap: "round" },
  };
  var HALO = { color: "#FFD60A", weight: 14, opacity: 0.8, lineCap: "round", interactive: false };
  var NO_FEEDER_COLOR = "#6E6E6E";
  var TOOLTIP = { className: "oms-tooltip", opacity: 1 }; // Leaflet's 0.9 lets dashes show through
  // Closed devices appear from `zoom` on (a district-wide view shows only the breakers);
  // open devices and ties show at every zoom: an open point is what a dispatcher looks for.
  var DEVICE = {
    breaker: { radius: 6, color: "#111111", zoom: 0 },
    recloser: { radius: 5, color: "#0B3D91", zoom: 13 },
    sectionalizer: { radius: 4, color: "#3D5A80", zoom: 14 },
    load_break_switch: { radius: 4, color: "#3A3A3A", zoom: 14 },
    disconnector: { radius: 3.5, color: "#5A5A5A", zoom: 15 },
    fuse: { radius: 3, color: "#8C510A", zoom: 15 },
  };
  var TRANSFORMER_ZOOM = 15; // energised transformers appear from this zoom on
  var GRID_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
  var TRUCK_SVG =
    '<svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true">' +
    '<path fill="#fff" d="M2 6h12v9H2zM15 9h4l3 3.5V15h-7z"/>' +
    '<circle cx="6.5" cy="16.5" r="2.2" fill="#fff"/><circle cx="17.5" cy="16.5" r="2.2" fill="#fff"/>' +
    "</svg>";

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  /** Text as inert HTML: every string from the data goes through here or textContent. */
  function esc(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return text.replace(/[&<>"']/g, function (c) {
      return ESCAPES[c];
    });
  }

  function countText(n) {
    return String(Math.round(Number(n) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function tooltipHtml(title, rows) {
    var html = '<div class="oms-tip"><div class="oms-tip__title">' + esc(title) + "</div><table>";
    rows.forEach(function (row) {
      html += "<tr><th>" + esc(row[0]) + "</th><td>" + esc(row[1]) + "</td></tr>";
    });
    return html + "</table></div>";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function latLng(coords) {
    return [coords[1], coords[0]];
  }

  var S = null; // what init drew; null until then

  var OmsMap = (window.OmsMap = { ready: false });

  // ----- drawing the network --------------------------------------------------------------

  function feederColor(index) {
    var f = S.feeders[index];
    return f ? f.color : NO_FEEDER_COLOR;
  }

  function feederName(index) {
    var f = S.feeders[index];
    return f ? f.name : S.labels.none;
  }

  function segmentStyle(index, state) {
    if (state === "dark") return LINE.dark;
    if (state === "planned") return LINE.planned;
    return Object.assign({ color: feederColor(index) }, LINE.energised);
  }

  function transformerStyle(index, state) {
    if (state === "dark") {
      return { radius: 4, color: "#FFFFFF", weight: 1, fillColor: "#1A1A1A", fillOpacity: 1 };
    }
    if (state === "planned") {
      return { radius: 4, color: "#FFFFFF", weight: 1, fillColor: "#7B3294", fillOpacity: 1 };
    }
    return { radius: 2.5, color: feederColor(index), weight: 1.5, fillColor: "#FFFFFF", fillOpacity: 1 };
  }

  function deviceStyle(p) {
    var d = DEVICE[p.kind] || DEVICE.disconnector;
    // Closed devices are filled, open ones hollow.
    return {
      radius: d.radius,
      color: p.open ? d.color : "#FFFFFF",
      weight: p.open ? 2 : 1,
      fillColor: p.open ? "#FFFFFF" : d.color,
      fillOpacity: 1,
    };
  }

  function addPane(name, zIndex, passive) {
    var pane = S.map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (passive) pane.style.pointerEvents = "none";
    return pane;
  }

  /** A layer shown in the control, made of groups that appear from their own zoom on. */
  function zoomedOverlay(tip) {
    var always = L.featureGroup().bindTooltip(tip, TOOLTIP);
    var overlay = L.layerGroup([always]);
    var groups = {};
    return {
      overlay: overlay,
      always: always,
      from: function (minZoom) {
        if (!minZoom) return always;
        if (!groups[minZoom]) {
          groups[minZoom] = L.featureGroup().bindTooltip(tip, TOOLTIP);
          S.zoomed.push({ overlay: overlay, zoomed: groups[minZoom], minZoom: minZoom });
        }
        return groups[minZoom];
      },
    };
  }

  function updateZoomed() {
    var zoom = S.map.getZoom();
    S.zoomed.forEach(function (z) {
      var wanted = zoom >= z.minZoom;
      if (wanted && !z.overlay.hasLayer(z.zoomed)) z.overlay.addLayer(z.zoomed);
      if (!wanted && z.overlay.hasLayer(z.zoomed)) z.overlay.removeLayer(z.zoomed);
    });
  }

  function drawSegments(collection) {
    var group = L.featureGroup();
    collection.features.forEach(function (f) {
      var p = f.properties;
      var line = L.polyline(f.geometry.coordinates.map(latLng), segmentStyle(p.feeder, null));
      line.omsProps = p;
      S.segments[p.id] = line;
      group.addLayer(line);
    });
    group.bindTooltip(
      function (layer) {
        var p = layer.omsProps;
        var state = S.segmentState[p.id] || "energised";
        return tooltipHtml(p.name || p.id, [
          [S.labels.field.feeder, feederName(p.feeder)],
          [S.labels.field.state, S.labels.supply_state[state]],
        ]);
      },
      Object.assign({ sticky: true }, TOOLTIP)
    );
    return group;
  }

  function drawTransformers(collection) {
    var layer = zoomedOverlay(function (marker) {
      var p = marker.omsProps;
      var state = S.transformerState[p.id] || "energised";
      return tooltipHtml(p.name || p.id, [
        [S.labels.field.kva, countText(p.kva) + " kVA"],
        [S.labels.field.customers, countText(p.customers)],
        [S.labels.field.feeder, feederName(p.feeder)],
        [S.labels.field.state, S.labels.supply_state[state]],
      ]);
    });
    S.transformerGroups = { always: layer.always, zoomed: layer.from(TRANSFORMER_ZOOM) };
    collection.features.forEach(function (f) {
      var p = f.properties;
      var marker = L.circleMarker(latLng(f.geometry.coordinates), transformerStyle(p.feeder, null));
      marker.omsProps = p;
      S.transformers[p.id] = marker;
      S.transformerGroups.zoomed.addLayer(marker);
    });
    return layer.overlay;
  }

  function tieIcon(p) {
    var box = el("div", "oms-tie" + (p.open ? " oms-tie--open" : " oms-tie--closed"));
    return L.divIcon({ html: box, className: "oms-tie-icon", iconSize: [12, 12], iconAnchor: [6, 6] });
  }

  function drawSwitches(collection) {
    var layer = zoomedOverlay(function (marker) {
      var p = marker.omsProps;
      var words = S.labels;
      var kind = words.device_kind[p.kind] || p.kind;
      return tooltipHtml(p.name || p.id, [
        [words.field.kind, p.tie ? kind + " · " + words.switch_position.tie : kind],
        [words.field.position, words.switch_position[p.open ? "open" : "closed"]],
        [words.field.feeder, feederName(p.feeder)],
      ]);
    });
    collection.features.forEach(function (f) {
      var p = f.properties;
      var at = latLng(f.geometry.coordinates);
      var marker;
      if (p.tie) {
        // Normally-open points between feeders: a diamond, hollow while open.
        marker = L.marker(at, { icon: tieIcon(p), pane: "omsTies", keyboard: false });
        layer.always.addLayer(marker);
      } else {
        marker = L.circleMarker(at, deviceStyle(p));
        layer.from(p.open ? 0 : (DEVICE[p.kind] || DEVICE.disconnector).zoom).addLayer(marker);
      }
      marker.omsProps = p;
      S.switches[p.id] = marker;
    });
    return layer.overlay;
  }

  function drawSubstations(collection) {
    var group = L.featureGroup();
    collection.features.forEach(function (f) {
      var p = f.properties;
      var root = el("div", "oms-substation");
      root.appendChild(el("div", "oms-substation__box"));
      root.appendChild(el("div", "oms-map-label oms-map-label--strong", p.name));
      var icon = L.divIcon({ html: root, className: "oms-substation-icon", iconSize: [16, 16], iconAnchor: [8, 8] });
      var marker = L.marker(latLng(f.geometry.coordinates), { icon: icon, pane: "omsSubstations", keyboard: false });
      marker.bindTooltip(tooltipHtml(p.name, [[S.labels.field.voltage, p.voltage]]), TOOLTIP);
      group.addLayer(marker);
    });
    return group;
  }

  // ----- background: the service area and a graticule, so the map is not a void ------------

  function drawBackground(bounds) {
    if (bounds && bounds.isValid()) {
      L.rectangle(bounds.pad(0.08), {
        pane: "omsGrid",
        interactive: false,
        color: "#C8C2B0",
        weight: 1,
        fillColor: "#FBFAF6",
        fillOpacity: 1,
      }).addTo(S.map);
    }
    S.grid = L.layerGroup().addTo(S.map);
    S.map.on("moveend", updateGrid);
  }

  function updateGrid() {
    var b = S.map.getBounds();
    var span = Math.max(b.getEast() - b.getWest(), b.getNorth() - b.getSouth());
    var step = GRID_STEPS[GRID_STEPS.length - 1];
    for (var i = 0; i < GRID_STEPS.length; i++) {
      if (span / GRID_STEPS[i] <= 14) {
        step = GRID_STEPS[i];
        break;
      }
    }
    var west = Math.floor(b.getWest() / step - 1) * step;
    var east = b.getEast() + step;
    var south = Math.floor(b.getSouth() / step - 1) * step;
    var north = b.getNorth() + step;
    var style = { pane: "omsGrid", interactive: false, color: "#DCD7C9", weight: 1, opacity: 1 };
    S.grid.clearLayers();
    for (var x = west; x <= east; x += step) S.grid.addLayer(L.polyline([[south, x], [north, x]], style));
    for (var y = south; y <= north; y += step) S.grid.addLayer(L.polyline([[y, west], [y, east]], style));
  }

  // ----- legend --------------------------------------------------------------------------

  function swatchLine(color, width, dash, cap) {
    return (
      '<svg width="30" height="12" aria-hidden="true"><line x1="2" y1="6" x2="28" y2="6" stroke="' +
      color + '" stroke-width="' + width + '" stroke-linecap="' + (cap || "butt") + '"' +
      (dash ? ' stroke-dasharray="' + dash + '"' : "") + "/></svg>"
    );
  }

  function legendRow(swatchHtml, text) {
    var row = el("div", "oms-legend__row");
    var sw = el("span", "oms-legend__swatch");
    sw.innerHTML = swatchHtml; // our own constant markup, never data
    row.appendChild(sw);
    row.appendChild(el("span", "oms-legend__text", text));
    return row;
  }

  function feederSwatch(colors) {
    var html = '<svg width="30" height="12" aria-hidden="true">';
    colors.forEach(function (c, i) {
      html += '<line x1="' + (2 + i * 9) + '" y1="6" x2="' + (9 + i * 9) + '" y2="6" stroke="' + c +
        '" stroke-width="3" stroke-linecap="round"/>';
    });
    return html + "</svg>";
  }

  function buildLegend() {
    var words = S.labels.legend;
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", "oms-legend leaflet-control");
      var head = el("button", "oms-legend__title", words.title);
      head.type = "button";
      var body = el("div", "oms-legend__body");
      head.addEventListener("click", function () {
        box.classList.toggle("oms-legend--collapsed");
      });
      box.appendChild(head);
      box.appendChild(body);
      var palette = S.feeders.slice(0, 3).map(function (f) {
        return f.color;
      });
      body.appendChild(legendRow(feederSwatch(palette.length ? palette : [NO_FEEDER_COLOR]), words.energised));
      body.appendChild(legendRow(swatchLine(LINE.dark.color, 4, LINE.dark.dashArray), words.dark));
      body.appendChild(legendRow(swatchLine(LINE.planned.color, 4, LINE.planned.dashArray, "round"), words.planned));
      body.appendChild(
        legendRow(
          '<svg width="30" height="12" aria-hidden="true"><line x1="3" y1="6" x2="27" y2="6" stroke="' +
            HALO.color + '" stroke-width="10" stroke-linecap="round"/><line x1="3" y1="6" x2="27" y2="6" stroke="' +
            LINE.dark.color + '" stroke-width="3" stroke-dasharray="6 3"/></svg>',
          words.highlight
        )
      );
      body.appendChild(legendRow('<span class="oms-key-dot oms-key-dot--closed"></span>', words.switch_closed));
      body.appendChild(legendRow('<span class="oms-key-dot oms-key-dot--open"></span>', words.switch_open));
      body.appendChild(legendRow('<span class="oms-tie oms-tie--open oms-key-tie"></span>', words.tie));
      body.appendChild(legendRow('<span class="oms-key-dot oms-key-dot--transformer"></span>', words.transformer));
      body.appendChild(legendRow('<span class="oms-substation__box oms-key-substation"></span>', words.substation));
      body.appendChild(legendRow('<span class="oms-key-outage oms-key-outage--fault"></span>', words.outage));
      body.appendChild(legendRow('<span class="oms-key-outage oms-key-outage--predicted"></span>', words.outage_predicted));
      body.appendChild(legendRow('<span class="oms-key-outage oms-key-outage--partial"></span>', words.outage_partial));
      body.appendChild(legendRow('<span class="oms-key-outage oms-key-outage--planned"></span>', words.outage_planned));
      body.appendChild(legendRow('<span class="oms-key-outage oms-key-outage--restored"></span>', words.outage_restored));
      body.appendChild(legendRow('<span class="oms-key-crew">' + TRUCK_SVG + "</span>", words.crew));
      if (S.feeders.length) {
        // The feeder list is long: folded until asked for (line tooltips name feeders too).
        var section = el("button", "oms-legend__section oms-legend__section--folded", words.feeders);
        section.type = "button";
        body.appendChild(section);
        var list = el("div", "oms-legend__feeders");
        list.style.display = "none";
        section.addEventListener("click", function () {
          var folded = list.style.display === "none";
          list.style.display = folded ? "" : "none";
          section.classList.toggle("oms-legend__section--folded", !folded);
        });
        var shown = S.feeders.slice(0, 12);
        shown.forEach(function (f) {
          list.appendChild(legendRow(swatchLine(f.color, 3, null, "round"), f.name));
        });
        if (S.feeders.length > shown.length) {
          list.appendChild(el("div", "oms-legend__more", "+" + (S.feeders.length - shown.length) + " " + words.more_feeders));
        }
        body.appendChild(list);
      }
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(S.map);
  }

  // ----- outages and crews ------------------------------------------------------------------

  function outageSize(o) {
    if (!o.open) return 12;
    return Math.round(16 + 5 * Math.log10(1 + Math.max(0, o.customers_out)));
  }

  function outageClass(o) {
    if (!o.open) return "oms-outage--closed";
    if (o.kind === "planned") return "oms-outage--planned";
    return "oms-outage--" + o.status; // predicted, confirmed, partiallyRestored
  }

  function drawOutage(o) {
    var size = outageSize(o);
    var root = el("div", "oms-outage " + outageClass(o));
    root.style.width = root.style.height = size + "px";
    root.appendChild(el("div", "oms-outage__dot", o.open && o.kind !== "planned" ? "!" : ""));
    if (o.open) root.appendChild(el("div", "oms-map-label oms-outage__label", o.label));
    var icon = L.divIcon({ html: root, className: "oms-outage-icon", iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
    var marker = L.marker([o.lat, o.lon], { icon: icon, keyboard: false, zIndexOffset: o.open ? 500 : 0, riseOnHover: true });
    marker.bindTooltip(tooltipHtml(o.reference, o.rows), Object.assign({ direction: "top", offset: [0, -size / 2] }, TOOLTIP));
    marker.on("click", function () {
      outageClicked(o.id);
    });
    S.outageMarkers[String(o.id)] = { marker: marker, root: root };
    S.outageGroup.addLayer(marker);
  }

  function drawCrew(c) {
    var root = el("div", "oms-crew oms-crew--" + c.status);
    var badge = el("div", "oms-crew__badge");
    badge.innerHTML = TRUCK_SVG; // our own constant markup, never data
    root.appendChild(badge);
    root.appendChild(el("div", "oms-map-label oms-crew__label", c.name));
    var icon = L.divIcon({ html: root, className: "oms-crew-icon", iconSize: [22, 22], iconAnchor: [11, 11] });
    var marker = L.marker([c.lat, c.lon], { icon: icon, keyboard: false, zIndexOffset: 800, riseOnHover: true });
    marker.bindTooltip(tooltipHtml(c.name, c.rows), Object.assign({ direction: "top", offset: [0, -11] }, TOOLTIP));
    marker.on("click", function () {
      crewClicked(c.id);
    });
    S.crewMarkers[String(c.id)] = { marker: marker, root: root, crew: c };
    S.crewGroup.addLayer(marker);
  }

  function outageClicked(id) {
    OmsMap.highlightOutage(id, { pan: false });
    var bridge = window.omsBridge;
    if (bridge && typeof bridge.outageClicked === "function") bridge.outageClicked(String(id));
  }

  function crewClicked(id) {
    var bridge = window.omsBridge;
    if (bridge && typeof bridge.crewClicked === "function") bridge.crewClicked(String(id));
  }

  // ----- the situation ------------------------------------------------------------------------

  function statesFrom(part, known) {
    var states = {};
    ["planned", "dark"].forEach(function (state) {
      (part && part[state] ? part[state] : []).forEach(function (id) {
        if (known[id]) states[id] = state;
      });
    });
    return states;
  }

  function restyleSegments(next) {
    var prev = S.segmentState;
    var id;
    for (id in prev) {
      if (!(id in next)) S.segments[id].setStyle(segmentStyle(S.segments[id].omsProps.feeder, null));
    }
    for (id in next) {
      if (prev[id] !== next[id]) S.segments[id].setStyle(segmentStyle(S.segments[id].omsProps.feeder, next[id]));
    }
    S.segmentState = next;
  }

  function restyleTransformers(next) {
    var prev = S.transformerState;
    var groups = S.transformerGroups;
    function restyle(id, state) {
      var marker = S.transformers[id];
      marker.setStyle(transformerStyle(marker.omsProps.feeder, state));
      // Dark transformers show at every zoom; energised ones only when zoomed in.
      var from = state ? groups.zoomed : groups.always;
      var to = state ? groups.always : groups.zoomed;
      if (from.hasLayer(marker)) {
        from.removeLayer(marker);
        to.addLayer(marker);
      }
    }
    var id;
    for (id in prev) if (!(id in next)) restyle(id, null);
    for (id in next) if (prev[id] !== next[id]) restyle(id, next[id]);
    S.transformerState = next;
  }

  /** Open/closed as the field reports it: ties and devices redraw only when they change. */
  function restyleSwitches(openIds) {
    if (!openIds) return;
    var open = {};
    openIds.forEach(function (id) {
      open[id] = true;
    });
    for (var id in S.switches) {
      var marker = S.switches[id];
      var p = marker.omsProps;
      var isOpen = open[id] === true;
      if (p.open === isOpen) continue;
      p.open = isOpen;
      if (p.tie) marker.setIcon(tieIcon(p));
      else marker.setStyle(deviceStyle(p));
    }
  }

  function count(states, wanted) {
    var n = 0;
    for (var id in states) if (states[id] === wanted) n++;
    return n;
  }

  /** The running situation; a part the payload leaves out (e.g. only "crews" after a crew
   * moved) stays as it is. */
  OmsMap.applyState = function (payload) {
    if (!S) throw new Error("OmsMap.applyState before OmsMap.init");
    if (typeof payload === "string") payload = JSON.parse(payload);
    if (payload.segments) restyleSegments(statesFrom(payload.segments, S.segments));
    if (payload.transformers) restyleTransformers(statesFrom(payload.transformers, S.transformers));
    if (payload.switches) restyleSwitches(payload.switches.open);
    if (payload.outages) applyOutages(payload.outages);
    if (payload.crews) applyCrews(payload.crews);
    return true;
  };

  function applyOutages(outages) {
    var keep = S.highlighted;
    clearHighlight();
    // Markers are redrawn only where something changed: in a storm of thousands of outages
    // an update touches a few of them, and rebuilding every DOM marker costs seconds.
    var oldOutages = S.outageMarkers;
    S.outages = {};
    S.outageMarkers = {};
    outages.forEach(function (o) {
      var key = String(o.id);
      var sig = JSON.stringify(o);
      var old = oldOutages[key];
      S.outages[key] = o;
      if (old && old.sig === sig) {
        S.outageMarkers[key] = old;
        delete oldOutages[key];
        return;
      }
      if (o.lat !== null && o.lat !== undefined && o.lon !== null && o.lon !== undefined) {
        drawOutage(o);
        S.outageMarkers[key].sig = sig;
      }
    });
    Object.keys(oldOutages).forEach(function (key) {
      S.outageGroup.removeLayer(oldOutages[key].marker);
    });
    if (keep !== null && S.outages[String(keep)]) OmsMap.highlightOutage(keep, { pan: false });
  }

  function applyCrews(crews) {
    var oldCrews = S.crewMarkers;
    S.crews = {};
    S.crewMarkers = {};
    crews.forEach(function (c) {
      var key = String(c.id);
      var sig = JSON.stringify(c);
      var old = oldCrews[key];
      S.crews[key] = c;
      if (old && old.sig === sig) {
        S.crewMarkers[key] = old;
        delete oldCrews[key];
        return;
      }
      if (c.lat !== null && c.lat !== undefined && c.lon !== null && c.lon !== undefined) {
        drawCrew(c);
        S.crewMarkers[key].sig = sig;
      }
    });
    Object.keys(oldCrews).forEach(function (key) {
      S.crewGroup.removeLayer(oldCrews[key].marker);
    });
  }

  // ----- highlight ----------------------------------------------------------------------------

  /** The segments an outage darkened: named in the payload, or else the segments of its
   * feeder in the state its kind causes (dark for a fault, planned for planned work). */
  function outageSegments(o) {
    if (Array.isArray(o.segments)) {
      return o.segments.filter(function (id) {
        return S.segments[id];
      });
    }
    if (!o.open || o.feeder_id === null || o.feeder_id === undefined) return [];
    var feeder = S.feederIndex[o.feeder_id];
    var wanted = o.kind === "planned" ? "planned" : "dark";
    return Object.keys(S.segmentState).filter(function (id) {
      return S.segmentState[id] === wanted && S.segments[id].omsProps.feeder === feeder;
    });
  }

  function clearHighlight() {
    S.halo.clearLayers();
    // Only the marker that was raised is put back: touching every marker's z-index in a
    // storm of thousands costs a style recalculation each.
    if (S.highlighted !== null) {
      var key = String(S.highlighted);
      var m = S.outageMarkers[key];
      if (m) {
        m.root.classList.remove("oms-hl");
        m.marker.setZIndexOffset(S.outages[key] && S.outages[key].open ? 500 : 0);
      }
    }
    Object.keys(S.crewMarkers).forEach(function (key) {
      S.crewMarkers[key].root.classList.remove("oms-hl");
    });
    S.highlighted = null;
  }

  function reveal(target, bounds) {
    var map = S.map;
    var view = map.getBounds().pad(-0.08);
    if (target && view.contains(target)) return;
    if (!target && (!bounds.isValid() || view.intersects(bounds))) return;
    if (bounds.isValid()) {
      if (target) bounds.extend(target);
      map.fitBounds(bounds.pad(0.3), { maxZoom: Math.max(map.getZoom(), 15) });
    } else {
      map.setView(target, Math.max(map.getZoom(), 14));
    }
  }

  OmsMap.highlightOutage = function (id, options) {
    if (!S) return false;
    clearHighlight();
    if (id === null || id === undefined) return true;
    var key = String(id);
    var o = S.outages[key];
    if (!o) return false;
    S.highlighted = o.id;
    var bounds = L.latLngBounds([]);
    outageSegments(o).forEach(function (segId) {
      var latlngs = S.segments[segId].getLatLngs();
      S.halo.addLayer(L.polyline(latlngs, Object.assign({ pane: "omsHalo" }, HALO)));
      bounds.extend(latlngs);
    });
    var device = o.device_id ? S.switches[o.device_id] : null;
    if (device) {
      S.halo.addLayer(
        L.circleMarker(device.getLatLng(), {
          pane: "omsHalo",
          interactive: false,
          radius: 12,
          stroke: false,
          fillColor: HALO.color,
          fillOpacity: 0.9,
        })
      );
    }
    var m = S.outageMarkers[key];
    if (m) {
      m.root.classList.add("oms-hl");
      m.marker.setZIndexOffset(2000);
    }
    Object.keys(S.crewMarkers).forEach(function (crewKey) {
      var c = S.crewMarkers[crewKey];
      if ((c.crew.outage_ids || []).indexOf(o.id) >= 0) c.root.classList.add("oms-hl");
    });
    if (!options || options.pan !== false) reveal(m ? m.marker.getLatLng() : null, bounds);
    return true;
  };

  OmsMap.fireOutageClick = function (id) {
    if (!S) return false;
    var key = String(id);
    if (S.outageMarkers[key]) {
      var marker = S.outageMarkers[key].marker;
      marker.fire("click");
      marker.closeTooltip(); // a click opens it; with no pointer there, nothing would close it
      return true;
    }
    if (S.outages[key]) {
      outageClicked(S.outages[key].id);
      return true;
    }
    return false;
  };

  OmsMap.fireCrewClick = function (id) {
    if (!S || !S.crews[String(id)]) return false;
    crewClicked(S.crews[String(id)].id);
    return true;
  };

  /** The whole network in view. */
  OmsMap.fitNetwork = function () {
    if (!S || !S.bounds.isValid()) return;
    S.map.fitBounds(S.bounds, { padding: [24, 24] });
  };

  /** For a picture of the map in a printed report: the zoom buttons and the layer checkboxes
   * are for the screen, so they are hidden while the host grabs the view (on = true), and
   * shown again after (on = false). The legend and the scale stay: a reader needs them. */
  OmsMap.setSnapshot = function (on) {
    document.body.classList.toggle("oms-snapshot", !!on);
    return document.body.classList.contains("oms-snapshot");
  };

  /** A plain summary for tests and the host: read it with JSON.stringify(OmsMap.state()). */
  OmsMap.state = function () {
    if (!S) return { highlighted: null, outages: 0, crews: 0, dark_segments: 0, planned_segments: 0, ready: false };
    return {
      highlighted: S.highlighted,
      outages: Object.keys(S.outages).length,
      crews: Object.keys(S.crews).length,
      dark_segments: count(S.segmentState, "dark"),
      planned_segments: count(S.segmentState, "planned"),
      ready: OmsMap.ready,
    };
  };

  // ----- start ----------------------------------------------------------------------------------

  OmsMap.init = function (map, data) {
    var net = data.network;
    S = {
      map: map,
      labels: data.labels,
      feeders: net.feeders,
      feederIndex: {},
      segments: {},
      segmentState: {},
      transformers: {},
      transformerState: {},
      switches: {},
      outages: {},
      outageMarkers: {},
      crews: {},
      crewMarkers: {},
      highlighted: null,
      zoomed: [],
      bounds: L.latLngBounds(net.bounds || []),
    };
    net.feeders.forEach(function (f, i) {
      S.feederIndex[f.id] = i;
    });
    map.setMinZoom(6);
    map.setMaxZoom(19);
    if (map.attributionControl) map.attributionControl.setPrefix("Leaflet");

    // One canvas (the overlay pane) holds every interactive line and dot: a canvas above
    // another would take the other's mouse events. Backgrounds sit in passive panes below.
    addPane("omsGrid", 250, true);
    addPane("omsHalo", 390, true);
    addPane("omsTies", 450, false);
    addPane("omsSubstations", 460, false);

    drawBackground(S.bounds);
    var words = data.labels.layer;
    var overlays = {};
    overlays[esc(words.substations)] = drawSubstations(net.substations);
    overlays[esc(words.segments)] = drawSegments(net.segments);
    overlays[esc(words.transformers)] = drawTransformers(net.transformers);
    overlays[esc(words.switches)] = drawSwitches(net.switches);
    S.outageGroup = L.featureGroup();
    S.crewGroup = L.featureGroup();
    overlays[esc(words.outages)] = S.outageGroup;
    overlays[esc(words.crews)] = S.crewGroup;
    S.halo = L.layerGroup().addTo(map);
    Object.keys(overlays).forEach(function (name) {
      overlays[name].addTo(map);
    });
    L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(map);
    L.control.scale({ imperial: false, position: "bottomright" }).addTo(map);
    buildLegend();

    // Until the dispatcher moves the map, keep the whole network in view as the window
    // settles (the page often loads before the window reaches its final size).
    S.userMoved = false;
    map.on("dragstart", function () {
      S.userMoved = true;
    });
    map.getContainer().addEventListener("wheel", function () {
      S.userMoved = true;
    });
    map.on("resize", function () {
      if (!S.userMoved) OmsMap.fitNetwork();
    });
    if (S.bounds.isValid()) {
      OmsMap.fitNetwork();
    } else if (data.center) {
      map.setView(data.center, 13);
    } else {
      map.setView([10.78, 106.7], 11);
    }
    map.on("zoomend", updateZoomed);
    updateZoomed();
    updateGrid();
    OmsMap.applyState(data.state);
    OmsMap.ready = true;
  };
})();
