"""`reconcile(store, settings, doc_ids)`: recompute groups, merged events, grades,
estimates, contradictions and inferred dates, and store them.

With `doc_ids` None everything is recomputed. With a set of document ids only
what those documents touch is: their claims and mentions, those never
reconciled, the groups/events marked dirty by a re-extraction, and the
stored groups/events of the same partition whose dates overlap theirs. The
components are recomputed from those members (a component is closed under
compatibility, so loading every member of every group a new item could join
is enough), ids are kept stable (`ids.assign`) and every new/merge/split/drop
is logged in `reconcile_log`.
"""
from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import bindparam, delete, insert, or_, select, update

from .. import knowledge
from ..model import LEVELS, PlaceRef
from ..settings import Settings
from ..store.db import Store
from ..store.schema import (campaign_days, claim_groups, claims, contradictions, documents, event_mentions,
                            extractions, inferred_dates, merged_events, reconcile_dirty, reconcile_log)
from . import ids as idmod
from .cluster import sweep
from .dates import infer_dates
from .items import ClaimItem, MentionItem
from .params import Params, load_params
from .scope import Scope, Scoper, match
from .sources import SourceResolver, independent_keys
from .weigh import estimate, weigh

CHUNK = 500


@dataclass
class ReconcileReport:
    incremental: bool = False
    claims: int = 0  # claims recomputed
    groups: int = 0  # groups written
    mentions: int = 0
    events: int = 0
    contradictions: int = 0
    inferred_dates: int = 0
    changes: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"incremental": self.incremental, "claims": self.claims, "groups": self.groups,
                "mentions": self.mentions, "events": self.events, "contradictions": self.contradictions,
                "inferred_dates": self.inferred_dates, "changes": dict(self.changes),
                "seconds": round(self.seconds, 3)}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _chunks(xs: list, n: int = CHUNK):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


class _Docs:
    """Per-document facts: outlet, dates (given or inferred), original, main area."""

    def __init__(self, conn, store_scoper: Scoper):
        self.outlet: dict[str, str | None] = {}
        self.published: dict[str, date | None] = {}
        self.dup: dict[str, str | None] = {}
        for d, o, pub, dup in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.published,
                                                  documents.c.duplicate_of)):
            self.outlet[d], self.published[d], self.dup[d] = o, pub, dup
        self.inferred: dict[str, date] = dict(
            conn.execute(select(inferred_dates.c.doc_id, inferred_dates.c.date)).all())
        self.scoper = store_scoper
        self._areas: dict[str, Scope | None] = {}
        self._roots: dict[str, str] = {}

    def root(self, d: str) -> str:
        if d in self._roots:
            return self._roots[d]
        seen, cur = {d}, d
        while self.dup.get(cur) and self.dup[cur] not in seen:
            cur = self.dup[cur]
            seen.add(cur)
        self._roots[d] = cur
        return cur

    def date(self, d: str) -> date | None:
        return self.published.get(d) or self.inferred.get(d)

    def load_areas(self, conn, doc_ids: Iterable[str]) -> None:
        need = [d for d in set(doc_ids) if d not in self._areas]
        for chunk in _chunks(need):
            for d, data in conn.execute(select(extractions.c.doc_id, extractions.c.data)
                                        .where(extractions.c.doc_id.in_(chunk))):
                places = [PlaceRef(p["name"], p.get("place_id"), p.get("lat"), p.get("lon"), p.get("level"),
                                   tuple(tuple(s) for s in p.get("spans", ()))) for p in data.get("places", ())]
                self._areas[d] = self.scoper.main_area(places)
        for d in need:
            self._areas.setdefault(d, None)

    def area(self, d: str) -> Scope | None:
        return self._areas.get(d)


def _span(ds: date | None, de: date | None, fallback: date | None) -> tuple[int, int] | None:
    if ds or de:
        a, b = (ds or de).toordinal(), (de or ds).toordinal()
        return (a, b) if a <= b else (b, a)
    if fallback:
        return fallback.toordinal(), fallback.toordinal()
    return None


