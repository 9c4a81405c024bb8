"""Who a claim counts as: its independent source, that source's side, its role.

A claim's source is the innermost voice (Attribution.name), else the outlet
speaking for itself. Known named sources (SOHR, SANA, Amaq …) are one source
wherever they are quoted; anonymous sources ("مصادر محلية") are one per
outlet. A near-duplicate document speaks with its original's outlet, so a
copied wire story adds no source. Sources that quote each other (`via`) are
joined into one by `independent_keys`.

Roles relative to the counted side: `own` (a party about its own people: an
admission), `independent` (no party), `adversary` (a party about another
side's people).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import norm
from .params import Params

NO_SIDE = (None, "", "independent", "unknown", "none")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    key: str
    name: str
    affiliation: str | None
    type: str | None
    via_keys: tuple[str, ...] = ()


class SourceResolver:
    """Resolves attributions to source keys with the knowledge base (cached per phrase)."""

    def __init__(self, kb, params: Params):
        self.kb = kb
        self.params = params
        self._classify = lru_cache(maxsize=65536)(self._classify_uncached)

    def _classify_uncached(self, name: str):
        try:
            return self.kb.vocab.classify_source(name, self.kb.actors)
        except Exception:  # knowledge that cannot classify a phrase leaves it unknown
            return None

    def _named_key(self, name: str, outlet: str | None) -> tuple[str, object]:
        ks = self._classify(name)
        if ks is not None and ks.type != "anonymous":
            return f"src:{ks.id}", ks
        inner = ks.id if ks is not None else norm(name)
        return f"anon:{norm(outlet or '?')}:{inner}", ks

    def resolve(self, name: str | None, affiliation: str | None, type_: str | None, via,
                outlet: str | None) -> SourceInfo:
        """`outlet` is the speaking outlet: the original's outlet for a near-duplicate."""
        via_keys = tuple(self._named_key(v, outlet)[0] if self._classify(v) is not None else f"outlet:{norm(v)}"
                         for v in (via or ()) if v)
        if not name:
            ks = self._classify(outlet) if outlet else None
            aff = affiliation if affiliation not in NO_SIDE else (ks.affiliation if ks else None)
            return SourceInfo(f"outlet:{norm(outlet or '?')}", outlet or "?", aff,
                              type_ or (ks.type if ks else "outlet"), via_keys)
        key, ks = self._named_key(name, outlet)
        aff = affiliation if affiliation not in NO_SIDE else (ks.affiliation if ks else None)
        return SourceInfo(key, name, aff, type_ or (ks.type if ks else None), via_keys)

    def role(self, affiliation: str | None, counted_side: str | None) -> str:
        """own | independent | adversary, of a source towards the side whose people it counts."""
        if affiliation in NO_SIDE:
            return "independent"
        if counted_side and affiliation == counted_side:
            return "own"
        if affiliation in self.params.belligerent_sides:
            return "adversary"
        return "independent"


class KeyUnion:
    """Union-find over source keys: sources quoting each other count once."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        p = self.parent.setdefault(k, k)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[k] = p
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if _rank(rb) < _rank(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _rank(key: str) -> tuple[int, str]:
    """The name a chain goes by: a known source first, then an outlet, then an anonymous one."""
    return ({"src": 0, "outlet": 1}.get(key.split(":", 1)[0], 2), key)


def independent_keys(items) -> dict[int, str]:
    """Map each item's position to its independent-source key (the smallest key of its chain)."""
    u = KeyUnion()
    for it in items:
        u.find(it.skey)
        for v in it.via_keys:
            u.union(it.skey, v)
    return {i: u.find(it.skey) for i, it in enumerate(items)}
