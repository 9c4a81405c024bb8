"""Reading reconciled results back, with filters and pagination (for the CLI and the web API).

Every function takes the store and keyword filters and returns a `Page`
(rows as plain dicts, total matching count). Filters:
- `place`: a gazetteer id (the place and everything inside it) or a name fragment;
- `side`: the counted side (claims, groups) or either actor's side (events);
- `kind`: claim kind (killed, wounded …) or, for events, the sub-event type or family;
- `since`/`until`: the row's dates overlap [since, until];
- `source`: a fragment of a source name or key;
- `bbox`: (south, west, north, east).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select

from .. import knowledge
from ..settings import Settings
from ..store.db import Store
from ..store.schema import (claim_edits, claim_groups, claims, contradictions, documents, event_mentions,
                            inferred_dates, merged_events, reconcile_log)


@dataclass
class Page:
    items: list[dict] = field(default_factory=list)
    total: int = 0

    def as_dict(self) -> dict:
        return {"total": self.total, "items": self.items}


def _descendants(place: str, settings: Settings | None) -> set[str]:
    gaz = knowledge.load(settings).gazetteer
    if gaz.get(place) is None:
        return set()
    out, todo = {place}, [place]
    while todo and len(out) < 5000:
        for ch in gaz.children(todo.pop()):
            if ch.id not in out:
                out.add(ch.id)
                todo.append(ch.id)
    return out


def _common(t, *, place=None, since=None, until=None, bbox=None, settings=None) -> list:
    conds = []
    if place:
        ids = _descendants(place, settings)
        c = t.c.place.like(f"%{place}%")
        conds.append(or_(t.c.place_id.in_(sorted(ids)), c) if ids else c)
    if since:
        conds.append(or_(t.c.date_end >= since, and_(t.c.date_end.is_(None), t.c.date_start >= since)))
    if until:
        conds.append(t.c.date_start <= until)
    if bbox:
        s, w, n, e = bbox
        conds.append(and_(t.c.lat >= s, t.c.lat <= n, t.c.lon >= w, t.c.lon <= e))
    return conds


def common_conditions(table, *, place=None, since=None, until=None, bbox=None, settings=None) -> list:
    """SQL conditions for the place/date/bbox filters on any table with place, place_id, dates, lat and lon."""
    return _common(table, place=place, since=since, until=until, bbox=bbox, settings=settings)


def descendants(place: str, settings: Settings | None = None) -> set[str]:
    """A gazetteer id and the ids of every place inside it (empty when the gazetteer does not know it)."""
    return _descendants(place, settings)


def _page(store: Store, table, conds, order, limit: int, offset: int) -> Page:
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(table).where(*conds)).scalar_one()
        rows = conn.execute(select(table).where(*conds).order_by(*order).limit(limit).offset(offset)).mappings().all()
    return Page([_plain(r) for r in rows], int(total))


def _plain(r) -> dict:
    d = dict(r)
    d.pop("updated_at", None)
    return d


def _src_like(table, source: str):
    like = f"%{source}%"
    return or_(table.c.source_name.like(like), table.c.source_key.like(like))


def claims_page(store: Store, *, place: str | None = None, side: str | None = None, kind: str | None = None,
                since: date | None = None, until: date | None = None, source: str | None = None,
                grade: str | None = None, group_id: str | None = None, doc_id: str | None = None,
                bbox: tuple[float, float, float, float] | None = None, limit: int = 50, offset: int = 0,
                settings: Settings | None = None, status: str | None = None, actor: str | None = None) -> Page:
    """Claims with their group, grade and independent source.

    `grade` and `status` match what an analyst set for the claim (`claim_edits`) where there is an edit of
    that field, else the machine's value."""
    t = claims
    conds = _common(t, place=place, since=since, until=until, bbox=bbox, settings=settings)
    if side:
        conds.append(t.c.side == side)
    if kind:
        conds.append(t.c.kind == kind)
    if source:
        conds.append(_src_like(t, source))
    if grade:
        conds.append(_edited(t, "grade") == grade)
    if group_id:
        conds.append(t.c.group_id == group_id)
    if doc_id:
        conds.append(t.c.doc_id == doc_id)
    if status:
        conds.append(_edited(t, "status") == status)
    if actor:
        conds.append(t.c.actor == actor)
    return _page(store, t, conds, (t.c.date_end.desc().nulls_last(), t.c.id), limit, offset)


def _edited(t, column: str):
    """A claim's `column` as an analyst edited it (claim_edits), else the machine's value."""
    e = claim_edits
    edit = select(e.c[column]).where(e.c.doc_id == t.c.doc_id, e.c.idx == t.c.idx).scalar_subquery()
    return func.coalesce(edit, t.c[column])


