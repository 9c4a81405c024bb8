"""Matching forms of Arabic text, with a map back to the original offsets.

The matching form folds what spelling varies on and meaning does not: alef
and hamza seats, alef maqsura, taa marbuta, diacritics and tatweel, digit
scripts, Arabic punctuation, quote and dash characters, invisible marks,
presentation forms and runs of spaces. Every character of the result knows
the offset of the character it came from, so spans found in the matching
form point back into the text the user sees.

    >>> n = normalize("قُتِلَ ٢٥ عنصراً في «الحجر الأسود»")
    >>> n.text
    'قتل 25 عنصرا في "الحجر الاسود"'
    >>> n.orig_span(4, 6)
    (7, 9)

The common path is one `str.translate` (one character to one character, so
offsets do not move) and one regex scan; only the characters that vanish,
expand or collapse go through Python code.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from ..model import Normalized
from ._native import C as _C

# One character to one character: folded with str.translate, offsets unchanged.
_ONE_TO_ONE: dict[str, str] = {}


def _fold(chars: str, to: str) -> None:
    for c in chars:
        _ONE_TO_ONE[c] = to


# Letters. Hamza seats fold to the bare seat; a lone hamza (ء) stays.
_fold("أإآٱٲٳٵ", "ا")
_fold("ىیۍێېےۓ", "ي")  # alef maqsura, Persian/Urdu/Pashto yeh forms
_fold("ئٸ", "ي")
_fold("ؤٶٷ", "و")
_fold("ةۃ", "ه")
_fold("ۀەہھ", "ه")
_fold("کڪ", "ك")
_fold("گ", "ك")  # Iraqi/Kurdish transliteration of g
_fold("ڤ", "ف")  # v
_fold("پ", "ب")  # p
_fold("چ", "ج")  # ch
_fold("ژ", "ز")  # zh
# Digits: Arabic-Indic, Extended (Persian/Urdu) and fullwidth to ASCII.
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)
# Punctuation.
_fold("،⹁", ",")
_fold("؛⁏", ";")
_fold("؟⸮", "?")
_fold("۔", ".")  # Arabic full stop (Urdu style)
_fold("٪", "%")
_fold("٭", "*")
_fold("٫", ".")  # Arabic decimal separator
_fold("٬", ",")  # Arabic thousands separator
_fold("“”„‟«»″‶〝〞＂❝❞ˮ״", '"')
_fold("‘’‚‛`´‹›❛❜′ʻʼ", "'")
_fold("‐‑‒–—―−﹘﹣－⁃⸺⸻", "-")
# Whitespace: every horizontal space is a space, every line separator a newline.
_fold("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f", " ")
_fold("\u2028\u2029\u0085", "\n")
# Latin case.
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[chr(_c)] = chr(_c + 32)

# A lighter fold for clitic analysis: like the matching form but keeping what
# tells a hamza-alef from a bare one and taa marbuta from haa.
_LIGHT = dict(_ONE_TO_ONE)
for _c in "أإآةۃ":
    _LIGHT.pop(_c, None)


def _dense(mapping: dict[str, str]) -> tuple[int, ...]:
    """A translate table as a dense tuple of code points up to the last folded one.

    str.translate with a dict raises and swallows a KeyError for every
    character it does not fold (most of an Arabic text); a tuple indexed by
    code point is 2-3x faster. Characters past its end stay as they are.
    """
    top = max(ord(c) for c in mapping) + 1
    table = list(range(top))
    for c, to in mapping.items():
        table[ord(c)] = ord(to)
    return tuple(table)


_TABLE = _dense(_ONE_TO_ONE)
_LIGHT_TABLE = _dense(_LIGHT)

# Characters dropped from the matching form.
_DROP = (
    "\u064b-\u065f"  # harakat, shadda, sukun, small marks, hamza above/below
    "\u0670"  # superscript (dagger) alef
    "\u0640"  # tatweel
    "\u0610-\u061a"  # Quranic signs
    "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u08d3-\u08ff"  # extended Arabic marks
    "\u034f"  # combining grapheme joiner
    "\u180e"  # Mongolian vowel separator (old zero-width space)
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\u061c"  # Arabic letter mark
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # BOM / zero-width no-break space
    "\u00ad"  # soft hyphen
)
_DROP_RE = re.compile(f"[{_DROP}]+")
# Presentation forms and ligatures (expand with NFKC), fullwidth ASCII.
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefc\uff01-\uff5e"
# What the translate table cannot do: characters that vanish, CR/CRLF that
# become one newline, presentation forms that expand (one character class
# first, so the regex engine scans for it at C speed), and runs of spaces.
_SPECIAL = re.compile(f"[{_DROP}\r{_PRESENTATION}]+")
_SPACES = re.compile("  +")
_IS_DROP = re.compile(f"[{_DROP}]")
_NOT_DROP = re.compile(f"[\r{_PRESENTATION}]")


@lru_cache(maxsize=1024)
def _expand(ch: str, lighter: bool = False) -> str:
    """A presentation form (ligature, contextual shape) as plain letters."""
    table = _LIGHT_TABLE if lighter else _TABLE
    out = unicodedata.normalize("NFKC", ch)
    if out == ch:
        return ch.translate(table)
    out = _DROP_RE.sub("", out.translate(table))
    return out.strip(" ") if out.strip() else ""


# Most texts are folded piece by piece: split on " " (which no fold touches
# and no run of marks spans), each distinct piece folded once and kept (news
# repeats its words), joined again. A dict hit costs far less than folding a
# piece's characters. A piece that loses marks (diacritics, tatweel,
# invisibles) is kept apart with the runs of characters it keeps; pieces with
# other special characters (carriage returns, presentation forms), and texts
# whose spaces would collapse, take the general path (`_normalize_general`).
_PLAIN: dict[str, str] = {}  # piece that keeps its length -> folded
_PLAIN_LIGHT: dict[str, str] = {}
_MARKED: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}  # piece that loses marks -> (folded, kept runs)
_MARKED_LIGHT: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
_CACHE_MAX = 1 << 15  # entries per cache; a cache is emptied when full
_PIECE_MAX = 64  # longest piece worth keeping
_SHORT = 48  # texts shorter than this (words: `norm`, `light`) are folded at once

# Offsets are mostly runs of consecutive integers: slices of one shared tuple
# of them cost no new int objects. Grown on demand, up to _INTS_MAX; longer
# texts use a range.
_INTS: tuple[int, ...] = tuple(range(1 << 13))
_INTS_MAX = 1 << 18


def _ints(n: int) -> tuple[int, ...] | range:
    """(0, 1, ..., n - 1), as a tuple up to _INTS_MAX, else as a range."""
    global _INTS
    if n > len(_INTS):
        if n > _INTS_MAX:
            return range(n)
        _INTS = tuple(range(min(_INTS_MAX, max(n, 2 * len(_INTS)))))
    return _int_slice(_INTS, n)


def _int_slice_py(ints: tuple[int, ...], n: int) -> tuple[int, ...]:
    """`ints[:n]`. The reference for `_speedups.int_slice`, which returns the
    slice untracked by the cycle collector (it holds only ints)."""
    return ints[:n]


def _normalize(text: str, lighter: bool = False) -> tuple[str, tuple[int, ...] | list[int] | None]:
    """(matching form, per-character original offsets or None when unchanged in length)."""
    if len(text) < _SHORT:
        return _normalize_general(text, lighter)
    got = _fold_pieces(text, text.split(" "), lighter)
    return got[:2] if got is not None else _normalize_general(text, lighter)


def _fold_one(piece: str, lighter: bool = False) -> tuple[str, tuple[tuple[int, int], ...] | None] | None:
    """(folded form, kept runs or None if it keeps its length) of a space-free
    piece, or None if it needs the general path (carriage returns,
    presentation forms)."""
    folded = piece.translate(_LIGHT_TABLE if lighter else _TABLE)
    special = _SPECIAL.search(folded)
    if special is None:
        return folded, None
    if _NOT_DROP.search(folded, special.start()):
        return None
    spans = [m.span() for m in _DROP_RE.finditer(folded, special.start())]
    runs = tuple((a, b) for a, b in zip([0, *map(itemgetter(1), spans)], [*map(itemgetter(0), spans), len(folded)])
                 if a < b)
    return "".join([folded[a:b] for a, b in runs]), runs


def _fold_piece(piece: str, lighter: bool) -> tuple[str, tuple[tuple[int, int], ...] | None] | None:
    """`_fold_one`, kept when the piece is short."""
    got = _fold_one(piece, lighter)
    if got is not None and len(piece) <= _PIECE_MAX:
        if got[1] is None:
            cache = _PLAIN_LIGHT if lighter else _PLAIN
            value = got[0]
        else:
            cache = _MARKED_LIGHT if lighter else _MARKED
            value = got
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[piece] = value
    return got


def _none_at_py(items: list, start: int = 0) -> int:
    """Where None first stands in `items` from `start` on (by identity), or
    -1: `items.index(None, start)` without comparing every item with None
    (each item's __eq__ is tried). The reference for `_speedups.none_at`."""
    return next((i for i in range(max(start, 0), len(items)) if items[i] is None), -1)


# The C loops (rasad.arabic._speedups) when they were built, else the Python ones.
_none_at = _C.none_at if _C else _none_at_py
_int_slice = _C.int_slice if _C else _int_slice_py


def _unmarked(marks: list, pieces: list[str]):
    """(j, where piece j starts in " ".join(pieces)) for each j whose mark is
    None, in order; the runs of marked pieces between are passed over at C
    speed (`_none_at`). A mark may be set once its piece was yielded."""
    i = -1
    at = 0  # where piece i + 1 starts
    while True:
        j = _none_at(marks, i + 1)
        if j < 0:
            return
        if j > i + 1:
            at += sum(map(len, pieces[i + 1:j])) + (j - i - 1)
        yield j, at
        at += len(pieces[j]) + 1
        i = j


def _fold_pieces(text: str, pieces: list[str], lighter: bool = False
                 ) -> tuple[str, tuple[int, ...] | None, list[str]] | None:
    """`_normalize` of a text given `text.split(" ")`, with the folded pieces
    (" ".join makes the matching form), or None if it needs the general path."""
    got = list(map((_PLAIN_LIGHT if lighter else _PLAIN).get, pieces))
    if _none_at(got) < 0:
        out = " ".join(got)
        return (out, None, got) if "  " not in out else None
    # Pieces that lose marks, or not seen yet: placed one by one, with the
    # runs of plain pieces between them as slices of offsets.
    marked = _MARKED_LIGHT if lighter else _MARKED
    ints = _ints(len(text) + 1)
    index: list[int] = []
    extend = index.extend
    changed = False
    pos = 0  # the next original offset not yet placed
    for j, at in _unmarked(got, pieces):
        piece = pieces[j]
        hit = marked.get(piece) or _fold_piece(piece, lighter)
        if hit is None:
            return None
        got[j], runs = hit
        if runs is not None:
            changed = True
            extend(ints[pos:at])
            for a, b in runs:
                extend(ints[at + a:at + b])
            pos = at + len(piece)  # the space after it, or the end of the text
    out = " ".join(got)
    if "  " in out:
        return None  # runs of spaces collapse: the general path
    if not changed:
        return out, None, got
    extend(ints[pos:len(text) + 1])
    return out, tuple(index), got


def _normalize_general(text: str, lighter: bool = False) -> tuple[str, list[int] | None]:
    """`_normalize` character by character (any text)."""
    folded = text.translate(_LIGHT_TABLE if lighter else _TABLE)
    special = _SPECIAL.search(folded)
    if special is None and "  " not in folded:
        return folded, None
    if special is not None and "  " not in folded and not _NOT_DROP.search(folded, special.start()):
        return _drop_runs(text, folded, special.start())
    events = [m.span() for m in _SPECIAL.finditer(folded, special.start())] if special else []
    if "  " in folded:
        events.extend(m.span() for m in _SPACES.finditer(folded))
        events.sort()
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for s, e in events:
        if s > pos:
            parts.append(folded[pos:s])
            index.extend(range(pos, s))
        if folded[s] == " ":
            parts.append(" ")
            index.append(s)
            pos = e
        else:
            pos = _special_run(text, folded, s, e, lighter, parts, index)
    if pos < len(folded):
        parts.append(folded[pos:])
        index.extend(range(pos, len(folded)))
    index.append(len(text))
    out = "".join(parts)
    if "  " in out:  # spaces that a dropped mark kept apart ("a \u200f b")
        out, index = _collapse_spaces(out, index)
    return out, index


def _drop_runs(text: str, folded: str, first: int) -> tuple[str, list[int]]:
    """The common slow path: only marks to drop (diacritics, invisibles), done at C speed."""
    spans = [m.span() for m in _DROP_RE.finditer(folded, first)]
    starts = [0, *map(itemgetter(1), spans)]
    ends = [*map(itemgetter(0), spans), len(folded)]
    out = "".join(map(folded.__getitem__, map(slice, starts, ends)))
    index = list(chain.from_iterable(map(range, starts, ends)))
    index.append(len(text))
    if "  " in out:  # spaces that a dropped mark kept apart ("a \u200f b")
        return _collapse_spaces(out, index)
    return out, index


def _collapse_spaces(out: str, index: list[int]) -> tuple[str, list[int]]:
    keep_parts: list[str] = []
    keep_index: list[int] = []
    pos = 0
    for m in _SPACES.finditer(out):
        s, e = m.span()
        keep_parts.append(out[pos:s + 1])
        keep_index.extend(index[pos:s + 1])
        pos = e
    keep_parts.append(out[pos:])
    keep_index.extend(index[pos:])
    return "".join(keep_parts), keep_index


def _special_run(text: str, folded: str, s: int, e: int, lighter: bool, parts: list[str], index: list[int]) -> int:
    """Rewrite one run of dropped marks, carriage returns and presentation forms.

    Returns where the run ends (past the \\n of a CRLF that closes it).
    """
    if _DROP_RE.fullmatch(folded, s, e):
        return e  # the common case: diacritics or invisible marks, all dropped
    i = s
    while i < e:
        ch = folded[i]
        if ch == "\r":
            parts.append("\n")
            if i + 1 == e and e < len(folded) and folded[e] == "\n":
                index.append(e)
                return e + 1  # CRLF: one newline, at the \n
            index.append(i)
        elif not _IS_DROP.match(ch):
            repl = _expand(text[i], lighter)
            if repl:
                parts.append(repl)
                index.extend([i] * len(repl))
        i += 1
    return e


def normalize(text: str) -> Normalized:
    """The matching form of `text` with a per-character map to `text`."""
    out, index = _normalize(text)
    if index is None:
        return Normalized(out, tuple(_ints(len(text) + 1)))
    return Normalized(out, tuple(index))


def _normalize_split(text: str, pieces: list[str]) -> tuple[Normalized, list[str] | None]:
    """`normalize(text)` given `text.split(" ")`, with the folded pieces
    (" ".join makes the matching form) when the text was folded piece by
    piece, else None."""
    got = _fold_pieces(text, pieces) if len(text) >= _SHORT else None
    if got is None:
        return normalize(text), None
    out, index, folded = got
    return Normalized(out, tuple(_ints(len(text) + 1)) if index is None else index), folded


def norm(text: str) -> str:
    """Just the matching form (no offsets): for keys of lookup tables."""
    return _normalize(text)[0]


def light(text: str) -> str:
    """Like `norm` but keeping hamza on alef (أ إ آ) and taa marbuta (ة).

    Same length as `norm(text)`, character for character, so the clitic
    splitter can tell the article in "الوية" from the first letters of "ألوية".
    """
    return _normalize(text, True)[0]


def strip_article(word: str) -> str:
    """A normalised word without its definite article (and a leading و/ف/ب/ك/ل before it).

    Uses the clitic analysis (`tokens.split_clitics`), so words whose first
    letters only look like an article (آلاف، ألوية، الذي) are kept whole.
    """
    from .tokens import split_clitics  # tokens imports this module

    prefix = split_clitics(word)[0]
    if prefix.endswith(("ال", "لل")):
        return norm(word)[len(prefix):]
    return word


__all__ = ["normalize", "norm", "light", "strip_article"]
