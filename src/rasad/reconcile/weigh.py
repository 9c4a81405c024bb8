"""Weighing one group of comparable claims: copies, corrections, contradictions, grades, estimates.

The rules (docs/reconcile.md states them for readers):

Independence. Each claim counts as its source's independent key (sources
that quote each other are one, see `sources.independent_keys`). A claim from
a near-duplicate document that repeats the same source and count as another
document of the same original is a *copy*: it is listed, never counted.

Discounted. A later report (later document date) from the same independent
source that changes the count corrects the earlier one: for incidents any
later different count, for totals a later different count for a window
ending on the same day (a running total that grows over a longer window is
a series, not a correction); a later denial by the same source discounts
its assertion.

Contradictions. Two valid claims (asserted, not copies, not discounted) from
different independent sources whose counts differ beyond the tolerance
(more than `tolerance.relative` of the larger AND more than
`tolerance.absolute` people; qualifiers widen counts into intervals, "more
than 300" is [300, inf)). Totals are compared when their windows end within
the slack or a window is unknown; a longer window holding a shorter one
must not count fewer ("running_total"). A denial contradicts each assertion
of a count it agrees with ("denial").

Grades, first that applies: discounted; confirmed (an admission: the
counted side's own source asserts it, or it agrees with one; or at least
`confirmed_min_sources` independent sources agree on it); contested (in a
contradiction, including a denial against an assertion, and fewer than
`fair_min_sources` sources agree on it); fair (at least `fair_min_sources`
independent sources agree); weak (one source). "Agree" means within the
tolerance, for totals over windows ending within the slack.

Estimates (UCDP low/best/high, ACLED conservative), over one representative
per independent source (its latest valid claim with status asserted:
rumours and denials count no one; for totals only sources
whose latest window ends within the slack of the newest):
- low = the smallest count, high = the largest (range tops included);
- best = the lower median of the independent (non-party) sources; without
  any, the largest admission; without either, the lower median of the
  parties' claims about their enemies. An admission is a floor: best is
  raised to the largest admission (a party does not overstate its own dead);
- conservative (ACLED) = the smallest count among the tier best came from
  (independent and admissions together when either exists).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .items import ClaimItem
from .params import Params
from .sources import independent_keys


@dataclass(slots=True)
class Estimate:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    conservative: int | None = None
    basis: str = "none"


@dataclass(slots=True)
class GroupResult:
    estimate: Estimate
    status: str  # asserted | contested | denied
    contradictions: list[tuple[str, ClaimItem, ClaimItem, int]] = field(default_factory=list)
    n_sources: int = 0


def lower_median(values: list[int]) -> int:
    v = sorted(values)
    return v[(len(v) - 1) // 2]


def estimate(values: list[tuple[int, int, str]]) -> Estimate:
    """values: (count, top, role) per independent source."""
    if not values:
        return Estimate()
    low = min(c for c, _, _ in values)
    high = max(max(c, t) for c, t, _ in values)
    indep = [c for c, _, r in values if r == "independent"]
    own = [c for c, _, r in values if r == "own"]
    other = [c for c, _, r in values if r not in ("independent", "own")]
    if indep:
        best, basis = lower_median(indep), "independent_median"
    elif own:
        best, basis = max(own), "admission"
    else:
        best, basis = lower_median(other), "party_claims"
    if own and max(own) > best:
        best, basis = max(own), basis + "+admission_floor"
    tier = indep + own if (indep or own) else other
    best = min(max(best, low), high)
    return Estimate(low, best, high, min(tier), basis)


def _order(c: ClaimItem) -> int | None:
    return c.reported


def _same_window(a: ClaimItem, b: ClaimItem, slack: int) -> bool:
    if a.span is None or b.span is None:
        return True
    return abs(a.span[1] - b.span[1]) <= slack


def _contains_longer(a: ClaimItem, b: ClaimItem, slack: int) -> bool:
    """a's window holds b's and runs clearly longer."""
    return a.span is not None and b.span is not None and a.span[0] <= b.span[0] and a.span[1] > b.span[1] + slack


def weigh(group: list[ClaimItem], p: Params) -> GroupResult:
    keys = independent_keys(group)
    for i, c in enumerate(group):
        c.ikey = keys[i]
        c.copy = False
        c.grade = "weak"
    # copies: the same source and count repeated by documents of one original
    seen: dict[tuple, ClaimItem] = {}
    for c in sorted(group, key=lambda c: (c.doc_id != c.root, c.doc_id, c.idx)):
        k = (c.root, c.ikey, c.count, c.status)
        if k in seen:
            c.copy = True
        else:
            seen[k] = c
    live = [c for c in group if not c.copy]
    discounted: set[int] = set()
    by_source: dict[str, list[ClaimItem]] = defaultdict(list)
    for c in live:
        by_source[c.ikey].append(c)
    for claims in by_source.values():
        for a in claims:
            for b in claims:
                if a is b or a.reported is None or b.reported is None or b.reported <= a.reported:
                    continue
                if not a.asserted:
                    continue
                if not b.asserted and not p.disagree(*a.interval(), *b.interval()):
                    discounted.add(id(a))  # the same source later denies it
                elif b.asserted and b.count != a.count and (not a.total or _same_window(a, b, 0)):
                    discounted.add(id(a))
    valid = [c for c in live if c.asserted and id(c) not in discounted]
    denials = [c for c in live if not c.asserted and id(c) not in discounted]
    contradictions: list[tuple[str, ClaimItem, ClaimItem, int]] = []
    pool = valid
    if len(pool) > 200:  # very large groups: compare each source's latest claim only
        pool = list(_representatives(valid, p).values())
    for i, a in enumerate(pool):
        for b in pool[i + 1:]:
            if a.ikey == b.ikey:
                continue
            ia, ib = a.interval(), b.interval()
            if not a.total or _same_window(a, b, p.total_end_slack_days):
                if p.disagree(*ia, *ib):
                    contradictions.append(("counts", a, b, _gap(ia, ib)))
            else:
                longer, shorter = (a, b) if _contains_longer(a, b, p.total_end_slack_days) else (b, a)
                if _contains_longer(longer, shorter, p.total_end_slack_days):
                    il, ish = longer.interval(), shorter.interval()
                    if il[1] < ish[0] and p.disagree(*il, *ish):
                        contradictions.append(("running_total", longer, shorter, _gap(il, ish)))
    for d in denials:
        for a in valid:
            if not p.disagree(*a.interval(), *d.interval()):
                contradictions.append(("denial", a, d, 0))
    contradictions.sort(key=lambda t: (-t[3], t[1].key, t[2].key))
    contested = {id(x) for _, a, b, _ in contradictions for x in (a, b)}
    unique, seen_pairs = [], set()
    for t in contradictions:
        k = (t[0], frozenset({(t[1].ikey, t[1].count, t[1].status), (t[2].ikey, t[2].count, t[2].status)}))
        if k not in seen_pairs:
            seen_pairs.add(k)
            unique.append(t)
    contradictions = unique
    del contradictions[p.max_pairs_per_group:]
    # grades
    for c in live:
        if id(c) in discounted:
            c.grade = "discounted"
            continue
        agree = [o for o in valid if (o is c or not p.disagree(*c.interval(), *o.interval()))
                 and (not c.total or _same_window(c, o, p.total_end_slack_days))] if c.asserted else []
        n = len({o.ikey for o in agree} | {c.ikey})
        admitted = c.status == "asserted" and any(o.role == "own" and o.status == "asserted" for o in agree + [c])
        if admitted or n >= p.confirmed_min_sources:
            c.grade = "confirmed"
        elif id(c) in contested and n < p.fair_min_sources:
            c.grade = "contested"
        elif n >= p.fair_min_sources:
            c.grade = "fair"
        else:
            c.grade = "weak"
    originals = {(c.root, c.ikey, c.count, c.status): c.grade for c in live}
    for c in group:
        if c.copy:
            c.grade = originals.get((c.root, c.ikey, c.count, c.status), "weak")
    reps = _representatives([c for c in valid if c.status == "asserted"], p)
    if reps and any(c.total for c in reps.values()):
        ends = [c.span[1] for c in reps.values() if c.span is not None]
        if ends:
            newest = max(ends)
            reps = {k: c for k, c in reps.items()
                    if c.span is None or c.span[1] >= newest - p.total_end_slack_days}
    est = estimate([(c.count, c.upper if c.upper is not None else c.count, c.role) for c in reps.values()])
    status = "contested" if contradictions else ("asserted" if valid else "denied")
    n_sources = len({c.ikey for c in live})
    return GroupResult(est, status, contradictions, n_sources)


def _representatives(valid: list[ClaimItem], p: Params) -> dict[str, ClaimItem]:
    """Each independent source's latest valid claim (latest window, then latest report, then largest)."""
    reps: dict[str, ClaimItem] = {}
    for c in valid:
        k = (c.span[1] if c.span else -1, c.reported or -1, c.count)
        cur = reps.get(c.ikey)
        if cur is None or k > (cur.span[1] if cur.span else -1, cur.reported or -1, cur.count):
            reps[c.ikey] = c
    return reps


def _gap(a: tuple[float, float], b: tuple[float, float]) -> int:
    g = max(b[0] - a[1], a[0] - b[1], 0.0)
    return int(g) if g != float("inf") else 0
