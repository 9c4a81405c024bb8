"""Tokens and number grammar of `rasad.arabic.quantities`.

Splits a normalised text into tokens cheaply, and reads one number at a token:
digits with separators and multipliers (1,500؛ 17 ألف؛ 1.5 مليون), number
words with their compounds (مائة وتسعة وخمسين؛ ثلاثة آلاف ومئتان), fractions of
multipliers (نصف مليون), and vague amounts (عشرات الآلاف، بضعة آلاف).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import accumulate

from ._qty_lexicon import ATOMS, _lexicon, _triggers

# --------------------------------------------------------------------------- tokens

# One token: an Arabic or Latin word, a number-like run (date, clock time, number), or
# one other visible character. Each match also takes the white space before it, so
# token offsets follow from the running sum of match lengths. (Possessive repeats: the
# same matches, without keeping backtracking points nothing would use.)
_TOKEN = re.compile(
    r"\s*+(?:[\u0621-\u064a]++|[a-z]++|(?=\d)(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?![\d/])|\d{1,2}/\d{1,2}(?![\d/])"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d+(?:\.\d+)?)"
    r"|[^\s\u0621-\u064a\da-z])"
)
_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{1,2}/\d{1,2}")
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_PAD = 32  # how far past either end of the tokens `_Parser.word` may look


def _kind_of(w: str) -> str:
    c = w[0]
    if c in _ARABIC_LETTERS:
        return "word"
    if c in _DIGITS:
        return "clock" if ":" in w else ("date" if _DATE.fullmatch(w) else "num")
    return "sym"


class _Kinds(dict):
    """token text -> kind (date | clock | num | word | sym), kept."""

    def __missing__(self, w: str) -> str:
        kind = _kind_of(w)
        if len(self) >= _PIECES_MAX:
            self.clear()
        self[w] = kind
        return kind


KINDS = _Kinds()


class _Mults(dict):
    """word -> (value, "mult" | "mult_pl") when it is a bare multiplier (ألف، آلاف), else None."""

    def __missing__(self, w: str) -> tuple[int, str] | None:
        got = None
        a = ATOMS[w]
        if a and a[0] == 0 and not a[1]:
            for typ in ("mult", "mult_pl"):
                if typ in a[3]:
                    got = a[3][typ], typ
                    break
        if len(self) >= _PIECES_MAX:
            self.clear()
        self[w] = got
        return got


MULTS = _Mults()


@dataclass(slots=True)
class _Tok:
    kind: str  # date | clock | num | word | sym
    start: int
    end: int
    text: str


def _add_piece_tokens(info: tuple, pos: int, texts: list[str], ends: list[int], words: list[str],
                      cands: list[int]) -> None:
    """Append one piece's tokens (its `_piece` reading: texts, ends relative to
    the piece, words, candidate indexes; a str, int, str when it is one token)
    to a text's arrays, the piece starting at `pos`."""
    w, e, word, cand = info
    if w.__class__ is str:  # one token
        if cand:
            cands.append(len(texts))
        texts.append(w)
        ends.append(pos + e)
        words.append(word)
    elif w:
        if cand:
            base = len(texts)
            cands.extend([base + c for c in cand])
        texts.extend(w)
        ends.extend([pos + x for x in e])
        words.extend(word)


class _Tokens:
    """The tokens of a normalised text, built into `_Tok` records only when looked at.

    `texts` and `ends` are every token's text and end offset; `words` the
    token where it is a word (it begins with an Arabic letter or a-z), else
    ""; `cands` the indexes of the tokens that may begin a quantity (a word
    that may start one, `_triggers`, or a token that begins with an ASCII
    digit), in order.

    The text is split on " " and each distinct piece read once (`_piece`):
    the tokenizer's look-aheads see the same at a piece's end as before a
    space, and a token never holds a space, so the tokens are those of the
    whole text. Most pieces are one word; the many tokens far from any
    number cost next to nothing. `pieces` may pass any list of strings that
    " ".join makes `t` (the folded pieces of `normalize`).
    """

    __slots__ = ("texts", "ends", "words", "cands", "_cache")

    def __init__(self, t: str, pieces: list[str] | None = None):
        texts: list[str] = []
        ends: list[int] = []
        words: list[str] = []
        cands: list[int] = []
        get = _PIECES.get
        pos = 0
        for piece in pieces if pieces is not None else t.split(" "):
            _add_piece_tokens(get(piece) or _piece(piece), pos, texts, ends, words, cands)
            pos += len(piece) + 1
        self.texts = texts
        self.ends = ends
        self.words = words
        self.cands = cands
        self._cache: dict[int, _Tok] = {}

    @classmethod
    def from_arrays(cls, texts: list[str], ends: list[int], words: list[str], cands: list[int]) -> _Tokens:
        """Tokens laid out already (by `rasad.arabic.analyse`)."""
        toks = object.__new__(cls)
        toks.texts = texts
        toks.ends = ends
        toks.words = words
        toks.cands = cands
        toks._cache = {}
        return toks

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, k: int) -> _Tok:
        tk = self._cache.get(k)
        if tk is None:
            if k < 0:
                raise IndexError(k)
            w = self.texts[k]
            e = self.ends[k]
            tk = self._cache[k] = _Tok(KINDS[w], e - len(w), e, w)
        return tk


