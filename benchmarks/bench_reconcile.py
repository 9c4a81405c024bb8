"""Reconciliation benchmark: 100,000 synthetic claims in SQLite, then 100 more documents.

    python benchmarks/bench_reconcile.py [--claims 100000] [--add 100] [--check]

Generates incidents at real gazetteer towns over two years and documents
that report them (several outlets each, quoting a few known sources, with
counts that differ, copies, running totals and undated reposts); saves their
Extraction records; then times
- a full `rasad.reconcile.reconcile` over everything (target: < 60 s on one core),
- adding `--add` documents and reconciling only them (target: < 5 s).
`--check` exits 1 when a result falls below the floors in benchmarks/baseline.json
(reconcile_claims_per_s, reconcile_increment_docs_per_s).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

SOURCES = [("المرصد السوري لحقوق الإنسان", None, "monitor"), ("وكالة سانا", "government", "state_media"),
           ("وكالة أعماق", "isis", "belligerent_outlet"), ("ناشطون", None, "activists"),
           ("مصادر محلية", None, "anonymous"), ("الدفاع المدني السوري", None, "humanitarian"),
           ("الجبهة الوطنية للتحرير", "opposition", "official"), (None, None, None)]
OUTLETS = ["عنب بلدي", "سمارت", "الأناضول", "العرب", "سانا", "زمان الوصل", "المدن", "القدس العربي", "الجزيرة",
           "العربية", "الحرة", "روسيا اليوم", "الشرق الأوسط", "العربي الجديد", "صوت العاصمة", "الوطن السورية"]
KINDS = [("killed", 0.6), ("wounded", 0.3), ("displaced", 0.1)]
SIDES = ["civilians", "government", "opposition", "isis", "sdf"]
TYPES = [("Air/drone strike", "Explosions/Remote violence"), ("Armed clash", "Battles"),
         ("Shelling/artillery/missile attack", "Explosions/Remote violence")]


def towns(n: int) -> list:
    from rasad.knowledge import load

    gaz = load().gazetteer
    out = [p for p in gaz if p.level == "town" and p.country == "SY" and p.lat is not None]
    out.sort(key=lambda p: p.id)
    random.Random(1).shuffle(out)
    return out[:n]


def make(n_docs: int, seed: int, start_id: int = 0):
    """(Document, Extraction) pairs: ~4 claims and 1 event per document."""
    from rasad.model import Attribution, Claim, Document, Event, Extraction, PlaceRef

    rnd = random.Random(seed)
    places = towns(300)
    day0 = date(2018, 1, 1)
    n_incidents = max(1, n_docs // 3)
    incidents = []
    for _ in range(n_incidents):
        p = rnd.choice(places)
        incidents.append((p, day0 + timedelta(days=rnd.randrange(730)), rnd.choice(TYPES),
                          rnd.choice(SIDES[1:]), rnd.randint(1, 80)))
    pairs = []
    for k in range(n_docs):
        i = start_id + k
        p, day, (typ, fam), side, base = incidents[rnd.randrange(n_incidents)]
        pub = day + timedelta(days=rnd.randint(0, 2)) if rnd.random() > 0.03 else None
        outlet = rnd.choice(OUTLETS)
        text = f"تقرير تجريبي رقم {i} عن أحداث في {p.name}. " * 3
        doc = Document(id=f"b{i:07d}", text=text, outlet=outlet, published=pub, raw=text,
                       content_hash=f"{i:064d}")
        claims = []
        for j in range(4):
            kind = rnd.choices([k_ for k_, _ in KINDS], [w for _, w in KINDS])[0]
            counted = "civilians" if j % 2 == 0 else side
            name, aff, typ_ = rnd.choice(SOURCES)
            total = rnd.random() < 0.05
            count = max(1, int(base * rnd.uniform(0.7, 1.4))) * (20 if total else 1)
            ds = day - timedelta(days=60) if total else day
            claims.append(Claim(kind=kind, side=counted, count=count, qualifier="exact",
                                status="denied" if rnd.random() < 0.01 else "asserted",
                                source=Attribution(name=name, affiliation=aff, type=typ_), date_start=ds,
                                date_end=day, place=p.name, place_id=p.id, lat=p.lat, lon=p.lon, start=0, end=1,
                                evidence_start=0, evidence_end=20, cumulative=total))
        name, aff, typ_ = rnd.choice(SOURCES)
        ev = Event(type=typ, family=fam, date_start=day, date_end=day, place=p.name, place_id=p.id, lat=p.lat,
                   lon=p.lon, actor1=None, actor1_side="government", actor2=None, actor2_side=side,
                   fatalities=base, status="asserted", source=Attribution(name=name, affiliation=aff, type=typ_),
                   trigger_start=0, trigger_end=1, evidence_start=0, evidence_end=20)
        ex = Extraction(doc_id=doc.id, outlet=outlet, published=pub, claims=tuple(claims), events=(ev,),
                        places=(PlaceRef(p.name, p.id, p.lat, p.lon, "town", ((0, 1),)),))
        pairs.append((doc, ex))
    return pairs


def load_into(store, pairs, batch: int = 2000) -> None:
    from rasad.store.extractions import save_extractions

    for i in range(0, len(pairs), batch):
        chunk = pairs[i:i + batch]
        store.add_documents([d for d, _ in chunk])
        save_extractions(store, [(d.id, ex) for d, ex in chunk])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    from rasad.reconcile import reconcile
    from rasad.settings import Settings
    from rasad.store import Store

    n_docs = args.claims // 4
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=f"sqlite:///{tmp}/bench.db")
        store = Store.open(settings.db)
        t = time.perf_counter()
        load_into(store, make(n_docs, seed=7))
        setup = time.perf_counter() - t
        t = time.perf_counter()
        full = reconcile(store, settings)
        full_s = time.perf_counter() - t
        extra = make(args.add, seed=8, start_id=n_docs)
        load_into(store, extra)
        t = time.perf_counter()
        inc = reconcile(store, settings, {d.id for d, _ in extra})
        inc_s = time.perf_counter() - t
        store.close()
    result = {
        "claims": full.claims, "groups": full.groups, "mentions": full.mentions, "events": full.events,
        "contradictions": full.contradictions, "setup_s": round(setup, 1), "full_reconcile_s": round(full_s, 2),
        "reconcile_claims_per_s": round(full.claims / full_s), "added_documents": args.add,
        "increment_s": round(inc_s, 2), "increment_claims_recomputed": inc.claims,
        "reconcile_increment_docs_per_s": round(args.add / inc_s, 1),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.check:
        floors = json.loads((HERE / "baseline.json").read_text())
        bad = [k for k in ("reconcile_claims_per_s", "reconcile_increment_docs_per_s")
               if k in floors and result[k] < floors[k]]
        if bad:
            print("below the floor: " + ", ".join(bad), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
