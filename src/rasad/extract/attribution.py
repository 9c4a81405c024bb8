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
from operator import itemgetter


from ..arabic.normalize import norm
from ..model import Attribution, Token
from .context import Context, Hit, SentenceInfo, _norm_cached, covers
from .records import builder
from .resources import DATA, data_yaml, patterns

_attribution = builder(Attribution)
_FIRST = itemgetter(0)  # a candidate's offset, as a sort key

BACKWARD_LEMMAS = {"بحسب", "نقل"}
CONTINUATION_LEMMAS = {"أضاف", "تابع", "أوضح", "أشار", "لفت", "أكد", "كشف"}
QUOTES = set('"\'“”«»:')
# clause links after which a speech verb with no subject of its own keeps the sentence's speaker
SUBJECTLESS_LINKS = frozenset({"فيما", "بينما", "كما", "حيث", "ثم"})


@dataclass(frozen=True)
class SourceWords:
    """The attribution patterns of data/extract.yaml this module reads beyond `patterns()`."""
    in_body: frozenset[str]
    documents: frozenset[str]
    issuer_links: frozenset[str]
    side_adjectives: dict[str, str]
    independent_heads: tuple[str, ...]
    not_backrefs: frozenset[str]
    reporters: frozenset[str]
    by_country: dict[str, dict[str, str]]  # country -> side adjective -> side


@lru_cache(maxsize=1)
def source_words() -> SourceWords:
    a = data_yaml(DATA.name)["attribution"]
    s = lambda key: frozenset(norm(w) for w in a[key])  # noqa: E731
    return SourceWords(s("in_body"), s("documents"), s("issuer_links"),
                       {norm(w): side for side, ws in a["side_adjectives"].items() for w in ws},
                       tuple(norm(w) for w in a["independent_heads"]), s("not_backrefs"), s("reporters"),
                       {str(c).upper(): {norm(w): side for side, ws in m.items() for w in ws}
                        for c, m in (a.get("side_adjectives_by_country") or {}).items()})


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
    return _phrase_end_at(si.tokens, k, patterns().source_stops, si.of("attribution"), si.of("actor"),
                          _body_follows, si)


def _phrase_end_py(toks: list[Token], k: int, stops, verbs: list[Hit], actors: list[Hit], body_follows,
                   si: SentenceInfo) -> int:
    """`_phrase_end` of toks[k] (`k` >= 0): up to 8 words on, to a punctuation mark, a word of `stops`,
    a word in "ل" that is no actor (of `actors`) or a verb (of `verbs`), and a closing quote right after;
    `body_follows(si, j)`: does the word after token j name a body a speaker belongs to. (The reference
    for `_speedups.phrase_end`.)"""
    end = toks[k].end
    j = k + 1
    words = 0
    while j < len(toks) and words < 8:
        t = toks[j]
        if t.kind == "punct":
            if t.text in '"“”«»' :
                j += 1
                continue
            break
        if t.norm == "في" and body_follows(si, j):
            pass  # "مصدر في قيادة شرطة حلب": the body the speaker belongs to
        elif t.norm in stops or t.stem in stops and t.prefix in ("", "و"):
            break
        if t.prefix.startswith("ل") and not covers(actors, t.start) or covers(verbs, t.start):
            break
        end = t.end
        words += 1
        j += 1
    # include a closing quote
    while j < len(toks) and toks[j].text in '"”»' and toks[j].start == end:
        end = toks[j].end
        j += 1
    return end


def _body_follows(si: SentenceInfo, j: int) -> bool:
    """Does the word after token j (skipping quotes) name a body a speaker belongs to: an actor or an
    `in_body` noun ("في وزارة الداخلية", "في \"هيئة تحرير الشام\"")?"""
    body = source_words().in_body
    for t in si.tokens[j + 1:j + 3]:
        if t.kind == "punct" and t.text in '"“”«»':
            continue
        return t.norm in body or t.stem in body or _is_actor(si, t)
    return False


