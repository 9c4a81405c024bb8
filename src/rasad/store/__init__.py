"""Storage: SQLAlchemy schema, Alembic migrations; SQLite by default, PostgreSQL by URL."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .db import DocumentSummary, Store, StoreError

__all__ = ["DocumentSummary", "Store", "StoreError"]


def __getattr__(name: str):
    """The public names are imported on first use: rasad.store.db brings SQLAlchemy (~0.2 s), which
    commands without a database (`rasad extract`) never need."""
    if name in __all__:
        from . import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
