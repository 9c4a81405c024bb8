"""The multi-outlet corpus end to end: merging, grades, estimates, copies, contradictions, dates, series."""
from __future__ import annotations

from datetime import date

import pytest

from rasad.reconcile import (contradictions_page, events_page, inferred_dates_of, series, stories)
from rasad.reconcile import reconcile

from .conftest import claim_rows, group_of
from .loader import corpus, store_all

MAARAT, KAFR_NABUDA, IDLIB = "gn:167611", "sy.kafr_nabudah", "sy.gov.idlib"


@pytest.mark.parametrize("doc,kind,side,count,status,grade,copy", [
    ("c01_enab_market", "killed", "civilians", 12, "asserted", "discounted", 0),  # SOHR later says 18
    ("c05_sohr_update", "killed", "civilians", 18, "asserted", "confirmed", 0),  # 14, 15, 18 agree: 3 sources
    ("c02_smart_market", "killed", "civilians", 15, "asserted", "confirmed", 0),
    ("c04_anadolu_wire", "killed", "civilians", 14, "asserted", "confirmed", 0),
    ("c04b_alarab_copy", "killed", "civilians", 14, "asserted", "confirmed", 1),  # the copy counts once
    ("c04_anadolu_wire", "killed", "government", 40, "asserted", "contested", 0),  # a party about its enemy
    ("c05_sohr_update", "killed", "government", 22, "asserted", "confirmed", 0),  # agrees with the admission
    ("c06_loyal_pages", "killed", "government", 19, "asserted", "confirmed", 0),  # the side admits its dead
    ("c02_smart_market", "wounded", "civilians", 30, "asserted", "weak", 0),  # one source
    ("c07_response_coord", "killed", "civilians", 650, "asserted", "contested", 0),
    ("c05_sohr_update", "killed", "civilians", 470, "asserted", "contested", 0),
    ("c09_hts_denial", "killed", "opposition", 1, "denied", "contested", 0),
    ("c09_hts_denial", "killed", "opposition", 1, "rumored", "contested", 0),
])
def test_grades(corpus_store, doc, kind, side, count, status, grade, copy):
    rows = [c for c in claim_rows(corpus_store) if (c["doc_id"], c["kind"], c["side"], c["count"], c["status"]) ==
            (doc, kind, side, count, status)]
    assert len(rows) == 1
    assert (rows[0]["grade"], rows[0]["copy"]) == (grade, copy)


@pytest.mark.parametrize("kind,side,total,place,low,best,high,conservative,status,n_sources", [
    # SOHR 18 (its 12 corrected), White Helmets 15, local sources via Anadolu 14 (and its copy): median 15
    ("killed", "civilians", False, MAARAT, 14, 15, 18, 14, "asserted", 3),
    # SOHR 22 (independent) preferred to the opposition's 40; the pro-government admission 19 is a floor below it
    ("killed", "government", False, KAFR_NABUDA, 19, 22, 40, 19, "contested", 3),
    # running totals: SOHR's latest 470 and the coordinators' 650 (SOHR's earlier 450 is a series point)
    ("killed", "civilians", True, IDLIB, 470, 470, 650, 470, "contested", 2),
    ("wounded", "civilians", False, MAARAT, 30, 30, 30, 30, "asserted", 1),
    # a rumour and its denial: nobody is counted
    ("killed", "opposition", False, KAFR_NABUDA, None, None, None, None, "contested", 2),
])
def test_estimates(corpus_store, kind, side, total, place, low, best, high, conservative, status, n_sources):
    g = group_of(corpus_store, kind, side, total, place)
    assert (g["low"], g["best"], g["high"], g["conservative"]) == (low, best, high, conservative)
    assert (g["status"], g["n_sources"]) == (status, n_sources)


def test_copies_do_not_count_twice(store, settings):
    """Without the copied wire story the groups, estimates and source counts are the same."""
    pairs = [p for p in corpus() if p[0].id != "c04b_alarab_copy"]
    store_all(store, pairs)
    reconcile(store, settings)
    for kind, side, place in (("killed", "civilians", MAARAT), ("killed", "government", KAFR_NABUDA)):
        g = group_of(store, kind, side, False, place)
        expected = {("killed", "civilians"): (14, 15, 18, 3), ("killed", "government"): (19, 22, 40, 3)}[(kind, side)]
        assert (g["low"], g["best"], g["high"], g["n_sources"]) == expected