def _is_actor(si: SentenceInfo, t: Token) -> bool:
    return covers(si.of("actor"), t.start)


def _source_near(ctx: Context, si: SentenceInfo, verb: Hit, last: Attribution | None,
                 history: dict[str, Attribution] | None = None,
                 before_verb: list[Token] | None = None) -> Attribution | None:
    """The source an attribution verb introduces: the nearest source phrase after it (or before, for
    "مصادر محلية قالت"); a word repeating an earlier source ("وأضاف الضابط") is that source; in a chain
    ("نقلت سانا عن مصدر عسكري") the innermost source. `history`: the source each word of the sources
    named so far last named (see `frames`). `before_verb`: `si.words_before(verb.start, 1)`, if the
    caller has it."""
    text = ctx.doc.text
    actors = ctx.kb.actors
    back = _back_reference(ctx, si, verb, history)
    if back is not None:
        return back
    found = _sentence_sources(ctx, si)
    pairs = si.memo["source_pairs"]
    if pairs is not None:  # no anaphoric reference to fill
        candidates: list[tuple[int, Attribution]] = pairs.copy()
    else:
        candidates = []
        for c in found:
            if c[1] is not None:
                candidates.append((c[0], c[1]))
            elif last is not None and last.name:  # a reference back to the last source named: its full name
                t = c[2]
                candidates.append((t.start, _attribution(last.name, last.affiliation, last.type, t.start, t.end,
                                                        via=last.via)))
    # an actor right after the verb speaks for itself: "أعلن تنظيم الدولة"
    for h in si.of("actor"):
        if 0 <= h.start - verb.end <= 2 and not any(c[0] <= h.start < (c[1].end or 0) for c in candidates):
            actor = actors.get(h.value)
            if actor is not None and actor.generic:
                ref = actors.resolve_generic(h.value, [], ctx.country)
                actor = ref or actor
            side = actor.side if actor is not None else None
            side = ctx.memo.get("actor_sides", {}).get(h.start, side)
            aff = side if side in ("government", "isis", "opposition", "sdf", "coalition", "turkey") else None
            candidates.append((h.start, _attribution(text[h.start:h.end].strip(), aff, "belligerent", h.start, h.end)))
    # an actor right before the verb is its subject: "وكان الحزب قد أعلن", "قوات النظام أعلنت"
    for h in si.of("actor"):
        if h.end <= verb.start and _subject_gap(text[h.end:verb.start]) and \
                not any(c[0] <= h.start < (c[1].end or c[0] + 1) for c in candidates):
            actor = actors.get(h.value)
            if actor is None or actor.generic and not actors.refers_to(actor.id):
                continue
            if actor.generic:
                actor = actors.resolve_generic(h.value, [], ctx.country) or actor
            side = ctx.memo.get("actor_sides", {}).get(h.start, actor.side)
            aff = side if side in ("government", "isis", "opposition", "sdf", "coalition", "turkey") else None
            candidates.append((h.start, _attribution(text[h.start:h.end].strip(), aff, "belligerent", h.start, h.end)))
    if before_verb is None:
        before_verb = si.words_before(verb.start, 1)
    # (the speaker named after the verb mostly is a phrase found already: only its span is read first)
    span = _named_span(ctx, si, verb, before_verb)
    if span is not None and not _overlaps_candidate(candidates, span[0], span[1]):
        candidates.append((span[0], _named_source(ctx, span[0], span[1])))
    if not candidates:
        return None
    # the candidates up to 40 characters after the verb and those ending up to 16 before it, in order
    after = []
    before = []
    v_start, v_end = verb.start, verb.end
    for c in candidates:
        if c[0] >= v_end and c[0] - v_end <= 40:
            after.append(c)
        e = c[1].end or c[0]
        if e <= v_start and v_start - e <= 16:
            before.append(c)
    if after:
        # "أكد لموقع محلي": a phrase in ل right after the verb is whom it was told to, not who told it, when
        # a source opens the sentence before the verb
        told_to = [c for c in after if c[0] - verb.end <= 2 and text[c[0]:c[0] + 1] == "ل" and
                   not norm(text[c[0]:c[0] + 4]).startswith(("لجن", "لجان", "لوا"))]
        if told_to and any(c[0] - si.start <= 2 and (c[1].end or c[0]) <= verb.start for c in candidates):
            after = [c for c in after if c not in told_to]
    if before:
        # "مصدر خاص لـ«المدن» أكد": a source right before the verb is its subject
        b = max(before, key=_FIRST)
        gap = text[b[1].end or b[0]:verb.start]
        if not ("،" in gap or "," in gap or "." in gap or ":" in gap or ";" in gap or "؛" in gap) and (
                not after or verb.start - (b[1].end or b[0]) <= 12):
            return b[1]
    if after:
        return _innermost(ctx, sorted(after, key=_FIRST))
    if not before:
        # a source opening the sentence, its verb after a modifier ("مصدر مقرب من التنظيم داخل المخيم، أكد")
        opening = [c for c in candidates if c[0] - si.start <= 2 and (c[1].end or c[0]) <= verb.start and
                   verb.start - (c[1].end or c[0]) <= 60 and c[1].type != "belligerent"]
        if opening and not [h for h in si.of("attribution") if (opening[0][1].end or 0) <= h.start < verb.start]:
            return opening[0][1]
    if before:
        b = max(before, key=_FIRST)
        # "… آخر المواقع للهيئة، فيما أكد أن …": a phrase ending a clause before "فيما/بينما" is not the
        # subject of the verb after it (that verb keeps the sentence's speaker, see `frames`)
        gap = text[b[1].end or b[0]:verb.start]
        if any(ch in gap for ch in "،,;؛") and \
                any(w.strip("،,") in SUBJECTLESS_LINKS for w in norm(gap).split()):
            return None
        return b[1]
    return None


