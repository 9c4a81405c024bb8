"""The matching form: what folds, what vanishes, and that offsets map back."""
from __future__ import annotations

import pytest

from rasad.arabic.normalize import light, norm, normalize, strip_article

CASES = [
    # alef variants and hamza seats
    ("أحمد", "احمد"),
    ("إدلب", "ادلب"),
    ("آلاف", "الاف"),
    ("ٱلرقة", "الرقه"),
    ("مسؤول", "مسوول"),
    ("رئيس", "رييس"),
    ("سماء", "سماء"),  # a lone hamza stays
    ("شيء", "شيء"),
    ("ا\u0654", "ا"),  # decomposed hamza above
    ("ا\u0655لى", "الي"),  # decomposed hamza below
    # alef maqsura, yeh forms, taa marbuta
    ("مستشفى", "مستشفي"),
    ("على", "علي"),
    ("ایران", "ايران"),  # Persian yeh
    ("مدينة", "مدينه"),
    ("حماة", "حماه"),
    ("كتیبة", "كتيبه"),
    ("کرکوک", "كركوك"),  # keheh
    ("گوير", "كوير"),
    ("ڤيينا", "فيينا"),
    ("پاكستان", "باكستان"),
    ("چمچمال", "جمجمال"),
    # diacritics and tatweel
    ("قُتِلَ", "قتل"),
    ("عنصراً", "عنصرا"),
    ("مُدَرَّعة", "مدرعه"),
    ("الرّحمٰن", "الرحمن"),
    ("ســـوريا", "سوريا"),
    ("لـ", "ل"),
    ("قـُـتـِل", "قتل"),
    # digits
    ("٢٥", "25"),
    ("١٢٣٤٥٦٧٨٩٠", "1234567890"),
    ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
    ("١٬٥٠٠", "1,500"),
    ("٣٫٥", "3.5"),
    ("２０１８", "2018"),
    ("٪٥٠", "%50"),
    # Arabic punctuation
    ("دمشق، حلب", "دمشق, حلب"),
    ("نعم؛ لا", "نعم; لا"),
    ("هل؟", "هل?"),
    ("انتهى۔", "انتهي."),
    # quotes
    ("«داعش»", '"داعش"'),
    ("“داعش”", '"داعش"'),
    ("„x‟", '"x"'),
    ("‘x’", "'x'"),
    ("‹x›", "'x'"),
    ("＂x＂", '"x"'),
    ("〝x〞", '"x"'),
    ("ʼx", "'x"),
    # dashes
    ("2017–2018", "2017-2018"),
    ("a—b", "a-b"),
    ("a―b", "a-b"),
    ("a−b", "a-b"),
    ("a‑b", "a-b"),
    # invisible marks
    ("دم\u200eشق", "دمشق"),  # LRM
    ("دم\u200fشق", "دمشق"),  # RLM
    ("دم\u200dشق", "دمشق"),  # ZWJ
    ("دم\u200cشق", "دمشق"),  # ZWNJ
    ("\u2067دمشق\u2069", "دمشق"),  # bidi isolate
    ("\u202bدمشق\u202c", "دمشق"),  # bidi embedding
    ("\ufeffدمشق", "دمشق"),  # BOM
    ("دم\u00adشق", "دمشق"),  # soft hyphen
    ("دم\u061cشق", "دمشق"),  # Arabic letter mark
    ("دم\u2060شق", "دمشق"),  # word joiner
    ("دمشق\ufe0f", "دمشق"),  # variation selector
    # presentation forms and ligatures
    ("\ufefb", "لا"),  # lam-alef isolated
    ("\ufef7", "لا"),  # lam-alef with hamza above
    ("\ufef5", "لا"),  # lam-alef with madda
    ("\ufe8d\ufedf\ufea4\ufeae", "الحر"),  # contextual forms of الحر
    ("\ufe93", "ه"),  # taa marbuta isolated form
    ("\ufdf2", "الله"),  # Allah ligature
    ("\ufe70", ""),  # fathatan isolated form: a mark, dropped
    ("ﻣﺨﻴﻢ", "مخيم"),
    # whitespace
    ("دمشق   حلب", "دمشق حلب"),
    ("دمشق\u00a0حلب", "دمشق حلب"),
    ("دمشق\u00a0 \u2009حلب", "دمشق حلب"),
    ("دمشق\tحلب", "دمشق حلب"),
    ("سطر\r\nسطر", "سطر\nسطر"),
    ("دمشق \u200f حلب", "دمشق حلب"),  # spaces a dropped mark kept apart
    ("دمشق \ufe70 حلب", "دمشق حلب"),
    ("سطر\rسطر", "سطر\nسطر"),
    ("سطر\u2028سطر", "سطر\nسطر"),
    # Latin
    ("ISIS", "isis"),
    ("ＡＦＰ", "afp"),
    ("F-16", "f-16"),
    # already in matching form: unchanged
    ("قتل 25 عنصرا", "قتل 25 عنصرا"),
    ("", ""),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_matching_form(text: str, expected: str) -> None:
    assert normalize(text).text == expected
    assert norm(text) == expected


@pytest.mark.parametrize("text,expected", CASES)
def test_idempotent(text: str, expected: str) -> None:
    assert norm(expected) == expected


@pytest.mark.parametrize("text,expected", CASES)
def test_light_is_aligned_with_norm(text: str, expected: str) -> None:
    assert len(light(text)) == len(expected)


@pytest.mark.parametrize(
    "text,keeps",
    [("أحمد", "أ"), ("إدلب", "إ"), ("آلاف", "آ"), ("مدينة", "ة"), ("قُتِلَت", "قتلت")],
)
def test_light_keeps_hamza_alef_and_taa(text: str, keeps: str) -> None:
    assert keeps in light(text)


# (text, span in the matching form, the original substring it maps back to)
SPANS = [
    ("قُتِلَ ٢٥ عنصراً في «الحجر الأسود»", "25", "٢٥"),
    ("قُتِلَ ٢٥ عنصراً في «الحجر الأسود»", "الحجر الاسود", "الحجر الأسود"),
    ("قُتِلَ ٢٥ عنصراً في «الحجر الأسود»", "قتل", "قُتِل"),  # marks after the last letter are not in the span
    ("قُتِلَ ٢٥ عنصراً في «الحجر الأسود»", "عنصرا", "عنصرا"),
    ("دمشق   حلب", "حلب", "حلب"),
    ("\u200fدمشق\u200f \u00a0 حلب", "دمشق حلب", "دمشق\u200f \u00a0 حلب"),
    ("قالت لـ”المدن” إن", "المدن", "المدن"),
    ("ســـوريا اليوم", "سوريا", "ســـوريا"),
    ("قرية \ufefb", "لا", "\ufefb"),
    ("سطر\r\nثان", "ثان", "ثان"),
    ("\ufeffبيان", "بيان", "بيان"),
]


@pytest.mark.parametrize("text,needle,original", SPANS)
def test_offsets_map_back(text: str, needle: str, original: str) -> None:
    n = normalize(text)
    i = n.text.index(needle)
    s, e = n.orig_span(i, i + len(needle))
    assert text[s:e] == original


@pytest.mark.parametrize("text", [c[0] for c in CASES] + [s[0] for s in SPANS])
def test_index_shape(text: str) -> None:
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert n.index[-1] == len(text)
    assert list(n.index) == sorted(n.index)


@pytest.mark.parametrize(
    "word,expected",
    [
        ("الحجر", "حجر"),
        ("اليرموك", "يرموك"),
        ("والمخيم", "مخيم"),
        ("بالقدم", "قدم"),
        ("للنظام", "نظام"),
        ("يلدا", "يلدا"),
        ("ببيلا", "ببيلا"),
        ("الاف", "الاف"),  # آلاف
        ("الذي", "الذي"),
        ("الويه", "الويه"),  # ألوية
        ("ال", "ال"),
        ("الحي", "حي"),
    ],
)
def test_strip_article(word: str, expected: str) -> None:
    assert strip_article(word) == expected
