"""Documents and ingest runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("stored", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("near_duplicates", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(255), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(255)),
        sa.Column("outlet_evidence", sa.String(16)),
        sa.Column("published", sa.Date),
        sa.Column("published_evidence", sa.String(16)),
        sa.Column("url", sa.Text),
        sa.Column("source_path", sa.Text),
        sa.Column("raw_format", sa.String(8), nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("encoding", sa.String(32)),
        sa.Column("offsets", sa.JSON),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("duplicate_of", sa.String(255)),
        sa.Column("similarity", sa.Float),
        sa.Column("run_id", sa.Integer),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["documents.id"], name="fk_documents_duplicate_of_documents",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"], name="fk_documents_run_id_ingest_runs",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])


def downgrade() -> None:
    op.drop_table("documents")
    op.drop_table("ingest_runs")
