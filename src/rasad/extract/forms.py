"""Find multi-word forms among a sentence's tokens, tolerant of proclitics and suffixes."""
from __future__ import annotations

from functools import lru_cache

from ..model import Token
from .context import SentenceInfo

PROCLITICS = "وفبل"


@lru_cache(maxsize=65536)
def _variants(norm: str, stem: str, prefix: str, suffix: str) -> frozenset[str]:
    v = {norm, stem}
    if prefix and stem:
        v.add(prefix[-2:] + stem if prefix.endswith("ال") else stem)
        if "ال" in prefix:
            v.add("ال" + stem)
    s = norm
    for _ in range(2):
        if len(s) > 3 and s[0] in PROCLITICS:
            s = s[1:]
            v.add(s)
    if suffix and stem:
        v.add(stem + suffix)
    return frozenset(v)


def variants(t: Token) -> frozenset[str]:
    return _variants(t.norm, t.stem, t.prefix, t.suffix)


@lru_cache(maxsize=64)
def _index(forms: tuple[str, ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Forms by their first word, longest first."""
    idx: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for f in forms:
        parts = tuple(f.split())
        idx.setdefault(parts[0], []).append((f, parts))
    for v in idx.values():
        v.sort(key=lambda x: -len(x[1]))
    return idx


@lru_cache(maxsize=64)
def _firsts(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_index(forms))


def find(si: SentenceInfo, forms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(first token index, last token index + 1, form) for every form found, longest first at a position."""
    idx = _index(forms)
    firsts = _firsts(forms)
    words = si.tokens
    vs = si.memo.get("variants")
    if vs is None:  # the same for every list of forms
        vs = si.memo["variants"] = [_variants(t.norm, t.stem, t.prefix, t.suffix) if t.kind in ("word", "number")
                                    else frozenset({t.text}) for t in words]
    out: list[tuple[int, int, str]] = []
    n_words = len(words)
    i = 0  # where the next form may start
    for k in [k for k, v in enumerate(vs) if not firsts.isdisjoint(v)]:  # tokens some form starts with
        if k < i:
            continue
        cands = [c for v in vs[k] for c in idx.get(v, ())]
        cands.sort(key=lambda x: -len(x[1]))
        for f, parts in cands:
            n = len(parts)
            if k + n <= n_words and all(parts[j] in vs[k + j] for j in range(1, n)):
                out.append((k, k + n, f))
                i = k + n
                break
    return out
