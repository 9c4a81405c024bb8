"""Events: what the article reports as happening, coded to ACLED's sub-event types.

Per sentence, each trigger (اشتباكات، قصف، غارة، اعتقال، اتفاق …) gives one
event per place the sentence names (one with no place where it names none).
Triggers are dropped when a fear, threat or plan governs them, when a
demonstrative points back to an event already told ("خلال تلك الاشتباكات"),
and in background history (a time expression well before publication, or
"سبق أن"). Territorial events come from gained control statements: the
government regaining territory, a non-state actor taking it, or a
non-violent transfer where the sentence tells of an evacuation or a deal.
Air words (طيران، سلاح الجو) turn a generic strike verb into an air strike.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import replace
from types import SimpleNamespace
from datetime import date, timedelta

from ..arabic.normalize import norm
from ..model import Claim, Control, Event
from .actors import ActorHit, focus
from .attribution import Frame, source_at
from .context import Context, Hit, SentenceInfo, contains_any, headline_end, spans_overlap
from .control import _inner, _list_after, _list_before, has_form, rules, words_of
from .places import PlaceHit, is_destination
from .records import builder
from .resources import patterns

_event = builder(Event)

ARMED = ("government", "isis", "opposition", "sdf", "coalition", "turkey")
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
DEMONSTRATIVES = {norm(w) for w in ("تلك", "هذه", "ذلك", "هذا", "هذين", "هاتين", "تلكم", "المذكورة", "نفسها")}
DEMONSTRATIVE_STARTS = tuple(sorted(DEMONSTRATIVES))
AIR_WORDS = {norm(w) for w in ("سلاح الجو", "الطيران", "طيران", "الطائرات", "طائرات", "جوي", "الجوي", "جوية", "الحربي",
                               "الحربية", "المروحي", "المروحيات", "الروسي", "غارات", "غارة", "الجوية", "جويا",
                               "المسير", "المسيرة", "المسيرات", "مسيرة", "مسيرات", "بالطيران", "بالطائرات",
                               "والطيران", "والطائرات", "القوة الجوية")}
# Artillery words right at a generic strike verb keep it shelling even where the sentence names aircraft
# ("تواصل قسد قصف الجيب بالمدفعية، فيما تشن طائرات التحالف غارات").
ARTILLERY_WORDS = {norm(w) for w in ("بالمدفعية", "المدفعية", "مدفعية", "المدفعي", "مدفعي", "مدفعيا", "بالمدافع",
                                     "بالهاون", "هاون", "بالصواريخ", "صاروخي", "الصاروخي", "صاروخية", "بالقذائف",
                                     "قذائف", "براجمات", "راجمات", "والمدفعي")}
# Where an air cue governs a generic strike: the words of the trigger's clause, up to these breaks.
AIR_CLAUSE_BREAKS = {norm(w) for w in ("فيما", "بينما", "وفيما", "وبينما", "حين", "كما")}
# Strike nouns that say nothing of the weapon: an air strike with an air cue near, else no event
# ("نفذ طيران الجيش ضربات دقيقة").
AIR_ONLY = {norm(w) for w in ("ضربة", "ضربات", "الضربات", "الضربة", "ضربتين", "بضربات", "وضربات")}
# Air/drone-strike triggers that name the aircraft, not the strike: they yield to a strike noun in
# their sentence, which tells where it fell.
AIRCRAFT = {norm(w) for w in ("طيران", "الطيران", "طائرات", "الطائرات", "طائرة", "الطائرة", "القوة", "سلاح",
                              "مقاتلات", "المقاتلات", "المروحيات", "مروحيات")}
ATTACK_NOUNS = {norm(w) for w in ("هجوم", "هجمات", "هجوما", "الهجوم", "الهجمات")}
LAUNCH_VERBS = {norm(w) for w in ("شن", "شنت", "شنوا", "يشن", "تشن", "يشنون", "وشن", "وشنت", "وشنوا", "ويشن",
                                  "وتشن", "فيما تشن")}
# Targeting verbs name no weapon: with another weapon trigger in the sentence they are that event
# ("تفجير انتحاري استهدف مطعما"); alone they are an event only with an air cue.
TARGET_VERBS = {norm(w) for w in ("استهدف", "استهدفت", "استهدفوا", "يستهدف", "تستهدف", "يستهدفون", "استهداف",
                                  "باستهداف", "واستهدف", "واستهدفت", "واستهدفوا")}
LAUNCH_OR_TARGET = LAUNCH_VERBS | TARGET_VERBS
AIR_PHRASES = tuple(w for w in AIR_WORDS if " " in w)
GENERIC_STRIKE = {norm(w) for w in ("استهدف", "استهدفت", "يستهدف", "تستهدف", "استهداف", "قصف", "القصف", "قصفت",
                                    "يقصف", "تقصف", "قصفا")}
CONCESSIVE = {norm(w) for w in ("رغم", "برغم", "ورغم", "الرغم", "بالرغم")}
COARSE = {"country", "region", "governorate"}
BACKGROUND = tuple(norm(w) for w in ("سبق أن", "سبق و", "في وقت سابق", "منذ سنوات", "قبل سنوات", "منذ أعوام",
                                     "قبل أعوام"))
# A text that holds one of them holds its longest word: those words, but for those that hold another
_LONGEST = {max(b.split(), key=len) for b in BACKGROUND}
BACKGROUND_KEYS = tuple(sorted(k for k in _LONGEST if not any(o != k and o in k for o in _LONGEST)))


def _air_near(ctx: Context, si: SentenceInfo, h: Hit) -> bool | None:
    """Whether an air cue governs a generic strike: in its clause (from the last break before it to the
    next break after it, at most 8 words each way). None where an artillery word is in that clause
    (once per trigger)."""
    memo = si.memo.get("air_near")
    if memo is None:
        memo = si.memo["air_near"] = {}
    key = (h.start, h.end)
    if key not in memo:
        memo[key] = _find_air_near(ctx, si, h)
    return memo[key]


def _find_air_near(ctx: Context, si: SentenceInfo, h: Hit) -> bool | None:
    # (the words kept are the last 8 before and the first 9 after: a break further away cuts none of them)
    before = words_of(ctx, max(si.start, h.start - 80), h.start)
    for i in range(len(before) - 1, max(-1, len(before) - 9), -1):
        if before[i] in AIR_CLAUSE_BREAKS or before[i].endswith(("،", ",")):
            before = before[i + 1:]
            break
    after = words_of(ctx, h.start, min(si.end, h.end + 100))
    for i, w in enumerate(after[:9]):
        if i and (w in AIR_CLAUSE_BREAKS) or w.endswith(("،", ",")) and i + 1 < len(after):
            after = after[:i + 1]
            break
    words = [w.strip("،,.") for w in before[-8:] + after[:9]]
    if not ARTILLERY_WORDS.isdisjoint(words):
        return None
    text = " ".join(words)
    return not AIR_WORDS.isdisjoint(words) or any(ph in text for ph in AIR_PHRASES)


# After a dateline's place: parentheses (country, agency) and a date ("11 أيار/مايو 2017"), then a dash.
DATELINE_TAIL = re.compile(r"(?:\s*\([^()\n]{1,30}\)|\s*[0-9٠-٩]{1,2}\s+[^\s()]+(?:\s*/\s*[^\s()]+)?\s+[0-9٠-٩]{4})*"
                           r"\s*[-–—/]")


DATELINE_LEAD = frozenset(" \t\u200f\u200e\"'«")  # what may come before a dateline's place in its line


def _dateline(ctx: Context, p) -> bool:
    """A place that opens a line and is followed by a dash, through parentheses ("حلب-سانا",
    "دمشق (رويترز) -", "بيروت – "): the reporter's location, not where anything happened
    (once per place)."""
    memo = ctx.memo.get("dateline")
    if memo is None:
        memo = ctx.memo["dateline"] = {}
    key = (p.start, p.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _find_dateline(ctx, p)
    return found


def _find_dateline(ctx: Context, p) -> bool:
    text = ctx.doc.text
    # only spaces, marks and quotes between the line's start and the place (walked back from the place:
    # most places stop the walk a word before them)
    i = p.start
    while i > 0 and text[i - 1] in DATELINE_LEAD:
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return False
    return DATELINE_TAIL.match(text, p.end, min(len(text), p.end + 80)) is not None


def _framed_until(ctx: Context, si: SentenceInfo) -> int | None:
    """For a sentence opening with a framing verb ("ويأتي", "وجاء"), the offset before which its
    triggers tell nothing new: the whole sentence, or up to بعد when a span of hours or days
    follows it ("بعد ساعات من مقتل 33 جنديا بغارة")."""
    r = rules()["framing"]
    if not si.norm.lstrip().startswith(_bare(r["openers"])):
        return None  # (a sentence that opens with an opener starts with it)
    words = si.norm.split(None, 1)  # the first word
    if not words or f" {words[0]} " not in r["openers"]:
        return None
    k = si.token_index(si.start)
    for t in si.tokens[k:]:
        if t.kind == "word" and t.norm in ("بعد", "وبعد"):
            span = words_of(ctx, t.end, min(si.end, t.end + 30))[:3]
            if any(f" {w} " in r["recent"] for w in span):
                return t.end
            break
    return si.end


@lru_cache(maxsize=8)
def _bare(forms: frozenset[str]) -> tuple[str, ...]:
    """Padded forms without their padding."""
    return tuple(sorted(f.strip() for f in forms))


def _family(ctx: Context, sub: str) -> str:
    return ctx.kb.vocab.family_of(sub) or "Strategic developments"


def _is_background(ctx: Context, si: SentenceInfo) -> bool:
    if contains_any(si.norm, BACKGROUND_KEYS) and contains_any(si.norm, BACKGROUND):
        return True
    if ctx.published is None:
        return False
    limit = ctx.memo.get("background_limit")
    if limit is None:
        limit = ctx.memo["background_limit"] = ctx.published - timedelta(days=patterns().background_days)
    found = False
    for t in si.times:
        if t.kind in ("date", "relative", "since") and t.date_end is not None:
            if not t.date_end < limit:
                return False
            found = True
    return found


def _only_years(si: SentenceInfo) -> bool:
    """Time told only in years ("عام 2004", "منذ سنوات"): history, not the story's events."""
    found = False
    for t in si.times:
        if t.kind in ("date", "relative", "since"):
            if t.precision != "year":
                return False
            found = True
    return found