_PIECES: dict[str, tuple] = {}
_PIECES_MAX = 1 << 15  # entries; emptied when full
_PIECE_MAX = 64  # longest piece worth keeping


def _piece_info(piece: str) -> tuple:
    """(texts, ends, words, candidates) of the tokens of a space-free piece,
    ends and candidate indexes relative to it; (text, end, word, is a
    candidate) when it is one token."""
    trig = _triggers()
    parts = _TOKEN.findall(piece)
    texts = tuple(map(str.lstrip, parts))
    ends = tuple(accumulate(map(len, parts)))
    words = tuple(w if w[0] in _ARABIC_LETTERS else "" for w in texts)
    cands = tuple(i for i, w in enumerate(texts) if w in trig or "0" <= w < ":")
    return (texts[0], ends[0], words[0], bool(cands)) if len(texts) == 1 else (texts, ends, words, cands)


def _piece(piece: str) -> tuple:
    """`_piece_info`, kept when the piece is short."""
    got = _piece_info(piece)
    if len(piece) <= _PIECE_MAX:
        if len(_PIECES) >= _PIECES_MAX:
            _PIECES.clear()
        _PIECES[piece] = got
    return got


def _tokenize(t: str, pieces: list[str] | None = None) -> _Tokens:
    return _Tokens(t, pieces)


# --------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class _Num:
    value: float
    i: int  # first token
    j: int  # one past the last token
    start: int  # span start (normalised offsets)
    end: int
    words: bool = False
    vague: bool = False
    definite: bool = False
    mult: int = 0  # last multiplier applied (for "بين 12 و16 ألفا")
    raw_value: float = 0  # value before a trailing multiplier
    single: int = 0  # value of a lone unit word (واحد / اثنين) else 0
    digits4: bool = False  # a bare 4-digit number (year candidate)


