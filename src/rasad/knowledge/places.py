"""The gazetteer: places of Syria, Iraq and their neighbours, looked up by Arabic name.

Places live in CSV files under `<knowledge dir>/places/*.csv`, all in one
schema (see data/places/README.md). `load_gazetteer(dirs)` reads the shipped
folder first and then each user folder; inside a folder the files load in
`FILE_ORDER` and then alphabetically. A row whose id was seen before overrides
the non-empty cells it carries and adds its aliases, so a user file can fix a
coordinate or add a spelling without copying the whole entry.

Matching is on the shared matching form (`rasad.arabic.normalize.norm`).
Each name is also indexed in a folded form: without a leading generic word
("حي", "مدينة", "محافظة" …, listed in meta/prefixes.txt) and without the
article, so "حي الميدان", "ميدان" and "الميدان" meet.
"""
from __future__ import annotations

import csv
import re
import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator

from ..arabic.normalize import norm, strip_article
from ..model import LEVELS, Candidate, Place

COLUMNS: tuple[str, ...] = ("id", "name", "lat", "lon", "level", "country", "parent", "name_en", "aliases",
                            "ambiguous", "area", "population")
OPTIONAL_COLUMNS: tuple[str, ...] = ("bbox",)
REQUIRED: tuple[str, ...] = ("id", "name", "level", "country")
# Within a folder: generated first, curated over it; anything else (user files) after, alphabetically.
FILE_ORDER: tuple[str, ...] = ("geonames.csv", "admin.csv", "towns.csv", "regions.csv", "neighbourhoods.csv")
LEVEL_RANK: dict[str, int] = {lvl: i for i, lvl in enumerate(LEVELS)}

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


class GazetteerError(ValueError):
    """A places file that cannot be read: says which file and line."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: original offsets, the alias key and the ids it may denote.

    `ambiguous` is True when the matched words are also an ordinary word and
    carry no place word of their own: "الميدان" is, "حي الميدان" is not.
    """

    start: int
    end: int
    key: str
    ids: tuple[str, ...]
    ambiguous: bool


# --------------------------------------------------------------------------- reading


def place_files(directory: Path) -> list[Path]:
    """The places CSV files of one knowledge folder, in load order."""
    folder = Path(directory) / "places"
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.csv") if p.is_file()]
    order = {name: i for i, name in enumerate(FILE_ORDER)}
    return sorted(files, key=lambda p: (order.get(p.name, len(order)), p.name))


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, non-empty cells) for each row of a places CSV."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "id" not in reader.fieldnames:
            raise GazetteerError(f"{path}: no header with an 'id' column")
        unknown = set(reader.fieldnames) - set(COLUMNS) - set(OPTIONAL_COLUMNS)
        if unknown:
            raise GazetteerError(f"{path}: unknown columns {sorted(unknown)}")
        for row in reader:
            cells = {k: v.strip() for k, v in row.items() if k and v is not None and v.strip()}
            if cells:
                yield reader.line_num, cells


def read_word_list(dirs: Iterable[Path], name: str) -> list[str]:
    """Union of a one-entry-per-line list under places/meta/ in every folder (# starts a comment)."""
    out: list[str] = []
    for d in dirs:
        p = Path(d) / "places" / "meta" / name
        if p.is_file():
            for line in p.read_text(encoding="utf-8").splitlines():
                line = line.split("#", 1)[0].strip()
                if line and line not in out:
                    out.append(line)
    return out


