"""Storage: SQLAlchemy schema, Alembic migrations; SQLite by default, PostgreSQL by URL."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .db import DocumentSummary, Store, StoreError

__all__ = ["DocumentSummary", "Store", "StoreError"]


# imported on first use: rasad.store.db brings SQLAlchemy (~0.2 s), which commands without a database
# (`rasad extract`) never need
__getattr__ = lazy_exports(__name__, {name: "db" for name in __all__})
