"""The store: one SQLAlchemy engine, migrated to the current schema on open.

SQLite (a file, by default `rasad.db` in the working folder) and PostgreSQL
(`postgresql+psycopg://…`) run the same code. Writes happen in explicit
transactions, one per batch, so a run killed mid-way keeps every batch it
committed and a re-run resumes without duplicates (documents are keyed by
their content hash).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from ..model import Document, IngestProblem, OffsetMap
from .schema import doc_bands, documents, ingest_runs

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The database cannot be opened or written; the message says why."""


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            parent = Path(u.database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {u.database}: folder {parent} does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    chars: int
    duplicate_of: str | None
    similarity: float | None
    source_path: str | None


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """A rasad database. Use `Store.open(url)`; close it (or use `with`)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, url: str, migrate: bool = True) -> "Store":
        try:
            store = cls(_engine(url))
            if migrate:
                store.migrate()
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"cannot open database {make_url(url).render_as_string(hide_password=True)}: "
                             f"{_reason(e)}") from e
        return store

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        from alembic import command  # imported on first use: commands that open no store need no alembic
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # ------------------------------------------------------------------ ingest runs

    def start_run(self, inputs: list[str]) -> int:
        with self.transaction() as conn:
            res = conn.execute(insert(ingest_runs).values(
                started_at=_now(), inputs=inputs, stored=0, unchanged=0, near_duplicates=0, failed=0, problems=[]))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, *, stored: int, unchanged: int, near_duplicates: int,
                   problems: list[IngestProblem]) -> None:
        with self.transaction() as conn:
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(
                finished_at=_now(), stored=stored, unchanged=unchanged, near_duplicates=near_duplicates,
                failed=len(problems), problems=[{"source": p.source, "reason": p.reason} for p in problems]))

    # ------------------------------------------------------------------ documents

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                found.update(conn.execute(select(documents.c.content_hash)
                                          .where(documents.c.content_hash.in_(chunk))).scalars())
        return found

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                found.update(conn.execute(select(documents.c.id).where(documents.c.id.in_(ids[i:i + 500]))).scalars())
        return found

    def add_documents(self, docs: list[Document], signatures: dict[str, bytes] | None = None,
                      run_id: int | None = None, bands: dict[str, list[tuple[int, int]]] | None = None) -> None:
        """Insert documents (with their near-duplicate band keys and full-text index rows) in one
        transaction (all or none)."""
        if not docs:
            return
        signatures = signatures or {}
        now = _now()
        rows = [{
            "id": d.id, "content_hash": d.content_hash, "title": d.title, "text": d.text, "outlet": d.outlet,
            "outlet_evidence": d.outlet_evidence, "published": d.published,
            "published_evidence": d.published_evidence, "url": d.url, "source_path": d.source_path,
            "raw_format": d.raw_format, "raw": d.raw, "encoding": d.encoding,
            "offsets": [list(s) for s in d.offsets.segments] if d.offsets else None,
            "signature": signatures.get(d.id), "duplicate_of": d.duplicate_of, "similarity": d.similarity,
            "run_id": run_id, "ingested_at": now,
        } for d in docs]
        band_rows = [{"band": b, "hash": h, "doc_id": doc_id}
                     for doc_id, keys in (bands or {}).items() for b, h in keys]
        from .search import index_rows  # the full-text index (search imports this module)

        with self.transaction() as conn:
            conn.execute(insert(documents), rows)
            if band_rows:
                conn.execute(insert(doc_bands), band_rows)
            index_rows(conn, ((d.id, d.title, d.text) for d in docs))

    def band_matches(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], set[str]]:
        """For each LSH band key, the stored documents that share it (one query per 500 keys)."""
        wanted = set(keys)
        hashes = sorted({h for _, h in wanted})
        out: dict[tuple[int, int], set[str]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                rows = conn.execute(select(doc_bands.c.band, doc_bands.c.hash, doc_bands.c.doc_id)
                                    .where(doc_bands.c.hash.in_(hashes[i:i + 500])))
                for band, h, doc_id in rows:
                    if (band, h) in wanted:
                        out.setdefault((band, h), set()).add(doc_id)
        return out

    def signatures_of(self, ids: Iterable[str]) -> dict[str, bytes]:
        ids = list(ids)
        out: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                out.update((d, bytes(sig)) for d, sig in conn.execute(
                    select(documents.c.id, documents.c.signature).where(documents.c.id.in_(ids[i:i + 500]),
                                                                        documents.c.signature.is_not(None))))
        return out

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        return _to_document(row) if row else None

    def iter_documents(self, include_duplicates: bool = True, batch: int = 500) -> Iterator[Document]:
        """Every stored document, in id order, read in batches (memory stays flat)."""
        last = ""
        while True:
            q = select(documents).where(documents.c.id > last).order_by(documents.c.id).limit(batch)
            if not include_duplicates:
                q = q.where(documents.c.duplicate_of.is_(None))
            with self.engine.connect() as conn:
                rows = conn.execute(q).mappings().all()
            if not rows:
                return
            for r in rows:
                yield _to_document(r)
            last = rows[-1]["id"]

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        with self.engine.connect() as conn:
            for doc_id, sig in conn.execute(select(documents.c.id, documents.c.signature)
                                            .where(documents.c.signature.is_not(None))):
                yield doc_id, bytes(sig)

    def documents(self, *, outlet: str | None = None, since: date | None = None, until: date | None = None,
                  search: str | None = None, duplicates: bool | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[DocumentSummary], int]:
        """Summaries matching the filters (newest first) and the total count."""
        conds = []
        if outlet:
            conds.append(documents.c.outlet == outlet)
        if since:
            conds.append(documents.c.published >= since)
        if until:
            conds.append(documents.c.published <= until)
        if search:
            like = f"%{search}%"
            conds.append(or_(documents.c.text.like(like), documents.c.title.like(like)))
        if duplicates is True:
            conds.append(documents.c.duplicate_of.is_not(None))
        elif duplicates is False:
            conds.append(documents.c.duplicate_of.is_(None))
        cols = [documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url,
                func.length(documents.c.text).label("chars"), documents.c.duplicate_of, documents.c.similarity,
                documents.c.source_path]
        q = select(*cols).where(*conds).order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(documents).where(*conds)).scalar_one()
            rows = conn.execute(q.limit(limit).offset(offset)).all()
        return [DocumentSummary(*r) for r in rows], int(total)

    def stats(self) -> dict:
        with self.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            dups = conn.execute(select(func.count()).select_from(documents)
                                .where(documents.c.duplicate_of.is_not(None))).scalar_one()
            first, last = conn.execute(select(func.min(documents.c.published), func.max(documents.c.published))).one()
            undated = conn.execute(select(func.count()).select_from(documents)
                                   .where(documents.c.published.is_(None))).scalar_one()
            outlets = conn.execute(select(documents.c.outlet, func.count()).group_by(documents.c.outlet)
                                   .order_by(func.count().desc(), documents.c.outlet)).all()
            fmts = conn.execute(select(documents.c.raw_format, func.count()).group_by(documents.c.raw_format)).all()
            runs = conn.execute(select(func.count()).select_from(ingest_runs)).scalar_one()
        return {
            "documents": n, "near_duplicates": dups, "originals": n - dups, "undated": undated,
            "first_published": first.isoformat() if first else None,
            "last_published": last.isoformat() if last else None,
            "outlets": {o or "(unknown)": c for o, c in outlets},
            "formats": {f: c for f, c in fmts},
            "ingest_runs": runs,
            "database": self.engine.url.render_as_string(hide_password=True),
        }


def _to_document(r) -> Document:
    offsets = OffsetMap(tuple(tuple(s) for s in r["offsets"])) if r["offsets"] else None
    return Document(
        id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], published=r["published"], url=r["url"],
        raw=r["raw"], raw_format=r["raw_format"], content_hash=r["content_hash"], offsets=offsets,
        source_path=r["source_path"], encoding=r["encoding"], outlet_evidence=r["outlet_evidence"],
        published_evidence=r["published_evidence"], duplicate_of=r["duplicate_of"], similarity=r["similarity"],
    )


def _reason(e: Exception) -> str:
    orig = getattr(e, "orig", None)
    return str(orig or e).strip().splitlines()[0]
