"""End-to-end tests of the web page in headless Chromium (marked `browser`).

The session ingests the example corpus plus one article of our own that carries HTML tags as text into a
temporary SQLite store, starts the real `rasad serve` on a free port, and drives Debian's Chromium
(/usr/bin/chromium, installed by scripts/test.sh) with Playwright for Python. Playwright's own browser
downloads are never used. Without /usr/bin/chromium every test here is skipped, saying why.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
CHROMIUM = Path(os.environ.get("RASAD_CHROMIUM", "/usr/bin/chromium"))

# An article written for this test: markup that must show as text and never run.
XSS_ID = "xss_markup_as_text"
XSS_ARTICLE = """قصف على دوما <script>window.__rasad_xss = 1</script> وسقوط ضحايا
دوما – 12 آذار 2018
قال مصدر محلي إن قصفاً مدفعياً استهدف حياً سكنياً في مدينة دوما صباح اليوم، ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.
وكتب أحد الناشطين على صفحته عبارة <img src=x onerror="window.__rasad_xss = 2"> مع صورة للدمار الذي خلفه القصف.
وأضاف المصدر أن فرق الدفاع المدني عملت على إخماد الحرائق <b onmouseover="window.__rasad_xss = 3">حتى المساء</b> وسط نقص في المعدات.
"""

# Records what the page would rather hide: CSP violations and our test flag.
INIT_SCRIPT = """
window.__csp_violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp_violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    reason = None
    if not CHROMIUM.exists():
        reason = (f"headless Chromium is not installed at {CHROMIUM} "
                  "(scripts/test.sh installs Debian's 'chromium' package; or set RASAD_CHROMIUM)")
    for item in items:
        if Path(str(item.fspath)) == here / "test_ui.py":
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`rasad serve` over a fresh store holding the example corpus and the markup article; yields its base URL."""
    from rasad import pipeline
    from rasad.settings import Settings
    from rasad.store import Store

    tmp = tmp_path_factory.mktemp("e2e")
    extra = tmp / "extra"
    extra.mkdir()
    (extra / f"{XSS_ID}.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp / 'e2e.db'}"
    settings = Settings.from_env(db=url)
    with Store.open(url) as store:
        report = pipeline.ingest([str(CORPUS), str(extra)], store, settings)
    assert report.stored and not report.interrupted

    proc = subprocess.Popen(
        [sys.executable, "-c", "from rasad.cli import main; main()", "serve", "--db", url, "--port", "0", "--no-open"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    lines: list[str] = []
    base = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        lines.append(line)
        if "http://" in line:
            base = line[line.index("http://"):].split()[0].rstrip("/")
            break
    if base is None:
        proc.kill()
        pytest.fail("rasad serve did not start:\n" + "".join(lines))
    # Keep draining its output so that the server never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{base}/api/stats", timeout=2):
                break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def api(server):
    """GET a JSON API path (with query parameters) from the running server."""
    def get(path: str, **params):
        q = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        with urllib.request.urlopen(f"{server}{path}{'?' + q if q else ''}", timeout=30) as r:
            return json.load(r)
    return get


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page; at the end, no uncaught error and no Content-Security-Policy violation may have happened,
    and every request went to the rasad server (nothing is fetched from elsewhere)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=server, accept_downloads=True)
    context.add_init_script(INIT_SCRIPT)
    elsewhere: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((server + "/", "data:", "blob:")) else elsewhere.append(r.url))
    pg = context.new_page()
    pg.set_default_timeout(15000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    pg.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    yield pg
    try:
        violations = pg.evaluate("window.__csp_violations || []")
    except Exception:  # the page may be gone
        violations = []
    context.close()
    assert not errors, errors
    assert not violations, violations
    assert not elsewhere, elsewhere


def wait_map(pg, expect_shown=None):
    """Wait until the map has drawn the events of the current filters (and, optionally, how many)."""
    pg.wait_for_selector("body[data-map-ready='1']")
    status = pg.locator("#map-status")
    if expect_shown is not None:
        from playwright.sync_api import expect

        expect(status).to_have_attribute("data-shown", str(expect_shown))
    return int(status.get_attribute("data-shown"))
