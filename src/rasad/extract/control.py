"""Control statements: who holds or took which place.

- gained: a gain form (سيطر، استعاد، تقدم في، دخل، بسط سيطرته، "سيطرة X على")
  with its subject actor and the places listed after it in the clause (or,
  when none follows, the place the sentence is about: "في حي التضامن …
  مسيطرين على مواقع جديدة"); "يسقط بيد X" gives the place before it to X.
- holds: a present-tense or stative form (يسيطر على، تحت سيطرة، الخاضعة
  لسيطرة، مناطق سيطرة X في، معقله) with its actor and places: after
  "يسيطر على", before "الخاضعة لسيطرة" and "تحت سيطرة".
A list of places continues through و, commas, place words and partitives
("أجزاء من", "كامل", "أطراف"); anything else ends it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache
from pathlib import Path


from ..arabic.normalize import norm
from ..knowledge.places import LEVEL_RANK
from ..model import Attribution, Control
from .actors import ActorHit, focus
from .attribution import Frame, source_at
from .context import Context, SentenceInfo, headline_end, spans_cover, spans_overlap
from .forms import find_each
from .places import DESTINATION, PlaceHit
from .records import builder
from .resources import data_yaml, patterns

_control = builder(Control)

RULES = Path(__file__).parent / "data" / "event_rules.yaml"


@lru_cache(maxsize=1)
def rules() -> dict:
    """data/event_rules.yaml with every form in matching form: lists become frozensets of
    " form " (padded, to test whole words inside a padded text), numbers stay numbers."""
    raw = data_yaml(RULES.name)

    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return frozenset(f" {norm(w)} " for w in v)
        return v
    return conv(raw)


def loose_norm_of(ctx: Context, start: int, end: int) -> str:
    """`ctx.norm_of(start, end)` but for the spaces between words, read off the document's matching form
    instead of normalising the span: normalisation is local but for runs of spaces and CRLF (as
    `context._sentence_norm` relies on), so the two split into the same words."""
    n = ctx.normalized
    index = n.index
    return n.text[bisect_left(index, start):bisect_left(index, end)]


def words_of(ctx: Context, start: int, end: int) -> list[str]:
    """`ctx.norm_of(start, end).split()`, without normalising the span."""
    n = ctx.normalized
    index = n.index
    return n.text[bisect_left(index, start):bisect_left(index, end)].split()


def has_form(text: str, forms: frozenset[str]) -> bool:
    """Whether a normalised text holds one of the padded forms as whole words (a leading و or ف allowed)."""
    words, firsts, lasts, phrases, others = _form_index(forms)
    # a one-word form " w " lies in " " + text + " " (after و or ف or not) exactly when w, وw or فw is one
    # of the pieces between spaces; a form of several words only where its first word, so led, is one
    # and its last word is one
    pieces = text.split(" ")
    if not words.isdisjoint(pieces):
        return True
    if phrases is not None and not firsts.isdisjoint(pieces) and not lasts.isdisjoint(pieces) and \
            phrases.search(" " + text + " "):
        return True
    if others:
        padded = " " + text + " "
        for f in others:
            if f in padded or (" و" + f[1:]) in padded or (" ف" + f[1:]) in padded:
                return True
    return False


@lru_cache(maxsize=512)
def _form_index(forms: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern | None,
                                                tuple[str, ...]]:
    """A set of padded forms as (the one-word forms unpadded, each also after و and ف; the first words of
    the forms of several words, so led, and their last words; one regex for those forms: " " + و or ف or
    nothing + the words + " "; any other form as given)."""
    def padded(f: str) -> bool:
        return len(f) >= 2 and f[0] == f[-1] == " "

    def led(ws) -> frozenset[str]:
        return frozenset(p + w for w in ws for p in ("", "و", "ف"))
    words = led(f[1:-1] for f in forms if padded(f) and " " not in f[1:-1])
    several = sorted((f[1:-1] for f in forms if padded(f) and " " in f[1:-1]), key=lambda w: (-len(w), w))
    phrases = re.compile(" [وف]?(?:" + "|".join(map(re.escape, several)) + ") ") if several else None
    return (words, led(w.split(" ")[0] for w in several), frozenset(w.split(" ")[-1] for w in several), phrases,
            tuple(sorted(f for f in forms if not padded(f))))


ARMED = ("government", "isis", "opposition", "sdf", "coalition", "turkey")
# forms whose places come before them
BEFORE_FORMS = {norm(w) for w in ("الخاضعة", "الخاضع", "الخاضعين", "الخاضعتين", "تحت سيطرة", "بيد", "بيده", "سقط",
                                  "يسقط", "سقوط")}
AFTER_IN = {norm(w) for w in ("مناطق سيطرة", "مناطق سيطرته", "مناطق سيطرتها", "مناطق")}
BARE_NOUNS = {norm(w) for w in ("سيطرة", "السيطرة")}
STATIVE_GAIN = {norm(w) for w in ("سقط", "يسقط", "سقوط")}
GLUE = {norm(w) for w in ("و", "أجزاء", "اجزاء", "من", "كامل", "أطراف", "اطراف", "محيط", "معظم", "قسم", "مساحات",
                          "واسعة", "كل", "بعض", "مناطق", "أحياء", "حي", "بلدة", "بلدات", "مدينة", "مخيم",
                          "قرية", "قرى", "منطقة", "وحي", "وبلدة", "ومخيم", "والتقدم", "التقدم", "داخل", "على",
                          "ريف", "محافظة", "عموم", "ناحية", "قضاء", "حيي", "بلدتي", "مدينتي", "قريتي", "ناحيتي",
                          "أيضا", "أيضاً", "مركز", "مرتفعات", "تلال", "تلة", "قلعة", "مطار", "بالكامل",
                          # adjectives that close a place's name ("قلعة تدمر الأثرية ومطار …")
                          "الأثرية", "الأثري", "العسكري", "العسكرية", "القديمة", "الاستراتيجية", "الاستراتيجي")}
# Directions after a place locate it ("حي التضامن جنوب مدينة دمشق"): they end a list.
COARSE = {"country", "region"}


SUPPORT = {norm(w) for w in ("بإسناد", "باسناد", "بدعم", "المدعومة", "المدعوم", "المدعومين", "مدعومة", "مدعوما",
                             "بمساندة", "بمشاركة", "بغطاء", "إسناد", "اسناد", "دعم", "مساندة", "بمؤازرة")}


def _supporting(ctx: Context, si: SentenceInfo, a: ActorHit) -> bool:
    """"بإسناد من طيران الجيش وطيران التحالف", "المدعومة من تركيا": a supporting actor, not the one
    acting: a support word earlier in the actor's comma-delimited phrase."""
    memo = si.memo.get("supporting")
    if memo is None:
        memo = si.memo["supporting"] = {}
    found = memo.get(a.start)
    if found is None:
        before = ctx.doc.text[max(si.start, a.start - 60):a.start]
        phrase = before.split("،")[-1].split(",")[-1]
        found = memo[a.start] = not SUPPORT.isdisjoint(norm(phrase).split())
    return found