def _back_reference(ctx: Context, si: SentenceInfo, verb: Hit,
                    history: dict[str, Attribution] | None) -> Attribution | None:
    """"وأضاف الضابط" after "ضابط في الجيش العراقي", "وأضاف كريم" after "محافظ كركوك نجم الدين كريم",
    "بحسب المجموعة" after "مجموعة العمل من أجل فلسطينيي سوريا": the word right after the verb repeats a
    word of an earlier source (the most recent that has it: `history` maps each word to it), which it
    names again, with its full name."""
    if not history:
        return None
    nxt = si.words_after(verb.end, 1)
    if not nxt:
        return None
    t = nxt[0]
    if t.start - verb.end > 2 or t.prefix not in ("", "ال"):
        return None
    word = t.stem[2:] if t.stem.startswith("ال") else t.stem
    if len(word) < 3:
        return None
    src = history.get(word)
    if src is None:
        return None
    sw = source_words()
    if word in sw.not_backrefs or t.norm in sw.not_backrefs or _is_actor(si, t):
        return None
    # the phrase must end with this word ("وأضاف المصدر" yes, "وأضاف المرصد السوري" is a name of its own)
    after = si.words_after(t.end, 1)
    if after and after[0].start - t.end <= 1 and not (after[0].norm in CLAUSE_OPENERS or after[0].norm in
                                                       patterns().source_stops or after[0].norm in ("ذاته", "نفسه")):
        return None
    return _attribution(src.name, src.affiliation, src.type, t.start, t.end, src.via)


def _report_words(ctx: Context, si: SentenceInfo, verb: Hit, src: Attribution) -> str:
    """The words a report opens with, from its source to "إن/أن" ("مجلس أمن إقليم كردستان في بيان"), that a
    later sentence may repeat to name that source again ("وأضاف البيان")."""
    a = min(src.start or verb.end, verb.end)
    lo = bisect.bisect_left(si.token_starts, a)
    hi = bisect.bisect_right(si.token_ends, si.end)
    # `tokens_within(a, si.end)`, up to the 12th (12 words at most)
    return _opening_words(si.tokens, lo, min(hi, lo + 12), CLAUSE_OPENERS)


