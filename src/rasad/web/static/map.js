// The map: Leaflet (vendored, global L) with a plain base drawn from bundled country outlines, optional
// tiles, events (coloured by type, sized by fatalities, clustered when dense), places the articles name,
// and who holds each place according to the latest control statement in the selected period.
//
// Every label and tooltip is a DOM node built with textContent: Leaflet sets string content as HTML.

import { h } from "./dom.js";
import { t, term, num, dateRange, lang } from "./i18n.js";
import { typeColor, radius, sideColor } from "./colors.js";

const L = window.L;
// Syria and Iraq.
const HOME = [[29.0, 35.5], [37.5, 48.8]];

export class MapView {
  constructor(el, { onSelect, onMove }) {
    this.onSelect = onSelect;
    this.onMove = onMove;
    this.map = L.map(el, {
      zoomControl: true,
      attributionControl: false,
      worldCopyJump: false,
      minZoom: 3,
      maxZoom: 17,
      zoomSnap: 0.5,
    });
    this.map.fitBounds(HOME);
    this.basePane = this.map.createPane("base");
    this.basePane.style.zIndex = 150;
    // Places and control squares lie under the events (overlayPane, 400) so that events stay clickable.
    this.map.createPane("places").style.zIndex = 380;
    this.map.createPane("control").style.zIndex = 390;
    this.graticule = this._graticule().addTo(this.map);
    this.borders = L.layerGroup().addTo(this.map);
    this.tiles = null;
    this.places = L.layerGroup();
    this.control = L.layerGroup();
    this.events = L.markerClusterGroup({
      maxClusterRadius: 45,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      chunkedLoading: true,
      iconCreateFunction: (cluster) => this._clusterIcon(cluster),
    });
    this.events.addTo(this.map);
    this.places.addTo(this.map);
    this.control.addTo(this.map);
    this.layers = null;
    this._attribution();
    this.map.on("moveend", () => this.onMove && this.onMove(this.view(), this.bbox()));
    this.shown = 0;
    this.total = 0;
  }

  // A plain base: a graticule every 2° and the bundled country outlines.
  _graticule() {
    const lines = [];
    for (let lon = 20; lon <= 64; lon += 2) lines.push([[10, lon], [46, lon]]);
    for (let lat = 10; lat <= 46; lat += 2) lines.push([[lat, 20], [lat, 64]]);
    return L.polyline(lines, { pane: "base", className: "graticule", interactive: false, weight: 0.6 });
  }

  async loadBase(url) {
    const r = await fetch(url);
    if (!r.ok) return;
    const data = await r.json();
    this.baseData = data;
    this._drawBase();
  }

