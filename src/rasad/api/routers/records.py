"""The reconciled record: merged events (and the map), claims, estimates, contradictions, stories, series."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from sqlalchemy import and_, func, or_, select

from ...reconcile import query as rc
from ...store.schema import claim_groups, claims, contradictions, event_mentions, merged_events
from .. import schemas as S
from ..deps import (ApiError, BboxQ, ClaimKind, ClaimStatus, DateFromQ, DateToQ, FiltersDep, Grade, PlaceQ,
                    RecordStatus, SettingsDep, SideQ, SourceQ, StoreDep, Text, _v, check_dates, parse_bbox,
                    resolve_place)
from ..rows import claim_rows, mention_rows, plain_json

router = APIRouter(prefix="/api", tags=["record"])

IdPath = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_:.-]+$", description="the stable id (E… or G…)")]
TypeQ = Annotated[Text | None, Query(description="ACLED sub-event type, e.g. 'Air/drone strike'.")]
FamilyQ = Annotated[Text | None, Query(description="ACLED event type, e.g. 'Battles'.")]
KindQ = Annotated[ClaimKind | None, Query(description="What is counted.")]
ActorQ = Annotated[Text | None, Query(description="An actor id (see /api/actors).")]


# --------------------------------------------------------------------------- events

@router.get("/events", response_model=S.Page[S.EventRow], summary="Merged events")
def list_events(store: StoreDep, settings: SettingsDep, f: FiltersDep, type: TypeQ = None, family: FamilyQ = None,
                actor: ActorQ = None, status: Annotated[RecordStatus | None, Query()] = None):
    """Merged events (one per happening, every source kept), newest first."""
    page = rc.events_page(store, **f.query_args(), type=type, family=family, actor=actor, status=_v(status),
                          limit=f.limit, offset=f.offset, settings=settings)
    return {"items": [plain_json(r) for r in page.items], "total": page.total, "limit": f.limit,
            "offset": f.offset}


@router.get("/events/daily", response_model=S.EventDays, summary="Merged events counted per day and event type")
def event_days(store: StoreDep, settings: SettingsDep, bbox: BboxQ = None, date_from: DateFromQ = None,
               date_to: DateToQ = None, type: TypeQ = None, family: FamilyQ = None, side: SideQ = None,
               place: PlaceQ = None, source: SourceQ = None, actor: ActorQ = None,
               status: Annotated[RecordStatus | None, Query()] = None):
    """How many merged events match the filters on each day (by `date_start`) and ACLED event type (`family`),
    placed or not and without a cap: the timeline's histogram. Events with no date are counted in `undated`."""
    check_dates(date_from, date_to)
    t = merged_events
    conds = rc.event_conditions(place=resolve_place(place, settings), side=_v(side), since=date_from,
                                until=date_to, source=source, status=_v(status), bbox=parse_bbox(bbox), type=type,
                                family=family, actor=actor, settings=settings)
    day = func.coalesce(t.c.date_start, t.c.date_end)
    with store.engine.connect() as conn:
        rows = conn.execute(select(day, t.c.family, func.count()).where(*conds)
                            .group_by(day, t.c.family).order_by(day, t.c.family)).all()
    days = [{"date": d, "family": fam, "n": int(n)} for d, fam, n in rows if d is not None]
    undated = sum(int(n) for d, _, n in rows if d is None)
    return {"days": days, "undated": undated, "total": sum(x["n"] for x in days) + undated}


@router.get("/events/{event_id}", response_model=S.EventDetail, summary="One merged event with its mentions")
def get_event(store: StoreDep, event_id: IdPath):
    with store.engine.connect() as conn:
        row = conn.execute(select(merged_events).where(merged_events.c.id == event_id)).mappings().first()
        if row is None:
            raise ApiError(404, "not_found", f"no merged event {event_id!r}")
        mentions = mention_rows(conn, conn.execute(
            select(event_mentions).where(event_mentions.c.event_id == event_id)
            .order_by(event_mentions.c.doc_id, event_mentions.c.idx)).mappings().all())
        overlap = [and_(claims.c.doc_id == m["doc_id"], claims.c.evidence_start < m["evidence_end"],
                        claims.c.evidence_end > m["evidence_start"])
                   for m in mentions if m["evidence_start"] is not None and m["evidence_end"] is not None]
        cl = claim_rows(conn, conn.execute(select(claims).where(or_(*overlap)).order_by(claims.c.doc_id,
                                                                                         claims.c.idx))
                        .mappings().all()) if overlap else []
        xs = [dict(r) for r in conn.execute(select(contradictions).where(
            contradictions.c.entity == "event", contradictions.c.entity_id == event_id)
            .order_by(contradictions.c.id)).mappings()]
    return {**plain_json(row), "mentions": mentions, "claims": cl, "contradictions": xs}


