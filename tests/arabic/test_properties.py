"""Properties that hold for any text: offsets stay inside it, in order."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.arabic.normalize import light, norm, normalize
from rasad.arabic.sentences import sentences
from rasad.arabic.tokens import split_clitics, tokenize

# Arbitrary Unicode, plus text biased towards what the layer treats specially:
# Arabic letters and marks, digits of three scripts, separators, quotes,
# invisible marks, presentation forms, line breaks.
_SPECIAL = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءـ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    ".,،؛;؟?!…٫٬%-–—\"'«»“”()"
    " \u00a0\n\r\t\u2028"
    "\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\ufeff\u00ad"
    "\ufefb\ufef7\ufe8d\ufedf\ufdf2\ufdfa\ufe70\ufb50"
    "AZaz"
)
TEXT = st.one_of(st.text(), st.text(alphabet=_SPECIAL), st.text(alphabet=st.sampled_from(_SPECIAL), max_size=300))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalize_index(text: str) -> None:
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert n.index[-1] == len(text)
    assert all(0 <= i <= len(text) for i in n.index)
    assert all(a <= b for a, b in zip(n.index, n.index[1:]))
    for s in range(len(n.text) + 1):
        a, b = n.orig_span(s, min(s + 3, len(n.text)))
        assert 0 <= a <= b <= len(text)
    assert norm(text) == n.text
    assert "  " not in n.text  # runs of spaces collapse, even around dropped marks
    assert len(light(text)) == len(n.text)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalize_idempotent(text: str) -> None:
    once = norm(text)
    assert norm(once) == once


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_tokens_in_text_in_order(text: str) -> None:
    last = 0
    for t in tokenize(text):
        assert 0 <= last <= t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]
        assert t.kind in ("word", "number", "punct", "latin", "other")
        assert t.prefix + t.stem + t.suffix == t.norm or (t.suffix and t.stem[-1] == "ه")
        last = t.end


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_sentences_in_text_in_order(text: str) -> None:
    last = 0
    for s in sentences(text):
        assert 0 <= last <= s.start < s.end <= len(text)
        assert s.text == text[s.start:s.end]
        assert s.text == s.text.strip()
        assert "\n" not in s.text
        last = s.end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابتجدرسعفقكلمنهويةأإآـ\u064e"), min_size=0, max_size=12))
def test_split_clitics_parts(word: str) -> None:
    p, s, x = split_clitics(word)
    w = norm(word)
    assert w.startswith(p) and w.endswith(x)
    assert len(p) + len(x) < len(w) or (p, x) == ("", "")
    assert s  == w[len(p):len(w) - len(x)] or (x and s[-1] == "ه" and w[len(p):len(w) - len(x)][-1] == "ت")


_PLAIN = "".join(c for c in _SPECIAL if not "\ufb50" <= c <= "\ufefc")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PLAIN), max_size=200))
def test_index_points_at_the_source_character(text: str) -> None:
    """Without ligatures every matching-form character is the fold of the one it points at."""
    n = normalize(text)
    for i, ch in enumerate(n.text):
        assert norm(text[n.index[i]]) == ch