NEGATION = {norm(w) for w in ("وقف", "دون", "بدون", "عدم", "لا", "لم", "لن", "خرق", "انتهاك", "وقفا")}
DEFUSE = {norm(w) for w in ("تطهير", "تمشيط", "التمشيط", "التطهير", "دمروا", "يدمر", "فكك", "تفكيك", "فكك", "فككت", "فككوا", "ضبط", "ضبطت", "مصادرة", "صادرت", "دمرت", "دمر",
                            "تدمير", "ابطال", "إبطال", "نزع", "إزالة", "ازالة", "العثور", "عثر", "عثرت", "تسليم",
                            "سلم", "سلموا", "قطع", "اغتنام", "اغتنم", "غنم", "مستودع", "مستودعات", "شحنة")}
EXPLOSIVES = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike", "Grenade"}
WEAPONS = EXPLOSIVES | {"Suicide bomb", "Chemical weapon"}
# A specific trigger in the sentence makes a generic one redundant: the massacre was the air strike.
VIOLENT = {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
           "Remote explosive/landmine/IED", "Chemical weapon", "Attack", "Grenade"}
GENERIC_OF = {"Attack": {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
                         "Remote explosive/landmine/IED", "Chemical weapon"},
              "Armed clash": {"Suicide bomb"},
              # "صواريخ محملة بغازات سامة": ACLED codes the chemical attack, whatever carried it
              "Shelling/artillery/missile attack": {"Chemical weapon"},
              "Remote explosive/landmine/IED": {"Suicide bomb"},
              # destroying the enemy's materiel in a battle is part of the battle
              "Looting/property destruction": VIOLENT}


