"""Writing: ingesting a document and analysts' edits of claims.

Only when the app has a write token (`rasad serve --write-token`), and only for
requests that present it as `Authorization: Bearer <token>`: otherwise 403
`write_disabled` (no token configured) or 401 `bad_token`. Writes are done one
at a time.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request
from sqlalchemy import func, select

from ...model import RawInput
from ...store.schema import claims, event_mentions
from .. import schemas as S
from ..deps import ApiError, SettingsDep, StoreDep
from ..edits import save_edit
from ..rows import claim_rows

router = APIRouter(prefix="/api", tags=["writing"])


def require_write(request: Request, authorization: Annotated[str | None, Header(
        max_length=1000, description="Bearer <the server's write token>")] = None) -> None:
    token = request.app.state.write_token
    if not token:
        raise ApiError(403, "write_disabled", "this server is read-only (start it with --write-token to write)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "bad_token", "writing needs the header 'Authorization: Bearer <write token>'")


WRITE_RESPONSES = {401: {"model": S.Error, "description": "No or a wrong write token."},
                   403: {"model": S.Error, "description": "The server is read-only."},
                   413: {"model": S.Error, "description": "The body is too large."}}


@router.post("/documents", response_model=S.DocumentStored, dependencies=[Depends(require_write)],
             responses=WRITE_RESPONSES, summary="Ingest a document")
def post_document(store: StoreDep, settings: SettingsDep, request: Request, body: S.DocumentIn):
    """Store one article (plain `text` or an `html` page), extract from it and reconcile, as `rasad ingest`
    does. The same text posted again is not stored twice (`stored` false); a near-duplicate is stored and linked
    to its original (`duplicate_of`)."""
    from ... import pipeline
    from ...ingest.fetch import url_id

    if (body.text is None) == (body.html is None):
        raise ApiError(422, "invalid_parameters", "give exactly one of text or html")
    data = body.text if body.text is not None else body.html
    if not data.strip():
        raise ApiError(422, "invalid_parameters", "the document is empty")
    doc_id = body.id or (url_id(body.url) if body.url else "api-" + hashlib.sha256(data.encode()).hexdigest()[:16])
    raw = RawInput(id=doc_id, source=f"api:{doc_id}", data=data, url=body.url,
                   published=body.published.isoformat() if body.published else None, outlet=body.outlet,
                   title=body.title, format="html" if body.html is not None else "text")
    with request.app.state.write_lock:
        report = pipeline.ingest([], store, settings, inputs=[raw])
    if report.problems:
        raise ApiError(422, "not_ingested", f"the document was not stored: {report.problems[0].reason}")
    if report.stored:
        stored_id = report.stored[0]
        dup = next((b for a, b, _ in report.near_duplicates if a == stored_id), None)
    else:  # the same text is already stored: name that document
        from ...ingest import to_document
        from ...store.schema import documents

        doc = to_document(raw, settings)
        with store.engine.connect() as conn:
            row = conn.execute(select(documents.c.id, documents.c.duplicate_of)
                               .where(documents.c.content_hash == doc.content_hash)).first()
        if row is None:
            raise ApiError(500, "internal_error", "the document was neither stored nor found")
        stored_id, dup = row
    with store.engine.connect() as conn:
        nc = conn.execute(select(func.count()).select_from(claims).where(claims.c.doc_id == stored_id)).scalar_one()
        ne = conn.execute(select(func.count()).select_from(event_mentions)
                          .where(event_mentions.c.doc_id == stored_id)).scalar_one()
    return {"id": stored_id, "stored": bool(report.stored), "duplicate_of": dup, "claims": int(nc),
            "events": int(ne)}


@router.patch("/claims/{claim_id}", response_model=S.ClaimRow, dependencies=[Depends(require_write)],
              responses=WRITE_RESPONSES, summary="An analyst's edit of a claim")
def patch_claim(store: StoreDep, request: Request, claim_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="the claim's id")],
                body: S.ClaimPatch):
    """Set the analyst's grade, status or note of a claim (a field sent as null clears it). The machine's
    values stay as reconciliation computed them; the claim carries the edit in `edit`, which survives
    re-reconciliation (it is keyed by the claim's document and position)."""
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise ApiError(422, "invalid_parameters", "give at least one of grade, status, note")
    with request.app.state.write_lock, store.transaction() as conn:
        row = conn.execute(select(claims.c.doc_id, claims.c.idx).where(claims.c.id == claim_id)).first()
        if row is None:
            raise ApiError(404, "not_found", f"no claim {claim_id}")
        save_edit(conn, row[0], row[1], changes)
    with store.engine.connect() as conn:
        return claim_rows(conn, conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().all())[0]