# --------------------------------------------------------------------------- entry point


def reconcile(store: Store, settings: Settings, doc_ids: set[str] | None = None) -> ReconcileReport:
    """Reconcile everything (doc_ids None) or only what the given documents touch."""
    t0 = time.perf_counter()
    kb = knowledge.load(settings)
    p = load_params(settings)
    report = ReconcileReport(incremental=doc_ids is not None)
    resolver = SourceResolver(kb, p)
    scoper = Scoper(kb.gazetteer)
    with store.engine.connect() as conn:
        docs = _Docs(conn, scoper)
    ids = None if doc_ids is None else sorted(set(doc_ids))
    report.inferred_dates = _dates(store, docs, p, ids)
    _claims(store, docs, p, resolver, ids, report)
    _events(store, docs, p, resolver, ids, report)
    report.seconds = time.perf_counter() - t0
    return report


# --------------------------------------------------------------------------- dates


def _dates(store: Store, docs: _Docs, p: Params, ids: list[str] | None) -> int:
    """Infer dates of undated documents (all of them, or those sharing keys with `ids`).

    Keys: (kind, side, count, place id) of claims with distinctive counts, and
    (event type, place id) of event mentions.
    """
    undated_docs = sorted(d for d, pub in docs.published.items() if pub is None)
    if not undated_docs:
        return 0
    c_cols = [claims.c.doc_id, claims.c.kind, claims.c.side, claims.c.count, claims.c.place_id]
    und_c: dict[str, list] = defaultdict(list)
    und_e: dict[str, list] = defaultdict(list)
    with store.engine.connect() as conn:
        for chunk in _chunks(undated_docs):
            for d, k, s, c, pid in conn.execute(select(*c_cols).where(
                    claims.c.doc_id.in_(chunk), claims.c.count >= p.date_min_count, claims.c.status != "denied")):
                und_c[d].append((k, s, c, pid))
            for d, t, pid in conn.execute(select(event_mentions.c.doc_id, event_mentions.c.type,
                                                 event_mentions.c.place_id)
                                          .where(event_mentions.c.doc_id.in_(chunk),
                                                 event_mentions.c.place_id.is_not(None))):
                und_e[d].append((t, pid))
        if ids is None:
            targets = set(undated_docs)
        else:
            new_c: set[tuple] = set()
            new_e: set[tuple] = set()
            for chunk in _chunks(ids):
                new_c.update(conn.execute(select(claims.c.kind, claims.c.side, claims.c.count, claims.c.place_id)
                                          .where(claims.c.doc_id.in_(chunk))).all())
                new_e.update(conn.execute(select(event_mentions.c.type, event_mentions.c.place_id)
                                          .where(event_mentions.c.doc_id.in_(chunk))).all())
            targets = set(ids) & set(undated_docs)
            new_days: set[str] = set()
            for chunk in _chunks(ids):
                new_days.update(conn.execute(select(campaign_days.c.place_id)
                                             .where(campaign_days.c.doc_id.in_(chunk))).scalars())
            undated_set = set(undated_docs)
            for chunk in _chunks(sorted(p_ for p_ in new_days if p_)):
                targets |= {d for d in conn.execute(select(campaign_days.c.doc_id)
                                                    .where(campaign_days.c.place_id.in_(chunk))).scalars()
                            if d in undated_set}
            targets |= {d for d, ks in und_c.items() if any(tuple(k) in new_c for k in ks)}
            targets |= {d for d, ks in und_e.items() if any(tuple(k) in new_e for k in ks)}
        if not targets:
            return 0
        keys = {k for d in targets for k in und_c.get(d, ())}
        ev_keys = {k for d in targets for k in und_e.get(d, ())}
        dat_c: dict[tuple, list] = defaultdict(list)
        dat_e: dict[tuple, list] = defaultdict(list)
        pids = sorted({k[3] for k in keys if k[3]})
        counts = sorted({k[2] for k in keys})
        for chunk in _chunks(counts):
            q = select(*c_cols).where(claims.c.count.in_(chunk), claims.c.status != "denied")
            if pids and not any(k[3] is None for k in keys):
                q = q.where(claims.c.place_id.in_(pids))
            for d, k, s, c, pid in conn.execute(q):
                if docs.published.get(d) and (k, s, c, pid) in keys:
                    dat_c[(k, s, c, pid)].append((d, docs.published[d]))
        for chunk in _chunks(sorted({pid for _, pid in ev_keys})):
            for d, t, pid in conn.execute(select(event_mentions.c.doc_id, event_mentions.c.type,
                                                 event_mentions.c.place_id)
                                          .where(event_mentions.c.place_id.in_(chunk))):
                if docs.published.get(d) and (t, pid) in ev_keys:
                    dat_e[(t, pid)].append((d, docs.published[d]))
        und_days, dat_days = _campaign_days(conn, docs, sorted(targets))
    found = infer_dates({d: und_c[d] for d in targets if d in und_c}, dat_c,
                        {d: und_e[d] for d in targets if d in und_e}, dat_e, p, und_days, dat_days)
    with store.transaction() as conn:
        for chunk in _chunks(sorted(targets)):
            conn.execute(delete(inferred_dates).where(inferred_dates.c.doc_id.in_(chunk)))
        if found:
            conn.execute(insert(inferred_dates), [{"doc_id": f.doc_id, "date": f.date, "confidence": f.confidence,
                                                   "evidence": list(f.evidence)} for f in found])
    for d in targets:
        docs.inferred.pop(d, None)
    docs.inferred.update({f.doc_id: f.date for f in found})
    return len(found)


