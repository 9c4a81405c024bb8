#!/usr/bin/env python3
"""Validate an evaluation set's articles.jsonl and gold.jsonl (standard library only).

    python3 eval/own/check.py [FOLDER] [--words MIN-MAX] [--seeds DIR] [--run N]

FOLDER (default: eval/own, this script's folder) holds articles.jsonl and
gold.jsonl; --words sets the allowed article length (default 120-350).

Checks that every gold document has an article (and back), that every
evidence string occurs verbatim in its article, that every categorical value
comes from the vocabularies of /work/shared/eval/FORMAT.md, that dates parse
and windows are ordered, that coordinates are null or inside the Syria / Iraq /
Lebanon / Jordan / Turkey bounding boxes, that place names occur in the text,
and that articles are 120-350 words (or --words).  With a seeds folder (default
/work/shared/seeds when it exists) it also checks that no run of N words
(default 8) of any seed article occurs in any of our articles.
Exit status 1 when anything is wrong; every problem is printed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = {"killed", "wounded", "killed_or_wounded", "captured", "arrested",
         "defected", "displaced", "evacuated", "present"}
SIDES = {"government", "isis", "opposition", "sdf", "coalition", "turkey", "civilians", "unknown"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "vague"}
STATUSES = {"asserted", "denied", "rumored"}
AFFILIATIONS = {"government", "isis", "opposition", "independent", None}
CHANGES = {"gained", "holds"}
EVENT_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack",
    "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other"}
DOC_KEYS = {"doc", "outlet", "published", "claims", "events", "control", "places"}
CLAIM_KEYS = {"kind", "side", "count", "qualifier", "status", "source", "source_affiliation",
              "date_start", "date_end", "place", "lat", "lon", "evidence"}
EVENT_KEYS = {"type", "date_start", "date_end", "place", "lat", "lon", "actor1_side",
              "actor2_side", "fatalities", "evidence"}
CONTROL_KEYS = {"place", "lat", "lon", "side", "change", "date_start", "date_end", "status"}
PLACE_KEYS = {"name", "lat", "lon"}
# (south, north, west, east)
BOXES = {
    "Syria": (32.3, 37.4, 35.6, 42.4),
    "Iraq": (29.0, 37.4, 38.7, 48.7),
    "Lebanon": (33.0, 34.7, 35.0, 36.7),
    "Jordan": (29.1, 33.4, 34.9, 39.4),
    "Turkey": (35.8, 42.2, 25.6, 44.9),
}
ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def __call__(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")


def read_jsonl(path: Path, report: Report) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            report(f"{path.name}:{n}", f"not JSON: {e}")
    return rows


def check_date(v, where: str, report: Report) -> date | None:
    if v is None:
        return None
    try:
        return date.fromisoformat(v)
    except (TypeError, ValueError):
        report(where, f"bad ISO date {v!r}")
        return None


def check_window(item: dict, where: str, report: Report) -> None:
    s = check_date(item.get("date_start"), where, report)
    e = check_date(item.get("date_end"), where, report)
    if s and e and s > e:
        report(where, f"window starts after it ends ({s} > {e})")


def check_coords(item: dict, where: str, report: Report) -> None:
    lat, lon = item.get("lat"), item.get("lon")
    if lat is None and lon is None:
        return
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        report(where, f"coordinates must be both numbers or both null: {lat!r}, {lon!r}")
        return
    if not any(s <= lat <= n and w <= lon <= e for s, n, w, e in BOXES.values()):
        report(where, f"coordinates {lat}, {lon} outside Syria/Iraq/Lebanon/Jordan/Turkey")


def check_keys(item: dict, want: set[str], where: str, report: Report) -> None:
    if set(item) != want:
        report(where, f"keys differ: missing {sorted(want - set(item))}, extra {sorted(set(item) - want)}")


def check_doc(g: dict, text: str, report: Report) -> None:
    doc = g.get("doc")
    check_keys(g, DOC_KEYS, doc, report)
    check_date(g.get("published"), f"{doc} published", report)
    for i, c in enumerate(g.get("claims") or []):
        w = f"{doc} claim {i}"
        check_keys(c, CLAIM_KEYS, w, report)
        for field, vocab in (("kind", KINDS), ("side", SIDES), ("qualifier", QUALIFIERS),
                             ("status", STATUSES), ("source_affiliation", AFFILIATIONS)):
            if c.get(field) not in vocab:
                report(w, f"{field} {c.get(field)!r} not in FORMAT.md vocabulary")
        if not isinstance(c.get("count"), int) or c["count"] <= 0:
            report(w, f"count must be a positive integer, got {c.get('count')!r}")
        if c.get("source_affiliation") and not c.get("source"):
            report(w, "affiliation without a source")
        check_window(c, w, report)
        check_coords(c, w, report)
        check_evidence(c, text, w, report)
    for i, e in enumerate(g.get("events") or []):
        w = f"{doc} event {i}"
        check_keys(e, EVENT_KEYS, w, report)
        if e.get("type") not in EVENT_TYPES:
            report(w, f"type {e.get('type')!r} is not an ACLED sub-event type")
        for f in ("actor1_side", "actor2_side"):
            if e.get(f) is not None and e[f] not in SIDES:
                report(w, f"{f} {e[f]!r} not in side vocabulary")
        if e.get("fatalities") is not None and (not isinstance(e["fatalities"], int) or e["fatalities"] < 0):
            report(w, f"fatalities must be a non-negative integer or null")
        check_window(e, w, report)
        check_coords(e, w, report)
        check_evidence(e, text, w, report)
    for i, k in enumerate(g.get("control") or []):
        w = f"{doc} control {i}"
        check_keys(k, CONTROL_KEYS, w, report)
        if k.get("side") not in SIDES - {"civilians", "unknown"}:
            report(w, f"side {k.get('side')!r} cannot hold territory")
        if k.get("change") not in CHANGES:
            report(w, f"change {k.get('change')!r} not in {sorted(CHANGES)}")
        if k.get("status") not in STATUSES:
            report(w, f"status {k.get('status')!r} not in {sorted(STATUSES)}")
        check_window(k, w, report)
        check_coords(k, w, report)
    names = set()
    for i, p in enumerate(g.get("places") or []):
        w = f"{doc} place {i}"
        check_keys(p, PLACE_KEYS, w, report)
        if not p.get("name") or p["name"] not in text:
            report(w, f"place name {p.get('name')!r} does not occur in the article")
        if p.get("name") in names:
            report(w, f"place {p['name']!r} listed twice")
        names.add(p.get("name"))
        check_coords(p, w, report)
    for item in (g.get("claims") or []) + (g.get("events") or []) + (g.get("control") or []):
        if item.get("place") and item["place"] not in names:
            report(doc, f"place {item['place']!r} used by an item but missing from places")


def check_evidence(item: dict, text: str, where: str, report: Report) -> None:
    ev = item.get("evidence")
    if not ev or ev not in text:
        report(where, f"evidence not found verbatim in the article: {str(ev)[:60]!r}")


def words(text: str) -> list[str]:
    text = ARABIC_MARKS.sub("", text)
    return re.findall(r"[\w\u0600-\u06FF]+", text)


def check_seed_overlap(articles: list[dict], seeds: Path, run: int, report: Report) -> int:
    grams = set()
    for f in sorted(seeds.glob("*")):
        if f.is_file():
            w = words(f.read_text(encoding="utf-8", errors="replace"))
            grams.update(tuple(w[i:i + run]) for i in range(len(w) - run + 1))
    for a in articles:
        w = words(a.get("text", ""))
        for i in range(len(w) - run + 1):
            if tuple(w[i:i + run]) in grams:
                report(a.get("id"), f"{run}-word run shared with a seed: {' '.join(w[i:i + run])}")
                break
    return len(grams)


def word_range(v: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", v.strip())
    if not m or int(m.group(1)) > int(m.group(2)):
        raise argparse.ArgumentTypeError(f"want MIN-MAX, got {v!r}")
    return int(m.group(1)), int(m.group(2))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=HERE,
                    help="the evaluation set (default: this script's folder)")
    ap.add_argument("--words", type=word_range, default=(120, 350),
                    help="allowed article length in words (default 120-350)")
    ap.add_argument("--seeds", default="/work/shared/seeds")
    ap.add_argument("--run", type=int, default=8)
    a = ap.parse_args()
    for name in ("articles.jsonl", "gold.jsonl"):
        if not (a.folder / name).is_file():
            print(f"{a.folder / name}: no such file (build the set first)")
            return 1
    report = Report()
    articles = read_jsonl(a.folder / "articles.jsonl", report)
    gold = read_jsonl(a.folder / "gold.jsonl", report)
    by_id = {}
    for art in articles:
        if art.get("id") in by_id:
            report(str(art.get("id")), "duplicate article id")
        by_id[art.get("id")] = art
        extra = set(art) - {"id", "text", "published", "outlet", "url"}
        if extra or not art.get("text"):
            report(str(art.get("id")), f"article needs id and text only plus optional keys; extra {sorted(extra)}")
        check_date(art.get("published"), f"{art.get('id')} article published", report)
        n = len(re.findall(r"\S+", art.get("text", "")))
        lo, hi = a.words
        if not lo <= n <= hi:
            report(str(art.get("id")), f"{n} words, want {lo}-{hi}")
    seen = set()
    for g in gold:
        doc = g.get("doc")
        if doc in seen:
            report(str(doc), "duplicate gold line")
        seen.add(doc)
        if doc not in by_id:
            report(str(doc), "gold document has no article")
            continue
        check_doc(g, by_id[doc]["text"], report)
    for doc in set(by_id) - seen:
        report(str(doc), "article has no gold line")
    seeds = Path(a.seeds)
    note = "seed overlap not checked (no seeds folder)"
    if seeds.is_dir():
        n = check_seed_overlap(articles, seeds, a.run, report)
        note = f"no {a.run}-word run of {seeds} ({n} distinct runs) found" if not any(
            "run shared" in p for p in report.problems) else "seed overlap found"
    for p in report.problems:
        print(p)
    print(f"{len(articles)} articles, {len(gold)} gold lines, {len(report.problems)} problems; {note}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
