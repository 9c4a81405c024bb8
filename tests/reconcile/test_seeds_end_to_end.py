"""Issue 6 on the development articles, with the real extractor: ingest the seeds, then check the
comparable groups, the contradictions and the denied death (the helper-written claims in
seeds_expected.yaml check the same rules without the extractor)."""
from __future__ import annotations

from rasad import pipeline
from rasad.reconcile import claims_page, contradictions_page, estimates_page
from rasad.settings import Settings
from rasad.store import Store


def test_seed_tolls_reconcile(tmp_path, seeds_dir):
    s = Settings(db=f"sqlite:///{tmp_path / 'seeds.db'}")
    with Store.open(s.db) as store:
        pipeline.ingest([str(seeds_dir)], store, s)
        claims = claims_page(store, kind="killed", limit=500, settings=s).items
        by_count = {(c["side"], c["count"]): c for c in claims}
        # the regime's losses over the campaign: ≈400 in 20 days, 670 after two weeks, 876 in three weeks
        regime = {by_count[("government", n)]["group_id"] for n in (400, 670, 876)}
        assert len(regime) == 1, regime
        (gid,) = regime
        est = {g["id"]: g for g in estimates_page(store, kind="killed", limit=500, settings=s).items}[gid]
        assert est["low"] == 400 and est["high"] == 876 and est["low"] <= est["best"] <= est["high"]
        contradictions = contradictions_page(store, limit=500, settings=s).items
        pairs = {frozenset((c["a"].get("count"), c["b"].get("count"))) for c in contradictions}
        assert frozenset((400, 876)) in pairs
        # the Islamic State's losses: more than 300 against 159
        assert by_count[("isis", 300)]["group_id"] == by_count[("isis", 159)]["group_id"]
        assert frozenset((300, 159)) in pairs
        # the denied death of a commander is a denied claim, and counts no one
        denied = [c for c in claims if c["status"] == "denied"]
        assert denied and all(c["count"] == 1 for c in denied)
        group = {g["id"]: g for g in estimates_page(store, kind="killed", limit=500, settings=s).items}.get(
            denied[0]["group_id"])
        assert group is None or not group["best"]