PARTNERS = {norm(w) for w in ("بمشاركة", "بالاشتراك", "بالتعاون", "جانب", "ومعها", "ومعه")}


def _partners(ctx: Context, si: SentenceInfo, actors: list[ActorHit], side: str) -> list[ActorHit]:
    """Armed actors of another side that act jointly with an actor of `side` in the sentence: named right
    after a participation word ("بمشاركة", "بالاشتراك مع", "إلى جانب") that follows that actor."""
    out: list[ActorHit] = []
    for a in actors:
        if a.side not in ARMED or a.side == side or any(o.side == a.side for o in out):
            continue
        before = [t.norm for t in si.words_before(a.start, 2)]
        if not any(w in PARTNERS for w in before):
            continue
        if any(x.side == side and x.end <= a.start and len(words_of(ctx, x.end, a.start)) <= 3
               for x in actors):
            out.append(a)
    return out


def _actor_for(si: SentenceInfo, actors: list[ActorHit], start: int, end: int, ctx: Context,
               per_sentence: list[list[ActorHit]], after_first: bool) -> ActorHit | None:
    armed = [a for a in actors if a.side in ARMED and not _supporting(ctx, si, a)]
    # the words up to a following actor, quotes not counted ('سيطر مسلحو تنظيم "الدولة الإسلامية" على')
    following = [a for a in armed if a.start >= end and _words_upto(ctx, end, a.start) <= 2]
    preceding = [a for a in armed if a.end <= start]
    if after_first and following:
        return following[0]
    if preceding:
        return preceding[-1]
    if following:
        return following[0]
    return focus(per_sentence, si.index - 1, ARMED) if si.index > 0 else None


