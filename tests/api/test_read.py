"""Every read endpoint and filter over the example corpus, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from rasad.arabic.normalize import norm
from rasad.store.schema import claim_groups, claims, contradictions, control, documents, merged_events

DAMASCUS = "36.2,33.4,36.4,33.6"  # west,south,east,north


def count(api, table, *conds) -> int:
    with api.store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*conds)).scalar_one()


def ok(r):
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def all_items(api, path, **params):
    out, offset = [], 0
    while True:
        page = ok(api.get(path, params={**params, "limit": 1000, "offset": offset}))
        out += page["items"]
        offset += 1000
        if offset >= page["total"]:
            return out, page["total"]


def overlaps(item, since: date | None, until: date | None) -> bool:
    a = date.fromisoformat(item["date_start"]) if item["date_start"] else None
    b = date.fromisoformat(item["date_end"]) if item["date_end"] else None
    if since and not ((b and b >= since) or (b is None and a and a >= since)):
        return False
    return not (until and not (a and a <= until))


# --------------------------------------------------------------------------- stats, documents

def test_stats_match_the_store(api):
    st = ok(api.get("/api/stats"))
    assert st["documents"] == count(api, documents) == 29
    assert st["claims"] == count(api, claims) and st["claims"] > 100
    assert st["events"] == count(api, merged_events) and st["events"] > 50
    assert st["estimates"] == count(api, claim_groups)
    assert st["contradictions"] == count(api, contradictions) > 0
    assert st["control"] == count(api, control) > 10
    assert sum(o["documents"] for o in st["outlets"]) == st["documents"]
    assert st["date_min"] <= "2017-05-28" and st["date_max"] >= "2019-08-31"
    assert st["writable"] is False


def test_documents_pages_and_filters(api):
    first = ok(api.get("/api/documents", params={"limit": 10}))
    second = ok(api.get("/api/documents", params={"limit": 10, "offset": 10}))
    assert first["total"] == 29 and len(first["items"]) == 10 and first["limit"] == 10 and second["offset"] == 10
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    dates = [d["published"] for d in first["items"] if d["published"]]
    assert dates == sorted(dates, reverse=True)
    assert sum(d["n_claims"] for d in all_items(api, "/api/documents")[0]) == count(api, claims)
    enab = ok(api.get("/api/documents", params={"source": "عنب"}))
    assert enab["total"] == 2 and all("عنب" in d["outlet"] for d in enab["items"])
    dated = ok(api.get("/api/documents", params={"date_from": "2018-05-01", "date_to": "2018-05-31"}))
    assert dated["total"] > 0 and all("2018-05-01" <= d["published"] <= "2018-05-31" for d in dated["items"])
    dups = ok(api.get("/api/documents", params={"duplicates": True}))
    assert dups["total"] == 3 and all(d["duplicate_of"] for d in dups["items"])


def test_document_text_spans_and_rows(api):
    doc_id = "sd04_sawtalasima_qadam_asali"
    d = ok(api.get(f"/api/documents/{doc_id}"))
    text = d["text"]
    assert d["id"] == doc_id and len(text) > 500 and d["control"] and d["places"]
    kinds = {s["kind"] for s in d["spans"]}
    assert {"place", "actor", "control"} <= kinds
    for s in d["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    for c in d["claims"]:
        assert c["evidence"] == text[c["evidence_start"]:c["evidence_end"]]
        span = next(s for s in d["spans"] if s["kind"] == "claim" and s["ref"] == c["id"])
        assert (span["start"], span["end"]) == (c["span_start"], c["span_end"])
    for k in d["control"]:
        assert k["evidence"] == text[k["evidence_start"]:k["evidence_end"]]
        assert norm(text[k["span_start"]:k["span_end"]]).endswith(norm(k["place"]).split()[-1])
    for p in d["places"]:
        for a, b in p["spans"]:
            assert 0 <= a < b <= len(text)
    assert d["n_claims"] == len(d["claims"]) and d["n_events"] == len(d["events"])


def test_missing_document_is_a_json_404(api):
    r = api.get("/api/documents/no-such-document")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


# --------------------------------------------------------------------------- events and the map

@pytest.mark.parametrize("params,check", [
    ({"family": "Battles"}, lambda e: e["family"] == "Battles"),
    ({"type": "Air/drone strike"}, lambda e: e["type"] == "Air/drone strike"),
    ({"side": "isis"}, lambda e: "isis" in (e["actor1_side"], e["actor2_side"])),
    ({"actor": "syrian_army"}, lambda e: "syrian_army" in (e["actor1"], e["actor2"])),
    ({"bbox": DAMASCUS}, lambda e: 33.4 <= e["lat"] <= 33.6 and 36.2 <= e["lon"] <= 36.4),
    ({"date_from": "2018-05-01", "date_to": "2018-05-31"},
     lambda e: overlaps(e, date(2018, 5, 1), date(2018, 5, 31))),
])
def test_event_filters(api, params, check):
    items, total = all_items(api, "/api/events", **params)
    everything = ok(api.get("/api/events", params={"limit": 1}))["total"]
    assert 0 < total < everything and len(items) == total
    assert all(check(e) for e in items)


def test_event_status_filter(api):
    asserted = ok(api.get("/api/events", params={"status": "asserted"}))
    denied = ok(api.get("/api/events", params={"status": "denied"}))
    with api.store.engine.connect() as conn:
        by_status = dict(conn.execute(select(merged_events.c.status, func.count())
                                      .group_by(merged_events.c.status)).all())
    assert asserted["total"] == by_status.get("asserted", 0) > 0 and denied["total"] == by_status.get("denied", 0)
    assert all(e["status"] == "asserted" for e in asserted["items"])


def test_event_place_filter_takes_ids_and_names(api):
    by_id = all_items(api, "/api/events", place="gn:170654")[0]  # Damascus and the places inside it
    assert len(by_id) > 2 and any(e["place_id"] != "gn:170654" for e in by_id)
    assert {e["id"] for e in all_items(api, "/api/events", place="Damascus")[0]} == {e["id"] for e in by_id}
    assert {e["id"] for e in all_items(api, "/api/events", place="دمشق")[0]} == {e["id"] for e in by_id}


def test_event_sources_filter(api):
    items, total = all_items(api, "/api/events", source="المرصد")
    assert 0 < total < ok(api.get("/api/events"))["total"]
    for e in items[:5]:
        detail = ok(api.get(f"/api/events/{e['id']}"))
        assert any("المرصد" in (m["source_name"] or "") + (m["source_key"] or "") for m in detail["mentions"])


def test_event_detail(api):
    e = ok(api.get("/api/events", params={"limit": 1, "family": "Battles"}))["items"][0]
    d = ok(api.get(f"/api/events/{e['id']}"))
    assert d["id"] == e["id"] and len(d["mentions"]) == d["n_mentions"]
    for m in d["mentions"]:
        assert m["event_id"] == e["id"] and m["outlet"] is not None or m["doc_id"]
    for c in d["claims"]:
        assert any(c["doc_id"] == m["doc_id"] and c["evidence_start"] < m["evidence_end"]
                   and c["evidence_end"] > m["evidence_start"] for m in d["mentions"])
    assert api.get("/api/events/Enope").status_code == 404


def test_map_is_geojson_inside_the_box(api):
    fc = ok(api.get("/api/map/events", params={"bbox": DAMASCUS}))
    assert fc["type"] == "FeatureCollection" and fc["features"] and fc["limit"] == 5000
    with api.store.engine.connect() as conn:
        expected = conn.execute(select(func.count()).select_from(merged_events).where(
            merged_events.c.lat.between(33.4, 33.6), merged_events.c.lon.between(36.2, 36.4))).scalar_one()
    assert fc["total"] == len(fc["features"]) == expected
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 36.2 <= lon <= 36.4 and 33.4 <= lat <= 33.6 and f["properties"]["id"] == f["id"]
    starts = [f["properties"]["date_start"] or "" for f in fc["features"]]
    assert starts == sorted(starts, reverse=True)  # newest first
    two = ok(api.get("/api/map/events", params={"limit": 2}))
    assert len(two["features"]) == 2 and two["total"] > 2
    gov = ok(api.get("/api/map/events", params={"side": "government", "date_from": "2018-01-01"}))
    assert all("government" in (f["properties"]["actor1_side"], f["properties"]["actor2_side"])
               and (f["properties"]["date_end"] or f["properties"]["date_start"]) >= "2018-01-01"
               for f in gov["features"])


# --------------------------------------------------------------------------- claims, estimates, contradictions

@pytest.mark.parametrize("params,check", [
    ({"kind": "killed"}, lambda c: c["kind"] == "killed"),
    ({"side": "civilians"}, lambda c: c["side"] == "civilians"),
    ({"grade": "confirmed"}, lambda c: c["grade"] == "confirmed"),
    ({"status": "denied"}, lambda c: c["status"] == "denied"),
    ({"source": "المرصد"}, lambda c: "المرصد" in (c["source_name"] or "") or "المرصد" in (c["source_key"] or "")),
    ({"bbox": DAMASCUS}, lambda c: 33.4 <= c["lat"] <= 33.6 and 36.2 <= c["lon"] <= 36.4),
    ({"date_from": "2018-03-01", "date_to": "2018-03-31"},
     lambda c: overlaps(c, date(2018, 3, 1), date(2018, 3, 31))),
])
def test_claim_filters(api, params, check):
    items, total = all_items(api, "/api/claims", **params)
    assert 0 < total < count(api, claims) and len(items) == total
    assert all(check(c) for c in items)
    assert all(c["outlet"] is not None or c["title"] is not None for c in items)


def test_claim_detail(api):
    c = ok(api.get("/api/claims", params={"limit": 1}))["items"][0]
    assert ok(api.get(f"/api/claims/{c['id']}")) == c
    assert api.get("/api/claims/999999").json()["error"]["code"] == "not_found"


def test_estimates_and_detail(api):
    items, total = all_items(api, "/api/estimates", kind="killed", side="civilians")
    assert total > 0 and all(g["kind"] == "killed" and g["side"] == "civilians" for g in items)
    totals = all_items(api, "/api/estimates", total=True)[0]
    assert totals and all(g["total"] for g in totals)
    g = items[0]
    d = ok(api.get(f"/api/estimates/{g['id']}"))
    assert len(d["claims"]) == d["n_claims"] and all(c["group_id"] == g["id"] for c in d["claims"])
    assert all(x["entity_id"] == g["id"] for x in d["contradictions"])


def test_contradictions(api):
    items, total = all_items(api, "/api/contradictions")
    assert total == count(api, contradictions)
    gaps = [x["gap"] for x in items if x["gap"] is not None]
    assert gaps == sorted(gaps, reverse=True)
    gov = all_items(api, "/api/contradictions", side="government")[0]
    assert 0 < len(gov) < total
    boxed = all_items(api, "/api/contradictions", bbox=DAMASCUS)[0]
    assert 0 < len(boxed) < total
    for x in boxed:
        path = f"/api/estimates/{x['entity_id']}" if x["entity"] == "group" else f"/api/events/{x['entity_id']}"
        it = ok(api.get(path))
        assert 33.4 <= it["lat"] <= 33.6 and 36.2 <= it["lon"] <= 36.4


def test_stories_and_series(api):
    st = ok(api.get("/api/stories"))
    assert st["total"] > 0
    for s in st["items"]:
        assert len(s["documents"]) >= 2 and {d["id"] for d in s["documents"]} == set(s["doc_ids"])
    three = ok(api.get("/api/stories", params={"min_documents": 3}))
    assert three["total"] < st["total"]
    series = ok(api.get("/api/series", params={"side": "civilians"}))["sources"]
    assert series
    for line in series:
        assert line["side"] == "civilians" and line["kind"] == "killed"
        dates = [p["date"] for p in line["points"] if p["date"]]
        assert dates == sorted(dates)
        for p in line["points"][:2]:
            assert ok(api.get(f"/api/claims/{p['claim_id']}"))["count"] == p["count"]
    cut = ok(api.get("/api/series", params={"side": "civilians", "date_to": "2017-12-31"}))["sources"]
    assert all(p["date"] <= "2017-12-31" for line in cut for p in line["points"])


# --------------------------------------------------------------------------- control, places, actors

def test_control_filters(api):
    items, total = all_items(api, "/api/control")
    assert total == count(api, control) and all(i["change"] in ("gained", "holds") for i in items)
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates)
    box = all_items(api, "/api/control", bbox=DAMASCUS)[0]
    assert box and all(33.4 <= i["lat"] <= 33.6 and 36.2 <= i["lon"] <= 36.4 for i in box)
    isis = all_items(api, "/api/control", side="isis")[0]
    assert 0 < len(isis) < total and all(i["side"] == "isis" for i in isis)
    damascus = all_items(api, "/api/control", place="gn:170654")[0]
    assert damascus and all(33.3 < i["lat"] < 33.7 for i in damascus)
    may = all_items(api, "/api/control", date_from="2018-05-01", date_to="2018-05-31")[0]
    assert may and all(overlaps(i, date(2018, 5, 1), date(2018, 5, 31)) for i in may)


def test_places(api):
    items, total = all_items(api, "/api/places")
    assert total > 10
    hajar = ok(api.get("/api/places", params={"q": "الحجر الاسود"}))["items"]
    assert any(p["name"] == "الحجر الأسود" for p in hajar)
    box = all_items(api, "/api/places", bbox=DAMASCUS)[0]
    assert box and all(33.4 <= p["lat"] <= 33.6 and 36.2 <= p["lon"] <= 36.4 for p in box)
    p = next(p for p in hajar if p["name"] == "الحجر الأسود")
    d = ok(api.get(f"/api/places/{p['id']}"))
    assert d["name_en"] and d["parents"] and d["n_events"] >= p["n_events"]
    region = ok(api.get("/api/places/gn:170654"))
    assert region["control"] and region["n_control"] >= len(region["control"]) > 0
    assert api.get("/api/places/gn:0").status_code == 404


def test_actors(api):
    items, total = all_items(api, "/api/actors")
    ids = {a["id"] for a in items}
    assert {"isis", "syrian_army"} <= ids
    gov = all_items(api, "/api/actors", side="government")[0]
    assert gov and all(a["side"] == "government" for a in gov)
    assert any(a["id"] == "isis" for a in ok(api.get("/api/actors", params={"q": "Islamic"}))["items"])


# --------------------------------------------------------------------------- search

def test_search_is_arabic_normalised(api):
    plain = ok(api.get("/api/search", params={"q": "الاسود"}))
    hamza = ok(api.get("/api/search", params={"q": "الأسود"}))
    voweled = ok(api.get("/api/search", params={"q": "الأَسْوَد"}))
    assert plain["total"] > 0 and plain == hamza == voweled
    for hit in plain["items"]:
        text = ok(api.get(f"/api/documents/{hit['id']}"))["text"]
        assert hit["matches"]
        for m in hit["matches"]:
            assert norm(text[m["start"]:m["end"]]) == "الاسود"
        assert text[hit["snippet_start"]:hit["snippet_start"] + len(hit["snippet"])] == hit["snippet"]
    # every document containing the word in any spelling is found
    with api.store.engine.connect() as conn:
        texts = conn.execute(select(documents.c.id, documents.c.title, documents.c.text)).all()
    want = {i for i, t, x in texts if "الاسود" in norm(x) or "الاسود" in norm(t or "")}
    assert {h["id"] for h in all_items(api, "/api/search", q="الاسود")[0]} == want


def test_search_needs_every_word_and_handles_short_ones(api):
    both = {h["id"] for h in all_items(api, "/api/search", q="الحجر الاسود")[0]}
    one = {h["id"] for h in all_items(api, "/api/search", q="الاسود")[0]}
    assert both and both <= one
    assert ok(api.get("/api/search", params={"q": "كلمةلاتوجد"}))["total"] == 0
    short = all_items(api, "/api/search", q="في")[0]  # two letters: checked with LIKE
    assert len(short) > 20
    taa = ok(api.get("/api/search", params={"q": "الرقه"}))["total"]
    assert taa == ok(api.get("/api/search", params={"q": "الرقة"}))["total"] > 0
    docs = ok(api.get("/api/documents", params={"q": "الاسود"}))
    assert docs["total"] == len(one)


# --------------------------------------------------------------------------- exports

def test_exports(api):
    acled = api.get("/api/export/acled.csv")
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="rasad-acled.csv"' == acled.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert len(rows) == count(api, merged_events, merged_events.c.status != "denied")
    battles = list(csv.DictReader(io.StringIO(api.get("/api/export/acled.csv", params={"family": "Battles"}).text)))
    assert battles and len(battles) < len(rows) and all(r["event_type"] == "Battles" for r in battles)
    ucdp = list(csv.DictReader(io.StringIO(api.get("/api/export/ucdp.csv", params={"bbox": DAMASCUS}).text)))
    assert ucdp and all(33.4 <= float(r["latitude"]) <= 33.6 for r in ucdp)
    gj = api.get("/api/export/events.geojson", params={"side": "isis"})
    assert gj.headers["content-type"].startswith("application/geo+json")
    fc = json.loads(gj.text)
    assert fc["features"] and all("isis" in (f["properties"]["actor1_side"], f["properties"]["actor2_side"])
                                  for f in fc["features"])
    cl = list(csv.DictReader(io.StringIO(api.get("/api/export/claims.csv", params={"kind": "killed"}).text)))
    assert len(cl) == count(api, claims, claims.c.kind == "killed") and "copy" in cl[0]
    est = list(csv.DictReader(io.StringIO(api.get("/api/export/estimates.csv").text)))
    assert len(est) == count(api, claim_groups)
    assert api.get("/api/export/report.pdf").json()["error"]["code"] == "invalid_parameters"


# --------------------------------------------------------------------------- errors, schema, UI

@pytest.mark.parametrize("path,params", [
    ("/api/events", {"bbox": "1,2,3"}),
    ("/api/events", {"bbox": "40,30,35,35"}),  # west > east
    ("/api/events", {"bbox": "1e999,0,2,1"}),
    ("/api/events", {"date_from": "2019-02-30"}),
    ("/api/events", {"date_from": "2019-02-02", "date_to": "2019-01-01"}),
    ("/api/events", {"limit": 0}),
    ("/api/events", {"limit": 1001}),
    ("/api/claims", {"side": "martians"}),
    ("/api/claims", {"grade": "excellent"}),
    ("/api/claims", {"source": "a\x00b"}),
    ("/api/search", {}),
    ("/api/search", {"q": "   "}),
    ("/api/claims/abc", {}),
])
def test_bad_parameters_are_json_422(api, path, params):
    r = api.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()["error"]
    assert body["code"].startswith("invalid") and body["message"]


def test_unknown_paths_and_methods_are_json(api):
    r = api.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = api.delete("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_openapi_schema_names_every_endpoint(api):
    spec = ok(api.get("/openapi.json"))
    paths = set(spec["paths"])
    assert {"/api/stats", "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
            "/api/map/events", "/api/claims", "/api/claims/{claim_id}", "/api/estimates",
            "/api/estimates/{group_id}", "/api/contradictions", "/api/stories", "/api/series", "/api/control",
            "/api/places", "/api/places/{place_id}", "/api/actors", "/api/search", "/api/export/{fmt}"} <= paths
    assert api.get("/docs").status_code == 404  # Swagger would load from a CDN: off


def test_index_is_served(api):
    r = api.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("path", ["/", "/api/stats", "/api/documents/no-such-doc", "/static/app.js", "/openapi.json"])
def test_security_headers_on_every_response(api, path):
    r = api.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers.get_list("content-security-policy") == [csp]  # one policy, not two


def test_event_days_count_every_matching_event(api):
    """The timeline's histogram: counts per day and family, uncapped, placed or not, with the map's filters."""
    d = ok(api.get("/api/events/daily"))
    with api.store.engine.connect() as conn:
        everything = conn.execute(select(func.count()).select_from(merged_events)).scalar_one()
        undated = conn.execute(select(func.count()).select_from(merged_events).where(
            merged_events.c.date_start.is_(None), merged_events.c.date_end.is_(None))).scalar_one()
    assert d["total"] == everything and d["undated"] == undated
    assert sum(x["n"] for x in d["days"]) == everything - undated
    keys = [(x["date"], x["family"]) for x in d["days"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    events, _ = all_items(api, "/api/events", family="Battles", date_from="2018-01-01")
    battles = ok(api.get("/api/events/daily", params={"family": "Battles", "date_from": "2018-01-01"}))
    assert battles["total"] == len(events) and {x["family"] for x in battles["days"]} <= {"Battles"}
    boxed = ok(api.get("/api/events/daily", params={"bbox": DAMASCUS}))
    assert boxed["total"] == ok(api.get("/api/map/events", params={"bbox": DAMASCUS}))["total"]
    assert api.get("/api/events/daily", params={"date_from": "2019-01-02", "date_to": "2019-01-01"}).status_code == 422
