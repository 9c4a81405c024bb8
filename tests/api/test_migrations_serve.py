"""Stores made before the API's migrations get their search index and control rows; `rasad serve` serves."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date

import httpx
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select

from rasad.model import Attribution, Control, Document, Extraction
from rasad.store import Store
from rasad.store.db import MIGRATIONS
from rasad.store.schema import control, doc_search

TEXT = "سيطرت قوات النظام على بلدة التمانعة في ريف إدلب الجنوبي بعد معارك عنيفة مع فصائل المعارضة استمرت أياماً."


def _upgrade(store: Store, rev: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, rev)


def test_old_store_is_backfilled(store_url):
    from rasad.store.extractions import save_extractions

    store = Store.open(store_url, migrate=False)
    try:
        _upgrade(store, "0004")
        doc = Document(id="old1", text=TEXT, title="التمانعة", raw=TEXT,
                       content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
        from sqlalchemy import insert

        from rasad.store.schema import documents
        with store.transaction() as conn:  # as a 0004 store held it (no search row)
            conn.execute(insert(documents).values(
                id=doc.id, content_hash=doc.content_hash, title=doc.title, text=doc.text, raw=doc.raw,
                raw_format="text", ingested_at=date(2020, 1, 1)))
        k = Control(place="التمانعة", place_id="gn:172347", lat=35.5, lon=36.7, side="government",
                    actor="syrian_army", change="gained", date_start=None, date_end=None, status="asserted",
                    source=Attribution(), start=TEXT.index("التمانعة"), end=TEXT.index("التمانعة") + 8,
                    evidence_start=0, evidence_end=len(TEXT))
        ex = Extraction(doc_id="old1", outlet=None, published=None, control=(k,))
        with store.transaction() as conn:  # save_extractions needs the control table: write the JSON by hand
            from rasad.store.extractions import extraction_to_dict
            from rasad.store.schema import extractions
            conn.execute(insert(extractions).values(doc_id="old1", data=extraction_to_dict(ex),
                                                    saved_at=date(2020, 1, 1)))
        store.migrate()
        with store.engine.connect() as conn:
            assert conn.execute(select(doc_search.c.doc_id)).scalars().all() == ["old1"]
            rows = conn.execute(select(control)).mappings().all()
        assert len(rows) == 1 and rows[0]["place_id"] == "gn:172347" and rows[0]["evidence"] == TEXT
        from rasad.store.search import search
        hits, total = search(store, "التمانعه")
        assert total == 1 and TEXT[hits[0].matches[0][0]:hits[0].matches[0][1]] == "التمانعة"
        # re-saving the extraction replaces the control rows, not adds to them
        save_extractions(store, [("old1", ex)])
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(control)).scalar_one() == 1
    finally:
        store.close()


def test_rasad_serve_prints_its_url_and_answers(tmp_path):
    db = tmp_path / "serve.db"
    exe = os.path.join(os.path.dirname(sys.executable), "rasad")
    proc = subprocess.Popen([exe, "serve", "--db", str(db), "--port", "0", "--no-open"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "200"})
    try:
        line = proc.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert m, line
        assert "read-only" in line
        url = m.group(1)
        for _ in range(50):
            try:
                r = httpx.get(url + "api/stats", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["documents"] == 0
        assert httpx.post(url + "api/documents", json={"text": TEXT}).status_code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
