"""The one place the ingest stage's data files are read.

`resources(settings)` returns an `IngestResources` built from
`rasad/ingest/data/*.yaml`; a file of the same name in one of
`Settings.knowledge_dirs` replaces the shipped one (later folders win). All
phrases and patterns are put in the normalised matching form once, here, so
the cleaner, outlet and date code compare like with like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..arabic.normalize import norm
from ..settings import Settings

DATA_DIR = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster first load

# Characters trimmed from a line before it is compared with a phrase list.
EDGE_PUNCT = " \t:：-–—|•·*#،,.!؟?؛;\"'«»“”()[]{}<>/\\_=~"


def phrase_key(text: str) -> str:
    """Matching key for a whole line or phrase: normalised, edge punctuation trimmed, spaces folded."""
    return " ".join(norm(text).strip(EDGE_PUNCT).split())


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    ambiguous: bool = False


@dataclass(frozen=True)
class IngestResources:
    debris_lines: frozenset[str]
    debris_patterns: AnyPattern
    edge_patterns: AnyPattern
    block_headings: frozenset[str]
    keep_patterns: AnyPattern
    thresholds: dict
    outlets: tuple[Outlet, ...]
    outlet_by_key: dict  # phrase_key(name or alias) -> canonical name
    outlet_unambiguous: frozenset  # canonical names that may also match with a generic word stripped
    outlet_by_domain: dict  # "host" or "host/path" -> canonical name
    outlet_signatures: tuple  # (compiled regex with group "name", weight, scope "line" | "quote")
    outlet_generic_prefixes: tuple[str, ...]
    outlet_generic_suffixes: tuple[str, ...]
    months: dict  # normalised month name -> month number
    date_markers: tuple[str, ...]
    date_top_chars: int
    date_min_year: int


def _find(name: str, dirs: tuple[Path, ...]) -> Path:
    path = DATA_DIR / name
    for d in dirs:
        if (Path(d) / name).is_file():
            path = Path(d) / name
    return path


def _read(name: str, dirs: tuple[Path, ...]) -> dict:
    with open(_find(name, dirs), encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER) or {}


class AnyPattern:
    """Matches when any of a list of (normalised) regexes does.

    Patterns anchored at the start ("^...") are joined into one alternation
    tried only at position 0; the rest into one searched alternation. (One
    alternation of everything would try every anchored branch at every
    position of a long line.)
    """

    def __init__(self, patterns: list[str]):
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self.anchored = re.compile("|".join(f"(?:{_norm_pattern(p)})" for p in anchored)) if anchored else None
        self.floating = re.compile("|".join(f"(?:{_norm_pattern(p)})" for p in floating)) if floating else None

    def search(self, text: str, floating: bool = True) -> bool:
        """True if a pattern matches; `floating=False` tries only the anchored ones (cheap)."""
        return bool(
            (self.anchored is not None and self.anchored.match(text))
            or (floating and self.floating is not None and self.floating.search(text))
        )


def _alternation(patterns: list[str]) -> AnyPattern:
    return AnyPattern([str(p) for p in patterns])


def _norm_pattern(pattern: str) -> str:
    """Normalise the Arabic in a regex, leaving its ASCII syntax (\\S, \\D ...) untouched."""
    return _NON_ASCII.sub(lambda m: norm(m.group()), pattern)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> IngestResources:
    debris = _read("debris.yaml", dirs)
    outlets_data = _read("outlets.yaml", dirs)
    dates = _read("dates.yaml", dirs)

    outlets = tuple(
        Outlet(str(o["name"]), tuple(d.lower() for d in o.get("domains") or ()),
               tuple(str(a) for a in o.get("aliases") or ()), bool(o.get("ambiguous", False)))
        for o in outlets_data.get("outlets") or ()
    )
    by_key: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for o in outlets:
        for alias in (o.name, *o.aliases):
            by_key.setdefault(phrase_key(alias), o.name)
        for d in o.domains:
            by_domain[d.removeprefix("www.").rstrip("/")] = o.name

    months: dict[str, int] = {}
    for number, names in (dates.get("months") or {}).items():
        for n in names:
            months[phrase_key(str(n))] = int(number)

    return IngestResources(
        debris_lines=frozenset(phrase_key(p) for p in debris.get("lines") or ()),
        debris_patterns=_alternation(debris.get("patterns") or []),
        edge_patterns=_alternation(debris.get("edge_patterns") or []),
        block_headings=frozenset(phrase_key(p) for p in debris.get("block_headings") or ()),
        keep_patterns=_alternation(debris.get("keep_patterns") or []),
        thresholds=dict(debris.get("thresholds") or {}),
        outlets=outlets,
        outlet_by_key=by_key,
        outlet_unambiguous=frozenset(o.name for o in outlets if not o.ambiguous),
        outlet_by_domain=by_domain,
        outlet_signatures=tuple(
            (re.compile(_norm_pattern(str(sig["pattern"]))), float(sig.get("weight", 1)), str(sig.get("scope", "line")))
            for sig in outlets_data.get("signatures") or ()
        ),
        outlet_generic_prefixes=tuple(phrase_key(p) for p in outlets_data.get("generic_prefixes") or ()),
        outlet_generic_suffixes=tuple(phrase_key(p) for p in outlets_data.get("generic_suffixes") or ()),
        months=months,
        date_markers=tuple(phrase_key(m) for m in dates.get("markers") or ()),
        date_top_chars=int(dates.get("top_chars", 400)),
        date_min_year=int(dates.get("min_year", 1990)),
    )


def resources(settings: Settings | None = None) -> IngestResources:
    dirs = tuple(Path(d).resolve() for d in (settings.knowledge_dirs if settings else ()))
    return _load(dirs)