def _campaign_days(conn, docs, targets: list[str]) -> tuple[dict, dict]:
    """Campaign days of the undated target documents, and those of dated documents at the same places."""
    und: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for chunk in _chunks(targets):
        for d, n, pid in conn.execute(select(campaign_days.c.doc_id, campaign_days.c.ordinal, campaign_days.c.place_id)
                                      .where(campaign_days.c.doc_id.in_(chunk), campaign_days.c.place_id.is_not(None))):
            und[d].append((n, pid))
    dat: dict[str, list[tuple[str, date, int]]] = defaultdict(list)
    pids = sorted({pid for days in und.values() for _, pid in days})
    for chunk in _chunks(pids):
        for d, n, pid in conn.execute(select(campaign_days.c.doc_id, campaign_days.c.ordinal, campaign_days.c.place_id)
                                      .where(campaign_days.c.place_id.in_(chunk))):
            if docs.published.get(d):
                dat[pid].append((d, docs.published[d], n))
    return und, dat


# --------------------------------------------------------------------------- claims

_CLAIM_COLS = [claims.c.id, claims.c.doc_id, claims.c.idx, claims.c.kind, claims.c.side, claims.c.total,
               claims.c.count, claims.c.upper, claims.c.qualifier, claims.c.status, claims.c.date_start,
               claims.c.date_end, claims.c.place, claims.c.place_id, claims.c.lat, claims.c.lon,
               claims.c.source_name, claims.c.source_affiliation, claims.c.source_type, claims.c.source_via,
               claims.c.group_id]


def _claim_rows(conn, where) -> list:
    return conn.execute(select(*_CLAIM_COLS).where(where)).mappings().all()


def _to_claim(r, docs: _Docs, resolver: SourceResolver) -> ClaimItem:
    d = r["doc_id"]
    root = docs.root(d)
    reported = docs.date(d)
    scope = docs.scoper.of_place(r["place_id"], r["lat"], r["lon"], r["place"])
    if scope is None:
        scope = docs.area(d)
    src = resolver.resolve(r["source_name"], r["source_affiliation"], r["source_type"], r["source_via"],
                           docs.outlet.get(root))
    return ClaimItem(
        id=r["id"], doc_id=d, idx=r["idx"], kind=r["kind"], side=r["side"], total=bool(r["total"]),
        count=r["count"], upper=r["upper"], qualifier=r["qualifier"], status=r["status"],
        span=_span(r["date_start"], r["date_end"], reported), reported=reported.toordinal() if reported else None,
        scope=scope, root=root, skey=src.key, sname=src.name, affiliation=src.affiliation, stype=src.type,
        role=resolver.role(src.affiliation, r["side"]), via_keys=src.via_keys, old=r["group_id"])


