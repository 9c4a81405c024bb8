"""Full-text search: the matching form of every document, indexed (FTS5 trigram on SQLite, pg_trgm on PostgreSQL).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc_search', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER doc_search_ai AFTER INSERT ON doc_search BEGIN "
    "INSERT INTO doc_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER doc_search_ad AFTER DELETE ON doc_search BEGIN "
    "INSERT INTO doc_fts(doc_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER doc_search_au AFTER UPDATE ON doc_search BEGIN "
    "INSERT INTO doc_fts(doc_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO doc_fts(rowid, body) VALUES (new.id, new.body); END",
]


def upgrade() -> None:
    op.create_table(
        "doc_search",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_doc_search_doc_id_documents",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_doc_search"),
        sa.UniqueConstraint("doc_id", name="uq_doc_search_doc_id"),
    )
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        try:
            conn.exec_driver_sql(SQLITE_FTS[0])
        except sa.exc.OperationalError:  # an SQLite without FTS5 or its trigram tokenizer: LIKE scans instead
            pass
        else:
            for stmt in SQLITE_FTS[1:]:
                conn.exec_driver_sql(stmt)
    elif conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:  # not allowed to create it: LIKE scans instead
            pass
        if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
            conn.exec_driver_sql("CREATE INDEX ix_doc_search_body_trgm ON doc_search USING gin (body gin_trgm_ops)")
    # index the documents stored before this table existed
    from rasad.store.search import reindex

    reindex(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("doc_search_ai", "doc_search_ad", "doc_search_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS doc_fts")
    op.drop_table("doc_search")