def _opening_words_py(toks: list[Token], lo: int, hi: int, openers) -> str:
    """The texts of toks[lo:hi] (lo, hi >= 0), joined by spaces, up to the first punctuation mark other
    than a quotation mark or the first word in `openers` (the reference for `_speedups.opening_words`)."""
    words = []
    for t in toks[lo:hi]:
        if t.kind == "punct" and t.text not in '"“”«»' or t.norm in openers:
            break
        words.append(t.text)
    return " ".join(words)


@lru_cache(maxsize=16384)
def _subject_gap(gap: str) -> bool:
    """Can the text between an actor and a verb after it leave the actor the verb's subject: nothing but
    "قد/لقد" ("وكان الحزب قد أعلن") and no punctuation? (One look-up per gap instead of its matching
    form, its words and a test per punctuation mark; the punctuation tested first, as it spares the
    matching form of many a gap seen the first time.)"""
    for ch in "،,.:;؛\"«»":
        if ch in gap:
            return False
    for w in norm(gap).split():
        if w not in ("قد", "لقد"):
            return False
    return True


@lru_cache(maxsize=65536)
def _surface_words(phrase: str) -> frozenset[str]:
    """The words of a source phrase as `_back_reference` matches them (without the article)."""
    out = set()
    for w in norm(phrase).replace('"', " ").split():
        w = w.strip('«»“”()')
        out.add(w[2:] if w.startswith("ال") else w)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _history_words(report: str, name: str) -> frozenset[str]:
    """The words a later back reference may repeat: of a report's opening words and of its source's name."""
    return _surface_words(report) | _surface_words(name)


_INHERITS = ("government", "isis", "opposition", "sdf")


def _innermost(ctx: Context, after: list[tuple[int, Attribution]]) -> Attribution:
    """"نقلت وكالة الأنباء الرسمية (سانا) عن مصدر عسكري": of sources chained by "عن", the last one speaks;
    an anonymous military or official source relayed by a party's outlet speaks for that party."""
    src = after[0][1]
    for _, nxt in after[1:]:
        gap = ctx.norm_of(src.end or 0, nxt.start or 0)
        gap_words = [w for w in gap.replace("(", " ").replace(")", " ").split() if w.strip('"«»“”')]
        if gap_words and gap_words[-1] == "عن" and len(gap_words) <= 3:
            aff = nxt.affiliation
            if aff is None and src.affiliation in _INHERITS and nxt.type in ("anonymous", "named") and \
                    not _null_speaker(ctx, nxt.name or ""):
                aff = src.affiliation
            src = _attribution(nxt.name, aff, nxt.type, nxt.start, nxt.end, src.via + ((src.name,) if src.name else ()))
        elif len(gap_words) <= 1 and gap.strip().startswith("("):
            # "وكالة الأنباء الرسمية (سانا)": the same outlet named twice
            if src.affiliation is None and nxt.affiliation is not None:
                src = _attribution(src.name, nxt.affiliation, nxt.type, src.start, src.end, src.via)
        else:
            break
    return src


def _null_speaker(ctx: Context, name: str) -> bool:
    """Activists, residents, medics and local sources speak for no side whoever relays them."""
    known = ctx.kb.vocab.classify_source(name)
    return known is not None and known.id in ("local_sources", "medical_sources", "activists", "media_sources")


@lru_cache(maxsize=1)
def _source_words() -> frozenset[str]:
    """Words that can open a source phrase: anaphoric references and source heads."""
    pat = patterns()
    return pat.anaphoric_sources | pat.source_heads


