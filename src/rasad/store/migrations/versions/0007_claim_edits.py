"""Analysts' edits of claims (grade, status, note), kept apart from the machine's values.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_edits",
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("grade", sa.String(16)),
        sa.Column("status", sa.String(16)),
        sa.Column("note", sa.Text),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_claim_edits_doc_id_documents",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id", "idx", name="pk_claim_edits"),
    )


def downgrade() -> None:
    op.drop_table("claim_edits")
