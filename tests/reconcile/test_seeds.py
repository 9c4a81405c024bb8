"""Acceptance on the development seeds (../shared/seeds): ingest them, save the claims a correct
extractor finds (seeds_expected.yaml: facts only) and reconcile."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad import pipeline
from rasad.reconcile import claims_page, contradictions_page, estimates_page, reconcile
from rasad.store.extractions import save_extractions

from .loader import build

EXPECTED = yaml.safe_load((Path(__file__).parent / "seeds_expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def seeded(store, settings, seeds_dir):
    pipeline.ingest([str(seeds_dir)], store, settings)
    items = []
    for spec in EXPECTED["documents"]:
        doc = store.document(spec["id"])
        assert doc is not None, spec["id"]
        _, ex = build({**spec, "outlet": doc.outlet, "published": doc.published}, doc.text)
        items.append((doc.id, ex))
    save_extractions(store, items)
    reconcile(store, settings)
    return store


def _group(store, kind, side, count) -> dict:
    c = [c for c in claims_page(store, kind=kind, side=side, limit=1000).items if c["count"] == count]
    assert len(c) == 1
    return next(g for g in estimates_page(store, limit=1000).items if g["id"] == c[0]["group_id"])


def test_regime_tolls_one_group_with_contradiction(seeded):
    g = _group(seeded, "killed", "government", 876)
    members = {c["count"] for c in claims_page(seeded, group_id=g["id"]).items}
    assert members == {400, 670, 876}
    assert g["total"] == 1 and g["low"] == 400 and g["high"] == 876 and g["best"] is not None
    assert g["low"] <= g["best"] <= g["high"]
    xs = [x for x in contradictions_page(seeded, limit=100).items if x["entity_id"] == g["id"]]
    assert any({x["a"]["count"], x["b"]["count"]} & {400} for x in xs)


def test_isis_tolls_one_group_with_contradiction(seeded):
    g = _group(seeded, "killed", "isis", 159)
    members = {c["count"] for c in claims_page(seeded, group_id=g["id"]).items}
    assert members == {300, 159}
    assert (g["low"], g["high"]) == (159, 300)
    xs = [x for x in contradictions_page(seeded, limit=100).items if x["entity_id"] == g["id"]]
    assert any({x["a"]["count"], x["b"]["count"]} == {300, 159} for x in xs)
    admission = [c for c in claims_page(seeded, group_id=g["id"]).items if c["count"] == 300][0]
    assert admission["source_role"] == "own"


def test_denied_death_is_not_a_death(seeded):
    c = [c for c in claims_page(seeded, kind="killed", side="isis", limit=100).items if c["status"] == "denied"]
    assert len(c) == 1
    g = next(g for g in estimates_page(seeded, limit=1000).items if g["id"] == c[0]["group_id"])
    assert g["best"] is None and g["status"] == "denied"
    assert 1 not in {x["count"] for x in claims_page(seeded, side="isis", limit=100).items
                     if x["status"] == "asserted"}