def _blocked(ctx: Context, si: SentenceInfo, h: Hit) -> bool:
    """Whether a trigger tells no event of its own (computed once per trigger)."""
    memo = si.memo.get("blocked")
    if memo is None:
        memo = si.memo["blocked"] = {}
    key = (h.start, h.end, h.value)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _find_blocked(ctx, si, h)
    return found


def _find_blocked(ctx: Context, si: SentenceInfo, h: Hit) -> bool:
    pat = patterns()
    r = rules()
    fear = r["fear"]
    # the words of windows of the sentence that end at the trigger or begin after it, read as words_of
    # reads them (words_of(ctx, max(si.start, h.start - chars), h.start) before it, words_of(ctx, h.end,
    # min(si.end, h.end + chars)) after it), from the trigger's own positions in the document's matching form
    n = ctx.normalized
    ntext, index = n.text, n.index
    start, end, value = h.start, h.end, h.value
    at_start = bisect_left(index, start)
    at_end = bisect_left(index, end, at_start)
    s_start = si.start
    # the last k words of a window before the trigger are those of a longer one where it holds k + 1
    # (only its first word may be cut short)
    prev = ntext[bisect_left(index, max(s_start, start - 30), 0, at_start):at_start].split()

    prev2 = prev[-3:] if len(prev) > 3 else \
        ntext[bisect_left(index, max(s_start, start - 40), 0, at_start):at_start].split()[-3:]
    if prev2 and (prev2[-1].lstrip("وب") in NEGATION or prev2[-1] in NEGATION or "وقف" in prev2[-2:]):
        return True  # "وقف إطلاق النار", "دون قتال", "خرق اتفاق": not the act itself
    if value in EXPLOSIVES:
        for w in prev2:
            if w.lstrip("وب") in DEFUSE:
                return True  # "تفكيك العبوات", "تسليم … قطع المدفعية": weapons that were not fired
        # "لتطهير الأحياء من الألغام والعبوات", "فككت مئات العبوات الناسفة والمنازل المفخخة": the clause
        # of a clearing verb a few words before
        lo = max(s_start, start - 80)
        back = ctx.doc.text[lo:start]
        lo += max(back.rfind("،"), back.rfind(","), back.rfind("؛")) + 1
        for w in words_of(ctx, lo, start)[-8:]:
            if w.lstrip("وبل") in DEFUSE:
                return True
    cues = si.of("cue")
    if cues:
        # a denial or a rumour of it ("نفت أنقرة استهداف المدنيين", "راجت أنباء عن مقتل … في كمين")
        for c in cues:
            if c.value in ("denied", "rumoured") and c.end <= start and start - c.end < 60:
                return True
    # "… هي التي دمرت الجامع، وهو ما نفاه التحالف": denied after it, pointing back (the rest of the
    # sentence holds such a form only if the sentence does: test that once per sentence)
    denied_after = r["denied_after"]
    if _sentence_has(si, "denied_after", denied_after) and has_form(ctx.norm_of(end, si.end), denied_after):
        return True
    for c in cues:
        if c.value in pat.not_happened and c.end <= start:
            k = len(words_of(ctx, c.end, start))
            # "يخشى مراقبون أن يعيد التنظيم تجميع صفوفه وشن هجمات": the fear governs its clause
            if k <= 6 or k <= fear["reach_words"] and not any(ch in ctx.doc.text[c.end:start] for ch in "،,.;:؛") \
                    and not has_form(ctx.norm_of(c.end, start), fear["clause_breaks"]):
                return True
    s_end = si.end
    after = ntext[at_end:bisect_left(index, min(s_end, end + 40), at_end)].split()
    if has_form(" ".join(after[:3]), fear["future_after"]):
        return True  # "لمعركة مقبلة": yet to come
    last = prev[-4:] if len(prev) > 4 else \
        ntext[bisect_left(index, max(s_start, start - 50), 0, at_start):at_start].split()[-4:]
    if last and (f" {last[-1]} " in fear["before_words"] or len(last) > 1 and f" {last[-2]} " in fear["before_words"]
                 and f" {last[-1]} " in fear["start_words"]):
        return True  # "قبل الهجوم على الرقة": a point in time for something else
    last_text = " ".join(last)
    if has_form(last_text, r["anaphora"]["responsibility"]):
        return True  # "تبنى التنظيم الهجوم", "غارة دعما للهجوم": a claim of, or support to, another event
    if has_form(last_text, fear["opinion"]) and _definite(ctx, h):
        return True  # "يرى مراقبون أن الهجوم محاولة …": an opinion on an event already told
    # the first word within 12 characters after the trigger is the first after it, or a beginning of it
    if after and after[0].startswith(DEMONSTRATIVE_STARTS):
        nxt = ntext[at_end:bisect_left(index, min(s_end, end + 12), at_end)].split()
        if nxt and nxt[0] in DEMONSTRATIVES:
            return True  # "خلال تلك الاشتباكات": an event already told
    if prev and (prev[-1] in DEMONSTRATIVES or prev[-1] in CONCESSIVE or prev[-2:-1] and prev[-2] in CONCESSIVE):
        return True  # "ورغم المعارك الجارية": background to something else
    # "خلال 20 يوماً من المعارك", "بعد أسبوعين من بدء الحملة": the campaign as a time span
    for t in si.times:
        if t.start <= start < t.end:
            return True
        if t.kind in ("window", "since") and t.end <= start:
            gap = words_of(ctx, t.end, start)
            if gap and gap[0] == "من" and len(gap) <= 2:
                return True
    surface = ctx.norm_of(start, end)
    # "الفصائل التي انسحبت من …": a verb describing who someone is, not the event told
    if prev and prev[-1] in RELATIVE and (surface.lstrip("وف")[:1] not in ("ا", "ت") or _is_verb_form(surface)):
        return True
    # a present-tense verb for a strategic development is a state, not an event ("ويتمركز في …")
    if surface.lstrip("وف")[:1] == "ي" and _family(ctx, value) == "Strategic developments":
        return True
    return False


