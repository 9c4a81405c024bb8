"""Find multi-word forms among a sentence's tokens, tolerant of proclitics and suffixes."""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

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


def _sentence_variants(si: SentenceInfo) -> list[frozenset[str]]:
    """Each token's variants (once per sentence: the same for every list of forms)."""
    vs = si.memo.get("variants")
    if vs is None:
        if len(_BY_TOKEN) > _BY_TOKEN_MAX:
            _BY_TOKEN.clear()
        get = _BY_TOKEN.get
        vs = si.memo["variants"] = [get((t.norm, t.stem, t.prefix, t.suffix) if t.kind in ("word", "number")
                                        else t.text) or _token_variants(t) for t in si.tokens]
    return vs


# A token's variants by (norm, stem, prefix, suffix), or by its text for what is no word or number:
# news repeats its words, and a dict lookup costs less than a call of the lru_cache. Emptied when full.
_BY_TOKEN: dict[tuple[str, str, str, str] | str, frozenset[str]] = {}
_BY_TOKEN_MAX = 1 << 16


def _token_variants(t: Token) -> frozenset[str]:
    if t.kind in ("word", "number"):
        v = _BY_TOKEN[(t.norm, t.stem, t.prefix, t.suffix)] = _variants(t.norm, t.stem, t.prefix, t.suffix)
    else:
        v = _BY_TOKEN[t.text] = frozenset({t.text})
    return v


@lru_cache(maxsize=16)
def _all_firsts(lists: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset().union(*map(_firsts, lists))


_LETTERS = re.compile("[\u0621-\u063a\u0641-\u064a]+")


@lru_cache(maxsize=16)
def _first_needles(lists: tuple[tuple[str, ...], ...]) -> ahocorasick.Automaton | None:
    """An automaton of strings one of which a sentence's matching form holds wherever a token has the first
    word of a form of `lists` among its variants (None: no such test, when a first word is not all
    Arabic letters).

    A word token's variants are pieces of its matching form (itself, without leading proclitics, its
    stem, the article and its stem, its stem and suffix), but for a restored ة: the stem of a suffixed
    feminine noun ends in ه where the word has ت (سيطرتها -> سيطره); so each first word, and each with
    one ه read as ت. A number's variants are pieces of its matching form; any other token's are its
    text, which does not begin with an Arabic letter (a word token would take it). A token's matching
    form is in its sentence's."""
    firsts = _all_firsts(lists)
    if not firsts or not all(_LETTERS.fullmatch(f) for f in firsts):
        return None
    auto = ahocorasick.Automaton()
    for f in firsts:
        auto.add_word(f, f)
        for i, ch in enumerate(f):
            if ch == "ه":
                g = f[:i] + "ت" + f[i + 1:]
                auto.add_word(g, g)
    auto.make_automaton()
    return auto


def find(si: SentenceInfo, forms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(first token index, last token index + 1, form) for every form found, longest first at a position."""
    return find_each(si, forms)[0]


def find_each(si: SentenceInfo, *lists: tuple[str, ...]) -> list[list[tuple[int, int, str]]]:
    """`find(si, forms)` for each of several lists of forms, the tokens scanned once for where any
    form of any list starts (in most sentences none does)."""
    needles = _first_needles(lists)
    if needles is not None and next(needles.iter(si.norm), None) is None:
        return [[] for _ in lists]  # no token has a first word among its variants
    vs = _sentence_variants(si)
    firsts = _all_firsts(lists)
    starts = [k for k, v in enumerate(vs) if not firsts.isdisjoint(v)]  # tokens some form starts with
    if not starts:
        return [[] for _ in lists]
    return [_find_from(si, vs, forms, starts) for forms in lists]


def _find_from(si: SentenceInfo, vs: list[frozenset[str]], forms: tuple[str, ...], starts: list[int]
               ) -> list[tuple[int, int, str]]:
    idx = _index(forms)
    firsts = _firsts(forms)
    n_words = len(vs)
    out: list[tuple[int, int, str]] = []
    i = 0  # where the next form may start
    for k in starts:
        if k < i or firsts.isdisjoint(vs[k]):
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