def _words_upto(ctx: Context, a: int, b: int) -> int:
    """The words between a and b, a quotation mark standing alone not counted."""
    return sum(1 for w in words_of(ctx, a, b) if w.strip(QUOTES))


QUOTES = '"\'«»“”'


@lru_cache(maxsize=4)
def _any_gain_form(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, forms)) or "(?!)")


def _gap_ok(ctx: Context, a: int, b: int) -> bool:
    """Only list glue between two places: و, commas, place words, partitives, or a gain form
    continuing the list ("… والحجر الأسود والتقدم في التضامن"). "X في Y" is X located in Y: no list
    (once per gap: lists are walked again for each trigger)."""
    memo = ctx.memo.get("gap_ok")
    if memo is None:
        memo = ctx.memo["gap_ok"] = {}
    found = memo.get((a, b))
    if found is None:
        found = memo[(a, b)] = _find_gap_ok(ctx, a, b)
    return found


def _find_gap_ok(ctx: Context, a: int, b: int) -> bool:
    gap = ctx.norm_of(a, b)
    if _any_gain_form(patterns().gain_forms).search(gap):  # (else no replacement below can apply)
        for form in patterns().gain_forms:
            for prep in (" في", " على", " الى", ""):
                gap = gap.replace("و" + form + prep + " ", " ").replace(" " + form + prep + " ", " ")
    words = [w.strip('"«»“”()') for w in gap.replace("،", " ، ").replace(",", " , ").split()]
    return all(w in GLUE or w in ("،", ",", "-", "") or w.lstrip("و") in GLUE for w in words)


def _skippable(si: SentenceInfo) -> list[tuple[int, int]]:
    """Spans a place list may reach over: the subject actor and time phrases ("دخلت قوات النظام، فجر
    اليوم، مدينة خان شيخون"), in order (computed once per sentence)."""
    found = si.memo.get("skippable")
    if found is None:
        found = si.memo["skippable"] = sorted([(h.start, h.end) for h in si.of("actor")] +
                                              [(t.start, t.end) for t in si.times])
    return found


def _first_gap(ctx: Context, si: SentenceInfo, a: int, b: int) -> tuple[int, bool]:
    """Words between a and b outside skippable spans, and whether a hard break lies between
    (computed once per span and sentence)."""
    memo = si.memo.get("first_gap")
    if memo is None:
        memo = si.memo["first_gap"] = {}
    found = memo.get((a, b))
    if found is None:
        found = memo[(a, b)] = _count_gap(ctx, si, a, b)
    return found


def _count_gap(ctx: Context, si: SentenceInfo, a: int, b: int) -> tuple[int, bool]:
    text = ctx.doc.text
    skip = _skippable(si)
    spans = [x for x in skip[:bisect_left(skip, (b,))] if x[1] > a]  # (those sorted by start: x[0] < b)
    if spans:
        pieces, pos = [], a
        for s_, e_ in spans:
            if s_ > pos:
                pieces.append((pos, s_))
            pos = max(pos, e_)
        if pos < b:
            pieces.append((pos, b))
        rest = " ".join([text[x:y] for x, y in pieces])
        folded = " ".join([loose_norm_of(ctx, x, y) for x, y in pieces])  # the words of norm(rest)
    else:
        rest = text[a:b]
        folded = loose_norm_of(ctx, a, b)  # split into words, tested for commas
    n = 0  # the words, but for quotes and these
    for x in folded.replace("،", " ").replace(",", " ").split():
        w = x.strip('"\'()«»“”')
        if w and w not in ("لها", "له", "لهم", "و"):
            n += 1
    hard = "." in rest or ";" in rest or ":" in rest or "؛" in rest
    # a comma that is not just around a skipped phrase ends the reach
    comma_alone = ("،" in folded or "," in folded) and not spans
    return n, hard or comma_alone


def _inner(ctx: Context, si: SentenceInfo, p: PlaceHit, by_rank: bool = True) -> PlaceHit | None:
    """The finer place right before p that p contains ("مدينة الميادين في ريف دير الزور الشرقي",
    "حي التضامن جنوب دمشق"): an event placed on the container belongs to it (once per place and
    sentence: it depends on where p starts and on its level)."""
    memo = si.memo.get("inner")
    if memo is None:
        memo = si.memo["inner"] = {}
    key = (p.start, p.place.level, by_rank)
    if key not in memo:
        memo[key] = _find_inner(ctx, si, p, by_rank)
    return memo[key]


