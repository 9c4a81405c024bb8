"""attribution's token scans give the same in C and in Python.

`attribution._source_tokens` and `attribution._opening_words` are
`rasad.extract._speedups.source_tokens` / `opening_words` when built, else
`_source_tokens_py` / `_opening_words_py`, their reference. The two are held
together on the sentences of articles, at every start and end.
"""
from __future__ import annotations

import pytest

from rasad.extract import attribution as A
from rasad.extract.context import analyse
from rasad.knowledge import load

from .helpers import sample_docs

try:
    from rasad.extract import _speedups as C
except ImportError:  # not built
    C = None

needs_c = pytest.mark.skipif(C is None or not hasattr(C, "source_tokens"),
                             reason="rasad.extract._speedups was not built (no C compiler at install)")


def _sentences() -> list:
    kb = load()
    docs = sample_docs(12, 10)
    return [si for d in docs for si in analyse(d, kb).sentences]


@needs_c
def test_source_tokens_c_is_python() -> None:
    sents = _sentences()
    found = 0
    for si in sents:
        toks = si.tokens
        # the source words, and a set of the sentence's own norms and stems (punctuation among them)
        for words in (A._source_words(), frozenset(t.norm for t in toks[::3]) | {t.stem for t in toks[1::4]}):
            got = C.source_tokens(toks, words)
            assert got == A._source_tokens_py(toks, words)
            found += len(got)
        assert C.source_tokens(toks, frozenset()) == []
    assert found


@needs_c
def test_opening_words_c_is_python() -> None:
    sents = _sentences()
    for si in sents:
        toks = si.tokens
        n = len(toks)
        for lo in range(n + 2):
            for hi in (max(lo - 1, 0), lo, lo + 1, lo + 5, lo + 12, n, n + 3):  # (never negative)
                for openers in (A.CLAUSE_OPENERS, frozenset()):
                    assert C.opening_words(toks, lo, hi, openers) == A._opening_words_py(toks, lo, hi, openers)


def test_attribution_uses_the_c_loops_when_built() -> None:
    if C is not None and hasattr(C, "source_tokens"):
        assert A._source_tokens is C.source_tokens and A._opening_words is C.opening_words
        assert A._speaker_span is C.speaker_span and A._word_tokens is C.word_tokens
        assert A._phrase_end_at is C.phrase_end
    else:
        assert A._source_tokens is A._source_tokens_py and A._opening_words is A._opening_words_py
        assert A._speaker_span is A._speaker_span_py and A._word_tokens is A._word_tokens_py
        assert A._phrase_end_at is A._phrase_end_py


@needs_c
def test_speaker_span_c_is_python() -> None:
    sents = _sentences()
    sets = A._speaker_words()
    spans = 0
    for si in sents:
        toks = si.tokens
        text = si.text
        offset = si.start
        doc_text = " " * offset + text  # the document's text as far as this sentence reaches
        # the real word sets, and ones where every third word names a statement and every fifth links it
        # to its issuer (the issuer's path)
        docs = frozenset(t.norm for t in toks[::3])
        links = frozenset(t.stem for t in toks[1::5])
        for words in (sets, (sets[0], docs, links, sets[3], sets[4]), (sets[0], docs, links, frozenset(), frozenset())):
            for lo in range(len(toks) + 2):
                for objective in (False, True):
                    got = C.speaker_span(toks, lo, objective, doc_text, words, A._body_follows, si)
                    assert got == A._speaker_span_py(toks, lo, objective, doc_text, words, A._body_follows, si)
                    spans += got is not None
    assert spans


@needs_c
def test_word_tokens_c_is_python() -> None:
    for si in _sentences():
        for toks in (si.tokens, si.tokens[1:4], []):
            got = C.word_tokens(toks)
            assert got == A._word_tokens_py(toks) and all(a is b for a, b in zip(got, A._word_tokens_py(toks)))


@needs_c
def test_phrase_end_c_is_python() -> None:
    from rasad.extract.resources import patterns

    stops = patterns().source_stops
    for si in _sentences():
        toks = si.tokens
        verbs, actors = si.of("attribution"), si.of("actor")
        # the real stops, none, and every fourth word (stems among them)
        for words in (stops, frozenset(), frozenset(t.norm for t in toks[::4]) | {t.stem for t in toks[2::4]}):
            for k in range(len(toks)):
                for vs, acts in ((verbs, actors), ([], actors), (verbs, [])):
                    assert C.phrase_end(toks, k, words, vs, acts, A._body_follows, si) == \
                        A._phrase_end_py(toks, k, words, vs, acts, A._body_follows, si)