def _inside_source(found: list[tuple[int, Attribution | None, Token | None]], offset: int) -> bool:
    """Does a source phrase found so far (not an anaphoric reference) cover the offset?"""
    for start, src, _ in found:
        if src is not None and start <= offset < (src.end or 0):
            return True
    return False


def _word_tokens_py(toks: list[Token]) -> list[Token]:
    """The tokens of kind "word", in order (the reference for `_speedups.word_tokens`)."""
    return [t for t in toks if t.kind == "word"]


def _source_tokens_py(toks: list[Token], words) -> list[int]:
    """The indices of the word tokens whose matching form or stem is one of `words` (the reference for
    `_speedups.source_tokens`)."""
    return [k for k, t in enumerate(toks) if (t.norm in words or t.stem in words) and t.kind == "word"]


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
        end = h.end
        if known is not None and known.type == "anonymous" and known.affiliation is None:
            # "مصدر عسكري في قوات النظام": an anonymous source goes on over the body it belongs to
            k = si.token_index(h.end - 1)
            if k < len(si.tokens):
                end = max(end, _phrase_end(si, k, ctx))
            if end > h.end:
                known = vocab.classify_source(text[h.start:end].strip(), actors=actors, country=ctx.country) or known
        aff, typ = _affiliation(ctx, known)
        found.append((h.start, _attribution(text[h.start:end].strip(), aff, typ, h.start, end), None))
    # an anaphoric reference covers its own token only, so it never holds a later head: the heads
    # skipped for lying inside a candidate are the same whatever the last source was
    toks = si.tokens
    for k in _source_tokens(toks, _source_words()):
        t = toks[k]
        if t.norm in pat.anaphoric_sources or t.stem in pat.anaphoric_sources:
            if t.norm in pat.own_sources or t.stem in pat.own_sources:
                found.append((t.start, _attribution(t.text, None, "own", t.start, t.end), None))
            else:
                found.append((t.start, None, t))
            continue
        if t.stem in pat.source_heads or t.norm in pat.source_heads:
            if _inside_source(found, t.start):
                continue
            end = _phrase_end(si, k, ctx)
            phrase = text[t.start:end].strip()
            known = vocab.classify_source(phrase, actors=actors, country=ctx.country)
            aff, typ = _affiliation(ctx, known)
            found.append((t.start, _attribution(phrase, aff, typ or "anonymous", t.start, end), None))
    si.memo["sources"] = found
    # the candidates `_source_near` starts from, when no anaphoric reference needs the last source
    pairs: list | None = []
    for c in found:
        if c[1] is None:
            pairs = None
            break
        pairs.append((c[0], c[1]))
    si.memo["source_pairs"] = pairs
    return found


NEGATIONS = {"لم", "لا", "لن"}
NOT_SPEAKERS = {norm(w) for w in ("في", "من", "على", "عن", "إلى", "الى", "ان", "إن", "أن", "الذي", "التي", "ذلك", "هذا")}
CLAUSE_OPENERS = {norm(w) for w in ("إن", "أن", "ان", "بأن", "بان", "إنه", "انه", "أنه", "إنها", "أنها", "انها")}


def _overlaps_candidate(candidates: list[tuple[int, Attribution]], start: int, end: int) -> bool:
    """Does a candidate source (its offset, its phrase) overlap [start, end)?"""
    for c in candidates:
        if c[0] < end and (c[1].end or c[0]) > start:
            return True
    return False


def _named_source(ctx: Context, start: int, end: int) -> Attribution:
    """The speaker phrase `_named_span` found, classified."""
    phrase = ctx.doc.text[start:end].strip(' "«»“”')
    known = ctx.kb.vocab.classify_source(phrase, actors=ctx.kb.actors, country=ctx.country)
    aff, typ = _affiliation(ctx, known)
    return _attribution(phrase, aff, typ or "named", start, end)


