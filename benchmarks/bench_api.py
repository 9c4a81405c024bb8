"""Web API benchmark: the map's data request over 100,000 merged events in SQLite.

    python benchmarks/bench_api.py [--events 100000] [--runs 50] [--check]

Fills a fresh SQLite store with synthetic merged events spread over Syria and
Iraq the way reports are (most around the populous towns of the gazetteer,
the rest anywhere in the two countries, dated over eight years), then times
GET /api/map/events through the ASGI app (httpx's ASGITransport, in process:
no network, one event loop as under uvicorn) for a city-sized box (Damascus, about 18 x 22 km), and a few
other requests for context. It also times the same request with the
latitude/longitude index dropped, to show what the index buys.
`--check` exits 1 when the median of the Damascus request is above
`api_map_bbox_ms` in benchmarks/baseline.json (the issue's target: 100 ms).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
DAMASCUS = "36.2,33.42,36.4,33.58"  # west,south,east,north
SYRIA_IRAQ = (29.0, 35.6, 37.4, 48.6)  # south, west, north, east
TYPES = [("Air/drone strike", "Explosions/Remote violence"), ("Armed clash", "Battles"),
         ("Shelling/artillery/missile attack", "Explosions/Remote violence"),
         ("Attack", "Violence against civilians"), ("Non-state actor overtakes territory", "Battles"),
         ("Agreement", "Strategic developments")]
SIDES = ["government", "opposition", "isis", "sdf", "coalition", "turkey", "civilians", None]


def centres(n: int) -> list:
    """The n most populous towns of Syria and Iraq in the gazetteer."""
    from rasad.knowledge import load

    towns = [p for p in load().gazetteer if p.country in ("SY", "IQ") and p.lat is not None and p.population]
    towns.sort(key=lambda p: (-p.population, p.id))
    return towns[:n]


def rows(n: int, seed: int = 11):
    rnd = random.Random(seed)
    towns = centres(60)
    weights = [t.population ** 0.5 for t in towns]
    day0 = date(2012, 1, 1)
    now = datetime.now(timezone.utc)
    s, w, nn, e = SYRIA_IRAQ
    for i in range(n):
        if rnd.random() < 0.7:
            t = rnd.choices(towns, weights)[0]
            lat, lon, place, pid = rnd.gauss(t.lat, 0.08), rnd.gauss(t.lon, 0.08), t.name, t.id
        else:
            lat, lon, place, pid = rnd.uniform(s, nn), rnd.uniform(w, e), None, None
        typ, fam = rnd.choice(TYPES)
        d = day0 + timedelta(days=rnd.randrange(8 * 365))
        a1, a2 = rnd.choice(SIDES), rnd.choice(SIDES)
        best = rnd.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
        yield {
            "id": f"E{i:010x}", "type": typ, "family": fam, "date_start": d,
            "date_end": d + timedelta(days=rnd.choice([0, 0, 0, 1, 2, 6])), "place": place, "place_id": pid,
            "lat": round(lat, 5), "lon": round(lon, 5), "level": "town", "actor1": None, "actor1_side": a1,
            "actor2": None, "actor2_side": a2, "fatalities_low": best, "fatalities_best": best,
            "fatalities_high": best, "fatalities_conservative": best, "status": "asserted",
            "n_mentions": rnd.randint(1, 6), "n_sources": rnd.randint(1, 4),
            "sources": [{"key": "src:sohr", "name": "المرصد السوري لحقوق الإنسان", "affiliation": None,
                         "type": "monitor", "mentions": 1}],
            "doc_ids": [f"d{i}"], "place_ids": [pid] if pid else [], "south": lat, "west": lon, "north": lat,
            "east": lon, "updated_at": now,
        }


def fill(store, n: int) -> None:
    from sqlalchemy import insert

    from rasad.store.schema import merged_events

    batch = []
    with store.transaction() as conn:
        for r in rows(n):
            batch.append(r)
            if len(batch) == 5000:
                conn.execute(insert(merged_events), batch)
                batch = []
        if batch:
            conn.execute(insert(merged_events), batch)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


async def timed(client, url: str, params: dict, runs: int) -> dict:
    for _ in range(3):  # warm up
        r = await client.get(url, params=params)
        assert r.status_code == 200, r.text
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        r = await client.get(url, params=params)
        ms.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    body = r.json()
    n = len(body["features"]) if "features" in body else len(body["items"])
    ms.sort()
    return {"median_ms": round(statistics.median(ms), 1), "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1),
            "returned": n, "matching": body["total"], "bytes": len(r.content)}


async def measure(app, store, runs: int) -> dict:
    import httpx

    out = {}
    cases = {
        "map_damascus": ("/api/map/events", {"bbox": DAMASCUS}),
        "map_damascus_2016": ("/api/map/events", {"bbox": DAMASCUS, "date_from": "2016-01-01",
                                                  "date_to": "2016-12-31"}),
        "map_damascus_battles": ("/api/map/events", {"bbox": DAMASCUS, "family": "Battles"}),
        "events_page_damascus": ("/api/events", {"bbox": DAMASCUS, "limit": 100}),
        "map_whole_region_5000": ("/api/map/events", {}),
    }
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://rasad") as client:
        for name, (url, params) in cases.items():
            out[name] = await timed(client, url, params, runs)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX ix_merged_events_lat_lon")
        out["map_damascus_without_lat_lon_index"] = await timed(client, "/api/map/events", {"bbox": DAMASCUS},
                                                                max(5, runs // 5))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    from rasad.api.app import create_app
    from rasad.settings import Settings
    from rasad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=f"sqlite:///{tmp}/bench.db")
        store = Store.open(settings.db)
        t = time.perf_counter()
        fill(store, args.events)
        setup = time.perf_counter() - t
        app = create_app(settings, store=store)
        result: dict = {"events": args.events, "setup_s": round(setup, 1)}
        result.update(asyncio.run(measure(app, store, args.runs)))
        store.close()
    result["api_map_bbox_ms"] = result["map_damascus"]["median_ms"]
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.check:
        ceiling = json.loads((HERE / "baseline.json").read_text()).get("api_map_bbox_ms")
        if ceiling is not None and result["api_map_bbox_ms"] > ceiling:
            print(f"above the ceiling: api_map_bbox_ms {result['api_map_bbox_ms']} > {ceiling}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
