#!/usr/bin/env python3
"""Compile the hand-written annotation sources into articles.jsonl and gold.jsonl.

    python3 eval/own/build.py [FOLDER] [--words MIN-MAX]

FOLDER is an evaluation set laid out like eval/own (the default): FOLDER/src/
holds batch_*.txt and gazetteer.tsv, and the two JSONL files are written to
FOLDER.  --words sets the article length that draws a warning when missed
(default 120-350, eval/own's range).

Why a compiler: the gold format repeats each evidence sentence and each place's
coordinates many times. Writing them by hand invites copy errors, so the sources
(src/batch_*.txt) name a place once (coordinates come from src/gazetteer.tsv)
and point at evidence with a short key that must occur in exactly one sentence;
this script expands both, resolves relative dates against the publication date,
and fails loudly on anything it cannot resolve.  Standard library only.

Source syntax, one block per article:

    @@ own_001
    published: 2016-11-28          (optional; omitted = no date in metadata)
    outlet: عنب بلدي               (optional)
    url: https://...                (optional)
    text:
    ...article paragraphs...
    gold:
    published: 2016-11-28          (optional override of the gold date)
    outlet: عنب بلدي               (optional override of the gold outlet)
    C kind side count qualifier status | source | affiliation | START..END | place | key
    E type | START..END | place | actor1 actor2 | fatalities | key
    K place | side change status | START..END
    P place; place; ...

`-` stands for null.  START/END are ISO dates, `D` (the gold publication
date) or `D-n`.  `key` is a substring of the evidence sentence.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+|\n+")


def load_gazetteer(src: Path) -> dict[str, tuple[float | None, float | None]]:
    """Place name -> (lat, lon); `-` marks a place that cannot be located."""
    gaz: dict[str, tuple[float | None, float | None]] = {}
    for n, line in enumerate((src / "gazetteer.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, lat, lon = (x.strip() for x in line.split("\t")[:3])
        if name in gaz:
            sys.exit(f"gazetteer.tsv:{n}: duplicate {name}")
        gaz[name] = (None, None) if lat == "-" else (float(lat), float(lon))
    return gaz


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


class Block:
    def __init__(self, doc: str, where: str):
        self.doc, self.where = doc, where
        self.meta: dict[str, str] = {}
        self.gold_meta: dict[str, str] = {}
        self.text_lines: list[str] = []
        self.gold_lines: list[tuple[int, str]] = []

    def fail(self, n: int, msg: str) -> None:
        sys.exit(f"{self.where}:{n}: {self.doc}: {msg}")


def parse(path: Path) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    mode = "meta"
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("@@ "):
            cur = Block(line[3:].strip(), path.name)
            blocks.append(cur)
            mode = "meta"
            continue
        if cur is None:
            if line.strip() and not line.startswith("#"):
                sys.exit(f"{path.name}:{n}: text before the first @@ block")
            continue
        if line == "text:":
            mode = "text"
        elif line == "gold:":
            mode = "gold"
        elif mode == "meta":
            if line.strip():
                k, _, v = line.partition(":")
                cur.meta[k.strip()] = v.strip()
        elif mode == "text":
            cur.text_lines.append(line)
        else:
            if not line.strip():
                continue
            if re.match(r"^(published|outlet):", line):
                k, _, v = line.partition(":")
                cur.gold_meta[k.strip()] = v.strip()
            else:
                cur.gold_lines.append((n, line))
    return blocks


def nul(v: str) -> str | None:
    v = v.strip()
    return None if v in ("", "-") else v


def resolve_date(b: Block, n: int, v: str, pub: str | None) -> str | None:
    v = v.strip()
    if v in ("", "-"):
        return None
    m = re.fullmatch(r"D(?:-(\d+))?", v)
    if m:
        if not pub:
            b.fail(n, f"relative date {v} without a publication date")
        return (date.fromisoformat(pub) - timedelta(days=int(m.group(1) or 0))).isoformat()
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        b.fail(n, f"bad date {v!r}")
    return None


def window(b: Block, n: int, v: str, pub: str | None) -> tuple[str | None, str | None]:
    if v.strip() in ("", "-"):
        return None, None
    if ".." not in v:
        b.fail(n, f"window must be START..END, got {v!r}")
    s, e = v.split("..")
    ds, de = resolve_date(b, n, s, pub), resolve_date(b, n, e, pub)
    if ds and de and ds > de:
        b.fail(n, f"window starts after it ends: {v}")
    return ds, de


def evidence(b: Block, n: int, sents: list[str], key: str) -> str:
    hits = [s for s in sents if key.strip() in s]
    if len(set(hits)) != 1:
        b.fail(n, f"evidence key {key!r} matches {len(set(hits))} sentences")
    return hits[0]


def place(b: Block, n: int, gaz: dict, name: str | None, text: str) -> tuple[str | None, float | None, float | None]:
    if name is None:
        return None, None, None
    if name not in gaz:
        b.fail(n, f"place {name!r} not in gazetteer.tsv")
    if name not in text:
        b.fail(n, f"place {name!r} not named in the article")
    return (name, *gaz[name])


def compile_block(b: Block, gaz: dict, length: tuple[int, int] = (120, 350)) -> tuple[dict, dict]:
    text = "\n".join(b.text_lines).strip()
    sents = sentences(text)
    article = {"id": b.doc, "text": text}
    for k in ("published", "outlet", "url"):
        if b.meta.get(k):
            article[k] = b.meta[k]
    pub = b.gold_meta.get("published", b.meta.get("published"))
    pub = nul(pub) if pub is not None else None
    outlet = b.gold_meta.get("outlet", b.meta.get("outlet"))
    outlet = nul(outlet) if outlet is not None else None
    gold = {"doc": b.doc, "outlet": outlet, "published": pub,
            "claims": [], "events": [], "control": [], "places": []}
    seen_places: set[str] = set()
    for n, line in b.gold_lines:
        tag, body = line[:1], line[2:]
        f = [x.strip() for x in body.split("|")]
        if tag == "C":
            if len(f) != 6:
                b.fail(n, "claim needs 6 |-fields")
            head = f[0].split()
            if len(head) != 5:
                b.fail(n, "claim head is: kind side count qualifier status")
            kind, side, count, qual, status = head
            ds, de = window(b, n, f[3], pub)
            pl, lat, lon = place(b, n, gaz, nul(f[4]), text)
            gold["claims"].append({
                "kind": kind, "side": side, "count": int(count), "qualifier": qual,
                "status": status, "source": nul(f[1]), "source_affiliation": nul(f[2]),
                "date_start": ds, "date_end": de, "place": pl, "lat": lat, "lon": lon,
                "evidence": evidence(b, n, sents, f[5])})
            if nul(f[1]) and nul(f[1]) not in text:
                b.fail(n, f"source {f[1]!r} not in the article")
        elif tag == "E":
            if len(f) != 6:
                b.fail(n, "event needs 6 |-fields")
            ds, de = window(b, n, f[1], pub)
            pl, lat, lon = place(b, n, gaz, nul(f[2]), text)
            a1, a2 = (f[3].split() + ["-"])[:2]
            gold["events"].append({
                "type": f[0], "date_start": ds, "date_end": de, "place": pl, "lat": lat, "lon": lon,
                "actor1_side": nul(a1), "actor2_side": nul(a2),
                "fatalities": int(f[4]) if nul(f[4]) else None,
                "evidence": evidence(b, n, sents, f[5])})
        elif tag == "K":
            if len(f) != 3:
                b.fail(n, "control needs 3 |-fields")
            pl, lat, lon = place(b, n, gaz, nul(f[0]), text)
            side, change, status = f[1].split()
            ds, de = window(b, n, f[2], pub)
            gold["control"].append({"place": pl, "lat": lat, "lon": lon, "side": side,
                                    "change": change, "date_start": ds, "date_end": de,
                                    "status": status})
        elif tag == "P":
            for name in (x.strip() for x in body.split(";")):
                if not name:
                    continue
                if name in seen_places:
                    b.fail(n, f"place {name!r} listed twice")
                seen_places.add(name)
                pl, lat, lon = place(b, n, gaz, name, text)
                gold["places"].append({"name": pl, "lat": lat, "lon": lon})
        else:
            b.fail(n, f"unknown line tag {tag!r}")
    for item in gold["claims"] + gold["events"] + gold["control"]:
        if item.get("place") and item["place"] not in seen_places:
            sys.exit(f"{b.doc}: place {item['place']!r} used but missing from the P list")
    words = len(re.findall(r"\S+", text))
    if not length[0] <= words <= length[1]:
        print(f"warning: {b.doc} has {words} words (want {length[0]}-{length[1]})", file=sys.stderr)
    return article, gold


def word_range(v: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", v.strip())
    if not m or int(m.group(1)) > int(m.group(2)):
        raise argparse.ArgumentTypeError(f"want MIN-MAX, got {v!r}")
    return int(m.group(1)), int(m.group(2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=HERE,
                    help="the evaluation set (default: this script's folder)")
    ap.add_argument("--words", type=word_range, default=(120, 350),
                    help="article length in words that draws no warning (default 120-350)")
    a = ap.parse_args()
    out, src = a.folder, a.folder / "src"
    if not (src / "gazetteer.tsv").is_file():
        sys.exit(f"{src}: no gazetteer.tsv")
    gaz = load_gazetteer(src)
    blocks = [b for p in sorted(src.glob("batch_*.txt")) for b in parse(p)]
    ids = [b.doc for b in blocks]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate article ids")
    if not blocks:
        sys.exit(f"{src}: no batch_*.txt with an @@ block")
    pairs = [compile_block(b, gaz, a.words) for b in blocks]
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fa, \
            open(out / "gold.jsonl", "w", encoding="utf-8") as fg:
        for art, gold in pairs:
            fa.write(json.dumps(art, ensure_ascii=False) + "\n")
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} articles compiled")


if __name__ == "__main__":
    main()