  _drawBase() {
    if (!this.baseData) return;
    this.borders.clearLayers();
    const layer = L.geoJSON(this.baseData, {
      pane: "base",
      interactive: false,
      style: (f) => ({ className: f.properties.focus ? "country country-focus" : "country", weight: f.properties.focus ? 1.4 : 0.8 }),
    });
    this.borders.addLayer(layer);
    for (const f of this.baseData.features) {
      if (!f.properties.focus) continue;
      const c = L.geoJSON(f).getBounds().getCenter();
      const label = h("span", { class: "country-label" }, lang() === "ar" ? f.properties.name_ar : f.properties.name_en);
      this.borders.addLayer(L.marker(c, {
        pane: "base", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "country-label-icon", html: label, iconSize: null }),
      }));
    }
  }

  // Optional raster tiles from a URL template ({z}/{x}/{y}); nothing is fetched without one.
  setTiles(template) {
    if (this.tiles) { this.map.removeLayer(this.tiles); this.tiles = null; }
    if (!template || !/^(https?:\/\/|\/)/.test(template) || !/\{z\}/.test(template)) {
      this.map.getContainer().classList.remove("has-tiles");
      return;
    }
    this.tiles = L.tileLayer(template, { maxZoom: 19, crossOrigin: false }).addTo(this.map);
    this.tiles.bringToBack();
    this.map.getContainer().classList.add("has-tiles");
  }

  _attribution() {
    const Ctl = L.Control.extend({
      onAdd: () => {
        this.attrEl = h("div", { class: "map-attribution leaflet-control" }, t("map.attribution"));
        return this.attrEl;
      },
    });
    new Ctl({ position: "bottomleft" }).addTo(this.map);
  }

  _layersControl() {
    if (this.layers) this.map.removeControl(this.layers);
    const overlays = {};
    overlays[t("map.layer.events")] = this.events;
    overlays[t("map.layer.control")] = this.control;
    overlays[t("map.layer.places")] = this.places;
    if (this.tiles) overlays[t("map.layer.tiles")] = this.tiles;
    // Leaflet puts layer names in with innerHTML: these are our own strings from the i18n table only.
    this.layers = L.control.layers(null, overlays, { collapsed: true, position: "topright" }).addTo(this.map);
  }

  relabel() {
    if (this.attrEl) this.attrEl.textContent = t("map.attribution");
    this._layersControl();
    this._drawBase();
    this.events.refreshClusters();
  }

  _clusterIcon(cluster) {
    const n = cluster.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 38 : 46;
    // Coloured by the family most of its events belong to.
    const fams = new Map();
    for (const m of cluster.getAllChildMarkers()) {
      const f = m.feature && m.feature.properties.family;
      fams.set(f, (fams.get(f) || 0) + 1);
    }
    const top = [...fams.entries()].sort((a, b) => b[1] - a[1])[0];
    const fam = top && top[0] ? String(top[0]).toLowerCase().replace(/[^a-z]+/g, "-") : "none";
    const el = h("div", { class: `cluster-inner fam-${fam}`, title: t("map.cluster", { n: num(n) }) },
      h("span", { class: "cluster-count", dataset: { count: n } }, String(n)));
    return L.divIcon({ html: el, className: `marker-cluster ev-cluster ${n < 10 ? "small" : n < 100 ? "medium" : "large"}`,
      iconSize: L.point(size, size) });
  }

  // features: GeoJSON features from /api/map/events.
  showEvents(features, total) {
    this.events.clearLayers();
    const markers = [];
    for (const f of features) {
      if (!f.geometry || !f.geometry.coordinates) continue;
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties || {};
      const m = L.circleMarker([lat, lon], {
        radius: radius(p.fatalities_best),
        color: "#222",
        weight: 1,
        fillColor: typeColor(p.type, p.family),
        fillOpacity: 0.85,
        className: `ev-marker${p.status === "denied" ? " ev-denied" : ""}`,
      });
      m.feature = f;
      m.bindTooltip(() => this._eventTip(p), { direction: "top", sticky: false });
      m.on("add", () => {
        const el = m.getElement();
        if (el) { el.dataset.id = p.id || f.id; el.dataset.type = p.type || ""; }
      });
      m.on("click", () => this.onSelect && this.onSelect("event", p.id || f.id));
      markers.push(m);
    }
    this.events.addLayers(markers);
    this.shown = markers.length;
    this.total = total ?? markers.length;
    this.eventBounds = markers.length ? L.featureGroup(markers).getBounds() : null;
    return markers.length;
  }

  _eventTip(p) {
    return h("div", { class: "tip", dir: lang() === "ar" ? "rtl" : "ltr" },
      h("strong", null, term("type", p.type)),
      h("div", null, p.place || t("unknown")),
      h("div", null, dateRange(p.date_start, p.date_end)),
      p.fatalities_best !== null && p.fatalities_best !== undefined
        ? h("div", null, `${t("event.fatalities")}: ${num(p.fatalities_best)}`) : null);
  }

  // places: rows of /api/places (the places the store mentions).
  showPlaces(places) {
    this.places.clearLayers();
    for (const p of places) {
      if (p.lat === null || p.lon === null || p.lat === undefined) continue;
      const m = L.circleMarker([p.lat, p.lon], {
        radius: 2.5, weight: 0, fillColor: "#34495e", fillOpacity: 0.55, className: "place-marker", pane: "places",
      });
      m.bindTooltip(() => h("div", { class: "tip" }, h("strong", null, p.name), p.name_en ? h("div", { dir: "ltr" }, p.name_en) : null));
      m.on("click", () => this.onSelect && this.onSelect("place", p.id));
      m.on("add", () => { const el = m.getElement(); if (el) el.dataset.id = p.id; });
      this.places.addLayer(m);
    }
  }

  // control: rows of /api/control; one square per place, coloured by the side of its latest statement.
  showControl(rows) {
    this.control.clearLayers();
    const latest = new Map();
    for (const r of rows) {
      if (r.lat === null || r.lon === null || r.lat === undefined) continue;
      if (r.status === "denied") continue;
      const key = r.place_id || `${r.place}@${r.lat},${r.lon}`;
      const prev = latest.get(key);
      if (!prev || (r.date || "") >= (prev.date || "")) latest.set(key, r);
    }
    for (const r of latest.values()) {
      const icon = L.divIcon({
        className: `ctl-marker ctl-side-${/^[a-z_]+$/.test(r.side) ? r.side : "unknown"}`,
        html: h("span", { class: "ctl-square" }),
        iconSize: L.point(18, 18),
      });
      const m = L.marker([r.lat, r.lon], { icon, pane: "control", keyboard: true });
      m.bindTooltip(() => h("div", { class: "tip" },
        h("strong", null, r.place),
        h("div", null, `${term("side", r.side)} · ${term("status", r.change || r.status)}`),
        h("div", null, dateRange(r.date, null))));
      m.on("click", () => r.place_id && this.onSelect && this.onSelect("place", r.place_id));
      m.on("add", () => { const el = m.getElement(); if (el) { el.dataset.id = r.place_id || ""; el.dataset.side = r.side; } });
      this.control.addLayer(m);
    }
    this.controlColors = [...new Set([...latest.values()].map((r) => r.side))].map((s) => [s, sideColor(s)]);
  }

  fitEvents() {
    if (this.eventBounds && this.eventBounds.isValid()) this.map.fitBounds(this.eventBounds.pad(0.15), { maxZoom: 9 });
    else this.map.fitBounds(HOME);
  }

  // Focus one event: mark it, or the cluster that holds it at this zoom, and bring it into view.
  focusEvent(id) {
    this.clearFocus();
    let found = null;
    this.events.eachLayer((m) => { if (m.feature && (m.feature.properties.id === id || m.feature.id === id)) found = m; });
    if (!found) return false;
    const shown = this.events.getVisibleParent(found) || found;
    const el = shown === found ? found.getElement() : shown._icon;
    if (el) el.classList.add("ev-selected");
    if (!this.map.getBounds().contains(found.getLatLng())) this.map.panTo(found.getLatLng());
    return true;
  }

  clearFocus() {
    for (const el of this.map.getContainer().querySelectorAll(".ev-selected")) el.classList.remove("ev-selected");
  }

  view() {
    const c = this.map.getCenter();
    return `${Math.round(this.map.getZoom() * 2) / 2}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`;
  }

  setView(v) {
    const m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(v || "");
    if (!m) return false;
    this.map.setView([+m[2], +m[3]], +m[1], { animate: false });
    return true;
  }

  // west,south,east,north of the visible area.
  bbox() {
    const b = this.map.getBounds();
    const r = (x) => x.toFixed(4);
    return `${r(b.getWest())},${r(b.getSouth())},${r(b.getEast())},${r(b.getNorth())}`;
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
