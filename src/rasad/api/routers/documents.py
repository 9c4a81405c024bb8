"""Documents: listing, one document with its clean text, highlighted spans and everything extracted from it."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from ...store.extractions import load_extractions
from ...store.schema import claims, documents, event_mentions
from .. import schemas as S
from ..deps import ApiError, DateFromQ, DateToQ, LimitQ, OffsetQ, SourceQ, StoreDep, Text, check_dates
from ..rows import claim_rows, counts_by_doc, mention_rows

router = APIRouter(prefix="/api", tags=["documents"])

DocPath = Annotated[str, Path(max_length=255, pattern=r"^[^\x00/]+$", description="the document's id")]


def _summaries(conn, rows: list[dict]) -> list[dict]:
    nc, ne = counts_by_doc(conn, [r["id"] for r in rows])
    return [{**r, "n_claims": nc.get(r["id"], 0), "n_events": ne.get(r["id"], 0)} for r in rows]


@router.get("/documents", response_model=S.Page[S.DocumentSummary], summary="Documents")
def list_documents(store: StoreDep, q: Annotated[Text | None, Query(
        description="Full-text search, Arabic-normalised (see /api/search)")] = None,
        source: SourceQ = None, outlet: Annotated[Text | None, Query(description="Exact outlet name")] = None,
        date_from: DateFromQ = None, date_to: DateToQ = None,
        duplicates: Annotated[bool | None, Query(description="true: only near-duplicates; false: only originals")]
        = None, limit: LimitQ = 100, offset: OffsetQ = 0):
    """Stored documents, newest first. `source` matches a fragment of the outlet's name."""
    from ...store.search import search_ids

    check_dates(date_from, date_to)
    t = documents
    conds = []
    if source:
        conds.append(t.c.outlet.like(f"%{source}%"))
    if outlet:
        conds.append(t.c.outlet == outlet)
    if date_from:
        conds.append(t.c.published >= date_from)
    if date_to:
        conds.append(t.c.published <= date_to)
    if duplicates is True:
        conds.append(t.c.duplicate_of.is_not(None))
    elif duplicates is False:
        conds.append(t.c.duplicate_of.is_(None))
    if q:
        conds.append(t.c.id.in_(search_ids(store, q)))
    from sqlalchemy import func

    cols = (t.c.id, t.c.title, t.c.outlet, t.c.published, t.c.url, t.c.duplicate_of)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t).where(*conds)).scalar_one()
        rows = [dict(r) for r in conn.execute(select(*cols).where(*conds).order_by(
            t.c.published.desc().nulls_last(), t.c.id).limit(limit).offset(offset)).mappings()]
        items = _summaries(conn, rows)
    return {"items": items, "total": int(total), "limit": limit, "offset": offset}


@router.get("/documents/{doc_id}", response_model=S.DocumentDetail, summary="One document, highlighted")
def get_document(store: StoreDep, doc_id: DocPath):
    """The clean text with spans to highlight (claims' numbers, events' triggers, control statements' places,
    mentions of places, actors and sources) and every claim, event mention, control statement and place
    extracted from it. Span offsets index `text`."""
    from .places import control_rows

    with store.engine.connect() as conn:
        doc = conn.execute(select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published,
                                  documents.c.url, documents.c.duplicate_of, documents.c.text,
                                  documents.c.published_evidence, documents.c.outlet_evidence)
                           .where(documents.c.id == doc_id)).mappings().first()
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        cl = claim_rows(conn, conn.execute(select(claims).where(claims.c.doc_id == doc_id)
                                           .order_by(claims.c.idx)).mappings().all())
        ev = mention_rows(conn, conn.execute(select(event_mentions).where(event_mentions.c.doc_id == doc_id)
                                             .order_by(event_mentions.c.idx)).mappings().all())
        ctl = control_rows(conn, doc_id=doc_id)
    ex = load_extractions(store, [doc_id]).get(doc_id)
    spans = _spans(cl, ev, ctl, ex)
    places = [{"name": p.name, "place_id": p.place_id, "lat": p.lat, "lon": p.lon, "level": p.level,
               "spans": [list(s) for s in p.spans]} for p in ex.places] if ex else []
    return {**dict(doc), "n_claims": len(cl), "n_events": len(ev), "spans": spans, "claims": cl, "events": ev,
            "control": ctl, "places": places}


def _spans(cl: list[dict], ev: list[dict], ctl: list[dict], ex) -> list[dict]:
    out = []
    for c in cl:
        if c["span_start"] is not None and c["span_end"] is not None:
            out.append({"start": c["span_start"], "end": c["span_end"], "kind": "claim", "ref": c["id"],
                        "label": f"{c['kind']} · {c['side']} · {c['count']}"})
    for e in ev:
        if e["trigger_start"] is not None and e["trigger_end"] is not None:
            out.append({"start": e["trigger_start"], "end": e["trigger_end"], "kind": "event", "ref": e["event_id"],
                        "label": e["type"]})
    for k in ctl:
        out.append({"start": k["span_start"], "end": k["span_end"], "kind": "control", "ref": k["id"],
                    "label": f"{k['side']} {k['change']} {k['place']}"})
    for m in ex.mentions if ex else ():
        if m.kind in ("place", "actor", "source"):
            out.append({"start": m.start, "end": m.end, "kind": m.kind, "ref": m.entity,
                        "label": m.text if not m.side else f"{m.text} ({m.side})"})
    seen: set[tuple] = set()
    unique = []
    for s in out:  # a mention the extractor recorded twice is highlighted once
        key = (s["start"], s["end"], s["kind"], s["ref"])
        if key not in seen:
            seen.add(key)
            unique.append(s)
    unique.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
    return unique
