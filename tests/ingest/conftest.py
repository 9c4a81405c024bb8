"""Fixtures for the ingest tests: test articles, settings, a local HTTP server."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from rasad.settings import Settings

DATA = Path(__file__).parent / "data"


def load_yaml(name: str):
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


ARTICLES: dict = load_yaml("articles.yaml")


def article_text(key: str, title: bool = True, dateline: bool = True, sep: str = "\n") -> str:
    a = ARTICLES[key]
    lines = ([a["title"]] if title else []) + ([a["dateline"]] if dateline and a.get("dateline") else []) + a["body"]
    return sep.join(lines)


@pytest.fixture
def settings() -> Settings:
    return Settings()


# --------------------------------------------------------------------------- local HTTP server

PAGE_HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{title} | عنب بلدي</title>
<meta property="og:site_name" content="عنب بلدي">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2018-05-06T09:30:00+03:00">
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav>
<form><input name="q" placeholder="بحث"><button>بحث</button></form></header>
<main><article>
<h1>{title}</h1>
{paragraphs}
<div class="share">شارك</div>
</article>
<aside><h3>أخبار متعلقة</h3><ul><li><a href="/1">النظام يقصف يلدا</a></li><li><a href="/2">تعزيزات إلى التضامن</a></li></ul></aside>
</main>
<footer><p>© 2018 جميع الحقوق محفوظة</p></footer>
</body></html>
"""


def page_html(key: str = "yarmouk", charset: str = "utf-8") -> str:
    a = ARTICLES[key]
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ([a["dateline"]] if a.get("dateline") else []) + a["body"])
    return PAGE_HTML.format(title=a["title"], paragraphs=paragraphs, charset=charset)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True, extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            self.close_connection = True

    def do_GET(self):  # noqa: N802 - http.server naming
        path = self.path
        if path == "/article":
            self._send(200, page_html().encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/article-cp1256":
            self._send(200, page_html("qadam", "windows-1256").encode("cp1256"), "text/html")
        elif path == "/article-header-charset":
            self._send(200, page_html("mosul", "utf-8").replace('<meta charset="utf-8">', "").encode("cp1256"),
                       "text/html; charset=windows-1256")
        elif path == "/plain":
            self._send(200, article_text("tadamon").encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/slow":
            time.sleep(self.server.slow_seconds)
            self._send(200, page_html().encode("utf-8"), "text/html")
        elif path == "/to-file":
            self._send(302, b"", "text/html", extra={"Location": "file:///etc/passwd"})
        elif path.startswith("/loop/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, b"", "text/html", extra={"Location": f"/loop/{n + 1}"})
        elif path == "/redirect-ok":
            self._send(301, b"", "text/html", extra={"Location": "/article"})
        elif path == "/big":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = ("<p>" + "نص " * 2000 + "</p>").encode("utf-8")
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(500 * 1024 * 1024))
            self.end_headers()
            self.close_connection = True
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 binary", "application/pdf")
        elif path == "/missing":
            self._send(404, b"not found", "text/html")
        else:
            self._send(500, b"error", "text/html")


@pytest.fixture(scope="module")
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.slow_seconds = 2.0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
