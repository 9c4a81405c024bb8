"""The cleaner: furniture goes, title and every body line stay, offsets map back."""
from __future__ import annotations

import re

import pytest

from rasad.ingest.clean import clean

from .conftest import ARTICLES, load_yaml

CASES = load_yaml("clean_cases.yaml")


def _lead(a: dict) -> str:
    return " ".join(a["body"][0].split()[:14]) + "..."


def _expand(lines: list[str], a: dict) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "{body}":
            out.extend(a["body"])
        elif line == "{body_blank}":
            for p in a["body"]:
                out.extend([p, ""])
        elif m := re.fullmatch(r"\{body:(\d+)\}", line):
            out.append(a["body"][int(m.group(1))])
        else:
            out.append(line.replace("{title}", a["title"]).replace("{dateline}", a.get("dateline", "")).replace(
                "{lead}", _lead(a)))
    return out


def _raw(case: dict) -> str:
    a = ARTICLES[case["article"]]
    return ("\r\n" if case.get("crlf") else "\n").join(_expand(case["page"], a))


def _expected(case: dict) -> list[str]:
    a = ARTICLES[case["article"]]
    return [" ".join(line.replace("\u200f", "").split()) for line in _expand(case["expect"], a)]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_clean_keeps_exactly_title_datelines_and_body(case):
    out = clean(_raw(case))
    assert out.text.split("\n") == _expected(case)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_clean_finds_title(case):
    a = ARTICLES[case["article"]]
    expected = case["title"].replace("{title}", a["title"]) if case["title"] else None
    assert clean(_raw(case)).title == expected


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_clean_paragraph_maps_back_to_raw(case):
    raw = _raw(case)
    out = clean(raw)
    pos = 0
    for para in out.text.split("\n"):
        s, e = out.offsets.span_to_source(pos, pos + len(para))
        assert raw[s:e] == para
        pos += len(para) + 1


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_dropped_spans_are_the_furniture(case):
    raw = _raw(case)
    out = clean(raw)
    expected = set(_expected(case))
    for s, e, why in out.dropped:
        assert why
        assert raw[s:e] not in expected or raw[s:e] == ARTICLES[case["article"]]["title"]  # a repeated title


@pytest.mark.parametrize(
    "phrase",
    ["اترك تعليقاً", "أضف تعليق", "كود امني", "Flag Counter", "أخبار متعلقة", "زائر", "جميع الحقوق محفوظة", "واتساب"],
)
def test_furniture_gone_in_all_cases(phrase):
    for case in CASES:
        assert phrase not in clean(_raw(case)).text


def test_given_title_leads_and_repeat_is_dropped():
    a = ARTICLES["mosul"]
    raw = "\n".join([a["title"], *a["body"]])
    out = clean(raw, title=a["title"])
    assert out.text.split("\n") == [a["title"], *a["body"]]
    assert out.title == a["title"]
    # the title is not in the map; every body paragraph is
    pos = len(a["title"]) + 1
    for para in a["body"]:
        s, e = out.offsets.span_to_source(pos, pos + len(para))
        assert raw[s:e] == para
        pos += len(para) + 1


def test_duplicate_paragraph_dropped_once():
    a = ARTICLES["tadamon"]
    raw = "\n".join([*a["body"], a["body"][1]])
    assert clean(raw).text.split("\n") == a["body"]


def test_short_unpunctuated_article_is_kept_whole():
    raw = "قصف على يلدا\nمقتل مدنيين اثنين"
    assert clean(raw).text == raw


@pytest.mark.parametrize(
    "line",
    [
        "صوت العاصمة – خاص",
        "دمشق - خاص",
        "خاص - عنب بلدي",
        "بقلم: أحمد الشامي",
        "المصدر: وكالات",
        "نشر في 3 حزيران 2018",
        "الثلاثاء 5 حزيران 2018",
        "عفرين، الأربعاء 14 آذار 2018",
        "بغداد/المسلة – الخميس 22 حزيران 2017",
        "الرقة تذبح بصمت",
        "الموصل – مراسل «نينوى الآن»",
    ],
)
def test_datelines_and_bylines_survive_at_the_edges(line):
    a = ARTICLES["qadam"]
    raw = "\n".join([line, *a["body"], line + " "])  # at the top, and a repeat at the bottom is a duplicate
    out = clean(raw).text.split("\n")
    assert out[0] == line
    assert out[1:] == a["body"]


def test_empty_and_whitespace():
    assert clean("").text == ""
    assert clean("  \n\n\t ").text == ""


def test_punctuation_words_counted_as_the_look_behind_pattern_did():
    """_split counts punctuation-only "words" with a pattern that starts at spaces; it must count what
    `(?<!\\S)[^\\w\\s]+(?!\\S)` over the folded line counted."""
    import json
    import re
    from pathlib import Path

    from rasad.ingest.clean import _PUNCT_TOKEN

    reference = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")
    lines = ["- a", "a -", "-", "a - b", "a -- – b", "«a» - «", "— — —", "a_b _ c", "x ، y", "١٢ - ٣", "(", "a ( b )",
             "... قال", "« الحرب »", "\u200f - \u200f", "؟ ! .", "a-b -a b-"]
    root = Path(__file__).resolve().parents[2]
    for name in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        for row in (root / name).read_text(encoding="utf-8").splitlines():
            lines += json.loads(row)["text"].splitlines()
    for line in lines:
        flat = " ".join(line.split())
        assert len(_PUNCT_TOKEN.findall(" " + flat)) == len(reference.findall(flat)), flat
