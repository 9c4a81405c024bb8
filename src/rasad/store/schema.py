"""The database schema (SQLAlchemy 2 Core tables).

One `MetaData`; Alembic migrations in `migrations/` create and evolve it.
Later stages add their tables here and a migration beside them.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
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


# --------------------------------------------------------------------------- extraction results (issue 6)
# One row per document in `extractions` (the whole Extraction as JSON, so it
# round-trips exactly), plus claims and event mentions as rows so reconcile and
# the API can filter them in SQL. Re-saving a document's extraction replaces them.

extractions = Table(
    "extractions",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", String(255)),
    Column("published", Date),
    Column("data", JSON, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),  # position in Extraction.claims
    Column("kind", String(32), nullable=False),
    Column("side", String(32), nullable=False),
    Column("count", Integer, nullable=False),
    Column("upper", Integer),
    Column("qualifier", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("cumulative", Integer, nullable=False),  # 0/1 as the extractor said
    Column("total", Integer, nullable=False),  # 0/1: compared with totals (cumulative or a window >= N days)
    Column("source_name", Text),
    Column("source_affiliation", String(32)),
    Column("source_type", String(32)),
    Column("source_via", JSON),
    Column("modality", String(16)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", Text),
    Column("place_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor", String(64)),
    Column("confidence", Float),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence", Text),
    # reconciliation results
    Column("group_id", String(48)),
    Column("grade", String(16)),
    Column("source_key", String(255)),  # the independent source it counts as
    Column("source_role", String(16)),  # own | independent | adversary | unknown
    Column("copy", Integer),  # 1: a near-duplicate document repeats it; not counted again
    Index("ix_claims_doc_id", "doc_id"),
    Index("ix_claims_group_id", "group_id"),
    Index("ix_claims_kind_side", "kind", "side"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("type", String(64), nullable=False),
    Column("family", String(64), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", Text),
    Column("place_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor1", String(64)),
    Column("actor1_side", String(32)),
    Column("actor2", String(64)),
    Column("actor2_side", String(32)),
    Column("fatalities", Integer),
    Column("status", String(16), nullable=False),
    Column("source_name", Text),
    Column("source_affiliation", String(32)),
    Column("source_type", String(32)),
    Column("source_via", JSON),
    Column("modality", String(16)),
    Column("confidence", Float),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence", Text),
    Column("event_id", String(48)),  # the merged event
    Column("source_key", String(255)),
    Index("ix_event_mentions_doc_id", "doc_id"),
    Index("ix_event_mentions_event_id", "event_id"),
    Index("ix_event_mentions_family", "family"),
)

# --------------------------------------------------------------------------- reconciliation results

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String(48), primary_key=True),  # stable across re-runs
    Column("kind", String(32), nullable=False),
    Column("side", String(32), nullable=False),
    Column("total", Integer, nullable=False),
    Column("place", Text),
    Column("place_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("n_claims", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("conservative", Integer),
    Column("best_basis", String(64)),  # which rule produced best
    Column("status", String(16), nullable=False),  # asserted | contested | denied
    Column("sources", JSON),  # [{"key", "name", "affiliation", "role", "count"}]
    Column("doc_ids", JSON),
    Column("place_ids", JSON),  # every member's place id (incremental runs test containment against them)
    Column("south", Float),  # bounding box of the members' points (incremental runs test distance against it)
    Column("west", Float),
    Column("north", Float),
    Column("east", Float),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_claim_groups_kind_side", "kind", "side", "total"),
    Index("ix_claim_groups_date_start", "date_start"),
)

merged_events = Table(
    "merged_events",
    metadata,
    Column("id", String(48), primary_key=True),  # stable across re-runs
    Column("type", String(64), nullable=False),
    Column("family", String(64), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", Text),
    Column("place_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("level", String(16)),
    Column("actor1", String(64)),
    Column("actor1_side", String(32)),
    Column("actor2", String(64)),
    Column("actor2_side", String(32)),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_conservative", Integer),
    Column("status", String(16), nullable=False),  # asserted | contested | denied
    Column("n_mentions", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("sources", JSON),
    Column("doc_ids", JSON),
    Column("place_ids", JSON),  # every member's place id (incremental runs test containment against them)
    Column("south", Float),  # bounding box of the members' points (incremental runs test distance against it)
    Column("west", Float),
    Column("north", Float),
    Column("east", Float),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_merged_events_date_start", "date_start"),
    Index("ix_merged_events_family", "family"),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(8), nullable=False),  # group | event
    Column("entity_id", String(48), nullable=False),
    Column("reason", String(16), nullable=False),  # counts | running_total | denial
    Column("a", JSON, nullable=False),  # one side: claim/mention id, count, source, affiliation, doc
    Column("b", JSON, nullable=False),
    Column("gap", Integer),
    Index("ix_contradictions_entity_id", "entity_id"),
)

inferred_dates = Table(
    "inferred_dates",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("date", Date, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
)

reconcile_log = Table(
    "reconcile_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("entity", String(8), nullable=False),  # group | event
    Column("action", String(8), nullable=False),  # new | merge | split | drop
    Column("entity_id", String(48), nullable=False),
    Column("others", JSON),  # merge: the ids absorbed; split: the ids split off
    Index("ix_reconcile_log_entity_id", "entity_id"),
)

reconcile_dirty = Table(
    "reconcile_dirty",
    metadata,
    Column("entity", String(8), primary_key=True),  # group | event
    Column("entity_id", String(48), primary_key=True),
)


# --------------------------------------------------------------------------- near-duplicate index
# LSH band keys of each document's MinHash signature: documents sharing a key
# are near-duplicate candidates. Kept in the database so ingesting into a large
# store needs no index in memory.

doc_bands = Table(
    "doc_bands",
    metadata,
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_doc_bands_hash", "hash", "band"),
)


# --------------------------------------------------------------------------- campaign days
# "لليوم العشرين على التوالي": the Nth day of a campaign a document counts, where. Undated
# documents are dated against dated ones counting the same campaign (rasad.reconcile.dates).

campaign_days = Table(
    "campaign_days",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("place_id", String(255)),
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_campaign_days_doc_id", "doc_id"),
    Index("ix_campaign_days_place_id", "place_id"),
)


# --------------------------------------------------------------------------- full-text search (issue 7)
# The matching form (rasad.arabic.normalize.norm) of each document's title and text, one row per document,
# filled when documents are stored (Store.add_documents) and backfilled by migration 0005. On SQLite an FTS5
# trigram index over it (`doc_fts`, external content, kept in step by triggers) answers searches; on
# PostgreSQL a pg_trgm GIN index on `body` does (both created by the migration, dialect by dialect).

doc_search = Table(
    "doc_search",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("body", Text, nullable=False),
)


# --------------------------------------------------------------------------- control statements (issue 7)
# One row per Control of an extraction (filled beside claims and event_mentions by save_extractions), so the
# map and the API can filter control by place, box and date in SQL.

control = Table(
    "control",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),  # position in Extraction.control
    Column("place", Text, nullable=False),
    Column("place_id", String(255)),
    Column("lat", Float),
    Column("lon", Float),
    Column("side", String(32), nullable=False),
    Column("actor", String(64)),
    Column("change", String(16), nullable=False),  # gained | holds
    Column("date_start", Date),
    Column("date_end", Date),
    Column("status", String(16), nullable=False),
    Column("source_name", Text),
    Column("source_affiliation", String(32)),
    Column("source_type", String(32)),
    Column("confidence", Float),
    Column("span_start", Integer, nullable=False),  # the place name
    Column("span_end", Integer, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence", Text),
    Index("ix_control_doc_id", "doc_id"),
    Index("ix_control_place_id", "place_id"),
    Index("ix_control_lat_lon", "lat", "lon"),
    Index("ix_control_date_start", "date_start"),
)

# Box queries (the web map): latitude range first, longitude checked in the index (migration 0006).
Index("ix_merged_events_lat_lon", merged_events.c.lat, merged_events.c.lon)
Index("ix_claims_lat_lon", claims.c.lat, claims.c.lon)
Index("ix_claim_groups_lat_lon", claim_groups.c.lat, claim_groups.c.lon)


# --------------------------------------------------------------------------- analyst edits (issue 7)
# An analyst's grade, status and note for a claim, kept apart from the machine's values (which reconciliation
# rewrites) and keyed by the claim's document and position, so they survive re-runs (migration 0007).

claim_edits = Table(
    "claim_edits",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),  # the claim's position in Extraction.claims
    Column("grade", String(16)),
    Column("status", String(16)),
    Column("note", Text),
    Column("edited_at", DateTime(timezone=True), nullable=False),
)
