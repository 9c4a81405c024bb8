"""Tokens with clitics split off, offsets into the original text.

`tokenize(text)` finds words, numbers, Latin words and punctuation in the
original text (offsets need no map) and gives each its matching form
(`normalize.norm`), cached per distinct spelling. Arabic words are split into proclitics (و ف ب ل ك, the article ال and their
combinations: وال بال فلل وبال …), a stem, and a possessive/object suffix
(ه ها هم …) by `split_clitics`, driven by data/clitics.yaml and guarded by
data/stems.txt: words whose first letters only look like clitics (وزير،
بلدة، فصائل) stay whole, and a split must leave a stem long enough or known.

    >>> [(t.prefix, t.stem, t.suffix) for t in tokenize("والمخيم لقوات عناصره")]
    [('وال', 'مخيم', ''), ('ل', 'قوات', ''), ('', 'عناصر', 'ه')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Token
from ._native import C as _C
from .normalize import _TABLE, light, norm
from .resources import data_yaml, word_list

# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class ClitRules:
    """The clitic data, normalised: what may be split off and what guards it."""

    proclitics: tuple[tuple[str, int], ...]  # (form, min_stem), longest first
    suffixes: tuple[tuple[str, int, bool], ...]  # (form, min_stem, needs_known_stem), longest first
    article: tuple[str, ...]  # prefix endings that carry the article
    known: frozenset[str]  # stems.txt
    no_haa_after: frozenset[str]
    restore_taa: bool
    prefix_forms: frozenset[str]  # every proclitic form (a token may be only that: لـ)


@lru_cache(maxsize=None)
def rules() -> ClitRules:
    """Load data/clitics.yaml and data/stems.txt (once)."""
    d = data_yaml("clitics.yaml")
    pro = sorted({(norm(p["form"]), int(p["min_stem"])) for p in d["proclitics"]}, key=lambda x: -len(x[0]))
    suf = sorted(
        {(norm(s["form"]), int(s["min_stem"]), bool(s.get("known", False))) for s in d["suffixes"]},
        key=lambda x: -len(x[0]),
    )
    return ClitRules(
        proclitics=tuple(pro),
        suffixes=tuple(suf),
        article=tuple(norm(a) for a in d["article_forms"]),
        known=word_list("stems.txt"),
        no_haa_after=frozenset(norm(c) for c in d.get("no_haa_after", ())),
        restore_taa=bool(d.get("taa_marbuta_restore", True)),
        prefix_forms=frozenset(p for p, _ in pro),
    )


# --------------------------------------------------------------------------- clitics


@lru_cache(maxsize=1 << 16)
def _analyse(lw: str, exact: bool) -> tuple[str, str, str, str]:
    """(norm, prefix, stem, suffix) of a word given in the light form.

    `exact`: the light form faithfully shows taa marbuta (ة) and hamza-alef,
    so a final ه is a real ه; otherwise a final ه may be a folded ة and is
    only split off when what remains is a known stem.
    """
    w = lw.translate(_TABLE)
    r = rules()
    n = len(w)
    if w in r.known or n < 3:
        return w, "", w, ""
    known = r.known
    prefixes = [("", 0)] + [(p, m) for p, m in r.proclitics if w.startswith(p)]
    suffixes = [("", 0, False)] + [x for x in r.suffixes if w.endswith(x[0])]
    best_known: tuple[int, int, str, str, str] | None = None
    best_other: tuple[int, int, str, str, str] | None = None
    for p, pmin in prefixes:
        lp = len(p)
        is_article = p.endswith(r.article)
        if is_article and p.endswith("ال") and lw[lp - 2] != "ا":
            continue  # أل… is a hamza-alef word, not the article
        for s, smin, needs_known in suffixes:
            ls = len(s)
            if lp + ls == 0 or lp + ls >= n - 1:
                continue
            if ls and is_article:
                continue  # no possessive after the article
            if s == "ه" and lw[-1] != "ه":
                continue  # the word ends in ة: ه is its own letter
            stem = w[lp:n - ls]
            if ls and r.restore_taa and stem[-1] == "ت" and stem not in known:
                restored = stem[:-1] + "ه"
                if restored in known or not stem.endswith("ات"):
                    stem = restored
            is_known = stem in known
            if not is_known:
                if needs_known or (s == "ه" and (not exact or stem[-1] in r.no_haa_after)):
                    continue
                if len(stem) < max(pmin, smin):
                    continue
            key = (lp + ls if is_known else -lp, -lp if is_known else -ls, p, stem, s)
            if is_known:
                if best_known is None or key < best_known:
                    best_known = key
            elif best_other is None or key < best_other:
                best_other = key
    best = best_known or best_other
    if best is None:
        return w, "", w, ""
    return w, best[2], best[3], best[4]


_EVIDENCE = re.compile("[ةۃأإآىٱ]")


def split_clitics(word_norm: str) -> tuple[str, str, str]:
    """(prefix, stem, suffix) of one word, all in matching form.

    Accepts the matching form or ordinary spelling; ordinary spelling that
    shows ة or a hamza-alef lets the splitter tell ة from ه and أل from ال.
    The stem of a suffixed feminine noun gets its ة back (سيطرتها -> سيطره).
    """
    lw = light(word_norm.strip())
    return _analyse(lw, bool(_EVIDENCE.search(word_norm)))[1:]


# --------------------------------------------------------------------------- tokens

# Tokens are matched on the original text (no offset map to consult): an
# Arabic word is a letter followed by letters, marks, tatweel and the
# invisible joiners/marks that may sit inside a word; its matching form comes
# from `norm`, cached per distinct spelling.
_AR_LETTER = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufefc"
_AR_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640\u200b-\u200f\u2060-\u2064\u00ad\u034f\ufe00-\ufe0f"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a"
_TOKEN = re.compile(
    rf"([{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)"  # 1 number: 1,500  1.500  3.5  ١٬٥٠٠  ٣٫٥
    rf"|([{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*)"  # 2 Arabic word
    rf"|([{_LATIN}][{_LATIN}{_DIGIT}]*(?:['\u2019-][{_LATIN}{_DIGIT}]+)*)"  # 3 Latin word: F-16, al-Qaeda's
    rf"|([{_AR_MARK}\u061c\u202a-\u202e\u2066-\u2069\ufeff]+)"  # 4 stray marks, invisible: not tokens
    rf"|([^\W\d_]+)"  # 5 other letters
    rf"|(([^\w\s])\7*)"  # 6 punctuation (a run of one mark: ... !!)
    rf"|(\S)"  # 8 anything else (_)
)
_KIND = {1: "number", 3: "latin", 5: "other", 6: "punct", 8: "other"}
# What a proclitic written on its own attaches to: لـ"المدن" بـ17 و(القوات)
_ATTACHES = re.compile(rf"[{_DIGIT}{_LATIN}\"'«»“”„‟‘’‹›(\[{{]")

# Tokens are built through a twin class: Token is a frozen slots dataclass
# whose generated __init__ sets each field through object.__setattr__
# (~1.8 µs a token, ~700 tokens an article), and setting its slots from
# outside costs a wrapped call per field. `_TokenBuilder` is a subclass of
# Token with no slots of its own that gives back object's plain __init__,
# __setattr__ and __delattr__: `tokenize` creates one with a bare call,
# fills its (inherited) slots with plain slot stores, then makes the object
# a Token (__class__ assignment to the base it adds nothing to). Same
# fields, same values, same type: equal to Token(...) in every way, frozen
# like it.
_FIELDS = ("start", "end", "text", "norm", "stem", "prefix", "suffix", "kind")
if Token.__slots__ != _FIELDS or hasattr(Token, "__post_init__"):  # model.Token changed: update _FIELDS
    raise ImportError("rasad.arabic.tokens: Token fields differ from _FIELDS")


class _TokenBuilder(Token):
    """A Token under construction: not frozen, no __init__ (see above)."""

    __slots__ = ()
    __init__ = object.__init__
    __setattr__ = object.__setattr__  # (with __delattr__: the type keeps the generic C slot,
    __delattr__ = object.__delattr__  # so the stores below are plain slot stores)


_CACHE_MAX = 1 << 15  # entries per cache; a cache is emptied when full
_PIECE_MAX = 64  # longest space-free piece worth caching
_words: dict[tuple[str, bool], tuple[str, str, str, str]] = {}
_others: dict[str, str] = {}


def _word(w: str, exact: bool) -> tuple[str, str, str, str]:
    """(norm, prefix, stem, suffix) of an Arabic word as written (cached)."""
    key = (w, exact)
    got = _words.get(key)
    if got is None:
        if len(_words) >= _CACHE_MAX:
            _words.clear()
        lw = light(w)
        got = _analyse(lw, exact)
        _words[key] = got
    return got


def _other(w: str) -> str:
    got = _others.get(w)
    if got is None:
        if len(_others) >= _CACHE_MAX:
            _others.clear()
        got = _others[w] = norm(w)
    return got


def tokenize(text: str) -> list[Token]:
    """Words, numbers, Latin words and punctuation of `text`, in order.

    Offsets are into `text`; `token.text == text[token.start:token.end]`
    (a word's span includes its diacritics and tatweel). Numbers keep their
    separators (1,500 ١٬٥٠٠ 3.5 are one token each; the Arabic comma in
    "5،6" separates); a word and a number stay apart ("17 ألف" is two
    tokens). A proclitic written alone before a tatweel, quote or digit
    ("لـ"المدن"", "بـ17") is a token of its own with that prefix and an
    empty stem. `norm` is the token's matching form (`normalize.norm`).
    """
    return _tokenize_pieces(text, text.split(" "))


def _tokenize_pieces(text: str, pieces: list[str]) -> list[Token]:
    """`tokenize(text)`, given `text.split(" ")`."""
    exact = "ة" in text  # writers who drop ة write ه for it: then ه is ambiguous
    return _build_tokens(pieces, _pieces_exact if exact else _pieces_loose, _piece_tokens, exact, _MAKER)


def _add_rows(add, row: tuple | list, pos: int) -> None:
    """`add` the Token records of one piece's row (a tuple, one token) or rows
    (a list), whose offsets are relative to the piece, placed at `pos`."""
    builder, token = _TokenBuilder, Token
    for a, b, w, nrm, stem, prefix, suffix, kind in ((row,) if row.__class__ is tuple else row):
        t = builder()
        t.start = pos + a
        t.end = pos + b
        t.text = w
        t.norm = nrm
        t.stem = stem
        t.prefix = prefix
        t.suffix = suffix
        t.kind = kind
        t.__class__ = token
        add(t)


def _build_tokens_py(pieces: list[str], cache: dict[str, tuple | list], make_rows, exact: bool, maker=None
                     ) -> list[Token]:
    """The Token records of the pieces of a text split on " ", from the rows
    kept per piece (`make_rows(piece, exact, cache)` reads a piece not seen
    yet). The reference for `_speedups.build_tokens`."""
    get = cache.get
    out: list[Token] = []
    add = out.append
    pos = 0
    # Most of a news text is single words between single spaces: split on
    # " " (C speed, offsets are running lengths) and tokenize each distinct
    # piece once; a piece's tokens are cached relative to its start, as one
    # row when it is one token (most pieces), else as a list of rows.
    for piece in pieces:
        row = get(piece)
        if row is None:
            row = make_rows(piece, exact, cache)
        _add_rows(add, row, pos)
        pos += len(piece) + 1
    return out


_pieces_exact: dict[str, tuple | list] = {}
_pieces_loose: dict[str, tuple | list] = {}


def _piece_rows(piece: str, exact: bool) -> tuple | list:
    """The tokens of a space-free stretch of text as (start, end, text, norm,
    stem, prefix, suffix, kind) rows, offsets relative to it: one row (a
    tuple) when it is one token, else a list of rows (not to be changed)."""
    prefix_forms = rules().prefix_forms
    out = []
    for m in _TOKEN.finditer(piece):
        g = m.lastindex
        s, e = m.span()
        w = m.group()
        if g == 2:
            nrm, prefix, stem, suffix = _word(w, exact)
            if nrm in prefix_forms and (w[-1] == "ـ" or _ATTACHES.match(piece, e)):
                out.append((s, e, w, nrm, "", nrm, "", "word"))
            else:
                out.append((s, e, w, nrm, stem, prefix, suffix, "word"))
        elif g != 4:
            nrm = _other(w)
            out.append((s, e, w, nrm, nrm, "", "", _KIND[g]))
    return out[0] if len(out) == 1 else out


def _piece_tokens(piece: str, exact: bool, cache: dict[str, tuple | list]) -> tuple | list:
    """`_piece_rows`, kept in `cache` when the piece is short."""
    toks = _piece_rows(piece, exact)
    if len(piece) <= _PIECE_MAX:  # a long run without spaces is not worth keeping
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[piece] = toks
    return toks


# The C loop (rasad.arabic._speedups, built by Cython when rasad is installed)
# when it is there, else the Python one; they give the same records.
_build_tokens = _C.build_tokens if _C else _build_tokens_py
_MAKER = _C.Maker(Token, _FIELDS) if _C else None


__all__ = ["ClitRules", "rules", "split_clitics", "tokenize"]
