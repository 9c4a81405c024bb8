"""`forms.find_each` skips a sentence whose matching form holds none of `_first_needles`: such a sentence
has no token that a form of the lists may start with. Held on articles: the test never skips a sentence
where the tokens' variants hold a first word."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from rasad.extract import forms
from rasad.extract.context import analyse
from rasad.extract.resources import patterns
from rasad.knowledge import load
from rasad.model import Document

ROOT = Path(__file__).resolve().parents[2]


def _docs() -> list[Document]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    docs = []
    for i in range(40):
        title, body, published = synth.article(i)
        docs.append(Document(id=f"s{i}", text=f"{title}\n{body}", published=published))
    for f in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        path = ROOT / f
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                docs.append(Document(id=r.get("id", "x"), text=r["text"], published=date(2020, 1, 1)))
    return docs


def test_first_needles_never_skip_a_start():
    kb = load()
    pat = patterns()
    lists = (pat.holds_forms, pat.gain_forms)
    needles = forms._first_needles(lists)
    assert needles is not None
    firsts = forms._all_firsts(lists)
    skipped = 0
    for doc in _docs():
        for si in analyse(doc, kb).sentences:
            starts = [k for k, v in enumerate(forms._sentence_variants(si)) if not firsts.isdisjoint(v)]
            if next(needles.iter(si.norm), None) is None:
                skipped += 1
                assert not starts, si.text
    assert skipped > 0


def test_no_needles_for_forms_not_all_letters():
    assert forms._first_needles((("F-16 x",),)) is None
    assert forms._first_needles(((),)) is None
