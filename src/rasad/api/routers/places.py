"""Places, actors, control statements and the store's statistics."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import func, or_, select, union_all

from ... import knowledge
from ...arabic.normalize import norm
from ...reconcile import query as rc
from ...store.schema import (claim_groups, claims, contradictions, control, documents, event_mentions,
                             merged_events)
from .. import schemas as S
from ..deps import (ActorQ, ApiError, BboxQ, DateFromQ, DateToQ, LimitQ, OffsetQ, PlaceQ, SettingsDep, SideQ,
                    SourceQ, StoreDep, Text, _v, check_dates, parse_bbox, resolve_place)

router = APIRouter(prefix="/api", tags=["places and actors"])


# --------------------------------------------------------------------------- control statements

def control_rows(conn, *, doc_id: str | None = None, place: str | None = None, since=None, until=None,
                 bbox=None, side: str | None = None, actor: str | None = None, source: str | None = None,
                 change: str | None = None, limit: int | None = None, offset: int = 0, settings=None,
                 count: bool = False):
    """Control statements as API rows, oldest first (with the total when `count`)."""
    t = control
    conds = rc.common_conditions(t, place=place, since=since, until=until, bbox=bbox, settings=settings) if (
        place or since or until or bbox) else []
    if doc_id:
        conds.append(t.c.doc_id == doc_id)
    if side:
        conds.append(t.c.side == side)
    if actor:
        conds.append(t.c.actor == actor)
    if change:
        conds.append(t.c.change == change)
    if source:
        conds.append(or_(t.c.source_name.like(f"%{source}%"), documents.c.outlet.like(f"%{source}%")))
    q = (select(t, documents.c.outlet, documents.c.published).join(documents, documents.c.id == t.c.doc_id)
         .where(*conds).order_by(func.coalesce(t.c.date_end, t.c.date_start, documents.c.published).nulls_last(),
                                 t.c.id))
    if limit is not None:
        q = q.limit(limit).offset(offset)
    rows = []
    for r in conn.execute(q).mappings():
        d = dict(r)
        d["date"] = d["date_end"] or d["date_start"] or d["published"]
        rows.append(d)
    if not count:
        return rows
    total = conn.execute(select(func.count()).select_from(t.join(documents, documents.c.id == t.c.doc_id))
                         .where(*conds)).scalar_one()
    return rows, int(total)


@router.get("/control", response_model=S.Page[S.ControlRow], summary="Control statements")
def list_control(store: StoreDep, settings: SettingsDep, date_from: DateFromQ = None, date_to: DateToQ = None,
                 bbox: BboxQ = None, place: PlaceQ = None, side: SideQ = None, actor: ActorQ = None,
                 source: SourceQ = None,
                 change: Annotated[str | None, Query(pattern="^(gained|holds)$", description="gained or holds")] = None,
                 limit: LimitQ = 100, offset: OffsetQ = 0):
    """Who took or holds which place, when, according to whom: oldest first (the order a map animates)."""
    check_dates(date_from, date_to)
    with store.engine.connect() as conn:
        rows, total = control_rows(conn, place=resolve_place(place, settings), since=date_from, until=date_to,
                                   bbox=parse_bbox(bbox), side=_v(side), actor=actor, source=source, change=change,
                                   limit=limit, offset=offset, settings=settings, count=True)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


# --------------------------------------------------------------------------- places

def _place_counts(conn) -> dict[str, dict]:
    """place id → {name, lat, lon, n_events, n_claims, n_control} over what the store holds."""
    out: dict[str, dict] = {}
    for key, table in (("n_events", merged_events), ("n_claims", claims), ("n_control", control)):
        for pid, name, lat, lon, n in conn.execute(
                select(table.c.place_id, func.min(table.c.place), func.min(table.c.lat), func.min(table.c.lon),
                       func.count()).where(table.c.place_id.is_not(None)).group_by(table.c.place_id)):
            d = out.setdefault(pid, {"id": pid, "name": name, "lat": lat, "lon": lon,
                                     "n_events": 0, "n_claims": 0, "n_control": 0})
            d[key] = int(n)
    return out


def _place_row(d: dict, gaz) -> dict:
    p = gaz.get(d["id"])
    if p is None:
        return {**d, "name": d["name"] or d["id"], "name_en": None, "precision": None, "parent": None,
                "country": None}
    return {**d, "name": p.name, "name_en": p.name_en, "lat": p.lat, "lon": p.lon, "precision": p.level,
            "parent": p.parent, "country": p.country}


@router.get("/places", response_model=S.Page[S.PlaceRow], summary="Places the record mentions")
def list_places(store: StoreDep, settings: SettingsDep, q: Annotated[Text | None, Query(
        description="A fragment of the name (Arabic, normalised; or English)")] = None, bbox: BboxQ = None,
        limit: LimitQ = 100, offset: OffsetQ = 0):
    """Places of merged events, claims and control statements, most mentioned first."""
    gaz = knowledge.load(settings).gazetteer
    box = parse_bbox(bbox)
    with store.engine.connect() as conn:
        rows = [_place_row(d, gaz) for d in _place_counts(conn).values()]
    if q:
        nq, lq = norm(q).strip(), q.strip().casefold()
        rows = [r for r in rows if nq in norm(r["name"]) or (r["name_en"] and lq in r["name_en"].casefold())]
    if box:
        s, w, n, e = box
        rows = [r for r in rows if r["lat"] is not None and s <= r["lat"] <= n and w <= r["lon"] <= e]
    rows.sort(key=lambda r: (-(r["n_events"] + r["n_claims"] + r["n_control"]), r["id"]))
    return {"items": rows[offset:offset + limit], "total": len(rows), "limit": limit, "offset": offset}


@router.get("/places/{place_id}", response_model=S.PlaceDetail, summary="One place with control over time")
def get_place(store: StoreDep, settings: SettingsDep,
              place_id: Annotated[str, Path(max_length=255, pattern=r"^[^\x00/]+$",
                                            description="a gazetteer id (gn:…, sy.…) or one the record gave")]):
    """The place, its enclosing places, counts over it and everything inside it, and the control statements
    about it and the places inside it, oldest first."""
    gaz = knowledge.load(settings).gazetteer
    p = gaz.get(place_id)
    with store.engine.connect() as conn:
        inside = rc.descendants(place_id, settings) or {place_id}
        counts = {}
        for key, table in (("n_events", merged_events), ("n_claims", claims), ("n_control", control)):
            counts[key] = int(conn.execute(select(func.count()).select_from(table)
                                           .where(table.c.place_id.in_(sorted(inside)))).scalar_one())
        if p is None:
            name = conn.execute(select(func.min(claims.c.place)).where(claims.c.place_id == place_id)).scalar() \
                or conn.execute(select(func.min(merged_events.c.place))
                                .where(merged_events.c.place_id == place_id)).scalar() \
                or conn.execute(select(func.min(control.c.place)).where(control.c.place_id == place_id)).scalar()
            if name is None:
                raise ApiError(404, "not_found", f"no place {place_id!r} in the gazetteer or the record")
        ctl = control_rows(conn, place=place_id, settings=settings)
    if p is None:
        base = {"id": place_id, "name": name, "name_en": None, "lat": None, "lon": None, "precision": None,
                "parent": None, "country": None, "parents": []}
    else:
        base = {"id": p.id, "name": p.name, "name_en": p.name_en, "lat": p.lat, "lon": p.lon, "precision": p.level,
                "parent": p.parent, "country": p.country, "parents": [a.id for a in gaz.parents(p)]}
    return {**base, **counts, "control": ctl}


# --------------------------------------------------------------------------- actors

@router.get("/actors", response_model=S.Page[S.ActorRow], summary="Actors the record mentions")
def list_actors(store: StoreDep, settings: SettingsDep, side: SideQ = None, q: Annotated[Text | None, Query(
        description="A fragment of the name (Arabic, normalised; or English)")] = None,
        limit: LimitQ = 100, offset: OffsetQ = 0):
    """Actors named by merged events, claims and control statements, most mentioned first."""
    actors = knowledge.load(settings).actors
    counts: dict[str, dict] = {}
    with store.engine.connect() as conn:
        for key, cols in (("n_events", (merged_events.c.actor1, merged_events.c.actor2)),
                          ("n_claims", (claims.c.actor,)), ("n_control", (control.c.actor,))):
            sub = union_all(*[select(c.label("a")).where(c.is_not(None)) for c in cols]).subquery()
            for a, n in conn.execute(select(sub.c.a, func.count()).group_by(sub.c.a)):
                d = counts.setdefault(a, {"id": a, "n_events": 0, "n_claims": 0, "n_control": 0})
                d[key] = int(n)
    rows = []
    for a, d in counts.items():
        act = actors.get(a)
        rows.append({**d, "name": act.name if act else a, "name_en": act.name_en if act else None,
                     "side": act.side if act else None})
    if side:
        rows = [r for r in rows if r["side"] == _v(side)]
    if q:
        nq, lq = norm(q).strip(), q.strip().casefold()
        rows = [r for r in rows if nq in norm(r["name"]) or (r["name_en"] and lq in r["name_en"].casefold())]
    rows.sort(key=lambda r: (-(r["n_events"] + r["n_claims"] + r["n_control"]), r["id"]))
    return {"items": rows[offset:offset + limit], "total": len(rows), "limit": limit, "offset": offset}


# --------------------------------------------------------------------------- stats

@router.get("/stats", response_model=S.Stats, summary="What the store holds", tags=["meta"])
def stats(store: StoreDep, request: Request):
    def n(table, *conds) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*conds)).scalar_one())

    with store.engine.connect() as conn:
        outlets = conn.execute(select(documents.c.outlet, func.count()).group_by(documents.c.outlet)
                               .order_by(func.count().desc(), documents.c.outlet)).all()
        d_min = [conn.execute(select(func.min(documents.c.published))).scalar(),
                 conn.execute(select(func.min(merged_events.c.date_start))).scalar(),
                 conn.execute(select(func.min(claims.c.date_start))).scalar()]
        d_max = [conn.execute(select(func.max(documents.c.published))).scalar(),
                 conn.execute(select(func.max(merged_events.c.date_end))).scalar(),
                 conn.execute(select(func.max(claims.c.date_end))).scalar()]
        places = conn.execute(select(func.count()).select_from(union_all(
            select(merged_events.c.place_id.label("p")).where(merged_events.c.place_id.is_not(None)),
            select(claims.c.place_id.label("p")).where(claims.c.place_id.is_not(None)),
            select(control.c.place_id.label("p")).where(control.c.place_id.is_not(None))).subquery()
            .select().distinct().subquery())).scalar_one()
        out = {"documents": n(documents), "near_duplicates": n(documents, documents.c.duplicate_of.is_not(None)),
               "claims": n(claims), "events": n(merged_events), "mentions": n(event_mentions),
               "estimates": n(claim_groups), "contradictions": n(contradictions), "control": n(control),
               "places": int(places)}
    out["outlets"] = [{"name": o, "documents": int(c)} for o, c in outlets]
    out["date_min"] = min((d for d in d_min if d), default=None)
    out["date_max"] = max((d for d in d_max if d), default=None)
    out["writable"] = bool(request.app.state.write_token)
    return out