RELATIVE = {norm(w) for w in ("التي", "الذي", "الذين", "اللتين", "اللذين")}
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
FIGHTS = ("Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb")


def _first(ctx: Context, h: Hit) -> str:
    """The first word of a trigger's matching form (words_of(ctx, h.start, h.end)[0], once per trigger)."""
    memo = ctx.memo.get("first_word")
    if memo is None:
        memo = ctx.memo["first_word"] = {}
    key = (h.start, h.end)
    found = memo.get(key)
    if found is None:
        n = ctx.normalized
        index = n.index
        found = memo[key] = n.text[bisect_left(index, h.start):bisect_left(index, h.end)].split(None, 1)[0]
    return found


def _weapon_of_strike(ctx: Context, si: SentenceInfo, h: Hit, aircraft) -> bool:
    """An explosive trigger a few words after one of its type in its clause, which tells the strike (not
    the aircraft, not a launching or targeting verb)."""
    for o in si.of("trigger"):
        if o.value == h.value and o.end <= h.start and len(words_of(ctx, o.end, h.start)) <= 6 \
                and not aircraft(o) and _first(ctx, o) not in LAUNCH_OR_TARGET \
                and not any(c in ctx.doc.text[o.end:h.start] for c in "،,.;؛"):
            return True
    return False


def _weapons(ctx: Context, si: SentenceInfo) -> set[str]:
    """The weapons a sentence's triggers tell, not by a targeting verb (once per sentence)."""
    found = si.memo.get("weapons")
    if found is None:
        found = si.memo["weapons"] = {h.value for h in si.of("trigger")
                                      if h.value in WEAPONS and _first(ctx, h) not in TARGET_VERBS}
    return found


def _sentence_has(si: SentenceInfo, name: str, forms: frozenset[str]) -> bool:
    """has_form(si.norm, forms), once per sentence."""
    key = ("has_form", name)
    found = si.memo.get(key)
    if found is None:
        found = si.memo[key] = _holds(si.norm, forms)
    return found


def _holds(text: str, forms: frozenset[str]) -> bool:
    """has_form(text, forms), tested only where the text holds one of the forms' key words (a
    sentence seldom holds one: some substring tests instead of splitting it into words)."""
    keys = _form_keys(forms)
    return (keys is None or contains_any(text, keys)) and has_form(text, forms)


@lru_cache(maxsize=16)
def _form_keys(forms: frozenset[str]) -> tuple[str, ...] | None:
    """Words one of which a text holds (as a substring) wherever has_form(text, forms) holds: the last
    word of each padded form that holds no other form of the list (where a longer form is found, the
    form it holds is found too), leaving out the words that hold another of these words; None where a
    form is not padded (it may match without any of its words)."""
    if any(not (len(f) >= 2 and f[0] == f[-1] == " ") for f in forms):
        return None
    least = [f for f in forms if not any(g != f and g in f for g in forms)]
    lasts = {f[1:-1].rsplit(" ", 1)[-1] for f in least}
    return tuple(sorted(w for w in lasts if not any(v != w and v in w for v in lasts)))


