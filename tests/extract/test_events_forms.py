"""Cheaper tests in `events` held against what they replace.

`events._holds` is `control.has_form` with a cheaper pre-test (the forms' key words as substrings).

The pre-test may only skip texts that hold no form: held against has_form for every list of
forms in the event rules, on the sentences of articles, on the forms themselves (led by و or ف,
cut inside a word, glued to other words) and on generated texts made of their words.

`events._find_dateline` walks back from a place instead of cutting off its line's start: held
against the line test on generated texts.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extract import events
from rasad.extract.context import analyse
from rasad.extract.control import has_form, rules
from rasad.knowledge import load
from rasad.model import Document

ROOT = Path(__file__).resolve().parents[2]


def _form_sets() -> list[frozenset[str]]:
    out: list[frozenset[str]] = []

    def walk(v) -> None:
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, frozenset):
            out.append(v)
    walk(rules())
    return out


FORM_SETS = _form_sets()
WORDS = sorted({w for forms in FORM_SETS for f in forms for w in f.split()})


def _sentences() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    kb = load()
    docs = [Document(id=f"s{i}", text="\n".join(synth.article(i)[:2])) for i in range(4)]
    for f in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        path = ROOT / f
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines()[:4]:
                docs.append(Document(id="x", text=json.loads(line)["text"]))
    return [si.norm for doc in docs for si in analyse(doc, kb).sentences]


def test_holds_is_has_form_on_sentences() -> None:
    for text in _sentences():
        for forms in FORM_SETS:
            assert events._holds(text, forms) == has_form(text, forms), (text, sorted(forms)[:5])


def test_holds_is_has_form_on_the_forms() -> None:
    for forms in FORM_SETS:
        for f in forms:
            body = f.strip()
            for lead in ("", "و", "ف", "ال"):
                t = lead + body
                for text in (t, "قال " + t + " امس", t[1:], t[:-1], "x" + t + "y"):
                    assert events._holds(text, forms) == has_form(text, forms), (text, sorted(forms)[:5])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["و", "ف", "في", "،", "ما", "x"]), max_size=8),
       st.sampled_from([" ", "", "و", "  "]), st.integers(0, 3))
def test_holds_is_has_form_on_generated(words: list[str], sep: str, cut: int) -> None:
    text = sep.join(words)[cut:]
    for forms in FORM_SETS:
        assert events._holds(text, forms) == has_form(text, forms)


def test_form_keys() -> None:
    assert events._form_keys(frozenset({" ما نفاه ", " ما نفاه الجيش ", " ما نفته "})) == ("نفاه", "نفته")
    assert events._form_keys(frozenset({" قتال ", " دون قتال "})) == ("قتال",)
    assert events._form_keys(frozenset({" ما نفاه ", "نفاه"})) is None  # a form not padded: no key words
    assert events._form_keys(frozenset()) == ()


def _dateline_ref(text: str, start: int, end: int) -> bool:
    """The test `events._find_dateline` made before walking back from the place."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\u200f\u200e\"'«"):
        return False
    return events.DATELINE_TAIL.match(text, end, min(len(text), end + 80)) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u200f\u200e\"'«(-ابحل٣2", max_size=40), st.integers(0, 40), st.integers(0, 6))
def test_dateline_walk_is_the_line_test(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    place = type("P", (), {"start": start, "end": end})()
    ctx = type("C", (), {"doc": type("D", (), {"text": text})()})()
    assert events._find_dateline(ctx, place) == _dateline_ref(text, start, end)
