"""Full-text search over documents, Arabic-normalised (rasad.store.search)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from .. import schemas as S
from ..deps import LimitQ, OffsetQ, StoreDep, Text

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/search", response_model=S.Page[S.SearchHit], summary="Full-text search")
def search(store: StoreDep, q: Annotated[Text, Query(description=(
        "Words to find, all of them, in the matching form: hamza seats, alef maqsura, taa marbuta, diacritics "
        "and tatweel do not matter (\u201cالاسود\u201d finds \u201cالأسود\u201d); a word also matches inside a "
        "longer one (with a clitic attached)."))],
        limit: LimitQ = 20, offset: OffsetQ = 0):
    """Documents containing every word of `q`, newest first, with a snippet around the first match and the
    offsets of every match in the document text."""
    from ...store.search import search as run

    hits, total = run(store, q, limit=limit, offset=offset)
    items = [{"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published, "url": h.url,
              "snippet": h.snippet, "snippet_start": h.snippet_start,
              "matches": [{"start": a, "end": b} for a, b in h.matches]} for h in hits]
    return {"items": items, "total": total, "limit": limit, "offset": offset}