def _named_span(ctx: Context, si: SentenceInfo, verb: Hit, before: list[Token]) -> tuple[int, int] | None:
    """The span (start, end) of the speaker named right after a reporting verb, up to "إن/أن": "وقال محافظ
    حمص طلال البرازي إن", "وقال قائد الشرطة الاتحادية الفريق رائد شاكر جودت إن". Only when the verb
    opens the sentence's report (its object clause follows), so "قال إن" and mid-clause verbs give
    nothing. After "بحسب/وفق" (and "وفق ما أعلن") the phrase is the object and ends at a comma or the
    sentence's end instead. A statement named instead of its author ("بيان لخلية الإعلام الأمني",
    "إحصائية صادرة عن الطبابة الشرعية") gives its issuer. `before`: the word before the verb
    (`si.words_before(verb.start, 1)`)."""
    objective = verb.lemma == "بحسب" or bool(before) and before[0].norm in ("ما", "وفق", "بحسب", "حسب")
    return _speaker_span(si.tokens, bisect.bisect_left(si.token_starts, verb.end), objective, ctx.doc.text,
                         _speaker_words(), _body_follows, si)


@lru_cache(maxsize=1)
def _speaker_words() -> tuple[frozenset[str], ...]:
    """The word sets `_speaker_span` reads: clause openers, statements, the links to their issuers,
    the words that end a source phrase, the words no speaker phrase opens with."""
    sw = source_words()
    return (frozenset(CLAUSE_OPENERS), sw.documents, sw.issuer_links, frozenset(patterns().source_stops),
            frozenset(NOT_SPEAKERS))


def _speaker_span_py(toks: list[Token], lo: int, objective: bool, text: str, sets: tuple, body_follows,
                     si: SentenceInfo) -> tuple[int, int] | None:
    """`_named_span` from the verb's end on: the speaker phrase's span from toks[lo] (`lo` >= 0) on, an
    `objective` one after "بحسب/وفق"; `sets`: `_speaker_words()`; `body_follows(si, j)`: does the word
    after token j name a body a speaker belongs to. (The reference for `_speedups.speaker_span`.)"""
    openers, documents, issuer_links, source_stops, not_speakers = sets
    words: list = []
    document = False  # the words so far name a statement, not its author
    start = None
    for j in range(lo, len(toks)):
        t = toks[j]
        if t.kind == "punct":
            if t.text in '"“”«»(':
                continue
            if objective and words:
                break
            return None  # a comma or colon before "إن": not a speaker phrase
        w = t.norm
        if w in openers or w[:1] == "و" and w.lstrip("و") in openers:
            break
        if not words and t.norm in ("به", "بها", "ما"):
            continue  # "وفق ما أفادت به المعارضة", "بحسب ما أعلن"
        if not words and (t.norm in documents or t.stem in documents):
            document = True
            continue
        if document and not words and (t.norm in issuer_links or t.stem in issuer_links):
            continue
        if t.prefix.startswith("ل") and t.stem not in ("لواء",):
            if document and not words:  # "بيان لخلية الإعلام الأمني": the issuer
                start = t.start + 1
                while start < t.end and text[start] in "ـ\"«“":
                    start += 1
                words.append(t)
                continue
            break  # "لمراسل سانا", "لـ«المدن»": who was told, not who spoke
        if len(words) >= 10:
            break
        if t.norm == "في" and words and body_follows(si, j):
            words.append(t)
            continue
        if t.norm in source_stops or (t.stem in source_stops and t.prefix in ("", "و")):
            if objective or not words:
                break
            return None
        words.append(t)
    else:
        if not objective:
            return None
    if not words or words[0].norm in not_speakers:
        return None
    return (start if start is not None else words[0].start), words[-1].end


FOREIGN = ("turkey", "coalition")
QUOTE_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"))


@lru_cache(maxsize=16384)
def _balanced(name: str) -> str:
    """A source name without a quotation mark left open or closed by the phrase's edges
    ('وكالة "سانا' → 'وكالة سانا')."""
    for a, b in QUOTE_PAIRS:
        if a == b:
            if name.count(a) % 2:
                name = name.replace(a, "")
        elif name.count(a) != name.count(b):
            name = name.replace(a, "").replace(b, "")
    return " ".join(name.split()).strip()


