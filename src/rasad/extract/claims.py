"""Claims: numbers of people the text states, with kind, side, window, place, status and source.

For each count the Arabic layer found in a sentence:

1. it must count people: the counted noun is not a thing (مبنى، دبابة، دولار …),
   a count corrected by "بل" gives way to the corrected one, "أحد" ("one of")
   is no count;
2. its kind comes from the nearest casualty or movement term in its clause
   (مقتل، إصابة، اعتقال، خروج، لا يزالون …), or from the counted noun itself
   (جثة، قتلى وجرحى); a companion word ("برفقة") passes on the kind of the
   term before it; a later term with a plural pronoun ("وانشقاقهم") adds a
   second kind for the same people;
3. its side comes, in order, from the counted noun (civilian nouns), an actor
   tied to the noun ("عنصرا للنظام", "من عناصر التنظيم", "في صفوف …"), an
   actor in construct with the casualty term ("قتلى الأسد"), the loser of a
   "suffer" verb ("خسارة"), the target of an "inflict" verb ("موقعين"), and
   last the armed actor in focus;
4. window and date from the sentence's time expressions, place from its
   place names, status from denial and rumour cues and the attribution's
   modality, source from the attribution frame that governs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from datetime import date


from ..arabic.normalize import norm
from ..arabic.tokens import split_clitics
from ..model import Attribution, Claim, Quantity, TimeExpression, Token
from .actors import ActorHit, focus
from .attribution import Frame, source_at
from .context import Context, Hit, SentenceInfo, contains_any, covers, spans_cover
from .places import PlaceHit, is_destination
from .records import builder
from .resources import DATA, data_yaml, patterns

_claim = builder(Claim)

PLURAL_SUFFIXES = ("هم", "هن")
_NORM = attrgetter("norm")
_STEM = attrgetter("stem")
_KIND = attrgetter("kind")


@dataclass(frozen=True)
class ClaimWords:
    """The claims patterns of data/extract.yaml this module reads beyond `patterns()`."""
    not_civilian: frozenset[str]
    estimate: frozenset[str]
    time_nouns: frozenset[str]
    planned: frozenset[str]
    retreat_kinds: frozenset[str]
    mixed_group_nouns: frozenset[str] = frozenset()
    denial_after: frozenset[str] = frozenset()
    accusation: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def claim_words() -> ClaimWords:
    c = data_yaml(DATA.name)["claims"]
    s = lambda key: frozenset(norm(w) for w in c[key])  # noqa: E731
    return ClaimWords(s("not_civilian"), s("estimate"), s("time_nouns"), s("planned"), frozenset(c["retreat_kinds"]),
                      *(frozenset(norm(w) for w in c.get(k) or ()) for k in ("mixed_group_nouns", "denial_after",
                                                                                "accusation")))
ARMED_SIDES = ("government", "isis", "opposition", "sdf", "coalition", "turkey")


# The word lists whose presence in a sentence (`_gates`) gates a scan of its tokens, one bit each.
_EXTRA, _COMPANIONS, _ESTIMATE, _ONE_PERSON, _TIME_NOUNS, _PLANNED, _DENIAL_AFTER, _MIXED_GROUP, _INFLICT, \
    _BREAKS, _TOLL_HEAD, _COUNT_HEAD, _ACCUSATION = (1 << i for i in range(13))


@lru_cache(maxsize=1)
def _gate_words() -> tuple[dict[str, int], frozenset[str]]:
    """Each word of the gating lists with the bits of the lists it is in, and all those words."""
    pat = patterns()
    ww = _waw()
    lists = ((_EXTRA, _extra_words()), (_COMPANIONS, pat.companions), (_ESTIMATE, claim_words().estimate),
             (_ONE_PERSON, pat.one_person), (_TIME_NOUNS, ww.time_nouns), (_PLANNED, ww.planned),
             (_DENIAL_AFTER, ww.denial_after), (_MIXED_GROUP, ww.mixed_group_nouns), (_INFLICT, pat.inflict),
             (_BREAKS, _clause_breaks()[0]), (_TOLL_HEAD, ("حصيله",)), (_COUNT_HEAD, ("عدد",)),
             (_ACCUSATION, ww.accusation))
    bits: dict[str, int] = {}
    for bit, words in lists:
        for w in words:
            bits[w] = bits.get(w, 0) | bit
    return bits, frozenset(bits)


def _gates(si: SentenceInfo) -> int:
    """The bits of the gating lists that some form of the sentence's tokens is in (computed once per
    sentence). The forms are the tokens' norms and stems, and the norms that open with "وو" without
    their leading "و"s. A list whose bit is not set matches none of the sentence's tokens by `norm` or
    `stem`; a `_waw()` list (its words with and without a leading "و") none by `norm.lstrip("و")` or
    (after "و") `norm[1:]` either: the scan of the tokens for it can be skipped."""
    found = si.memo.get("claims.gates")
    if found is None:
        bits, words = _gate_words()
        toks = si.tokens
        found = _gate_bits(toks, bits, words)
        if "وو" in si.norm:  # (rare) norms that lstrip takes more than one "و" from
            for w in words.intersection([t.norm.lstrip("و") for t in toks if t.norm.startswith("وو")]):
                found |= bits[w]
        si.memo["claims.gates"] = found
    return found


def _gate_bits_py(toks: list, bits: dict[str, int], words: frozenset[str]) -> int:
    """The bits of `bits` (whose words are `words`) of every token's norm and stem, or'ed."""
    found = 0
    for w in words.intersection(map(_NORM, toks)):
        found |= bits[w]
    for w in words.intersection(map(_STEM, toks)):
        found |= bits[w]
    return found


# The C loop (rasad.extract._speedups, built by Cython when rasad is installed) when it is there: the same
# bits, the tokens' slots read without an attribute look-up each.
try:
    from ._speedups import gate_bits as _gate_bits_c, slot_offset as _slot_offset
except ImportError:  # not built (no compiler where rasad was installed)
    _gate_bits = _gate_bits_py
else:
    def _gate_bits(toks: list, bits: dict[str, int], words: frozenset[str],
                   _c=_gate_bits_c, _at=(Token, _slot_offset(Token, "norm"), _slot_offset(Token, "stem"))) -> int:
        return _c(toks, bits, *_at)


@dataclass(frozen=True)
class _WithWaw:
    """Word lists of `claim_words()` with each word also after "و" (see `_gates`)."""
    time_nouns: frozenset[str]
    planned: frozenset[str]
    denial_after: frozenset[str]
    mixed_group_nouns: frozenset[str]
    accusation: frozenset[str]


@lru_cache(maxsize=1)
def _waw() -> _WithWaw:
    cw = claim_words()
    w = lambda words: words | frozenset("و" + x for x in words)  # noqa: E731
    return _WithWaw(w(cw.time_nouns), w(cw.planned), w(cw.denial_after), w(cw.mixed_group_nouns), w(cw.accusation))


@lru_cache(maxsize=1)
def _clause_breaks() -> tuple[frozenset[str], tuple[str, ...]]:
    """The clause-break words: (single words, phrases of several words). Of the phrases only those that
    hold no other are kept: a text holds one of them when it holds one of all."""
    breaks = patterns().clause_breaks
    phrases = list(dict.fromkeys(w for w in breaks if " " in w))
    return frozenset(w for w in breaks if " " not in w), tuple(
        w for w in phrases if not any(o != w and o in w for o in phrases))


def _has_break(ctx: Context, si: SentenceInfo, a: int, b: int) -> bool:
    """A clause break between offsets a < b (a break word, ':' or ';', or an attribution verb)."""
    text = si.text[max(0, a - si.start):max(0, b - si.start)]
    if ";" in text or "؛" in text or ":" in text or "." in text:
        return True
    single, phrases = _clause_breaks()
    if _gates(si) & _BREAKS:
        for t in si.tokens_within(a, b):
            if t.norm in single or t.stem in single:
                return True
    if phrases and _has_phrase_break(si):
        span = ctx.norm_of(a, b)
        if contains_any(span, phrases):
            return True
    for h in si.of("attribution"):
        if a <= h.start and h.end <= b:
            return True
    return False


def _has_phrase_break(si: SentenceInfo) -> bool:
    """Does a clause break of several words occur anywhere in the sentence? (Normalising is local, so a
    phrase in the matching form of a part of the sentence is in the sentence's matching form.)"""
    found = si.memo.get("claims.phrase_break")
    if found is None:
        found = si.memo["claims.phrase_break"] = contains_any(si.norm, _clause_breaks()[1])
    return found


def _words_between(si: SentenceInfo, a: int, b: int) -> int:
    """The tokens between offsets a and b that are not punctuation."""
    toks = si.tokens_within(a, b)
    return len(toks) - list(map(_KIND, toks)).count("punct") if toks else 0


@lru_cache(maxsize=65536)
def _extra_kind(norm_: str, stem: str) -> str | None:
    """The kind this stage's extra kind words give a word, if any (first listed wins)."""
    for kind, words in patterns().extra_kinds.items():
        if norm_ in words or stem in words:
            return kind
    return None


@lru_cache(maxsize=1)
def _extra_words() -> frozenset[str]:
    return frozenset(w for words in patterns().extra_kinds.values() for w in words)


def _kind_terms(ctx: Context, si: SentenceInfo) -> list[Hit]:
    """Casualty hits plus this stage's extra kind words, as Hits."""
    if not _gates(si) & _EXTRA:
        return si.of("casualty")  # in text order already (the callers only read the list)
    hits = list(si.of("casualty"))
    extra = _extra_words()
    taken = [(h.start, h.end) for h in hits]
    for t in [t for t in si.tokens if (t.norm in extra or t.stem in extra) and t.kind == "word"]:
        kind = _extra_kind(t.norm, t.stem)
        if kind is not None and not spans_cover(taken, t.start):
            hits.append(Hit(t.start, t.end, "casualty", kind, matched=t.norm))
    hits.sort(key=lambda h: h.start)
    return hits


def _noun(ctx: Context, q: Quantity) -> tuple[str, str] | None:
    if q.noun_start is None or q.noun_end is None:
        return None
    return _noun_of(ctx.doc.text[q.noun_start:q.noun_end])


@lru_cache(maxsize=65536)
def _noun_of(text: str) -> tuple[str, str] | None:
    """The first word of the text's matching form and its stem (cached: news text repeats its nouns)."""
    word = norm(text).split()
    if not word:
        return None
    return word[0], _noun_forms(word[0])[0]


@lru_cache(maxsize=65536)
def _noun_forms(word: str) -> tuple[str, tuple[str, ...]]:
    """A counted noun's stem, and the noun and stem with their singular guesses (`_singulars`)."""
    _, stem, _ = split_clitics(word)
    return stem, tuple(dict.fromkeys(_singulars(word) + _singulars(stem)))


def _singulars(word: str) -> list[str]:
    """The word and its singular guesses for duals and sound plurals (امراتان → امراه, عنصرين → عنصر)."""
    out = [word]
    for suf, rep in (("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", ""), ("ون", ""), ("ات", "ه"), ("ا", "")):
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            out.append(word[: -len(suf)] + rep)
    return out


_WHOLE: dict[tuple[int, str, str], list] = {}


def _matches_whole(finder, form: str) -> list:
    """Vocabulary matches covering the whole word (cached: news text repeats its nouns)."""
    key = (id(finder.__self__), finder.__name__, form)
    found = _WHOLE.get(key)
    if found is None:
        found = [h for h in finder(form) if h.start == 0 and h.end == len(form)]
        if len(_WHOLE) > 50_000:
            _WHOLE.clear()
        _WHOLE[key] = found
    return found


def _noun_role(ctx: Context, q: Quantity, actors: list[ActorHit] | None = None) -> str | None:
    """What the counted noun says about the people counted.

    "none" (no noun), "civilian", "soldier", "nationality:<side>", "actor",
    "others" (آخرين), "combatant", "person" (a person noun of any other
    kind), or None for a noun that is not a person (the number counts
    something else).
    """
    noun = _noun(ctx, q)
    if noun is None:
        return "none"
    first, rest = _word_roles(ctx, noun[0])
    if first is not None:
        return first
    if actors and covers(actors, q.noun_start or -1):
        return "actor"
    return rest


_ROLES: dict[tuple[object, str], tuple[str | None, str | None]] = {}


def _word_roles(ctx: Context, word: str) -> tuple[str | None, str | None]:
    """`_noun_role` of a counted noun from the word alone (cached: news text repeats its nouns): the
    role the word gives before an actor on the noun is looked at (None: none), and the role after."""
    vocab = ctx.kb.vocab
    key = (vocab, word)  # (a vocabulary compares by identity)
    found = _ROLES.get(key)
    if found is None:
        found = _roles_of(vocab, word)
        if len(_ROLES) > 50_000:
            _ROLES.clear()
        _ROLES[key] = found
    return found


def _roles_of(vocab, word: str) -> tuple[str | None, str | None]:
    pat = patterns()
    stem, forms = _noun_forms(word)
    for f in forms:
        if f in pat.civilian_nouns or ("ال" + f) in pat.civilian_nouns:
            return "civilian", None
    if word in pat.nationality:
        return "nationality:" + pat.nationality[word], None
    if not pat.soldier_nouns.isdisjoint(forms):
        return "soldier", None
    if word in pat.others or stem in pat.others:
        return "others", None
    for f in forms:
        if f in pat.non_person or ("ال" + f) in pat.non_person:
            return None, None
    for f in forms:
        cues = _matches_whole(vocab.find_side_cues, f)
        if cues and cues[0].group in ("combatant", "leader"):
            return None, "combatant"
    if not pat.person_extra.isdisjoint(forms) or not pat.person_nouns.isdisjoint(forms):
        return None, "person"
    for f in forms:
        if _matches_whole(vocab.find_side_cues, f) or _matches_whole(vocab.find_casualties, f):
            return None, "person"
    if word in ("من", "ما"):
        return None, "none"
    return None, None


def _corrected(ctx: Context, si: SentenceInfo, q: Quantity) -> bool:
    """"بعشرات بل مئات": the first number gives way to the one after "بل"."""
    pat = patterns()
    nxt = [x for x in si.quantities if x.start >= q.end and x.kind == "count"]
    if not nxt:
        return False
    gap = ctx.norm_of(q.end, nxt[0].start).split()
    return 0 < len(gap) <= 2 and any(g.lstrip("و") in pat.correction for g in gap)


def _has_companion(words, pat) -> bool:
    for t in words:
        if t.norm in pat.companions or t.stem in pat.companions:
            return True
    return False


def _kind_for(ctx: Context, si: SentenceInfo, q: Quantity, terms: list[Hit], allowed: list[Hit]
              ) -> tuple[Hit | None, str | None]:
    """The kind term governing q, and its kind. `allowed`: the terms not refused (`_refused`)."""
    pat = patterns()
    # the counted noun itself ("جثة", "قتلى وجرحى", "قتيلين")
    if q.noun_start is not None:
        own = [h for h in terms if h.start <= q.noun_start < h.end or h.start <= q.start < h.end]
        if own:
            h = max(own, key=lambda h: (h.value == "killed_or_wounded", h.end - h.start))
            return h, h.value
    est = _estimate(ctx, si, q, terms)
    if est is not None:
        return est
    terms = allowed
    before = [h for h in terms if h.end <= q.start]
    after = [h for h in terms if h.start >= (q.noun_end or q.end)]
    b: tuple[int, Hit] | None = None
    for h in reversed(before):
        d = _words_between(si, h.end, q.start)
        if d <= 12 and not _has_break(ctx, si, h.end, q.start):
            b = (d, h)
        break
    # a companion word ("برفقة تسعة أشخاص"): the kind of the term before it
    prev = si.words_before(q.start, 2) if _gates(si) & _COMPANIONS else ()
    if _has_companion(prev, pat):
        earlier = [h for h in before if h.end <= prev[0].start]
        if earlier:
            return earlier[-1], earlier[-1].value
    a: tuple[int, Hit] | None = None
    for h in after:
        if ctx.doc.text[h.start] == "و" and not ctx.norm_of(h.start, h.end).endswith(PLURAL_SUFFIXES):
            break  # "ونزوح …" opens the next conjunct; "ونشرهم" points back at the counted people
        d = _words_between(si, q.noun_end or q.end, h.start)
        if d <= 10 and not _has_break(ctx, si, q.end, h.start):
            a = (d, h)
        break
    if b is not None and (b[0] <= 4 or a is None):
        return b[1], b[1].value
    if a is not None:
        return a[1], a[1].value
    return None, None


def _estimate(ctx: Context, si: SentenceInfo, q: Quantity, terms: list[Hit]) -> tuple[Hit | None, str] | None:
    """"قدرت الأمم المتحدة عدد المدنيين العالقين بنحو مئة ألف": an estimate of how many people there are
    (present), or of the toll a term right after "عدد" names ("قدرت عدد النازحين بأكثر من 130 ألف")."""
    cw = claim_words()
    if not _gates(si) & _ESTIMATE:
        return None
    words = si.words_before(q.start, 16)
    est = [i for i, t in enumerate(words) if t.norm in cw.estimate or t.stem in cw.estimate]
    if not est:
        return None
    count_at = [i for i, t in enumerate(words) if i > est[-1] and t.stem == "عدد"]
    if not count_at or _has_break(ctx, si, words[est[-1]].end, q.start):
        return None
    after = words[count_at[0] + 1:count_at[0] + 3]
    for h in terms:
        if after and after[0].start <= h.start < after[-1].end:
            return h, h.value
    return None, "present"


REFUSAL = ("رفض", "رفضوا", "رفضت", "يرفض", "يرفضون", "عدم", "لم", "دون", "بدون", "منع", "منعت", "يمنع")
_REFUSAL = frozenset(REFUSAL)


def _refused(ctx: Context, si: SentenceInfo, h: Hit) -> bool:
    """"رفضوا الخروج", "دون خروج": the movement or loss did not happen."""
    return _refusal_before(ctx.doc.text[max(si.start, h.start - 20):h.start])


@lru_cache(maxsize=65536)
def _refusal_before(text: str) -> bool:
    """Is one of the last two words of the text's matching form a refusal (cached: news repeats its phrases)?"""
    for w in norm(text).rsplit(None, 2)[-2:]:
        if w.lstrip("و") in _REFUSAL:
            return True
    return False


def _one_person(ctx: Context, si: SentenceInfo, terms: list[Hit]) -> list[Quantity]:
    """"مقتل قائد تنظيم الدولة", "اعتقال القيادي X": a casualty term followed by one named person
    (a singular leader noun) is a count of one — so that a denied death stands as a denied claim."""
    pat = patterns()
    out = []
    if not terms or not _gates(si) & _ONE_PERSON:
        return out
    for h in terms:
        if h.value not in ("killed", "wounded", "captured", "arrested"):
            continue
        nxt = si.words_after(h.end, 1)
        if not nxt or nxt[0].norm not in pat.one_person or nxt[0].start - h.end > 3:
            continue
        t = nxt[0]
        if covers(si.quantities, t.start):
            continue
        out.append(Quantity(t.start, t.end, 1, "exact", "count", t.start, t.end, None, t.text))
    return out


def _extra_kinds(ctx: Context, si: SentenceInfo, q: Quantity, kind: str, terms: list[Hit]) -> list[str]:
    """Later terms whose plural pronoun points back at the counted people ("وانشقاقهم")."""
    out = []
    for h in terms:
        if h.start <= q.end or h.value == kind or h.value in out:
            continue
        word = ctx.doc.text[h.start:h.end]
        nw = ctx.norm_of(h.start, h.end).split()[-1] if word.strip() else ""
        if nw.endswith(PLURAL_SUFFIXES) and h.value in ("defected", "arrested", "killed", "wounded", "captured"):
            out.append(h.value)
    return out


_LINKS = frozenset({"من", "في", "صفوف", "لدى", "عناصر", "مقاتلي", "التابعين", "التابعه", "التابع", "قوات", "ضمن",
                    "عنصرا", "عنصر", "ومقاتلي", "جنود", "وحدات", "القتلى", "الجرحى", "الضحايا", "الشهداء",
                    "المصابين"})


def _actor_after(si: SentenceInfo, actors: list[ActorHit], end: int, ctx: Context) -> ActorHit | None:
    """An actor tied to the counted noun: right after it, through ل / من / في صفوف / لدى."""
    for a in actors:
        if a.start < end:
            continue
        gap = ctx.norm_of(end, a.start).split()
        if len(gap) > 3:
            return None
        if all(g.strip('"«»“”') in _LINKS or g.strip('"«»“”') == "" for g in gap):
            return a
        return None
    return None


_POSSESSED = ("عناصر", "مقاتلي", "صفوف", "مقاتل", "عنصر", "جنود", "افراد", "قتلي", "قتلى", "جرحي", "جرحى", "اسرى",
              "اسري", "منتسبي", "قاده", "قيادات")
# heads of a masculine actor name ("الحزب", "جيش الفتح"); a word in ه (taa marbuta) or a plural head
# ("قوات", "وحدات") makes the name feminine; a name with neither ("داعش", "قسد") may take either pronoun
_MASCULINE_HEADS = frozenset({"جيش", "حزب", "تنظيم", "نظام", "فيلق", "لواء", "حشد", "حرس", "جهاز", "تحالف", "فصيل",
                              "مجلس", "اتحاد", "ايتلاف", "ائتلاف"})
_FEMININE_HEADS = frozenset({"قوات", "وحدات", "فصايل", "فصائل", "ميليشيات", "مليشيات", "كتايب", "كتائب", "مجموعات",
                             "جماعات", "سرايا", "الويه", "فرق", "قطعات"})
# words before an actor that make it the one attacked ("هجوم على قوات النظام", "استهدفت الفصائل")
_ATTACK_VERBS = frozenset({"استهدف", "استهدفت", "هاجم", "هاجمت", "يستهدف", "تستهدف", "استهداف", "مهاجمه"})
_ATTACK_NOUNS = frozenset({"هجوم", "هجوما", "هجمات", "الهجوم", "هجمه", "غاره", "غارات", "كمين", "كمينا", "قصف",
                           "قصفا", "ضربه", "ضربات", "تفجير"})


_PERSON_HEADS = frozenset({"عناصر", "مقاتلي", "مقاتلو", "مسلحي", "مسلحو", "جنود", "افراد", "ميليشيا", "مليشيا",
                           "قاده", "قيادات", "مقاتلين", "مسلحين"})


def _genders(ctx: Context, a: ActorHit) -> set[str]:
    """Pronoun genders the actor's name can take, from its head word ("قوات النظام" feminine, "عناصر
    التنظيم" masculine, after the person noun): {"f"}, {"m"}, or empty (either: "داعش", "قسد")."""
    for w in ctx.norm_of(a.start, a.end).split():
        w = w.strip('"«»“”')
        for pre in ("و", "ف", "ب", "ل"):
            if w.startswith(pre) and len(w) > 4 and w[1:].startswith("ال"):
                w = w[1:]
        if w.startswith("لل"):
            w = w[2:]
        elif w.startswith("ال"):
            w = w[2:]
        if not w or w in _PERSON_HEADS:
            continue
        if w in _MASCULINE_HEADS:
            return {"m"}
        if w in _FEMININE_HEADS or (w.endswith("ه") and len(w) > 2):
            return {"f"}
        return set()
    return set()


def _attacked(ctx: Context, si: SentenceInfo, a: ActorHit) -> bool:
    """The actor is the object of an attack: "هجوم على قوات النظام", "استهدفت مواقع الفصائل"."""
    before = si.words_before(a.start, 3)
    norms = [t.norm.lstrip("و") for t in before]
    if norms and (norms[-1] in _ATTACK_VERBS or len(norms) > 1 and norms[-2] in _ATTACK_VERBS):
        return True
    if "علي" in norms or "على" in norms or "ضد" in norms:
        k = max(i for i, n in enumerate(norms) if n in ("علي", "على", "ضد"))
        return any(n in _ATTACK_NOUNS or n in _ATTACK_VERBS for n in norms[:k]) or k == 0 and bool(
            [t for t in si.words_before(before[0].start, 2) if t.norm.lstrip("و") in _ATTACK_NOUNS])
    return False


def _fits(ctx: Context, a: ActorHit, want: str | None) -> bool:
    """Can the actor's name take the pronoun of gender `want` (None: any)?"""
    g = _genders(ctx, a)
    return want is None or not g or want in g


def _pronoun_owner(ctx: Context, si: SentenceInfo, actors: list[ActorHit], q: Quantity) -> ActorHit | None:
    """"من عناصره" / "من مقاتليها" / "في صفوفها": the possessor is an armed actor named before whose name
    agrees with the pronoun (ه masculine, ها feminine): the one attacked there ("هجوم على قوات النظام … مقتل
    11 في صفوفها") if any, else the sentence's subject, else the actor in focus of earlier sentences."""
    start = q.noun_start if q.noun_start is not None else q.end
    following = si.words_after(start, 4)
    for t in following:
        if t.suffix in ("ه", "ها", "هم") and (t.stem in _POSSESSED or t.stem.rstrip("ه") in _POSSESSED):
            want = {"ه": "m", "ها": "f"}.get(t.suffix)
            before = [a for a in actors if a.end <= q.start and a.side in ARMED_SIDES]
            fitting = [a for a in before if _fits(ctx, a, want)]
            hit = [a for a in fitting if _attacked(ctx, si, a)]
            if hit:
                return hit[-1]
            if fitting:
                return fitting[0]
            if before:
                return None if want else before[0]
            return None
    return None


def _construct(ctx: Context, si: SentenceInfo, actors: list[ActorHit], q: Quantity, term: Hit | None
               ) -> ActorHit | None:
    """An actor in construct with the casualty term or with "عدد" before the count:
    "قتلى الأسد", "حصيلة القتلى المدنيين", "عدد القتلى لدى التنظيم", "عدد المدنيين العالقين"."""
    anchors = [term.end] if term is not None and term.end <= q.start else []
    counts = si.memo.get("count_words")
    if counts is None:  # where the sentence's "عدد" and "حصيلة" end
        counts = si.memo["count_words"] = [t.end for t in si.tokens if t.stem in ("عدد", "حصيله")] \
            if _gates(si) & (_COUNT_HEAD | _TOLL_HEAD) else []
    anchors += [e for e in counts if e <= q.start and len(ctx.norm_of(e, q.start).split()) <= 14]
    for end in anchors:
        a = _actor_after(si, actors, end, ctx)
        if a is not None and a.start < q.start and a.side in ARMED_SIDES + ("civilians",):
            if term is not None and end == term.end and _subject_then_count(ctx, a, q):
                continue  # "اعتقلت قوات النظام ثمانية منهم": the actor is the verb's subject, not the counted
            return a
    return None


def _subject_then_count(ctx: Context, a: ActorHit, q: Quantity) -> bool:
    """Verb, subject, object: the count follows the actor with no word between ("أسر جيش الفتح 23 عنصراً")."""
    return not [w for w in ctx.norm_of(a.end, q.start).split() if w.strip('"«»“”')]


def _captor(ctx: Context, si: SentenceInfo, actors: list[ActorHit], q: Quantity, term: Hit | None
            ) -> ActorHit | None:
    """The actor that took the counted people: the subject between a capture verb and the count."""
    if term is None or term.value not in ("captured", "arrested") or term.end > q.start:
        return None
    for a in actors:
        if term.end <= a.start and a.end <= q.start and a.side in ARMED_SIDES and _subject_then_count(ctx, a, q):
            return a
    return None


_GROUP_BREAK = re.compile("[،,.:;؛()]")


def _mixed_group(ctx: Context, si: SentenceInfo, q: Quantity, actors: list[ActorHit]) -> bool:
    """"46 من عناصر الأمن والبيشمركة والمدنيين", "نحو 200 من عناصر الفصائل والناشطين", "بين مقاتلين
    ومدنيين": the counted noun phrase joins by و fighters and civilians or other people. Fighters of two
    armed sides joined so keep the first side named (the scope of the count is unclear, not mixed)."""
    start = q.noun_start if q.noun_start is not None else q.end
    # only an armed actor and civilians or a group noun after the count can make one
    armed = civilians = False
    for a in actors:
        if a.end > start:
            if a.side in ARMED_SIDES:
                armed = True
            elif a.side == "civilians":
                civilians = True
    if not armed or not civilians and not _gates(si) & _MIXED_GROUP:
        return False
    words = si.words_after(start, 8)
    # the phrase ends at the next number ("60 عنصراً من قوات النظام و37 من مقاتلي الفصائل")
    nxt = [x.start for x in si.quantities if x.start > q.start]
    if nxt:
        words = [t for t in words if t.start < min(nxt)]
    sides: set[str] = set()
    other = False
    prev_end = start
    text = ctx.doc.text
    group_nouns = claim_words().mixed_group_nouns
    for i, t in enumerate(words):
        if i and _GROUP_BREAK.search(text, prev_end, t.start):
            break
        prev_end = t.end
        hit = None
        for a in actors:
            if a.start <= t.start < a.end:
                hit = a
                break
        joined = i > 0 and t.norm.startswith("و")
        if hit is not None and hit.side in ARMED_SIDES + ("civilians",):
            if not sides or joined and hit.start == t.start:
                sides.add(hit.side)
        elif joined and (t.norm[1:] in group_nouns or t.norm in group_nouns):
            other = True
        elif t.kind == "word" and t.norm in ("قتلوا", "قتل", "اصيبوا", "سقطوا", "غادروا", "خرجوا") or \
                t.stem in ("في", "خلال", "منذ", "جراء", "اثر", "بعد", "قبل"):
            break
    armed = sides & set(ARMED_SIDES)
    return bool(armed) and ("civilians" in sides or other)


def _side(ctx: Context, si: SentenceInfo, q: Quantity, term: Hit | None, kind: str,
          actors: list[ActorHit], per_sentence: list[list[ActorHit]], src: Attribution, role: str | None
          ) -> tuple[str, str | None]:
    """`role` is `_noun_role` of the count (the caller has it already)."""
    pat = patterns()
    # 1. the counted noun: civilians, a nationality, or a nationality right after it ("جندياً تركياً")
    if role == "civilian":
        return "civilians", None
    if role and role.startswith("nationality:"):
        return role.split(":", 1)[1], None
    if q.noun_end is not None:
        nxt = si.words_after(q.noun_end, 1)
        if nxt and nxt[0].norm in pat.nationality:
            return pat.nationality[nxt[0].norm], None
    # 2. a mixed group: fighters joined by و to another side, civilians or other people
    if _mixed_group(ctx, si, q, actors):
        return "unknown", None
    # the noun is an actor ("من قوات النظام", "العشرات من الإرهابيين"), or one is tied to it
    if q.noun_start is not None:
        own = [x for x in actors if x.start <= q.noun_start < x.end]
        if own and own[0].side in ARMED_SIDES + ("civilians",):
            return own[0].side, own[0].actor
    a = _actor_after(si, actors, q.noun_end or q.end, ctx)
    if a is not None and a.side in ARMED_SIDES + ("civilians",):
        return a.side, a.actor
    a = _pronoun_owner(ctx, si, actors, q)
    if a is not None:
        return a.side, a.actor
    # "إن عناصر التنظيم انسحبوا … وإن نحو 400 منهم لا يزالون": a part of the armed group just named
    after = si.words_after(q.noun_end or q.end, 1)
    if after and after[0].norm.lstrip("و") in ("منهم", "منهن") and after[0].start - (q.noun_end or q.end) <= 2:
        before = [x for x in actors if x.end <= q.start and x.side in ARMED_SIDES]
        if before and not (term is not None and term.value in ("captured", "arrested") and term.start < q.start):
            return before[-1].side, before[-1].actor
    # 3. construct with the casualty term or "عدد"
    a = _construct(ctx, si, actors, q, term)
    if a is not None and not (a.side == "civilians" and norm(a.surface).lstrip("و") in claim_words().not_civilian):
        return a.side, a.actor
    # fighters who surrendered ("نحو 500 مقاتل استسلموا ونقلوا إلى مراكز تديرها قسد") are of the armed side
    # in focus other than those they surrendered to
    if role == "combatant" and term is not None and term.value == "captured" and \
            ctx.norm_of(term.start, term.end).lstrip("و").startswith(("استسلم", "يستسلم", "سلموا انفسهم")) and \
            not [x for x in actors if x.end <= q.start and x.side in ARMED_SIDES] and si.index > 0:
        takers = {x.side for x in actors if x.start >= q.end}
        f = focus(per_sentence, si.index - 1, tuple(x for x in ARMED_SIDES if x not in takers))
        if f is not None:
            return f.side, f.actor
    # fighters taken by a named captor ("أسر جيش الفتح 23 عنصراً") belong to another side named there
    captor = _captor(ctx, si, actors, q, term)
    if captor is not None and role == "combatant":
        other = [x for x in actors if x.side in ARMED_SIDES and x.side != captor.side]
        if other:
            return other[0].side, other[0].actor
        return "unknown", None
    # 4. soldiers: the reporting party's own, else the state's forces
    if role == "soldier":
        if src.affiliation in ARMED_SIDES:
            return src.affiliation, None
        return "government", None
    # companions of a named fighter ("خروج الأمير … للتنظيم برفقة تسعة أشخاص") share his side
    gates = _gates(si)
    prev_words = si.words_before(q.start, 2) if gates & _COMPANIONS else ()
    comp = [t for t in prev_words if t.norm in pat.companions or t.stem in pat.companions]
    if comp:
        before = [x for x in actors if x.end <= comp[0].start and x.side in ARMED_SIDES]
        if before:
            return before[-1].side, before[-1].actor
    # "20 شخصاً من عناصر الحسبة": a person noun in apposition with fighters is a fighter
    if role == "person" and q.noun_end is not None:
        nxt = si.words_after(q.noun_end, 3)
        if any(t.stem in ("عناصر", "مقاتلي", "مسلحي", "عنصر", "مقاتل") or t.norm in ("عناصر", "مقاتلي")
               for t in nxt):
            role = "combatant"
    if role not in ("combatant", "none"):
        return "unknown", None
    # 5. suffer / inflict verbs
    # the words ending at or before the count (none to read where no inflict word is in the sentence)
    words_before = si.tokens[:si.token_index(q.start)] if gates & _INFLICT else ()
    if any(t.kind == "word" and (t.norm in pat.inflict or t.stem in pat.inflict) for t in words_before):
        subj = next((x for x in actors if x.end <= q.start and x.side in ARMED_SIDES), None)
        other = [x for x in actors if x.side in ARMED_SIDES and (subj is None or x.side != subj.side)]
        if other:
            return other[0].side, other[0].actor
    if term is not None and (term.matched in pat.suffer or ctx.norm_of(term.start, term.end) in pat.suffer):
        before = [x for x in actors if x.end <= term.start and x.side in ARMED_SIDES]
        if before:
            return before[-1].side, before[-1].actor
    if role != "combatant":
        return "unknown", None
    # 6. the armed actor in focus, for fighters leaving, defecting or staying (not for those
    # arrested or captured, whose captor is usually the actor named)
    if kind in ("evacuated", "defected", "present", "displaced"):
        before = [x for x in actors if x.end <= q.start and x.side in ARMED_SIDES]
        if before:  # the sentence's subject: the first armed actor named
            return before[0].side, before[0].actor
        if kind == "evacuated" and si.index > 0:
            # fighters among evacuees ("1580 شخصاً، بينهم 413 مقاتلاً، غادروا") are those the deal takes
            # out: the armed non-state side in focus, not the forces that besiege them
            f = focus(per_sentence, si.index - 1, tuple(s for s in ARMED_SIDES if s != "government"))
            if f is not None:
                return f.side, f.actor
        if si.index > 0:
            f = focus(per_sentence, si.index - 1, ARMED_SIDES)
            if f is not None:
                return f.side, f.actor
    if kind in ("killed", "wounded", "killed_or_wounded"):
        armed = {x.side for x in actors if x.side in ARMED_SIDES}
        if len(armed) == 1:
            return armed.pop(), None
        # a party's source tells of an attack by its enemy with its result ("قالت مصادر في الجيش الحر إن
        # التنظيم فجر سيارات مفخخة بالمهاجمين، ما أسفر عن مقتل 11 مقاتلاً"): the fighters are the party's own
        if src.affiliation in ARMED_SIDES and src.end is not None and term is not None and term.start < q.start:
            told = [x for x in actors if x.start >= src.end and x.end <= term.start and x.side in ARMED_SIDES]
            result = [t.norm.lstrip("و") for t in si.words_before(term.start, 3)]
            if told and all(x.side != src.affiliation for x in told) and "ما" in result and \
                    any(w in ("اسفر", "ادى", "ادت", "اسفرت") for w in result):
                return src.affiliation, None
    return "unknown", None


def _long_span(si: SentenceInfo, t: TimeExpression, min_days: int) -> bool:
    """Does a window cover `min_days` or more, even when the document's date is unknown and the
    window has no dates ("خلال 20 يوماً", "خلال ثلاثة أسابيع", "منذ بدء الحملة")?"""
    if t.kind not in ("window", "since"):
        return False
    if t.date_start is not None and t.date_end is not None:
        return (t.date_end - t.date_start).days + 1 >= min_days
    if t.kind == "since" or t.precision in ("week", "month", "year"):
        return True
    spans = [q for q in si.quantities if q.kind in ("duration", "ordinal") and t.start <= q.start < t.end]
    return any(q.value >= min_days for q in spans)


TOLL_WORDS = ("القتلى", "قتلى", "الضحايا", "ضحايا", "القتلى", "الجرحى", "المصابين", "الشهداء", "النازحين", "المهجرين")


def _near_times(ctx: Context, si: SentenceInfo, q: Quantity, words: int = 12) -> list[TimeExpression]:
    """The sentence's time expressions within `words` words of the count."""
    def gap(t: TimeExpression) -> int:
        a, b = (t.end, q.start) if t.end <= q.start else (q.end, t.start)
        return len(ctx.norm_of(a, b).split()) if b > a else 0
    return [t for t in si.times if gap(t) <= words]


_TOLL_NORMS = frozenset(norm(w) for w in TOLL_WORDS)


def _toll(ctx: Context, si: SentenceInfo, q: Quantity) -> bool:
    """A toll word before the count: "عدد القتلى", "حصيلة القتلى", "حصيلة" alone."""
    ends = si.memo.get("toll")
    if ends is None and not _gates(si) & (_TOLL_HEAD | _COUNT_HEAD):
        ends = si.memo["toll"] = []
    elif ends is None:  # where the sentence's toll words end
        toks = si.tokens
        ends = si.memo["toll"] = [
            t.end for i, t in enumerate(toks)
            if t.stem == "حصيله" or (t.stem == "عدد" and (toks[i + 1].norm if i + 1 < len(toks) else "").lstrip("و")
                                     in _TOLL_NORMS)]
    for e in ends:
        if e <= q.start and len(ctx.norm_of(e, q.start).split()) <= 14:
            return True
    return False


def _dated(times: list[TimeExpression]) -> bool:
    """Has some time expression a date?"""
    for t in times:
        if t.date_end or t.date_start:
            return True
    return False


def _window(ctx: Context, si: SentenceInfo, q: Quantity, near: list[TimeExpression]
            ) -> tuple[date | None, date | None, bool]:
    """`near` is `_near_times` of the count (the caller has it already)."""
    pat = patterns()
    toll = _toll(ctx, si, q)  # "عدد القتلى … تجاوز 300", "ترفع حصيلة القتلى إلى 876": a running total
    if near and not _dated(near):
        t = min(near, key=lambda t: abs(t.start - q.start))
        return None, None, toll or _long_span(si, t, pat.cumulative_days)
    if not near and not _dated(si.times):
        return None, ctx.published, toll
    times: list[TimeExpression] = [t for t in si.times if t.date_end is not None or t.date_start is not None]
    windows = [t for t in times if t.kind in ("window", "since")]
    if windows:
        t = min(windows, key=lambda t: abs(t.start - q.start))
        start, end = t.date_start, t.date_end or ctx.published
        return start, end, toll or _long_span(si, t, pat.cumulative_days)
    dates = [t for t in times if t.kind in ("date", "relative")]
    if dates:
        t = min(dates, key=lambda t: abs(t.start - q.start))
        return t.date_start, t.date_end, toll
    return None, ctx.published, toll


def _status(ctx: Context, si: SentenceInfo, q: Quantity, src: Attribution) -> str | None:
    """asserted | denied | rumored, or None when the count is feared, threatened or planned."""
    pat = patterns()
    cues = si.of("cue")
    if cues:  # (every test below is of the cues that end before the count)
        cues = [h for h in cues if h.end <= q.start]
    for h in cues:
        if h.value in pat.not_happened:
            return None
    if src.modality == "deny":
        return "denied"
    # a denial cue before the count, unless a new assertion comes between ("نافياً مقتل 150 …، ومؤكداً أن
    # عدد القتلى لا يتجاوز 40")
    denials = [h for h in cues if h.value == "denied"]
    if denials:
        asserts = [h.start for h in si.of("attribution") if h.value == "assert" and h.start < q.start]

        def reasserted(h) -> bool:  # an assertion in a clause of its own after the denial ("…، ومؤكداً")
            return any(h.end <= a and any(ch in ctx.doc.text[h.end:a] for ch in "،,;؛") for a in asserts)
        if any(not reasserted(h) for h in denials):
            return "denied"
    # a denial that takes up what was just said: "…, وهو ما نفاه المتحدث", "الأمر الذي نفته الوزارة"; not
    # where the count is an accusation, whose target denies only its own part ("تتهم … وهو ما تنفيه أنقرة")
    cw = claim_words()
    gates = _gates(si)
    if gates & _DENIAL_AFTER and not (
            gates & _ACCUSATION and any(t.norm.lstrip("و") in cw.accusation for t in si.words_before(q.start, 40))):
        nxt = [x.start for x in si.quantities if x.start > q.end and x.kind == "count"]
        for t in si.words_after(q.end, 60):
            if nxt and t.start > min(nxt):
                break
            if t.norm.lstrip("و") in cw.denial_after:
                before = [w.norm.lstrip("و") for w in si.words_before(t.start, 1)]
                if before and before[-1] in ("ما", "الذي", "التي"):
                    return "denied"
    if any(h.value == "rumoured" for h in cues):
        return "rumored"
    return "asserted"


def _place(ctx: Context, si: SentenceInfo, q: Quantity) -> PlaceHit | None:
    """Where the counted people were: the nearest place within a few words of the count, not a
    destination ("باتجاه مدينة إدلب") — a count with none is the document's, scoped later."""
    places = si.places
    if not places:
        return None
    for p in places:
        if p.start >= q.end and len(ctx.norm_of(q.end, p.start).split()) <= 8 and not is_destination(ctx, si, p):
            return p
    for p in reversed(places):
        if p.end <= q.start and len(ctx.norm_of(p.end, q.start).split()) <= 8 and not is_destination(ctx, si, p):
            return p
    return None


def _follow(ctx: Context, si: SentenceInfo, q: Quantity, prev: Claim, kind: str, side: str, actor: str | None,
            role: str | None = None, terms: list[Hit] = ()) -> tuple[str, str, str | None]:
    """Counts that lean on the count before them in the sentence.

    "بينهم طفلان": a sub-count, the kind of the whole; "وإصابة 23 آخرين": the
    same people; an unknown side joined by و to a count with a side shares it.
    """
    pat = patterns()
    before = [t for t in si.tokens_within(prev.end, q.start) if t.kind == "word"]
    if any(t.norm in pat.among for t in before[-2:]):
        return prev.kind, side if side != "unknown" else prev.side, actor or prev.actor
    noun = _noun(ctx, q)
    nxt = si.words_after(q.end, 1)
    if (noun is not None and (noun[0] in pat.others or noun[1] in pat.others)) or \
            (nxt and (nxt[0].norm in pat.others or nxt[0].stem in pat.others)):
        return kind, prev.side, prev.actor
    if side == "unknown" and prev.side != "unknown" and len(before) <= 3 and \
            (not before or before[0].prefix.startswith("و") or before[0].norm == "و"):
        return kind, prev.side, prev.actor
    # "مقتل 22 مدنياً وإصابة العشرات", "مقتل 23 عنصراً من قوات النظام وأسر عنصرين": a count joined by
    # "و" + its kind term to the count before it is of the same people
    if side == "unknown" and prev.side != "unknown" and before and len(before) <= 6 and \
            (role == "none" or role == "combatant" and prev.side in ARMED_SIDES) and \
            before[-1].prefix.startswith("و") and any(h.start <= before[-1].start < h.end for h in terms) and \
            not _has_break(ctx, si, prev.end, q.start):
        return kind, prev.side, prev.actor
    # "نافياً مقتل 150 من عناصر الهيئة …، ومؤكداً أن عدد القتلى لا يتجاوز 40": "the number of the dead" with
    # no group of its own speaks of the dead just counted
    if side == "unknown" and prev.side in ARMED_SIDES and prev.kind == kind and role == "none":
        words = [t.norm.lstrip("و") for t in si.words_before(q.start, 6)]
        if "عدد" in words and any(w in ("القتلي", "القتلى", "الجرحي", "الجرحى", "الاسري", "الاسرى")
                                  for w in words[words.index("عدد") + 1:words.index("عدد") + 2]):
            return kind, prev.side, prev.actor
    return kind, side, actor


def _planned(ctx: Context, si: SentenceInfo, q: Quantity, term: Hit | None) -> bool:
    """"الاتفاق يقضي بخروج 1100 مسلح", "قد تتسبب بنزوح مليون شخص": a plan or a forecast, not an event.
    "قد" counts only before an imperfect verb ("وكان … قد قتل" is the past)."""
    cw = claim_words()
    if not _gates(si) & _PLANNED:
        return False
    at = min(term.start, q.start) if term is not None else q.start
    words = si.words_before(at, 3)
    for i, t in enumerate(words):
        w = t.norm.lstrip("و")
        if w not in cw.planned and t.stem not in cw.planned:
            continue
        if w == "قد":
            nxt = words[i + 1].norm if i + 1 < len(words) else ctx.norm_of(term.start, term.end) if term else ""
            if not nxt[:1] in ("ي", "ت") or nxt in ("تم", "تمت", "تمكن", "تمكنت"):
                continue
        return True
    return False


def extract_claims(ctx: Context, frames: list[list[Frame]], actors: list[list[ActorHit]]) -> list[Claim]:
    pat = patterns()
    cw = claim_words()
    own_time: set[int] = set()  # counts with a time expression of their own
    out: list[Claim] = []
    for si in ctx.sentences:
        terms = _kind_terms(ctx, si) if si.quantities or si.of("casualty") else []
        ones = _one_person(ctx, si, terms)
        if not si.quantities and not ones:
            continue
        allowed: list[Hit] | None = None  # the terms not refused, found once a count needs them
        gates = _gates(si)
        seen: set[tuple[str, str, int]] = set()
        times_spans = [(t.start, t.end) for t in si.times]
        # (analyse sorted the sentence's quantities by start)
        for q in sorted([*si.quantities, *ones], key=lambda x: x.start) if ones else si.quantities:
            if q.kind != "count" or q.value <= 0:
                continue
            if spans_cover(times_spans, q.start):
                continue
            if q.value == 1 and ctx.norm_of(q.start, q.end).lstrip("و") in pat.one_of:
                continue
            if gates & _TIME_NOUNS and \
                    any(t.norm.lstrip("و") in cw.time_nouns for t in si.words_before(q.start, 2)):
                continue  # "خلال الساعات الثماني والأربعين": a span of time
            role = _noun_role(ctx, q, actors[si.index])
            if role is None or _corrected(ctx, si, q):
                continue
            if allowed is None:
                allowed = [h for h in terms if not _refused(ctx, si, h)]
            term, kind = _kind_for(ctx, si, q, terms, allowed)
            if kind is None or _planned(ctx, si, q, term):
                continue
            src = source_at(frames[si.index], q.start)
            status = _status(ctx, si, q, src)
            if status is None:
                continue
            side, actor = _side(ctx, si, q, term, kind, actors[si.index], actors, src, role)
            prev = out[-1] if out and out[-1].evidence_start == si.start else None
            if kind in cw.retreat_kinds and (role == "combatant" or side in ARMED_SIDES or (
                    prev is not None and prev.side in ARMED_SIDES and
                    any(t.norm.lstrip("و") in ("منهم", "منهن") for t in si.words_after(q.end, 1)))):
                continue  # combatants fleeing or retreating ("فر المئات منهم") are no claim
            if prev is not None:
                kind, side, actor = _follow(ctx, si, q, prev, kind, side, actor, role, terms)
            near = _near_times(ctx, si, q)
            start, end, cumulative = _window(ctx, si, q, near)
            if near:
                own_time.add(q.start)
            ph = _place(ctx, si, q)
            for k in [kind] + _extra_kinds(ctx, si, q, kind, terms):
                key = (k, side, q.value)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_claim(
                    kind=k, side=side, count=q.value, qualifier=q.qualifier, status=status, source=src,
                    date_start=start, date_end=end,
                    place=ph.place.name if ph else None, place_id=ph.place.id if ph else None,
                    lat=ph.place.lat if ph else None, lon=ph.place.lon if ph else None,
                    start=q.start, end=q.end, evidence_start=si.start, evidence_end=si.end,
                    upper=q.upper, cumulative=cumulative, actor=actor,
                    confidence=0.9 if term is not None and side != "unknown" else 0.6,
                ))
    return _restated(_parallel_windows(out, own_time))


