"""`claims._gates` reads the same bits from a sentence's tokens in C and in Python.

`claims._gate_bits` is `rasad.extract._speedups.gate_bits` (the tokens' norm and
stem read from their slots) when it was built, else `claims._gate_bits_py`, its
reference. The two are held together on the sentences of articles and on
generated tokens, some of another class (read by attribute).
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extract import claims
from rasad.extract.context import analyse
from rasad.knowledge import load
from rasad.model import Document, Token

from .helpers import sample_docs

try:
    from rasad.extract import _speedups as C
except ImportError:  # not built
    C = None

needs_c = pytest.mark.skipif(C is None or not hasattr(C, "gate_bits"),
                             reason="rasad.extract._speedups was not built (no C compiler at install)")


def _c_bits(toks, bits, words) -> int:
    return C.gate_bits(toks, bits, Token, C.slot_offset(Token, "norm"), C.slot_offset(Token, "stem"))


def _docs() -> list[Document]:
    return sample_docs(20, 15)


@needs_c
def test_slot_offset():
    assert C.slot_offset(Token, "norm") >= 0
    assert C.slot_offset(Token, "stem") != C.slot_offset(Token, "norm")
    assert C.slot_offset(Token, "nothing") == -1
    assert C.slot_offset(Token, "__doc__") == -1


@needs_c
def test_articles():
    kb = load()
    bits, words = claims._gate_words()
    n = 0
    for doc in _docs():
        for si in analyse(doc, kb).sentences:
            want = claims._gate_bits_py(si.tokens, bits, words)
            assert _c_bits(si.tokens, bits, words) == want
            assert claims._gate_bits(si.tokens, bits, words) == want
            n += want != 0
    assert n > 50  # (the lists are found in many sentences)


@dataclass
class _Other:  # a token-like object of another class: read by attribute
    norm: str
    stem: str


WORDS = ["عدد", "حصيله", "قد", "برفقه", "ونفي", "و", "", "x", "عناصر"]


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS), st.booleans()), max_size=12),
       st.dictionaries(st.sampled_from(WORDS), st.integers(1, 1 << 13), max_size=6))
def test_generated(rows, bits):
    toks = [Token(i, i + 1, n, n, s) if plain else _Other(n, s) for i, (n, s, plain) in enumerate(rows)]
    words = frozenset(bits)
    assert _c_bits(toks, bits, words) == claims._gate_bits_py(toks, bits, words)
