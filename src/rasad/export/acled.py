"""ACLED-format CSV of merged events: ACLED's 31 columns, in ACLED's order.

One row per merged event (denied-only events left out). `fatalities` is the
conservative figure (ACLED codes the lowest credible count); `notes` says
what happened, how many mentions and sources reported it, and every dispute
(a denial, a fatality range). `event_id_cnty` is the country's ISO alpha-3
followed by the stable rasad event id; `timestamp` is the Unix time of the
event's last reconciliation.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

from ..settings import Settings
from ..store.db import Store
from .common import actor_fields, admin_names, codes, iter_events

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


def time_precision(start: date | None, end: date | None) -> int:
    """ACLED: 1 the day is known, 2 within a week, 3 within a month or worse."""
    if start is None or end is None:
        return 3
    days = (end - start).days
    return 1 if days <= 0 else 2 if days <= 7 else 3


def _notes(e: dict) -> str:
    when = e["date_start"].strftime("%-d %B %Y") if e["date_start"] else "an unknown date"
    where = e["place"] or "an unknown place"
    parts = [f"On {when}, {e['type'].lower()} in {where}; reported in {e['n_mentions']} mention(s) "
             f"by {e['n_sources']} independent source(s) ({', '.join(e['outlets'])})."]
    lo, hi = e["fatalities_low"], e["fatalities_high"]
    if lo is not None and hi is not None and lo != hi:
        parts.append(f"Fatality reports range from {lo} to {hi} (best estimate {e['fatalities_best']}); "
                     f"the lowest credible figure is coded.")
    denials = {x["b"]["source"] for x in e["contradictions"] if x["reason"] == "denial"}
    if denials:
        parts.append("Disputed: denied by " + ", ".join(sorted(s for s in denials if s)) + ".")
    return " ".join(parts)


def acled_rows(store: Store, settings: Settings | None = None, since: date | None = None,
               until: date | None = None) -> Iterator[dict]:
    c = codes()
    for e in iter_events(store, since, until):
        adm = admin_names(e["place_id"], settings)
        country = adm["country"] or "SY"
        info = c["countries"].get(country, {})
        a1, i1 = actor_fields(e["actor1"], e["actor1_side"], country, settings)
        a2, i2 = actor_fields(e["actor2"], e["actor2_side"], country, settings)
        if not a2:
            i2 = 0
        inter = sorted(x for x in (i1, i2))
        interaction = inter[1] * 10 if inter[0] == 0 else inter[0] * 10 + inter[1]
        scales = sorted({c["source_scale"].get(s.get("type") or "outlet", "Other") for s in e["sources"] or ()})
        civ = e["family"] == "Violence against civilians" or "civilians" in (e["actor1_side"], e["actor2_side"])
        yield {
            "event_id_cnty": f"{info.get('iso3', country)}{e['id']}",
            "event_date": e["date_start"].isoformat() if e["date_start"] else "",
            "year": e["date_start"].year if e["date_start"] else "",
            "time_precision": time_precision(e["date_start"], e["date_end"]),
            "disorder_type": c["disorder_type"].get(e["family"], "Political violence"),
            "event_type": e["family"], "sub_event_type": e["type"],
            "actor1": a1, "assoc_actor_1": "", "inter1": i1 or "",
            "actor2": a2, "assoc_actor_2": "", "inter2": i2 or "",
            "interaction": interaction or "",
            "civilian_targeting": "Civilian targeting" if civ else "",
            "iso": info.get("iso", ""), "region": info.get("region", ""), "country": info.get("name", country),
            "admin1": adm["admin1"], "admin2": adm["admin2"], "admin3": adm["admin3"],
            "location": adm["name_en"] or e["place"] or "",
            "latitude": round(e["lat"], 4) if e["lat"] is not None else "",
            "longitude": round(e["lon"], 4) if e["lon"] is not None else "",
            "geo_precision": c["geo_precision"].get(adm["level"] or e["level"] or "", 3),
            "source": "; ".join(e["outlets"]), "source_scale": "-".join(scales),
            "notes": _notes(e),
            "fatalities": e["fatalities_conservative"] or 0,
            "tags": "disputed" if e["status"] == "contested" else "",
            "timestamp": int((e["updated_at"] if e["updated_at"].tzinfo else
                              e["updated_at"].replace(tzinfo=timezone.utc)).timestamp())
            if isinstance(e["updated_at"], datetime) else "",
        }


def write_acled(store: Store, out: TextIO | str | Path, settings: Settings | None = None, **filters) -> int:
    """Write the ACLED CSV (to a path or an open text file); returns the number of rows."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return write_acled(store, f, settings, **filters)
    w = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS))
    w.writeheader()
    n = 0
    for row in acled_rows(store, settings, **filters):
        w.writerow(row)
        n += 1
    return n