def _refine(ctx: Context, si: SentenceInfo, src: Attribution) -> Attribution:
    """What the words of a source phrase add: the outlet's own reporter ("مراسلنا", "مراسل سمارت" in
    SMART) is the outlet's own voice; a side adjective ("مركز حمص الإعلامي المعارض", "وكالة الأنباء
    الرسمية") gives an affiliation the name did not; an NGO head ("منظمة ...", "منظمات حقوقية") is
    independent."""
    if src.start is None or src.end is None or not src.name:
        return src
    name = _balanced(src.name)
    if name != src.name:
        src = _attribution(name, src.affiliation, src.type, src.start, src.end, src.via)
    if src.type == "own":
        return _attribution(None, None, "own", src.start, src.end, src.via)
    sw = source_words()
    toks = si.tokens_within(src.start, src.end)
    words = None  # the phrase's word tokens, listed once a test needs more than the first
    for t in toks:
        if t.kind == "word":
            if t.stem in sw.reporters or t.norm in sw.reporters:
                words = _word_tokens(toks)
                rest = norm(" ".join(t.text for t in words[1:])).replace("ـ", "").strip()
                outlet = _norm_cached(ctx.doc.outlet or "")
                if words[0].suffix in ("نا",) or (rest and outlet and (rest in outlet or outlet in rest)):
                    return _attribution(None, None, "own", src.start, src.end, src.via)
            break
    if src.affiliation is not None:
        return src
    if words is None:
        words = _word_tokens(toks)
    # an anonymous military or official source speaking to a party's outlet speaks for that party
    # ("قال مصدر ميداني لـ«الوطن»" in al-Watan, "قائد ميداني" in the military media)
    if src.type == "anonymous" and ctx.doc.outlet and not _null_speaker(ctx, src.name):
        outlet = ctx.kb.vocab.classify_source(ctx.doc.outlet)
        if outlet is not None and outlet.affiliation in _INHERITS:
            return _attribution(src.name, outlet.affiliation, src.type, src.start, src.end,
                               src.via + (ctx.doc.outlet,))
    # a side adjective inside the phrase or right after it (not "غير رسمية", not a foreign party's)
    nationality = patterns().nationality
    for t in words:
        if nationality.get(t.norm) in FOREIGN or nationality.get(t.stem) in FOREIGN:
            return src
    follow = si.words_after(src.end, 1)  # the word right after the phrase, if no more than 3 characters on
    if follow and follow[0].start - src.end > 3:
        follow = []
    prev = ""
    local = sw.by_country.get((ctx.country or "").upper(), {})
    for t in words[1:] + follow:
        side = sw.side_adjectives.get(t.norm) or sw.side_adjectives.get(t.stem) or local.get(t.norm)
        if side and prev != "غير":
            return _attribution(src.name, side, src.type, src.start, src.end, src.via)
        prev = t.norm
    if src.type in (None, "named", "anonymous") and _independent(ctx.norm_of(src.start, src.end)):
        return _attribution(src.name, "independent", src.type, src.start, src.end, src.via)
    return src


@lru_cache(maxsize=16384)
def _independent(phrase: str) -> bool:
    """Does a source phrase (its matching form) open with an NGO head ("منظمة ...", "منظمات حقوقية")?"""
    phrase = phrase.strip('"«»“” ')
    return any(phrase == h or phrase.startswith(h + " ") for h in source_words().independent_heads)


