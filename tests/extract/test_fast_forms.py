"""`forms.find_each` skips a sentence whose matching form holds none of `_first_needles`: such a sentence
has no token that a form of the lists may start with. Held on articles: the test never skips a sentence
where the tokens' variants hold a first word."""
from __future__ import annotations

from rasad.extract import forms
from rasad.extract.context import analyse
from rasad.extract.resources import patterns
from rasad.knowledge import load
from rasad.model import Document

from .helpers import sample_docs


def _docs() -> list[Document]:
    return sample_docs(40, None)


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
