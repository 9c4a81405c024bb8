"""The store on SQLite and PostgreSQL: schema, round trips, transactions, queries."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from rasad.model import Document, OffsetMap
from rasad.store import Store, StoreError


def doc(i: int, **kw) -> Document:
    text = kw.pop("text", f"نص المقال رقم {i} عن اشتباكات في حي التضامن جنوب دمشق.")
    return Document(id=kw.pop("id", f"d{i:03d}"), text=text, title=kw.pop("title", f"عنوان {i}"),
                    content_hash=hashlib.sha256(text.encode()).hexdigest(), raw=text, **kw)


def test_schema_created_and_migration_idempotent(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "ingest_runs", "alembic_version"} <= tables
    store.migrate()  # a second upgrade is a no-op
    assert set(inspect(store.engine).get_table_names()) == tables


def test_document_round_trip(store):
    d = doc(1, outlet="المدن", outlet_evidence="text", published=date(2018, 5, 8), published_evidence="given",
            url="https://www.almodon.com/x", source_path="/tmp/a.txt", encoding="utf-8",
            offsets=OffsetMap(((0, 5, 10), (10, 20, 30))))
    store.add_documents([d], {d.id: b"\x01\x02"})
    back = store.document("d001")
    assert back == d
    assert list(store.iter_signatures()) == [("d001", b"\x01\x02")]
    assert store.document("missing") is None


def test_batch_is_all_or_nothing(store):
    a, b = doc(1), doc(2)
    clash = doc(3, text=a.text)  # same content hash as a
    with pytest.raises(IntegrityError):
        store.add_documents([a, b, clash])
    assert store.stats()["documents"] == 0
    store.add_documents([a, b])
    assert store.known_hashes([a.content_hash, "nope"]) == {a.content_hash}
    assert store.known_ids(["d001", "d002", "d009"]) == {"d001", "d002"}


def test_listing_filters_and_stats(store):
    docs = [doc(i, outlet="المدن" if i % 2 else "عنب بلدي", published=date(2018, 5, i) if i < 5 else None)
            for i in range(1, 8)]
    docs.append(doc(8, duplicate_of="d001", similarity=0.91, outlet="المدن"))
    store.add_documents(docs)
    rows, total = store.documents(outlet="المدن")
    assert total == 5 and {r.id for r in rows} == {"d001", "d003", "d005", "d007", "d008"}
    rows, total = store.documents(since=date(2018, 5, 2), until=date(2018, 5, 3))
    assert [r.id for r in rows] == ["d003", "d002"]  # newest first
    assert store.documents(duplicates=True)[1] == 1
    assert store.documents(duplicates=False)[1] == 7
    assert store.documents(search="رقم 6")[0][0].id == "d006"
    rows, total = store.documents(limit=3, offset=6)
    assert total == 8 and len(rows) == 2
    st = store.stats()
    assert st["documents"] == 8 and st["near_duplicates"] == 1 and st["originals"] == 7
    assert st["undated"] == 4 and st["first_published"] == "2018-05-01" and st["last_published"] == "2018-05-04"
    assert st["outlets"] == {"المدن": 5, "عنب بلدي": 3}


def test_iter_documents_reads_in_batches(store):
    store.add_documents([doc(i) for i in range(1, 24)] + [doc(30, duplicate_of="d001")])
    assert [d.id for d in store.iter_documents(batch=5)] == [f"d{i:03d}" for i in range(1, 24)] + ["d030"]
    assert len(list(store.iter_documents(include_duplicates=False, batch=7))) == 23


def test_runs_are_recorded(store):
    from rasad.model import IngestProblem

    run = store.start_run(["a", "b"])
    store.finish_run(run, stored=1, unchanged=2, near_duplicates=0, problems=[IngestProblem("b", "empty file")])
    assert store.stats()["ingest_runs"] == 1


def test_unusable_location_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}")
