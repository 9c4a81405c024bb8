"""Checks on places files: what `rasad knowledge validate` and the data tests report.

Each check returns human-readable problems ("file:line: id: what is wrong");
an empty list means the gazetteer is sound. The checks:

- schema: known columns, ids present, numbers and booleans that parse, a
  level from LEVELS, a country with a bounding box; a row that leaves
  required cells empty must override an entry defined before it;
- names: no name shared by two entries of the same level and parent unless
  one of them is marked ambiguous;
- coordinates: every entry has them, inside its country's bounding box;
- hierarchy: every parent exists and is coarser than its child;
  neighbourhoods and landmarks lie within `max_child_km` of a parent town or
  neighbourhood.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from ..model import LEVELS
from .places import COLUMNS, LEVEL_RANK, REQUIRED, Gazetteer, GazetteerError, load_gazetteer, place_files, read_rows

_BOOL = {"true", "false", "1", "0", "yes", "no", ""}


def country_bboxes(dirs: Iterable[Path]) -> dict[str, tuple[float, float, float, float]]:
    """Country code -> (south, west, north, east) from places/meta/country_bbox.csv of each folder."""
    out: dict[str, tuple[float, float, float, float]] = {}
    for d in dirs:
        p = Path(d) / "places" / "meta" / "country_bbox.csv"
        if p.is_file():
            with open(p, encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    out[r["country"].strip().upper()] = (float(r["south"]), float(r["west"]), float(r["north"]),
                                                        float(r["east"]))
    return out


def check_schema(dirs: Iterable[Path], full_header: bool = True) -> list[str]:
    """Columns, cell types and levels of every places file; partial rows must override an earlier id.

    With `full_header`, files of the first folder (the shipped data) must
    carry every column; user folders may leave columns out.
    """
    dirs = [Path(d) for d in dirs]
    bboxes = country_bboxes(dirs)
    problems: list[str] = []
    seen: set[str] = set()
    for i, d in enumerate(dirs):
        for path in place_files(d):
            with open(path, encoding="utf-8", newline="") as f:
                header = next(csv.reader(f), [])
            missing_cols = [c for c in COLUMNS if c not in header]
            if full_header and i == 0 and missing_cols:
                problems.append(f"{path}: missing columns {missing_cols}")
            try:
                rows = list(read_rows(path))
            except GazetteerError as e:
                problems.append(str(e))
                continue
            for line, cells in rows:
                where = f"{path.name}:{line}: {cells.get('id', '?')}"
                pid = cells.get("id")
                if not pid:
                    problems.append(f"{where}: no id")
                    continue
                missing = [c for c in REQUIRED if not cells.get(c)]
                if missing and pid not in seen:
                    problems.append(f"{where}: missing {', '.join(missing)} and no earlier entry to override")
                seen.add(pid)
                for c in ("lat", "lon"):
                    if c in cells:
                        try:
                            float(cells[c])
                        except ValueError:
                            problems.append(f"{where}: {c} {cells[c]!r} is not a number")
                if ("lat" in cells) != ("lon" in cells):
                    problems.append(f"{where}: lat and lon must come together")
                if "level" in cells and cells["level"] not in LEVELS:
                    problems.append(f"{where}: level {cells['level']!r} not in {LEVELS}")
                if "country" in cells and cells["country"].upper() not in bboxes:
                    problems.append(f"{where}: country {cells['country']!r} has no bounding box in meta/country_bbox.csv")
                for c in ("ambiguous", "area"):
                    if cells.get(c, "").lower() not in _BOOL:
                        problems.append(f"{where}: {c} {cells[c]!r} is not true/false")
                if cells.get("population"):
                    if not cells["population"].isdigit():
                        problems.append(f"{where}: population {cells['population']!r} is not a whole number")
                if "bbox" in cells:
                    parts = cells["bbox"].split()
                    try:
                        s, w, n, e = (float(x) for x in parts)
                        if not (s < n and w < e):
                            problems.append(f"{where}: bbox must be 'south west north east'")
                    except ValueError:
                        problems.append(f"{where}: bbox must be four numbers 'south west north east'")
    return problems


def check_names(g: Gazetteer) -> list[str]:
    """Names shared by two entries of one level and parent, neither marked ambiguous."""
    by_key: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for p in g:
        for k in g.keys(p):
            by_key[(k, p.level, p.parent or "")].append(p.id)
    problems = []
    for (k, level, parent), ids in sorted(by_key.items()):
        if len(ids) > 1 and not any(g.places[i].ambiguous for i in ids):
            problems.append(f"name {k!r} names {len(ids)} {level} entries under {parent or 'nothing'}: "
                            f"{', '.join(ids)} (mark one ambiguous or remove the alias)")
    return problems


def check_coordinates(g: Gazetteer, bboxes: dict[str, tuple[float, float, float, float]]) -> list[str]:
    """Every entry has coordinates inside its country's bounding box."""
    problems = []
    for p in g:
        if p.lat is None or p.lon is None:
            problems.append(f"{p.origin}: {p.id}: no coordinates")
            continue
        box = bboxes.get(p.country)
        if box is None:
            problems.append(f"{p.origin}: {p.id}: country {p.country} has no bounding box")
            continue
        s, w, n, e = box
        if not (s <= p.lat <= n and w <= p.lon <= e):
            problems.append(f"{p.origin}: {p.id}: ({p.lat}, {p.lon}) is outside {p.country}")
    return problems


def check_hierarchy(g: Gazetteer, max_child_km: float = 15.0) -> list[str]:
    """Parents exist and are coarser; neighbourhoods and landmarks lie near their town."""
    problems = []
    for p in g:
        if p.level == "country":
            continue
        if not p.parent:
            problems.append(f"{p.origin}: {p.id}: no parent")
            continue
        parent = g.get(p.parent)
        if parent is None:
            problems.append(f"{p.origin}: {p.id}: parent {p.parent} does not exist")
            continue
        if LEVEL_RANK[parent.level] <= LEVEL_RANK[p.level]:
            problems.append(f"{p.origin}: {p.id}: parent {parent.id} ({parent.level}) is not coarser than {p.level}")
        if parent.country != p.country:
            problems.append(f"{p.origin}: {p.id}: parent {parent.id} is in {parent.country}, not {p.country}")
        if p.level in ("neighbourhood", "landmark") and parent.level in ("town", "neighbourhood", "landmark"):
            d = g.distance_km(p, parent)
            if d is not None and d > max_child_km:
                problems.append(f"{p.origin}: {p.id}: {d:.1f} km from its parent {parent.id} (max {max_child_km})")
    if any("parent" in x for x in problems):
        return problems
    for p in g:  # cycles
        seen = {p.id}
        q = p
        while q.parent and q.parent in g.places:
            if q.parent in seen:
                problems.append(f"{p.origin}: {p.id}: parent cycle through {q.parent}")
                break
            seen.add(q.parent)
            q = g.places[q.parent]
    return problems


def validate(dirs: Iterable[Path], full_header: bool = True) -> list[str]:
    """All checks over the places of `dirs` (shipped folder first); empty when sound."""
    dirs = [Path(d) for d in dirs]
    problems = check_schema(dirs, full_header=full_header)
    try:
        g = load_gazetteer(dirs)
    except GazetteerError as e:
        return problems + [str(e)]
    return (problems + check_names(g) + check_coordinates(g, country_bboxes(dirs)) + check_hierarchy(g))


__all__ = ["check_coordinates", "check_hierarchy", "check_names", "check_schema", "country_bboxes", "validate"]