def estimates_page(store: Store, *, place: str | None = None, side: str | None = None, kind: str | None = None,
                   since: date | None = None, until: date | None = None, source: str | None = None,
                   total: bool | None = None, status: str | None = None,
                   bbox: tuple[float, float, float, float] | None = None, limit: int = 50, offset: int = 0,
                   settings: Settings | None = None) -> Page:
    """Groups of comparable claims with low/best/high/conservative and status."""
    t = claim_groups
    conds = _common(t, place=place, since=since, until=until, bbox=bbox, settings=settings)
    if side:
        conds.append(t.c.side == side)
    if kind:
        conds.append(t.c.kind == kind)
    if total is not None:
        conds.append(t.c.total == int(total))
    if status:
        conds.append(t.c.status == status)
    if source:
        conds.append(t.c.id.in_(select(claims.c.group_id).where(_src_like(claims, source))))
    return _page(store, t, conds, (t.c.date_end.desc().nulls_last(), t.c.best.desc().nulls_last(), t.c.id),
                 limit, offset)


def event_conditions(*, place: str | None = None, side: str | None = None, kind: str | None = None,
                     since: date | None = None, until: date | None = None, source: str | None = None,
                     status: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                     type: str | None = None, family: str | None = None, actor: str | None = None,
                     settings: Settings | None = None) -> list:
    """SQL conditions on `merged_events` for the filters (events_page, the web map and exports share them)."""
    t = merged_events
    conds = _common(t, place=place, since=since, until=until, bbox=bbox, settings=settings)
    if side:
        conds.append(or_(t.c.actor1_side == side, t.c.actor2_side == side))
    if kind:
        conds.append(or_(t.c.type == kind, t.c.family == kind))
    if type:
        conds.append(t.c.type == type)
    if family:
        conds.append(t.c.family == family)
    if actor:
        conds.append(or_(t.c.actor1 == actor, t.c.actor2 == actor))
    if status:
        conds.append(t.c.status == status)
    if source:
        conds.append(t.c.id.in_(select(event_mentions.c.event_id).where(_src_like(event_mentions, source))))
    return conds


def events_page(store: Store, *, place: str | None = None, side: str | None = None, kind: str | None = None,
                since: date | None = None, until: date | None = None, source: str | None = None,
                status: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                type: str | None = None, family: str | None = None, actor: str | None = None,
                limit: int = 50, offset: int = 0, settings: Settings | None = None) -> Page:
    """Merged events (one per happening, every mention and source kept)."""
    t = merged_events
    conds = event_conditions(place=place, side=side, kind=kind, since=since, until=until, source=source,
                             status=status, bbox=bbox, type=type, family=family, actor=actor, settings=settings)
    return _page(store, t, conds, (t.c.date_start.desc().nulls_last(), t.c.id), limit, offset)


def event_mentions_of(store: Store, event_id: str) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(event_mentions).where(event_mentions.c.event_id == event_id)
                                              .order_by(event_mentions.c.doc_id, event_mentions.c.idx)).mappings()]


def contradictions_page(store: Store, *, place: str | None = None, side: str | None = None,
                        kind: str | None = None, since: date | None = None, until: date | None = None,
                        source: str | None = None, entity: str | None = None, limit: int = 50, offset: int = 0,
                        settings: Settings | None = None,
                        bbox: tuple[float, float, float, float] | None = None) -> Page:
    """Contradictions with both sides (count, source, affiliation, document) and the group or event."""
    conds = []
    if entity:
        conds.append(contradictions.c.entity == entity)
    g_conds = _common(claim_groups, place=place, since=since, until=until, bbox=bbox, settings=settings)
    if side:
        g_conds.append(claim_groups.c.side == side)
    if kind:
        g_conds.append(claim_groups.c.kind == kind)
    if g_conds or source:
        gq = select(claim_groups.c.id).where(*g_conds)
        if source:
            gq = gq.where(claim_groups.c.id.in_(select(claims.c.group_id).where(_src_like(claims, source))))
        e_conds = _common(merged_events, place=place, since=since, until=until, bbox=bbox, settings=settings)
        if side:
            e_conds.append(or_(merged_events.c.actor1_side == side, merged_events.c.actor2_side == side))
        if kind:
            e_conds.append(or_(merged_events.c.type == kind, merged_events.c.family == kind))
        eq = select(merged_events.c.id).where(*e_conds)
        if source:
            eq = eq.where(merged_events.c.id.in_(select(event_mentions.c.event_id)
                                                 .where(_src_like(event_mentions, source))))
        conds.append(or_(and_(contradictions.c.entity == "group", contradictions.c.entity_id.in_(gq)),
                         and_(contradictions.c.entity == "event", contradictions.c.entity_id.in_(eq))))
    page = _page(store, contradictions, conds, (contradictions.c.gap.desc().nulls_last(), contradictions.c.id),
                 limit, offset)
    gids = sorted({r["entity_id"] for r in page.items if r["entity"] == "group"})
    if gids:
        with store.engine.connect() as conn:
            groups = {r["id"]: r for r in conn.execute(
                select(claim_groups.c.id, claim_groups.c.kind, claim_groups.c.side, claim_groups.c.total,
                       claim_groups.c.place, claim_groups.c.date_start, claim_groups.c.date_end)
                .where(claim_groups.c.id.in_(gids))).mappings()}
        for r in page.items:
            if r["entity"] == "group" and r["entity_id"] in groups:
                r["group"] = dict(groups[r["entity_id"]])
    return page


