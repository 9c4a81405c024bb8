"""Extraction: one document → claims, events, control statements and places, with evidence offsets.

`extract(doc, kb)` analyses the document once (`context.analyse`), resolves
places and actors, finds attribution frames, then runs the extractors in
order. Every item carries offsets into `doc.text`.
"""
from __future__ import annotations

from ..knowledge import KnowledgeBase, load
from ..model import Document, Extraction, Mention
from ..settings import Settings
from . import actors as actors_mod
from . import places as places_mod
from .attribution import frames as attribution_frames
from .campaign import campaign_days
from .claims import extract_claims
from .context import analyse
from .control import extract_control
from .events import extract_events
from .records import builder

_mention = builder(Mention)


def extract(doc: Document, kb: KnowledgeBase | None = None, settings: Settings | None = None) -> Extraction:
    kb = kb or load(settings)
    ctx = analyse(doc, kb)
    place_hits = places_mod.resolve(ctx)
    actor_hits = actors_mod.resolve(ctx)
    fr = attribution_frames(ctx)
    claims = extract_claims(ctx, fr, actor_hits)
    control = extract_control(ctx, fr, actor_hits)
    events = extract_events(ctx, fr, actor_hits, claims, control)
    mentions = [_mention("place", p.start, p.end, p.surface, p.place.id, None) for p in place_hits] + \
               [_mention("actor", a.start, a.end, a.surface, a.actor, a.side) for row in actor_hits for a in row] + \
               [_mention("source", f.source.start, f.source.end, f.source.name or "", None, f.source.affiliation)
                for row in fr for f in row if f.source.start is not None]
    mentions.sort(key=lambda m: (m.start, m.kind))
    return Extraction(doc_id=doc.id, outlet=doc.outlet, published=doc.published, claims=tuple(claims),
                      events=tuple(events), control=tuple(control),
                      places=places_mod.place_refs(ctx, place_hits), mentions=tuple(mentions),
                      campaign_days=campaign_days(ctx))


__all__ = ["extract"]
