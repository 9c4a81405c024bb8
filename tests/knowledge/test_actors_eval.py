"""Measured accuracy of actor lookup on held-out news surface forms (actor_lookup_eval.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.knowledge.actors import _clean, load_actors
from rasad.knowledge.base import DATA_DIR

ROWS = yaml.safe_load((Path(__file__).parent / "actor_lookup_eval.yaml").read_text(encoding="utf-8"))
THRESHOLD = 0.9


@pytest.fixture(scope="module")
def actors():
    return load_actors([DATA_DIR])


def _right(actors, row) -> bool:
    cands = actors.lookup(row["text"])
    if not cands:
        return False
    got = cands[0].entry
    if got.side != row["side"]:
        return False
    want = row.get("id")
    return not want or got.id == want or want in actors.refers_to(got.id)


def test_eval_table_is_large_and_held_out(actors):
    assert len(ROWS) >= 60
    curated = {_clean(x) for a in actors for x in (a.name, *a.aliases)}
    verbatim = [r["text"] for r in ROWS if _clean(r["text"]) in curated]
    assert not verbatim, f"eval rows that are aliases verbatim: {verbatim}"


def test_side_accuracy_at_least_90_percent(actors):
    wrong = [r["text"] for r in ROWS if not _right(actors, r)]
    accuracy = 1 - len(wrong) / len(ROWS)
    print(f"actor lookup side accuracy: {accuracy:.3f} ({len(ROWS) - len(wrong)}/{len(ROWS)}); wrong: {wrong}")
    assert accuracy >= THRESHOLD, wrong
