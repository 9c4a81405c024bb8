"""The knowledge scanners' C loops give exactly what their Python references give.

`MultiMatcher.find` (every vocabulary and the actors in one pass) and
`Gazetteer.scan_spans` run their per-hit loops in C when rasad.knowledge._speedups
was built; `matching._multi_find_py`, `places._place_hits_py` and
`places._longest_first_py` are the references. Each pair is held together on generated text made of the
knowledge's own keys, clitics and characters on the edge of what a letter or
a word character is.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.arabic.normalize import normalize
from rasad.knowledge import load
from rasad.knowledge import matching as M
from rasad.knowledge import places as P

try:
    from rasad.knowledge import _speedups as C
except ImportError:  # not built
    C = None

needs_c = pytest.mark.skipif(C is None, reason="rasad.knowledge._speedups was not built (no C compiler at install)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kb():
    return load()


def _scanner(kb):
    sc = kb._scanner
    return sc, sc._built()


_KEYS: list[str] = []


def _keys(kb) -> list[str]:
    """Keys of both automata: a few the merged scanner tests once, all it tests in groups, and place names."""
    if _KEYS:
        return _KEYS
    _, a = _scanner(kb)
    merged = [(k, v) for k, v in a.items()]
    grouped = [k for k, v in merged if v[2] is None]
    plain = [k for k, v in merged if v[2] is not None][::40]
    places = [k for k, _ in kb.gazetteer.matcher().items()][::60]
    _KEYS[:] = sorted(set(grouped + plain + places))
    return _KEYS


_EDGES = ["", " ", "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "ات", "ه", "ها", "ين", "ون", "ي", "_", "٢", "7",
          "a", "Z", "²", "½", "一", "Ⅻ", "\u064b", "\u0651", "،", ".", "-", "\n", "«", "»", '"']


def _texts(keys):
    piece = st.sampled_from(keys) | st.sampled_from(_EDGES)
    return st.lists(st.lists(piece, min_size=1, max_size=4).map("".join), min_size=0, max_size=40).map(" ".join)


def _corpus() -> list[str]:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    texts = []
    for i in range(25):
        title, body, _ = synth.article(i)
        texts.append(f"{title}\n{body}")
    for f in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        path = ROOT / f
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:20]]
    return texts


@needs_c
def test_multi_find_on_articles(kb) -> None:
    sc, a = _scanner(kb)
    n = len(sc._matchers)
    for text in _corpus():
        t = normalize(text).text
        assert C.multi_find(a, t, n, sc._rows) == M._multi_find_py(a, t, n, sc._rows)


@needs_c
def test_place_hits_on_articles(kb) -> None:
    a = kb.gazetteer.matcher()
    for text in _corpus():
        t, _ = P._unquote(normalize(text).text)
        for pro in ("وفبلك", "و", ""):
            assert C.place_hits(a, t, pro) == P._place_hits_py(a, t, pro)


@needs_c
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_multi_find_on_generated_text(kb, data) -> None:
    sc, a = _scanner(kb)
    text = data.draw(_texts(_keys(kb)) | st.text(max_size=80))
    n = len(sc._matchers)
    assert C.multi_find(a, text, n, sc._rows) == M._multi_find_py(a, text, n, sc._rows)


@needs_c
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_place_hits_on_generated_text(kb, data) -> None:
    a = kb.gazetteer.matcher()
    text = data.draw(_texts(_keys(kb)) | st.text(max_size=80))
    assert C.place_hits(a, text, "وفبلك") == P._place_hits_py(a, text, "وفبلك")


@needs_c
def test_longest_first_on_articles(kb) -> None:
    a = kb.gazetteer.matcher()
    for text in _corpus():
        t, _ = P._unquote(normalize(text).text)
        hits = P._place_hits_py(a, t, "وفبلك")
        assert C.longest_first(hits, len(t)) == P._longest_first_py(hits, len(t))


@needs_c
@settings(max_examples=300, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=25))
def test_longest_first_on_generated_spans(spans) -> None:
    hits = [(s, s + n, str(i), ()) for i, (s, n) in enumerate(spans)]
    result = C.longest_first(hits, 40)
    assert result == P._longest_first_py(hits, 40)
    assert all(x is y for x, y in zip(result, P._longest_first_py(hits, 40)))


def test_the_scanners_use_the_c_loops_when_built() -> None:
    built = importlib.util.find_spec("rasad.knowledge._speedups") is not None
    assert (M._multi_find is not M._multi_find_py) is built
    assert (P._place_hits is not P._place_hits_py) is built
    assert (P._longest_first is not P._longest_first_py) is built
