"""Extraction results (claims, event mentions) and reconciliation results
(claim groups, merged events, contradictions, inferred dates, change log).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("outlet", sa.String(255)),
        sa.Column("published", sa.Date),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_extractions"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_extractions_doc_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("side", sa.String(32), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("upper", sa.Integer),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("cumulative", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_affiliation", sa.String(32)),
        sa.Column("source_type", sa.String(32)),
        sa.Column("source_via", sa.JSON),
        sa.Column("modality", sa.String(16)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("place", sa.Text),
        sa.Column("place_id", sa.String(64)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("actor", sa.String(64)),
        sa.Column("confidence", sa.Float),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("evidence", sa.Text),
        sa.Column("group_id", sa.String(48)),
        sa.Column("grade", sa.String(16)),
        sa.Column("source_key", sa.String(255)),
        sa.Column("source_role", sa.String(16)),
        sa.Column("copy", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_claims_doc_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])
    op.create_index("ix_claims_group_id", "claims", ["group_id"])
    op.create_index("ix_claims_kind_side", "claims", ["kind", "side"])
    op.create_table(
        "event_mentions",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("family", sa.String(64), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("place", sa.Text),
        sa.Column("place_id", sa.String(64)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("actor1", sa.String(64)),
        sa.Column("actor1_side", sa.String(32)),
        sa.Column("actor2", sa.String(64)),
        sa.Column("actor2_side", sa.String(32)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_affiliation", sa.String(32)),
        sa.Column("source_type", sa.String(32)),
        sa.Column("source_via", sa.JSON),
        sa.Column("modality", sa.String(16)),
        sa.Column("confidence", sa.Float),
        sa.Column("trigger_start", sa.Integer),
        sa.Column("trigger_end", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("evidence", sa.Text),
        sa.Column("event_id", sa.String(48)),
        sa.Column("source_key", sa.String(255)),
        sa.PrimaryKeyConstraint("id", name="pk_event_mentions"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_event_mentions_doc_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_event_mentions_doc_id", "event_mentions", ["doc_id"])
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_index("ix_event_mentions_family", "event_mentions", ["family"])
    op.create_table(
        "claim_groups",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("side", sa.String(32), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("place_id", sa.String(64)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("low", sa.Integer),
        sa.Column("best", sa.Integer),
        sa.Column("high", sa.Integer),
        sa.Column("conservative", sa.Integer),
        sa.Column("best_basis", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sources", sa.JSON),
        sa.Column("doc_ids", sa.JSON),
        sa.Column("place_ids", sa.JSON),
        sa.Column("south", sa.Float),
        sa.Column("west", sa.Float),
        sa.Column("north", sa.Float),
        sa.Column("east", sa.Float),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claim_groups"),
    )
    op.create_index("ix_claim_groups_date_start", "claim_groups", ["date_start"])
    op.create_index("ix_claim_groups_kind_side", "claim_groups", ["kind", "side", "total"])
    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("family", sa.String(64), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("place", sa.Text),
        sa.Column("place_id", sa.String(64)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("level", sa.String(16)),
        sa.Column("actor1", sa.String(64)),
        sa.Column("actor1_side", sa.String(32)),
        sa.Column("actor2", sa.String(64)),
        sa.Column("actor2_side", sa.String(32)),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("fatalities_conservative", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n_mentions", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON),
        sa.Column("doc_ids", sa.JSON),
        sa.Column("place_ids", sa.JSON),
        sa.Column("south", sa.Float),
        sa.Column("west", sa.Float),
        sa.Column("north", sa.Float),
        sa.Column("east", sa.Float),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_merged_events"),
    )
    op.create_index("ix_merged_events_date_start", "merged_events", ["date_start"])
    op.create_index("ix_merged_events_family", "merged_events", ["family"])
    op.create_table(
        "contradictions",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("entity", sa.String(8), nullable=False),
        sa.Column("entity_id", sa.String(48), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("a", sa.JSON, nullable=False),
        sa.Column("b", sa.JSON, nullable=False),
        sa.Column("gap", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_contradictions"),
    )
    op.create_index("ix_contradictions_entity_id", "contradictions", ["entity_id"])
    op.create_table(
        "inferred_dates",
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_inferred_dates"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_inferred_dates_doc_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_table(
        "reconcile_log",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(8), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("entity_id", sa.String(48), nullable=False),
        sa.Column("others", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_reconcile_log"),
    )
    op.create_index("ix_reconcile_log_entity_id", "reconcile_log", ["entity_id"])
    op.create_table(
        "reconcile_dirty",
        sa.Column("entity", sa.String(8), nullable=False),
        sa.Column("entity_id", sa.String(48), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name="pk_reconcile_dirty"),
    )


def downgrade() -> None:
    op.drop_table("reconcile_dirty")
    op.drop_table("reconcile_log")
    op.drop_table("inferred_dates")
    op.drop_table("contradictions")
    op.drop_table("merged_events")
    op.drop_table("claim_groups")
    op.drop_table("event_mentions")
    op.drop_table("claims")
    op.drop_table("extractions")
