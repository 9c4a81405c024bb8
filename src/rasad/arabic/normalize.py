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


def _normalize(text: str, lighter: bool = False) -> tuple[str, list[int] | None]:
    """(matching form, per-character original offsets or None when unchanged in length)."""
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
        return Normalized(out, tuple(range(len(text) + 1)))
    return Normalized(out, tuple(index))


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