def _find_inner(ctx: Context, si: SentenceInfo, p: PlaceHit, by_rank: bool) -> PlaceHit | None:
    before = [q for q in si.places if q.end <= p.start]
    if not before:
        return None
    q = before[-1]
    gap = loose_norm_of(ctx, q.end, p.start).replace("،", " ").replace(",", " ").split()
    if gap and f" {' '.join(gap)} " not in rules()["place"]["container_glue"]:
        return None
    if by_rank and LEVEL_RANK.get(q.place.level, 99) >= LEVEL_RANK.get(p.place.level, 99):
        return None
    if not by_rank and not gap:
        return None  # without rank, only an explicit locator word
    return q


def _list_after(ctx: Context, si: SentenceInfo, end: int, max_first_gap: int = 6) -> list[PlaceHit]:
    out: list[PlaceHit] = []
    pos = end
    for p in si.places:
        if p.start < end:
            continue
        if not out and p.place.level == "region" and _first_gap(ctx, si, pos, p.start)[0] == 0:
            pos = p.end  # "يسيطر تنظيم داعش جنوب دمشق على …": the subject's area, not the object
            continue
        if not out:
            n, hard = _first_gap(ctx, si, pos, p.start)
            if n > max_first_gap or hard:
                break
            if not DESTINATION.isdisjoint(ctx.norm_of(pos, p.start).split()):
                break  # "تقدمت باتجاه حيي جبل بدرو": toward a place is not into it
            if has_form(ctx.norm_of(pos, p.start), rules()["control"]["not_taken"]) or \
                    any(_purpose_word(w) for w in ctx.norm_of(pos, p.start).split()):
                break  # "تقدمت 20 كيلومترا على طريق السخنة": a distance or a road, no place taken
        elif not _gap_ok(ctx, pos, p.start) or _inner(ctx, si, p) is out[-1]:
            break  # not list glue, or "قضاء سنجار غربي الموصل": the place that locates the last one
        out.append(p)
        pos = p.end
    return out


def _list_before(ctx: Context, si: SentenceInfo, start: int) -> list[PlaceHit]:
    """The places listed right before start (once per offset and sentence)."""
    memo = si.memo.get("list_before")
    if memo is None:
        memo = si.memo["list_before"] = {}
    found = memo.get(start)
    if found is None:
        found = memo[start] = _find_list_before(ctx, si, start)
    return list(found)


def _find_list_before(ctx: Context, si: SentenceInfo, start: int) -> list[PlaceHit]:
    out: list[PlaceHit] = []
    pos = start
    for p in reversed(si.places):
        if p.end > start:
            continue
        if not _gap_ok(ctx, p.end, pos) and len(ctx.norm_of(p.end, pos).split()) > (0 if out else 1):
            break
        out.insert(0, p)
        pos = p.start
    return out


def _place_before(ctx: Context, si: SentenceInfo, pos: int, max_words: int) -> list[PlaceHit]:
    """The last place named before pos in its sentence, at most max_words words before it
    (through an apposition: "ناحية راوة، آخر بلدة يسيطر عليها"), moved from a container to the
    place it contains."""
    before = [p for p in si.places if p.end <= pos and not p.anaphoric]
    if not before or len(words_of(ctx, before[-1].end, pos)) > max_words or \
            any(ch in ctx.doc.text[before[-1].end:pos] for ch in ".;:؛"):
        return []
    p = before[-1]
    while (finer := _inner(ctx, si, p, by_rank=False)) is not None:
        p = finer  # "قضاء الحويجة جنوب غربي كركوك، آخر معاقل …": the head, not its locator
    return [p]


def _list_opened(ctx: Context, si: SentenceInfo, end: int) -> list[PlaceHit]:
    """Places listed after "ومنها", "أبرزها" following a control form in its clause ("الخاضعة
    لسيطرة التنظيم ومنها القائم وراوة")."""
    opens = rules()["control"]["list_open"]
    for t in si.tokens_within(end, si.end)[:14]:
        if t.text in (".", ";", ":", "؛"):
            return []
        if f" {t.norm} " in opens:
            return _list_after(ctx, si, t.end, max_first_gap=3)
    return []


