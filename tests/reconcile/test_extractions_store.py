"""Saving and loading extraction results (rasad.store.extractions) on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, select

from rasad.store import StoreError
from rasad.store.extractions import extraction_from_dict, extraction_to_dict, is_total, load_extractions, \
    save_extraction
from rasad.store.schema import claims, event_mentions, reconcile_dirty

from .loader import corpus, store_all


def test_tables_created(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"extractions", "claims", "event_mentions", "claim_groups", "merged_events", "contradictions",
            "inferred_dates", "reconcile_log", "reconcile_dirty"} <= tables


def test_round_trip(store):
    pairs = corpus()
    store_all(store, pairs)
    got = load_extractions(store)
    assert set(got) == {d.id for d, _ in pairs}
    for d, ex in pairs:
        assert got[d.id] == ex
    assert load_extractions(store, ["c01_enab_market"]) == {"c01_enab_market": pairs[0][1]}


def test_json_form_round_trips():
    for _, ex in corpus():
        assert extraction_from_dict(extraction_to_dict(ex)) == ex


def test_rows_carry_evidence(store):
    pairs = corpus()
    store_all(store, pairs)
    with store.engine.connect() as conn:
        rows = conn.execute(select(claims.c.doc_id, claims.c.count, claims.c.evidence)).all()
    text = dict((d.id, d.text) for d, _ in pairs)
    for doc_id, count, evidence in rows:
        assert evidence and evidence in text[doc_id]


def test_save_replaces_and_marks_dirty(store, settings):
    from rasad.reconcile import reconcile

    pairs = corpus()
    store_all(store, pairs)
    reconcile(store, settings)
    doc, ex = pairs[0]
    save_extraction(store, doc.id, ex.__class__(doc_id=doc.id, outlet=doc.outlet, published=doc.published))
    with store.engine.connect() as conn:
        assert conn.execute(select(claims).where(claims.c.doc_id == doc.id)).all() == []
        assert conn.execute(select(event_mentions).where(event_mentions.c.doc_id == doc.id)).all() == []
        dirty = conn.execute(select(reconcile_dirty.c.entity)).scalars().all()
    assert "group" in dirty and "event" in dirty
    assert load_extractions(store, [doc.id])[doc.id].claims == ()


def test_unknown_document_refused(store):
    _, ex = corpus()[0]
    with pytest.raises(StoreError, match="no stored document"):
        save_extraction(store, "nope", ex)


@pytest.mark.parametrize("cumulative,start,end,expected", [
    (True, None, None, True),
    (False, None, None, False),
    (False, "2019-07-20", "2019-07-22", True),  # three days
    (False, "2019-07-21", "2019-07-22", False),  # two days: an incident window
])
def test_is_total(cumulative, start, end, expected):
    from dataclasses import replace
    from datetime import date

    c = corpus()[0][1].claims[0]
    c = replace(c, cumulative=cumulative, date_start=date.fromisoformat(start) if start else None,
                date_end=date.fromisoformat(end) if end else None)
    assert is_total(c, 3) is expected
