"""The language layer gives the same results after its speed work (issue 3).

Generates a few hundred short news texts from the templates in
data/layer_templates.yaml (seeded, so the same texts every run), dressed with
diacritics, tatweel, Arabic-Indic and Persian digits, invisible marks,
presentation forms, double spaces and CRLF line breaks, and holds
`normalize`, `tokenize`, `sentences`, `quantities` and `times` on each to a
digest of what the layer returned before it was made faster
(data/layer_digests.json). Also checks that the shortcuts agree with the
plain calls: `analyse` with the five functions, and `quantities` given the
normalisation with `quantities` finding its own windows.

If a deliberate change of results (a data file, a rule) breaks the digests,
check the change with the feature tables first, then rewrite the digests:

    python tests/arabic/test_layer_equivalence.py --write
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from rasad.arabic import analyse, normalize, quantities, sentences, times, tokenize

DATA = Path(__file__).parent / "data"
TEMPLATES = yaml.safe_load((DATA / "layer_templates.yaml").read_text(encoding="utf-8"))
DIGESTS = DATA / "layer_digests.json"
COUNT = 300

_HARAKAT = "\u064e\u064f\u0650\u064b\u064c\u064d\u0651\u0652"
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _sentence(rng: random.Random) -> str:
    slots = TEMPLATES["slots"]
    return rng.choice(TEMPLATES["templates"]).format_map(
        {k: rng.choice(v) for k, v in slots.items()}
    )


def _dress(rng: random.Random, text: str) -> str:
    """Spelling noise the layer must see through, chosen per text."""
    style = rng.randrange(8)
    if style == 1:  # diacritics after some letters
        text = "".join(c + (rng.choice(_HARAKAT) if "\u0621" <= c <= "\u064a" and rng.random() < 0.2 else "")
                       for c in text)
    elif style == 2:  # tatweel inside some words
        text = "".join(c + ("\u0640" if c in "بتثجحخسشصضطظعغفقكلمنهي" and rng.random() < 0.08 else "")
                       for c in text)
    elif style == 3:
        text = text.translate(_INDIC)
    elif style == 4:
        text = text.translate(_PERSIAN).replace("ي", "ی", 2).replace("ك", "ک", 1)
    elif style == 5:  # invisible marks and odd spaces
        text = text.replace(" ", rng.choice(["  ", " \u200f", "\u00a0", " \u200c "]), 3)
    elif style == 6:  # a lam-alef ligature (presentation form)
        text = text.replace("لا", "\ufefb", 2)
    return text


def cases() -> list[tuple[str, date | None]]:
    """(text, published) of every generated case, the same on every run."""
    rng = random.Random(20180420)
    out = []
    for _ in range(COUNT):
        parts = [_dress(rng, _sentence(rng)) for _ in range(rng.randint(1, 4))]
        joins = [rng.choice([" ", " ", "\n", "\r\n", "\n\n"]) for _ in parts[1:]]
        text = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:]))
        published = None if rng.random() < 0.15 else date(2017, 1, 1) + timedelta(days=rng.randrange(800))
        out.append((text, published))
    return out


CASES = cases()


def digest(text: str, published: date | None, fns=None) -> str:
    """A short hash of everything the layer returns for one text."""
    f = fns or {"normalize": normalize, "tokenize": tokenize, "sentences": sentences,
                "quantities": quantities, "times": times}
    out = (f["normalize"](text), f["tokenize"](text), f["sentences"](text), f["quantities"](text),
           f["times"](text, published))
    return hashlib.sha1(repr(out).encode("utf-8")).hexdigest()[:20]


def _recorded() -> list[str]:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))["digests"]


def test_digest_file_matches_generator():
    assert len(_recorded()) == COUNT == len(CASES)


@pytest.mark.parametrize("i", range(COUNT))
def test_same_results_as_before(i):
    text, published = CASES[i]
    assert digest(text, published) == _recorded()[i], text


@pytest.mark.parametrize("i", range(0, COUNT, 3))
def test_analyse_equals_separate_calls(i):
    text, published = CASES[i]
    a = analyse(text, published)
    n = normalize(text)
    assert a.normalized == n
    assert a.tokens == tokenize(text)
    assert a.sentences == sentences(text)
    assert a.quantities == quantities(text) == quantities(text, normalized=n)
    assert a.times == times(text, published) == times(text, published, normalized=n)


def test_analyse_empty_text():
    a = analyse("")
    assert (a.normalized.text, a.tokens, a.sentences, a.quantities, a.times) == ("", [], [], [], [])


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    DIGESTS.write_text(json.dumps({"count": COUNT, "digests": [digest(t, p) for t, p in CASES]}, indent=0) + "\n",
                       encoding="utf-8")
    print(f"wrote {DIGESTS}")
