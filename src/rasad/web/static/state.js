// The page's whole state lives in the URL's query string, so that any view can be shared and reloaded.
//
// Filters (sent to the API): date_from, date_to, type, family, side, kind, source, place, actor, grade,
// status, bbox. View: q (search), tab, sel ("event:ID", "estimate:ID", "doc:ID", "place:ID"),
// hl (document offsets to highlight, "start-end,start-end"), lang, view ("zoom/lat/lon"), tiles (a tile URL template).

export const FILTER_KEYS = ["date_from", "date_to", "type", "family", "side", "kind", "source", "place", "actor",
  "grade", "status", "bbox"];
const VIEW_KEYS = ["q", "tab", "sel", "hl", "lang", "view", "tiles"];
const ALL_KEYS = [...FILTER_KEYS, ...VIEW_KEYS];

// Which filters each API list accepts (the API's contract, docs/api.md).
export const ACCEPTS = {
  events: ["date_from", "date_to", "bbox", "place", "actor", "side", "type", "family", "source", "status"],
  map: ["date_from", "date_to", "bbox", "place", "actor", "side", "type", "family", "source", "status"],
  claims: ["date_from", "date_to", "bbox", "place", "actor", "side", "kind", "source", "grade", "status"],
  estimates: ["date_from", "date_to", "bbox", "place", "side", "kind", "source", "status"],
  contradictions: ["date_from", "date_to", "bbox", "place", "side", "kind", "source"],
  documents: ["date_from", "date_to", "source", "q"],
  series: ["kind", "side", "place"],
  control: ["date_from", "date_to", "bbox", "place", "actor", "side"],
  places: ["bbox"],
};

// Export file → the list whose filters it takes.
export const EXPORTS = {
  "acled.csv": "events", "ucdp.csv": "events", "events.geojson": "events",
  "claims.csv": "claims", "estimates.csv": "estimates",
};

export function read(search = window.location.search) {
  const p = new URLSearchParams(search);
  const s = {};
  for (const k of ALL_KEYS) {
    const v = p.get(k);
    if (v !== null && v !== "") s[k] = v;
  }
  return s;
}

export function toQuery(state) {
  const p = new URLSearchParams();
  for (const k of ALL_KEYS) if (state[k] !== undefined && state[k] !== null && state[k] !== "") p.set(k, state[k]);
  const q = p.toString();
  return q ? `?${q}` : "";
}

// Write the state to the address bar: push a history entry for a new view, replace it for small moves.
export function write(state, { push = false } = {}) {
  const url = `${window.location.pathname}${toQuery(state)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// The filters of `state` that the list `what` accepts, as URLSearchParams (optionally without some keys).
export function params(state, what, { omit = [], extra = {} } = {}) {
  const p = new URLSearchParams();
  for (const k of ACCEPTS[what] || FILTER_KEYS) {
    if (omit.includes(k)) continue;
    if (k === "q" ? state.q : state[k]) p.set(k, state[k]);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  return p;
}

export function exportUrl(state, fmt) {
  const q = params(state, EXPORTS[fmt]).toString();
  return `/api/export/${fmt}${q ? `?${q}` : ""}`;
}

export function parseSel(sel) {
  if (!sel) return null;
  const i = sel.indexOf(":");
  if (i < 0) return null;
  return { kind: sel.slice(0, i), id: sel.slice(i + 1) };
}

export function parseHl(hl) {
  const out = [];
  for (const part of (hl || "").split(",")) {
    const m = /^(\d+)-(\d+)$/.exec(part.trim());
    if (m && +m[2] > +m[1]) out.push([+m[1], +m[2]]);
  }
  return out;
}
