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
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Normalized

# One character to one character: folded with str.translate, offsets unchanged.
_ONE_TO_ONE: dict[str, str] = {}


def _fold(chars: str, to: str) -> None:
    for c in chars:
        _ONE_TO_ONE[c] = to


_fold("أإآٱٲٳٵ", "ا")
_fold("ى", "ي")
_fold("ی", "ي")  # Persian yeh
_fold("ئ", "ي")
_fold("ؤ", "و")
_fold("ة", "ه")
_fold("ۀە", "ه")
_fold("ک", "ك")
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu)
_fold("،", ",")
_fold("؛", ";")
_fold("؟", "?")
_fold("٪", "%")
_fold("٫", ".")  # Arabic decimal separator
_fold("٬", ",")  # Arabic thousands separator
_fold("“”„‟«»″‶〝〞＂❝❞", '"')
_fold("‘’‚‛`´‹›❛❜", "'")
_fold("‐‑‒–—―−﹘﹣－", "-")
_fold("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f", " ")
_fold("\u2028\u2029\u0085", "\n")
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[chr(_c)] = chr(_c + 32)
_TABLE = str.maketrans(_ONE_TO_ONE)

# Characters dropped from the matching form.
_DROP = (
    "\u064b-\u065f"  # harakat, shadda, sukun, small marks
    "\u0670"  # superscript (dagger) alef
    "\u0640"  # tatweel
    "\u0610-\u061a"  # Quranic signs
    "\u06d6-\u06ed"  # Quranic annotation marks
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings
    "\u2066-\u2069"  # bidi isolates
    "\u061c"  # Arabic letter mark
    "\ufeff"  # BOM / zero-width no-break space
    "\u00ad"  # soft hyphen
    "\r"
)
# Characters that expand (presentation forms, ligatures) or runs that shrink.
_CHANGES = re.compile(rf"[{_DROP}]+| {{2,}}|[\ufb50-\ufdff\ufe70-\ufefc]")


@lru_cache(maxsize=512)
def _expand(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    return out.translate(_TABLE) if out != ch else ch


def normalize(text: str) -> Normalized:
    """The matching form of `text` with a per-character map to `text`."""
    folded = text.translate(_TABLE)
    if not _CHANGES.search(folded):
        return Normalized(folded, tuple(range(len(text) + 1)))
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _CHANGES.finditer(folded):
        s, e = m.span()
        if s > pos:
            parts.append(folded[pos:s])
            index.extend(range(pos, s))
        g = m.group()
        if g[0] == " ":
            repl = " "
        elif len(g) == 1 and "\ufb50" <= g <= "\ufefc":
            repl = _expand(g)
        else:
            repl = ""
        if repl:
            parts.append(repl)
            index.extend([s] * len(repl))
        pos = e
    if pos < len(folded):
        parts.append(folded[pos:])
        index.extend(range(pos, len(folded)))
    index.append(len(text))
    return Normalized("".join(parts), tuple(index))


def norm(text: str) -> str:
    """Just the matching form (no offsets): for keys of lookup tables."""
    folded = text.translate(_TABLE)
    if not _CHANGES.search(folded):
        return folded
    return normalize(text).text


_DEF_PREFIX = re.compile(r"^(?:و|ف)?(?:ال|لل|بال|كال)(?=\S{2,})")


def strip_article(word: str) -> str:
    """A normalised word without its definite article (and a leading و/ف before it)."""
    return _DEF_PREFIX.sub("", word)


__all__ = ["normalize", "norm", "strip_article"]
