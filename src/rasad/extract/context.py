"""One pass of analysis over a document that every extractor reads.

`analyse(doc, kb)` runs the Arabic layer (normalisation, sentences,
quantities, time expressions) and the knowledge scanners (places, actors,
event triggers, modality cues, casualty terms, side cues, attribution verbs,
known sources) once, converts every span to offsets in `doc.text`, and files
each item under the sentence it falls in. Extractors then work sentence by
sentence without scanning the text again.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter, itemgetter
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from ..arabic.normalize import norm
from ..arabic.analysis import analyse as analyse_arabic
from ..knowledge import KnowledgeBase
from ..model import Document, Normalized, Quantity, Sentence, TimeExpression, Token


class Hit(NamedTuple):
    """A vocabulary or knowledge match with offsets into the document text.

    A named tuple: a document has hundreds, and `analyse` builds them with `tuple.__new__` (C speed).
    Hits are read, never compared: identity is what tells two apart.
    """

    start: int
    end: int
    kind: str  # trigger | cue | casualty | side_cue | attribution | source | actor | place
    value: str  # sub-event type, cue kind, claim kind, side, modality, source id, actor id, place id
    group: str = ""
    lemma: str = ""
    matched: str = ""  # the matching form of the matched words
    ids: tuple[str, ...] = ()  # places: every id the name may denote
    ambiguous: bool = False


@dataclass(slots=True)
class SentenceInfo:
    index: int
    start: int
    end: int
    text: str
    norm: str  # matching form of the sentence
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    places: list = field(default_factory=list)  # resolved PlaceHits (extract.places)
    token_ends: list[int] = field(default_factory=list)  # filled once the tokens are in
    token_starts: list[int] = field(default_factory=list)
    _of: dict = field(default_factory=dict)  # cache of of(); hits do not change after analyse()
    memo: dict = field(default_factory=dict)  # per-sentence results extractors compute once
    filed: bool = False  # analyse() has filed every hit under its kind in _of

    def of(self, *kinds: str) -> list[Hit]:
        """The hits of some kinds, in text order (cached: extractors ask again and again)."""
        found = self._of.get(kinds)
        if found is None:
            if len(kinds) == 1 and self.filed or not self.hits:
                found = self._of[kinds] = []  # no hit of that kind
            else:
                found = self._of[kinds] = [h for h in self.hits if h.kind in kinds]
        return found

    def token_index(self, offset: int) -> int:
        """Index of the first token that ends after `offset`."""
        return bisect.bisect_right(self.token_ends, offset)

    # Tokens are in text order and do not overlap, so their starts and their ends both ascend:
    # the helpers below are the list comprehensions they replace, found by bisection.

    def tokens_within(self, a: int, b: int) -> list[Token]:
        """The tokens t with a <= t.start and t.end <= b."""
        lo = bisect.bisect_left(self.token_starts, a)
        hi = bisect.bisect_right(self.token_ends, b)
        return self.tokens[lo:hi] if hi > lo else []

    def words_before(self, offset: int, n: int) -> list[Token]:
        """The last n word tokens that end at or before `offset`, in text order:
        `[t for t in tokens if t.end <= offset and t.kind == "word"][-n:]`."""
        toks = self.tokens
        k = bisect.bisect_right(self.token_ends, offset)
        out: list[Token] = []
        while k > 0 and len(out) < n:
            k -= 1
            if toks[k].kind == "word":
                out.append(toks[k])
        out.reverse()
        return out

    def words_after(self, offset: int, n: int) -> list[Token]:
        """The first n word tokens that start at or after `offset`:
        `[t for t in tokens if t.start >= offset and t.kind == "word"][:n]`."""
        toks = self.tokens
        k = bisect.bisect_left(self.token_starts, offset)
        out: list[Token] = []
        while k < len(toks) and len(out) < n:
            if toks[k].kind == "word":
                out.append(toks[k])
            k += 1
        return out


@dataclass(slots=True)
class Context:
    doc: Document
    kb: KnowledgeBase
    published: date | None
    normalized: Normalized
    sentences: list[SentenceInfo]
    country: str | None = None  # the country most places fall in
    memo: dict = field(default_factory=dict)  # per-document results extractors compute once

    def sentence_at(self, offset: int) -> SentenceInfo | None:
        starts = [s.start for s in self.sentences]
        k = bisect.bisect_right(starts, offset) - 1
        return self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None

    def norm_of(self, start: int, end: int) -> str:
        """The matching form of an original-text span."""
        return _norm_cached(self.doc.text[start:end])


@lru_cache(maxsize=65536)
def _norm_cached(text: str) -> str:
    return norm(text)


# The most asked look-ups of SentenceInfo and Context in C (rasad.extract._speedups, built by Cython when
# rasad is installed) when it is there: the same methods, without a Python frame per call. The methods
# written above are the reference they are tested against.
_METHODS_PY = {(cls, name): getattr(cls, name) for cls, names in (
    (SentenceInfo, ("of", "words_before", "words_after", "tokens_within")), (Context, ("norm_of",)))
    for name in names}
try:
    from . import _speedups as _methods_c
except ImportError:  # not built (no compiler where rasad was installed)
    pass
else:
    _methods_c._norm_cached = _norm_cached
    for (_cls, _name) in _METHODS_PY:
        setattr(_cls, _name, getattr(_methods_c, _name))


# Small tests the extractors make again and again, as plain loops: on Python 3.11 an any() over a
# generator costs several times the loop it stands for.

def covers(items, offset: int) -> bool:
    """Some item (with .start, .end) has start <= offset < end."""
    for x in items:
        if x.start <= offset < x.end:
            return True
    return False


def overlaps(items, start: int, end: int) -> bool:
    """Some item (with .start, .end) overlaps [start, end)."""
    for x in items:
        if x.start < end and start < x.end:
            return True
    return False


def spans_cover(spans, offset: int) -> bool:
    """Some (a, b) in spans has a <= offset < b."""
    for a, b in spans:
        if a <= offset < b:
            return True
    return False


def spans_contain(spans, start: int, end: int) -> bool:
    """Some (a, b) in spans has a <= start and end <= b."""
    for a, b in spans:
        if a <= start and end <= b:
            return True
    return False


def spans_overlap(spans, start: int, end: int) -> bool:
    """Some (a, b) in spans overlaps [start, end)."""
    for a, b in spans:
        if a < end and start < b:
            return True
    return False


def contains_any(text: str, needles) -> bool:
    """Some needle occurs in text."""
    for w in needles:
        if w in text:
            return True
    return False


_START = attrgetter("start")
_END = attrgetter("end")
_HIT_START = itemgetter(0)  # Hit.start and Hit.end without the named tuple's descriptors
_HIT_END = itemgetter(1)


def headline_end(ctx: Context) -> int:
    """The end of the headline: a first line of at most 25 words before more text, with no closing
    full stop ("قوات النظام تستعيد معبر نصيب بعد اتفاق مع فصائل الجنوب"; an ellipsis, "تنظيم الدولة
    يسيطر على الرمادي..", is a headline's style, not a stop); 0 where the text opens with no such line.
    Headlines tell past events in the present tense. Once per document."""
    found = ctx.memo.get("headline_end")
    if found is None:
        found = ctx.memo["headline_end"] = _headline_end(ctx.doc.text)
    return found


def _headline_end(text: str) -> int:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return 0
    line = text[start:end].strip()
    if not line or line[-1] in "!?؟" or line[-1] == "." and not line.endswith("..") or len(line.split()) > 25:
        return 0
    return end


@lru_cache(maxsize=4096)
def _plain_edge(ch: str) -> bool:
    """A character that normalises to one character, not a space: no run of spaces, dropped marks or
    CRLF can join it to the text beyond."""
    folded = norm(ch)
    return len(folded) == 1 and not folded.isspace()


def _sentence_norms(n: Normalized, text: str, sents: list[Sentence]) -> list[str]:
    """`norm(s.text)` for each sentence, read off the document's matching form when the sentence's
    first and last characters are plain: normalisation is local except for runs of spaces and CRLF,
    which then cannot reach across the sentence's edges. (Sentences come in text order, so each
    bisection starts where the one before ended.)"""
    index = n.index
    ntext = n.text
    out: list[str] = []
    lo = 0  # where the last sentence's end fell in the matching form
    last_end = 0
    for s in sents:
        t = s.text
        if t and _plain_edge(t[0]) and _plain_edge(t[-1]) and t == text[s.start:s.end]:
            a = bisect.bisect_left(index, s.start, lo if s.start >= last_end else 0)
            lo = bisect.bisect_left(index, s.end, a)
            last_end = s.end
            out.append(ntext[a:lo])
        else:
            out.append(norm(t))
    return out


def _file_hits_py(scan: list, index, starts: list[int], ends: list[int], infos: list[SentenceInfo],
                  hit_type: type = Hit) -> None:
    """File the scanners' hits (`kb.scan` of the document's matching form, whose offsets `index` maps
    back) under the sentences (`starts`, `ends`: theirs) they fall in, as `hit_type` records, one per
    meaning. The reference for `_speedups.file_hits`.

    Each kind's hits come in text order and do not overlap: walk the sentences along with them (what
    place_in finds), and file them by kind as they come, in the order a sort of the sentence's hits
    by (start, -end) leaves them (of() for one kind)."""
    new_hit = tuple.__new__
    n_sents = len(infos)
    for kind, matches in scan:
        key = (kind,)
        k = -1
        for ms, me, matched, meanings in matches:
            s = index[ms]
            e = index[me - 1] + 1 if me > ms else s
            while k + 1 < n_sents and starts[k + 1] <= s:
                k += 1
            if k >= 0 and s < ends[k]:
                si = infos[k]
                filed = si._of.get(key)
                if filed is None:
                    filed = si._of[key] = []
                hits = si.hits
                for value, group, lemma in meanings:
                    h = new_hit(hit_type, (s, e, kind, value, group, lemma, matched, (), False))
                    hits.append(h)
                    filed.append(h)


# The C loop (rasad.extract._speedups, built by Cython when rasad is installed) when it is there, else
# the Python one; they file the same hits.
try:
    from ._speedups import file_hits as _file_hits
except ImportError:  # not built (no compiler where rasad was installed)
    _file_hits = _file_hits_py


def analyse(doc: Document, kb: KnowledgeBase) -> Context:
    text = doc.text
    layer = analyse_arabic(text, doc.published)  # one normalisation for quantities and times
    n = layer.normalized
    sents: list[Sentence] = layer.sentences
    infos = [SentenceInfo(i, s.start, s.end, s.text, sn)
             for i, (s, sn) in enumerate(zip(sents, _sentence_norms(n, text, sents)))]
    starts = [si.start for si in infos]  # (a comprehension reads a slot faster than attrgetter)

    def place_in(start: int) -> SentenceInfo | None:
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < infos[k].end:
            return infos[k]
        return None

    # tokens come in text order (tokenize): each sentence's are one slice, those place_in would give it
    tokens = list(layer.tokens)
    tstarts = [t.start for t in tokens]
    tends = [t.end for t in tokens]
    hi = 0  # (a sentence's tokens start where those of the one before end, or later)
    for si, nxt in zip(infos, [*starts[1:], None]):
        lo = bisect.bisect_left(tstarts, si.start, hi)
        hi = bisect.bisect_left(tstarts, si.end if nxt is None else min(si.end, nxt), lo)
        if hi > lo:
            si.tokens = tokens[lo:hi]
            si.token_starts = tstarts[lo:hi]
            si.token_ends = tends[lo:hi]
    for q in layer.quantities:
        si = place_in(q.start)
        if si:
            si.quantities.append(q)
    for t in layer.times:
        si = place_in(t.start)
        if si:
            si.times.append(t)

    new_hit = tuple.__new__
    n_sents = len(infos)
    ends = [si.end for si in infos]
    # every vocabulary and the actors, one automaton pass
    _file_hits(kb.scan(n.text), n.index, starts, ends, infos, Hit)
    countries: dict[str, int] = {}
    gaz = kb.gazetteer
    k = -1
    key = ("place",)
    for m_start, m_end, m_key, m_ids, m_ambiguous in gaz.scan_spans(text, normalized=n):  # in text order
        while k + 1 < n_sents and starts[k + 1] <= m_start:
            k += 1
        if k >= 0 and m_start < ends[k]:
            si = infos[k]
            h = new_hit(Hit, (m_start, m_end, "place", m_ids[0], "", "", m_key, tuple(m_ids), m_ambiguous))
            si.hits.append(h)
            filed = si._of.get(key)
            if filed is None:
                filed = si._of[key] = []
            filed.append(h)
            p = gaz.get(m_ids[0])
            if p is not None and p.level not in ("country", "region"):
                countries[p.country] = countries.get(p.country, 0) + 1
    for si in infos:
        si.filed = True
        if len(si.hits) > 1:  # by start, the longest first (two stable passes: the same order)
            si.hits.sort(key=_HIT_END, reverse=True)
            si.hits.sort(key=_HIT_START)
        if len(si.quantities) > 1:
            si.quantities.sort(key=_START)
        if len(si.times) > 1:
            si.times.sort(key=_START)
    country = max(countries, key=countries.get) if countries else None
    return Context(doc, kb, doc.published, n, infos, country)
