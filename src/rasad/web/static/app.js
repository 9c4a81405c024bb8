// rasad's web page: wires the URL state, the filters, the map, the timeline and the side panel together.
// No build step: plain ES modules served as they are; Leaflet and markercluster are vendored classic scripts.

import * as state from "./state.js";
import { get } from "./api.js";
import { t, term, num, setLang, lang, dir, applyStatic } from "./i18n.js";
import { h, clear } from "./dom.js";
import { FAMILIES, SIDES, KINDS, typeColor, sideColor } from "./colors.js";
import { MapView } from "./map.js";
import { Timeline } from "./timeline.js";
import { renderList, renderEvent, renderEstimate, renderDocument, renderPlace, showError } from "./views.js";

const TABS = ["events", "estimates", "contradictions", "documents", "search"];
const MAP_LIMIT = 5000;

const app = {
  state: state.read(),
  stats: null,
  actors: new Map(),
  hiddenSpans: [],
  aborts: {},
  firstMapLoad: true,
};

// ------------------------------------------------------------------------------------------------ state

// Change the state (null removes a key), write it to the URL, and redraw what depends on what changed.
function go(patch, { push = false } = {}) {
  const before = { ...app.state };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === "") delete app.state[k];
    else app.state[k] = String(v);
  }
  state.write(app.state, { push });
  update(before, app.state);
}

function changed(a, b, keys) {
  return keys.some((k) => (a[k] || "") !== (b[k] || ""));
}

function update(before, now) {
  if (changed(before, now, ["lang"])) { applyLang(); refreshAll(); return; }
  if (changed(before, now, ["tiles"])) app.map.setTiles(now.tiles);
  const filters = changed(before, now, state.FILTER_KEYS);
  if (filters) {
    syncFilterInputs();
    refreshMap();
    refreshTimeline();
  }
  if (filters || changed(before, now, ["tab", "sel", "hl", "q"])) refreshPanel();
  updateDownloads();
  updateTabs();
}

function refreshAll() {
  syncFilterInputs();
  updateDownloads();
  updateTabs();
  refreshMap();
  refreshTimeline();
  refreshPanel();
  renderStats();
}

// One request of each kind at a time: a newer one aborts the older.
function signalFor(name) {
  if (app.aborts[name]) app.aborts[name].abort();
  app.aborts[name] = new AbortController();
  return app.aborts[name].signal;
}

function ignoreAbort(err) {
  if (err && err.name === "AbortError") return true;
  return false;
}

// ------------------------------------------------------------------------------------------------ language

function applyLang() {
  const l = setLang(app.state.lang || "ar");
  document.documentElement.lang = l;
  document.documentElement.dir = dir(l);
  document.title = t("app.name");
  applyStatic(document);
  document.getElementById("lang-toggle").textContent = t("lang.toggle");
  document.getElementById("lang-toggle").setAttribute("lang", l === "ar" ? "en" : "ar");
  buildSelects();
  if (app.map) app.map.relabel();
}

// ------------------------------------------------------------------------------------------------ filters

function option(value, label, selected) {
  const o = h("option", { value }, label);
  if (selected) o.selected = true;
  return o;
}

function buildSelects() {
  const f = document.getElementById("filters");
  const s = app.state;
  // Event type: families, each followed by its sub-event types (the value says which parameter it sets).
  const typeSel = clear(f.elements.type);
  typeSel.append(option("", t("filter.any"), !s.type && !s.family));
  for (const [fam, types] of Object.entries(FAMILIES)) {
    const g = h("optgroup", { label: term("family", fam) });
    g.append(option(`family:${fam}`, `${term("family", fam)} — ${t("filter.any")}`, s.family === fam && !s.type));
    for (const tp of types) g.append(option(`type:${tp}`, term("type", tp), s.type === tp));
    typeSel.append(g);
  }
  const sideSel = clear(f.elements.side);
  sideSel.append(option("", t("filter.any"), !s.side));
  for (const sd of SIDES) sideSel.append(option(sd, term("side", sd), s.side === sd));
  const kindSel = clear(f.elements.kind);
  kindSel.append(option("", t("filter.any"), !s.kind));
  for (const k of KINDS) kindSel.append(option(k, term("kind", k), s.kind === k));
}

function syncFilterInputs() {
  const f = document.getElementById("filters");
  const s = app.state;
  f.elements.date_from.value = s.date_from || "";
  f.elements.date_to.value = s.date_to || "";
  f.elements.type.value = s.type ? `type:${s.type}` : s.family ? `family:${s.family}` : "";
  f.elements.side.value = s.side || "";
  f.elements.kind.value = s.kind || "";
  f.elements.place.value = s.place || "";
  f.elements.source.value = s.source || "";
  f.elements.in_view.checked = !!s.bbox;
  document.getElementById("search-input").value = s.q || "";
}

