"""The evaluation format (`rasad extract --format eval`, ../shared/eval/FORMAT.md) and the full JSON form."""
from __future__ import annotations

import copy
from dataclasses import fields
from datetime import date

from ..model import Claim, Control, Document, Event, Extraction, PlaceRef


def _d(x: date | None) -> str | None:
    return x.isoformat() if x else None


def _coord(x: float | None) -> float | None:
    return round(x, 6) if x is not None else None


# FORMAT.md's vocabulary for a source's affiliation; rasad also knows sources of the other sides (a Turkish
# ministry, an SDF spokesman, the coalition), which the format has no value for: they are written as null there
# (the full JSON keeps them).
EVAL_AFFILIATIONS = frozenset({"government", "isis", "opposition", "independent"})


def claim_line(c: Claim, text: str) -> dict:
    return {
        "kind": c.kind, "side": c.side, "count": c.count, "qualifier": c.qualifier, "status": c.status,
        "source": c.source.name,
        "source_affiliation": c.source.affiliation if c.source.affiliation in EVAL_AFFILIATIONS else None,
        "date_start": _d(c.date_start), "date_end": _d(c.date_end),
        "place": c.place, "lat": _coord(c.lat), "lon": _coord(c.lon),
        "evidence": text[c.evidence_start:c.evidence_end],
    }


def event_line(e: Event, text: str) -> dict:
    return {
        "type": e.type, "date_start": _d(e.date_start), "date_end": _d(e.date_end),
        "place": e.place, "lat": _coord(e.lat), "lon": _coord(e.lon),
        "actor1_side": e.actor1_side, "actor2_side": e.actor2_side, "fatalities": e.fatalities,
        "evidence": text[e.evidence_start:e.evidence_end],
    }


def control_line(k: Control, text: str) -> dict:
    return {
        "place": k.place, "lat": _coord(k.lat), "lon": _coord(k.lon), "side": k.side, "change": k.change,
        "date_start": _d(k.date_start), "date_end": _d(k.date_end), "status": k.status,
        "evidence": text[k.evidence_start:k.evidence_end],
    }


def place_line(p: PlaceRef) -> dict:
    return {"name": p.name, "lat": _coord(p.lat), "lon": _coord(p.lon)}


def eval_record(doc: Document, ex: Extraction) -> dict:
    """One output line of the evaluation contract."""
    return {
        "doc": doc.id,
        "outlet": ex.outlet,
        "published": _d(ex.published),
        "claims": [claim_line(c, doc.text) for c in ex.claims],
        "events": [event_line(e, doc.text) for e in ex.events],
        "control": [control_line(k, doc.text) for k in ex.control],
        "places": [place_line(p) for p in ex.places],
    }


def _jsonable(obj):
    """`obj` as JSON-ready data: what `_jsonable(dataclasses.asdict(obj))` gives (dataclasses as dicts of their
    fields, tuples and lists as lists, dates as ISO strings), in one pass and without asdict's deep copies."""
    cls = type(obj)
    if cls is str or cls is int or cls is float or cls is bool or obj is None:
        return obj
    names = _FIELDS.get(cls)
    if names is not None:
        return {name: _jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {copy.deepcopy(k): _jsonable(v) for k, v in obj.items()}
    if hasattr(cls, "__dataclass_fields__"):
        _FIELDS[cls] = tuple(f.name for f in fields(cls))
        return _jsonable(obj)
    return copy.deepcopy(obj)


# dataclass -> its field names, in order (what asdict walks)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _with_source(item, d: dict) -> dict:
    d["source"] = _jsonable(item.source)
    return d


def full_record(doc: Document, ex: Extraction) -> dict:
    """Everything: the eval fields plus offsets, ids, confidences and mentions."""
    rec = eval_record(doc, ex)
    rec["title"] = doc.title
    rec["url"] = doc.url
    rec["published_evidence"] = doc.published_evidence
    rec["claims"] = [_with_source(c, {**line, **_jsonable(c)}) for c, line in zip(ex.claims, rec["claims"])]
    rec["events"] = [_with_source(e, {**line, **_jsonable(e)}) for e, line in zip(ex.events, rec["events"])]
    rec["control"] = [_with_source(k, {**line, **_jsonable(k)}) for k, line in zip(ex.control, rec["control"])]
    rec["places"] = [{**place_line(p), "place_id": p.place_id, "level": p.level, "spans": [list(s) for s in p.spans]}
                     for p in ex.places]
    rec["mentions"] = [_jsonable(m) for m in ex.mentions]
    return rec
