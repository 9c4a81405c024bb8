"""Analysts' edits of claims: stored in `claim_edits` by (document, position), laid over the machine's claim."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.engine import Connection

from ..store.schema import claim_edits


def edits_of(conn: Connection, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict]:
    """(doc_id, idx) → {grade, status, note, edited_at} for the claims that have an edit."""
    out: dict[tuple[str, int], dict] = {}
    keys = sorted(set(keys))
    docs = sorted({d for d, _ in keys})
    for i in range(0, len(docs), 500):
        for r in conn.execute(select(claim_edits).where(claim_edits.c.doc_id.in_(docs[i:i + 500]))).mappings():
            k = (r["doc_id"], r["idx"])
            out[k] = {"grade": r["grade"], "status": r["status"], "note": r["note"],
                      "edited_at": _iso(r["edited_at"])}
    wanted = set(keys)
    return {k: v for k, v in out.items() if k in wanted}


def _iso(t) -> str:
    if isinstance(t, datetime):
        return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).isoformat()
    return str(t)


def save_edit(conn: Connection, doc_id: str, idx: int, changes: dict) -> None:
    """Merge `changes` (grade, status, note; None clears a field) into the claim's edit; no field left deletes it."""
    old = conn.execute(select(claim_edits).where(and_(claim_edits.c.doc_id == doc_id, claim_edits.c.idx == idx))
                       ).mappings().first()
    row = {"grade": None, "status": None, "note": None, **({k: old[k] for k in ("grade", "status", "note")}
                                                           if old else {}), **changes}
    conn.execute(delete(claim_edits).where(or_(and_(claim_edits.c.doc_id == doc_id, claim_edits.c.idx == idx))))
    if any(row[k] is not None for k in ("grade", "status", "note")):
        conn.execute(insert(claim_edits).values(doc_id=doc_id, idx=idx, edited_at=datetime.now(timezone.utc), **row))