function wireFilters() {
  const f = document.getElementById("filters");
  f.addEventListener("submit", (ev) => ev.preventDefault());
  const onChange = (name, value) => {
    if (name === "type") {
      const [which, v] = value ? [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)] : [null, null];
      go({ type: which === "type" ? v : null, family: which === "family" ? v : null }, { push: true });
    } else if (name === "in_view") {
      go({ bbox: value ? app.map.bbox() : null }, { push: true });
    } else {
      go({ [name]: value }, { push: true });
    }
  };
  for (const el of f.elements) {
    if (!el.name) continue;
    const ev = el.type === "text" ? "change" : "input";
    el.addEventListener(ev, () => onChange(el.name, el.type === "checkbox" ? el.checked : el.value.trim()));
  }
  document.getElementById("filters-clear").addEventListener("click", () => {
    const patch = {};
    for (const k of state.FILTER_KEYS) patch[k] = null;
    go(patch, { push: true });
  });
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    go({ q, tab: "search", sel: null, hl: null }, { push: true });
  });
  document.getElementById("lang-toggle").addEventListener("click", () => {
    go({ lang: lang() === "ar" ? "en" : null });
  });
  document.getElementById("timeline-clear").addEventListener("click", () => go({ date_from: null, date_to: null }, { push: true }));
  for (const b of document.querySelectorAll("#tabs [data-tab]")) {
    b.addEventListener("click", () => go({ tab: b.dataset.tab === "events" ? null : b.dataset.tab, sel: null, hl: null }, { push: true }));
  }
  window.addEventListener("popstate", () => {
    const before = app.state;
    app.state = state.read();
    update(before, app.state);
  });
}

function updateDownloads() {
  for (const a of document.querySelectorAll("[data-export]")) a.setAttribute("href", state.exportUrl(app.state, a.dataset.export));
}

function currentTab() {
  return TABS.includes(app.state.tab) ? app.state.tab : "events";
}

function updateTabs() {
  const tab = currentTab();
  for (const b of document.querySelectorAll("#tabs [data-tab]")) {
    b.setAttribute("aria-selected", String(b.dataset.tab === tab && !app.state.sel));
    b.classList.toggle("active", b.dataset.tab === tab);
  }
}

// ------------------------------------------------------------------------------------------------ data

async function renderStats() {
  const el = document.getElementById("stats");
  try {
    app.stats = app.stats || await get("/api/stats", null, { cached: true });
    const s = app.stats;
    el.textContent = t("stats.line", { documents: num(s.documents), events: num(s.events), claims: num(s.claims),
      contradictions: num(s.contradictions) });
  } catch (err) {
    el.textContent = t("error", { message: err.message });
  }
}

async function loadActors() {
  try {
    const r = await get("/api/actors", { limit: 1000 }, { cached: true });
    for (const a of r.items || r || []) app.actors.set(a.id, a);
  } catch (err) { /* names fall back to ids */ }
}

async function refreshMap() {
  const signal = signalFor("map");
  const s = app.state;
  const status = document.getElementById("map-status");
  status.textContent = t("loading");
  try {
    const [fc, places, control] = await Promise.all([
      get("/api/map/events", state.params(s, "map", { extra: { limit: MAP_LIMIT } }), { signal }),
      get("/api/places", state.params(s, "places", { extra: { limit: 1000 } }), { signal }).catch(() => ({ items: [] })),
      get("/api/control", state.params(s, "control", { extra: { limit: 1000 } }), { signal }).catch(() => ({ items: [] })),
    ]);
    const features = fc.features || [];
    const shown = app.map.showEvents(features, fc.total ?? features.length);
    app.map.showPlaces(places.items || []);
    app.map.showControl(control.items || []);
    status.dataset.shown = String(shown);
    status.dataset.total = String(fc.total ?? features.length);
    status.textContent = t("map.count", { shown: num(shown), total: num(fc.total ?? features.length) });
    if (app.firstMapLoad) {
      app.firstMapLoad = false;
      if (!s.view || !app.map.setView(s.view)) app.map.fitEvents();
    }
    renderLegend(features);
    const sel = state.parseSel(s.sel);
    if (sel && sel.kind === "event") app.map.focusEvent(sel.id);
    document.body.dataset.mapReady = "1";
  } catch (err) {
    if (ignoreAbort(err)) return;
    status.textContent = t("error", { message: err.message });
  }
}

