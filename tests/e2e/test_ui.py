"""The web page in headless Chromium, against `rasad serve` over the example corpus (see conftest.py)."""
from __future__ import annotations

import re
import struct
import urllib.parse
import zlib

import pytest

from .conftest import XSS_ID, wait_map

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect


def _query(pg) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlparse(pg.url).query))


def _markers_on_map(pg) -> int:
    """Events drawn: single markers plus the counts written on the clusters."""
    return pg.evaluate("""() => {
        const single = document.querySelectorAll('#map path.ev-marker').length;
        let clustered = 0;
        for (const c of document.querySelectorAll('#map .ev-cluster .cluster-count')) clustered += Number(c.dataset.count);
        return single + clustered;
    }""")


_TRANSPARENT = "rgba(0, 0, 0, 0)"


def _background(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).backgroundColor")


# 1 -------------------------------------------------------------------------------------------------------------

def test_map_shows_every_located_event(page, api):
    events = api("/api/events", limit=1000)
    located = [e for e in events["items"] if e["lat"] is not None and e["lon"] is not None]
    assert events["total"] == len(events["items"]) > 0
    fc = api("/api/map/events", limit=5000)
    assert len(fc["features"]) == len(located) > 20

    page.goto("/")
    assert wait_map(page, expect_shown=len(located)) == len(located)
    # Every located event is on the map, as a marker or inside a cluster (the map fits them all at first).
    page.wait_for_function(f"""() => {{
        const single = document.querySelectorAll('#map path.ev-marker').length;
        let n = 0; for (const c of document.querySelectorAll('#map .ev-cluster .cluster-count')) n += Number(c.dataset.count);
        return single + n === {len(located)};
    }}""")
    assert page.locator("#map .ev-cluster").count() > 0, "dense events should be clustered"
    assert page.locator("#map path.ev-marker").count() > 0
    assert _markers_on_map(page) == len(located)
    # Coloured by type: the legend lists each type drawn, with its count.
    legend = {li.get_attribute("data-type") for li in page.locator("#legend li[data-type]").all()}
    assert legend == {e["type"] for e in located}
    # Sized by fatalities: a marker with more dead is drawn larger than one with none.
    radii = page.evaluate("""() => [...document.querySelectorAll('#map path.ev-marker')].map(
        p => [p.dataset.id, p.getBoundingClientRect().width])""")
    by_id = {e["id"]: e for e in located}
    dead = [w for i, w in radii if (by_id[i]["fatalities_best"] or 0) >= 10]
    none = [w for i, w in radii if not by_id[i]["fatalities_best"]]
    if dead and none:
        assert min(dead) > max(none)
    # The plain base (no tiles configured): country outlines drawn from the bundled file, no tile requested.
    assert page.locator("#map path.country").count() >= 10
    assert page.locator("#map .leaflet-tile").count() == 0
    # The events list shows the same total as the API.
    expect(page.locator("#panel .list-count")).to_have_attribute("data-total", str(events["total"]))


# 2 -------------------------------------------------------------------------------------------------------------

