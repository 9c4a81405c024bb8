"""Numbers in Arabic news text: what each says and what it counts.

`quantities(text)` finds digits (Western and Arabic-Indic, with thousands
separators and decimals), number words in every case, gender and spelling
(compounds such as "مائة وتسعة وخمسين"), duals of counted nouns (طفلين = 2),
vague amounts by ACLED's convention (عشرات = 10), approximators and bounds
(قرابة، أكثر من، على الأقل), ranges (بين 10 و15), and tells counts of people
and things from percentages, money, years, clock times, durations and
ordinals, so that only real counts reach the casualty extractor.

All words live in data files (data/numbers.yaml, data/quantities_units.yaml,
loaded by _qty_lexicon); the number grammar is in _qty_grammar, the reading of
context (ranges, qualifiers, kinds, nouns) in _qty_reader, and this module
finds where to read and maps spans back. Matching runs on the normalised form
of the text (rasad.arabic.normalize); every span maps back to the original.

Conventions (the data files say why for each word list):

* Span: the number expression itself -- digits or number words with their
  multiplier, both ends of a range, a percent sign or word -- without
  proclitics (و، ل، ب) and without qualifier words, which `qualifier` states.
  The counted noun has its own span: the word after the number ("25 عنصراً"),
  the word after "من" ("العشرات من عناصر")، the noun a postposed واحد/اثنين or
  a definite number agrees with ("مدنيين اثنين"، "الأطفال الثلاثة"), or the
  dual itself ("طفلين").
* Vague amounts follow ACLED (عشرات 10, مئات 100, آلاف 1000, عشرات الآلاف
  10000), بضع/بضعة is 3; all with qualifier "vague".
* A range gives the lower bound as `value`, the upper as `upper`, qualifier
  "at_least".
* "-ين" duals of nouns with a sound masculine plural (مدنيين، مقاتلين) are read
  as plurals unless "اثنين" follows.
* Values are integers: a decimal without a multiplier ("12.5%") is rounded
  half up.
* Dates ("21/5/2018"، "5 أيار"، "الخامس من حزيران") yield nothing; clock times,
  labels (القرار 2254) and measures (20 كيلومتراً) are kind "other".

Speed: a raw-text search (Aho-Corasick over every spelling of every number
word, plus digits) finds where numbers may be; only those stretches of the
text, with some context, are normalised and parsed. `_quantities_whole` reads
the whole text and is the reference the tests hold the fast path to. A caller
that has normalised the text already passes `normalized=`: reading the whole
normalised text is then cheaper than finding windows and folding them again
(`rasad.arabic.analyse` does this).
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from functools import lru_cache

import ahocorasick

from ..model import Normalized, Quantity
from ._native import C as _C
from ._qty_grammar import _tokenize
from ._qty_lexicon import _PREFIXES, _lexicon
from ._qty_reader import _Reader
from .normalize import normalize

# --------------------------------------------------------------------------- API

_MARK = re.compile(r"[\u064b-\u065f\u0670\u0640]*")


def _marks_end(text: str, s: int, e: int) -> tuple[int, int]:
    """Extend a span over the diacritics that end its last word (خمسةُ، عشرونَ)."""
    if e >= len(text) or not ("\u064b" <= text[e] <= "\u065f" or text[e] in "\u0670\u0640"):
        return s, e
    m = _MARK.match(text, e)
    return s, (m.end() if m else e)


# ---- finding where numbers may be, without normalising the whole text

# How a matching-form letter is commonly written (see normalize.py); used to search raw text.
_SPELLINGS = {"ا": "اأإآ", "ي": "يىئ", "ه": "هة", "و": "وؤ"}
_MAX_SPELLINGS = 3000
# Marks the raw search ignores (harakat, tatweel, invisible marks); with them the
# text is stripped first.
_MARKS = "\u064b-\u065f\u0670\u0640\u0610-\u061a\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
_IGNORED = re.compile(f"[{_MARKS}]+")
# Rare spellings the search does not list (presentation forms, Persian yeh and kaf, rare
# alef and haa forms): text with any of them is read whole.
_RARE = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefcٱٲٳٵیکۀە]")
_SPECIAL = re.compile(f"[{_MARKS}\ufb50-\ufdff\ufe70-\ufefcٱٲٳٵیکۀە]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_LETTERS = frozenset(chr(c) for c in [*range(0x0621, 0x064B), *range(0x0671, 0x06D4)])
_RAW_PREFIXES = frozenset(
    "".join(v) for p in _PREFIXES for v in itertools.product(*[_SPELLINGS.get(c, c) for c in p[0]])
)
_MARGIN_BEFORE = 70  # characters of context kept before a possible number
_MARGIN_AFTER = 80  # ... and after it
_SNAP = 60  # how far a window edge may move to reach a space
_SPACE = re.compile(r"\s")
_SPACE_BACK = re.compile(r".*\s", re.S)  # up to the last space in the searched stretch


def _spellings(form: str) -> list[str]:
    """Every raw spelling of a matching form (أربعة، اربعه ...)."""
    opts = [_SPELLINGS.get(c, c) for c in form]
    if math.prod(len(o) for o in opts) > _MAX_SPELLINGS:
        # Too many: search the longest run of letters that are spelled one way.
        runs = re.split("[" + "".join(_SPELLINGS) + "]", form)
        core = max(runs, key=len)
        return [core] if len(core) >= 2 else [form]
    return ["".join(x) for x in itertools.product(*opts)]


@lru_cache(maxsize=1)
def _automaton():
    """Aho-Corasick automaton of every raw spelling of a word that may start a quantity."""
    lx = _lexicon()
    forms = set(lx.atoms) | lx.duals | set(lx.unit_duals)
    auto = ahocorasick.Automaton()
    for f in forms:
        for sp in _spellings(f):
            auto.add_word(sp, len(sp))
    auto.make_automaton()
    return auto


def _anchors(src: str) -> list[int]:
    """Offsets in `src` where a number word, dual or digit may begin."""
    out = [m.start() for m in _DIGIT.finditer(src)]
    n = len(src)
    letters = _LETTERS
    for end, length in _automaton().iter(src):
        e = end + 1
        if e < n and src[e] in letters:
            continue
        b = end - length + 1
        ws = b
        while ws > 0 and b - ws < 5 and src[ws - 1] in letters:
            ws -= 1
        if ws == b or src[ws:b] in _RAW_PREFIXES:
            out.append(ws)
    out.sort()
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of `text`, cut at spaces, holding every possible number with context."""
    src = text
    cuts: list[tuple[int, int]] = []  # (offset in src, characters removed before it)
    if _SPECIAL.search(text):
        if _RARE.search(text):
            return [(0, len(text))]
        removed = 0
        parts = []
        pos = 0
        for m in _IGNORED.finditer(text):
            parts.append(text[pos:m.start()])
            removed += m.end() - m.start()
            cuts.append((m.start() - (removed - (m.end() - m.start())), removed))
            pos = m.end()
        parts.append(text[pos:])
        src = "".join(parts)
    anchors = _anchors(src)
    if not anchors:
        return []
    if cuts:
        keys = [c[0] for c in cuts]
        anchors = [a + (cuts[i - 1][1] if (i := bisect.bisect_right(keys, a)) else 0) for a in anchors]
    n = len(text)
    spans: list[list[int]] = []
    for a in anchors:
        lo, hi = a - _MARGIN_BEFORE, a + _MARGIN_AFTER
        if spans and lo <= spans[-1][1] + _SNAP:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if lo <= 0:
            lo = 0
        else:
            m = _SPACE_BACK.search(text, max(0, lo - _SNAP), lo)
            lo = m.end() if m else max(0, lo - _SNAP)
        if hi >= n:
            hi = n
        else:
            m = _SPACE.search(text, hi, hi + _SNAP)
            hi = m.start() if m else min(n, hi + _SNAP)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# Quantities are built through a twin class, as tokens.py builds tokens:
# Quantity is a frozen slots dataclass whose generated __init__ sets each
# field through object.__setattr__. `_QuantityBuilder` has the same slots,
# not frozen; `_quantity_py` fills them with plain slot stores and makes the
# object a Quantity (__class__ assignment between classes of the same
# layout). Same fields, same values, same type: equal to Quantity(...) in
# every way, frozen like it. When rasad.arabic._speedups was built,
# `_quantity` is its Maker, which fills the slots in C: the same record.
_FIELDS = ("start", "end", "value", "qualifier", "kind", "noun_start", "noun_end", "upper", "text")
if Quantity.__slots__ != _FIELDS or hasattr(Quantity, "__post_init__"):  # model.Quantity changed
    raise ImportError("rasad.arabic.quantities: Quantity fields differ from _FIELDS")


class _QuantityBuilder:
    """Same slots as Quantity, not frozen: see `_quantity_py`."""

    __slots__ = _FIELDS


def _quantity_py(start: int, end: int, value: int, qualifier: str, kind: str, noun_start: int | None,
                 noun_end: int | None, upper: int | None, text: str) -> Quantity:
    """Quantity(start, end, ...), built without the frozen dataclass's __init__."""
    q = object.__new__(_QuantityBuilder)
    q.start = start
    q.end = end
    q.value = value
    q.qualifier = qualifier
    q.kind = kind
    q.noun_start = noun_start
    q.noun_end = noun_end
    q.upper = upper
    q.text = text
    q.__class__ = Quantity
    return q