@dataclass(frozen=True, slots=True)
class _Probe:
    """A new item, as far as finding the stored groups it could join needs."""

    part: tuple
    span: tuple[int, int] | None
    scope: Scope | None
    gap: int
    km: float


def _merge_intervals(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(a, b) for a, b in out]


def _candidates(conn, table, part_cols: list, probes: list[_Probe], scoper: Scoper) -> set[str]:
    """Stored groups/events a new item could join: same partition, overlapping dates, and
    a member place that encloses, is enclosed by or lies near the item's place."""
    by_part: dict[tuple, list[_Probe]] = defaultdict(list)
    for pr in probes:
        by_part[pr.part].append(pr)
    found: set[str] = set()
    cols = [table.c.id, table.c.date_start, table.c.date_end, table.c.place_ids, table.c.south, table.c.west,
            table.c.north, table.c.east]
    for part, prs in by_part.items():
        same = [c == v for c, v in zip(part_cols, part)]
        intervals = _merge_intervals([(p.span[0] - p.gap, p.span[1] + p.gap) for p in prs if p.span])
        conds = [(table.c.date_start <= date.fromordinal(hi)) & (table.c.date_end >= date.fromordinal(lo))
                 for lo, hi in intervals]
        if any(p.span is None for p in prs):
            conds.append(table.c.date_start.is_(None))
        for i in range(0, len(conds), 40):
            for r in conn.execute(select(*cols).where(*same, or_(*conds[i:i + 40]))).mappings():
                if r["id"] not in found and any(_could_join(p, r, scoper) for p in prs):
                    found.add(r["id"])
    return found


def _could_join(p: _Probe, g, scoper: Scoper) -> bool:
    if p.span is None or g["date_start"] is None:
        if (p.span is None) != (g["date_start"] is None):
            return False
    elif p.span[0] - p.gap > g["date_end"].toordinal() or p.span[1] + p.gap < g["date_start"].toordinal():
        return False
    s = p.scope
    if s is None:
        return True
    ids = set(g["place_ids"] or ())
    if s.id and (s.id in ids or s.ancestors & ids):
        return True
    if s.id and any(s.id in (scoper.of_place(i).ancestors if scoper.of_place(i) else ()) for i in ids):
        return True
    if s.lat is not None and g["south"] is not None:
        dlat = p.km / 111.0
        dlon = p.km / (111.0 * max(0.2, math.cos(math.radians(s.lat))))
        return (g["south"] - dlat <= s.lat <= g["north"] + dlat) and (g["west"] - dlon <= s.lon <= g["east"] + dlon)
    return False


def _dirty(conn, entity: str) -> set[str]:
    return set(conn.execute(select(reconcile_dirty.c.entity_id).where(reconcile_dirty.c.entity == entity)).scalars())


def _load(conn, table, group_col, cols, ids: list[str] | None, probe_fn, docs: _Docs) -> tuple[list, set[str]]:
    """Rows to recompute and the old ids they may replace."""
    owner = claim_groups if table is claims else merged_events
    if ids is None:
        rows = conn.execute(select(*cols)).mappings().all()
        old = set(conn.execute(select(owner.c.id)).scalars())
        docs.load_areas(conn, {r["doc_id"] for r in rows if not r["place_id"] and r["lat"] is None})
        return rows, old
    found: dict[int, object] = {}
    for chunk in _chunks(ids):
        found.update((r["id"], r) for r in conn.execute(select(*cols).where(table.c.doc_id.in_(chunk))).mappings())
    found.update((r["id"], r) for r in conn.execute(select(*cols).where(group_col.is_(None))).mappings())
    docs.load_areas(conn, {r["doc_id"] for r in found.values() if not r["place_id"] and r["lat"] is None})
    part_cols = [claims.c.kind, claims.c.side, claims.c.total] if table is claims else [merged_events.c.family]
    owner_cols = [owner.c[c.name] for c in part_cols]
    old = _candidates(conn, owner, owner_cols, [probe_fn(r) for r in found.values()], docs.scoper)
    old |= _dirty(conn, "group" if table is claims else "event")
    for chunk in _chunks(sorted(old)):
        found.update((r["id"], r) for r in conn.execute(select(*cols).where(group_col.in_(chunk))).mappings())
    rows = list(found.values())
    docs.load_areas(conn, {r["doc_id"] for r in rows if not r["place_id"] and r["lat"] is None})
    return rows, old


