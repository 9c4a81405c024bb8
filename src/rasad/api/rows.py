"""Rows from the store in the shapes the API returns (documents' metadata joined, analyst edits laid over)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..store.schema import claims, documents, event_mentions


def doc_meta(conn: Connection, ids: Iterable[str]) -> dict[str, dict]:
    """id → {title, outlet, published} for the documents named."""
    ids = sorted(set(ids))
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published)
                              .where(documents.c.id.in_(ids[i:i + 500]))).mappings():
            out[r["id"]] = {"title": r["title"], "outlet": r["outlet"], "published": r["published"]}
    return out


def with_doc_meta(conn: Connection, rows: list[dict]) -> list[dict]:
    meta = doc_meta(conn, (r["doc_id"] for r in rows))
    for r in rows:
        r.update(meta.get(r["doc_id"], {"title": None, "outlet": None, "published": None}))
    return rows


def claim_rows(conn: Connection, rows: list[dict]) -> list[dict]:
    """Claims with their document's title/outlet/date and the analyst's edit (if any)."""
    from .edits import edits_of

    rows = with_doc_meta(conn, [dict(r) for r in rows])
    edits = edits_of(conn, [(r["doc_id"], r["idx"]) for r in rows])
    for r in rows:
        r["edit"] = edits.get((r["doc_id"], r["idx"]))
    return rows


def mention_rows(conn: Connection, rows: list[dict]) -> list[dict]:
    return with_doc_meta(conn, [dict(r) for r in rows])


def counts_by_doc(conn: Connection, ids: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Claims and event mentions per document."""
    nc: dict[str, int] = {}
    ne: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        nc.update(conn.execute(select(claims.c.doc_id, func.count()).where(claims.c.doc_id.in_(chunk))
                               .group_by(claims.c.doc_id)).all())
        ne.update(conn.execute(select(event_mentions.c.doc_id, func.count())
                               .where(event_mentions.c.doc_id.in_(chunk)).group_by(event_mentions.c.doc_id)).all())
    return nc, ne


def plain_json(r: dict) -> dict:
    """A merged event or claim group row with its JSON lists never null."""
    r = dict(r)
    r.pop("updated_at", None)
    for k in ("sources", "doc_ids"):
        if r.get(k) is None:
            r[k] = []
    return r
