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
