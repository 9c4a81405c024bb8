"""Reading inputs: files, folders, JSONL, and every kind of bad input -> one clear problem."""
from __future__ import annotations

import builtins
import json
import os
import time

import pytest

from rasad.ingest import Document, IngestProblem, RawInput, expand, iter_inputs, to_document

from .conftest import article_text, page_html


def _run(paths, settings):
    out = []
    for item in iter_inputs([str(p) for p in paths], settings):
        out.append(to_document(item, settings) if isinstance(item, RawInput) else item)
    return out


def test_text_and_html_files(tmp_path, settings):
    (tmp_path / "a.txt").write_text(article_text("qadam"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page_html("yarmouk"), encoding="utf-8")
    (tmp_path / "c.htm").write_text(page_html("mosul"), encoding="utf-8")
    docs = _run([tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.htm"], settings)
    assert [type(d) for d in docs] == [Document] * 3
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert [d.raw_format for d in docs] == ["text", "html", "html"]
    assert docs[1].raw.startswith("<!DOCTYPE html>")
    assert docs[0].source_path == str(tmp_path / "a.txt")


def test_html_in_txt_file_is_html(tmp_path, settings):
    (tmp_path / "page.txt").write_text(page_html("mosul"), encoding="utf-8")
    (doc,) = _run([tmp_path / "page.txt"], settings)
    assert doc.raw_format == "html"
    assert "<p>" not in doc.text and "مقتل ثلاثة" in doc.text


def test_folder_recursive_sorted_skipping_hidden(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(article_text("qadam"), encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text(article_text("mosul"), encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(article_text("mosul"), encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(article_text("mosul"), encoding="utf-8")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "0.txt").write_text(article_text("tadamon"), encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)], settings))
    assert [i.id for i in items] == ["0", "1", "2"]


def test_explicit_unsupported_file_reported(tmp_path, settings):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (p,) = list(iter_inputs([str(tmp_path / "notes.pdf")], settings))
    assert isinstance(p, IngestProblem) and "unsupported file type .pdf" in p.reason


def test_jsonl_records_and_bad_lines(tmp_path, settings):
    good = {"id": "r1", "text": article_text("tadamon"), "outlet": "المدن", "published": "2018-05-02",
            "url": "https://www.almodon.com/arabworld/2018/5/2/x"}
    html = {"id": 7, "html": page_html("mosul"), "url": "https://shafaq.com/ar/x"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"text": "بلا معرف"}, ensure_ascii=False),
        "",
        json.dumps({"id": "r2"}),
        json.dumps([1, 2]),
        json.dumps(html, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _run([path], settings)
    assert [type(o).__name__ for o in out] == ["Document", "IngestProblem", "IngestProblem", "IngestProblem",
                                               "IngestProblem", "Document"]
    assert [o.source for o in out if isinstance(o, IngestProblem)] == [f"{path}:{n}" for n in (2, 3, 5, 6)]
    assert "invalid JSON" in out[1].reason and '"id"' in out[2].reason and '"text" or "html"' in out[3].reason
    d1, d2 = out[0], out[5]
    assert (d1.id, d1.outlet, d1.outlet_evidence, str(d1.published), d1.published_evidence) == (
        "r1", "المدن", "given", "2018-05-02", "given")
    assert d1.url == good["url"]
    assert (d2.id, d2.raw_format, d2.outlet, d2.outlet_evidence) == ("7", "html", "شفق نيوز", "url")


def test_jsonl_huge_line_refused_others_kept(tmp_path, settings):
    settings = settings.with_(max_text_chars=10_000)
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": article_text("qadam")}, ensure_ascii=False) + "\n")
        f.write('{"id": "b", "text": "' + "ن" * 200_000 + '"}\n')
        f.write(json.dumps({"id": "c", "text": article_text("mosul")}, ensure_ascii=False) + "\n")
    out = _run([path], settings)
    assert [type(o).__name__ for o in out] == ["Document", "IngestProblem", "Document"]
    assert out[1].source == f"{path}:2" and "too long" in out[1].reason
    assert out[2].id == "c"


# --------------------------------------------------------------------------- bad inputs: one problem each


def _one_problem(paths, settings) -> IngestProblem:
    out = _run(paths, settings)
    assert len(out) == 1 and isinstance(out[0], IngestProblem), out
    return out[0]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n  ", "empty"),
        ("latin.txt", b"Breaking news: clashes continue in southern Damascus, activists say. " * 5, "no Arabic"),
        ("few.txt", "Clashes in يلدا today, says a report from the area.".encode(), "no Arabic"),
        ("broken.html", b"<html><head><title>x</title></head><body><div><p></div></span><<<>>", "no Arabic text"),
        ("tags.html", b"<html><body><div><span></div></p></body", "no article text"),
        ("tags.txt", b"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div>", "no article text"),
        ("nul.txt", "نص عربي".encode() + b"\x00" * 10 + "نص".encode(), "binary"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("empty.html", b"", "empty file"),
    ],
)
def test_bad_file_gives_one_clear_problem(tmp_path, settings, name, data, reason):
    (tmp_path / name).write_bytes(data)
    p = _one_problem([tmp_path / name], settings)
    assert p.source == str(tmp_path / name)
    assert reason in p.reason


def test_truncated_arabic_page_still_read(tmp_path, settings):
    html = page_html("qadam")
    (tmp_path / "cut.html").write_text(html[: html.index("</article>") - 40] + "<div><p", encoding="utf-8")
    (doc,) = _run([tmp_path / "cut.html"], settings)
    assert isinstance(doc, Document) and "غادرت صباح اليوم الخميس" in doc.text


def test_missing_path(tmp_path, settings):
    p = _one_problem([tmp_path / "nope.txt"], settings)
    assert p.reason == "no such file or folder"


def test_huge_single_line_refused_fast_without_reading(tmp_path, settings, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # 50 MB, one line, sparse on disk
        f.truncate(50 * 1024 * 1024)
    real_open = builtins.open

    def guarded_open(file, mode="r", *a, **k):
        assert os.fspath(file) != os.fspath(path), "the huge file must not be opened"
        return real_open(file, mode, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded_open)
    t0 = time.perf_counter()
    p = _one_problem([path], settings)
    assert time.perf_counter() - t0 < 0.5
    assert "too large" in p.reason and "50.0 MB" in p.reason


def test_long_text_refused_by_characters(tmp_path, settings):
    settings = settings.with_(max_text_chars=5_000)
    (tmp_path / "long.txt").write_text("ن" * 6_000, encoding="utf-8")  # 12 KB < 4 x 5000 bytes
    p = _one_problem([tmp_path / "long.txt"], settings)
    assert "too long" in p.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads chmod 000 files")
def test_unreadable_file_chmod_000(tmp_path, settings):
    path = tmp_path / "secret.txt"
    path.write_text(article_text("qadam"), encoding="utf-8")
    path.chmod(0)
    try:
        p = _one_problem([path], settings)
        assert "cannot read" in p.reason and "ermission" in p.reason
    finally:
        path.chmod(0o644)


def test_unreadable_file_permission_error(tmp_path, settings, monkeypatch):
    """The same path as chmod 000 for a user who cannot read it (works as root too)."""
    path = tmp_path / "secret.txt"
    path.write_text(article_text("qadam"), encoding="utf-8")
    real_open = builtins.open

    def denied(file, mode="r", *a, **k):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, mode, *a, **k)

    monkeypatch.setattr(builtins, "open", denied)
    p = _one_problem([path], settings)
    assert p.reason == "cannot read (Permission denied)"


def test_bad_inputs_do_not_stop_the_rest(tmp_path, settings):
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_text(article_text("qadam"), encoding="utf-8")
    (tmp_path / "3.txt").write_bytes(b"\x00\x01" * 100)
    out = _run([tmp_path, tmp_path / "missing.txt"], settings)
    assert [type(o).__name__ for o in out] == ["IngestProblem", "Document", "IngestProblem", "IngestProblem"]


def test_expand_counts_what_iter_inputs_yields(tmp_path, settings):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(article_text("qadam"), encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(page_html("mosul"), encoding="utf-8")
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF")
    lines = [json.dumps({"id": i, "text": article_text("tadamon")}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines[:2]) + "\n\n" + lines[2] + "\n{bad\n", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt"), "ftp://example.org/x"]
    sources = expand(paths, settings)
    items = list(iter_inputs(sources, settings))
    assert sources.total == len(items) == 8  # a, 4 JSONL lines, b, missing, ftp
    assert [getattr(i, "id", None) for i in items[:6]] == ["a", "0", "1", "2", None, "b"]
    # the same items, lazily, from the paths themselves
    assert [getattr(i, "source") for i in iter_inputs(paths, settings)] == [i.source for i in items]
