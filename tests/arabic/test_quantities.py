"""rasad.arabic.quantities: numbers, what they count, and how sure the text is.

The main table (quantity_cases.yaml) holds news-style sentences written for
these tests, each with every quantity expected in it. The other tests build
number words from the grammar to check forms the table does not spell out,
and fuzz the function with arbitrary text.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.arabic import quantities
from rasad.model import Quantity

CASES = yaml.safe_load((Path(__file__).parent / "quantity_cases.yaml").read_text(encoding="utf-8"))


def _view(text: str, q: Quantity) -> dict:
    d = {
        "text": q.text,
        "value": q.value,
        "qualifier": q.qualifier,
        "kind": q.kind,
        "noun": text[q.noun_start:q.noun_end] if q.noun_start is not None else None,
    }
    if q.upper is not None:
        d["upper"] = q.upper
    return d


def test_table_is_large_enough():
    assert len(CASES) >= 220


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_sentence(case):
    text = case["text"]
    got = quantities(text)
    for q in got:
        assert text[q.start:q.end] == q.text
        if q.noun_start is not None:
            assert 0 <= q.noun_start < q.noun_end <= len(text)
    assert [_view(text, q) for q in got] == case["expect"]


# ---- compound number words built from the grammar


UNITS = [("ثلاثة", 3), ("أربع", 4), ("خمسة", 5), ("ست", 6), ("سبعة", 7), ("ثمانية", 8), ("تسع", 9)]
TENS = [("عشرين", 20), ("ثلاثون", 30), ("أربعين", 40), ("خمسون", 50), ("ستين", 60), ("سبعون", 70),
        ("ثمانين", 80), ("تسعون", 90)]
HUNDREDS = [("مائة", 100), ("مئتين", 200), ("ثلاثمائة", 300), ("أربعمئة", 400), ("خمسمائة", 500),
            ("ستمئة", 600), ("سبعمائة", 700), ("ثمانمئة", 800), ("تسعمائة", 900)]


@pytest.mark.parametrize("unit,u", UNITS)
@pytest.mark.parametrize("ten,t", TENS)
def test_unit_and_ten(unit, u, ten, t):
    text = f"قتل {unit} و{ten} عنصرا في المعارك"
    (q,) = quantities(text)
    assert (q.value, q.kind, text[q.noun_start:q.noun_end]) == (u + t, "count", "عنصرا")


@pytest.mark.parametrize("hundred,h", HUNDREDS)
@pytest.mark.parametrize("unit,u", UNITS[:3])
def test_hundred_and_unit_and_ten(hundred, h, unit, u):
    text = f"نزح {hundred} و{unit} وعشرون شخصا"
    (q,) = quantities(text)
    assert q.value == h + u + 20


@pytest.mark.parametrize("hundred,h", HUNDREDS)
def test_hundreds_thousands(hundred, h):
    text = f"ونزح {hundred} ألف مدني و{hundred} شخص"
    a, b = quantities(text)
    assert (a.value, b.value) == (h * 1000, h)


@pytest.mark.parametrize("unit,u", UNITS)
def test_teens(unit, u):
    (q,) = quantities(f"وسقط {unit} عشر قتيلا")
    assert q.value == u + 10


@pytest.mark.parametrize("digits,value", [
    ("7", 7), ("٧", 7), ("۷", 7), ("1,500", 1500), ("١٬٥٠٠", 1500), ("1.500", 1500), ("12,345,678", 12345678),
    ("1.250.000", 1250000), ("٣٠٠", 300), ("0", 0),
])
def test_digit_forms(digits, value):
    (q,) = quantities(f"قتل {digits} شخصا")
    assert q.value == value and q.kind == "count"


# ---- robustness


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    for q in quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.text == text[q.start:q.end]
        if q.noun_start is not None:
            assert 0 <= q.noun_start <= q.noun_end <= len(text)


_PIECES = [
    "قتل", "و", "ل", "الـ", "بـ", " ", "  ", "،", ".", "-", "%", "$", "/", ":", "12", "٣", "1.5", "1,500",
    "ثلاثة", "عشر", "وعشرين", "مائة", "ألف", "آلاف", "الآلاف", "عشرات", "بضعة", "أحد", "اثنين",
    "طفلين", "مدنيين", "عنصرا", "يوما", "دولار", "بالمئة", "أكثر من", "نحو", "بين", "إلى", "أو",
    "اليوم", "الثالث", "عام", "الساعة", "أيار", "من", "على الأقل", "َ", "ً", "ـ", "\u200f", "ﻻ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_never_raises_on_number_like_text(pieces):
    text = " ".join(pieces)
    for q in quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.value >= 0
        assert q.upper is None or q.upper > q.value


# ---- the raw-text search finds everything the whole-text reading finds


def _articles(size: int = 12) -> list[str]:
    texts = [c["text"] for c in CASES]
    return ["\n".join(texts[i:i + size]) for i in range(0, len(texts), size)] + [
        " ".join(texts[i:i + size]) for i in range(3, len(texts), size)
    ]


@pytest.mark.parametrize("article", _articles())
def test_windows_agree_with_whole_text(article):
    from rasad.arabic.quantities import _quantities_whole

    assert quantities(article) == _quantities_whole(article)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + [c["text"] for c in CASES[:60]]), max_size=40))
def test_windows_agree_on_generated_text(pieces):
    from rasad.arabic.quantities import _quantities_whole

    text = " ".join(pieces)
    assert quantities(text) == _quantities_whole(text)


@pytest.mark.parametrize("text", ["رقم " + "9" * 5000, "قتل " + "1" * 16 + " شخصا", "هاتف 00963112345678901"])
def test_long_digit_runs_are_no_amounts(text):
    assert [q for q in quantities(text) if q.kind == "count"] == []


@pytest.mark.parametrize("article", _articles()[:6])
def test_precomputed_normalization_gives_the_same(article):
    from rasad.arabic import normalize

    assert quantities(article, normalized=normalize(article)) == quantities(article)
