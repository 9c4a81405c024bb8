"""Dates for documents published without one, from the dated documents they echo.

Evidence, strongest first: the same campaign counted in days ("لليوم العشرين" in
a dated report puts "اليوم الثالث والعشرين" three days later); the same
distinctive count (>= `dates.min_count`)
of the same kind and side at the same place in a dated document (a toll is reported, and
repeated, around the day it is current); the same event type at the same
place in a dated document (weaker). The inferred date is the dated
document's date with the most votes (ties: the earliest); confidence grows
with the number of agreeing pieces of evidence. A given publication date is
never overwritten: inferred dates live in their own table.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from .params import Params


@dataclass(frozen=True, slots=True)
class InferredDate:
    doc_id: str
    date: date
    confidence: float
    evidence: tuple[dict, ...]


def infer_dates(undated_claims: dict[str, list[tuple[str, str, int]]],
                dated_claims: dict[tuple[str, str, int], list[tuple[str, date]]],
                undated_events: dict[str, list[tuple[str, str]]],
                dated_events: dict[tuple[str, str], list[tuple[str, date]]],
                p: Params,
                undated_days: dict[str, list[tuple[int, str]]] | None = None,
                dated_days: dict[str, list[tuple[str, date, int]]] | None = None) -> list[InferredDate]:
    """undated_claims: doc -> [key]; dated_claims: key -> [(doc, date)], a key being (kind, side, count, …)
    whose third item is the count; undated_events: doc -> [(type, place_id)]; dated_events: the same keyed.
    undated_days: doc -> [(N, campaign place id)] ("لليوم العشرين"); dated_days: place id -> [(doc, date,
    M)]: a report on day M published on D puts day N on D + (N - M) — as strong as a shared count."""
    undated_days = undated_days or {}
    dated_days = dated_days or {}
    out: list[InferredDate] = []
    for doc in sorted(set(undated_claims) | set(undated_events) | set(undated_days)):
        votes: Counter = Counter()
        weight: dict[date, float] = defaultdict(float)
        evidence: list[dict] = []
        for n, pid in undated_days.get(doc, ()):
            for other, d, m in dated_days.get(pid, ()):
                if other == doc:
                    continue
                when = d + timedelta(days=n - m)
                votes[when] += 1
                weight[when] += p.date_per_match
                evidence.append({"by": "campaign_day", "day": n, "other_day": m, "place_id": pid, "doc": other,
                                 "date": when.isoformat()})
        for key in undated_claims.get(doc, ()):
            kind, side, count = key[:3]
            if count < p.date_min_count:
                continue
            for other, d in dated_claims.get(tuple(key), ()):
                if other == doc:
                    continue
                votes[d] += 1
                weight[d] += p.date_per_match
                evidence.append({"by": "claim", "kind": kind, "side": side, "count": count, "doc": other,
                                 "date": d.isoformat()})
        for typ, pid in undated_events.get(doc, ()):
            for other, d in dated_events.get((typ, pid), ()):
                if other == doc:
                    continue
                votes[d] += 1
                weight[d] += p.date_per_match / 2
                evidence.append({"by": "event", "type": typ, "place_id": pid, "doc": other, "date": d.isoformat()})
        if not votes:
            continue
        best = sorted(votes, key=lambda d: (-weight[d], d))[0]
        claim_based = any(e["by"] in ("claim", "campaign_day") and e["date"] == best.isoformat() for e in evidence)
        base = p.date_base_confidence if claim_based else p.date_event_confidence
        conf = min(p.date_max_confidence, base + weight[best] - (p.date_per_match if claim_based else 0))
        share = votes[best] / sum(votes.values())
        conf = round(conf * share, 3)
        ev = tuple(e for e in evidence if e["date"] == best.isoformat())[:20]
        out.append(InferredDate(doc, best, conf, ev))
    return out
