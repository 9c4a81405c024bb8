"""The cleaner over the real seed articles (read at test time, never copied)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasad.ingest import RawInput, to_document
from rasad.ingest.clean import clean

SEEDS = Path("/work/shared/seeds")
FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="/work/shared/seeds is absent")

DEBRIS = ["اترك تعليقاً", "زائر", "Flag Counter", "كود امني", "أخبار متعلقة"]
_SENTENCE_END = re.compile(r"[.،]$")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_seed_cleaned(path):
    raw = path.read_text(encoding="utf-8")
    out = clean(raw)
    for junk in DEBRIS:
        assert junk not in out.text
    kept = set(out.text.split("\n"))
    for line in raw.splitlines():
        line = line.strip()
        if line.endswith(("...", "…")):
            # a truncated teaser repeating the body: dropped, but its text is in the body
            assert out.text.count(line.rstrip(".… ").rsplit(" ", 1)[0]) == 1
            continue
        if _SENTENCE_END.search(line) and len(line.split()) > 12:
            assert line in kept
        if line == "صوت العاصمة – خاص":
            assert line in kept


@pytest.mark.parametrize(
    "stem, outlet",
    [("000", "المدن"), ("001", "صوت العاصمة"), ("002", "صوت العاصمة"), ("004", "القدس العربي")],
)
def test_seed_outlet_from_text(stem, outlet, settings):
    (path,) = [p for p in FILES if p.name.startswith(stem)]
    doc = to_document(RawInput(id=path.stem, source=str(path), data=path.read_bytes(), format="text"), settings)
    assert (doc.outlet, doc.outlet_evidence) == (outlet, "text")
