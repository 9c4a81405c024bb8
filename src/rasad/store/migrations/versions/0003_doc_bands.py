"""Near-duplicate index in the database: LSH band keys per document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doc_bands",
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("hash", sa.BigInteger, nullable=False),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_doc_bands_doc_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_doc_bands_hash", "doc_bands", ["hash", "band"])
    # index the documents stored before this table existed (default LSH settings)
    from rasad.ingest.identity import band_keys

    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id", sa.String), sa.column("signature", sa.LargeBinary))
    bands = sa.table("doc_bands", sa.column("band", sa.Integer), sa.column("hash", sa.BigInteger),
                     sa.column("doc_id", sa.String))
    rows = []
    for doc_id, sig in conn.execute(sa.select(docs.c.id, docs.c.signature).where(docs.c.signature.is_not(None))):
        rows.extend({"band": b, "hash": h, "doc_id": doc_id} for b, h in band_keys(bytes(sig)))
        if len(rows) >= 10_000:
            conn.execute(sa.insert(bands), rows)
            rows = []
    if rows:
        conn.execute(sa.insert(bands), rows)


def downgrade() -> None:
    op.drop_table("doc_bands")