def stories(store: Store, *, place: str | None = None, since: date | None = None, until: date | None = None,
            kind: str | None = None, min_documents: int = 2, limit: int = 50, offset: int = 0,
            settings: Settings | None = None) -> Page:
    """Happenings told by several documents: each merged event with its documents (outlet, date, title)."""
    t = merged_events
    conds = _common(t, place=place, since=since, until=until, settings=settings)
    conds.append(t.c.n_mentions >= min_documents)  # a document gives at least one mention
    if kind:
        conds.append(or_(t.c.type == kind, t.c.family == kind))
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(t).where(*conds).order_by(
            t.c.date_start.desc().nulls_last(), t.c.id)).mappings() if len(r["doc_ids"] or []) >= min_documents]
        total = len(rows)
        rows = rows[offset:offset + limit]
        doc_ids = sorted({d for r in rows for d in r["doc_ids"]})
        meta = {}
        for i in range(0, len(doc_ids), 500):
            for r in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.published,
                                         documents.c.title, documents.c.duplicate_of)
                                  .where(documents.c.id.in_(doc_ids[i:i + 500]))).mappings():
                meta[r["id"]] = dict(r)
    for r in rows:
        r.pop("updated_at", None)
        r["documents"] = [meta.get(d, {"id": d}) for d in r["doc_ids"]]
    return Page(rows, total)


def series(store: Store, *, side: str | None = None, kind: str | None = "killed", place: str | None = None,
           source: str | None = None, settings: Settings | None = None) -> list[dict]:
    """Running totals: per group of totals and per independent source, its claimed totals over time."""
    conds = [claims.c.total == 1, claims.c.status != "denied", claims.c.group_id.is_not(None)]
    if side:
        conds.append(claims.c.side == side)
    if kind:
        conds.append(claims.c.kind == kind)
    if source:
        conds.append(_src_like(claims, source))
    conds += _common(claims, place=place, settings=settings)
    with store.engine.connect() as conn:
        rows = conn.execute(select(claims.c.id, claims.c.group_id, claims.c.source_key, claims.c.source_name,
                                   claims.c.source_affiliation, claims.c.kind,
                                   claims.c.side, claims.c.count, claims.c.date_start, claims.c.date_end,
                                   claims.c.doc_id, claims.c.grade, claims.c.copy, documents.c.published,
                                   inferred_dates.c.date.label("inferred"))
                            .join(documents, documents.c.id == claims.c.doc_id)
                            .outerjoin(inferred_dates, inferred_dates.c.doc_id == claims.c.doc_id)
                            .where(*conds)).mappings().all()
    out: dict[tuple, dict] = {}
    for r in rows:
        if r["copy"]:
            continue
        k = (r["group_id"], r["source_key"])
        s = out.setdefault(k, {"group_id": r["group_id"], "source_key": r["source_key"], "source": r["source_name"],
                               "affiliation": r["source_affiliation"], "kind": r["kind"], "side": r["side"],
                               "points": []})
        s["points"].append({"date": r["date_end"] or r["published"] or r["inferred"], "window_start": r["date_start"],
                            "count": r["count"], "doc_id": r["doc_id"], "grade": r["grade"],
                            "claim_id": r["id"]})
    for s in out.values():
        s["points"].sort(key=lambda pt: (pt["date"] is None, pt["date"] or date.min, pt["count"]))
    return sorted(out.values(), key=lambda s: (s["group_id"], s["source_key"]))


def inferred_dates_of(store: Store, doc_ids: list[str] | None = None) -> dict[str, dict]:
    q = select(inferred_dates)
    if doc_ids is not None:
        q = q.where(inferred_dates.c.doc_id.in_(doc_ids))
    with store.engine.connect() as conn:
        return {r["doc_id"]: dict(r) for r in conn.execute(q).mappings()}


def change_log(store: Store, entity_id: str | None = None, limit: int = 200) -> list[dict]:
    q = select(reconcile_log).order_by(reconcile_log.c.id.desc()).limit(limit)
    if entity_id:
        q = q.where(or_(reconcile_log.c.entity_id == entity_id))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def group_members(store: Store, group_id: str) -> list[dict]:
    return claims_page(store, group_id=group_id, limit=10_000).items


__all__ = ["Page", "change_log", "claims_page", "common_conditions", "contradictions_page", "descendants",
           "estimates_page", "event_conditions", "event_mentions_of", "events_page", "group_members",
           "inferred_dates_of", "series", "stories"]
