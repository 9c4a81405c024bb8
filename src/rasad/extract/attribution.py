"""Who says what: attribution frames per sentence, carried over where the text carries them.

A frame is an attribution verb or phrase (قال، أكد، بحسب، نفى …) and the
source it names: a known source (المرصد السوري, وكالة أعماق), an anonymous
source phrase (مصادر محلية, مصدر مقرب من التنظيم), an actor speaking for
itself (أعلن تنظيم الدولة), or a definite reference back to the last source
named (وأكد المصدر, بحسب مصدرنا). A frame governs what follows it in its
sentence; a sentence-final "بحسب …" governs what came before. A sentence
that opens with a bare continuation verb (وأضاف، وتابع، وأوضح) keeps the
previous sentence's source. Everything else is the outlet's own voice.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import norm
from ..model import Attribution, Token
from .context import Context, Hit, SentenceInfo
from .resources import patterns

BACKWARD_LEMMAS = {"بحسب", "نقل"}
CONTINUATION_LEMMAS = {"أضاف", "تابع", "أوضح", "أشار", "لفت", "أكد", "كشف"}
QUOTES = set('"\'“”«»:')


@dataclass(slots=True)
class Frame:
    at: int  # offset of the verb
    source: Attribution
    backward: bool = False


def _affiliation(ctx: Context, known) -> tuple[str | None, str | None]:
    if known is None:
        return None, None
    pat = patterns()
    aff = known.affiliation
    if aff is None and known.type in pat.independent_types:
        aff = "independent"
    if aff in ("civilians", "unknown", "other", "coalition", "turkey"):
        aff = None if aff in ("civilians", "unknown") else aff
    return aff, known.type


def _phrase_end(si: SentenceInfo, k: int, ctx: Context) -> int:
    """The end offset of a source phrase whose head is token k."""
    pat = patterns()
    end = si.tokens[k].end
    j = k + 1
    words = 0
    while j < len(si.tokens) and words < 6:
        t = si.tokens[j]
        if t.kind == "punct":
            if t.text in '"“”«»' :
                j += 1
                continue
            break
        if t.norm in pat.source_stops or t.stem in pat.source_stops and t.prefix in ("", "و"):
            break
        if t.prefix.startswith("ل") and not _is_actor(si, t) or any(
                h.start <= t.start < h.end for h in si.of("attribution")):
            break
        end = t.end
        words += 1
        j += 1
    # include a closing quote
    while j < len(si.tokens) and si.tokens[j].text in '"”»' and si.tokens[j].start == end:
        end = si.tokens[j].end
        j += 1
    return end


def _is_actor(si: SentenceInfo, t: Token) -> bool:
    return any(h.start <= t.start < h.end for h in si.of("actor"))


def _source_near(ctx: Context, si: SentenceInfo, verb: Hit, last: Attribution | None) -> Attribution | None:
    """The source an attribution verb introduces: the nearest source phrase after it (or before, for
    "مصادر محلية قالت")."""
    text = ctx.doc.text
    actors = ctx.kb.actors
    candidates: list[tuple[int, Attribution]] = []
    for c in _sentence_sources(ctx, si):
        if c[1] is not None:
            candidates.append((c[0], c[1]))
        elif last is not None and last.name:  # a reference back to the last source named
            t = c[2]
            candidates.append((t.start, Attribution(t.text, last.affiliation, last.type, t.start, t.end,
                                                    via=(last.name,))))
    # an actor right after the verb speaks for itself: "أعلن تنظيم الدولة"
    for h in si.of("actor"):
        if 0 <= h.start - verb.end <= 2 and not any(c[0] <= h.start < (c[1].end or 0) for c in candidates):
            actor = actors.get(h.value)
            if actor is not None and actor.generic:
                ref = actors.resolve_generic(h.value, [], ctx.country)
                actor = ref or actor
            side = actor.side if actor is not None else None
            aff = side if side in ("government", "isis", "opposition", "sdf", "coalition", "turkey") else None
            candidates.append((h.start, Attribution(text[h.start:h.end].strip(), aff, "belligerent", h.start, h.end)))
    named = _named_after(ctx, si, verb)
    if named is not None and not any(c[0] < (named.end or 0) and (c[1].end or c[0]) > (named.start or 0)
                                     for c in candidates):
        candidates.append((named.start, named))
    if not candidates:
        return None
    after = [c for c in candidates if c[0] >= verb.end and c[0] - verb.end <= 40]
    before = [c for c in candidates if (c[1].end or c[0]) <= verb.start and verb.start - (c[1].end or c[0]) <= 16]
    if before:
        # "مصدر خاص لـ«المدن» أكد": a source right before the verb is its subject
        b = max(before, key=lambda c: c[0])
        gap = text[b[1].end or b[0]:verb.start]
        if not any(ch in gap for ch in "،,.:;؛") and (not after or verb.start - (b[1].end or b[0]) <= 12):
            return b[1]
    if after:
        return min(after, key=lambda c: c[0])[1]
    if before:
        return max(before, key=lambda c: c[0])[1]
    return None


@lru_cache(maxsize=1)
def _source_words() -> frozenset[str]:
    """Words that can open a source phrase: anaphoric references and source heads."""
    pat = patterns()
    return pat.anaphoric_sources | pat.source_heads


def _sentence_sources(ctx: Context, si: SentenceInfo) -> list[tuple[int, Attribution | None, Token | None]]:
    """The source phrases of a sentence, whatever verb introduces them, in the order `_source_near`
    weighs them: known sources, then anaphoric references ("المصدر": Attribution None, the token
    given, to be filled with the last source named), the outlet's own ("مراسلنا") and source heads
    ("مصادر محلية") in text order. Computed once per sentence."""
    found = si.memo.get("sources")
    if found is not None:
        return found
    pat = patterns()
    text = ctx.doc.text
    vocab, actors = ctx.kb.vocab, ctx.kb.actors
    found = []
    for h in si.of("source"):
        if text[h.start] == "ل" and not norm(text[h.start:h.end]).startswith("ل" + "ل") and h.matched[:1] != "ل":
            continue  # "أكد لـ«المدن»": the outlet spoken to, not the speaker
        known = vocab.source(h.value)
        aff, typ = _affiliation(ctx, known)
        found.append((h.start, Attribution(text[h.start:h.end].strip(), aff, typ, h.start, h.end), None))
    # an anaphoric reference covers its own token only, so it never holds a later head: the heads
    # skipped for lying inside a candidate are the same whatever the last source was
    words = _source_words()
    for k, t in [(k, t) for k, t in enumerate(si.tokens) if (t.norm in words or t.stem in words) and t.kind == "word"]:
        if t.norm in pat.anaphoric_sources or t.stem in pat.anaphoric_sources:
            if t.norm in pat.own_sources or t.stem in pat.own_sources:
                found.append((t.start, Attribution(t.text, None, "own", t.start, t.end), None))
            else:
                found.append((t.start, None, t))
            continue
        if t.stem in pat.source_heads or t.norm in pat.source_heads:
            if any(c[0] <= t.start < (c[1].end or 0) for c in found if c[1] is not None):
                continue
            end = _phrase_end(si, k, ctx)
            phrase = text[t.start:end].strip()
            known = vocab.classify_source(phrase, actors=actors, country=ctx.country)
            aff, typ = _affiliation(ctx, known)
            found.append((t.start, Attribution(phrase, aff, typ or "anonymous", t.start, end), None))
    si.memo["sources"] = found
    return found


CLAUSE_OPENERS = {norm(w) for w in ("إن", "أن", "ان", "بأن", "بان", "إنه", "انه", "أنه", "إنها", "أنها", "انها")}


def _named_after(ctx: Context, si: SentenceInfo, verb: Hit) -> Attribution | None:
    """The speaker named right after a reporting verb, up to "إن/أن": "وقال محافظ حمص طلال البرازي إن",
    "وقال قائد الشرطة الاتحادية الفريق رائد شاكر جودت إن". Only when the verb opens the sentence's report
    (its object clause follows), so "قال إن" and mid-clause verbs give nothing."""
    toks = si.tokens[bisect.bisect_left(si.token_starts, verb.end):]
    words: list = []
    for t in toks:
        if t.kind == "punct":
            if t.text in '"“”«»':
                continue
            return None  # a comma or colon before "إن": not a speaker phrase
        if t.norm in CLAUSE_OPENERS or t.norm.lstrip("و") in CLAUSE_OPENERS:
            break
        if t.prefix.startswith("ل") and t.stem not in ("لواء",) or len(words) >= 8:
            break  # "لمراسل سانا", "لـ«المدن»": who was told, not who spoke
        words.append(t)
    else:
        return None
    if not words or words[0].norm in ("في", "من", "على", "عن", "إلى", "الى", "ان", "إن"):
        return None
    start, end = words[0].start, words[-1].end
    phrase = ctx.doc.text[start:end].strip(' "«»“”')
    known = ctx.kb.vocab.classify_source(phrase, actors=ctx.kb.actors, country=ctx.country)
    aff, typ = _affiliation(ctx, known)
    return Attribution(phrase, aff, typ or "named", start, end)


def frames(ctx: Context) -> list[list[Frame]]:
    """Attribution frames of every sentence (index-aligned with ctx.sentences)."""
    out: list[list[Frame]] = []
    last: Attribution | None = None
    prev_frames: list[Frame] = []
    for si in ctx.sentences:
        fs: list[Frame] = []
        for verb in si.of("attribution"):
            src = _source_near(ctx, si, verb, last)
            modality = verb.value if verb.value in ("deny", "claim") else "assert"
            if src is None:
                # a bare continuation verb at the start keeps the previous source
                if verb.lemma in CONTINUATION_LEMMAS and verb.start - si.start <= 8 and prev_frames:
                    src = prev_frames[-1].source
                else:
                    continue
            src = Attribution(src.name, src.affiliation, src.type, src.start, src.end, src.via, modality)
            backward = verb.lemma in BACKWARD_LEMMAS and (si.end - verb.start) < (verb.start - si.start)
            fs.append(Frame(verb.start, src, backward))
            if src.name:
                last = src
        out.append(fs)
        if fs:
            prev_frames = fs
    return out


OWN_VOICE = Attribution()


def source_at(fs: list[Frame], offset: int) -> Attribution:
    """The attribution governing a position in a sentence."""
    before = [f for f in fs if f.at <= offset and not f.backward]
    if before:
        return before[-1].source
    after = [f for f in fs if f.at > offset and f.backward]
    if after:
        return after[0].source
    return OWN_VOICE
