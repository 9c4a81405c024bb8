// Building DOM without HTML strings. Data (names, article text) only ever becomes text nodes.

// h("a", {class: "x", href, dataset: {id}, on: {click}}, "text", child, [more children])
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

const FORBIDDEN = /^(on|style$|srcdoc$|innerhtml$|outerhtml$)/i;

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "dataset") for (const [dk, dv] of Object.entries(v)) { if (dv !== undefined && dv !== null) el.dataset[dk] = String(dv); }
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === "href" || k === "src") el.setAttribute(k, safeUrl(v));
    else if (k === "text") el.textContent = String(v);
    else if (FORBIDDEN.test(k)) throw new Error(`attribute ${k} is not set from data`);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Only http(s), same-origin paths and in-page links; anything else (javascript:, data: …) becomes "#".
export function safeUrl(u) {
  const s = String(u).trim();
  if (s.startsWith("#") || s.startsWith("?")) return s;
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  try {
    const p = new URL(s, window.location.href);
    if (p.protocol === "http:" || p.protocol === "https:") return p.href;
  } catch (e) { /* not a URL */ }
  return "#";
}