def test_merged_events(corpus_store):
    page = events_page(corpus_store, limit=100)
    assert page.total == 2
    by_type = {e["type"]: e for e in page.items}
    strike, clash = by_type["Air/drone strike"], by_type["Armed clash"]
    assert strike["place_id"] == MAARAT and strike["status"] == "contested"  # the army denied it
    assert set(strike["doc_ids"]) == {"c01_enab_market", "c02_smart_market", "c03_sana_denial",
                                      "c04_anadolu_wire", "c04b_alarab_copy", "c05_sohr_update"}
    # SOHR (twice), White Helmets, the army source, local sources via Anadolu (and its copy)
    assert strike["n_mentions"] == 6 and strike["n_sources"] == 4  # the copy adds a mention, not a source
    assert (strike["actor1_side"], strike["actor2_side"]) == ("government", "civilians")
    assert clash["place_id"] == KAFR_NABUDA and {clash["actor1_side"], clash["actor2_side"]} == {"government", "opposition"}
    assert clash["fatalities_best"] == 22


@pytest.mark.parametrize("kind,side,total,reason,pair", [
    ("killed", "government", False, "counts", {40, 22}),
    ("killed", "government", False, "counts", {40, 19}),
    ("killed", "civilians", True, "counts", {650, 470}),
    ("killed", "opposition", False, "denial", {1}),
])
def test_contradictions_listed(corpus_store, kind, side, total, reason, pair):
    g = group_of(corpus_store, kind, side, total)
    xs = [x for x in contradictions_page(corpus_store, limit=100).items if x["entity_id"] == g["id"]]
    found = [x for x in xs if x["reason"] == reason and {x["a"]["count"], x["b"]["count"]} == pair]
    assert found, xs
    x = found[0]
    for side_ in (x["a"], x["b"]):
        assert side_["source"] and side_["doc_id"] and "affiliation" in side_


def test_no_contradiction_between_agreeing_sources(corpus_store):
    g = group_of(corpus_store, "killed", "civilians", False, MAARAT)
    assert not [x for x in contradictions_page(corpus_store, limit=100).items if x["entity_id"] == g["id"]]


def test_event_denial_listed(corpus_store):
    xs = contradictions_page(corpus_store, kind="Air/drone strike", limit=100).items
    assert xs and all(x["reason"] == "denial" and x["b"]["affiliation"] == "government" for x in xs)
    assert len({x["a"]["source_key"] for x in xs}) == len(xs)  # one line per source, not per copy


def test_inferred_date(corpus_store):
    got = inferred_dates_of(corpus_store)
    assert set(got) == {"c08_undated_repost"}
    d = got["c08_undated_repost"]
    assert d["date"] == date(2019, 7, 24) and 0 < d["confidence"] <= 0.9
    assert {e["doc"] for e in d["evidence"]} == {"c05_sohr_update"}
    assert corpus_store.document("c08_undated_repost").published is None  # never overwritten


def test_series(corpus_store):
    rows = series(corpus_store, side="civilians", kind="killed")
    sohr = [r for r in rows if r["source_key"] == "src:sohr"]
    assert len(sohr) == 1
    assert [p["count"] for p in sohr[0]["points"]] == [450, 470, 470]
    assert [p["date"] for p in sohr[0]["points"]][:2] == [date(2019, 7, 22), date(2019, 7, 24)]


def test_stories(corpus_store):
    page = stories(corpus_store)
    assert page.total == 2
    for s in page.items:
        assert len(s["documents"]) >= 5 and all("outlet" in d for d in s["documents"])


@pytest.mark.parametrize("filters,expected", [
    ({"side": "government"}, 2),
    ({"side": "opposition"}, 1),
    ({"side": "civilians"}, 1),
    ({"kind": "Battles"}, 1),
    ({"place": "sy.gov.hama"}, 1),  # Kafr Nabuda is inside Hama governorate
    ({"place": "sy.gov.idlib"}, 1),
    ({"since": date(2019, 7, 23)}, 1),
    ({"until": date(2019, 7, 21)}, 0),
    ({"source": "white_helmets"}, 1),
    ({"bbox": (35.6, 36.6, 35.7, 36.7)}, 1),
])
def test_event_filters(corpus_store, filters, expected):
    assert events_page(corpus_store, **filters).total == expected


def test_pagination(corpus_store):
    from rasad.reconcile import claims_page

    first = claims_page(corpus_store, limit=5)
    second = claims_page(corpus_store, limit=5, offset=5)
    assert first.total == second.total == 18
    assert not {c["id"] for c in first.items} & {c["id"] for c in second.items}
