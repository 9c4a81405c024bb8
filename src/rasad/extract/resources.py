"""The extraction patterns of data/extract.yaml, normalised once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..arabic.normalize import norm

DATA = Path(__file__).parent / "data" / "extract.yaml"


def _set(words) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


@dataclass(frozen=True)
class Patterns:
    place_heads: frozenset[str]
    not_after: frozenset[str]
    anaphors: dict[str, tuple[str, ...]]
    directions: frozenset[str]
    landmark_heads: frozenset[str]
    settlement_heads: frozenset[str]
    name_stops: frozenset[str]
    name_max_words: int
    non_person: frozenset[str]
    person_nouns: frozenset[str]
    one_person: frozenset[str]
    civilian_nouns: frozenset[str]
    soldier_nouns: frozenset[str]
    person_extra: frozenset[str]
    correction: frozenset[str]
    one_of: frozenset[str]
    inflict: frozenset[str]
    suffer: frozenset[str]
    extra_kinds: dict[str, frozenset[str]]
    companions: frozenset[str]
    nationality: dict[str, str]
    among: frozenset[str]
    others: frozenset[str]
    cumulative_days: int
    clause_breaks: tuple[str, ...]
    source_heads: frozenset[str]
    anaphoric_sources: frozenset[str]
    own_sources: frozenset[str]
    independent_types: frozenset[str]
    source_stops: frozenset[str]
    not_happened: frozenset[str]
    background_days: int
    holds_forms: tuple[str, ...]
    not_control: tuple[str, ...]
    past_state: frozenset[str]
    gain_forms: tuple[str, ...]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster than pure Python


@lru_cache(maxsize=None)
def data_yaml(name: str) -> dict:
    """One of this package's data files (data/NAME), parsed once for every module that reads it.
    Shared: read it, never change it."""
    return yaml.load((DATA.parent / name).read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - safe loaders


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    d = data_yaml(DATA.name)
    p, c, a, e = d["places"], d["claims"], d["attribution"], d["events"]
    return Patterns(
        place_heads=_set(p["heads"]),
        not_after=_set(p["not_after"]),
        anaphors={norm(k): tuple(v) for k, v in p["anaphors"].items()},
        directions=_set(p["directions"]),
        landmark_heads=_set(p["unknown"]["landmark_heads"]),
        settlement_heads=_set(p["unknown"]["settlement_heads"]),
        name_stops=_set(p["unknown"]["stops"]),
        name_max_words=int(p["unknown"]["max_words"]),
        non_person=_set(c["non_person"]),
        person_nouns=_set(c["person_nouns"]),
        one_person=_set(c["one_person"]),
        civilian_nouns=_set(c["civilian_nouns"]),
        soldier_nouns=_set(c["soldier_nouns"]),
        person_extra=_set(c["person_extra"]),
        correction=_set(c["correction"]),
        one_of=_set(c["one_of"]),
        inflict=_set(c["inflict"]),
        suffer=_set(c["suffer"]),
        extra_kinds={k: _set(v) for k, v in c["extra_kinds"].items()},
        companions=_set(c["companions"]),
        nationality={norm(w): side for side, ws in c["nationality"].items() for w in ws},
        among=_set(c["among"]),
        others=_set(c["others"]),
        cumulative_days=int(c["cumulative_days"]),
        clause_breaks=tuple(norm(w) for w in c["clause_breaks"]),
        source_heads=_set(a["source_heads"]),
        anaphoric_sources=_set(a["anaphoric"]),
        own_sources=_set(a["own"]),
        independent_types=frozenset(a["independent_types"]),
        source_stops=_set(a["stops"]),
        not_happened=frozenset(e["not_happened"]),
        background_days=int(e["background_days"]),
        not_control=tuple(norm(w) for w in e["not_control"]),
        past_state=_set(e["past_state"]),
        holds_forms=tuple(sorted({norm(w) for w in e["holds_forms"]}, key=len, reverse=True)),
        gain_forms=tuple(sorted({norm(w) for w in e["gain_forms"]}, key=len, reverse=True)),
    )