def _definite(ctx: Context, h: Hit) -> bool:
    """A trigger with the article ("الهجوم", "بالاقتتال", "للاتفاق")."""
    w = _first(ctx, h)
    return w.startswith(("ال", "لل")) or w[:1] in ("و", "ف", "ب", "ك") and w[1:].startswith(("ال", "لل")) or \
        w[:2] in ("وب", "فب", "ول", "فل") and w[2:].startswith("ال")


def _transfer(ctx: Context, si: SentenceInfo, row: list[ActorHit], k: Control) -> bool:
    """A gain without fighting: told as without a fight, after the other side left, under a deal,
    or right after an agreement between factions of one side (rules: transfer)."""
    r = rules()["transfer"]
    if _holds(si.norm, r["fought"]):
        return False
    if any(h.value in FIGHTS and not _blocked(ctx, si, h) for h in si.of("trigger")):
        return False
    if _holds(si.norm, r["peaceful"]):
        return True
    if _holds(si.norm, r["agreed"]):
        return not any(a.side in ARMED and a.side != k.side for a in row)
    return False


def _taking(ctx: Context, si: SentenceInfo, row: list[ActorHit], h: Hit) -> bool:
    """A transfer trigger that names who takes the place: a taking verb ("تسلمت"), or a handing over
    to an armed actor ("تسليم جبهاتهم للنظام") of something else than weapons or people."""
    r = rules()["transfer"]
    surface = ctx.norm_of(h.start, h.end)
    if has_form(surface, r["taking_forms"]):
        return True
    if not has_form(surface, r["handing_forms"]):
        return False
    for a in row:
        if a.side in ARMED and a.start >= h.end:
            gap = words_of(ctx, h.end, a.start)
            if len(gap) > r["handing_reach"]:
                break
            lead = ctx.norm_of(a.start, a.end)
            if (gap and gap[-1] in ("ل", "الي", "لصالح") or lead.startswith("ل")) and \
                    not has_form(" ".join(gap), r["not_handed"]):
                return True
    return False


def _agreement_told(ctx: Context, si: SentenceInfo, h: Hit, out: list[Event]) -> bool:
    """An agreement reached, signed or carried out, not one already told (rules: agreement)."""
    r = rules()["agreement"]
    n = r["reach_words"]
    before = words_of(ctx, si.start, h.start)
    last2 = " ".join(before[-2:])
    if has_form(last2, r["not_before"]):
        return False  # "الرافضين للتسوية", "خارج الاتفاق", "يصوت على هدنة"
    if _definite(ctx, h) and any(e.type == "Agreement" for e in out):
        return False  # "بموجب الاتفاق": the agreement already told
    return has_form(last2, r["linked_before"]) or has_form(" ".join(before[-n:]), r["reached_before"]) or \
        has_form(" ".join(words_of(ctx, h.end, si.end)[:n]), r["reached_after"])


def _is_verb_form(word: str) -> bool:
    """A past or present verb form: present prefixes, or past-tense plural/feminine endings."""
    w = word.lstrip("وف")
    return w[:1] in ("ي", "ت", "ن") or w.endswith(("وا", "ت"))


def _event_places(ctx: Context, si: SentenceInfo, h: Hit) -> list[PlaceHit]:
    """Where a trigger happened: the places listed right after it, else the nearest one before it in
    its clause; coarse areas give way to finer places in the same list."""
    if not si.places:
        return []  # every way below picks among the sentence's places
    places = [p for p in _list_after(ctx, si, h.end, max_first_gap=5) if not _dateline(ctx, p)]
    if not places:
        p = None  # the last place before the trigger
        for q in reversed(si.places):
            if q.end <= h.start and not _dateline(ctx, q):
                p = q
                break
        if p is not None:
            gap = ctx.doc.text[p.end:h.start]
            if len(words_of(ctx, p.end, h.start)) <= 8 and not any(c in gap for c in ".;:؛"):
                # the whole list that ends there ("في دوما وحمورية وسقبا جراء الغارات"), and the place
                # a locator names ("دخلت بلدة برطلة شرق الموصل، لكنها واجهت مقاومة"): the town, not the city
                inner = _inner(ctx, si, p, by_rank=False)
                places = [inner] if inner is not None and not inner.anaphoric else \
                    [q for q in _list_before(ctx, si, p.end) if not _dateline(ctx, q)] or [p]
    if not places and h.value in VIOLENT:
        # "الاشتباكات أسفرت عن مقتل 92 شخصا، سقط معظمهم في مدينتي سراقب وسرمدا": where its toll fell
        places = _toll_places(ctx, si, h)
    if not places or all(p.place.level in COARSE or p.place.level == "town" for p in places):
        # the finest place the sentence names, when the trigger's own is a town or coarser:
        # "معارك في حلب … على حي مساكن هنانو" happened in the neighbourhood
        # (after the trigger when its own places follow it: "المسلحون في الغوطة قصفوا أحياء دمشق" fell on
        # Damascus, not where the gunmen are)
        after_only = bool(places) and places[0].start >= h.end
        finer = [p for p in _finest(ctx, si) if not after_only or p.start >= h.end]
        if finer:
            places = [min(finer, key=lambda p: abs(p.start - h.start))]
    inner: list[PlaceHit] = []
    for p in places:
        q = p
        while (finer := _inner(ctx, si, q)) is not None:
            q = finer
        if q is not p and is_destination(ctx, si, q):
            continue  # "باتجاه مدينة الباب في ريف حلب": the area of where they went
        if all(x.place.id != q.place.id for x in inner):
            inner.append(q)
    places = [p for p in inner if not is_destination(ctx, si, p)]
    fine = [p for p in places if p.place.level not in COARSE]
    if places and not fine and h.value in VIOLENT:
        # "القصف على الغوطة الشرقية تواصل، وأسفر عن مقتل 18 شخصا في عربين وسقبا": the towns named
        # later in the sentence are where the strikes fell
        fine = _toll_places(ctx, si, h)
    return fine or places


