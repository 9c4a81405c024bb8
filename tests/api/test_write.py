"""Writing through the API: off without a token, refused with a wrong one; ingesting and analysts' edits."""
from __future__ import annotations

from sqlalchemy import select

from rasad.store.schema import doc_search

from .conftest import AUTH

# Written for this test (not from any outlet).
ARTICLE = (
    "قصف على بلدة كفرنبودة\n"
    "قالت مصادر محلية إن خمسة مدنيين قُتلوا وأصيب سبعة آخرون بجروح، اليوم الأحد، جراء قصف مدفعي لقوات النظام "
    "على بلدة كفرنبودة في ريف حماة الشمالي. وأضافت المصادر أن القصف استهدف سوقاً شعبية وسط البلدة، وأن فرق "
    "الدفاع المدني عملت على انتشال الضحايا من تحت الأنقاض حتى ساعات المساء."
)


def post(client, body, headers=AUTH):
    return client.post("/api/documents", json=body, headers=headers)


def test_read_only_without_a_token(api):
    r = api.post("/api/documents", json={"text": ARTICLE})
    assert r.status_code == 403 and r.json()["error"]["code"] == "write_disabled"
    r = api.patch("/api/claims/1", json={"note": "x"}, headers=AUTH)
    assert r.status_code == 403


def test_wrong_or_missing_token(fresh_client):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "sesame"}):
        r = post(fresh_client, {"text": ARTICLE}, headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "bad_token"
    assert fresh_client.get("/api/stats").json()["documents"] == 0


def test_post_ingests_extracts_and_indexes(fresh_client):
    body = {"text": ARTICLE, "outlet": "موقع تجريبي", "published": "2019-05-12", "url": "https://example.org/a/1"}
    r = post(fresh_client, body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] is True and out["duplicate_of"] is None and out["claims"] >= 2
    doc = fresh_client.get(f"/api/documents/{out['id']}").json()
    assert doc["outlet"] == "موقع تجريبي" and doc["published"] == "2019-05-12"
    assert {c["kind"] for c in doc["claims"]} >= {"killed", "wounded"}
    assert fresh_client.get("/api/stats").json()["writable"] is True
    # the full-text index was filled at ingest
    with fresh_client.store.engine.connect() as conn:
        assert conn.execute(select(doc_search.c.doc_id)).scalars().all() == [out["id"]]
    hit = fresh_client.get("/api/search", params={"q": "كفرنبوده"}).json()
    assert [h["id"] for h in hit["items"]] == [out["id"]]
    # the same text again is not stored twice
    again = post(fresh_client, body).json()
    assert again == {**out, "stored": False}
    assert fresh_client.get("/api/stats").json()["documents"] == 1


def test_post_validates(fresh_client):
    for body in ({}, {"text": ARTICLE, "html": "<p>x</p>"}, {"text": "   "}, {"text": ARTICLE, "url": "ftp://x"},
                 {"text": ARTICLE, "published": "2019-13-01"}, {"text": ARTICLE, "colour": "red"},
                 {"text": "short latin text only"}):
        r = post(fresh_client, body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["message"]
    r = fresh_client.post("/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422


def test_body_size_limit(fresh_client):
    from rasad.api.app import MAX_BODY

    big = "أ" * (MAX_BODY // 2 + 10)  # two bytes a letter in UTF-8
    r = post(fresh_client, {"text": big})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_html_post(fresh_client):
    html = f"<html><head><title>قصف كفرنبودة</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    out = post(fresh_client, {"html": html, "outlet": "موقع تجريبي"}).json()
    assert out["stored"] and out["claims"] >= 2


def test_analyst_edit_survives_reconciliation(fresh_client):
    from rasad.reconcile import reconcile
    from rasad.settings import Settings

    doc_id = post(fresh_client, {"text": ARTICLE, "published": "2019-05-12"}).json()["id"]
    claim = fresh_client.get("/api/claims", params={"doc": doc_id, "kind": "killed"}).json()["items"][0]
    r = fresh_client.patch(f"/api/claims/{claim['id']}", json={"grade": "discounted", "note": "مصدر غير موثوق"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    edited = r.json()
    assert edited["grade"] == claim["grade"]  # the machine's grade stays
    assert edited["edit"]["grade"] == "discounted" and edited["edit"]["note"] == "مصدر غير موثوق"
    reconcile(fresh_client.store, Settings())
    assert fresh_client.get(f"/api/claims/{claim['id']}").json()["edit"]["grade"] == "discounted"
    # the grade filter follows the analyst's grade where there is one
    def graded(grade):
        return [c["id"] for c in fresh_client.get("/api/claims", params={"doc": doc_id, "grade": grade}).json()["items"]]
    assert claim["id"] in graded("discounted")
    if claim["grade"] != "discounted":
        assert claim["id"] not in graded(claim["grade"])
    # ... and the status filter the analyst's status
    fresh_client.patch(f"/api/claims/{claim['id']}", json={"status": "rumored"}, headers=AUTH)
    ids = [c["id"] for c in fresh_client.get("/api/claims", params={"doc": doc_id, "status": "rumored"}).json()["items"]]
    assert ids == [claim["id"]]
    fresh_client.patch(f"/api/claims/{claim['id']}", json={"status": None}, headers=AUTH)
    r = fresh_client.patch(f"/api/claims/{claim['id']}", json={"grade": None}, headers=AUTH).json()
    assert r["edit"]["grade"] is None and r["edit"]["note"] == "مصدر غير موثوق"
    r = fresh_client.patch(f"/api/claims/{claim['id']}", json={"note": None}, headers=AUTH).json()
    assert r["edit"] is None
    for body in ({}, {"grade": "excellent"}, {"status": "maybe"}, {"other": 1}):
        assert fresh_client.patch(f"/api/claims/{claim['id']}", json=body, headers=AUTH).status_code == 422
    assert fresh_client.patch("/api/claims/999999", json={"note": "x"}, headers=AUTH).status_code == 404