@lru_cache(maxsize=4)
def _padded(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each word with a space either side, to find it as a whole word in " " + text + " "."""
    return tuple(f" {w} " for w in words)


def _aimed(ctx: Context, si: SentenceInfo, s0: int) -> bool:
    """An aim or a plan before a form in its clause ("يسعى التنظيم إلى … عبر السيطرة على")."""
    r = rules()["control"]
    lo = max(si.start, s0 - 160)
    raw = ctx.doc.text[lo:s0]
    lo += max(raw.rfind(mark) for mark in "،,.;:؛") + 1  # the clause: after the last mark
    return has_form(" ".join(words_of(ctx, lo, s0)[-r["aim_words"]:]), r["aims"])


def _purpose(si: SentenceInfo, a: int) -> bool:
    """A gain masdar after the purpose ل ("لاستعادة", "للسيطرة"): an aim, not a gain."""
    return _purpose_word(si.tokens[a].norm)


def _purpose_word(w: str) -> bool:
    w = w.lstrip("و")
    if not w.startswith("ل"):
        return False
    rest = "ال" + w[2:] if w.startswith("لل") else w[1:]
    return f" {rest} " in rules()["control"]["purpose_masdars"]


ANNOUNCE = {norm(w) for w in ("أعلن", "أعلنت", "يعلن", "تعلن", "أعلنوا")}


def _announcer(ctx: Context, si: SentenceInfo, frames: list[Frame], start: int) -> Attribution | None:
    """"أعلنت القيادة العامة للجيش استعادة السيطرة على X", "أعلن رئيس الوزراء تحرير X": with no armed
    actor named, the side of a speaker who announces the gain is the side that gained, when the
    speaker is named between an announcing verb and the gain form, at most 12 words before it."""
    src = source_at(frames, start)
    if src.affiliation not in ARMED or src.start is None or src.start >= start or src.start < si.start:
        return None
    words = words_of(ctx, max(si.start, src.start - 12), src.start)[-1:]
    if not words or words[0].lstrip("و") not in ANNOUNCE or len(words_of(ctx, src.start, start)) > 12:
        return None
    return src


def _headline(ctx: Context, si: SentenceInfo) -> bool:
    """A sentence of the document's headline (`context.headline_end`)."""
    return si.end <= headline_end(ctx)


def _dates(ctx: Context, si: SentenceInfo, gained: bool) -> tuple[date | None, date | None]:
    days = [t for t in si.times if t.kind in ("date", "relative") and t.date_end is not None]
    if gained and days:
        return days[0].date_start, days[0].date_end
    return None, ctx.published


def _status(si: SentenceInfo, at: int, src: Attribution) -> str | None:
    pat = patterns()
    cues = [h for h in si.of("cue") if h.end <= at]
    if any(h.value in pat.not_happened for h in cues if at - h.end < 60):
        return None
    if src.modality == "deny" or any(h.value == "denied" for h in cues):
        return "denied"
    if any(h.value == "rumoured" for h in cues):
        return "rumored"
    return "asserted"


def extract_control(ctx: Context, frames: list[list[Frame]], actors: list[list[ActorHit]]) -> list[Control]:
    pat = patterns()
    out: list[Control] = []
    seen: set[tuple[str, str, str]] = set()

    def add(ph: PlaceHit, side: str, actor: str | None, change: str, si: SentenceInfo, at: int) -> None:
        src = source_at(frames[si.index], at)
        status = _status(si, at, src)
        if status is None:
            return
        key = (ph.place.id, side, change)
        if key in seen:
            return
        seen.add(key)
        ds, de = _dates(ctx, si, change == "gained")
        out.append(_control(ph.place.name, ph.place.id, ph.place.lat, ph.place.lon, side, actor, change, ds, de,
                           status, src, ph.start, ph.end, si.start, si.end,
                           confidence=0.8 if actor else 0.6))
        if change == "gained" and side in ARMED:
            # a joint capture gives each side a gain (eval/own guidelines): "يشنها الجيش التركي بمشاركة
            # الجيش السوري الحر", "القوات التركية بالاشتراك مع الجيش الوطني"
            for partner in _partners(ctx, si, actors[si.index], side):
                add(ph, partner.side, partner.actor, change, si, at)

    for si in ctx.sentences:
        if not si.places:
            continue
        found_holds, found_gains = find_each(si, pat.holds_forms, pat.gain_forms)
        if not found_holds and not found_gains:
            continue  # no control form (most sentences)
        row = actors[si.index]
        names = [(h.start, h.end) for h in si.of("actor", "source")]
        placed = [(p.start, p.end) for p in si.places]

        def usable(a: int, b: int) -> bool:
            """Not part of a name ("هيئة تحرير الشام") nor a place ("أحياء العروبة والتقدم"), and not
            an attempt, an aim or a condition ("تحاول إتمام سيطرتها", "في حال سيطرت")."""
            s0, e0 = si.tokens[a].start, si.tokens[b - 1].end
            if spans_overlap(names, s0, e0) or spans_overlap(placed, s0, e0):
                return False
            before = " " + ctx.norm_of(max(si.start, s0 - 30), s0) + " "
            hit = [w for w, padded in zip(pat.not_control, _padded(pat.not_control)) if padded in before]
            if hit == ["قد"] and not si.tokens[a].norm.lstrip("و").startswith(("ي", "تس")):
                hit = []  # "قد دخلت": already done; "قد يسيطر": may be
            return not hit and not _aimed(ctx, si, s0)

        holds = [f for f in found_holds if usable(f[0], f[1])]
        gains = [f for f in found_gains if usable(f[0], f[1])]
        held_spans = [(si.tokens[a].start, si.tokens[b - 1].end) for a, b, _ in holds]
        gain_starts = [si.tokens[a].start for a, _, _ in gains]
        for a, b, form in holds:
            start, end = si.tokens[a].start, si.tokens[b - 1].end
            prev = words_of(ctx, max(si.start, start - 25), start)[-3:]
            if any(w.lstrip("و") in pat.past_state for w in prev):
                continue  # "كان التنظيم يسيطر": a state in the past
            told_before = words_of(ctx, max(si.start, start - 30), start)[-2:]
            if any(g < start and len(words_of(ctx, g, start)) <= 6 for g in gain_starts) and \
                    not any(f" {w} " in rules()["control"]["where"] for w in told_before):
                continue  # "سيطرة النظام على أكبر معاقل …": the gain's object, not a holding
            if form == "مناطق" and not any(x.start >= end and len(words_of(ctx, end, x.start)) == 0
                                          for x in row):
                continue  # "مناطق" holds only as "مناطق <actor>"
            # the holder follows a nominal form or a verb ("الخاضعة لسيطرة X", "يسيطر X على"), and precedes
            # a relative verb ("الفصائل التي تسيطر على")
            relative = words_of(ctx, max(si.start, start - 8), start)[-1:] in (["التي"], ["الذي"])
            actor = _actor_for(si, row, start, end, ctx, actors, after_first=not relative)
            if actor is None:
                continue
            cr = rules()["control"]
            prev2 = words_of(ctx, max(si.start, start - 30), start)[-2:]
            nxt = [w.strip('.،,؛:"\'()«»“”') for w in words_of(ctx, end, min(si.end, end + 12))[:1]]
            where = [w for w in prev2 if f" {w} " in cr["where"]]
            if where or nxt and f" {nxt[0]} " in cr["resumptive"]:
                # "حيث يتحصن مسلحو التنظيم", "آخر بلدة يسيطر عليها التنظيم": the place named before;
                # the holder must be named right after
                follow = [x for x in row if x.side in ARMED and x.start >= end and
                          len(words_of(ctx, end, x.start)) <= 3]
                if not follow:
                    continue
                at = ctx.doc.text.rfind(" ", si.start, start - len(where[-1]) - 1) if where else start
                for ph in _place_before(ctx, si, max(si.start, at), 10 if where else cr["resumptive_words"]):
                    if ph.place.level not in COARSE:
                        add(ph, follow[0].side, follow[0].actor, "holds", si, start)
                continue
            if form.startswith(("معقل", "معاقل")) and prev2 and f" {prev2[-1]} " in cr["apposition"] and \
                    ctx.doc.text[max(si.start, start - 12):start].rstrip().rsplit(" ", 1)[0].rstrip().endswith(("،", ",")):
                # "حي الوعر، آخر معاقل الفصائل في مدينة حمص": the stronghold is the place before
                comma = ctx.doc.text.rfind("،", si.start, start)
                for ph in _place_before(ctx, si, comma if comma >= 0 else start, 1):
                    if ph.place.level not in COARSE:
                        add(ph, actor.side, actor.actor, "holds", si, start)
                continue
            if form in BEFORE_FORMS:
                places = _list_before(ctx, si, start)
                if places and all(p.place.level in COARSE for p in places):
                    # "مدينة جرابلس في ريف حلب الشمالي الخاضعة لسيطرة": the town the area locates
                    inner = _inner(ctx, si, places[0])
                    if inner is not None:
                        places = [inner] + places
                if form in STATIVE_GAIN:
                    # "يسقط بيد X": the taker follows "بيد"; without it (سقوط المدينة) no one is named
                    after = words_of(ctx, end, min(si.end, end + 12))[:1]
                    if not after or after[0] not in ("بيد", "بايدي", "بيدي", "لصالح"):
                        continue
                    for ph in places:
                        add(ph, actor.side, actor.actor, "gained", si, start)
                    continue
            elif form in AFTER_IN or form.startswith("معقل") or any(x in form for x in ("تمركز", "تحصن")):
                places = _list_after(ctx, si, end, max_first_gap=3)
            else:
                places = _list_after(ctx, si, end)
            # a headline tells past events in the present: "قوات الأسد تسيطر على مساكن هنانو"
            change = "gained" if _headline(ctx, si) and form in ("يسيطر", "تسيطر") else "holds"
            places = places + [p for p in _list_opened(ctx, si, end) if p not in places]
            for ph in places:
                if ph.place.level not in COARSE:
                    add(ph, actor.side, actor.actor, change, si, start)
        for a, b, form in gains:
            start, end = si.tokens[a].start, si.tokens[b - 1].end
            if spans_cover(held_spans, start):
                continue
            ahead = [w.strip('.،,؛:"\'()«»“”') for w in words_of(ctx, end, min(si.end, end + 60))[:6]]
            resumed = next((i for i, w in enumerate(ahead) if f" {w} " in rules()["control"]["resumptive"]), None)
            if resumed is not None and norm("على") not in ahead[:resumed]:
                # "بعد أسبوعين من سيطرة قوات النظام عليها", "التي سيطر عليها التنظيم": the place told before
                actor = _actor_for(si, row, start, end, ctx, actors, after_first=True)
                prev = words_of(ctx, max(si.start, start - 20), start)[-1:]
                generic = prev and f" {prev[0]} " in rules()["control"]["generic_areas"]
                if actor is not None and not _purpose(si, a):
                    # "في مناطق سيطر عليها النظام مؤخرا في الحجر الأسود": the areas are placed after
                    for ph in _list_after(ctx, si, end, max_first_gap=4) if generic else _place_before(ctx, si, start, 12):
                        if ph.place.level not in COARSE:
                            add(ph, actor.side, actor.actor, "gained", si, start)
                continue
            if form in BARE_NOUNS and norm("على") not in ahead:
                continue  # "خريطة السيطرة": control spoken of, not taken
            if _purpose(si, a):
                # "لاستعادة المدينة من تنظيم داعش": an aim; the enemy named after holds the place
                places = _list_after(ctx, si, end)
                if places:
                    after = [x for x in row if x.side in ARMED and x.start >= places[-1].end and
                             words_of(ctx, places[-1].end, x.start)[:1] == ["من"] and
                             len([w for w in words_of(ctx, places[-1].end, x.start) if w.strip('"«»“”()')]) <= 2]
                    for ph in places if after else []:
                        if ph.place.level not in COARSE:
                            add(ph, after[0].side, after[0].actor, "holds", si, start)
                continue
            actor = _actor_for(si, row, start, end, ctx, actors, after_first=True)
            if actor is None:
                speaker = _announcer(ctx, si, frames[si.index], start)
                if speaker is None:
                    continue
                for ph in _list_after(ctx, si, end):
                    if ph.place.level not in COARSE:
                        add(ph, speaker.affiliation, speaker.name, "gained", si, start)
                continue
            places = _list_after(ctx, si, end)
            places = places + [p for p in _list_opened(ctx, si, end) if p not in places] if places else places
            if not places:  # "في حي التضامن … مسيطرين على مواقع جديدة"
                before = [p for p in si.places if p.end <= start and not p.anaphoric]
                if before and len(words_of(ctx, before[-1].end, start)) <= 8 and \
                        not any(c in ctx.doc.text[before[-1].end:start] for c in ".;:؛"):
                    places = before[-1:]
            for ph in places:
                if ph.place.level not in COARSE:
                    add(ph, actor.side, actor.actor, "gained", si, start)
    return out