MAP_COLS = (merged_events.c.id, merged_events.c.type, merged_events.c.family, merged_events.c.date_start,
            merged_events.c.date_end, merged_events.c.place, merged_events.c.actor1_side,
            merged_events.c.actor2_side, merged_events.c.fatalities_best, merged_events.c.status,
            merged_events.c.n_sources, merged_events.c.lon, merged_events.c.lat)


@router.get("/map/events", response_model=S.MapCollection, summary="Merged events as GeoJSON, for the map")
def map_events(store: StoreDep, settings: SettingsDep, bbox: BboxQ = None, date_from: DateFromQ = None,
               date_to: DateToQ = None, type: TypeQ = None, family: FamilyQ = None, side: SideQ = None,
               place: PlaceQ = None, source: SourceQ = None, actor: ActorQ = None,
               status: Annotated[RecordStatus | None, Query()] = None,
               limit: Annotated[int, Query(ge=1, le=50_000)] = 5000):
    """A GeoJSON FeatureCollection of the placed merged events matching the filters, newest first
    (at most `limit`; `total` says how many match)."""
    check_dates(date_from, date_to)
    t = merged_events
    conds = rc.event_conditions(place=resolve_place(place, settings), side=_v(side), since=date_from,
                                until=date_to, source=source, status=_v(status), bbox=parse_bbox(bbox), type=type,
                                family=family, actor=actor, settings=settings)
    conds += [t.c.lat.is_not(None), t.c.lon.is_not(None)]
    order = (t.c.date_start.desc().nulls_last(), t.c.id)
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            features, n = _features_sqlite(conn, conds, order, limit)
        else:
            features, n = _features_python(conn, conds, order, limit)
        total = n if n < limit else conn.execute(select(func.count()).select_from(t).where(*conds)).scalar_one()
    # the body is assembled as text (its shape is MapCollection's): validating and encoding thousands of
    # features in Python would cost more than the query
    body = f'{{"type":"FeatureCollection","features":{features},"total":{int(total)},"limit":{limit}}}'
    return Response(body, media_type="application/json")


def _features_sqlite(conn, conds, order, limit) -> tuple[str, int]:
    """The features as one JSON array built by SQLite's JSON functions (in C, in the query's order)."""
    inner = select(*MAP_COLS).where(*conds).order_by(*order).limit(limit).subquery()
    c = inner.c
    props = func.json_object("id", c.id, "type", c.type, "family", c.family, "date_start", c.date_start,
                             "date_end", c.date_end, "place", c.place, "actor1_side", c.actor1_side,
                             "actor2_side", c.actor2_side, "fatalities_best", c.fatalities_best, "status", c.status,
                             "n_sources", c.n_sources)
    feature = func.json_object("type", "Feature", "id", c.id, "geometry", func.json_object(
        "type", "Point", "coordinates", func.json_array(c.lon, c.lat)), "properties", props)
    features, n = conn.execute(select(func.coalesce(func.json_group_array(func.json(feature)), "[]"),
                                      func.count())).one()
    return features, int(n)


def _features_python(conn, conds, order, limit) -> tuple[str, int]:
    rows = conn.execute(select(*MAP_COLS).where(*conds).order_by(*order).limit(limit)).all()
    feats = [{"type": "Feature", "id": r[0],
              "geometry": {"type": "Point", "coordinates": [r[11], r[12]]},
              "properties": {"id": r[0], "type": r[1], "family": r[2],
                             "date_start": r[3].isoformat() if r[3] else None,
                             "date_end": r[4].isoformat() if r[4] else None, "place": r[5], "actor1_side": r[6],
                             "actor2_side": r[7], "fatalities_best": r[8], "status": r[9], "n_sources": r[10]}}
             for r in rows]
    return json.dumps(feats, ensure_ascii=False, separators=(",", ":")), len(rows)


# --------------------------------------------------------------------------- claims

@router.get("/claims", response_model=S.Page[S.ClaimRow], summary="Claims")
def list_claims(store: StoreDep, settings: SettingsDep, f: FiltersDep, kind: KindQ = None,
                grade: Annotated[Grade | None, Query()] = None,
                status: Annotated[ClaimStatus | None, Query()] = None, actor: ActorQ = None,
                group: Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_:.-]+$",
                                                   description="Only this estimate's (group's) claims.")] = None,
                doc: Annotated[str | None, Query(max_length=255, pattern=r"^[^\x00]+$",
                                                 description="Only this document's claims.")] = None):
    """Casualty and other counted claims with grade, group and independent source, latest first."""
    page = rc.claims_page(store, **f.query_args(), kind=_v(kind), grade=_v(grade), status=_v(status), actor=actor,
                          group_id=group, doc_id=doc, limit=f.limit, offset=f.offset, settings=settings)
    with store.engine.connect() as conn:
        items = claim_rows(conn, page.items)
    return {"items": items, "total": page.total, "limit": f.limit, "offset": f.offset}