# The C maker (rasad.arabic._speedups) when it was built: the same record, made in C.
_quantity = _C.Maker(Quantity, _FIELDS) if _C else _quantity_py


def _scan(text: str, lo: int, hi: int, n: Normalized | None = None, pieces: list[str] | None = None
          ) -> list[Quantity]:
    """Quantities in text[lo:hi], with offsets into `text` (`n`: its
    normalisation, if known; `pieces`: strings that " ".join makes n.text)."""
    if n is None:
        n = normalize(text[lo:hi])
    return _read(text, lo, n, _tokenize(n.text, pieces))


def _read(text: str, lo: int, n: Normalized, toks) -> list[Quantity]:
    """The quantities of the tokens `toks` of n.text, n the normalisation of
    text[lo:...], with offsets into `text`."""
    if not toks:
        return []
    out: list[Quantity] = []
    index = n.index
    size = len(text)
    for q in _Reader(toks).run():
        # n.orig_span, then over the diacritics that end the last word (_marks_end)
        a, b = q.start, q.end
        s = index[a] + lo
        e = (index[b - 1] + 1 if b > a else index[a]) + lo
        if e < size and ("\u064b" <= text[e] <= "\u065f" or text[e] in "\u0670\u0640"):
            s, e = _marks_end(text, s, e)
        ns = ne = None
        a, b = q.noun_start, q.noun_end
        if a is not None and b is not None:
            ns = index[a] + lo
            ne = (index[b - 1] + 1 if b > a else index[a]) + lo
            if ne < size and ("\u064b" <= text[ne] <= "\u065f" or text[ne] in "\u0670\u0640"):
                ns, ne = _marks_end(text, ns, ne)
        out.append(_quantity(s, e, q.value, q.qualifier, q.kind, ns, ne, q.upper, text[s:e]))
    return out


def quantities(text: str, *, normalized: Normalized | None = None) -> list[Quantity]:
    """Every number in `text`, with its value, qualifier, kind and counted noun.

    Offsets are into `text` itself. Never raises on odd input; returns [] when
    there is nothing. `normalized` may pass `normalize(text)` when the caller
    already has it: the whole text is then read at once. Without it, only the
    stretches of text around possible numbers (found by a raw-text search, see
    `_windows`) are normalised and read. Both give the same result.
    """
    if not text:
        return []
    if normalized is not None and normalized.index[-1] == len(text):  # index ends at len(text)
        return _scan(text, 0, len(text), normalized)
    out: list[Quantity] = []
    for lo, hi in _windows(text):
        out.extend(_scan(text, lo, hi))
    return out


def _quantities_whole(text: str) -> list[Quantity]:
    """`quantities` without the raw-text search: the reference it must agree with."""
    return _scan(text, 0, len(text)) if text else []


__all__ = ["quantities"]
