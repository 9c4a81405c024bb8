// The timeline, drawn as plain SVG: events per day/week/month (stacked by event family) and, below,
// each source's claimed running totals (one step line per source and comparable group, log scale), so
// that sources telling different tolls show as diverging lines. Dragging across it selects a date range
// (the page then filters the map and the lists); a click without a drag clears it.

import { svg, h, clear } from "./dom.js";
import { t, term, num, date as fmtDate, lang } from "./i18n.js";
import { FAMILY_COLOR, SERIES, sideColor } from "./colors.js";

const DAY = 86400000;
const M = { left: 56, right: 18, top: 22 };
const EV_H = 56;      // events band height
const GAP = 30;       // between the bands (holds the series title)
const SE_H = 120;     // series band height
const AXIS = 22;      // x axis labels

export function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export class Timeline {
  constructor(el, { onBrush }) {
    this.el = el;
    this.onBrush = onBrush;
    this.data = null;
    this.width = 0;
    this.ro = new ResizeObserver(() => {
      const w = Math.floor(this.el.clientWidth);
      if (w && Math.abs(w - this.width) > 2 && this.data) this.render(this.data);
    });
    this.ro.observe(el);
  }

  // data: {events: [{date_start, date_end?, family, n?}] (n: how many events that item stands for, default 1),
  //        series: [{key, name, affiliation, kind, side, points}],
  //        domain: [isoFrom, isoTo], selection: [isoFrom|null, isoTo|null], kind, side}
  render(data) {
    this.data = data;
    const W = Math.max(320, Math.floor(this.el.clientWidth || 800));
    this.width = W;
    const H = M.top + EV_H + GAP + SE_H + AXIS;
    const plotW = W - M.left - M.right;

    // The time domain: every date drawn and the selection; the store's range only when nothing is drawn
    // (the store's earliest date can be a claim's distant time window).
    let t0 = null, t1 = null;
    const seen = [];
    for (const e of data.events) { const d = parseDay(e.date_start || e.date_end); if (d !== null) seen.push(d); }
    for (const s of data.series) for (const p of s.points) { const d = parseDay(p.date); if (d !== null) seen.push(d); }
    for (const d of (data.selection || []).map(parseDay)) if (d !== null) seen.push(d);
    if (!seen.length) seen.push(...(data.domain || []).map(parseDay).filter((d) => d !== null));
    for (const d of seen) { if (t0 === null || d < t0) t0 = d; if (t1 === null || d > t1) t1 = d; }
    if (t0 === null) { t0 = Date.UTC(2017, 0, 1); t1 = Date.UTC(2019, 11, 31); }
    if (t1 - t0 < 14 * DAY) { t0 -= 7 * DAY; t1 += 7 * DAY; }
    const span = t1 - t0;
    const bin = span <= 150 * DAY ? "day" : span <= 3 * 366 * DAY ? "week" : "month";
    const b0 = binStart(t0, bin);
    const b1 = binEnd(t1, bin);
    this.t0 = b0;
    this.t1 = b1;
    const x = (ms) => M.left + ((ms - b0) / (b1 - b0)) * plotW;
    this.x = x;
    this.plotW = plotW;

    const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "timeline-svg", role: "img",
      "aria-label": t("timeline.title"), dir: "ltr" });

    // --- events per bin, stacked by family
    const bins = new Map();
    for (const e of data.events) {
      const d = parseDay(e.date_start || e.date_end);
      if (d === null) continue;
      const k = binStart(d, bin);
      if (!bins.has(k)) bins.set(k, new Map());
      const fam = bins.get(k);
      fam.set(e.family, (fam.get(e.family) || 0) + (e.n || 1));  // e.n: events counted on that day
    }
    let maxBin = 1;
    for (const fam of bins.values()) maxBin = Math.max(maxBin, [...fam.values()].reduce((a, b) => a + b, 0));
    const evTop = M.top;
    const evBase = evTop + EV_H;
    const gEv = svg("g", { class: "tl-events" });
    for (const [k, fam] of [...bins.entries()].sort((a, b) => a[0] - b[0])) {
      const xa = x(k);
      const xb = x(binEnd(k, bin));
      const w = Math.max(1.5, xb - xa - 1);
      let y = evBase;
      let total = 0;
      for (const [f, n] of [...fam.entries()].sort()) {
        const hgt = (n / maxBin) * EV_H;
        y -= hgt;
        total += n;
        gEv.append(svg("rect", { x: xa.toFixed(1), y: y.toFixed(1), width: w.toFixed(1), height: hgt.toFixed(1),
          fill: FAMILY_COLOR[f] || "#777", class: "tl-bar" },
        svg("title", null, `${fmtDate(isoDay(k))}: ${term("family", f)} ${num(n)}`)));
      }
      gEv.lastChild && gEv.lastChild.setAttribute("data-total", String(total));
    }
    root.append(svg("line", { x1: M.left, x2: M.left + plotW, y1: evBase, y2: evBase, class: "tl-axis" }));
    root.append(gEv);
    root.append(this._label(t("timeline.events", { bin: t(`timeline.bin.${bin}`), max: num(maxBin) }), evTop - 7, W));

    // --- running totals per source, log scale
    const seTop = evBase + GAP;
    const seBase = seTop + SE_H;
    const lines = data.series.filter((s) => s.points && s.points.some((p) => parseDay(p.date) !== null && p.count > 0));
    const kindLabel = term("kind", data.kind || "killed");
    const sideLabel = data.side ? term("side", data.side) : t("filter.any");
    root.append(this._label(lines.length ? t("timeline.series", { kind: kindLabel, side: sideLabel }) : t("timeline.series.none"),
      seTop - 8, W));
    const gSe = svg("g", { class: "tl-series" });
    const legend = [];
    if (lines.length) {
      let lo = Infinity, hi = 1;
      for (const s of lines) for (const p of s.points) if (p.count > 0) { lo = Math.min(lo, p.count); hi = Math.max(hi, p.count); }
      lo = Math.max(1, lo);
      let l0 = Math.floor(Math.log10(lo));
      let l1 = Math.ceil(Math.log10(hi));
      if (l1 <= l0) l1 = l0 + 1;
      const y = (c) => seBase - ((Math.log10(Math.max(c, 1)) - l0) / (l1 - l0)) * SE_H;
      for (let e = l0; e <= l1; e++) {
        for (const m of [1, 2, 5]) {
          const v = m * 10 ** e;
          if (v < 10 ** l0 || v > 10 ** l1) continue;
          const yy = y(v);
          root.append(svg("line", { x1: M.left, x2: M.left + plotW, y1: yy, y2: yy, class: m === 1 ? "tl-grid" : "tl-grid tl-grid-minor" }));
          if (m === 1 || l1 - l0 <= 2) {
            root.append(svg("text", { x: M.left - 5, y: yy + 3.5, class: "tl-tick", "text-anchor": "end" }, num(v)));
          }
        }
      }
      // One colour per source; the same source keeps its colour across groups.
      const colorOf = new Map();
      const bySize = [...lines].sort((a, b) => b.points.length - a.points.length);
      for (const s of bySize) {
        const key = s.key || s.name || "?";
        if (!colorOf.has(key)) colorOf.set(key, SERIES[colorOf.size % SERIES.length]);
      }
      // Where sources of one comparable group give different totals on the same date, a bar joins them.
      const byGroupDate = new Map();
      for (const s of lines) for (const p of s.points) {
        if (parseDay(p.date) === null || !(p.count > 0)) continue;
        const k = `${s.group_id || ""}|${p.date}`;
        const r = byGroupDate.get(k) || { date: p.date, lo: Infinity, hi: 0, n: new Set() };
        r.lo = Math.min(r.lo, p.count); r.hi = Math.max(r.hi, p.count); r.n.add(s.key || s.name);
        byGroupDate.set(k, r);
      }
      for (const r of byGroupDate.values()) {
        if (r.n.size < 2 || r.hi === r.lo) continue;
        const xx = x(parseDay(r.date));
        gSe.append(svg("line", { x1: xx, x2: xx, y1: y(r.lo), y2: y(r.hi), class: "tl-gap" },
          svg("title", null, `${num(r.lo)} – ${num(r.hi)}`)));
      }
      for (const s of lines) {
        const key = s.key || s.name || "?";
        const color = colorOf.get(key);
        const pts = s.points.filter((p) => parseDay(p.date) !== null && p.count > 0)
          .sort((a, b) => parseDay(a.date) - parseDay(b.date));
        let d = "";
        pts.forEach((p, i) => {
          const px = x(parseDay(p.date)), py = y(p.count);
          d += i === 0 ? `M${px.toFixed(1)},${py.toFixed(1)}` : `H${px.toFixed(1)}V${py.toFixed(1)}`;
        });
        const g = svg("g", { class: "tl-line", dataset: { key, group: s.group_id || "" } });
        if (pts.length > 1) g.append(svg("path", { d, stroke: color, class: "tl-path" }));
        for (const p of pts) {
          g.append(svg("circle", { cx: x(parseDay(p.date)).toFixed(1), cy: y(p.count).toFixed(1), r: 3.2, fill: color,
            stroke: sideColor(s.affiliation || "unknown"), class: "tl-point" },
          svg("title", null, t("timeline.point", { source: sourceName(s), count: num(p.count),
            date: fmtDate(p.date) }))));
        }
        gSe.append(g);
      }
      for (const [key, color] of colorOf) {
        const s = lines.find((l) => (l.key || l.name || "?") === key);
        legend.push({ key, color, name: sourceName(s), affiliation: s.affiliation });
      }
    }
    root.append(gSe);
    root.append(svg("line", { x1: M.left, x2: M.left + plotW, y1: seBase, y2: seBase, class: "tl-axis" }));

    // --- time axis
    for (const tk of ticks(b0, b1, plotW)) {
      const xx = x(tk.ms);
      root.append(svg("line", { x1: xx, x2: xx, y1: evTop, y2: seBase + 4, class: tk.major ? "tl-vgrid" : "tl-vgrid tl-vgrid-minor" }));
      if (tk.label) root.append(svg("text", { x: xx + 2, y: seBase + 16, class: "tl-tick" }, tk.label));
    }

    // --- the selected range and the brush
    const selA = parseDay(data.selection && data.selection[0]);
    const selB = parseDay(data.selection && data.selection[1]);
    const sel = svg("rect", { class: "tl-selection", y: evTop - 4, height: seBase - evTop + 8, x: 0, width: 0 });
    if (selA !== null || selB !== null) {
      const xa = x(Math.max(b0, selA ?? b0));
      const xb = x(Math.min(b1, (selB ?? b1) + DAY));
      sel.setAttribute("x", Math.min(xa, xb).toFixed(1));
      sel.setAttribute("width", Math.max(1, Math.abs(xb - xa)).toFixed(1));
      root.classList.add("has-selection");
    }
    root.append(sel);
    const overlay = svg("rect", { class: "tl-brush", x: M.left, y: evTop - 4, width: plotW, height: seBase - evTop + 8 });
    root.append(overlay);
    this._brush(root, overlay, sel);

    clear(this.el);
    this.el.append(root);
    if (legend.length) {
      this.el.append(h("ul", { class: "tl-legend" }, legend.map((l) => h("li", {
        dataset: { key: l.key },
        on: {
          mouseenter: () => this._focus(root, l.key, true),
          mouseleave: () => this._focus(root, l.key, false),
        },
      }, h("span", { class: "swatch", dataset: { color: l.color } }), l.name,
      l.affiliation ? h("small", null, ` (${term("side", l.affiliation)})`) : null))));
      // Swatch colours via SVG (no inline styles under the page's CSP).
      for (const sw of this.el.querySelectorAll(".tl-legend .swatch")) {
        const c = sw.dataset.color;
        sw.append(svg("svg", { width: 12, height: 12, viewBox: "0 0 12 12" }, svg("rect", { width: 12, height: 12, rx: 2, fill: c })));
      }
    }
  }

  _focus(root, key, on) {
    root.classList.toggle("focus-line", on);
    for (const g of root.querySelectorAll(".tl-line")) g.classList.toggle("focused", on && g.dataset.key === key);
  }

  _label(text, y, W) {
    const ar = lang() === "ar";
    // With direction rtl, "start" is the right end of the text.
    return svg("text", { x: ar ? W - M.right : M.left, y, class: "tl-title", "text-anchor": "start",
      direction: ar ? "rtl" : "ltr" }, text);
  }

  _brush(root, overlay, sel) {
    let x0 = null;
    const toMs = (px) => this.t0 + ((px - M.left) / this.plotW) * (this.t1 - this.t0);
    const localX = (ev) => {
      const r = root.getBoundingClientRect();
      return Math.max(M.left, Math.min(M.left + this.plotW, ev.clientX - r.left));
    };
    overlay.addEventListener("pointerdown", (ev) => {
      x0 = localX(ev);
      overlay.setPointerCapture(ev.pointerId);
      sel.setAttribute("x", x0);
      sel.setAttribute("width", 0);
      root.classList.add("brushing");
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (x0 === null) return;
      const x1 = localX(ev);
      sel.setAttribute("x", Math.min(x0, x1));
      sel.setAttribute("width", Math.abs(x1 - x0));
    });
    const end = (ev) => {
      if (x0 === null) return;
      const x1 = localX(ev);
      const a = Math.min(x0, x1), b = Math.max(x0, x1);
      x0 = null;
      root.classList.remove("brushing");
      if (b - a < 4) { this.onBrush(null, null); return; }
      const from = isoDay(Math.floor(toMs(a) / DAY) * DAY);
      const to = isoDay(Math.floor(toMs(b) / DAY) * DAY);
      this.onBrush(from, to);
    };
    overlay.addEventListener("pointerup", end);
    overlay.addEventListener("pointercancel", () => { x0 = null; root.classList.remove("brushing"); });
  }
}

