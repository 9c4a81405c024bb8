"""Reconciliation across outlets: merged events, graded claims, estimates, contradictions.

`reconcile(store, settings, doc_ids=None)` runs over the stored extraction
results (everything, or incrementally what some documents touch) and stores
its results; the `query` functions read them back. The rules are in
docs/reconcile.md and in the docstrings of `weigh`, `sources`, `scope`,
`dates` and `ids`.
"""
from .params import Params, load_params
from .query import (Page, change_log, claims_page, contradictions_page, estimates_page, event_mentions_of,
                    events_page, group_members, inferred_dates_of, series, stories)
from .run import ReconcileReport, reconcile

__all__ = ["Page", "Params", "ReconcileReport", "change_log", "claims_page", "contradictions_page",
           "estimates_page", "event_mentions_of", "events_page", "group_members", "inferred_dates_of",
           "load_params", "reconcile", "series", "stories"]
