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

from datetime import date, timedelta

from ..arabic.normalize import norm
from ..model import Claim, Control, Event
from .actors import ActorHit, focus
from .attribution import Frame, source_at
from .context import Context, Hit, SentenceInfo
from .resources import patterns

ARMED = ("government", "isis", "opposition", "sdf", "coalition", "turkey")
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
DEMONSTRATIVES = {norm(w) for w in ("تلك", "هذه", "ذلك", "هذا", "هذين", "هاتين", "تلكم", "المذكورة", "نفسها")}
AIR_WORDS = {norm(w) for w in ("سلاح الجو", "الطيران", "طيران", "الطائرات", "طائرات", "جوي", "الجوي", "جوية", "الحربي",
                               "الحربية", "المروحي", "المروحيات", "الروسي", "غارات", "غارة")}
TRANSFER_WORDS = {norm(w) for w in ("اخلاء", "إخلاء", "تسوية", "اتفاق", "الاتفاق", "خروج", "تسليم", "انسحاب", "تهجير",
                                    "التهجير", "المصالحة", "مصالحة")}
GENERIC_STRIKE = {norm(w) for w in ("استهدف", "استهدفت", "يستهدف", "تستهدف", "استهداف", "قصف", "القصف", "قصفت",
                                    "يقصف", "تقصف", "قصفا")}
BACKGROUND = tuple(norm(w) for w in ("سبق أن", "سبق و", "في وقت سابق", "منذ سنوات", "قبل سنوات", "منذ أعوام",
                                     "قبل أعوام"))


def _family(ctx: Context, sub: str) -> str:
    return ctx.kb.vocab.family_of(sub) or "Strategic developments"


def _is_background(ctx: Context, si: SentenceInfo) -> bool:
    pat = patterns()
    if any(b in si.norm for b in BACKGROUND):
        return True
    if ctx.published is None:
        return False
    limit = ctx.published - timedelta(days=pat.background_days)
    ends = [t.date_end for t in si.times if t.kind in ("date", "relative", "since") and t.date_end is not None]
    return bool(ends) and all(e < limit for e in ends)


def _blocked(ctx: Context, si: SentenceInfo, h: Hit) -> bool:
    pat = patterns()
    for c in si.of("cue"):
        if c.value in pat.not_happened and c.end <= h.start and len(ctx.norm_of(c.end, h.start).split()) <= 6:
            return True
    prev = ctx.norm_of(max(si.start, h.start - 30), h.start).split()
    nxt = ctx.norm_of(h.end, min(si.end, h.end + 12)).split()
    if nxt and nxt[0] in DEMONSTRATIVES:
        return True
    if prev and prev[-1] in DEMONSTRATIVES:
        return True
    return False


def _actors(ctx: Context, si: SentenceInfo, row: list[ActorHit], per_sentence, h: Hit
            ) -> tuple[ActorHit | None, ActorHit | None]:
    armed = [a for a in row if a.side in ARMED]
    civ = [a for a in row if a.side == "civilians"]
    before = [a for a in armed if a.end <= h.start]
    after = [a for a in armed if a.start >= h.end]
    first = after[0] if after and len(ctx.norm_of(h.end, after[0].start).split()) <= 1 else None
    a1 = first or (before[-1] if before else (after[0] if after else None))
    if a1 is None and si.index > 0:
        a1 = focus(per_sentence, si.index - 1, ARMED)
    others = [a for a in armed if a1 is None or a.side != a1.side]
    a2 = others[0] if others else (civ[0] if civ else None)
    return a1, a2


def _dates(ctx: Context, si: SentenceInfo) -> tuple[date | None, date | None]:
    days = [t for t in si.times if t.kind in ("date", "relative") and t.date_end is not None]
    if days:
        return days[0].date_start, days[0].date_end
    wins = [t for t in si.times if t.kind == "window" and t.date_end is not None]
    if wins:
        return wins[0].date_start, wins[0].date_end
    return None, ctx.published


def _fatalities(claims: list[Claim], si: SentenceInfo) -> int | None:
    killed = [c.count for c in claims if c.kind == "killed" and c.status == "asserted" and c.qualifier != "vague"
              and si.start <= c.start < si.end and not c.cumulative]
    return sum(killed) if killed else None


def extract_events(ctx: Context, frames: list[list[Frame]], actors: list[list[ActorHit]], claims: list[Claim],
                   control: list[Control]) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple[str, str | None]] = set()

    def add(sub: str, si: SentenceInfo, h_start: int, h_end: int, place, a1, a2, status: str, src) -> None:
        key = (sub, place.id if place else None)
        if key in seen:
            return
        seen.add(key)
        ds, de = _dates(ctx, si)
        out.append(Event(
            type=sub, family=_family(ctx, sub), date_start=ds, date_end=de,
            place=place.name if place else None, place_id=place.id if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None,
            actor1=a1.actor if a1 else None, actor1_side=a1.side if a1 else None,
            actor2=a2.actor if a2 else None, actor2_side=a2.side if a2 else None,
            fatalities=_fatalities(claims, si), status=status, source=src,
            trigger_start=h_start, trigger_end=h_end, evidence_start=si.start, evidence_end=si.end,
            confidence=0.7 if place else 0.5))

    by_sentence: dict[int, list[Control]] = {}
    for k in control:
        si = ctx.sentence_at(k.evidence_start)
        if si is not None and k.change == "gained" and k.status == "asserted":
            by_sentence.setdefault(si.index, []).append(k)

    for si in ctx.sentences:
        if _is_background(ctx, si):
            continue
        row = actors[si.index]
        air = any(w in si.norm.split() or w in si.norm for w in AIR_WORDS if " " in w) or \
            any(w in AIR_WORDS for w in si.norm.split())
        transfer = any(w.lstrip("وب") in TRANSFER_WORDS for w in si.norm.split())
        for k in by_sentence.get(si.index, []):
            place = ctx.kb.gazetteer.get(k.place_id) if k.place_id else None
            a1 = next((a for a in row if a.actor == k.actor), None)
            others = [a for a in row if a.side in ARMED and a.side != k.side]
            a2 = others[0] if others else None
            if transfer and k.side == "government" and not si.of("trigger") or (
                    transfer and any(h.value == "Non-violent transfer of territory" for h in si.of("trigger"))
                    and not any(h.value == "Armed clash" for h in si.of("trigger"))):
                sub = "Non-violent transfer of territory"
            else:
                sub = "Government regains territory" if k.side == "government" else \
                    "Non-state actor overtakes territory"
            add(sub, si, k.start, k.end, place, a1, a2, "asserted", k.source)
        for h in si.of("trigger"):
            sub = h.value
            if sub in TERRITORY or _blocked(ctx, si, h):
                continue
            if sub == "Shelling/artillery/missile attack" and air and \
                    ctx.norm_of(h.start, h.end).split()[0].lstrip("وف") in GENERIC_STRIKE:
                sub = "Air/drone strike"
            src = source_at(frames[si.index], h.start)
            status = "denied" if src.modality == "deny" else "asserted"
            if status == "denied":
                continue
            a1, a2 = _actors(ctx, si, row, actors, h)
            places = [p for p in si.places]
            if not places:
                add(sub, si, h.start, h.end, None, a1, a2, status, src)
                continue
            for ph in places:
                add(sub, si, h.start, h.end, ph.place, a1, a2, status, src)
    return out
