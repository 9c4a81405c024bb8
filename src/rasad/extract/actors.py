"""Actors a document names, generic references resolved to the actor in focus.

"التنظيم" is the Islamic State where the article is about it, "النظام" the
Syrian government; `ActorIndex.resolve_generic` weighs the actors named so
far (most recent first) and the document's country.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import Context


@dataclass(slots=True)
class ActorHit:
    start: int
    end: int
    actor: str  # knowledge id
    side: str
    sentence: int
    generic: bool = False
    surface: str = ""


def resolve(ctx: Context) -> list[list[ActorHit]]:
    """Actor hits per sentence (index-aligned with ctx.sentences)."""
    actors = ctx.kb.actors
    get = actors.get
    country = ctx.country
    text = ctx.doc.text
    recent: list[str] = []
    out: list[list[ActorHit]] = []
    placed: dict[str, object] = {}  # a named actor's id -> its counterpart in the document's country
    stands: dict[tuple[str, str], bool] = {}  # (actor named before, generic entry) -> may it stand for it
    for si in ctx.sentences:
        row: list[ActorHit] = []
        for h in si.of("actor"):
            a = get(h.value)
            if a is None:
                continue
            generic = a.generic
            if generic:
                # the most recently named actor it may stand for ("القوات" after "قسد"), else the
                # knowledge base's choice for the country
                # (an ally of a referent counts only on the same side: "الفصائل" after the Turkish army,
                # allied with the SNA, are not Turkish)
                latest = None
                for r in recent:
                    ok = stands.get((r, a.id))
                    if ok is None:
                        ok = stands[(r, a.id)] = _stands_for(actors, r, a.id)
                    if ok:
                        latest = r
                        break
                if latest is None and a.id in getattr(actors, "anaphor_only", ()):
                    continue  # "الحزب" with no armed party named before: not an actor here
                a = get(latest) if latest else (actors.resolve_generic(h.value, recent, country) or a)
            else:
                b = placed.get(h.value)
                if b is None:
                    b = placed[h.value] = get(actors.in_country(a.id, country)) or a
                a = b
            row.append(ActorHit(h.start, h.end, a.id, a.side, si.index, generic, text[h.start:h.end]))
            if not generic:
                if a.id in recent:
                    recent.remove(a.id)
                recent.insert(0, a.id)
        out.append(row)
    # generic references as resolved here, for the attribution of a speaking actor ("وكان الحزب قد أعلن")
    ctx.memo["actor_sides"] = {h.start: h.side for row in out for h in row}
    return out


def _stands_for(actors, named: str, generic: str) -> bool:
    """Whether a generic entry may stand for an actor named before: one of its referents, or allied with
    one by affiliation and on a referent's side."""
    refs = set(actors.refers_to(generic))
    if named in refs:
        return True
    a = actors.get(named)
    return bool(a and set(a.affiliations) & refs and actors.side_of(named) in {actors.side_of(r) for r in refs})


def focus(per_sentence: list[list[ActorHit]], index: int, sides: tuple[str, ...] = ()) -> ActorHit | None:
    """The last armed actor named at or before sentence `index` (optionally of given sides)."""
    for k in range(index, -1, -1):
        for h in reversed(per_sentence[k]):
            if h.side in ("civilians", "unknown", "other"):
                continue
            if not sides or h.side in sides:
                return h
    return None
