"""GeoJSON FeatureCollection (RFC 7946) of merged events: Point geometries in
(longitude, latitude) order; events without coordinates are left out (counted
in the collection's `rasad:unplaced` member)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TextIO

from ..settings import Settings
from ..store.db import Store
from .common import iter_events

PROPS = ("id", "type", "family", "place", "place_id", "level", "actor1", "actor1_side", "actor2", "actor2_side",
         "fatalities_low", "fatalities_best", "fatalities_high", "fatalities_conservative", "status",
         "n_mentions", "n_sources", "doc_ids", "outlets")


def feature_collection(store: Store, settings: Settings | None = None, since: date | None = None,
                       until: date | None = None) -> dict:
    features, unplaced = [], 0
    for e in iter_events(store, since, until, include_denied=True):
        if e["lat"] is None or e["lon"] is None:
            unplaced += 1
            continue
        props = {k: e[k] for k in PROPS}
        props["date_start"] = e["date_start"].isoformat() if e["date_start"] else None
        props["date_end"] = e["date_end"].isoformat() if e["date_end"] else None
        props["sources"] = [s.get("name") for s in e["sources"] or ()]
        props["disputes"] = len(e["contradictions"])
        features.append({"type": "Feature", "id": e["id"],
                         "geometry": {"type": "Point", "coordinates": [round(e["lon"], 6), round(e["lat"], 6)]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features, "rasad:unplaced": unplaced}


def write_geojson(store: Store, out: TextIO | str | Path, settings: Settings | None = None, **filters) -> int:
    fc = feature_collection(store, settings, **filters)
    text = json.dumps(fc, ensure_ascii=False)
    if isinstance(out, (str, Path)):
        Path(out).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return len(fc["features"])
