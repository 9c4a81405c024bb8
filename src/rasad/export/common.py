"""What the ACLED, UCDP, GeoJSON and Parquet exports share: codes, reading merged events
with their places and linked casualty groups.

A merged event is linked to the incident groups of claims that share one of
its documents and match its place and dates (the reconcile event radius and
day window); the UCDP export splits deaths by side from those groups.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import select

from .. import knowledge
from ..knowledge.places import haversine_km
from ..reconcile.params import load_params
from ..settings import Settings
from ..store.db import Store
from ..store.schema import claim_groups, contradictions, documents, event_mentions, merged_events

DATA = Path(__file__).parent / "data" / "acled.yaml"


@lru_cache(maxsize=1)
def codes() -> dict:
    with DATA.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def admin_names(place_id: str | None, settings: Settings | None) -> dict:
    """admin1/admin2 (English names where known), country code and level of a place."""
    out = {"admin1": "", "admin2": "", "admin3": "", "country": "", "level": None, "name": "", "name_en": ""}
    if not place_id:
        return out
    gaz = knowledge.load(settings).gazetteer
    p = gaz.get(place_id)
    if p is None:
        return out
    out.update(country=p.country, level=p.level, name=p.name, name_en=p.name_en or p.name)
    for a in [p, *gaz.parents(p)]:
        if a.level == "governorate" and not out["admin1"]:
            out["admin1"] = (a.name_en or a.name).replace(" Governorate", "")
        elif a.level == "district" and not out["admin2"]:
            out["admin2"] = (a.name_en or a.name).replace(" District", "")
    return out


def iter_events(store: Store, since: date | None = None, until: date | None = None,
                include_denied: bool = False) -> Iterator[dict]:
    """Merged events (as dicts), oldest first, with their outlets and contradictions."""
    q = select(merged_events).order_by(merged_events.c.date_start.nulls_last(), merged_events.c.id)
    if since:
        q = q.where(merged_events.c.date_end >= since)
    if until:
        q = q.where(merged_events.c.date_start <= until)
    if not include_denied:
        q = q.where(merged_events.c.status != "denied")
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
        outlets = dict(conn.execute(select(documents.c.id, documents.c.outlet)).all())
        dates = dict(conn.execute(select(documents.c.id, documents.c.published)).all())
        xs: dict[str, list[dict]] = {}
        for r in conn.execute(select(contradictions).where(contradictions.c.entity == "event")).mappings():
            xs.setdefault(r["entity_id"], []).append(dict(r))
    for r in rows:
        r["outlets"] = sorted({outlets.get(d) or "?" for d in r["doc_ids"] or ()})
        r["doc_dates"] = sorted(d.isoformat() for d in (dates.get(x) for x in r["doc_ids"] or ()) if d)
        r["contradictions"] = xs.get(r["id"], [])
        yield r


def linked_groups(store: Store, settings: Settings | None = None) -> dict[str, list[dict]]:
    """Merged event id -> incident claim groups that share a document and match its place and dates."""
    p = load_params(settings)
    with store.engine.connect() as conn:
        groups = [dict(r) for r in conn.execute(select(claim_groups).where(claim_groups.c.total == 0))
                  .mappings()]
        ev = {r["id"]: dict(r) for r in conn.execute(select(
            merged_events.c.id, merged_events.c.place_id, merged_events.c.lat, merged_events.c.lon,
            merged_events.c.date_start, merged_events.c.date_end, merged_events.c.doc_ids)).mappings()}
        by_doc: dict[str, set[str]] = {}
        for eid, d in conn.execute(select(event_mentions.c.event_id, event_mentions.c.doc_id)
                                   .where(event_mentions.c.event_id.is_not(None))):
            by_doc.setdefault(d, set()).add(eid)
    out: dict[str, list[dict]] = {}
    for g in groups:
        cands = set().union(*(by_doc.get(d, set()) for d in g["doc_ids"] or ())) if g["doc_ids"] else set()
        for eid in sorted(cands):
            e = ev[eid]
            if not _dates_match(e, g, p.event_days) or not _place_match(e, g, p.event_km):
                continue
            out.setdefault(eid, []).append(g)
            break  # a group's dead are counted in one event only
    return out


def _dates_match(e: dict, g: dict, days: int) -> bool:
    if e["date_start"] is None or g["date_start"] is None:
        return e["date_start"] is None and g["date_start"] is None
    return (g["date_start"] - e["date_end"]).days <= days and (e["date_start"] - g["date_end"]).days <= days


def _place_match(e: dict, g: dict, km: float) -> bool:
    if e["place_id"] and e["place_id"] == g["place_id"]:
        return True
    if None in (e["lat"], e["lon"], g["lat"], g["lon"]):
        return not e["place_id"] or not g["place_id"]
    return haversine_km(e["lat"], e["lon"], g["lat"], g["lon"]) <= km


def actor_fields(actor_id: str | None, side: str | None, country: str, settings: Settings | None) -> tuple[str, int]:
    """(ACLED actor name, inter code) of an actor id, else of the side's default actor."""
    if actor_id:
        a = knowledge.load(settings).actors.get(actor_id)
        if a is not None:
            return a.acled_name or a.name_en, a.inter
    if side:
        d = codes()["side_actor"].get(country or "SY", {}).get(side)
        if d:
            return d["name"], int(d["inter"])
    return "", 0
