"""Tokens: boundaries, kinds, offsets into the original text, clitic splits."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.arabic.tokens import rules, split_clitics, tokenize

CLITICS = yaml.safe_load((Path(__file__).parent / "data" / "clitics_cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_table_is_large_enough() -> None:
    assert len(CLITICS) >= 100


@pytest.mark.parametrize("word,prefix,stem,suffix", CLITICS)
def test_split_clitics(word: str, prefix: str, stem: str, suffix: str) -> None:
    assert split_clitics(word) == (prefix, stem, suffix)


@pytest.mark.parametrize("word,prefix,stem,suffix", CLITICS)
def test_split_in_running_text(word: str, prefix: str, stem: str, suffix: str) -> None:
    """The same word inside a sentence (which shows ة) splits the same way."""
    toks = [t for t in tokenize(f"قالت المصادر إن {word} في المدينة.") if t.kind == "word"]
    t = toks[3]
    assert (t.prefix, t.stem, t.suffix) == (prefix, stem, suffix)
    assert t.text == word


# (text, [(token text, kind), ...])
BOUNDARIES = [
    ("قتل 17 عنصرا", [("قتل", "word"), ("17", "number"), ("عنصرا", "word")]),
    ("17 ألف", [("17", "number"), ("ألف", "word")]),
    ("نزح 1,500 شخص", [("نزح", "word"), ("1,500", "number"), ("شخص", "word")]),
    ("نزح 1.500 شخص", [("نزح", "word"), ("1.500", "number"), ("شخص", "word")]),
    ("نزح ١٬٥٠٠ شخص", [("نزح", "word"), ("١٬٥٠٠", "number"), ("شخص", "word")]),
    ("نحو ٣٫٥ آلاف", [("نحو", "word"), ("٣٫٥", "number"), ("آلاف", "word")]),
    ("قتل ۲۵ مدنياً", [("قتل", "word"), ("۲۵", "number"), ("مدنياً", "word")]),
    ("العامين 2017، 2018", [("العامين", "word"), ("2017", "number"), ("،", "punct"), ("2018", "number")]),
    ("الأرقام 5،6", [("الأرقام", "word"), ("5", "number"), ("،", "punct"), ("6", "number")]),
    ("سقط 12 قتيلا.", [("سقط", "word"), ("12", "number"), ("قتيلا", "word"), (".", "punct")]),
    ("بنسبة 40%", [("بنسبة", "word"), ("40", "number"), ("%", "punct")]),
    ("طائرة F-16 أمريكية", [("طائرة", "word"), ("F-16", "latin"), ("أمريكية", "word")]),
    ("وكالة AFP للأنباء", [("وكالة", "word"), ("AFP", "latin"), ("للأنباء", "word")]),
    ("تنظيم «داعش»", [("تنظيم", "word"), ("«", "punct"), ("داعش", "word"), ("»", "punct")]),
    ("قال لـ”المدن”", [("قال", "word"), ("لـ", "word"), ("”", "punct"), ("المدن", "word"), ("”", "punct")]),
    ("أكد لـ \"عنب بلدي\"", [("أكد", "word"), ("لـ", "word"), ('"', "punct"), ("عنب", "word"), ("بلدي", "word"), ('"', "punct")]),
    ("بـ17 قذيفة", [("بـ", "word"), ("17", "number"), ("قذيفة", "word")]),
    ("ب17 قذيفة", [("ب", "word"), ("17", "number"), ("قذيفة", "word")]),
    ("قُتِلَ مُقاتِلٌ", [("قُتِلَ", "word"), ("مُقاتِلٌ", "word")]),
    ("ســـوريا", [("ســـوريا", "word")]),
    ("حدث...ثم", [("حدث", "word"), ("...", "punct"), ("ثم", "word")]),
    ("هل؟!", [("هل", "word"), ("؟", "punct"), ("!", "punct")]),
    ("(دمشق)", [("(", "punct"), ("دمشق", "word"), (")", "punct")]),
    ("دم\u200fشق", [("دم\u200fشق", "word")]),
    ("\ufefb يوجد", [("\ufefb", "word"), ("يوجد", "word")]),
    ("2017-2018", [("2017", "number"), ("-", "punct"), ("2018", "number")]),
    ("12/5/2018", [("12", "number"), ("/", "punct"), ("5", "number"), ("/", "punct"), ("2018", "number")]),
    ("Москва دمشق", [("Москва", "other"), ("دمشق", "word")]),
    ("", []),
    ("   \n ", []),
]


@pytest.mark.parametrize("text,expected", BOUNDARIES)
def test_boundaries(text: str, expected: list[tuple[str, str]]) -> None:
    toks = tokenize(text)
    assert [(t.text, t.kind) for t in toks] == expected
    for t in toks:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text,norms",
    [
        ("قُتِلَ ٢٥ عنصراً", ["قتل", "25", "عنصرا"]),
        ("«الحجر الأسود»", ['"', "الحجر", "الاسود", '"']),
        ("ISIS", ["isis"]),
    ],
)
def test_norm_field(text: str, norms: list[str]) -> None:
    assert [t.norm for t in tokenize(text)] == norms


@pytest.mark.parametrize(
    "text,word,split",
    [
        # the text shows ة, so a final ه is a real ه
        ("في المدرسة وبقي في مدرسته", "مدرسته", ("", "مدرسه", "ه")),
        ("في المدرسة وبقي في مدرسة", "مدرسة", ("", "مدرسه", "")),
        # a writer who never uses ة: a final ه may be ة, keep it
        ("في المدرسه وبقي في مدرسه", "مدرسه", ("", "مدرسه", "")),
        # hamza-alef in the text rules out the article
        ("وصلت ألقاب كثيرة", "ألقاب", ("", "القاب", "")),
        ("وصلت الألقاب كثيرة", "الألقاب", ("ال", "القاب", "")),
        ("وأنباء عن القتلى", "وأنباء", ("و", "انباء", "")),
        # a proclitic alone before a quote or a digit
        ("قالت لـ«المدن» مصادر", "لـ", ("ل", "", "")),
        ("قالت و\"المدن\" مصادر", "و", ("و", "", "")),
        ("سقط الـ17 قتيلا", "الـ", ("ال", "", "")),
        # alone between spaces, و is a word
        ("قتل و جرح", "و", ("", "و", "")),
    ],
)
def test_split_in_context(text: str, word: str, split: tuple[str, str, str]) -> None:
    t = next(t for t in tokenize(text) if t.text == word)
    assert (t.prefix, t.stem, t.suffix) == split


def test_rules_loaded_from_data() -> None:
    r = rules()
    assert r.proclitics[0][0] and all(len(a[0]) >= len(b[0]) for a, b in zip(r.proclitics, r.proclitics[1:]))
    assert "وزير" in r.known and "ل" in r.prefix_forms


def test_number_kind_is_not_split_by_arabic_words() -> None:
    toks = tokenize("قتل ٥٠٠ و٢٠ جريحا")
    assert [t.kind for t in toks] == ["word", "number", "word", "number", "word"]
    assert toks[2].prefix == "و" and toks[2].stem == ""
