"""Fixtures: the multi-outlet corpus stored and reconciled (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from rasad.reconcile import reconcile
from rasad.settings import Settings

from .loader import corpus, store_all


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def corpus_store(store, settings):
    store_all(store, corpus())
    reconcile(store, settings)
    return store


def claim_rows(store) -> list[dict]:
    from rasad.reconcile import claims_page

    return claims_page(store, limit=10_000).items


def group_of(store, kind: str, side: str, total: bool, place_id: str | None = None) -> dict:
    from rasad.reconcile import estimates_page

    rows = [g for g in estimates_page(store, kind=kind, side=side, total=total, limit=1000).items
            if place_id is None or g["place_id"] == place_id]
    assert len(rows) == 1, rows
    return rows[0]
