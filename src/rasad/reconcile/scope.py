"""Where a claim or event is about, and when two such scopes are the same area.

A scope is a gazetteer place (with its ancestors) or a bare point. A claim
with no place is scoped to its document's main area: the most often named
place, raised to the nearest town or region. Two scopes match when they are
the same place, when one encloses the other (only up to a level, so "Syria"
does not join everything), or when their points lie within a radius.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..knowledge.places import haversine_km
from .params import LEVEL_RANK

AREA_LEVELS = ("town", "region", "district", "governorate")


@dataclass(frozen=True, slots=True)
class Scope:
    id: str | None
    lat: float | None
    lon: float | None
    rank: int  # LEVEL_RANK of the place (0 for a bare point)
    ancestors: frozenset[str] = frozenset()
    name: str | None = None


class Scoper:
    """Builds scopes from gazetteer ids (cached) and tests whether two match."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        self._cache: dict[str, Scope | None] = {}

    def of_place(self, place_id: str | None, lat: float | None = None, lon: float | None = None,
                 name: str | None = None) -> Scope | None:
        if place_id:
            if place_id not in self._cache:
                p = self.gaz.get(place_id)
                if p is None:
                    self._cache[place_id] = None
                else:
                    anc = frozenset(a.id for a in self.gaz.parents(p))
                    self._cache[place_id] = Scope(p.id, p.lat, p.lon, LEVEL_RANK.get(p.level, 0), anc, p.name)
            s = self._cache[place_id]
            if s is not None:
                if lat is not None and lon is not None and s.lat is None:
                    return Scope(s.id, lat, lon, s.rank, s.ancestors, s.name)
                return s
            if lat is not None and lon is not None:
                return Scope(place_id, lat, lon, 0, frozenset(), name)
            return Scope(place_id, None, None, 0, frozenset(), name)
        if lat is not None and lon is not None:
            return Scope(None, lat, lon, 0, frozenset(), name)
        return None

    def main_area(self, places) -> Scope | None:
        """The document's main area from its PlaceRefs: the most named place's nearest town or region."""
        counts: Counter = Counter()
        for p in places:
            if p.place_id and self.gaz.get(p.place_id) is not None:
                counts[p.place_id] += max(1, len(p.spans))
        if not counts:
            return None
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        place = self.gaz.get(top)
        chain = [place, *self.gaz.parents(place)]
        for p in chain:
            if p.level in AREA_LEVELS:
                return self.of_place(p.id)
        return self.of_place(top)


def match(a: Scope | None, b: Scope | None, max_km: float, container_rank: int) -> bool:
    """Same area: same place, one encloses the other (container no coarser than `container_rank`), or near."""
    if a is None or b is None:
        return a is None and b is None
    if a.id is not None and a.id == b.id:
        return True
    if a.id is not None and a.id in b.ancestors and a.rank <= container_rank:
        return True
    if b.id is not None and b.id in a.ancestors and b.rank <= container_rank:
        return True
    if a.lat is None or b.lat is None:
        return False
    if abs(a.lat - b.lat) * 111.0 > max_km:  # cheap reject before the great circle
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km
