"""The layer's fast paths give exactly what their plain references give.

Each fast path (issue 3) keeps a plain reference beside it: normalisation
folds long texts piece by piece from a cache (`normalize._fold_pieces`)
where `normalize._normalize_general` folds character by character, and the
sentence splitter finds the word before a dot with string methods where
`sentences._ends_here` searches for it with a regex. Both are held to their
reference on generated text biased towards what they treat specially.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rasad.arabic import normalize as _normalize_function  # noqa: F401  (the package exports the function)
import sys

N = sys.modules["rasad.arabic.normalize"]
S = sys.modules["rasad.arabic.sentences"]

_PIECES = [
    "قُتِلَ", "عنصراً", "مدنياً", "ســـوريا", "لـ", "«داعش»", "٢٥", "١٬٥٠٠", "۳۴", "الأحد", "مستشفى", "حماة",
    "\u200f", "\u200c", "\ufefb", "\r\n", "\n", "\t", "\u00a0", "", " ", "a", "Z", "د.", "U.S.", "ق.م",
    "3.5", "...", "؟", "!", "«", "»", ")", "(", "ـ", "\u064b", "\u0651", "x\u0301", "كلم.", "سم.",
]
TEXT = st.lists(st.sampled_from(_PIECES), min_size=0, max_size=60).map(" ".join) | st.text(max_size=200)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_piece_folding_equals_character_folding(text: str) -> None:
    for lighter in (False, True):
        fast = N._normalize(text, lighter)
        ref = N._normalize_general(text, lighter)
        assert fast[0] == ref[0]
        fast_index = tuple(range(len(text) + 1)) if fast[1] is None else tuple(fast[1])
        ref_index = tuple(range(len(text) + 1)) if ref[1] is None else tuple(ref[1])
        assert fast_index == ref_index


def _reference_sentences(text: str) -> list[tuple[int, int, str]]:
    out, start = [], 0
    for m in S._BOUNDARY.finditer(text):
        if text[m.start()] in S._MARKS and not S._ends_here(text, m):
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for a, b in out:
        core = text[a:b].strip(S._STRIP)
        if core:
            s = a + (len(text[a:b]) - len(text[a:b].lstrip(S._STRIP)))
            spans.append((s, s + len(core), core))
    return spans


_SENTENCE_ALPHABET = list("د.م ق ص ب\n ا U.S.a b 12.5 3،4 ؟!…\"»)ـًٌ_²") + ["سم", "كلم", "رقم", "dr", "مستشفى", "٢٣",
                                                                           "abcdefghijklmnopqrstuvwxyz"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_ALPHABET), max_size=40).map("".join))
@example("قال د\n. سامر")  # a newline before the dot: the reference's $ matches before it
@example("abcdefghijklmnopqrstuvwxyz. b")  # a word longer than the 16-character window
@example("x abcdefghijklmno. b")  # exactly 15
@example("x abcdefghijklmnop. b")  # exactly 16
@example("xxxxxxxxxxxxxxxxxxxx.د. ثم")  # the 16 characters before the second dot hold no word start
@example("قتل 3.5 ملم. ثم")
@example("_د. ثم ²د. ثم")
def test_sentence_ends_equal_the_regex_reference(text: str) -> None:
    assert [(s.start, s.end, s.text) for s in S.sentences(text)] == _reference_sentences(text)