def frames(ctx: Context) -> list[list[Frame]]:
    """Attribution frames of every sentence (index-aligned with ctx.sentences)."""
    out: list[list[Frame]] = []
    last: Attribution | None = None
    # the words of the sources named so far (`_surface_words` of their report's opening and name), each
    # mapped to the most recent source that has it
    history: dict[str, Attribution] = {}
    prev_frames: list[Frame] = []
    for si in ctx.sentences:
        fs: list[Frame] = []
        for verb in si.of("attribution"):
            before = si.words_before(verb.start, 1)
            if before and before[0].norm.lstrip("و") in NEGATIONS:
                continue  # "ولم تعلن الحكومة حصيلة": no statement was made
            src = _source_near(ctx, si, verb, last, history, before)
            modality = verb.value if verb.value in ("deny", "claim") else "assert"
            # a circumstantial participle ("…، ومؤكداً أن", "نافياً", "مشيراً") has the sentence's speaker as its
            # subject, not a phrase before it; only a source named after it replaces that speaker
            if fs and fs[0].source.name and (src is None or (src.end or 0) <= verb.start):
                word = _bare(verb.matched or "")
                if word.endswith("ا") and not word.endswith("وا"):
                    src = fs[0].source
            if src is None:
                # a bare continuation verb at the start keeps the previous source
                if verb.lemma in CONTINUATION_LEMMAS and verb.start - si.start <= 8 and prev_frames:
                    src = prev_frames[-1].source
                elif fs and fs[-1].source.name and any(
                        t.norm in SUBJECTLESS_LINKS for t in si.words_before(verb.start, 2)):
                    src = fs[-1].source  # "أعلن الحزب …، فيما أكد أن …": the same speaker goes on
                else:
                    continue
            src = _refine(ctx, si, src)
            if src.modality != modality:
                src = _attribution(src.name, src.affiliation, src.type, src.start, src.end, src.via, modality)
            # "بحسب/نقلاً عن" inside or at the end of a sentence governs what came before it too
            backward = verb.lemma in BACKWARD_LEMMAS and (
                (si.end - verb.start) < (verb.start - si.start) or ctx.doc.text[si.start:verb.start].rstrip()[-1:]
                in ("،", ","))
            fs.append(Frame(verb.start, src, backward))
            if src.name:
                last = src
                if src.start is not None:
                    history.update(dict.fromkeys(_history_words(_report_words(ctx, si, verb, src), src.name), src))
        out.append(fs)
        if fs:
            prev_frames = fs
    return out


@lru_cache(maxsize=4096)
def _bare(matched: str) -> str:
    """A verb's matching form without leading "و"."""
    return norm(matched).lstrip("و")


# The token scans in C (rasad.extract._speedups, built by Cython when rasad is installed) when they are
# there, else the Python loops above; they give the same.
try:
    from ._speedups import opening_words as _opening_words, phrase_end as _phrase_end_at, \
        source_tokens as _source_tokens, speaker_span as _speaker_span, word_tokens as _word_tokens
except ImportError:  # not built, or a build older than these loops
    _opening_words, _phrase_end_at, _source_tokens, _speaker_span, _word_tokens = \
        _opening_words_py, _phrase_end_py, _source_tokens_py, _speaker_span_py, _word_tokens_py


OWN_VOICE = Attribution()


def source_at(fs: list[Frame], offset: int) -> Attribution:
    """The attribution governing a position in a sentence."""
    if not fs:
        return OWN_VOICE
    # the last forward frame at or before offset, the first backward one after it, the last backward
    # one at or before it
    before = after = earlier = None
    for f in fs:
        if f.at <= offset:
            if f.backward:
                earlier = f
            else:
                before = f
        elif f.backward and after is None:
            after = f
    if before is not None and after is not None and after.at - offset < offset - before.at:
        # "أعلن X انشقاقه مع 700 مقاتل، في حين انشق نحو 400 آخرين، بحسب ناشطين": the nearer frame
        return after.source
    if before is not None:
        return before.source
    if after is not None:
        return after.source
    # "وأسفر، وفق الفصائل، عن مقتل 23": a "بحسب" frame set in the sentence governs what follows it too
    if earlier is not None:
        return earlier.source
    return OWN_VOICE
