// The side panel: lists (events, estimates, contradictions, articles, search results) and the detail
// views (an event, an estimate with every contributing claim, an article with its evidence highlighted,
// a place with its control statements over time). Every value from the data is set as text.

import { h, svg, clear } from "./dom.js";
import { get, enc } from "./api.js";
import { t, term, num, date as fmtDate, dateRange, lang } from "./i18n.js";
import { params, parseHl } from "./state.js";
import { renderHighlighted, sentence } from "./highlight.js";
import { typeColor, sideColor } from "./colors.js";

const LIST_LIMIT = 200;
const AR = { dir: "rtl", lang: "ar" };  // data text is Arabic whatever the interface language

function dot(color, cls = "dot") {
  return svg("svg", { class: cls, width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": "true" },
    svg("circle", { cx: 6, cy: 6, r: 5, fill: color }));
}

function badge(prefix, value, extra = "") {
  if (!value) return null;
  return h("span", { class: `badge ${prefix}-${String(value).replace(/[^a-z_]/gi, "")} ${extra}` }, term(prefix, value));
}

function field(label, ...value) {
  return h("div", { class: "field" }, h("span", { class: "field-label" }, label), h("span", { class: "field-value" }, ...value));
}

function loading(panel) {
  clear(panel).append(h("p", { class: "muted" }, t("loading")));
}

export function showError(panel, err) {
  clear(panel).append(h("p", { class: "error", role: "alert" }, t("error", { message: err.message || String(err) })));
}

function backButton(ctx) {
  return h("button", { type: "button", class: "back", on: { click: () => ctx.go({ sel: null, hl: null }, { push: true }) } },
    t("back"));
}

function count(claim) {
  // "at least 50", "about 400", "2000–2500", "100 (vague wording)"
  const n = claim.upper ? `${num(claim.count)}–${num(claim.upper)}` : num(claim.count);
  const q = claim.qualifier;
  if (!q || q === "exact") return n;
  if (q === "vague") return `${n} ${t("qualifier.vague")}`;
  return `${term("qualifier", q)} ${n}`;
}

function actorName(ctx, id) {
  if (!id) return null;
  const a = ctx.actors.get(id);
  if (!a) return id;
  return lang() === "en" && a.name_en ? a.name_en : a.name;
}

function listHeader(shown, total) {
  return h("p", { class: "list-count", dataset: { shown, total } }, t("list.count", { shown: num(shown), total: num(total) }));
}

// ------------------------------------------------------------------------------------------------ lists

export async function renderList(ctx, panel, tab, signal) {
  loading(panel);
  const s = ctx.state;
  if (tab === "estimates") {
    const r = await get("/api/estimates", params(s, "estimates", { extra: { limit: LIST_LIMIT } }), { signal });
    return fill(panel, r, (g) => h("li", null, h("button", { type: "button", class: "row", dataset: { id: g.id },
      on: { click: () => ctx.go({ sel: `estimate:${g.id}` }, { push: true }) } },
    h("span", { class: "row-title" }, `${term("kind", g.kind)} · ${term("side", g.side)}`, " ", badge("status", g.status !== "asserted" ? g.status : null)),
    h("span", { class: "row-sub", ...AR }, g.place || t("unknown")),
    h("span", { class: "row-sub" }, dateRange(g.date_start, g.date_end)),
    h("span", { class: "lbh-inline" }, `${num(g.low)} · `, h("strong", null, num(g.best)), ` · ${num(g.high)}`),
    h("span", { class: "row-sub muted" }, t("estimate.sources", { n: num(g.n_sources), c: num(g.n_claims) })))));
  }
  if (tab === "contradictions") {
    const r = await get("/api/contradictions", params(s, "contradictions", { extra: { limit: LIST_LIMIT } }), { signal });
    return fill(panel, r, (c) => h("li", null, h("button", { type: "button", class: "row", dataset: { id: c.id },
      on: { click: () => ctx.go({ sel: `${c.entity === "event" ? "event" : "estimate"}:${c.entity_id}` }, { push: true }) } },
    h("span", { class: "row-title" }, `${t("contradiction.reason")}: ${c.reason}`,
      c.gap !== null && c.gap !== undefined ? ` · ${t("contradiction.gap")} ${num(c.gap)}` : ""),
    h("span", { class: "versus" }, side(c.a), h("span", { class: "vs" }, "⇄"), side(c.b)))));
  }
  if (tab === "documents") {
    const r = await get("/api/documents", params(s, "documents", { extra: { limit: LIST_LIMIT } }), { signal });
    return fill(panel, r, (d) => docRow(ctx, d));
  }
  if (tab === "search") {
    if (!s.q) { clear(panel).append(h("p", { class: "muted" }, t("search.empty"))); return; }
    const r = await get("/api/search", { q: s.q, limit: LIST_LIMIT }, { signal });
    clear(panel).append(h("h2", { class: "panel-title" }, t("search.results", { q: s.q })));
    return fill(panel, r, (d) => {
      const hl = (d.matches || []).map((m) => `${m.start}-${m.end}`).join(",");
      const row = docRow(ctx, d, hl);
      if (d.snippet) {
        const p = h("p", { class: "snippet", ...AR });
        const base = d.snippet_start ?? null;
        const spans = base === null ? [] : (d.matches || []).map((m) => ({ start: m.start - base, end: m.end - base, kind: "match" }));
        renderHighlighted(p, d.snippet, spans);
        row.querySelector(".row").append(p);
      }
      return row;
    }, false);
  }
  // events
  const r = await get("/api/events", params(s, "events", { extra: { limit: LIST_LIMIT } }), { signal });
  return fill(panel, r, (e) => h("li", null, h("button", { type: "button", class: "row", dataset: { id: e.id },
    on: { click: () => ctx.go({ sel: `event:${e.id}` }, { push: true }) } },
  h("span", { class: "row-title" }, dot(typeColor(e.type, e.family)), " ", term("type", e.type),
    e.status && e.status !== "asserted" ? [" ", badge("status", e.status)] : null),
  h("span", { class: "row-sub", ...AR }, e.place || t("unknown")),
  h("span", { class: "row-sub" }, dateRange(e.date_start, e.date_end)),
  e.fatalities_best !== null && e.fatalities_best !== undefined
    ? h("span", { class: "row-sub" }, `${t("event.fatalities")}: ${num(e.fatalities_best)}`) : null,
  h("span", { class: "row-sub muted" }, `${t("event.sources")}: ${num(e.n_sources)}`))));
}

function side(x) {
  if (!x || typeof x !== "object") return h("span", { class: "side" }, t("none"));
  const name = x.source_name ?? x.name ?? x.source ?? x.outlet ?? null;
  const aff = x.source_affiliation ?? x.affiliation ?? null;
  const n = x.count ?? x.best ?? null;
  return h("span", { class: "side" },
    n !== null ? h("strong", null, x.upper ? `${num(n)}–${num(x.upper)}` : num(n)) : null, " ",
    h("span", AR, name || t("claim.own_voice")),
    aff ? h("small", null, ` (${term("side", aff)})`) : null,
    x.status && x.status !== "asserted" ? [" ", badge("status", x.status)] : null,
    x.outlet && x.outlet !== name ? h("small", { class: "muted", ...AR }, ` — ${x.outlet}`) : null);
}

function docRow(ctx, d, hl = null) {
  return h("li", null, h("button", { type: "button", class: "row", dataset: { id: d.id },
    on: { click: () => ctx.go({ sel: `doc:${d.id}`, hl }, { push: true }) } },
  h("span", { class: "row-title", ...AR }, d.title || d.id),
  h("span", { class: "row-sub", ...AR }, d.outlet || t("unknown")),
  h("span", { class: "row-sub" }, d.published ? fmtDate(d.published) : t("doc.no_date")),
  d.n_claims !== undefined ? h("span", { class: "row-sub muted" }, t("doc.counts", { claims: num(d.n_claims), events: num(d.n_events) })) : null));
}

function fill(panel, page, row, clearFirst = true) {
  if (clearFirst) clear(panel);
  const items = page.items || [];
  panel.append(listHeader(items.length, page.total ?? items.length));
  if (!items.length) { panel.append(h("p", { class: "muted" }, t("list.empty"))); return; }
  panel.append(h("ul", { class: "list" }, items.map(row)));
}

// ------------------------------------------------------------------------------------------------ details

export async function renderEvent(ctx, panel, id, signal) {
  loading(panel);
  const e = await get(`/api/events/${enc(id)}`, null, { signal });
  clear(panel);
  panel.append(backButton(ctx));
  const head = h("div", { class: "detail", dataset: { kind: "event", id: e.id } },
    h("h2", { class: "panel-title" }, dot(typeColor(e.type, e.family)), " ", term("type", e.type),
      h("small", { class: "muted" }, ` · ${term("family", e.family)}`)),
    field(t("event.dates"), dateRange(e.date_start, e.date_end)),
    field(t("event.place"), e.place_id
      ? h("a", { href: "#", class: "place-link", ...AR, on: { click: (ev) => { ev.preventDefault(); ctx.go({ sel: `place:${e.place_id}` }, { push: true }); } } }, e.place || e.place_id)
      : h("span", AR, e.place || t("unknown"))),
    field(t("event.actors"), actorLine(ctx, e.actor1, e.actor1_side), " ⟷ ", actorLine(ctx, e.actor2, e.actor2_side)),
    field(t("event.fatalities"), lbh(e.fatalities_low, e.fatalities_best, e.fatalities_high)),
    field(t("event.status"), badge("status", e.status)),
    field(t("event.sources"), (e.sources || []).map((s, i) => [i ? " · " : "", h("span", AR, s.name || s.key || t("unknown")),
      s.affiliation ? h("small", null, ` (${term("side", s.affiliation)})`) : null])));
  panel.append(head);

  panel.append(h("h3", null, t("event.mentions")));
  panel.append(h("ul", { class: "cards" }, (e.mentions || []).map((m) => h("li", { class: "card mention", dataset: { id: m.id } },
    h("div", { class: "card-head" },
      h("strong", AR, m.outlet || t("unknown")), " · ", m.published ? fmtDate(m.published) : t("doc.no_date"),
      m.status && m.status !== "asserted" ? [" ", badge("status", m.status)] : null,
      m.fatalities !== null && m.fatalities !== undefined ? h("span", null, ` · ${t("event.fatalities")}: ${num(m.fatalities)}`) : null),
    sourceLine(m.source_name, m.source_affiliation, null),
    sentence(m.evidence, m.evidence_start, [[m.trigger_start, m.trigger_end]], "event"),
    articleLink(ctx, m.doc_id, m.evidence_start, m.evidence_end)))));

  panel.append(h("h3", null, t("event.claims")));
  if (!(e.claims || []).length) panel.append(h("p", { class: "muted" }, t("event.no_claims")));
  else panel.append(h("ul", { class: "cards claims" }, e.claims.map((c) => claimCard(ctx, c, true))));
  ctx.onDetail && ctx.onDetail("event", e);
}

function actorLine(ctx, actor, sideV) {
  if (!actor && !sideV) return h("span", { class: "muted" }, t("unknown"));
  return h("span", { class: "actor" }, dot(sideColor(sideV), "dot small"), " ",
    h("span", AR, actorName(ctx, actor) || term("side", sideV)),
    actor && sideV ? h("small", null, ` (${term("side", sideV)})`) : null);
}

function lbh(low, best, high) {
  if ([low, best, high].every((v) => v === null || v === undefined)) return h("span", { class: "muted" }, t("unknown"));
  return h("span", { class: "lbh-inline" },
    h("span", { title: t("lbh.low") }, num(low)), " · ",
    h("strong", { title: t("lbh.best") }, num(best)), " · ",
    h("span", { title: t("lbh.high") }, num(high)));
}

function sourceLine(name, affiliation, via) {
  return h("div", { class: "source-line" },
    h("span", { class: "field-label" }, `${t("claim.source")}: `),
    h("span", AR, name || t("claim.own_voice")),
    affiliation ? [" ", h("span", { class: `badge aff aff-${String(affiliation).replace(/[^a-z_]/gi, "")}` }, term("side", affiliation))] : null,
    via && via.length ? h("small", { class: "muted" }, ` ${t("claim.via")} `, h("span", AR, via.join(" ← "))) : null);
}

function articleLink(ctx, docId, start, end) {
  if (!docId) return null;
  const hl = start !== null && start !== undefined && end ? `${start}-${end}` : null;
  return h("a", { href: "#", class: "article-link", dataset: { doc: docId },
    on: { click: (ev) => { ev.preventDefault(); ctx.go({ sel: `doc:${docId}`, hl }, { push: true }); } } }, t("claim.in_article"));
}

function claimCard(ctx, c, withEstimate) {
  return h("li", { class: "card claim", dataset: { id: c.id, grade: c.grade || "" } },
    h("div", { class: "card-head" },
      h("strong", { class: "claim-count" }, count(c)), " ",
      term("kind", c.kind), " · ", term("side", c.side), " ",
      badge("grade", c.grade), " ",
      c.status && c.status !== "asserted" ? badge("status", c.status) : null),
    sourceLine(c.source_name, c.source_affiliation, c.source_via),
    h("div", { class: "meta" }, h("span", { class: "field-label" }, `${t("claim.outlet")}: `),
      h("span", AR, c.outlet || t("unknown")), " · ", c.published ? fmtDate(c.published) : t("doc.no_date"),
      c.title ? [" · ", h("span", { class: "muted", ...AR }, c.title)] : null),
    sentence(c.evidence, c.evidence_start, [[c.span_start, c.span_end]], "claim"),
    h("div", { class: "links" }, articleLink(ctx, c.doc_id, c.evidence_start, c.evidence_end),
      withEstimate && c.group_id ? [" · ", h("a", { href: "#", class: "estimate-link",
        on: { click: (ev) => { ev.preventDefault(); ctx.go({ sel: `estimate:${c.group_id}`, hl: null }, { push: true }); } } },
      t("claim.estimate"))] : null));
}

export async function renderEstimate(ctx, panel, id, signal) {
  loading(panel);
  const g = await get(`/api/estimates/${enc(id)}`, null, { signal });
  clear(panel);
  panel.append(backButton(ctx));
  panel.append(h("div", { class: "detail", dataset: { kind: "estimate", id: g.id } },
    h("h2", { class: "panel-title" }, `${t("estimate.title")}: ${term("kind", g.kind)} · ${term("side", g.side)}`,
      " ", g.status !== "asserted" ? badge("status", g.status) : null),
    field(t("event.place"), g.place_id
      ? h("a", { href: "#", class: "place-link", ...AR, on: { click: (ev) => { ev.preventDefault(); ctx.go({ sel: `place:${g.place_id}` }, { push: true }); } } }, g.place || g.place_id)
      : h("span", AR, g.place || t("unknown"))),
    field(t("event.dates"), dateRange(g.date_start, g.date_end)),
    rangeChart(g),
    h("div", { class: "lbh" },
      h("div", null, h("span", { class: "field-label" }, t("lbh.low")), h("span", { class: "lbh-low" }, num(g.low))),
      h("div", { class: "lbh-best-box" }, h("span", { class: "field-label" }, t("lbh.best")), h("span", { class: "lbh-best" }, num(g.best))),
      h("div", null, h("span", { class: "field-label" }, t("lbh.high")), h("span", { class: "lbh-high" }, num(g.high)))),
    field(t("lbh.conservative"), num(g.conservative)),
    field(t("lbh.basis"), g.best_basis ? term("basis", g.best_basis) : t("none")),
    field(t("event.sources"), t("estimate.sources", { n: num(g.n_sources), c: num(g.n_claims) }))));
  panel.append(h("h3", null, t("estimate.claims")));
  panel.append(h("ul", { class: "cards claims" }, (g.claims || []).map((c) => claimCard(ctx, c, false))));
  ctx.onDetail && ctx.onDetail("estimate", g);
}

// Low–high as a bar, each claim as a dot coloured by its source's side (log scale when the range is wide).
function rangeChart(g) {
  const claims = (g.claims || []).filter((c) => c.count > 0);
  const vals = [g.low, g.best, g.high, ...claims.map((c) => c.upper || c.count), ...claims.map((c) => c.count)]
    .filter((v) => v !== null && v !== undefined && v > 0);
  if (!vals.length) return null;
  let lo = Math.min(...vals), hi = Math.max(...vals);
  const log = hi / Math.max(lo, 1) > 20;
  if (hi === lo) { lo = Math.max(0, lo - 1); hi += 1; }
  const W = 320, H = 44, P = 14;
  const sc = (v) => {
    const f = log ? (Math.log10(Math.max(v, 1)) - Math.log10(Math.max(lo, 1))) / (Math.log10(hi) - Math.log10(Math.max(lo, 1)) || 1)
      : (v - lo) / (hi - lo);
    const x = P + f * (W - 2 * P);
    return lang() === "ar" ? W - x : x;
  };
  const root = svg("svg", { class: "range-chart", viewBox: `0 0 ${W} ${H}`, width: "100%", height: H, role: "img",
    "aria-label": `${t("lbh.low")} ${g.low} ${t("lbh.best")} ${g.best} ${t("lbh.high")} ${g.high}` });
  root.append(svg("line", { x1: P, x2: W - P, y1: 22, y2: 22, class: "rc-axis" }));
  if (g.low !== null && g.high !== null) {
    const a = sc(g.low), b = sc(g.high);
    root.append(svg("rect", { x: Math.min(a, b), y: 16, width: Math.max(2, Math.abs(b - a)), height: 12, class: "rc-range" }));
  }
  if (g.best !== null) root.append(svg("line", { x1: sc(g.best), x2: sc(g.best), y1: 10, y2: 34, class: "rc-best" }));
  for (const c of claims) {
    root.append(svg("circle", { cx: sc(c.count), cy: 22, r: 4.5, fill: sideColor(c.source_affiliation || "independent"), class: "rc-claim" },
      svg("title", null, `${c.source_name || c.outlet || ""}: ${c.count}`)));
  }
  root.append(svg("text", { x: sc(lo), y: 42, class: "rc-tick", "text-anchor": "middle" }, num(lo)));
  root.append(svg("text", { x: sc(hi), y: 42, class: "rc-tick", "text-anchor": "middle" }, num(hi)));
  return root;
}

const SPAN_KINDS = ["claim", "event", "control", "place", "actor", "source"];

export async function renderDocument(ctx, panel, id, hl, signal) {
  loading(panel);
  const d = await get(`/api/documents/${enc(id)}`, null, { signal });
  clear(panel);
  panel.append(backButton(ctx));
  const claimGroup = new Map((d.claims || []).map((c) => [String(c.id), c.group_id]));
  const mentionEvent = new Map((d.events || []).map((m) => [String(m.id), m.event_id]));
  const controlPlace = new Map((d.control || []).map((c) => [String(c.id), c.place_id]));
  const hidden = new Set(ctx.hiddenSpans || []);
  const extra = parseHl(hl).map(([a, b]) => ({ start: a, end: b, kind: "selected", focus: true }));
  const body = h("div", { class: "doc-text", ...AR, dataset: { id: d.id } });

  const draw = () => {
    clear(body);
    const spans = (d.spans || []).filter((s) => !hidden.has(s.kind)).concat(extra);
    const focus = renderHighlighted(body, d.text || "", spans, {
      label: (s) => (s.kind === "selected" ? t("span.selected") : `${t(`span.${s.kind}`)}${s.label ? `: ${s.label}` : ""}`),
      // A figure opens its estimate, an event its merged event, a control statement or a place the place.
      onSpan: (refs) => {
        const target = (s) => {
          const ref = String(s.ref);
          if (s.kind === "claim" && claimGroup.get(ref)) return `estimate:${claimGroup.get(ref)}`;
          if (s.kind === "event") return ref.startsWith("E") ? `event:${ref}` : (mentionEvent.get(ref) ? `event:${mentionEvent.get(ref)}` : null);
          if (s.kind === "control" && controlPlace.get(ref)) return `place:${controlPlace.get(ref)}`;
          if (s.kind === "place") return `place:${ref}`;
          return null;
        };
        for (const kind of ["claim", "event", "control", "place"]) {
          for (const s of refs.filter((r) => r.kind === kind)) {
            const sel = target(s);
            if (sel) { ctx.go({ sel, hl: null }, { push: true }); return; }
          }
        }
      },
    });
    if (focus.length) requestAnimationFrame(() => focus[0].scrollIntoView({ block: "center" }));
  };

  const legend = h("div", { class: "doc-legend" }, h("span", { class: "field-label" }, t("doc.legend")),
    SPAN_KINDS.map((k) => h("label", { class: `legend-item hl hl-${k}` },
      h("input", { type: "checkbox", checked: !hidden.has(k), dataset: { kind: k },
        on: { change: (ev) => { if (ev.target.checked) hidden.delete(k); else hidden.add(k); ctx.hiddenSpans = [...hidden]; draw(); } } }),
      " ", t(`span.${k}`))),
    extra.length ? h("span", { class: "legend-item hl hl-selected" }, t("span.selected")) : null);

  panel.append(h("div", { class: "detail", dataset: { kind: "doc", id: d.id } },
    h("h2", { class: "panel-title doc-title", ...AR }, d.title || d.id),
    field(t("doc.outlet"), h("span", AR, d.outlet || t("unknown"))),
    field(t("doc.published"), d.published ? fmtDate(d.published) : t("doc.no_date")),
    d.url ? field(t("doc.url"), h("a", { href: d.url, rel: "noopener noreferrer nofollow", target: "_blank", dir: "ltr", class: "doc-url" }, d.url)) : null,
    legend, body));
  draw();

  if ((d.claims || []).length) {
    panel.append(h("h3", null, t("doc.claims")));
    panel.append(h("ul", { class: "cards claims" }, d.claims.map((c) => claimCard(ctx, c, true))));
  }
  ctx.onDetail && ctx.onDetail("doc", d);
}

export async function renderPlace(ctx, panel, id, signal) {
  loading(panel);
  const p = await get(`/api/places/${enc(id)}`, null, { signal });
  clear(panel);
  panel.append(backButton(ctx));
  const control = [...(p.control || [])].sort((a, b) => String(a.date || "").localeCompare(String(b.date || "")));
  let parent = null;
  if (p.parent) {
    try { parent = await get(`/api/places/${enc(p.parent)}`, null, { signal, cached: true }); } catch (e) { parent = null; }
  }
  panel.append(h("div", { class: "detail", dataset: { kind: "place", id: p.id } },
    h("h2", { class: "panel-title" }, h("span", AR, p.name),
      p.name_en && lang() === "en" ? h("small", { class: "muted", dir: "ltr" }, ` (${p.name_en})`) : null),
    p.precision ? field(t("place.level"), term("level", p.precision)) : null,
    p.parent ? field(t("place.parent"), h("a", { href: "#", class: "place-link",
      on: { click: (ev) => { ev.preventDefault(); ctx.go({ sel: `place:${p.parent}` }, { push: true }); } } },
    parent ? (lang() === "en" && parent.name_en ? parent.name_en : h("span", AR, parent.name)) : p.parent)) : null,
    field(t("tab.events"), t("place.counts", { events: num(p.n_events), claims: num(p.n_claims) })),
    h("h3", null, t("place.control")),
    control.length ? controlStrip(control) : h("p", { class: "muted" }, t("place.no_control")),
    h("ol", { class: "cards control-list" }, control.map((c) => h("li", { class: "card control", dataset: { id: c.id, side: c.side } },
      h("div", { class: "card-head" }, dot(sideColor(c.side)), " ",
        h("strong", null, c.date ? fmtDate(c.date) : t("doc.no_date")), " · ",
        h("span", AR, actorName(ctx, c.actor) || term("side", c.side)), " · ", term("status", c.change || c.status),
        c.status && !["asserted", c.change].includes(c.status) ? [" ", badge("status", c.status)] : null),
      h("div", { class: "meta" }, h("span", AR, c.outlet || ""), c.source_name ? [" · ", sourceLine(c.source_name, c.source_affiliation, null)] : null),
      sentence(c.evidence, c.evidence_start, [[c.span_start ?? c.evidence_start, c.span_end ?? c.evidence_start]], "control"),
      articleLink(ctx, c.doc_id, c.evidence_start, c.evidence_end))))));
  ctx.onDetail && ctx.onDetail("place", p);
}

// Who held the place, statement by statement, on a time strip.
function controlStrip(control) {
  const dated = control.filter((c) => c.date);
  if (!dated.length) return null;
  const ms = (s) => Date.parse(`${s}T00:00:00Z`);
  const a = ms(dated[0].date), b = ms(dated[dated.length - 1].date);
  const span = Math.max(b - a, 86400000);
  const W = 320, H = 30, P = 10;
  const x = (v) => { const f = P + ((v - a) / span) * (W - 2 * P); return lang() === "ar" ? W - f : f; };
  const root = svg("svg", { class: "control-strip", viewBox: `0 0 ${W} ${H}`, width: "100%", height: H });
  root.append(svg("line", { x1: P, x2: W - P, y1: 12, y2: 12, class: "rc-axis" }));
  dated.forEach((c, i) => {
    const x0 = x(ms(c.date));
    const x1 = i + 1 < dated.length ? x(ms(dated[i + 1].date)) : (lang() === "ar" ? P : W - P);
    root.append(svg("rect", { x: Math.min(x0, x1), y: 7, width: Math.max(3, Math.abs(x1 - x0)), height: 10,
      fill: sideColor(c.side), class: "cs-seg" }, svg("title", null, `${c.date}: ${term("side", c.side)}`)));
  });
  root.append(svg("text", { x: x(a), y: 28, class: "rc-tick", "text-anchor": "middle" }, fmtDate(dated[0].date)));
  if (b > a) root.append(svg("text", { x: x(b), y: 28, class: "rc-tick", "text-anchor": "middle" }, fmtDate(dated[dated.length - 1].date)));
  return root;
}
