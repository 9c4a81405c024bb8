"""Sentence spans of Arabic news text, offsets into the original text.

A sentence ends at . ! ? ؟ ; ؛ … (a run of them counts once) and at every
line break. It does not end at the Arabic comma "،", at a dot inside a
number (3.5, 1.500, 12.5.2018) or a Latin name (syria.tv, U.S.), or at a dot
after an abbreviation (د. م. ص. ق.م, data/abbreviations.yaml). Closing
quotes and brackets right after the mark stay with the sentence they close.
Spans are stripped of surrounding whitespace and invisible marks; empty ones
are dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Sentence
from ._native import C as _C
from .normalize import norm
from .resources import data_yaml

_CLOSERS = "\"'»”’›)\\]}〞＂』」﴿"
_MARKS = ".!?؟;؛…۔⸮⁏‼⁇⁈⁉"
# The characters [{_CLOSERS}] stands for in _BOUNDARY (its backslash escapes "]"),
# for the boundary's reading in C (_speedups.Splitter); checked against the regex.
_CLOSER_CHARS = _CLOSERS.replace("\\", "")
if {c for c in _CLOSERS + "\\" if re.fullmatch(f"[{_CLOSERS}]", c)} != set(_CLOSER_CHARS):
    raise ImportError("rasad.arabic.sentences: _CLOSER_CHARS differs from the class in _BOUNDARY")
_BREAKS = "\n\r\v\f\x1c\x1d\x1e\u2028\u2029\x85"
# One character class first, so the regex engine scans for it at C speed:
# a run of end marks with the closing quotes/brackets after it, or a line
# break (CRLF as one).
_BOUNDARY = re.compile(rf"[{_MARKS}{_BREAKS}](?:(?<=[{_MARKS}])[{_MARKS}]*[{_CLOSERS}]*|(?<=\r)\n)?")
# A word (letters with their marks, tatweel and inner dots: ق.م) right before a dot.
_WORD_BEFORE = re.compile(r"(?:^|[^\w\u0640\u064b-\u065f\u0670.])([^\W\d_][\w\u0640\u064b-\u065f\u0670.]*)$")
_LATIN_ALNUM = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_STRIP = (
    " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
)


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[frozenset[str], bool]:
    d = data_yaml("abbreviations.yaml")
    words = frozenset(norm(str(w)).replace(".", "") for w in d.get("words", ()))
    return words, bool(d.get("single_letter", True))


_ABBR_CACHE: dict[str, bool] = {}  # word as written -> closes an abbreviation (news repeats words)
_ABBR_CACHE_MAX = 1 << 14
# The word right before a dot, read right to left on the reversed text: the
# run of word characters (letters with their marks, tatweel, inner dots)
# that ends at the dot, at most 16 characters back (as `_WORD_BEFORE` on
# text[i - 16:i]).
_RUN_BACK = re.compile(r"[\w\u0640\u064b-\u065f\u0670.]{0,16}")
_LETTER = re.compile(r"[^\W\d_]")


def _is_abbreviation(text: str, i: int) -> bool:
    """Whether the dot at text[i] closes an abbreviation (د. ق.م Dr.)."""
    m = _WORD_BEFORE.search(text, max(0, i - 16), i)
    if not m:
        return False
    return _closes(m.group(1))


def _closes(written: str) -> bool:
    """Whether a word as written before a dot is an abbreviation (cached)."""
    got = _ABBR_CACHE.get(written)
    if got is None:
        if len(_ABBR_CACHE) >= _ABBR_CACHE_MAX:
            _ABBR_CACHE.clear()
        word = norm(written)
        words, single = _abbreviations()
        last = word.rsplit(".", 1)[-1]  # U.S. -> s
        got = _ABBR_CACHE[written] = (single and len(last) == 1) or word.replace(".", "") in words
    return got


def _dot_ends(text: str, rev: str, i: int, e: int) -> bool:
    """Whether the dot at text[i] (its boundary match ending at e) ends a sentence.

    As `_ends_here`, with the word before the dot found on `rev`, the reversed text."""
    n = len(text)
    if i + 1 < n and text[i + 1] in _MARKS:
        return True
    if i == 0:
        return False
    prev = text[i - 1]
    if e == i + 1 and i + 1 < n:
        nxt = text[i + 1]
        if prev.isdigit() and nxt.isdigit():
            return False  # 3.5  1.500  12.5.2018
        if prev <= "\u024f" and nxt <= "\u024f" and _LATIN_ALNUM.match(prev) and _LATIN_ALNUM.match(nxt):
            return False  # syria.tv  e.g
    # The word `_WORD_BEFORE` finds: the run of word characters that ends at
    # the dot, if it begins with a letter. A run as long as the search window
    # and a newline before the dot (where its $ also matches) are left to it.
    x = text.rfind(" ", max(0, i - 16), i)
    if x >= 0 and (word := text[x + 1:i]).isalnum():
        size = i - x - 1  # a plain word after a space: the common case
    else:
        r = _RUN_BACK.match(rev, n - i)
        size = r.end() - r.start()
        if size == 16 or prev == "\n":
            return not _is_abbreviation(text, i)
        word = text[i - size:i]
    if not size:
        return True
    c = word[0]  # [^\W\d_]: a letter
    if not c.isalnum() or c.isdecimal() or c == "_":
        return True
    return not _closes(word)


def _ends_here(text: str, m: re.Match) -> bool:
    i = m.start()
    if text[i] != "." or (i + 1 < len(text) and text[i + 1] in _MARKS):
        return True
    if i == 0:
        return False
    prev = text[i - 1]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and m.end() == i + 1:
        if prev.isdigit() and nxt.isdigit():
            return False  # 3.5  1.500  12.5.2018
        if _LATIN_ALNUM.match(prev) and _LATIN_ALNUM.match(nxt):
            return False  # syria.tv  e.g
    return not _is_abbreviation(text, i)


# Sentences are built through a twin class, as tokens.py builds tokens:
# Sentence is a frozen slots dataclass whose generated __init__ sets each
# field through object.__setattr__; `_SentenceBuilder` has the same slots,
# not frozen, and the object is made a Sentence once filled (__class__
# assignment between classes of the same layout): equal to Sentence(...)
# in every way, frozen like it.
_FIELDS = ("start", "end", "text")
if Sentence.__slots__ != _FIELDS or hasattr(Sentence, "__post_init__"):  # model.Sentence changed
    raise ImportError("rasad.arabic.sentences: Sentence fields differ from _FIELDS")


class _SentenceBuilder:
    """Same slots as Sentence, not frozen: see `_add`."""

    __slots__ = _FIELDS


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, as stripped spans of the original."""
    return _split(text)