class _Parser:
    """Reads quantities from the tokens of one normalised text."""

    def __init__(self, toks: _Tokens):
        self.lx = _lexicon()
        self.toks = toks
        self.words = toks.words
        self.texts = toks.texts
        self.ends = toks.ends
        self.n = len(self.words)
        # `word(k)` is asked hundreds of times a text, mostly a token or two
        # either side of a number: the list padded with "" on the right (which
        # small negative indexes wrap to) answers it in C, with no bounds test.
        # `text(k)` likewise for any token. (The padded lists are kept too, for
        # reading runs of tokens as slices.)
        pad = [""] * _PAD
        self.padded_words = self.words + pad
        self.word = self.padded_words.__getitem__
        self.padded_texts = self.texts + pad
        self.text = self.padded_texts.__getitem__

    # ---- small helpers

    def st(self, k: int) -> int:
        """Start offset of token k."""
        return self.ends[k] - len(self.texts[k])

    def en(self, k: int) -> int:
        """End offset of token k."""
        return self.ends[k]

    def word(self, k: int) -> str:
        """Token k if it is a word, else "" (also for -_PAD <= k < 0 and n <= k < n + _PAD).

        Replaced per instance by a faster equivalent in `__init__`."""
        return self.words[k] if 0 <= k < self.n else ""

    def text(self, k: int) -> str:
        """Token k, or "" (also for -_PAD <= k < 0 and n <= k < n + _PAD).

        Replaced per instance by a faster equivalent in `__init__`."""
        return self.texts[k] if 0 <= k < self.n else ""

    def kind(self, k: int) -> str:
        """Token k's kind: date | clock | num | word | sym."""
        return KINDS[self.texts[k]]

    def atom_at(self, k: int):
        """Token k read as a number word (see `_atom`), or None."""
        return ATOMS[self.word(k)]

    def after_and(self, k: int) -> tuple[int, int, str] | None:
        """Token k joined by "و": (token index, clitic length, bare) of what follows, or None."""
        w = self.word(k)
        if w == "و" and k + 1 < self.n:
            return k + 1, 0, ""
        if w.startswith("و") and len(w) > 2:
            return k, 1, w[1:]
        return None

    # ---- numbers

    def digits(self, k: int) -> _Num | None:
        s = self.texts[k]
        if len(s) > 15:
            return None  # an identifier or a run of digits, not an amount
        mult_next = MULTS[self.word(k + 1)]  # self._mult_at(k + 1)
        if "," in s:
            v: float = int(s.replace(",", ""))
        elif s.count(".") > 1:
            v = int(s.replace(".", ""))
        elif "." in s:
            a, b = s.split(".")
            v = float(s) if (mult_next or len(b) != 3) else int(a + b)
        else:
            v = int(s)
        end = self.ends[k]
        num = _Num(v, k, k + 1, end - len(s), end, raw_value=v)
        num.digits4 = len(s) == 4 and s.isdigit()
        num.definite = self.word(k - 1) in ("ال", "لل", "بال", "وال", "فال", "كال")  # الـ24 ساعة
        if mult_next:
            m, _ = mult_next
            num.value, num.mult, num.j, num.end = v * m, m, k + 2, self.en(k + 1)
            num.digits4 = False
            self._more_after_mult(num, m)
        return num

    def _mult_at(self, k: int) -> tuple[int, str] | None:
        return MULTS[self.word(k)]

    def _more_after_mult(self, num: _Num, m: int) -> None:
        """"ألف وخمسمائة"، "3 آلاف و500": add smaller parts joined by و."""
        while True:
            nxt = self.after_and(num.j)
            if not nxt:
                return
            k, lead, _ = nxt
            t = self.texts[k]
            kind = KINDS[t]
            if kind == "num" and "," not in t and "." not in t:
                v = int(t)
                m2 = self._mult_at(k + 1)
                if m2 and m2[0] < m and v * m2[0] < m:  # 3 ملايين و500 ألف
                    num.value += v * m2[0]
                    num.j, num.end = k + 2, self.en(k + 1)
                    continue
                if v < m and not m2:  # ألف و500
                    num.value += v
                    num.j, num.end = k + 1, self.ends[k]
                    continue
                return
            if kind != "word":
                return
            a = self.atom_at(k)
            if a and a[0] == 1 and "fraction" in a[3]:
                self._fraction_after(num, m)
                return
            sub = self.word_number(k, min_lead=lead, below=m)
            if not sub:
                return
            num.value += sub.value
            num.j, num.end = sub.j, sub.end
            return

    def word_number(self, k: int, min_lead: int = 0, below: float = math.inf) -> _Num | None:
        """A number written in words starting at token k (compound, with multipliers)."""
        lx = self.lx
        a = ATOMS[self.word(k)]
        if not a:
            return None
        lead, art, bare, types = a
        if min_lead and lead != min_lead:
            return None
        start = self.ends[k] - len(self.texts[k]) + lead
        total = 0.0
        cur = 0.0
        last = ""
        j = k
        single = 0
        if "unit" in types:
            v = types["unit"]
            if self.word(k + 1) in lx.teen_tails and 3 <= v <= 9:
                cur, last, j = v + 10, "teen", k + 2
            elif self.word(k + 1) in lx.hundred_word and 3 <= v <= 9:
                cur, last, j = v * 100, "hundred", k + 2
            else:
                cur, last, j = v, "unit", k + 1
                single = v if v <= 2 else 0
        elif "teen_head" in types and self.word(k + 1) in lx.teen_tails:
            cur, last, j = types["teen_head"] + 10, "teen", k + 2
        elif "teen_head" in types and (nx := self.after_and(k + 1)) and "ten" in (
            (self.atom_at(nx[0]) or (0, 0, 0, {}))[3]
        ):
            cur, last, j = types["teen_head"], "unit", k + 1
        elif "ten" in types:
            cur, last, j = types["ten"], "ten", k + 1
        elif "hundred" in types:
            cur, last, j = types["hundred"], "hundred", k + 1
        elif "mult" in types:
            total, last, j = types["mult"], "mult", k + 1
            if bare.endswith("ا") and not art and self._construct_next(k + 1):
                total = 2 * types["mult"]  # ألفا شخص، مليونا نازح: construct dual
        elif "mult_dual" in types:
            total, last, j = 2 * types["mult_dual"], "mult", k + 1
        elif "fraction" in types and (m0 := self._mult_at(k + 1)) and m0[1] == "mult":
            total, last, j = types["fraction"] * m0[0] / 1000, "mult", k + 2  # نصف مليون
            return self._fraction_after(_Num(total, k, j, start, self.en(j - 1), words=True,
                                             definite=art, mult=m0[0]), m0[0])
        else:
            return None
        mult = int(total) if last == "mult" else 0
        raw_before_mult = cur
        # Continue: multipliers without و, smaller parts with و.
        while j < self.n:
            m = self._mult_at(j)
            if m and last in ("unit", "teen", "ten", "hundred") and (m[1] == "mult" or 3 <= cur <= 10):
                if m[0] >= below or (mult and m[0] >= mult):
                    break
                raw_before_mult = cur + total
                total += cur * m[0]
                cur, last, mult, j = 0, "mult", m[0], j + 1
                single = 0
                continue
            nxt = self.after_and(j)
            if not nxt:
                break
            kk, lead2, _ = nxt
            a2 = self.atom_at(kk)
            if not a2 or a2[1] or (lead2 and a2[0] != 1) or (not lead2 and a2[0] != 0):
                if last == "mult" and KINDS[self.texts[kk]] == "num" and "." not in self.texts[kk]:
                    v2 = int(self.texts[kk].replace(",", ""))
                    if v2 < mult and not self._mult_at(kk + 1):
                        cur, j, last = v2, kk + 1, "digits"
                        continue
                break
            t2 = a2[3]
            if last == "unit" and "ten" in t2:
                cur += t2["ten"]
                last, j = "ten", kk + 1
            elif last in ("hundred", "mult") and "hundred" in t2 and t2["hundred"] < (mult or 1000):
                cur += t2["hundred"]
                last, j = "hundred", kk + 1
            elif last in ("hundred", "mult") and ("unit" in t2 or "teen_head" in t2 or "ten" in t2):
                sub = self.word_number(kk, min_lead=lead2, below=100 if last == "hundred" else (mult or 1000))
                if not sub or sub.value >= (100 if last == "hundred" and not mult else (mult or 1000)):
                    break
                cur += sub.value
                last, j = "ten", sub.j
            else:
                break
            single = 0
        value = total + cur
        if value >= below:
            return None
        end = self.en(j - 1)
        n = _Num(value, k, j, start, end, words=True, definite=art, mult=mult, single=single)
        n.raw_value = raw_before_mult if mult else value
        if last == "mult":
            self._fraction_after(n, mult)
        return n

    def _fraction_after(self, num: _Num, m: int) -> _Num:
        """"مليون ونصف"، "ألفين ونصف": add the fraction of the last multiplier."""
        nxt = self.after_and(num.j)
        if nxt and nxt[1] == 1:
            a = self.atom_at(nxt[0])
            if a and a[0] == 1 and "fraction" in a[3]:
                num.value += a[3]["fraction"] * m / 1000
                num.j, num.end = nxt[0] + 1, self.ends[nxt[0]]
        return num

    def _construct_next(self, k: int) -> bool:
        """A known counted noun follows at once (the construct state of a dual)."""
        w = self.word(k)
        return bool(w) and w in self.lx.countable

    def vague_number(self, k: int) -> _Num | None:
        """عشرات، المئات، آلاف، عشرات الآلاف، بضعة آلاف، بضعة عشر."""
        a = ATOMS[self.word(k)]
        if not a:
            return None
        lead, art, bare, types = a
        if "vague" in types:
            v = types["vague"]
        elif "few" in types:
            v = types["few"]
        else:
            return None
        end = self.ends[k]
        num = _Num(v, k, k + 1, end - len(self.texts[k]) + lead, end, words=True, vague=True, definite=art)
        a2 = self.atom_at(k + 1)
        if a2 and a2[0] == 0:
            t2 = a2[3]
            m = t2.get("mult_pl") or t2.get("vague") or (t2.get("mult") if "few" in types else None)
            if "few" in types and self.word(k + 1) in self.lx.teen_tails:
                m = None
                num.value = v + 10
                num.j, num.end = k + 2, self.en(k + 1)
            elif "few" in types and "hundred" in t2 and t2["hundred"] == 100:
                m = 100
            if m and m > v:
                num.value = v * m
                num.j, num.end = k + 2, self.en(k + 1)
        return num

    def number_at(self, k: int) -> _Num | None:
        kind = KINDS[self.texts[k]]
        if kind == "num":
            return self.digits(k)
        if kind != "word":
            return None
        a = ATOMS[self.words[k]]
        if not a:
            return None
        types = a[3]
        if ("vague" in types or "few" in types) and not ({"unit", "ten", "hundred"} & types.keys()):
            prev = self.atom_at(k - 1) if k > 0 else None
            if "mult_pl" in types and prev is not None:
                return None  # ثلاثة آلاف: the multiplier of a number before it
            return self.vague_number(k)
        return self.word_number(k)