def _finest(ctx: Context, si: SentenceInfo) -> list[PlaceHit]:
    """The neighbourhoods and landmarks a sentence names, not as destinations (once per sentence)."""
    found = si.memo.get("finest")
    if found is None:
        found = si.memo["finest"] = [p for p in si.places if p.place.level in ("neighbourhood", "landmark")
                                     and not p.anaphoric and not is_destination(ctx, si, p)]
    return found


def _all_countries(places: list[PlaceHit]) -> bool:
    for p in places:
        if p.place.level != "country":
            return False
    return True


def _toll_places(ctx: Context, si: SentenceInfo, h: Hit) -> list[PlaceHit]:
    """The fine places named after a toll that follows the trigger ("أسفر عن مقتل 18 شخصا في عربين
    وسقبا"): where the event's victims fell, when the trigger names no place of its own."""
    tolls = [c for c in si.of("casualty") if c.start >= h.end]
    if not tolls:
        return []
    after = [p for p in si.places if p.start >= tolls[0].end and p.place.level not in COARSE and not p.anaphoric
             and not is_destination(ctx, si, p) and not _dateline(ctx, p)]
    if not after or len(words_of(ctx, tolls[0].end, after[0].start)) > 12:
        return []
    return [after[0]] + [q for q in _list_after(ctx, si, after[0].end, max_first_gap=0) if q in after]


def _focus_place(ctx: Context, si: SentenceInfo) -> PlaceHit | None:
    """The place the story is at when a sentence names none: the story's main place, else the last
    fine place of the three sentences before, else the place the document names most."""
    memo = ctx.memo.get("focus_place")
    if memo is None:
        memo = ctx.memo["focus_place"] = {}
    if si.index not in memo:
        memo[si.index] = _find_focus_place(ctx, si)
    return memo[si.index]


def _find_focus_place(ctx: Context, si: SentenceInfo) -> PlaceHit | None:
    main = _main_place(ctx)
    if main is not None:
        return main
    for k in range(si.index - 1, max(-1, si.index - 4), -1):
        fine = [p for p in ctx.sentences[k].places if p.place.level not in COARSE
                and not is_destination(ctx, ctx.sentences[k], p) and not _dateline(ctx, p)]
        if fine:
            return fine[-1]
    counts: dict[str, tuple[int, PlaceHit]] = {}
    for other in ctx.sentences:
        for p in other.places:
            if p.place.level not in COARSE and not _dateline(ctx, p):
                n, _ = counts.get(p.place.id, (0, p))
                counts[p.place.id] = (n + 1, p)
    if counts:
        return max(counts.values(), key=lambda c: c[0])[1]
    return None


def _main_place(ctx: Context) -> PlaceHit | None:
    """The place the story is about: the fine place the document names most, when named (or referred
    back to) at least `main_mentions` times (rules: place)."""
    if "main_place" in ctx.memo:
        return ctx.memo["main_place"]
    counts: dict[str, tuple[int, PlaceHit]] = {}
    for other in ctx.sentences:
        for p in other.places:
            if p.place.level not in COARSE and not _dateline(ctx, p):
                n, first = counts.get(p.place.id, (0, p))
                counts[p.place.id] = (n + 1, first)
    best = max(counts.values(), key=lambda c: c[0], default=None)
    ctx.memo["main_place"] = best[1] if best and best[0] >= rules()["place"]["main_mentions"] else None
    return ctx.memo["main_place"]


def _actors(ctx: Context, si: SentenceInfo, row: list[ActorHit], per_sentence, h: Hit
            ) -> tuple[ActorHit | None, ActorHit | None]:
    sides = si.memo.get("event_sides")  # the armed actors and the civilians named (once per sentence)
    if sides is None:
        sides = si.memo["event_sides"] = ([a for a in row if a.side in ARMED],
                                          [a for a in row if a.side == "civilians"])
    armed, civ = sides
    # the armed actor right after the trigger (at most a word between), else the last one before it, else
    # the first one after it; the first armed actor of another side, else the first civilians
    start, end = h.start, h.end
    last_before = first_after = None
    for a in armed:
        if a.end <= start:
            last_before = a
        if first_after is None and a.start >= end:
            first_after = a
    if first_after is not None and len(words_of(ctx, end, first_after.start)) <= 1:
        a1 = first_after
    else:
        a1 = last_before or first_after
    if a1 is None and si.index > 0:
        a1 = focus(per_sentence, si.index - 1, ARMED)
    for a in armed:
        if a1 is None or a.side != a1.side:
            return a1, a
    return a1, civ[0] if civ else None


def _dates(ctx: Context, si: SentenceInfo) -> tuple[date | None, date | None]:
    found = si.memo.get("event_dates")
    if found is None:
        found = si.memo["event_dates"] = _find_dates(ctx, si)
    return found


