"""URLs: fetched with limits, every failure one clear problem (local server on 127.0.0.1)."""
from __future__ import annotations

import time

import pytest

from rasad.ingest import Document, IngestProblem, RawInput, iter_inputs, to_document
from rasad.ingest.fetch import fetch, url_id

from .conftest import ARTICLES


@pytest.fixture
def net_settings(settings):
    return settings.with_(url_timeout=0.5, url_max_bytes=200_000, url_max_redirects=3)


def test_fetch_article(http_server, net_settings):
    raw = fetch(f"{http_server}/article", net_settings)
    assert isinstance(raw, RawInput) and raw.format == "html" and raw.charset == "utf-8"
    doc = to_document(raw, net_settings)
    assert isinstance(doc, Document)
    a = ARTICLES["yarmouk"]
    assert doc.title == a["title"]
    for para in a["body"]:
        assert para in doc.text
    for junk in ("أخبار متعلقة", "جميع الحقوق محفوظة", "بحث"):
        assert junk not in doc.text
    assert doc.url == f"{http_server}/article"
    assert doc.outlet == "عنب بلدي" and doc.outlet_evidence == "html"
    assert str(doc.published) == "2018-05-06" and doc.published_evidence == "html"


def test_redirect_followed_within_cap(http_server, net_settings):
    raw = fetch(f"{http_server}/redirect-ok", net_settings)
    assert isinstance(raw, RawInput) and raw.url.endswith("/article")
    assert raw.source == f"{http_server}/redirect-ok"


@pytest.mark.parametrize("path, codec", [("/article-cp1256", "cp1256"), ("/article-header-charset", "cp1256")])
def test_declared_charsets(http_server, net_settings, path, codec):
    doc = to_document(fetch(http_server + path, net_settings), net_settings)
    assert isinstance(doc, Document) and doc.encoding == codec
    key = "qadam" if "1256" in path else "mosul"
    assert ARTICLES[key]["body"][0] in doc.text


def test_plain_text_url(http_server, net_settings):
    doc = to_document(fetch(f"{http_server}/plain", net_settings), net_settings)
    assert isinstance(doc, Document) and doc.raw_format == "text"
    assert doc.text.split("\n")[1:] == ARTICLES["tadamon"]["body"]


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/slow", "timed out after 0.5 s"),
        ("/to-file", "redirected to file:// (only http and https are fetched)"),
        ("/loop/0", "too many redirects (more than 3)"),
        ("/big", "page too large (over 195 KB)"),
        ("/big-declared", "page too large (500.0 MB > 195 KB)"),
        ("/pdf", "not an HTML page (content type application/pdf)"),
        ("/missing", "HTTP error 404 Not Found"),
    ],
)
def test_url_problems(http_server, net_settings, path, reason):
    t0 = time.perf_counter()
    p = fetch(http_server + path, net_settings)
    assert isinstance(p, IngestProblem)
    assert p.source == http_server + path
    assert p.reason == reason
    assert time.perf_counter() - t0 < 1.5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.html"])
def test_other_schemes_refused(url, net_settings):
    (p,) = list(iter_inputs([url], net_settings))
    assert isinstance(p, IngestProblem) and "only http and https" in p.reason


def test_unreachable_host(net_settings):
    p = fetch("http://127.0.0.1:9/x", net_settings)  # discard port: nothing listens
    assert isinstance(p, IngestProblem) and p.reason.startswith("could not fetch")


def test_iter_inputs_mixes_urls_and_files(http_server, net_settings, tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(ARTICLES["mosul"]["body"]), encoding="utf-8")
    out = list(iter_inputs([f"{http_server}/article", str(tmp_path / "a.txt"), f"{http_server}/missing"], net_settings))
    assert [type(o).__name__ for o in out] == ["RawInput", "RawInput", "IngestProblem"]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.enabbaladi.net/archives/228000", "enabbaladi.net_archives_228000-"),
        ("https://www.aljazeera.net/news/2018/5/6/قصف", "aljazeera.net_news_2018_5_6_قصف-"),
    ],
)
def test_url_ids(url, expected):
    uid = url_id(url)
    assert uid.startswith(expected) and len(uid) == len(expected) + 8
    assert url_id(url) == uid and url_id(url + "?p=2") != uid
