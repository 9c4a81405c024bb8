"""Saving and loading extraction results; the row form reconcile and the API read.

`save_extraction(store, doc_id, extraction)` replaces whatever was stored for
that document in one transaction: the whole Extraction as JSON (it
round-trips exactly through `load_extractions`) plus one row per claim and per
event mention, with the evidence sentence copied out so listings need no
document text. The reconciled groups and events the old rows belonged to are
marked dirty, so the next `rasad.reconcile.reconcile(..., doc_ids)` recomputes
them (a re-extraction may split a group).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import delete, insert, select

from ..model import Attribution, CampaignDay, Claim, Control, Event, Extraction, Mention, PlaceRef
from .db import Store, StoreError
from .schema import campaign_days, claims, control, documents, event_mentions, extractions, reconcile_dirty

# --------------------------------------------------------------------------- JSON form


def _plain(x: Any) -> Any:
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    return x


def extraction_to_dict(ex: Extraction) -> dict:
    """The Extraction as JSON-ready data (dates as ISO strings)."""
    return _plain(dataclasses.asdict(ex))


def _date(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def _attr(d: dict) -> Attribution:
    return Attribution(**{**d, "via": tuple(d.get("via") or ())})


def _dated(d: dict) -> dict:
    return {**d, "date_start": _date(d.get("date_start")), "date_end": _date(d.get("date_end"))}


def extraction_from_dict(d: dict) -> Extraction:
    return Extraction(
        doc_id=d["doc_id"], outlet=d.get("outlet"), published=_date(d.get("published")),
        claims=tuple(Claim(**{**_dated(c), "source": _attr(c["source"])}) for c in d.get("claims", ())),
        events=tuple(Event(**{**_dated(e), "source": _attr(e["source"])}) for e in d.get("events", ())),
        control=tuple(Control(**{**_dated(k), "source": _attr(k["source"])}) for k in d.get("control", ())),
        places=tuple(PlaceRef(**{**p, "spans": tuple(tuple(s) for s in p.get("spans", ()))})
                     for p in d.get("places", ())),
        mentions=tuple(Mention(**m) for m in d.get("mentions", ())),
        campaign_days=tuple(CampaignDay(**c) for c in d.get("campaign_days", ())),
    )


# --------------------------------------------------------------------------- rows


def is_total(c: Claim, min_days: int) -> bool:
    """A claim compared with totals: cumulative wording, or a window of `min_days` days or more."""
    if c.cumulative:
        return True
    if c.date_start and c.date_end:
        return (c.date_end - c.date_start).days + 1 >= min_days
    return False


def _source_cols(a: Attribution) -> dict:
    return {"source_name": a.name, "source_affiliation": a.affiliation, "source_type": a.type,
            "source_via": list(a.via), "modality": a.modality}


def claim_row(doc_id: str, i: int, c: Claim, text: str, min_days: int) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "kind": c.kind, "side": c.side, "count": c.count, "upper": c.upper,
        "qualifier": c.qualifier, "status": c.status, "cumulative": int(c.cumulative),
        "total": int(is_total(c, min_days)), **_source_cols(c.source),
        "date_start": c.date_start, "date_end": c.date_end, "place": c.place, "place_id": c.place_id,
        "lat": c.lat, "lon": c.lon, "actor": c.actor, "confidence": c.confidence,
        "span_start": c.start, "span_end": c.end, "evidence_start": c.evidence_start,
        "evidence_end": c.evidence_end, "evidence": text[c.evidence_start:c.evidence_end] if text else None,
        "group_id": None, "grade": None, "source_key": None, "source_role": None, "copy": 0,
    }


def event_row(doc_id: str, i: int, e: Event, text: str) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "type": e.type, "family": e.family, "date_start": e.date_start,
        "date_end": e.date_end, "place": e.place, "place_id": e.place_id, "lat": e.lat, "lon": e.lon,
        "actor1": e.actor1, "actor1_side": e.actor1_side, "actor2": e.actor2, "actor2_side": e.actor2_side,
        "fatalities": e.fatalities, "status": e.status, **_source_cols(e.source), "confidence": e.confidence,
        "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "evidence_start": e.evidence_start,
        "evidence_end": e.evidence_end, "evidence": text[e.evidence_start:e.evidence_end] if text else None,
        "event_id": None, "source_key": None,
    }


def control_row(doc_id: str, i: int, k: Control, text: str) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "place": k.place, "place_id": k.place_id, "lat": k.lat, "lon": k.lon,
        "side": k.side, "actor": k.actor, "change": k.change, "date_start": k.date_start, "date_end": k.date_end,
        "status": k.status, "source_name": k.source.name, "source_affiliation": k.source.affiliation,
        "source_type": k.source.type, "confidence": k.confidence, "span_start": k.start, "span_end": k.end,
        "evidence_start": k.evidence_start, "evidence_end": k.evidence_end,
        "evidence": text[k.evidence_start:k.evidence_end] if text else None,
    }


# --------------------------------------------------------------------------- save / load


def save_extraction(store: Store, doc_id: str, extraction: Extraction) -> None:
    """Store one document's extraction, replacing any earlier one (one transaction)."""
    save_extractions(store, [(doc_id, extraction)])


