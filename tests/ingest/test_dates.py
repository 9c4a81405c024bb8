"""Publication date: given, HTML metadata, then the text (datelines and stamps only)."""
from __future__ import annotations

from datetime import date

import pytest

from rasad.ingest.dates import date_from_text, detect_published, parse_given_date

from .conftest import load_yaml

CASES = load_yaml("date_cases.yaml")


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_date_from_text(case):
    got = date_from_text(case["text"])
    assert (got.isoformat() if got else None) == case["expect"]


@pytest.mark.parametrize(
    "value, expected",
    [("2018-05-12", date(2018, 5, 12)), ("2018-05-12T10:00:00+03:00", date(2018, 5, 12)),
     ("12 May 2018", date(2018, 5, 12)), ("12/05/2018", date(2018, 5, 12)), (date(2018, 5, 12), date(2018, 5, 12)),
     ("", None), (None, None), ("not a date", None)],
)
def test_given_dates(value, expected):
    assert parse_given_date(value) == expected


@pytest.mark.parametrize(
    "given, html, text, expected",
    [
        ("2018-05-01", "2018-05-02", "نشر في 3 أيار 2018", (date(2018, 5, 1), "given")),
        (None, "2018-05-02", "نشر في 3 أيار 2018", (date(2018, 5, 2), "html")),
        (None, None, "نشر في 3 أيار 2018", (date(2018, 5, 3), "text")),
        (None, None, "أحكمت قوات النظام سيطرتها على الحي، اليوم السبت 19 أيار 2018، بعد معارك استمرت أسابيع مع التنظيم",
         (date(2018, 5, 19), "inferred")),
        (None, None, "سيطرت القوات على الحي، اليوم السبت ١٩ أيار ٢٠١٨، بعد معارك", (date(2018, 5, 19), "inferred")),
        (None, None, "نص بلا تاريخ", (None, None)),
    ],
)
def test_evidence_order(given, html, text, expected):
    assert detect_published(text, given=given, html_date=html) == expected