def _restated(claims: list[Claim]) -> list[Claim]:
    """A figure told in the outlet's voice and restated with an attribution (headline and body, "استشهد 9
    مدنيين" then "ذكر مصدر … ارتقاء تسعة شهداء") is one claim: the attributed one, taking the side the
    other gives where its own is unknown. Figures at different places stay apart."""
    out = list(claims)
    named: dict[tuple[str, int], list[int]] = {}  # the attributed figures by kind and count, in order
    for j, d in enumerate(out):
        if d.source.name:
            named.setdefault((d.kind, d.count), []).append(j)
    if not named:
        return out
    drop: set[int] = set()  # (figures in the outlet's voice only)
    for i, c in enumerate(out):
        if c.source.name:
            continue
        for j in named.get((c.kind, c.count), ()):
            d = out[j]
            if c.side != d.side and "unknown" not in (c.side, d.side):
                continue
            if c.place and d.place and c.place != d.place:
                continue
            if d.side == "unknown" and c.side != "unknown":
                out[j] = replace(d, side=c.side, actor=d.actor or c.actor)
            drop.add(i)
            break
    return [c for i, c in enumerate(out) if i not in drop]


def _parallel_windows(claims: list[Claim], own_time: set[int]) -> list[Claim]:
    """"قتل 670 … بعد أسبوعين من بدء الحملة، فيما قتل 159 …": counts of one kind told side by side in a
    sentence share the running-total window of the one that states it."""
    out = list(claims)
    if not any(c.cumulative for c in out):
        return out  # (no running total to share)
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        by_sentence.setdefault(c.evidence_start, []).append(i)
    for idxs in by_sentence.values():
        totals = [out[i] for i in idxs if out[i].cumulative]
        for i in idxs:
            c = out[i]
            if c.cumulative or c.date_start is not None or c.start in own_time:
                continue
            twin = next((t for t in totals if t.kind == c.kind), None)
            if twin is not None:
                out[i] = replace(c, cumulative=True, date_start=twin.date_start, date_end=twin.date_end)
    return out
