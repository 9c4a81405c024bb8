"""The reconciled multi-outlet corpus for the export tests (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from rasad.reconcile import reconcile
from rasad.settings import Settings
from reconcile.loader import corpus, store_all


@pytest.fixture
def reconciled(store):
    store_all(store, corpus())
    reconcile(store, Settings())
    return store