def _scope_of(r, docs: _Docs) -> Scope | None:
    return docs.scoper.of_place(r["place_id"], r["lat"], r["lon"], r["place"]) or docs.area(r["doc_id"])


def _claims(store: Store, docs: _Docs, p: Params, resolver: SourceResolver, ids: list[str] | None,
            report: ReconcileReport) -> None:
    with store.engine.connect() as conn:
        def probe(r) -> _Probe:
            total = bool(r["total"])
            span = _span(r["date_start"], r["date_end"], docs.date(r["doc_id"]))
            return _Probe((r["kind"], r["side"], r["total"]), span,
                          _scope_of(r, docs), p.total_gap_days if total else p.incident_days,
                          p.total_km if total else p.incident_km)

        rows, old_ids = _load(conn, claims, claims.c.group_id, _CLAIM_COLS, ids, probe, docs)
        taken = set(conn.execute(select(claim_groups.c.id)).scalars()) - old_ids
    items = [_to_claim(r, docs, resolver) for r in rows]

    def compatible(a: ClaimItem, b: ClaimItem) -> bool:
        if a.total:
            return match(a.scope, b.scope, p.total_km, p.total_container_rank)
        return match(a.scope, b.scope, p.incident_km, p.incident_container_rank)

    comps = sweep(items, part=lambda c: (c.kind, c.side, c.total), span=lambda c: c.span,
                  gap=lambda c: p.total_gap_days if c.total else p.incident_days,
                  compatible=compatible, undated_bucket=lambda c: 0)
    groups = [[items[i] for i in comp] for comp in comps]
    new_ids, changes, _gone = idmod.assign(groups, "G", taken)
    now = _now()
    g_rows, x_rows, c_updates = [], [], []
    for gid, members in zip(new_ids, groups):
        res = weigh(members, p)
        g_rows.append(_group_row(gid, members, res, now))
        for reason, a, b, gap in res.contradictions:
            x_rows.append({"entity": "group", "entity_id": gid, "reason": reason, "a": _side(a), "b": _side(b),
                           "gap": gap})
        for c in members:
            c_updates.append({"_id": c.id, "group_id": gid, "grade": c.grade, "source_key": c.ikey,
                              "source_role": c.role, "copy": int(c.copy)})
    changes += _drops(old_ids, new_ids, changes)
    _write(store, claim_groups, "group", old_ids | set(new_ids), g_rows, x_rows, claims, c_updates,
           ("group_id", "grade", "source_key", "source_role", "copy"), changes, now)
    report.claims = len(items)
    report.groups = len(g_rows)
    report.contradictions += len(x_rows)
    report.changes.update(f"group_{c.action}" for c in changes)


def _drops(old_ids: set[str], new_ids: list[str], changes: list) -> list:
    mentioned = {c.entity_id for c in changes} | {o for c in changes for o in c.others}
    return [idmod.Change("drop", o) for o in sorted(old_ids - set(new_ids) - mentioned)]


def _side(c: ClaimItem) -> dict:
    return {"claim_id": c.id, "doc_id": c.doc_id, "count": c.count, "qualifier": c.qualifier, "upper": c.upper,
            "status": c.status, "source": c.sname, "source_key": c.ikey, "affiliation": c.affiliation,
            "source_type": c.stype, "role": c.role,
            "date_start": date.fromordinal(c.span[0]).isoformat() if c.span else None,
            "date_end": date.fromordinal(c.span[1]).isoformat() if c.span else None}


