// Talking to rasad's JSON API (same origin). Errors come back as {"error": {"code", "message"}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

export function url(path, params) {
  const q = params ? new URLSearchParams(params).toString() : "";
  return q ? `${path}?${q}` : path;
}

const cache = new Map();

// GET a JSON resource. `signal` aborts it; `cached` keeps the answer for the page's life (vocabularies).
export async function get(path, params, { signal, cached = false } = {}) {
  const u = url(path, params);
  if (cached && cache.has(u)) return cache.get(u);
  const p = (async () => {
    const r = await fetch(u, { signal, headers: { Accept: "application/json" } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const err = body && body.error ? body.error : {};
      throw new ApiError(r.status, err.code, err.message);
    }
    return body;
  })();
  if (cached) {
    cache.set(u, p);
    p.catch(() => cache.delete(u));
  }
  return p;
}

export const enc = encodeURIComponent;
