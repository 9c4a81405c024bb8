"""`claims._restated` and `claims._parallel_windows` (which index the claims instead of comparing every pair)
give what the plain pairwise loops below, their earlier form, give."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.extract import claims
from rasad.model import Attribution, Claim


def _restated_ref(cs: list[Claim]) -> list[Claim]:
    out = list(cs)
    drop: set[int] = set()
    for i, c in enumerate(out):
        if c.source.name:
            continue
        for j, d in enumerate(out):
            if j == i or j in drop or not d.source.name or d.kind != c.kind or d.count != c.count:
                continue
            if c.side != d.side and "unknown" not in (c.side, d.side):
                continue
            if c.place and d.place and c.place != d.place:
                continue
            if d.side == "unknown" and c.side != "unknown":
                out[j] = replace(d, side=c.side, actor=d.actor or c.actor)
            drop.add(i)
            break
    return [c for i, c in enumerate(out) if i not in drop]


def _parallel_ref(cs: list[Claim], own_time: set[int]) -> list[Claim]:
    out = list(cs)
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        by_sentence.setdefault(c.evidence_start, []).append(i)
    for idxs in by_sentence.values():
        totals = [out[i] for i in idxs if out[i].cumulative]
        for i in idxs:
            c = out[i]
            if c.cumulative or c.date_start is not None or c.start in own_time:
                continue
            twin = next((t for t in totals if t.kind == c.kind), None)
            if twin is not None:
                out[i] = replace(c, cumulative=True, date_start=twin.date_start, date_end=twin.date_end)
    return out


_claim = st.builds(
    lambda kind, side, count, name, place, actor, sent, start, cum, dated: Claim(
        kind=kind, side=side, count=count, qualifier="exact", status="asserted", source=Attribution(name=name),
        date_start=date(2017, 1, 1) if dated else None, date_end=date(2017, 2, 1) if dated else None,
        place=place, place_id=None, lat=None, lon=None, start=start, end=start + 2, evidence_start=sent,
        evidence_end=sent + 50, cumulative=cum, actor=actor),
    st.sampled_from(["killed", "wounded", "displaced"]), st.sampled_from(["unknown", "civilians", "isis"]),
    st.integers(1, 4), st.sampled_from([None, "", "مصدر", "المرصد"]), st.sampled_from([None, "حلب", "إدلب"]),
    st.sampled_from([None, "a1", "a2"]), st.sampled_from([0, 100, 200]), st.integers(0, 300), st.booleans(),
    st.booleans())


@settings(max_examples=400, deadline=None)
@given(st.lists(_claim, max_size=10))
def test_restated(cs):
    assert claims._restated(cs) == _restated_ref(cs)


@settings(max_examples=400, deadline=None)
@given(st.lists(_claim, max_size=10), st.sets(st.integers(0, 300), max_size=4))
def test_parallel_windows(cs, own_time):
    assert claims._parallel_windows(cs, own_time) == _parallel_ref(cs, own_time)