def _where(members) -> tuple[Scope | None, str | None]:
    votes = Counter((m.scope.id, m.scope.rank) for m in members if m.scope is not None and m.scope.id)
    if votes:
        (sid, _), _n = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))[0]
        s = next(m.scope for m in members if m.scope is not None and m.scope.id == sid)
        return s, s.name
    pts = [m.scope for m in members if m.scope is not None and m.scope.lat is not None]
    return (pts[0], pts[0].name) if pts else (None, None)


def _footprint(members) -> dict:
    """Member place ids and the bounding box of member points (what incremental runs search)."""
    ids = sorted({m.scope.id for m in members if m.scope is not None and m.scope.id})
    pts = [(m.scope.lat, m.scope.lon) for m in members if m.scope is not None and m.scope.lat is not None]
    if not pts:
        return {"place_ids": ids, "south": None, "west": None, "north": None, "east": None}
    return {"place_ids": ids, "south": min(a for a, _ in pts), "west": min(b for _, b in pts),
            "north": max(a for a, _ in pts), "east": max(b for _, b in pts)}


def _group_row(gid: str, members: list[ClaimItem], res, now) -> dict:
    first = members[0]
    scope, name = _where(members)
    spans = [m.span for m in members if m.span]
    sources: dict[str, dict] = {}
    for m in members:
        if m.copy:
            continue
        s = sources.setdefault(m.ikey, {"key": m.ikey, "name": m.sname, "affiliation": m.affiliation,
                                        "type": m.stype, "role": m.role, "claims": 0, "counts": []})
        s["claims"] += 1
        s["counts"].append(m.count)
    e = res.estimate
    return {
        "id": gid, "kind": first.kind, "side": first.side, "total": int(first.total), "place": name,
        "place_id": scope.id if scope else None, "lat": scope.lat if scope else None,
        "lon": scope.lon if scope else None,
        "date_start": date.fromordinal(min(s[0] for s in spans)) if spans else None,
        "date_end": date.fromordinal(max(s[1] for s in spans)) if spans else None,
        "n_claims": len(members), "n_sources": res.n_sources, "low": e.low, "best": e.best, "high": e.high,
        "conservative": e.conservative, "best_basis": e.basis, "status": res.status,
        "sources": sorted(sources.values(), key=lambda s: s["key"]),
        "doc_ids": sorted({m.doc_id for m in members}), "updated_at": now, **_footprint(members),
    }


def _write(store: Store, table, entity: str, replace_ids: set[str], rows: list[dict], x_rows: list[dict],
           member_table, updates: list[dict], fields: tuple[str, ...], changes: list, now) -> None:
    with store.transaction() as conn:
        for chunk in _chunks(sorted(replace_ids)):
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
            conn.execute(delete(contradictions).where(contradictions.c.entity == entity,
                                                      contradictions.c.entity_id.in_(chunk)))
        if rows:
            conn.execute(insert(table), rows)
        if x_rows:
            conn.execute(insert(contradictions), x_rows)
        if updates:
            stmt = update(member_table).where(member_table.c.id == bindparam("_id")).values(
                **{f: bindparam(f) for f in fields})
            conn.execute(stmt, updates)
        if changes:
            conn.execute(insert(reconcile_log), [{"at": now, "entity": entity, "action": c.action,
                                                  "entity_id": c.entity_id, "others": c.others} for c in changes])
        conn.execute(delete(reconcile_dirty).where(reconcile_dirty.c.entity == entity))


# --------------------------------------------------------------------------- events

_MENTION_COLS = [event_mentions.c.id, event_mentions.c.doc_id, event_mentions.c.idx, event_mentions.c.type,
                 event_mentions.c.family, event_mentions.c.date_start, event_mentions.c.date_end,
                 event_mentions.c.place, event_mentions.c.place_id, event_mentions.c.lat, event_mentions.c.lon,
                 event_mentions.c.actor1, event_mentions.c.actor1_side, event_mentions.c.actor2,
                 event_mentions.c.actor2_side, event_mentions.c.fatalities, event_mentions.c.status,
                 event_mentions.c.source_name, event_mentions.c.source_affiliation, event_mentions.c.source_type,
                 event_mentions.c.source_via, event_mentions.c.event_id]