def test_clicking_an_event_shows_its_claims_and_highlighted_evidence(page, api):
    chosen = None
    for e in api("/api/events", limit=1000)["items"]:
        if e["n_mentions"] and e["lat"] is not None:
            detail = api(f"/api/events/{e['id']}")
            if detail["claims"] and all(c["span_start"] is not None for c in detail["claims"]):
                chosen = detail
                break
    assert chosen is not None, "the example corpus should have an event with claims"

    page.goto("/")
    wait_map(page)
    page.locator(f"#panel button.row[data-id='{chosen['id']}']").click()
    detail = page.locator(f"#panel .detail[data-kind='event'][data-id='{chosen['id']}']")
    expect(detail).to_be_visible()
    assert _query(page)["sel"] == f"event:{chosen['id']}"

    # Every claim: its source and grade, and its sentence with the number highlighted.
    cards = page.locator("#panel li.card.claim")
    expect(cards).to_have_count(len(chosen["claims"]))
    for i, c in enumerate(chosen["claims"]):
        card = cards.nth(i)
        assert card.get_attribute("data-id") == str(c["id"])
        if c["source_name"]:
            expect(card.locator(".source-line")).to_contain_text(c["source_name"])
        mark = card.locator("p.evidence mark.hl-claim")
        expect(mark).to_have_count(1)
        assert _background(mark) != _TRANSPARENT, "a highlighted number must look highlighted"
        number = c["evidence"][c["span_start"] - c["evidence_start"]:c["span_end"] - c["evidence_start"]]
        assert mark.inner_text().strip() == number.strip()
        expect(card.locator("p.evidence")).to_have_attribute("dir", "rtl")
    # Every mention: its sentence with the event's trigger highlighted.
    mentions = page.locator("#panel li.card.mention")
    expect(mentions).to_have_count(len(chosen["mentions"]))
    m0 = chosen["mentions"][0]
    trigger = m0["evidence"][m0["trigger_start"] - m0["evidence_start"]:m0["trigger_end"] - m0["evidence_start"]]
    assert mentions.first.locator("mark.hl-event").inner_text().strip() == trigger.strip()
    # The event is marked on the map.
    assert page.locator("#map .ev-selected").count() == 1

    # "Show in the article": the reader opens with that sentence highlighted in the full text.
    c0 = chosen["claims"][0]
    cards.first.locator("a.article-link").click()
    reader = page.locator(f"#panel .detail[data-kind='doc'][data-id='{c0['doc_id']}']")
    expect(reader).to_be_visible()
    q = _query(page)
    assert q["sel"] == f"doc:{c0['doc_id']}" and q["hl"] == f"{c0['evidence_start']}-{c0['evidence_end']}"
    selected = "".join(page.locator(".doc-text mark.hl-selected").all_inner_texts())
    assert selected == c0["evidence"]
    assert _background(page.locator(".doc-text mark.hl-selected").first) != _TRANSPARENT
    # Spans from the API are highlighted in the text at their offsets.
    doc = api(f"/api/documents/{c0['doc_id']}")
    claim_spans = [s for s in doc["spans"] if s["kind"] == "claim"]
    assert claim_spans
    s0 = claim_spans[0]
    found = page.evaluate(f"""() => [...document.querySelectorAll('.doc-text mark.hl-claim')]
        .filter(m => Number(m.dataset.start) >= {s0['start']} && Number(m.dataset.end) <= {s0['end']})
        .map(m => m.textContent).join('')""")
    assert found == doc["text"][s0["start"]:s0["end"]]
    # Going back returns to the event.
    page.go_back()
    expect(detail).to_be_visible()

    # Clicking a marker on the map opens that event.
    page.goto("/")
    wait_map(page)
    # (one that nothing covers: the one the browser would hit at its centre)
    hit = page.evaluate("""() => {
        for (const p of document.querySelectorAll('#map path.ev-marker')) {
            const r = p.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (document.elementFromPoint(x, y) === p) return [p.dataset.id, x, y];
        }
        return null;
    }""")
    assert hit, "some event marker should be visible and uncovered"
    marker_id, x, y = hit
    page.mouse.click(x, y)
    expect(page.locator(f"#panel .detail[data-kind='event'][data-id='{marker_id}']")).to_be_visible()


# 3 -------------------------------------------------------------------------------------------------------------

def test_search_matches_another_alef_spelling(page, api):
    hits = api("/api/search", q="الاسود")
    assert hits["total"] >= 1
    with_hamza = [h for h in hits["items"] if "الأسود" in api(f"/api/documents/{h['id']}")["text"]]
    assert with_hamza, "a document spelling it الأسود should match الاسود"

    page.goto("/")
    page.fill("#search-input", "الاسود")
    page.press("#search-input", "Enter")
    rows = page.locator("#panel button.row")
    expect(rows).to_have_count(len(hits["items"]))
    q = _query(page)
    assert q["q"] == "الاسود" and q["tab"] == "search"
    target = with_hamza[0]["id"]
    row = page.locator(f"#panel button.row[data-id='{target}']")
    # The snippet shows the text as written, the match highlighted.
    marks = row.locator(".snippet mark.hl-match").all_inner_texts()
    assert any(m.replace("أ", "ا") == "الاسود" for m in marks), marks
    assert any("الأسود" in m for m in marks)
    assert _background(row.locator(".snippet mark.hl-match").first) != _TRANSPARENT
    row.click()
    expect(page.locator(f"#panel .detail[data-kind='doc'][data-id='{target}']")).to_be_visible()
    selected = page.locator(".doc-text mark.hl-selected").all_inner_texts()
    assert "الأسود" in selected


# 4 -------------------------------------------------------------------------------------------------------------

