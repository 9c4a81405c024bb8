"""Storage: SQLAlchemy schema, Alembic migrations; SQLite by default, PostgreSQL by URL."""
from .db import DocumentSummary, Store, StoreError

__all__ = ["DocumentSummary", "Store", "StoreError"]
