"""The eval format writes only FORMAT.md's affiliations; the full JSON keeps every one."""
from __future__ import annotations

from rasad.export.evaljson import EVAL_AFFILIATIONS, claim_line
from rasad.model import Attribution, Claim


def _claim(affiliation):
    src = Attribution(name="وزارة الدفاع", affiliation=affiliation)
    return Claim(kind="killed", side="isis", count=12, qualifier="exact", status="asserted", source=src,
                 date_start=None, date_end=None, place=None, place_id=None, lat=None, lon=None, start=0, end=2,
                 evidence_start=0, evidence_end=5)


def test_affiliations_outside_the_format_are_null():
    for aff in ("turkey", "sdf", "coalition", "other"):
        assert claim_line(_claim(aff), "نص ما")["source_affiliation"] is None
    for aff in sorted(EVAL_AFFILIATIONS):
        assert claim_line(_claim(aff), "نص ما")["source_affiliation"] == aff
    assert claim_line(_claim(None), "نص ما")["source_affiliation"] is None


def _asdict_reference(obj):
    """The full JSON's records as they were first written: `dataclasses.asdict`, then dates to ISO strings."""
    from dataclasses import asdict
    from datetime import date

    def jsonable(x):
        if isinstance(x, date):
            return x.isoformat()
        if isinstance(x, dict):
            return {k: jsonable(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [jsonable(v) for v in x]
        return x

    return jsonable(asdict(obj))


def test_full_json_records_match_asdict():
    import json

    from rasad.export.evaljson import _jsonable
    from rasad.extract import extract
    from rasad.knowledge import load
    from rasad.settings import Settings
    from tests.extract.helpers import sample_docs

    kb = load(Settings())
    n = 0
    for doc in sample_docs(10, 10):
        ex = extract(doc, kb, Settings())
        for item in (*ex.claims, *ex.events, *ex.control, *ex.places, *ex.mentions, ex, doc):
            want, got = _asdict_reference(item), _jsonable(item)
            assert got == want
            assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
            n += 1
    assert n > 100