def _find_dates(ctx: Context, si: SentenceInfo) -> tuple[date | None, date | None]:
    days = [t for t in si.times if t.kind in ("date", "relative") and t.date_end is not None]
    if days:
        return days[0].date_start, days[0].date_end
    wins = [t for t in si.times if t.kind == "window" and t.date_end is not None]
    if wins:
        return wins[0].date_start, wins[0].date_end
    return None, ctx.published


def _killed(claims: list[Claim]) -> list[Claim]:
    """The claims that count toward an event's fatalities, wherever they are (once per document)."""
    return [c for c in claims if c.kind == "killed" and c.status == "asserted" and c.qualifier != "vague"
            and not c.cumulative]


def _fatalities(killed: list[Claim], si: SentenceInfo) -> int | None:
    """The dead of the counting claims (`_killed`) told in a sentence."""
    counts = [c.count for c in killed if si.start <= c.start < si.end]
    return sum(counts) if counts else None


def extract_events(ctx: Context, frames: list[list[Frame]], actors: list[list[ActorHit]], claims: list[Claim],
                   control: list[Control]) -> list[Event]:
    out: list[Event] = []
    seen: dict[tuple[str, str | None], int] = {}  # (type, place id) -> index in out

    fatalities: dict[int, int | None] = {}  # by sentence
    killed = _killed(claims)

    def add(sub: str, si: SentenceInfo, h_start: int, h_end: int, place, a1, a2, status: str, src) -> None:
        key = (sub, place.id if place else None)
        ds, de = _dates(ctx, si)
        if sub == "Agreement":
            # "بموجب اتفاق فرضه الجانب الروسي … قبل أسبوع": the deal's own time, told after it
            own = [t for t in si.times if t.start >= h_end and t.kind in ("date", "relative") and t.date_end is not None]
            if own:
                ds, de = own[0].date_start, own[0].date_end
        k = seen.get(key)
        if k is not None:
            # the same event told again (a headline, then the body): keep the first, with the
            # dates of the telling that has them
            if out[k].date_start is None and ds is not None:
                out[k] = replace(out[k], date_start=ds, date_end=de)
            return
        seen[key] = len(out)
        out.append(_event(
            type=sub, family=_family(ctx, sub), date_start=ds, date_end=de,
            place=place.name if place else None, place_id=place.id if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None,
            actor1=a1.actor if a1 else None, actor1_side=a1.side if a1 else None,
            actor2=a2.actor if a2 else None, actor2_side=a2.side if a2 else None,
            fatalities=fatalities[si.index] if si.index in fatalities else
            fatalities.setdefault(si.index, _fatalities(killed, si)), status=status, source=src,
            trigger_start=h_start, trigger_end=h_end, evidence_start=si.start, evidence_end=si.end,
            confidence=0.7 if place else 0.5))

    by_sentence: dict[int, list[Control]] = {}
    for k in control:
        si = ctx.sentence_at(k.evidence_start)
        if si is not None and k.change == "gained" and k.status == "asserted":
            by_sentence.setdefault(si.index, []).append(k)

    head_end = headline_end(ctx)
    described_before = rules()["described_before"]
    # the headline last: the body tells its events better (type, place, date); a headline event
    # stays only where the body tells nothing of its type
    order = [si for si in ctx.sentences if si.end > head_end] + [si for si in ctx.sentences if si.end <= head_end]
    for si in order:
        gains = by_sentence.get(si.index, [])
        triggers = si.of("trigger")
        if not gains and not triggers:
            continue  # nothing to code here
        if _is_background(ctx, si) or _only_years(si):
            continue
        framed = _framed_until(ctx, si)
        if framed is not None:
            # "ويأتي القصف بعد يومين من سيطرة …": the subject was told before; what follows بعد is an
            # event only when it is hours or days old
            gains = [k for k in gains if k.start >= framed]
        row = actors[si.index]
        for k in gains:
            place = next((p.place for p in si.places if p.place.id == k.place_id), None) if k.place_id else None
            place = place or (ctx.kb.gazetteer.get(k.place_id) if k.place_id else None)
            if place is None and k.place:
                # a place the gazetteer lacks, located by the control statement itself
                place = SimpleNamespace(id=k.place_id or k.place, name=k.place, lat=k.lat, lon=k.lon)
            a1 = next((a for a in row if a.actor == k.actor), None)
            others = [a for a in row if a.side in ARMED and a.side != k.side]
            a2 = others[0] if others else None
            if _transfer(ctx, si, row, k):
                sub = "Non-violent transfer of territory"
            else:
                sub = "Government regains territory" if k.side == "government" else \
                    "Non-state actor overtakes territory"
            add(sub, si, k.start, k.end, place, a1, a2, "asserted", k.source)
        if not triggers:
            continue
        places_only = [(p.start, p.end) for p in si.places]
        names = [(x.start, x.end) for x in si.of("actor", "source")] + places_only
        told = {h.value for h in triggers}
        # two triggers of one type (else no trigger has an earlier one of its type: a trigger is never
        # empty), and how many violent types the sentence tells (a violent trigger is described as
        # another violent event only where it tells two)
        repeated = len(told) < len(triggers)
        violent_told = len(told & VIOLENT)
        aircraft_memo: dict[tuple[int, int], bool] = {}

        def aircraft(h: Hit) -> bool:  # an air/drone-strike trigger that names the aircraft
            if h.value != AIR:
                return False
            key = (h.start, h.end)
            found = aircraft_memo.get(key)
            if found is None:
                found = aircraft_memo[key] = spans_overlap(names, h.start, h.end) or \
                    _first(ctx, h).lstrip("وفب") in AIRCRAFT
            return found
        # an air strike told: an air/drone-strike trigger that names no aircraft, or a generic strike an
        # air cue governs
        air_told = False
        for h in triggers:
            if h.value == AIR:
                if not aircraft(h):
                    air_told = True
                    break
            elif h.value == SHELLING:
                w = _first(ctx, h)
                if (w in TARGET_VERBS or w in AIR_ONLY or w.lstrip("وفبل") in AIR_ONLY or
                        w.lstrip("وف") in GENERIC_STRIKE) and _air_near(ctx, si, h):
                    air_told = True
                    break
        for h in triggers:
            sub = h.value
            if sub == AIR and air_told and aircraft(h):
                continue  # "شنت الطائرات الروسية 40 غارة على …": the strikes tell where
            # a name ("تدمر", "هيئة تحرير الشام") is no trigger; an air force named ("الطيران الحربي
            # الروسي", "طيران التحالف") is the air strike's own cue
            if framed is not None and h.start < framed:
                continue
            if sub in TERRITORY or spans_overlap(places_only if sub == AIR else names, h.start, h.end):
                continue
            if violent_told > 1 and sub in VIOLENT and \
                    (prior := words_of(ctx, max(si.start, h.start - 20), h.start)[-1:]) and \
                    f" {prior[0]} " in described_before:
                continue  # "تفجير انتحاري … في أعنف هجوم على القوات": the bombing described
            if sub in GENERIC_OF and not told.isdisjoint(GENERIC_OF[sub]):
                if sub != "Armed clash" or any(o.value == "Suicide bomb" and len(words_of(
                        ctx, min(o.end, h.end), max(o.start, h.start))) <= 3 for o in si.of("trigger")):
                    continue  # "هجوم بسيارة مفخخة يقودها انتحاري": the bombing; a wider attack is a clash
            first = _first(ctx, h)
            if repeated and h.value in EXPLOSIVES and _weapon_of_strike(ctx, si, h, aircraft):
                continue  # "قصفوا أحياء دمشق بعشرات القذائف": the weapon of the strike just told
            if first in LAUNCH_VERBS and any(o is not h and h.end <= o.start and
                                             len(words_of(ctx, h.end, o.start)) <= 4 for o in si.of("trigger")):
                continue  # "تشن طائرات التحالف غارات": the launching is the strike named after it
            if sub == "Armed clash" and first.lstrip("وفب") in ATTACK_NOUNS and any(
                    o.value in WEAPONS and h.end <= o.start and
                    len(words_of(ctx, h.end, o.start)) <= 1 for o in si.of("trigger")):
                continue  # "في هجوم بصواريخ محملة بغازات سامة": the attack is the weapon's
            if sub == SHELLING and (first in TARGET_VERBS or first in AIR_ONLY or first.lstrip("وف") in GENERIC_STRIKE):
                near = _air_near(ctx, si, h)
                if near:
                    sub = AIR
                elif first in AIR_ONLY or first.lstrip("وفبل") in AIR_ONLY or first in TARGET_VERBS and (
                        near is None or _weapons(ctx, si) - {sub}):
                    continue  # "ضربات" with no aircraft; "تفجير انتحاري استهدف مطعما": the bombing
            if sub == "Non-violent transfer of territory" and (si.index in by_sentence or not _taking(ctx, si, row, h)):
                continue  # a gain already coded here, or a departure that names no one taking the place
            if sub == "Agreement" and not _agreement_told(ctx, si, h, out):
                continue
            if sub == "Peaceful protest":
                pr = rules()["protest"]
                nxt = words_of(ctx, h.end, min(si.end, h.end + 20))[:1]
                if f" {first} " in pr["reason_forms"] and nxt and f" {nxt[0]} " in pr["reason_after"]:
                    continue  # "احتجاجا على الاقتتال": a reason, not a protest
                if has_form(ctx.norm_of(h.end, si.end), pr["repression"]):
                    sub = "Protest with intervention"
            src = source_at(frames[si.index], h.start)
            status = "denied" if src.modality == "deny" else "asserted"
            if status == "denied":
                continue
            if _blocked(ctx, si, h):
                continue  # the costliest test last
            a1, a2 = _actors(ctx, si, row, actors, h)
            places = _event_places(ctx, si, h)
            if places and _all_countries(places):
                places = []  # "شرق سوريا": a country locates nothing; the story's place does
            if (not places or all(p.anaphoric for p in places)) and _definite(ctx, h) and \
                    any(e.type == sub for e in out):
                continue  # "قتل 137 شخصا خلال الاقتتال": the fighting already told, not a new one
            if not places:
                fp = _focus_place(ctx, si)
                add(sub, si, h.start, h.end, fp.place if fp else None, a1, a2, status, src)
                continue
            for ph in places:
                add(sub, si, h.start, h.end, ph.place, a1, a2, status, src)
    body_types = {e.type for e in out if e.trigger_start >= head_end}
    return [e for e in out if e.trigger_start >= head_end or e.type not in body_types]