def test_markup_in_an_article_shows_as_text_and_never_runs(page, api):
    doc = api(f"/api/documents/{XSS_ID}")
    assert "<img src=x onerror=" in doc["text"] and "<b onmouseover=" in doc["text"]

    page.goto(f"/?sel=doc:{XSS_ID}")
    text = page.locator(f".detail[data-kind='doc'][data-id='{XSS_ID}'] .doc-text")
    expect(text).to_be_visible()
    shown = text.inner_text()
    assert '<img src=x onerror="window.__rasad_xss = 2">' in shown
    assert '<b onmouseover="window.__rasad_xss = 3">حتى المساء</b>' in shown
    assert page.locator("#panel img, #panel b, #panel script").count() == 0
    assert page.locator("img[src='x']").count() == 0
    text.get_by_text("حتى المساء", exact=False).first.hover()
    # The title (first line, with a <script> element in it) is text too, in the reader and in the lists.
    if doc["title"] and "<script>" in doc["title"]:
        expect(page.locator(".doc-title")).to_have_text(doc["title"])
    page.goto("/?tab=documents")
    row = page.locator(f"#panel button.row[data-id='{XSS_ID}']")
    expect(row).to_be_visible()
    if doc["title"] and "<script>" in doc["title"]:
        assert "<script>" in row.inner_text()
    # Search results show the snippet as text.
    page.fill("#search-input", "الناشطين")
    page.press("#search-input", "Enter")
    expect(page.locator(f"#panel button.row[data-id='{XSS_ID}']")).to_be_visible()
    # Events and claims from it show their sentences as text as well.
    for m in doc["events"]:
        if m.get("event_id"):
            page.goto(f"/?sel=event:{m['event_id']}")
            expect(page.locator("#panel .detail[data-kind='event']")).to_be_visible()
    assert page.evaluate("window.__rasad_xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("[...document.scripts].every(s => s.src && new URL(s.src).origin === location.origin)")


# 5 -------------------------------------------------------------------------------------------------------------

def test_filters_live_in_the_url_and_survive_a_reload(page, api):
    filters = {"date_from": "2018-01-01", "date_to": "2018-06-30", "side": "government"}
    fc = api("/api/map/events", limit=5000, **filters)
    everything = api("/api/map/events", limit=5000)
    assert 0 < len(fc["features"]) < len(everything["features"])

    page.goto("/?" + urllib.parse.urlencode({**filters, "tab": "estimates"}))
    wait_map(page, expect_shown=len(fc["features"]))
    estimates = api("/api/estimates", limit=200, **filters)
    expect(page.locator("#panel .list-count")).to_have_attribute("data-total", str(estimates["total"]))
    page.reload()
    wait_map(page, expect_shown=len(fc["features"]))
    assert page.input_value("#filters [name=date_from]") == "2018-01-01"
    assert page.input_value("#filters [name=date_to]") == "2018-06-30"
    assert page.input_value("#filters [name=side]") == "government"
    expect(page.locator("#tabs [data-tab='estimates']")).to_have_class(re.compile(r"\bactive\b"))

    # Changing a filter in the form writes it to the URL, and the reloaded page keeps it.
    page.select_option("#filters [name=type]", "family:Battles")
    battles = api("/api/map/events", limit=5000, family="Battles", **filters)
    wait_map(page, expect_shown=len(battles["features"]))
    assert _query(page)["family"] == "Battles"
    page.reload()
    wait_map(page, expect_shown=len(battles["features"]))
    assert page.input_value("#filters [name=type]") == "family:Battles"

    # The download links carry the same filters, and give the selection.
    want = {**filters, "family": "Battles"}
    for fmt in ("acled.csv", "ucdp.csv", "events.geojson"):
        href = page.get_attribute(f"[data-export='{fmt}']", "href")
        path, _, query = href.partition("?")
        assert path == f"/api/export/{fmt}"
        assert dict(urllib.parse.parse_qsl(query)) == want
    for fmt in ("claims.csv", "estimates.csv"):
        href = page.get_attribute(f"[data-export='{fmt}']", "href")
        got = dict(urllib.parse.parse_qsl(href.partition("?")[2]))
        assert got == filters  # no event type: claims have no event type
    href = page.get_attribute("[data-export='events.geojson']", "href")
    r = page.request.get(href)
    assert r.ok
    assert sorted(f["properties"]["id"] for f in r.json()["features"]) == \
        sorted(f["properties"]["id"] for f in battles["features"])
    with page.expect_download() as dl:
        page.click("[data-export='acled.csv']")
    csv_text = open(dl.value.path(), encoding="utf-8-sig").read()
    assert len([ln for ln in csv_text.splitlines() if ln.strip()]) >= 2

    # Clearing the filters empties the query string's filters and shows everything again.
    page.click("#filters-clear")
    wait_map(page, expect_shown=len(everything["features"]))
    assert not set(_query(page)) & {"date_from", "date_to", "side", "family"}


def test_timeline_brush_filters_the_map(page, api):
    everything = api("/api/map/events", limit=5000)
    page.goto("/")
    wait_map(page, expect_shown=len(everything["features"]))
    brush = page.locator("#timeline rect.tl-brush")
    expect(brush).to_be_visible()
    # Sources' running totals are drawn as points (and lines where a source gave several).
    assert page.locator("#timeline .tl-point").count() > 3
    # The histogram's bars add up to every dated event, placed or not (counted by the server, not capped).
    daily = api("/api/events/daily")
    drawn = page.eval_on_selector_all("#timeline .tl-events [data-total]",
                                      "els => els.reduce((a, e) => a + Number(e.dataset.total), 0)")
    assert drawn == daily["total"] - daily["undated"] > 0
    box = brush.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.45, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).has('date_from')")
    q = _query(page)
    assert q["date_from"] < q["date_to"]
    part = api("/api/map/events", limit=5000, date_from=q["date_from"], date_to=q["date_to"])
    assert len(part["features"]) < len(everything["features"])
    wait_map(page, expect_shown=len(part["features"]))
    assert page.input_value("#filters [name=date_from]") == q["date_from"]
    expect(page.locator("#timeline svg.has-selection")).to_have_count(1)
    # A click without a drag clears the range.
    brush.click(position={"x": 5, "y": 5})
    page.wait_for_function("!new URLSearchParams(location.search).has('date_from')")
    wait_map(page, expect_shown=len(everything["features"]))


