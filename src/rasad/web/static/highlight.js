// Text with highlighted spans, built from text nodes only.
//
// Offsets are character offsets into the text as the server sends it (Python str indices, which equal
// JavaScript's UTF-16 indices for Arabic text, all in the Basic Multilingual Plane). Spans may overlap:
// the text is cut at every span boundary and each piece carries every span that covers it.

import { h } from "./dom.js";

// [{start, end, spans: [span…]}] covering [0, text.length) in order; spans are clamped to the text.
export function segments(text, spans) {
  const n = text.length;
  const good = [];
  for (const s of spans || []) {
    const a = Math.max(0, Math.min(n, Number(s.start)));
    const b = Math.max(0, Math.min(n, Number(s.end)));
    if (Number.isFinite(a) && Number.isFinite(b) && b > a) good.push({ ...s, start: a, end: b });
  }
  const cuts = new Set([0, n]);
  for (const s of good) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    out.push({ start: a, end: b, spans: good.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

// Fill `container` with `text`, wrapping covered pieces in <mark> elements.
// opts.label(span) → tooltip text; opts.onSpan(spans, event) → click handler, given every span with a `ref`
// that covers the piece; opts.classes(span) → class names.
// Returns the <mark> elements of spans whose `focus` is true (for scrolling to them).
export function renderHighlighted(container, text, spans, opts = {}) {
  const focus = [];
  const classes = opts.classes || ((s) => [`hl-${s.kind}`]);
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.spans.length) { container.append(document.createTextNode(piece)); continue; }
    const cls = new Set(["hl"]);
    for (const s of seg.spans) for (const c of classes(s)) cls.add(c);
    const labels = opts.label ? seg.spans.map(opts.label).filter(Boolean) : [];
    const mark = h("mark", {
      class: [...cls],
      title: labels.length ? [...new Set(labels)].join(" · ") : null,
      dataset: { start: seg.start, end: seg.end },
    }, piece);
    const refs = opts.onSpan ? seg.spans.filter((s) => s.ref !== null && s.ref !== undefined) : [];
    if (refs.length) {
      mark.tabIndex = 0;
      mark.classList.add("hl-link");
      mark.addEventListener("click", (ev) => opts.onSpan(refs, ev));
      mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter") opts.onSpan(refs, ev); });
    }
    if (seg.spans.some((s) => s.focus)) focus.push(mark);
    container.append(mark);
  }
  return focus;
}

// A sentence taken from the document (`evidence`, starting at document offset `base`) with the
// document-offset ranges `ranges` highlighted.
export function sentence(evidence, base, ranges, kind = "claim") {
  const p = h("p", { class: "evidence", dir: "rtl", lang: "ar" });
  const text = evidence || "";
  const spans = [];
  for (const r of ranges) {
    if (r && r[0] !== null && r[0] !== undefined && r[1] !== null && r[1] !== undefined && base !== null && base !== undefined) {
      spans.push({ start: r[0] - base, end: r[1] - base, kind });
    }
  }
  renderHighlighted(p, text, spans);
  return p;
}
