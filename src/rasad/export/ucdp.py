"""UCDP GED-like CSV of merged events.

One row per merged event. Deaths are split by side from the incident claim
groups linked to the event (`common.linked_groups`): side A is actor1's
side, side B actor2's, civilians and the rest `deaths_unknown`; `best`,
`low`, `high` add up those groups' estimates (UCDP's low/best/high); with no
linked group the event's own fatality estimate goes to `deaths_unknown`.
`source_original` names the voices (monitors, officials, outlets in their own
voice), `source_office` the outlets that published them.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from ..settings import Settings
from ..store.db import Store
from .common import actor_fields, admin_names, codes, iter_events, linked_groups

UCDP_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "side_a", "side_b",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
    "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)


def date_prec(start: date | None, end: date | None) -> int:
    """UCDP: 1 exact day, 2 two to six days, 3 a week, 4 a month, 5 longer or unknown."""
    if start is None or end is None:
        return 5
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 6 else 3 if days <= 8 else 4 if days <= 31 else 5


def type_of_violence(e: dict) -> int:
    """1 state-based, 2 non-state, 3 one-sided (against civilians)."""
    sides = {e["actor1_side"], e["actor2_side"]}
    if "civilians" in sides or e["family"] == "Violence against civilians":
        return 3
    return 1 if "government" in sides else 2


def ucdp_rows(store: Store, settings: Settings | None = None, since: date | None = None,
              until: date | None = None) -> Iterator[dict]:
    c = codes()
    links = linked_groups(store, settings)
    for e in iter_events(store, since, until):
        adm = admin_names(e["place_id"], settings)
        country = adm["country"] or "SY"
        info = c["countries"].get(country, {})
        da = db = dc = du = 0
        low = best = high = 0
        groups = [g for g in links.get(e["id"], []) if g["kind"] == "killed" and g["best"] is not None]
        for g in groups:
            if g["side"] == "civilians":
                dc += g["best"]
            elif e["actor1_side"] and g["side"] == e["actor1_side"]:
                da += g["best"]
            elif e["actor2_side"] and g["side"] == e["actor2_side"]:
                db += g["best"]
            else:
                du += g["best"]
            low, best, high = low + (g["low"] or 0), best + g["best"], high + (g["high"] or 0)
        if not groups and e["fatalities_best"] is not None:
            du = best = e["fatalities_best"]
            low, high = e["fatalities_low"] or best, e["fatalities_high"] or best
        originals = sorted({s.get("name") or s["key"] for s in e["sources"] or ()})
        a1, _ = actor_fields(e["actor1"], e["actor1_side"], country, settings)
        a2, _ = actor_fields(e["actor2"], e["actor2_side"], country, settings)
        lat, lon = e["lat"], e["lon"]
        yield {
            "id": e["id"],
            "relid": f"{info.get('iso3', country)}-{e['date_start'] or 'undated'}-{e['id']}",
            "year": e["date_start"].year if e["date_start"] else "", "active_year": "",
            "type_of_violence": type_of_violence(e), "conflict_name": "", "side_a": a1, "side_b": a2,
            "source_article": "; ".join(e["doc_ids"] or ()), "source_office": "; ".join(e["outlets"]),
            "source_date": "; ".join(e["doc_dates"]), "source_headline": "",
            "source_original": "; ".join(originals),
            "where_prec": c["where_prec"].get(adm["level"] or e["level"] or "", 6),
            "where_coordinates": adm["name_en"] or e["place"] or "",
            "adm_1": adm["admin1"], "adm_2": adm["admin2"],
            "latitude": round(lat, 4) if lat is not None else "", "longitude": round(lon, 4) if lon is not None else "",
            "geom_wkt": f"POINT ({lon:.4f} {lat:.4f})" if lat is not None and lon is not None else "",
            "priogrid_gid": _priogrid(lat, lon), "country": info.get("name", country),
            "country_id": info.get("ucdp_id", ""), "region": info.get("region", ""),
            "event_clarity": 1 if e["status"] == "asserted" else 2,
            "date_prec": date_prec(e["date_start"], e["date_end"]),
            "date_start": e["date_start"].isoformat() if e["date_start"] else "",
            "date_end": e["date_end"].isoformat() if e["date_end"] else "",
            "deaths_a": da, "deaths_b": db, "deaths_civilians": dc, "deaths_unknown": du,
            "best": best, "high": max(high, best), "low": min(low, best),
        }


def _priogrid(lat: float | None, lon: float | None) -> int | str:
    """PRIO-GRID cell id (0.5 degree cells numbered from (-90, -180), row-major)."""
    if lat is None or lon is None:
        return ""
    row = int((lat + 90) // 0.5)
    col = int((lon + 180) // 0.5)
    return row * 720 + col + 1


def write_ucdp(store: Store, out: TextIO | str | Path, settings: Settings | None = None, **filters) -> int:
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return write_ucdp(store, f, settings, **filters)
    w = csv.DictWriter(out, fieldnames=list(UCDP_COLUMNS))
    w.writeheader()
    n = 0
    for row in ucdp_rows(store, settings, **filters):
        w.writerow(row)
        n += 1
    return n
