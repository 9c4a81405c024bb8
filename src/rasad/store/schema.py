"""The database schema (SQLAlchemy 2 Core tables).

One `MetaData`; Alembic migrations in `migrations/` create and evolve it.
Later stages add their tables here and a migration beside them.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),  # the paths/URLs given
    Column("stored", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),  # already stored (same content hash)
    Column("near_duplicates", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("problems", JSON, nullable=False, default=list),  # [{"source", "reason"}]
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", String(255)),
    Column("outlet_evidence", String(16)),
    Column("published", Date),
    Column("published_evidence", String(16)),
    Column("url", Text),
    Column("source_path", Text),
    Column("raw_format", String(8), nullable=False),
    Column("raw", Text, nullable=False),
    Column("encoding", String(32)),
    Column("offsets", JSON),  # [[clean_start, raw_start, length], ...] or null
    Column("signature", LargeBinary),  # MinHash signature for near-duplicate search
    Column("duplicate_of", String(255), ForeignKey("documents.id", ondelete="SET NULL")),
    Column("similarity", Float),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_outlet", "outlet"),
    Index("ix_documents_duplicate_of", "duplicate_of"),
)
