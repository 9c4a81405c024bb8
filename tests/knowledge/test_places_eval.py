"""Measured accuracy of place lookup on a held-out table (tests/knowledge/place_lookup_eval.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.places import haversine_km, load_gazetteer

EVAL = yaml.safe_load((Path(__file__).parent / "place_lookup_eval.yaml").read_text(encoding="utf-8"))
TOLERANCE_KM = {"neighbourhood": 2.5, "town": 10.0}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer([DATA_DIR])


def resolve(gaz, case: dict) -> tuple[bool, str]:
    near = EVAL["near_points"][case["near"]] if "near" in case else None
    found = gaz.lookup(case["q"], near=tuple(near) if near else None, country=case.get("country"), limit=1)
    if not found:
        return False, f"{case['q']}: nothing found"
    p = found[0].entry
    d = haversine_km(p.lat, p.lon, case["lat"], case["lon"])
    return d <= TOLERANCE_KM[case["kind"]], f"{case['q']}: {p.id} {p.name} is {d:.1f} km off"


def test_table_is_large_enough():
    assert len(EVAL["cases"]) >= 60
    assert {c["kind"] for c in EVAL["cases"]} == {"neighbourhood", "town"}


def test_at_least_90_percent_resolve_correctly(gaz, capsys):
    results = [resolve(gaz, c) for c in EVAL["cases"]]
    ok = sum(r for r, _ in results)
    rate = ok / len(results)
    misses = [m for r, m in results if not r]
    with capsys.disabled():
        print(f"\nplace lookup accuracy: {ok}/{len(results)} = {rate:.1%}; misses: {misses}")
    assert rate >= 0.90, misses
