"""Campaign days counted by each document (for dating undated reports).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign_days",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("place_id", sa.String(255)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_campaign_days_doc_id_documents",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_campaign_days"),
    )
    op.create_index("ix_campaign_days_doc_id", "campaign_days", ["doc_id"])
    op.create_index("ix_campaign_days_place_id", "campaign_days", ["place_id"])


def downgrade() -> None:
    op.drop_table("campaign_days")
