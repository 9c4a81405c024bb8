"""Arabic-aware full-text search over stored documents.

Documents are indexed by their matching form (`rasad.arabic.normalize.norm`:
hamza seats, alef maqsura, taa marbuta, diacritics and tatweel folded), and so
is the query, so "الاسود" finds "الأسود" and "قتلى" finds "قتلي". A query is
split on spaces; a document matches when its title or text contains every
word as a substring of the matching form (so a word also matches with a
clitic attached: "الاسود" finds "والأسود").

SQLite answers with an FTS5 trigram index (`doc_fts`, over `doc_search.body`);
words shorter than three characters, which a trigram index cannot look up, are
checked with LIKE on the rows the longer words leave. PostgreSQL answers with
LIKE on `doc_search.body`, which a pg_trgm GIN index serves when the extension
could be created (migration 0005), and a scan otherwise. Match offsets are
computed on the hit documents' text with `normalize` and mapped back to the
original characters, so they index the clean text the user sees.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, func, insert, select, text
from sqlalchemy.engine import Connection

from ..arabic.normalize import norm, normalize
from .db import Store
from .schema import doc_search, documents

MAX_WORDS = 10
SNIPPET = 80  # characters of context on each side of the first match


def search_body(title: str | None, text_: str) -> str:
    """What is indexed for a document: the matching forms of its title and text."""
    return f"{norm(title or '')}\n{norm(text_)}"


def index_rows(conn: Connection, docs: Iterable[tuple[str, str | None, str]]) -> None:
    """Index (doc_id, title, text) triples inside the caller's transaction."""
    rows = [{"doc_id": d, "body": search_body(t, x)} for d, t, x in docs]
    if rows:
        conn.execute(insert(doc_search), rows)


def query_words(q: str) -> list[str]:
    """The query's words in matching form (at most MAX_WORDS, duplicates dropped)."""
    words = [w.strip("\"'()[]{}.,;:!?*^-") for w in norm(q).split()]
    return list(dict.fromkeys(w for w in words if w))[:MAX_WORDS]


def _like(word: str):
    return doc_search.c.body.contains(word, autoescape=True)


def matching_ids(store: Store, words: list[str]):
    """A SELECT of the ids of documents containing every word (a subquery for other queries)."""
    if not words:
        return select(doc_search.c.doc_id).where(False)
    if store.dialect == "sqlite":
        long_words = [w for w in words if len(w) >= 3]
        conds = [_like(w) for w in words if len(w) < 3]
        if long_words:
            fts = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
            conds.append(doc_search.c.id.in_(text("SELECT rowid FROM doc_fts WHERE doc_fts MATCH :fts")
                                             .bindparams(fts=fts)))
        return select(doc_search.c.doc_id).where(and_(*conds))
    return select(doc_search.c.doc_id).where(and_(*[_like(w) for w in words]))


def search_ids(store: Store, q: str):
    """A SELECT of the ids of documents matching the query `q` (see the module docstring)."""
    return matching_ids(store, query_words(q))


@dataclass
class Hit:
    id: str
    title: str | None
    outlet: str | None
    published: object
    url: str | None
    snippet: str
    snippet_start: int
    matches: list[tuple[int, int]]


def find_matches(text_: str, words: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of the words in the matching form of `text_`, as offsets into `text_`."""
    n = normalize(text_)
    spans: set[tuple[int, int]] = set()
    for w in words:
        i = n.text.find(w)
        while i != -1:
            spans.add(n.orig_span(i, i + len(w)))
            i = n.text.find(w, i + 1)
    return sorted(spans)


def search(store: Store, q: str, limit: int = 20, offset: int = 0) -> tuple[list[Hit], int]:
    """Documents matching `q`, newest first, with the offsets of every match in their text."""
    words = query_words(q)
    if not words:
        return [], 0
    ids = matching_ids(store, words)
    t = documents
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t).where(t.c.id.in_(ids))).scalar_one()
        rows = conn.execute(select(t.c.id, t.c.title, t.c.outlet, t.c.published, t.c.url, t.c.text)
                            .where(t.c.id.in_(ids)).order_by(t.c.published.desc().nulls_last(), t.c.id)
                            .limit(limit).offset(offset)).mappings().all()
    hits = []
    for r in rows:
        matches = find_matches(r["text"], words)
        first = matches[0][0] if matches else 0
        start = max(0, first - SNIPPET)
        end = min(len(r["text"]), (matches[0][1] if matches else 0) + SNIPPET)
        hits.append(Hit(r["id"], r["title"], r["outlet"], r["published"], r["url"], r["text"][start:end], start,
                        matches))
    return hits, int(total)


def reindex(conn: Connection, batch: int = 200) -> int:
    """Fill `doc_search` for every stored document that lacks a row (the migration's backfill)."""
    n = 0
    last = ""
    while True:
        rows = conn.execute(select(documents.c.id, documents.c.title, documents.c.text)
                            .where(documents.c.id > last,
                                   ~documents.c.id.in_(select(doc_search.c.doc_id)))
                            .order_by(documents.c.id).limit(batch)).all()
        if not rows:
            return n
        index_rows(conn, rows)
        n += len(rows)
        last = rows[-1][0]


__all__ = ["Hit", "find_matches", "index_rows", "matching_ids", "query_words", "reindex", "search", "search_body",
           "search_ids"]
