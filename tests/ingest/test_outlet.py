"""Outlet: given, URL domain, page metadata, text signatures; one canonical name table."""
from __future__ import annotations

import pytest

from rasad.ingest.outlet import canonical_outlet, detect_outlet
from rasad.ingest.resources import resources

from .conftest import load_yaml

CASES = load_yaml("outlet_cases.yaml")


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_outlet_detection(case):
    got = detect_outlet(
        case.get("text", ""), given=case.get("given"), url=case.get("url"),
        page_url=case.get("page_url"), sitename=case.get("sitename"),
    )
    assert list(got) == case["expect"]


def test_table_has_at_least_sixty_domains():
    assert len(resources().outlet_by_domain) >= 60


@pytest.mark.parametrize(
    "name, expected",
    [("جريدة المدن", "المدن"), ("المدن", "المدن"), ("شبكة صوت العاصمة", "صوت العاصمة"),
     ("صحيفة «القدس العربي»", "القدس العربي"), ("وكالة الأناضول", "وكالة الأناضول"), ("الاناضول", "وكالة الأناضول"),
     ("Reuters", "رويترز"), ("جريدة مجهولة", None)],
)
def test_canonical_names(name, expected):
    assert canonical_outlet(name) == expected


def test_line_hint_in_parts_matches_the_pattern():
    import json
    from pathlib import Path

    from rasad.ingest.outlet import _LINE_HINT, _has_line_hint

    heads = ["الرياض: قال", "نشر في", "نُشر في", "جميع الحقوق محفوظة", "© 2020", "بغداد/المسلة", "a|b", "عنوان",
             "حلب – ٣ آذار", "نشرة", "شرق", "ن شر", ""]
    root = Path(__file__).resolve().parents[2]
    for name in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        for row in (root / name).read_text(encoding="utf-8").splitlines():
            heads += [line.strip()[:100] for line in json.loads(row)["text"].split("\n")]
    for head in heads:
        assert _has_line_hint(head) == bool(_LINE_HINT.search(head)), head