def test_language_toggle_switches_direction_and_language(page):
    page.goto("/")
    wait_map(page)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    tab = page.locator("#tabs [data-tab='events']")
    expect(tab).to_have_text("الأحداث")
    page.click("#lang-toggle")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    expect(tab).to_have_text("Events")
    assert _query(page)["lang"] == "en"
    page.reload()
    expect(html).to_have_attribute("dir", "ltr")
    expect(tab).to_have_text("Events")
    # Article text stays Arabic and right-to-left inside the English interface.
    expect(page.locator("#panel .row-sub[dir='rtl']").first).to_be_visible()
    page.click("#lang-toggle")
    expect(html).to_have_attribute("dir", "rtl")
    assert "lang" not in _query(page)
    # Arabic typography: the Arabic font stack, tall lines, no letter-spacing.
    style = page.evaluate("""() => { const s = getComputedStyle(document.body);
        return [s.fontFamily, parseFloat(s.lineHeight) / parseFloat(s.fontSize), s.letterSpacing]; }""")
    assert style[0].startswith('"Noto Naskh Arabic"')
    assert style[1] >= 1.6
    assert style[2] in ("normal", "0px")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'رصد')")


def _png_1x1() -> bytes:
    """A 1×1 grey PNG, served for every tile request below."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xc8")) + chunk(b"IEND", b""))


def test_tiles_are_optional_and_configurable(page, api):
    requested: list[str] = []
    png = _png_1x1()

    def tile(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=png)

    page.route("**/tiles/**", tile)
    page.goto("/?" + urllib.parse.urlencode({"tiles": "/tiles/{z}/{x}/{y}.png"}))
    wait_map(page, expect_shown=len(api("/api/map/events", limit=5000)["features"]))
    page.wait_for_function("document.querySelectorAll('#map img.leaflet-tile').length > 0")
    assert requested and all(re.search(r"/tiles/\d+/\d+/\d+\.png$", u) for u in requested)
    assert page.locator("#map.has-tiles").count() == 1
    # A template that is not http(s) or a same-origin path is ignored: no tile layer at all.
    requested.clear()
    page.goto("/?" + urllib.parse.urlencode({"tiles": "javascript:alert(1)//{z}"}))
    wait_map(page)
    assert page.locator("#map .leaflet-tile").count() == 0 and not requested