// A line's source in words: its name, else the outlet whose own voice it is ("outlet:NAME").
function sourceName(s) {
  if (s.name) return s.name;
  const k = s.key || "";
  if (k.startsWith("outlet:")) return `${k.slice(7)} (${t("claim.own_voice")})`;
  return k || t("claim.own_voice");
}

function binStart(ms, bin) {
  const d = new Date(ms);
  if (bin === "day") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (bin === "week") {
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return day - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
  }
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function binEnd(ms, bin) {
  const s = binStart(ms, bin);
  if (bin === "day") return s + DAY;
  if (bin === "week") return s + 7 * DAY;
  const d = new Date(s);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

// Month ticks (years labelled) or year ticks, thinned to fit.
function ticks(a, b, width) {
  const out = [];
  const months = (b - a) / (30 * DAY);
  const every = months <= 14 ? 1 : months <= 40 ? 3 : months <= 80 ? 6 : 12;
  const d = new Date(a);
  let y = d.getUTCFullYear(), m = d.getUTCMonth();
  const fmt = (yy, mm) => new Date(Date.UTC(yy, mm, 1)).toLocaleDateString(lang() === "ar" ? "ar-SY" : "en-GB",
    { year: "numeric", month: mm === 0 || every >= 12 ? undefined : "short", timeZone: "UTC" });
  for (;;) {
    const ms = Date.UTC(y, m, 1);
    if (ms > b) break;
    if (ms >= a) {
      const major = m === 0;
      const labelled = every < 12 ? m % every === 0 : m === 0;
      out.push({ ms, major, label: labelled && width > 360 ? fmt(y, m) : null });
    }
    m += 1;
    if (m === 12) { m = 0; y += 1; }
  }
  return out;
}