_NO_SIDES = {None, "", "unknown"}


def _to_mention(r, docs: _Docs, resolver: SourceResolver) -> MentionItem:
    d = r["doc_id"]
    root = docs.root(d)
    reported = docs.date(d)
    scope = docs.scoper.of_place(r["place_id"], r["lat"], r["lon"], r["place"]) or docs.area(d)
    src = resolver.resolve(r["source_name"], r["source_affiliation"], r["source_type"], r["source_via"],
                           docs.outlet.get(root))
    sides = frozenset(s for s in (r["actor1_side"], r["actor2_side"]) if s not in _NO_SIDES)
    return MentionItem(
        id=r["id"], doc_id=d, idx=r["idx"], type=r["type"], family=r["family"],
        span=_span(r["date_start"], r["date_end"], reported), reported=reported.toordinal() if reported else None,
        scope=scope, place=r["place"], sides=sides, actor1=r["actor1"], actor1_side=r["actor1_side"],
        actor2=r["actor2"], actor2_side=r["actor2_side"], fatalities=r["fatalities"], status=r["status"],
        root=root, skey=src.key, sname=src.name, affiliation=src.affiliation, stype=src.type,
        via_keys=src.via_keys, old=r["event_id"])


def _events(store: Store, docs: _Docs, p: Params, resolver: SourceResolver, ids: list[str] | None,
            report: ReconcileReport) -> None:
    with store.engine.connect() as conn:
        def probe(r) -> _Probe:
            return _Probe((r["family"],), _span(r["date_start"], r["date_end"], docs.date(r["doc_id"])),
                          _scope_of(r, docs), p.event_days, p.event_km)

        rows, old_ids = _load(conn, event_mentions, event_mentions.c.event_id, _MENTION_COLS, ids, probe, docs)
        taken = set(conn.execute(select(merged_events.c.id)).scalars()) - old_ids
    items = [_to_mention(r, docs, resolver) for r in rows]

    def compatible(a: MentionItem, b: MentionItem) -> bool:
        if a.sides and b.sides and not (a.sides <= b.sides or b.sides <= a.sides):
            return False
        return match(a.scope, b.scope, p.event_km, p.event_container_rank)

    comps = sweep(items, part=lambda m: m.family, span=lambda m: m.span, gap=lambda m: p.event_days,
                  compatible=compatible, undated_bucket=lambda m: 0)
    groups = [[items[i] for i in comp] for comp in comps]
    new_ids, changes, _gone = idmod.assign(groups, "E", taken)
    now = _now()
    e_rows, x_rows, updates = [], [], []
    for eid, members in zip(new_ids, groups):
        row, xs = _merged_row(eid, members, resolver, now)
        e_rows.append(row)
        x_rows.extend(xs)
        updates.extend({"_id": m.id, "event_id": eid, "source_key": m.ikey} for m in members)
    changes += _drops(old_ids, new_ids, changes)
    _write(store, merged_events, "event", old_ids | set(new_ids), e_rows, x_rows, event_mentions, updates,
           ("event_id", "source_key"), changes, now)
    report.mentions = len(items)
    report.events = len(e_rows)
    report.contradictions += len(x_rows)
    report.changes.update(f"event_{c.action}" for c in changes)


def _most(values) -> object:
    vals = [v for v in values if v not in (None, "")]
    if not vals:
        return None
    c = Counter(vals)
    return sorted(c, key=lambda v: (-c[v], str(v)))[0]