def _sentences_py(text: str, boundary=_BOUNDARY, dot_ends=_dot_ends, strip=_STRIP, maker=None) -> list[Sentence]:
    """`sentences(text)` in Python: the reference for `_speedups.split`."""
    out: list[Sentence] = []
    start = 0
    n = len(text)
    rev = None
    for m in boundary.finditer(text):
        i, e = m.span()
        if text[i] == ".":
            if rev is None:
                rev = text[::-1]
            if not dot_ends(text, rev, i, e):
                continue
        _add(text, start, e, out, strip)
        start = e
    if start < n:
        _add(text, start, n, out, strip)
    return out


def _add(text: str, a: int, b: int, out: list[Sentence], strip: str) -> None:
    core = text[a:b].strip(strip)
    if not core:
        return
    s = text.find(core[0], a)  # past what was stripped: only strip characters, and core[0] is none
    t = object.__new__(_SentenceBuilder)
    t.start = s
    t.end = s + len(core)
    t.text = core
    t.__class__ = Sentence
    out.append(t)


# The C loop (rasad.arabic._speedups) when it was built, else the Python one.
if _C:
    _split = _C.Splitter(_BOUNDARY, _MARKS + _BREAKS, _MARKS, _STRIP, _RUN_BACK, _is_abbreviation, _ABBR_CACHE, _closes,
                         _C.Maker(Sentence, _FIELDS), _CLOSER_CHARS).split
else:
    _split = _sentences_py


__all__ = ["sentences"]
