"""The evaluation gate: extraction keeps its scores on the project's own annotated set and the seeds.

Floors live in eval_baseline.json beside this file; raise them as extraction
improves, never lower them to make a change pass. The scorer is the shared
one (../shared/eval/score.py); without it these tests skip, saying so.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from rasad import pipeline
from rasad.export import eval_record
from rasad.settings import Settings

FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"{path} is not there: the shared scorer lives beside the repo")
    spec = importlib.util.spec_from_file_location("rasad_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _predict(inputs: list[str]) -> dict:
    out = {}
    for item in pipeline.extract_documents(inputs, Settings()):
        assert not hasattr(item, "reason"), f"could not read {item}"
        doc, ex = item
        out[doc.id] = eval_record(doc, ex)
    return out


@pytest.mark.parametrize("name", ["own", "seeds"])
def test_scores_stay_above_floors(name):
    score = _scorer()
    if name == "own":
        gold = score.load(ROOT / "eval" / "own" / "gold.jsonl")
        pred = _predict([str(ROOT / "eval" / "own" / "articles.jsonl")])
    else:
        gold_path = SHARED / "eval" / "gold" / "seeds.jsonl"
        if not gold_path.is_file():
            pytest.skip(f"{gold_path} is not there")
        gold = score.load(gold_path)
        pred = _predict([str(SHARED / "seeds")])
    result = score.score(gold, pred)
    floors = FLOORS[name]
    got = {k: round(result[k]["f1"], 3) for k in ("claims", "events", "control", "places")}
    low = {k: (got[k], floors[k]) for k in floors if got[k] < floors[k]}
    assert not low, f"{name}: F1 below floor (got, floor): {low}; all: {got}"
    assert not result["documents"]["missing_in_pred"]