function renderLegend(features) {
  const el = clear(document.getElementById("legend"));
  const types = new Map();
  for (const f of features) {
    const p = f.properties || {};
    types.set(p.type, (types.get(p.type) || 0) + 1);
  }
  const fams = {};
  for (const f of features) fams[f.properties.type] = f.properties.family;
  const swatch = (color) => {
    const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    s.setAttribute("width", "12"); s.setAttribute("height", "12"); s.setAttribute("viewBox", "0 0 12 12");
    const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    c.setAttribute("cx", "6"); c.setAttribute("cy", "6"); c.setAttribute("r", "5"); c.setAttribute("fill", color);
    s.append(c);
    return s;
  };
  el.append(h("ul", null, [...types.entries()].sort((a, b) => b[1] - a[1]).map(([tp, n]) =>
    h("li", { dataset: { type: tp } }, swatch(typeColor(tp, fams[tp])), " ", term("type", tp), h("small", null, ` ${num(n)}`)))));
  const ctl = app.map.controlColors || [];
  if (ctl.length) {
    el.append(h("p", { class: "legend-note" }, t("map.legend.control")));
    el.append(h("ul", { class: "legend-sides" }, ctl.map(([sd, c]) => h("li", null, swatch(c), " ", term("side", sd)))));
  }
  el.append(h("p", { class: "legend-note" }, t("map.legend.size")));
}

async function refreshTimeline() {
  const signal = signalFor("timeline");
  const s = app.state;
  try {
    // The timeline shows the whole period (the selection is drawn over it), so no dates are sent.
    // Counted per day on the server, so a store of any size is drawn whole (not only the map's first features).
    const [daily, series] = await Promise.all([
      get("/api/events/daily", state.params(s, "map", { omit: ["date_from", "date_to", "bbox"] }), { signal }),
      get("/api/series", state.params(s, "series", { extra: { kind: s.kind || "killed" } }), { signal }),
    ]);
    const stats = app.stats || await get("/api/stats", null, { cached: true });
    app.timeline.render({
      events: (daily.days || []).map((d) => ({ date_start: d.date, family: d.family, n: d.n })),
      series: series.sources || [],
      domain: [stats.date_min, stats.date_max],
      selection: [s.date_from || null, s.date_to || null],
      kind: s.kind || "killed",
      side: s.side || null,
    });
  } catch (err) {
    if (ignoreAbort(err)) return;
    clear(document.getElementById("timeline")).append(h("p", { class: "error" }, t("error", { message: err.message })));
  }
}

async function refreshPanel() {
  const signal = signalFor("panel");
  const panel = document.getElementById("panel");
  const ctx = {
    state: app.state, go, actors: app.actors,
    get hiddenSpans() { return app.hiddenSpans; },
    set hiddenSpans(v) { app.hiddenSpans = v; },
    onDetail: (kind, obj) => {
      if (kind === "event") app.map.focusEvent(obj.id);
      else app.map.clearFocus();
    },
  };
  const sel = state.parseSel(app.state.sel);
  try {
    if (!sel) { app.map.clearFocus(); await renderList(ctx, panel, currentTab(), signal); }
    else if (sel.kind === "event") await renderEvent(ctx, panel, sel.id, signal);
    else if (sel.kind === "estimate") await renderEstimate(ctx, panel, sel.id, signal);
    else if (sel.kind === "doc") await renderDocument(ctx, panel, sel.id, app.state.hl, signal);
    else if (sel.kind === "place") await renderPlace(ctx, panel, sel.id, signal);
    else await renderList(ctx, panel, currentTab(), signal);
    panel.dataset.ready = app.state.sel || currentTab();
  } catch (err) {
    if (ignoreAbort(err)) return;
    showError(panel, err);
    panel.dataset.ready = "error";
  }
}

// ------------------------------------------------------------------------------------------------ start

async function main() {
  applyLang();
  app.map = new MapView(document.getElementById("map"), {
    onSelect: (kind, id) => go({ sel: `${kind}:${id}`, hl: null }, { push: true }),
    onMove: (view, bbox) => {
      const patch = { view };
      if (app.state.bbox) patch.bbox = bbox;
      if (app.firstMapLoad) return;
      go(patch);
    },
  });
  app.map.setTiles(app.state.tiles);
  app.map.relabel();
  app.map.loadBase("/static/data/basemap.json");
  app.timeline = new Timeline(document.getElementById("timeline"), {
    onBrush: (from, to) => go({ date_from: from, date_to: to }, { push: true }),
  });
  wireFilters();
  await Promise.all([loadActors(), renderStats()]);
  refreshAll();
}

main();
