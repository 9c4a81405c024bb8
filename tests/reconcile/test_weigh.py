"""Grades, estimates and contradictions of one group (rasad.reconcile.weigh), from a YAML table."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.reconcile.items import ClaimItem
from rasad.reconcile.params import load_params
from rasad.reconcile.weigh import estimate, lower_median, weigh

CASES = yaml.safe_load((Path(__file__).parent / "weigh_cases.yaml").read_text(encoding="utf-8"))["cases"]


def item(i: int, c: dict) -> ClaimItem:
    span = tuple(c["span"]) if c.get("span") else None
    doc = c.get("doc", f"doc{i}")
    return ClaimItem(id=i, doc_id=doc, idx=i, kind="killed", side="government", total=bool(c.get("total")),
                     count=c["count"], upper=c.get("upper"), qualifier=c.get("qualifier", "exact"),
                     status=c.get("status", "asserted"), span=span, reported=c.get("day"), scope=None,
                     root=c.get("root", doc), skey=f"src:{c['source']}", sname=c["source"], affiliation=None,
                     stype=None, role=c.get("role", "independent"),
                     via_keys=tuple(f"src:{v}" for v in c.get("via", ())))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_weigh(case):
    items = [item(i, c) for i, c in enumerate(case["claims"])]
    res = weigh(items, load_params())
    assert [c.grade for c in items] == case["grades"]
    e = res.estimate
    assert [e.low, e.best, e.high, e.conservative, e.basis] == case["estimate"]
    assert sorted(r for r, *_ in res.contradictions) == sorted(case["reasons"])
    if "copies" in case:
        assert [c.copy for c in items] == case["copies"]


@pytest.mark.parametrize("values,expected", [([5], 5), ([1, 9], 1), ([3, 1, 2], 2), ([4, 1, 3, 2], 2)])
def test_lower_median(values, expected):
    assert lower_median(values) == expected


def test_estimate_empty():
    assert estimate([]).best is None
