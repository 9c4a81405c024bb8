"""`places._heads` finds the same tokens in C (`rasad.extract._speedups.heads`, when built) as its
Python reference `places._heads_py`, on articles."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rasad.extract import places
from rasad.extract.context import analyse
from rasad.knowledge import load
from rasad.model import Document

try:
    from rasad.extract import _speedups as C
except ImportError:  # not built
    C = None

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(C is None, reason="rasad.extract._speedups was not built (no C compiler at install)")
def test_heads_c_matches_python():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    kb = load()
    found = 0
    for i in range(40):
        title, body, published = synth.article(i)
        ctx = analyse(Document(id=f"s{i}", text=f"{title}\n{body}", published=published), kb)
        for si in ctx.sentences:
            want = places._heads_py(si.tokens, places._HEAD_ENDING, places._head_kind_of)
            assert C.heads(si.tokens, places._HEAD_ENDING, places._head_kind_of) == want
            found += len(want)
    assert found > 0
    assert C.heads([], places._HEAD_ENDING, places._head_kind_of) == []