def save_extractions(store: Store, items: Iterable[tuple[str, Extraction]]) -> None:
    """Store several documents' extractions in one transaction (all or none)."""
    from ..reconcile.params import load_params

    min_days = load_params().total_min_days
    items = list(items)
    if not items:
        return
    ids = [d for d, _ in items]
    now = datetime.now(timezone.utc)
    with store.transaction() as conn:
        texts: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            texts.update(conn.execute(select(documents.c.id, documents.c.text)
                                      .where(documents.c.id.in_(ids[i:i + 500]))).all())
        missing = [d for d in ids if d not in texts]
        if missing:
            raise StoreError(f"no stored document {missing[0]!r}: ingest it before saving its extraction")
        _mark_dirty(conn, ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            conn.execute(delete(claims).where(claims.c.doc_id.in_(chunk)))
            conn.execute(delete(event_mentions).where(event_mentions.c.doc_id.in_(chunk)))
            conn.execute(delete(extractions).where(extractions.c.doc_id.in_(chunk)))
            conn.execute(delete(campaign_days).where(campaign_days.c.doc_id.in_(chunk)))
            conn.execute(delete(control).where(control.c.doc_id.in_(chunk)))
        ex_rows, c_rows, e_rows, k_rows = [], [], [], []
        for doc_id, ex in items:
            text = texts[doc_id]
            ex_rows.append({"doc_id": doc_id, "outlet": ex.outlet, "published": ex.published,
                            "data": extraction_to_dict(ex), "saved_at": now})
            c_rows.extend(claim_row(doc_id, i, c, text, min_days) for i, c in enumerate(ex.claims))
            e_rows.extend(event_row(doc_id, i, e, text) for i, e in enumerate(ex.events))
            k_rows.extend(control_row(doc_id, i, k, text) for i, k in enumerate(ex.control))
        conn.execute(insert(extractions), ex_rows)
        day_rows = [{"doc_id": doc_id, "ordinal": c.ordinal, "place_id": c.place_id, "lat": c.lat, "lon": c.lon}
                    for doc_id, ex in items for c in ex.campaign_days]
        if day_rows:
            conn.execute(insert(campaign_days), day_rows)
        if c_rows:
            conn.execute(insert(claims), c_rows)
        if e_rows:
            conn.execute(insert(event_mentions), e_rows)
        if k_rows:
            conn.execute(insert(control), k_rows)


def _mark_dirty(conn, doc_ids: list[str]) -> None:
    """The groups and events the documents' old rows belonged to must be recomputed."""
    dirty: set[tuple[str, str]] = set()
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        dirty.update(("group", g) for g in conn.execute(
            select(claims.c.group_id).where(claims.c.doc_id.in_(chunk), claims.c.group_id.is_not(None))).scalars())
        dirty.update(("event", e) for e in conn.execute(
            select(event_mentions.c.event_id).where(event_mentions.c.doc_id.in_(chunk),
                                                    event_mentions.c.event_id.is_not(None))).scalars())
    if dirty:
        known = set(conn.execute(select(reconcile_dirty.c.entity, reconcile_dirty.c.entity_id)).all())
        new = [{"entity": a, "entity_id": b} for a, b in dirty - known]
        if new:
            conn.execute(insert(reconcile_dirty), new)


def load_extractions(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, Extraction]:
    """Stored extractions by document id (all of them when `doc_ids` is None)."""
    out: dict[str, Extraction] = {}
    with store.engine.connect() as conn:
        if doc_ids is None:
            rows = conn.execute(select(extractions.c.doc_id, extractions.c.data).order_by(extractions.c.doc_id))
            out.update((d, extraction_from_dict(data)) for d, data in rows)
        else:
            ids = list(dict.fromkeys(doc_ids))
            for i in range(0, len(ids), 500):
                rows = conn.execute(select(extractions.c.doc_id, extractions.c.data)
                                    .where(extractions.c.doc_id.in_(ids[i:i + 500])))
                out.update((d, extraction_from_dict(data)) for d, data in rows)
    return out


__all__ = ["extraction_from_dict", "extraction_to_dict", "is_total", "load_extractions", "save_extraction",
           "save_extractions"]


def backfill_control(conn, batch: int = 200) -> int:
    """Control rows for every stored extraction (migration 0006: extractions saved before the table existed)."""
    n, last = 0, ""
    while True:
        rows = conn.execute(select(extractions.c.doc_id, extractions.c.data, documents.c.text)
                            .join(documents, documents.c.id == extractions.c.doc_id)
                            .where(extractions.c.doc_id > last).order_by(extractions.c.doc_id).limit(batch)).all()
        if not rows:
            return n
        k_rows = [control_row(doc_id, i, k, text)
                  for doc_id, data, text in rows for i, k in enumerate(extraction_from_dict(data).control)]
        if k_rows:
            conn.execute(insert(control), k_rows)
        n += len(k_rows)
        last = rows[-1][0]


def documents_without_extraction(store: Store) -> list[str]:
    """Ids of stored documents that have no extraction yet (a run stopped between the two writes)."""
    with store.engine.connect() as conn:
        q = select(documents.c.id).where(~documents.c.id.in_(select(extractions.c.doc_id))).order_by(documents.c.id)
        return list(conn.execute(q).scalars())
