"""`analyse` files the scanners' hits the same way in C and in Python.

`context._file_hits` is `rasad.extract._speedups.file_hits` when it was built,
else `context._file_hits_py`, its reference. The two are held together on
articles and on generated sentences and hits: hits before, between and after
sentences, hits of several meanings, empty spans, offsets mapped through a
normalisation index.
"""
from __future__ import annotations

import gc
import importlib.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extract import context
from rasad.knowledge import load
from rasad.model import Document

from .helpers import sample_docs

try:
    from rasad.extract import _speedups as C
except ImportError:  # not built
    C = None

needs_c = pytest.mark.skipif(C is None, reason="rasad.extract._speedups was not built (no C compiler at install)")


def _docs() -> list[Document]:
    return sample_docs(20, 15)


def _filed(ctx) -> list:
    """Every sentence's hits and its filing by kind, as plain values, and whether the filed hits are the
    sentence's own records."""
    out = []
    for si in ctx.sentences:
        assert all(type(h) is context.Hit for h in si.hits)
        own = {id(h) for h in si.hits}
        assert all(id(h) in own for v in si._of.values() for h in v)
        out.append(([tuple(h) for h in si.hits], [(k, [tuple(h) for h in v]) for k, v in si._of.items()]))
    return out


@needs_c
def test_file_hits_on_articles(monkeypatch) -> None:
    kb = load()
    for doc in _docs():
        monkeypatch.setattr(context, "_file_hits", C.file_hits)
        fast = _filed(context.analyse(doc, kb))
        monkeypatch.setattr(context, "_file_hits", context._file_hits_py)
        assert fast == _filed(context.analyse(doc, kb))


def _infos(spans):
    return [context.SentenceInfo(i, a, b, "", "") for i, (a, b) in enumerate(spans)]


@st.composite
def _case(draw):
    n = draw(st.integers(0, 120))
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    # a normalisation index: ascending original offsets, some characters dropped
    steps = draw(st.lists(st.integers(1, 3), min_size=n + 1, max_size=n + 1))
    index = []
    pos = 0
    for step in steps:
        index.append(pos)
        pos += step
    index = draw(st.sampled_from([tuple, list]))(index)
    scan = []
    for kind in draw(st.lists(st.sampled_from(["trigger", "cue", "actor", "source"]), unique=True, max_size=4)):
        marks = sorted(set(draw(st.lists(st.integers(0, n), max_size=16))))
        matches = []
        for a, b in zip(marks[::2], marks[1::2]):
            meanings = tuple(draw(st.lists(st.tuples(st.sampled_from(["x", "y"]), st.just("g"), st.just("l")),
                                           min_size=1, max_size=3)))
            matches.append((a, b, f"k{a}", meanings))
        scan.append((kind, matches))
    # the sentences' offsets in the original text
    sents = [(index[a], index[b - 1] + 1) for a, b in spans]
    return scan, index, sents


@needs_c
@settings(max_examples=400, deadline=None)
@given(_case())
def test_file_hits_on_generated_hits(case) -> None:
    scan, index, sents = case
    got = []
    for fn in (C.file_hits, context._file_hits_py):
        infos = _infos(sents)
        fn(scan, index, [a for a, _ in sents], [b for _, b in sents], infos, context.Hit)
        got.append([([tuple(h) for h in si.hits], [(k, [tuple(h) for h in v]) for k, v in si._of.items()])
                    for si in infos])
    assert got[0] == got[1]


@needs_c
def test_c_hits_are_hits() -> None:
    infos = _infos([(0, 10)])
    C.file_hits([("cue", [(1, 3, "ab", (("v", "g", "l"),))])], tuple(range(11)), [0], [10], infos, context.Hit)
    h = infos[0].hits[0]
    assert type(h) is context.Hit and h == context.Hit(1, 3, "cue", "v", "g", "l", "ab")
    assert h.start == 1 and h.ids == () and h.ambiguous is False
    assert not gc.is_tracked(h)  # strings and ints only
    with pytest.raises(TypeError):
        C.file_hits([], (), [], [], [], dict)


def test_analyse_uses_the_c_loop_when_built() -> None:
    built = importlib.util.find_spec("rasad.extract._speedups") is not None
    assert (context._file_hits is not context._file_hits_py) is built


@needs_c
def test_c_methods_are_the_python_methods() -> None:
    kb = load()
    py = context._METHODS_PY
    SI, CX = context.SentenceInfo, context.Context
    assert all(getattr(cls, name) is getattr(C, name) for cls, name in py)
    for doc in _docs()[::3]:
        ctx = context.analyse(doc, kb)
        for si in ctx.sentences:
            edges = sorted({si.start - 1, si.start, si.end, si.end + 1, *(t.start for t in si.tokens),
                            *(t.end for t in si.tokens), *(t.start + 1 for t in si.tokens)})
            for a in edges:
                for n in (0, 1, 2, 3, 40):
                    for name in ("words_before", "words_after"):
                        got, want = getattr(si, name)(a, n), py[(SI, name)](si, a, n)
                        assert got == want and all(x is y for x, y in zip(got, want))
                for b in edges[::4]:
                    got, want = si.tokens_within(a, b), py[(SI, "tokens_within")](si, a, b)
                    assert got == want and all(x is y for x, y in zip(got, want))
                    if a < b:
                        assert ctx.norm_of(a, b) == py[(CX, "norm_of")](ctx, a, b)
            for filed in (True, False):  # as analyse leaves it, and with nothing filed yet
                pair = [context.SentenceInfo(si.index, si.start, si.end, si.text, si.norm, hits=list(si.hits),
                                             _of={k: list(v) for k, v in si._of.items()} if filed else {},
                                             filed=filed)
                        for _ in range(2)]
                for kinds in (("place",), ("actor", "source"), ("trigger",), ("nothing",), ()):
                    assert pair[0].of(*kinds) == py[(SI, "of")](pair[1], *kinds)
                    assert pair[0].of(*kinds) is pair[0].of(*kinds)  # cached
                assert list(pair[0]._of) == list(pair[1]._of)


def test_sentence_methods_keep_their_signatures() -> None:
    import inspect

    for (cls, name), fn in context._METHODS_PY.items():
        assert list(inspect.signature(getattr(cls, name)).parameters) == list(inspect.signature(fn).parameters)
