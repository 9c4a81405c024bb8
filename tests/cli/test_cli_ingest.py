"""`rasad ingest`, `rasad docs`, `rasad stats` end to end, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from rasad import pipeline
from rasad.cli import app
from rasad.settings import Settings
from rasad.store import Store

runner = CliRunner()
CORPUS = ROOT / "examples" / "corpus"
DEBRIS = ["اترك تعليقاً", "زائر", "Flag Counter", "كود امني", "أخبار متعلقة"]

GOOD = """اشتباكات في حي جوبر
شهد حي جوبر الدمشقي صباح اليوم اشتباكات متقطعة بين قوات النظام وفصائل المعارضة على أطراف الحي الشرقية،
وسط قصف مدفعي متبادل استمر عدة ساعات دون أن تتغير خريطة السيطرة في المنطقة، بحسب ناشطين من الحي.
"""


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args])


def test_seeds_are_stored_clean_once(store_url, seeds_dir):
    r = ingest(str(seeds_dir), "--db", store_url, "--json", "--no-reconcile")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert len(out["stored"]) == 5 and out["problems"] == [] and out["extracted"] == 5
    with Store.open(store_url) as store:
        docs = list(store.iter_documents())
    assert len(docs) == 5
    for doc in docs:
        for junk in DEBRIS:
            assert junk not in doc.text, (doc.id, junk)
        raw_lines = [ln.strip() for ln in doc.raw.splitlines()]
        # every long body paragraph of the raw text survives cleaning verbatim
        for line in raw_lines:
            if len(line.split()) > 25 and line.endswith((".", "،")) and not line.endswith("..."):
                assert line in doc.text, (doc.id, line[:60])
    again = ingest(str(seeds_dir), "--db", store_url, "--json", "--no-reconcile")
    assert again.exit_code == 0
    out = json.loads(again.stdout)
    assert out["stored"] == [] and len(out["unchanged"]) == 5


@pytest.fixture
def slow_server():
    """A local HTTP server whose every answer comes after the client gave up."""
    class Slow(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            time.sleep(3)
            try:
                self.send_response(200)
                self.end_headers()
            except OSError:
                pass

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article"
    server.shutdown()


def test_bad_inputs_never_stop_the_batch(store_url, tmp_path, slow_server, monkeypatch):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "good1.txt").write_text(GOOD, encoding="utf-8")
    (d / "good2.html").write_text(f"<html><head><title>خبر</title></head><body><article><p>{GOOD}</p>"
                                  "</article></body></html>", encoding="utf-8")
    (d / "binary.txt").write_bytes(os.urandom(4096) + b"\x00" * 100)
    (d / "empty.txt").write_bytes(b"")
    (d / "latin.txt").write_text("This page is in English only and has no Arabic at all. " * 20)
    with open(d / "huge.txt", "wb") as f:  # a 50 MB file on one line
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"a")
    (d / "broken.html").write_text("<html><body><div><p>Lorem <b>ipsum <i>dolor</div></p></span>",
                                   encoding="utf-8")
    missing = tmp_path / "no-such-file.txt"
    monkeypatch.setenv("RASAD_URL_TIMEOUT", "1")
    r = ingest(str(d), str(missing), slow_server, "--db", store_url, "--json", "--no-reconcile")
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    out = json.loads(r.stdout)
    assert len(out["stored"]) == 2
    sources = {Path(p["source"]).name if not p["source"].startswith("http") else "url": p["reason"]
               for p in out["problems"]}
    assert set(sources) == {"binary.txt", "empty.txt", "latin.txt", "huge.txt", "broken.html",
                            "no-such-file.txt", "url"}, out["problems"]
    assert all(reason and "\n" not in reason for reason in sources.values())
    # the plain summary has one line per failed input
    r = ingest(str(d), str(missing), "--db", store_url, "--no-reconcile")
    assert r.exit_code == 1
    assert sum(1 for ln in r.stdout.splitlines() if ln.startswith("  failed ")) == 6, r.stdout


@pytest.mark.parametrize("batch", ["200", "1"])  # one batch (in-memory index) or one per document (the database's)
def test_example_corpus_matches_its_manifest(tmp_path, batch):
    db = tmp_path / "corpus.db"
    r = ingest(str(CORPUS), "--db", str(db), "--json", "--batch-size", batch,
               *(["--no-reconcile"] if batch == "1" else []))
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    dups = {a["id"]: b for a, b in ((x, x["duplicate_of"]) for x in out["near_duplicates"])}
    expected = {Path(m["file"]).stem: Path(m["near_duplicate_of"]).stem
                for m in manifest if m.get("near_duplicate_of") and not m.get("exact_duplicate")}
    assert dups == expected
    assert batch == "1" or out["reconciled"]["events"] > 0
    r = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    st = json.loads(r.stdout)
    assert st["documents"] == len(out["stored"]) and st["near_duplicates"] == len(expected)


def test_interrupted_run_keeps_batches_and_resumes(store_url, tmp_path):
    settings = Settings(db=store_url, batch_size=4)
    seen = 0

    def stop_after_ten(advance, total, label):
        nonlocal seen
        seen += advance
        if seen >= 10:
            raise KeyboardInterrupt

    with Store.open(store_url) as store:
        with pytest.raises(KeyboardInterrupt):
            pipeline.ingest([str(CORPUS)], store, settings, progress=stop_after_ten, reconcile=False)
        kept = store.stats()["documents"]
        assert kept == 8  # two full batches of four were committed
        report = pipeline.ingest([str(CORPUS)], store, settings, reconcile=False)
        assert len(report.unchanged) == 8 + 1  # the committed ones, and the exact copy
        total = store.stats()["documents"]
    assert total == 8 + len(report.stored)
    r = runner.invoke(app, ["docs", "list", "--db", store_url, "--json", "--limit", "100"])
    ids = [d["id"] for d in json.loads(r.stdout)["documents"]]
    assert len(ids) == len(set(ids)) == total


def test_docs_list_show_and_stats(tmp_path, seeds_dir):
    db = str(tmp_path / "s.db")
    ingest(str(seeds_dir), "--db", db, "--quiet")
    r = runner.invoke(app, ["docs", "list", "--db", db, "--outlet", "صوت العاصمة", "--json"])
    assert r.exit_code == 0
    listed = json.loads(r.stdout)
    assert listed["total"] == 2
    doc_id = listed["documents"][0]["id"]
    r = runner.invoke(app, ["docs", "show", doc_id, "--db", db, "--json"])
    shown = json.loads(r.stdout)
    assert shown["id"] == doc_id and shown["outlet"] == "صوت العاصمة" and shown["text"]
    r = runner.invoke(app, ["docs", "show", "nope", "--db", db])
    assert r.exit_code == 1 and "no document" in r.output
    r = runner.invoke(app, ["docs", "list", "--db", db, "--since", "yesterday"])
    assert r.exit_code == 1 and "YYYY-MM-DD" in r.output
    r = runner.invoke(app, ["stats", "--db", db])
    assert r.exit_code == 0 and "documents" in r.stdout


def test_unusable_database_is_one_clear_error(tmp_path):
    r = ingest(str(CORPUS), "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert r.exit_code == 1
    assert "does not exist" in r.output and "Traceback" not in r.output
