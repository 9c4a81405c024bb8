"""The layer's fast paths give exactly what their plain references give.

Each fast path (issue 3) keeps a plain reference beside it: normalisation
folds long texts piece by piece from a cache (`normalize._fold_pieces`)
where `normalize._normalize_general` folds character by character; the
sentence splitter finds the word before a dot with string methods where
`sentences._ends_here` searches for it with a regex; the loops in C
(rasad.arabic._speedups, when it was built) do what the Python loops beside
them do. Each is held to its reference on generated text biased towards
what it treats specially.
"""
from __future__ import annotations

import gc

import importlib.util
import sys
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rasad.arabic
from rasad.model import Quantity, Sentence, TimeExpression, Token

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


_SENTENCE_ALPHABET = list("د.م ق ص ب\n ا U.S.a b 12.5 3،4 ؟!…\"»)ـًٌ_²\r\\]﴿\u2029؛") + ["\r\n", "!?»", ".\"'"] + ["سم", "كلم", "رقم", "dr", "مستشفى", "٢٣",
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


# --------------------------------------------------------------------------- C loops and their Python references

A = sys.modules["rasad.arabic.analysis"]
TK = sys.modules["rasad.arabic.tokens"]
TM = sys.modules["rasad.arabic.times"]
try:
    from rasad.arabic import _speedups as C
except ImportError:  # not built where rasad was installed: the Python loops run, and are what is tested
    C = None
needs_c = pytest.mark.skipif(C is None, reason="rasad.arabic._speedups was not built (no C compiler at install)")

_WORDS = ["قُتِلَ", "٢٥", "عنصراً", "من", "قوات", "النظام", "في", "«حي", "القدم»،", "بينهم", "3", "أطفال.", "وأصيب",
          "لـ\"المدن\"", "بـ17", "ألف", "مدنيٍّ", "خلال", "الساعات", "الـ24", "الماضية", "يوم", "الثلاثاء", "12",
          "أيار/مايو", "2018", "منذ", "مطلع", "تموز", "ليل", "السبت-الأحد", "21/5/2018", "ونحو", "1,500", "د.",
          "سامر", "U.S.", "F-16", "؟", "!", "…", "\n", "ـــ", "%", "$45", "(12)", "مستشفى", "حماة"]
ARTICLE = st.lists(st.sampled_from(_WORDS), min_size=10, max_size=120).map(" ".join)


def _records(texts) -> list:
    return [[(type(x), *(getattr(x, f) for f in x.__slots__)) for x in t] for t in texts]


@settings(max_examples=200, deadline=None)
@given(ARTICLE)
def test_python_lay_out_gives_what_analyse_gives(text: str) -> None:
    """analyse through `_lay_out_py` (the reference) equals analyse through the loop in use."""
    published = date(2018, 5, 15)
    got = rasad.arabic.analyse(text, published)
    saved = A._lay_out
    A._lay_out = A._lay_out_py
    try:
        ref = rasad.arabic.analyse(text, published)
    finally:
        A._lay_out = saved
    assert got == ref
    assert _records([got.tokens]) == _records([ref.tokens])


@needs_c
@settings(max_examples=200, deadline=None)
@given(ARTICLE)
def test_c_loops_equal_python_loops(text: str) -> None:
    pieces = text.split(" ")
    exact = "ة" in text
    cache = TK._pieces_exact if exact else TK._pieces_loose
    maker = C.Maker(Token, TK._FIELDS)
    py = TK._build_tokens_py(pieces, cache, TK._piece_tokens, exact)
    c = C.build_tokens(pieces, cache, TK._piece_tokens, exact, maker)
    assert py == c and _records([py]) == _records([c])
    assert TK.tokenize(text) == py
    # analyse's lay-out, on the same pieces and readings
    recs = [A._record(p) for p in pieces]
    for items in (recs, [*recs, None], [None, *recs], [[], (), 0, "", *recs, None, 0, None], []):
        for start in (-1, 0, 1, 3, len(items), len(items) + 2):
            assert N._none_at_py(items, start) == C.none_at(items, start)
        assert N._none_at_py(items) == C.none_at(items)
    # the shared offsets, sliced untracked by the cycle collector
    for n in (0, 1, len(text) + 1, len(N._INTS), len(N._INTS) + 5):
        assert C.int_slice(N._INTS, n) == N._int_slice_py(N._INTS, n)
        assert not gc.is_tracked(C.int_slice(N._INTS, n))
    if None not in recs:
        ints = A._ints(len(text) + 1)
        fresh = [list(r) for r in recs]
        assert A._lay_out_py(pieces, recs, TK._piece_rows, exact, None, ints) == \
            C.lay_out(pieces, fresh, TK._piece_rows, exact, maker, ints)
        assert fresh == recs  # the token rows each read and kept alike
        # offsets beyond a shared tuple of ints, or given as a range (a long text), made afresh
        # (the offset map, the last item, is then cut short or taken from the range)
        ref = A._lay_out_py(pieces, recs, TK._piece_rows, exact, None, ints)
        for other in (ints[:len(ints) // 2], range(len(ints))):
            assert C.lay_out(pieces, [list(r) for r in recs], TK._piece_rows, exact, maker, other)[:-1] == ref[:-1]
    # sentences
    ref = S._sentences_py(text)
    assert ref == C.split(text, S._BOUNDARY, S._dot_ends, S._STRIP, C.Maker(Sentence, S._FIELDS))
    assert ref == S.sentences(text)  # the Splitter, its dot test in C, boundaries read in C
    assert ref == C.Splitter(S._BOUNDARY, S._MARKS + S._BREAKS, S._MARKS, S._STRIP, S._RUN_BACK, S._is_abbreviation,
                             S._ABBR_CACHE, S._closes, C.Maker(Sentence, S._FIELDS)).split(text)  # ... by the regex
    # time phrases from the anchors
    published = date(2018, 5, 15)
    n = rasad.arabic.normalize(text)
    spots = []
    pos = 0
    for piece in n.text.split(" "):
        if TM._piece_anchors(piece):
            spots.append((pos, TM._piece_anchors(piece)))
        pos += len(piece) + 1
    assert TM._times_at_py(text, published, n, spots) == TM._times_at(text, published, n, spots) == \
        rasad.arabic.times(text, published)
    # the word starts before every position
    t = rasad.arabic.normalize(text).text
    inner = TM._inner_words()
    for k in range(len(t)):
        for floor in (0, k // 2):
            ref = TM._word_starts(t, k, TM._MAX_WORDS_BEFORE, floor)
            assert ref == C.word_starts(t, k, TM._MAX_WORDS_BEFORE, floor, TM._is_inner, inner, TM._WORD_BACK)
            assert ref == C.word_starts(t, k, TM._MAX_WORDS_BEFORE, floor, None, inner, TM._WORD_BACK)


@needs_c
def test_c_records_are_the_models_records() -> None:
    import dataclasses
    import gc

    for cls, values in ((Token, (3, 7, "قوات", "قوات", "قوات", "", "", "word")), (Sentence, (0, 4, "قتل."))):
        r = C.Maker(cls, cls.__slots__)(*values)
        plain = cls(*values)
        assert type(r) is cls and r == plain and hash(r) == hash(plain) and repr(r) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(r, "start", 1)
        assert not gc.is_tracked(r)  # strings and ints only: no cycle passes through it
    with pytest.raises(TypeError):
        C.Maker(Token, ("start",))(1, 2)


@needs_c
def test_c_made_time_expressions_and_quantities_are_the_python_ones() -> None:
    """times and quantities make their records with the C Maker when built:
    the same records as their Python builders (the reference) make."""
    import dataclasses

    Q = sys.modules["rasad.arabic.quantities"]
    cases = (
        (TM._time_expression, TM._time_expression_py, TimeExpression,
         (3, 9, date(2018, 5, 1), None, "day", "date", "الثلاثاء")),
        (Q._quantity, Q._quantity_py, Quantity, (0, 2, 40, "at_least", "count", 3, 9, None, "40")),
    )
    for fast, ref, cls, values in cases:
        assert isinstance(fast, C.Maker)
        a, b = fast(*values), ref(*values)
        assert type(a) is type(b) is cls and a == b == cls(*values) and hash(a) == hash(b) and repr(a) == repr(b)
        assert [getattr(a, f) for f in cls.__slots__] == list(values)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, "start", 1)


def test_the_loops_in_use_are_reported() -> None:
    """The layer says which loops it runs (the benchmark prints it)."""
    assert rasad.arabic.SPEEDUPS is (importlib.util.find_spec("rasad.arabic._speedups") is not None)


_NUMBERISH = ["20", "2018", "5", "12/5/2018", "3-4", "2.5", "1,500", "و", "ل", "لل", "ب", "ف", " ", "يوما", "ساعة", "أيار",
              "الشهر", "شهر", "من", "رمضان", "-", "و15", "الى", "حتى", "ايام", "\n", "الف", "قتيلا", "عام"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_NUMBERISH), min_size=1, max_size=8).map("".join))
@example("200 و300 مقاتل")
@example("لل24 ساعة")
@example("5 من شهر رمضان")
def test_digit_led_test_never_hides_a_reading(text: str) -> None:
    """Where `times._digit_led_ok` spares the grammar, the grammar finds nothing."""
    g = TM._grammar()
    t = rasad.arabic.normalize(text).text
    for q in range(len(t)):
        if (q == 0 or not t[q - 1].isalnum()) and t[q].isalnum():
            for end in {len(t), t.find(" ", q + 1) % (len(t) + 1)}:
                if not TM._digit_led_ok(g, t, q, end):
                    assert g.master.match(t, q, end) is None, t[q:]
