"""Exports as downloads: ACLED and UCDP CSV and GeoJSON of merged events (rasad.export), claims and estimates CSV."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from sqlalchemy import select

from ...reconcile import query as rc
from ...store.schema import merged_events
from .. import schemas as S
from ..deps import ApiError, ClaimKind, FiltersDep, Grade, SettingsDep, StoreDep, Text, _v
from ..rows import claim_rows

router = APIRouter(prefix="/api", tags=["export"])


class ExportFormat(str, Enum):
    acled = "acled.csv"
    ucdp = "ucdp.csv"
    geojson = "events.geojson"
    claims = "claims.csv"
    estimates = "estimates.csv"


CLAIM_COLUMNS = [f.alias or n for n, f in S.ClaimRow.model_fields.items() if n != "edit"] + ["edit_grade", "edit_status", "edit_note"]
ESTIMATE_COLUMNS = list(S.EstimateRow.model_fields)
PAGE = 5000


def _csv(columns: list[str], rows) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(v) for k, v in r.items()})
    return buf.getvalue()


def _cell(v):
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return "" if v is None else v


def _paged(fetch):
    offset = 0
    while True:
        page = fetch(PAGE, offset)
        yield from page.items
        offset += PAGE
        if offset >= page.total or not page.items:
            return


@router.get("/export/{fmt}", summary="Download an export", response_class=Response, responses={
    200: {"description": "The file, as an attachment.",
          "content": {"text/csv": {"schema": {"type": "string"}},
                      "application/geo+json": {"schema": {"type": "object"}}}}})
def export(store: StoreDep, settings: SettingsDep, f: FiltersDep,
           fmt: Annotated[ExportFormat, Path(description="acled.csv, ucdp.csv, events.geojson (merged events); "
                                                         "claims.csv; estimates.csv")],
           kind: Annotated[Text | None, Query(description="claims/estimates: the kind counted")] = None,
           type: Annotated[Text | None, Query(description="events: ACLED sub-event type")] = None,
           family: Annotated[Text | None, Query(description="events: ACLED event type")] = None,
           grade: Annotated[Grade | None, Query(description="claims: the grade")] = None,
           status: Annotated[Text | None, Query(description="the status (asserted, contested, denied, rumored)")]
           = None):
    """The whole record, or the part the filters select (the same filters as /api/events, /api/claims and
    /api/estimates). `limit` and `offset` are ignored: an export has every matching row."""
    args = f.query_args()
    if fmt in (ExportFormat.claims, ExportFormat.estimates) and kind and kind not in ClaimKind.__members__:
        raise ApiError(422, "invalid_parameters", f"kind must be one of {', '.join(ClaimKind.__members__)}")
    if fmt is ExportFormat.claims:
        def fetch(limit, offset):
            return rc.claims_page(store, **args, kind=kind, grade=_v(grade), status=status, limit=limit,
                                  offset=offset, settings=settings)
        with store.engine.connect() as conn:
            rows = claim_rows(conn, list(_paged(fetch)))
        for r in rows:
            e = r.pop("edit") or {}
            r.update(edit_grade=e.get("grade"), edit_status=e.get("status"), edit_note=e.get("note"))
        return _file(_csv(CLAIM_COLUMNS, rows), fmt)
    if fmt is ExportFormat.estimates:
        def fetch(limit, offset):
            return rc.estimates_page(store, **args, kind=kind, status=status, limit=limit, offset=offset,
                                     settings=settings)
        return _file(_csv(ESTIMATE_COLUMNS, _paged(fetch)), fmt)
    filtered = any(v is not None for v in (*args.values(), type, family, status, kind))
    ids: set[str] | None = None
    if filtered:
        conds = rc.event_conditions(**args, kind=kind, type=type, family=family, status=status, settings=settings)
        with store.engine.connect() as conn:
            ids = set(conn.execute(select(merged_events.c.id).where(*conds)).scalars())
    if fmt is ExportFormat.geojson:
        from ...export.geojson import feature_collection

        fc = feature_collection(store, settings)
        if ids is not None:
            fc["features"] = [x for x in fc["features"] if x["id"] in ids]
        return _file(json.dumps(fc, ensure_ascii=False, default=str), fmt)
    if fmt is ExportFormat.acled:
        from ...export.acled import ACLED_COLUMNS, acled_rows

        rows = acled_rows(store, settings)
        if ids is not None:  # event_id_cnty is the country's ISO code (2-3 letters) then the rasad id ("E…")
            rows = (r for r in rows if r["event_id_cnty"][2:] in ids or r["event_id_cnty"][3:] in ids)
        return _file(_csv(list(ACLED_COLUMNS), rows), fmt)
    from ...export.ucdp import UCDP_COLUMNS, ucdp_rows

    rows = ucdp_rows(store, settings)
    if ids is not None:
        rows = (r for r in rows if r["id"] in ids)
    return _file(_csv(list(UCDP_COLUMNS), rows), fmt)


def _file(body: str, fmt: ExportFormat) -> Response:
    media = "application/geo+json" if fmt is ExportFormat.geojson else "text/csv; charset=utf-8"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="rasad-{fmt.value}"'})