@router.get("/claims/{claim_id}", response_model=S.ClaimRow, summary="One claim")
def get_claim(store: StoreDep, claim_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="the claim's id")]):
    with store.engine.connect() as conn:
        row = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
        if row is None:
            raise ApiError(404, "not_found", f"no claim {claim_id}")
        return claim_rows(conn, [row])[0]


# --------------------------------------------------------------------------- estimates

@router.get("/estimates", response_model=S.Page[S.EstimateRow], summary="Estimates (groups of comparable claims)")
def list_estimates(store: StoreDep, settings: SettingsDep, f: FiltersDep, kind: KindQ = None,
                   status: Annotated[RecordStatus | None, Query()] = None,
                   total: Annotated[bool | None, Query(description="true: running totals; false: incidents")] = None):
    """Groups of comparable claims with low/best/high and ACLED's conservative figure."""
    page = rc.estimates_page(store, **f.query_args(), kind=_v(kind), status=_v(status), total=total,
                             limit=f.limit, offset=f.offset, settings=settings)
    return {"items": [plain_json(r) for r in page.items], "total": page.total, "limit": f.limit,
            "offset": f.offset}


@router.get("/estimates/{group_id}", response_model=S.EstimateDetail, summary="One estimate with its claims")
def get_estimate(store: StoreDep, group_id: IdPath):
    with store.engine.connect() as conn:
        row = conn.execute(select(claim_groups).where(claim_groups.c.id == group_id)).mappings().first()
        if row is None:
            raise ApiError(404, "not_found", f"no estimate (claim group) {group_id!r}")
        members = claim_rows(conn, conn.execute(select(claims).where(claims.c.group_id == group_id)
                                                .order_by(claims.c.date_end.desc().nulls_last(), claims.c.id))
                             .mappings().all())
        xs = [dict(r) for r in conn.execute(select(contradictions).where(
            contradictions.c.entity == "group", contradictions.c.entity_id == group_id)
            .order_by(contradictions.c.id)).mappings()]
    return {**plain_json(row), "claims": members, "contradictions": xs}


# --------------------------------------------------------------------------- contradictions, stories, series

@router.get("/contradictions", response_model=S.Page[S.ContradictionRow], summary="Contradictions")
def list_contradictions(store: StoreDep, settings: SettingsDep, f: FiltersDep, kind: Annotated[Text | None, Query(
        description="claim kind (killed …) or event type/family")] = None,
        entity: Annotated[str | None, Query(pattern="^(group|event)$",
                                            description="group (between claims) or event (about an event)")] = None):
    """Disagreements: both sides' figures, sources and affiliations, largest gap first."""
    args = f.query_args()
    page = rc.contradictions_page(store, **args, kind=kind, entity=entity, limit=f.limit, offset=f.offset,
                                  settings=settings)
    return {"items": page.items, "total": page.total, "limit": f.limit, "offset": f.offset}


@router.get("/stories", response_model=S.Page[S.Story], summary="Stories told by several documents")
def list_stories(store: StoreDep, settings: SettingsDep, date_from: DateFromQ = None, date_to: DateToQ = None,
                 place: PlaceQ = None, kind: Annotated[Text | None, Query(
                     description="event type or family")] = None,
                 min_documents: Annotated[int, Query(ge=1, le=1000)] = 2,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0):
    """Merged events reported by at least `min_documents` documents, each with its documents."""
    check_dates(date_from, date_to)
    page = rc.stories(store, place=resolve_place(place, settings), since=date_from, until=date_to, kind=kind,
                      min_documents=min_documents, limit=limit, offset=offset, settings=settings)
    return {"items": [plain_json(r) for r in page.items], "total": page.total, "limit": limit, "offset": offset}


@router.get("/series", response_model=S.Series, summary="Running totals per source")
def get_series(store: StoreDep, settings: SettingsDep, kind: KindQ = ClaimKind.killed, side: SideQ = None,
               place: PlaceQ = None, source: SourceQ = None, date_from: DateFromQ = None, date_to: DateToQ = None):
    """Per group of running totals and per independent source, the totals it claimed over time
    (points dated by the claim's window end, else the document's date); what the timeline draws."""
    check_dates(date_from, date_to)
    lines = rc.series(store, side=_v(side), kind=_v(kind), place=resolve_place(place, settings), source=source,
                      settings=settings)
    out = []
    for s in lines:
        pts = [p for p in s["points"] if (date_from is None or (p["date"] and p["date"] >= date_from))
               and (date_to is None or (p["date"] and p["date"] <= date_to))]
        if pts:
            out.append({"key": s["source_key"], "name": s["source"], "affiliation": s["affiliation"],
                        "group_id": s["group_id"], "kind": s["kind"], "side": s["side"], "points": pts})
    return {"sources": out}
