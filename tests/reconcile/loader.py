"""Builds Documents and the Extraction records the tests expect from YAML tables.

The YAML gives claims/events in a short form (see corpus/corpus.yaml); this
module fills the offsets (from an evidence fragment found in the text), the
coordinates (from the gazetteer) and the defaults, so the tests do not
depend on the extractor.
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import yaml

from rasad.knowledge import load
from rasad.model import Attribution, Claim, Document, Event, Extraction, PlaceRef

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"


def _d(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _line(text: str, fragment: str | None) -> tuple[int, int]:
    if not fragment:
        return 0, 0
    i = text.find(fragment)
    if i < 0:
        raise AssertionError(f"evidence fragment not in text: {fragment!r}")
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def _coords(place_id: str | None) -> tuple[str | None, float | None, float | None]:
    if not place_id:
        return None, None, None
    p = load().gazetteer.get(place_id)
    assert p is not None, place_id
    return p.name, p.lat, p.lon


def _attr(s: dict | None) -> Attribution:
    s = dict(s or {})
    s["via"] = tuple(s.get("via") or ())
    return Attribution(**s)


def make_claim(c: dict, text: str) -> Claim:
    es, ee = _line(text, c.get("evidence"))
    at = c.get("at")
    ns = text.find(at, es) if at else es
    ne = ns + len(at) if at and ns >= 0 else es
    name, lat, lon = _coords(c.get("place_id"))
    ds = _d(c.get("date_start", c.get("date")))
    de = _d(c.get("date_end", c.get("date")))
    return Claim(kind=c["kind"], side=c["side"], count=int(c["count"]), qualifier=c.get("qualifier", "exact"),
                 status=c.get("status", "asserted"), source=_attr(c.get("source")), date_start=ds, date_end=de,
                 place=c.get("place", name), place_id=c.get("place_id"), lat=lat, lon=lon, start=max(ns, 0),
                 end=max(ne, 0), evidence_start=es, evidence_end=ee, upper=c.get("upper"),
                 cumulative=bool(c.get("cumulative", False)), actor=c.get("actor"))


def make_event(e: dict, text: str) -> Event:
    es, ee = _line(text, e.get("evidence"))
    name, lat, lon = _coords(e.get("place_id"))
    kb = load()
    return Event(type=e["type"], family=kb.vocab.family_of(e["type"]) or e.get("family", "Other"),
                 date_start=_d(e.get("date_start", e.get("date"))), date_end=_d(e.get("date_end", e.get("date"))),
                 place=e.get("place", name), place_id=e.get("place_id"), lat=lat, lon=lon,
                 actor1=e.get("actor1"), actor1_side=e.get("actor1_side"), actor2=e.get("actor2"),
                 actor2_side=e.get("actor2_side"), fatalities=e.get("fatalities"), status=e.get("status", "asserted"),
                 source=_attr(e.get("source")), trigger_start=es, trigger_end=es, evidence_start=es, evidence_end=ee)


def make_places(rows) -> tuple[PlaceRef, ...]:
    out = []
    for pid, n in rows or ():
        name, lat, lon = _coords(pid)
        level = load().gazetteer.get(pid).level
        out.append(PlaceRef(name, pid, lat, lon, level, tuple((0, 1) for _ in range(n))))
    return tuple(out)


def document(doc_id: str, text: str, outlet=None, published=None, duplicate_of=None) -> Document:
    return Document(id=doc_id, text=text, outlet=outlet, published=_d(published), raw=text,
                    content_hash=hashlib.sha256((doc_id + text).encode()).hexdigest(), duplicate_of=duplicate_of)


def build(spec: dict, text: str, base: dict | None = None) -> tuple[Document, Extraction]:
    src = base or spec
    doc = document(spec["id"], text, spec.get("outlet"), spec.get("published"), spec.get("duplicate_of"))
    ex = Extraction(doc_id=doc.id, outlet=doc.outlet, published=doc.published,
                    claims=tuple(make_claim(c, text) for c in src.get("claims", ())),
                    events=tuple(make_event(e, text) for e in src.get("events", ())),
                    places=make_places(src.get("places")))
    return doc, ex


def corpus() -> list[tuple[Document, Extraction]]:
    """The multi-outlet corpus: documents (in file order) with their expected extractions."""
    spec = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
    by_id = {d["id"]: d for d in spec["documents"]}
    out = []
    for d in spec["documents"]:
        text = (CORPUS / f"{d['id']}.txt").read_text(encoding="utf-8")
        base = by_id[d["same_as"]] if d.get("same_as") else None
        out.append(build(d, text, base))
    return out


def store_all(store, pairs) -> None:
    """Ingest the documents (originals first) and save their extractions."""
    from rasad.store.extractions import save_extractions

    docs = [d for d, _ in pairs]
    docs.sort(key=lambda d: d.duplicate_of is not None)
    store.add_documents(docs)
    save_extractions(store, [(d.id, ex) for d, ex in pairs])