def _actors(members: list[MentionItem]) -> tuple[tuple | None, tuple | None]:
    """(actor id, side) of each party: mentions may name the parties in either order.

    Side A is the side most often named first; side B the other side most
    often named at all; each side's actor is the id most often given for it.
    """
    firsts = Counter(m.actor1_side for m in members if m.actor1_side not in _NO_SIDES)
    anywhere = Counter(s for m in members for s in (m.actor1_side, m.actor2_side) if s not in _NO_SIDES)
    ids: dict[str, Counter] = defaultdict(Counter)
    for m in members:
        for a, s in ((m.actor1, m.actor1_side), (m.actor2, m.actor2_side)):
            if s not in _NO_SIDES and a:
                ids[s][a] += 1
    if not anywhere:
        a = _most(m.actor1 for m in members)
        return ((a, None) if a else None), None
    side_a = sorted(firsts or anywhere, key=lambda s: (-(firsts or anywhere)[s], s))[0]
    rest = [s for s in anywhere if s != side_a]
    side_b = sorted(rest, key=lambda s: (-anywhere[s], s))[0] if rest else None

    def actor(side):
        c = ids.get(side)
        return sorted(c, key=lambda a: (-c[a], a))[0] if c else None
    return (actor(side_a), side_a), ((actor(side_b), side_b) if side_b else None)


def _mention_side(m: MentionItem) -> dict:
    return {"mention_id": m.id, "doc_id": m.doc_id, "status": m.status, "fatalities": m.fatalities,
            "source": m.sname, "source_key": m.ikey, "affiliation": m.affiliation, "source_type": m.stype}


def _merged_row(eid: str, members: list[MentionItem], resolver: SourceResolver, now) -> tuple[dict, list[dict]]:
    keys = independent_keys(members)
    for i, m in enumerate(members):
        m.ikey = keys[i]
    scope, name = _where(members)
    spans = [m.span for m in members if m.span]
    a1, a2 = _actors(members)
    asserted = [m for m in members if m.status != "denied"]
    denied = [m for m in members if m.status == "denied"]
    per_source: dict[str, int] = {}
    roles: dict[str, str] = {}
    for m in asserted:
        if m.fatalities is not None:
            per_source[m.ikey] = max(per_source.get(m.ikey, 0), m.fatalities)
            roles[m.ikey] = resolver.role(m.affiliation, None)
    est = estimate([(v, v, roles[k]) for k, v in per_source.items()])
    xs, pairs = [], set()
    for d in denied:
        for a in asserted:
            if (a.ikey, d.ikey) in pairs or len(xs) >= 20:
                continue
            pairs.add((a.ikey, d.ikey))
            xs.append({"entity": "event", "entity_id": eid, "reason": "denial", "a": _mention_side(a),
                       "b": _mention_side(d), "gap": 0})
    status = "contested" if asserted and denied else ("denied" if denied else "asserted")
    sources: dict[str, dict] = {}
    for m in members:
        s = sources.setdefault(m.ikey, {"key": m.ikey, "name": m.sname, "affiliation": m.affiliation,
                                        "type": m.stype, "mentions": 0})
        s["mentions"] += 1
    level = LEVELS[scope.rank] if scope is not None and scope.id and scope.rank < len(LEVELS) else None
    row = {
        "id": eid, "type": _most(m.type for m in members), "family": members[0].family,
        "date_start": date.fromordinal(min(s[0] for s in spans)) if spans else None,
        "date_end": date.fromordinal(max(s[1] for s in spans)) if spans else None,
        "place": name or _most(m.place for m in members), "place_id": scope.id if scope else None,
        "lat": scope.lat if scope else None, "lon": scope.lon if scope else None, "level": level,
        "actor1": a1[0] if a1 else None, "actor1_side": a1[1] if a1 else None,
        "actor2": a2[0] if a2 else None, "actor2_side": a2[1] if a2 else None,
        "fatalities_low": est.low, "fatalities_best": est.best, "fatalities_high": est.high,
        "fatalities_conservative": est.conservative, "status": status, "n_mentions": len(members),
        "n_sources": len({(m.ikey) for m in members}), "sources": sorted(sources.values(), key=lambda s: s["key"]),
        "doc_ids": sorted({m.doc_id for m in members}), "updated_at": now, **_footprint(members),
    }
    return row, xs