def _bool(value: str, where: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise GazetteerError(f"{where}: not a boolean: {value!r}")


def _float(value: str | None, where: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise GazetteerError(f"{where}: not a number: {value!r}") from None


def _to_place(cells: dict[str, str], aliases: list[str], origin: str) -> Place:
    missing = [c for c in REQUIRED if not cells.get(c)]
    if missing:
        raise GazetteerError(f"{origin}: {cells.get('id')}: missing {', '.join(missing)}")
    level = cells["level"]
    if level not in LEVEL_RANK:
        raise GazetteerError(f"{origin}: {cells['id']}: level {level!r} is not one of {', '.join(LEVELS)}")
    pop = cells.get("population")
    try:
        population = int(float(pop)) if pop else None
    except ValueError:
        raise GazetteerError(f"{origin}: {cells['id']}: population {pop!r} is not a number") from None
    bbox = None
    if cells.get("bbox"):
        parts = cells["bbox"].split()
        if len(parts) != 4:
            raise GazetteerError(f"{origin}: {cells['id']}: bbox must be 'south west north east'")
        s, w, n, e = (float(x) for x in parts)
        bbox = (s, w, n, e)
    name = cells["name"]
    return Place(
        id=cells["id"], name=name, lat=_float(cells.get("lat"), origin), lon=_float(cells.get("lon"), origin),
        level=level, country=cells["country"].upper(), parent=cells.get("parent") or None,
        name_en=cells.get("name_en") or None, aliases=tuple(a for a in aliases if a != name),
        ambiguous=_bool(cells.get("ambiguous", ""), origin), area=_bool(cells.get("area", ""), origin),
        population=population, origin=origin, bbox=bbox,
    )


def merge_rows(dirs: Iterable[Path]) -> dict[str, tuple[dict[str, str], list[str], str]]:
    """Rows of every file of every folder merged by id: (cells, aliases, origin of the defining row)."""
    merged: dict[str, tuple[dict[str, str], list[str], str]] = {}
    for d in dirs:
        for path in place_files(d):
            for line, cells in read_rows(path):
                pid = cells["id"] if "id" in cells else None
                if not pid:
                    raise GazetteerError(f"{path}:{line}: row without an id")
                new_aliases = [a.strip() for a in cells.pop("aliases", "").split("|") if a.strip()]
                if pid in merged:
                    old, aliases, origin = merged[pid]
                    old.update(cells)
                    aliases.extend(a for a in new_aliases if a not in aliases)
                else:
                    merged[pid] = (cells, new_aliases, f"{path.parent.parent.name}/places/{path.name}:{line}")
    return merged


# --------------------------------------------------------------------------- name forms


def fold_name(key: str, prefixes: frozenset[str]) -> str:
    """A normalised name without leading generic words (حي، مدينة …) and without the article."""
    words = key.split()
    while len(words) > 1 and words[0] in prefixes:
        words = words[1:]
    if words:
        words[0] = strip_article(words[0])
    return " ".join(words)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- the gazetteer


_JOINABLE = frozenset({"كفر", "دير", "بيت", "تل", "عين", "خان", "بني", "ام"})
_QUOTED = re.compile(r'\s*["\'()]+\s*|\s{2,}')
_TWO_SPACES = re.compile(r"\s\s")


def _may_unquote(t: str) -> bool:
    """Whether _QUOTED matches anywhere in `t`: a quote or bracket, or two whitespace characters in a
    row. Found with string methods (C loops) rather than the regex, which tries each position."""
    if '"' in t or "'" in t or "(" in t or ")" in t:
        return True
    spaced = t.replace("\n", " ")
    if spaced.isprintable():  # then every whitespace character is a space or was a newline
        return "  " in spaced
    return _TWO_SPACES.search(t) is not None


def _unquote(t: str) -> tuple[str, list[int] | None]:
    """`t` with quote and bracket runs (and the spaces around them) read as one space, and for each
    character of the result its offset in `t` (None: `t` unchanged)."""
    if not _may_unquote(t):
        return t, None
    out: list[str] = []
    back: list[int] = []
    pos = 0
    for m in _QUOTED.finditer(t):
        out.append(t[pos:m.start()])
        back.extend(range(pos, m.start()))
        at_edge = m.start() == 0 or m.end() == len(t)
        if not at_edge:
            out.append(" ")
            back.append(m.start())
        pos = m.end()
    out.append(t[pos:])
    back.extend(range(pos, len(t)))
    return "".join(out), back


@dataclass
class Gazetteer:
    """All places, indexed by id and by normalised name.

    `common_words` are folded names that are also ordinary words (التقدم،
    الميدان …): a place so named is marked ambiguous and extraction should
    accept it only with place context ("حي الميدان").
    """

    places: dict[str, Place]
    prefixes: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    _exact: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _folded: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _needs_context: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # scan's, by alias key

    def __post_init__(self) -> None:
        fixed: dict[str, Place] = {}
        for pid, p in self.places.items():
            if not p.ambiguous and fold_name(norm(p.name), self.prefixes) in self.common_words:
                p = replace(p, ambiguous=True)
            fixed[pid] = p
        self.places = fixed
        for pid, p in fixed.items():
            for key in self.keys(p):
                ids = self._exact.setdefault(key, [])
                if pid not in ids:
                    ids.append(pid)
                folded = fold_name(key, self.prefixes)
                ids = self._folded.setdefault(folded, [])
                if pid not in ids:
                    ids.append(pid)
            if p.parent:
                self._children.setdefault(p.parent, []).append(pid)

    # ------------------------------------------------------------------ basics

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())

    def __contains__(self, pid: object) -> bool:
        return pid in self.places

    def get(self, pid: str) -> Place | None:
        return self.places.get(pid)

    @staticmethod
    def keys(place: Place) -> list[str]:
        """The normalised names of a place (canonical name first)."""
        out: list[str] = []
        for a in (place.name, *place.aliases):
            k = norm(a).strip()
            if k and k not in out:
                out.append(k)
        return out

    def names(self) -> dict[str, tuple[str, ...]]:
        """Every normalised alias and the ids of the places that carry it."""
        return {k: tuple(v) for k, v in self._exact.items()}

    def is_ambiguous(self, alias: str) -> bool:
        """True if this name, without generic words and article, is also an ordinary word."""
        return fold_name(norm(alias), self.prefixes) in self.common_words

    # ------------------------------------------------------------------ lookup

    def lookup(self, name: str, near: tuple[float, float] | None = None, country: str | None = None,
               limit: int = 10) -> list[Candidate]:
        """Places called `name`, best first.

        Exact matches of the matching form score 1.0; matches once generic
        words and the article are folded away score 0.9. Among equal matches,
        the nearer to `near` first (when given), then the finer level, then
        the larger population.
        """
        key = norm(name).strip()
        if not key:
            return []
        quality: dict[str, tuple[float, str]] = {}
        for pid in self._exact.get(key, ()):
            quality[pid] = (1.0, key)
        folded = fold_name(key, self.prefixes)
        for pid in self._folded.get(folded, ()):
            if pid not in quality:
                quality[pid] = (0.9, folded)
        if not quality:
            return []
        cc = country.upper() if country else None
        ranked: list[tuple[tuple, Candidate]] = []
        for pid, (q, matched) in quality.items():
            p = self.places[pid]
            if cc and p.country != cc:
                continue
            dist = None
            score = q
            if near is not None and p.lat is not None and p.lon is not None:
                dist = haversine_km(near[0], near[1], p.lat, p.lon)
                score = q - min(dist, 1000.0) / 2000.0
            order = (-q, round(dist, 0) if dist is not None else 0.0, LEVEL_RANK[p.level], -(p.population or 0), pid)
            ranked.append((order, Candidate(entry=p, score=round(score, 4), matched=matched, distance_km=dist)))
        ranked.sort(key=lambda t: t[0])
        return [c for _, c in ranked[:limit]]

    def best(self, name: str, near: tuple[float, float] | None = None, country: str | None = None) -> Place | None:
        """The first lookup result, or None."""
        found = self.lookup(name, near=near, country=country, limit=1)
        return found[0].entry if found else None  # type: ignore[return-value]

    # ------------------------------------------------------------------ text scanning

    @cached_property
    def _automaton(self):
        import ahocorasick

        a = ahocorasick.Automaton()
        for key, ids in self._exact.items():
            a.add_word(key, (key, tuple(ids), len(key)))
        # "كفرزيتا", "ديرالزور": compound names are also written joined
        for key, ids in list(self._exact.items()):
            first, _, rest = key.partition(" ")
            if rest and first in _JOINABLE:
                joined = first + rest
                if joined not in self._exact:
                    a.add_word(joined, (key, tuple(ids), len(joined)))
        # "للموصل": the preposition ل swallows the article's alef (ل + الموصل)
        for key, ids in self._exact.items():
            if key.startswith("ال") and len(key) > 4:
                short = "لل" + key[2:]
                if short not in self._exact:
                    a.add_word(short, (key, tuple(ids), len(short)))
        a.make_automaton()
        return a

    def matcher(self):
        """A pyahocorasick automaton over every normalised alias; values are (alias, ids, matched length)."""
        return self._automaton

    def scan(self, text: str, proclitics: str = "وفبلك", normalized=None) -> list[Mention]:
        """Place names in `text`, longest first and not overlapping, on word boundaries.

        A name may carry up to two one-letter proclitics (و، ف، ب، ل، ك) as in
        "وبدوما". Offsets are into `text`. Pass `normalized` (normalize(text)) if you have it.
        """
        return [Mention(*m) for m in self.scan_spans(text, proclitics, normalized)]

    def scan_spans(self, text: str, proclitics: str = "وفبلك", normalized=None
                   ) -> list[tuple[int, int, str, tuple[str, ...], bool]]:
        """`scan` as plain (start, end, key, ids, ambiguous) tuples, for callers that build their own
        records."""
        from ..arabic.normalize import normalize

        n = normalized if normalized is not None else normalize(text)
        # quotes and brackets inside a name ("مربع “الجزيرة”", "معبر (القدم – عسالي)") are read as spaces
        t, back = _unquote(n.text)
        out: list[tuple[int, int, str, tuple[str, ...], bool]] = []
        for s, e, key, ids in _longest_first(_place_hits(self._automaton, t, proclitics), len(t)):
            os_, oe = n.orig_span(s, e) if back is None else n.orig_span(back[s], back[e - 1] + 1)
            needs_context = self._needs_context.get(key)
            if needs_context is None:
                needs_context = self._needs_context[key] = \
                    self.is_ambiguous(key) and key.split()[0] not in self.prefixes
            out.append((os_, oe, key, ids, needs_context))
        out.sort(key=itemgetter(0))
        return out

    # ------------------------------------------------------------------ geometry and hierarchy

    def _resolve(self, p: Place | str) -> Place:
        if isinstance(p, Place):
            return p
        found = self.places.get(p)
        if found is None:
            raise KeyError(p)
        return found

    def parents(self, place: Place | str) -> list[Place]:
        """The enclosing places, nearest first (neighbourhood -> town -> governorate -> country)."""
        out: list[Place] = []
        seen: set[str] = set()
        p = self._resolve(place)
        while p.parent and p.parent not in seen and p.parent in self.places:
            seen.add(p.parent)
            p = self.places[p.parent]
            out.append(p)
        return out

    def children(self, place: Place | str) -> list[Place]:
        """The places whose parent is this one."""
        return [self.places[c] for c in self._children.get(self._resolve(place).id, ())]

    def contains(self, a: Place | str, b: Place | str) -> bool:
        """True if `a` encloses `b`: an ancestor of it, or an area whose bbox holds its point."""
        pa, pb = self._resolve(a), self._resolve(b)
        if pa.id == pb.id:
            return False
        if any(p.id == pa.id for p in self.parents(pb)):
            return True
        if pa.bbox and pb.lat is not None and pb.lon is not None and LEVEL_RANK[pa.level] > LEVEL_RANK[pb.level]:
            s, w, n, e = pa.bbox
            return s <= pb.lat <= n and w <= pb.lon <= e
        return False

    def distance_km(self, a: Place | str | tuple[float, float], b: Place | str | tuple[float, float]) -> float | None:
        """Great-circle distance between two places or (lat, lon) points; None without coordinates."""
        pa, pb = self._point(a), self._point(b)
        if pa is None or pb is None:
            return None
        return haversine_km(pa[0], pa[1], pb[0], pb[1])

    def _point(self, x: Place | str | tuple[float, float]) -> tuple[float, float] | None:
        if isinstance(x, tuple):
            return x
        p = self._resolve(x)
        if p.lat is None or p.lon is None:
            return None
        return p.lat, p.lon


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _place_hits_py(automaton, t: str, proclitics: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, key, ids) of each name the gazetteer's automaton finds in `t` that ends a word and
    begins one, after up to two one-letter `proclitics`; in automaton order. The reference for
    `_speedups.place_hits`."""
    hits: list[tuple[int, int, str, tuple[str, ...]]] = []
    n_t = len(t)
    for end, (key, ids, length) in automaton.iter(t):
        start = end + 1 - length
        if end + 1 < n_t and (t[end + 1].isalnum() or t[end + 1] == "_"):  # _is_word_char
            continue
        ok = start == 0 or not _is_word_char(t[start - 1])
        k = start
        while not ok and k > 0 and start - k < 2 and t[k - 1] in proclitics:
            k -= 1
            ok = k == 0 or not _is_word_char(t[k - 1])
        if ok:
            hits.append((start, end + 1, key, ids))
    return hits


def _longest_first_py(hits: list[tuple[int, int, str, tuple[str, ...]]], n_t: int
                      ) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Of the (start, end, …) hits in a text of `n_t` characters, the longest first (then the leftmost,
    then in the order given), each kept unless it overlaps one kept before it; in the order kept.
    The reference for `_speedups.longest_first`."""
    hits = sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = bytearray(n_t)  # 1 where an accepted name lies
    out = []
    for h in hits:
        s, e = h[0], h[1]
        if taken.find(1, s, e) >= 0:
            continue
        taken[s:e] = b"\x01" * (e - s)
        out.append(h)
    return out


# The C loops (rasad.knowledge._speedups, built by Cython when rasad is installed) when they are
# there, else the Python ones; they give the same hits.
try:
    from ._speedups import longest_first as _longest_first, place_hits as _place_hits
except ImportError:  # not built (no compiler where rasad was installed)
    _place_hits, _longest_first = _place_hits_py, _longest_first_py


def load_gazetteer(dirs: Iterable[Path]) -> Gazetteer:
    """Read the places files of each folder in order (later folders override by id) into a Gazetteer."""
    dirs = [Path(d) for d in dirs]
    merged = merge_rows(dirs)
    places = {pid: _to_place(cells, aliases, origin) for pid, (cells, aliases, origin) in merged.items()}
    prefixes = frozenset(norm(w) for w in read_word_list(dirs, "prefixes.txt"))
    common = frozenset(fold_name(norm(w), prefixes) for w in read_word_list(dirs, "common_words.txt"))
    return Gazetteer(places, prefixes=prefixes, common_words=common)


__all__ = ["COLUMNS", "Gazetteer", "GazetteerError", "Mention", "fold_name", "haversine_km", "load_gazetteer",
           "place_files", "read_rows"]
