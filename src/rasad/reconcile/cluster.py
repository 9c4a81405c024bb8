"""Grouping by sort-and-sweep: items of one partition, sorted by start date, are
compared only with those whose window is still open; undated items only with
undated items of the same partition and area bucket. Union-find joins every
compatible pair, so a group is a connected component (chains such as three
running totals of one campaign end up together)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def sweep(items: Sequence, part: Callable[[object], Hashable], span: Callable[[object], tuple[int, int] | None],
          gap: Callable[[object], int], compatible: Callable[[object, object], bool],
          undated_bucket: Callable[[object], Hashable]) -> list[list[int]]:
    """Connected components (lists of positions, each sorted) of the compatibility graph.

    `span(item)` is (first day, last day) as ordinals or None when undated;
    two dated items may match when the later starts at most `gap(item)` days
    after the earlier ends.
    """
    uf = UnionFind(len(items))
    parts: dict[Hashable, list[int]] = defaultdict(list)
    undated: dict[Hashable, list[int]] = defaultdict(list)
    spans: list[tuple[int, int] | None] = [span(it) for it in items]
    for i, it in enumerate(items):
        if spans[i] is None:
            undated[(part(it), undated_bucket(it))].append(i)
        else:
            parts[part(it)].append(i)
    for idx in parts.values():
        idx.sort(key=lambda i: spans[i][0])
        active: list[int] = []
        horizon: list[int] = []  # end + gap of each active item
        for i in idx:
            start = spans[i][0]
            if active and min(horizon) < start:
                keep = [k for k, h in enumerate(horizon) if h >= start]
                active = [active[k] for k in keep]
                horizon = [horizon[k] for k in keep]
            it = items[i]
            for j in active:
                if uf.find(i) != uf.find(j) and compatible(items[j], it):
                    uf.union(i, j)
            active.append(i)
            horizon.append(spans[i][1] + gap(it))
    for idx in undated.values():
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if uf.find(i) != uf.find(j) and compatible(items[i], items[j]):
                    uf.union(i, j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        comps[uf.find(i)].append(i)
    return list(comps.values())
