"""Control statements as rows (filterable by place, box and date); latitude/longitude indexes for box queries.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "control",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("place_id", sa.String(255)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("side", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(64)),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_affiliation", sa.String(32)),
        sa.Column("source_type", sa.String(32)),
        sa.Column("confidence", sa.Float),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_control_doc_id_documents", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_control"),
    )
    op.create_index("ix_control_doc_id", "control", ["doc_id"])
    op.create_index("ix_control_place_id", "control", ["place_id"])
    op.create_index("ix_control_lat_lon", "control", ["lat", "lon"])
    op.create_index("ix_control_date_start", "control", ["date_start"])
    op.create_index("ix_merged_events_lat_lon", "merged_events", ["lat", "lon"])
    op.create_index("ix_claims_lat_lon", "claims", ["lat", "lon"])
    op.create_index("ix_claim_groups_lat_lon", "claim_groups", ["lat", "lon"])
    # control statements of the extractions stored before this table existed
    from rasad.store.extractions import backfill_control

    backfill_control(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_claim_groups_lat_lon", "claim_groups")
    op.drop_index("ix_claims_lat_lon", "claims")
    op.drop_index("ix_merged_events_lat_lon", "merged_events")
    op.drop_table("control")
