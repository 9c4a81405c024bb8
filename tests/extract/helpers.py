"""What the rule tests read off one made-up report: `extract` on a Document of the text, published
on PUB unless told otherwise, and the events, types and control statements it gives."""
from __future__ import annotations

from datetime import date

from rasad.extract import extract
from rasad.model import Document, Extraction

PUB = date(2018, 6, 10)


def run(kb, text: str, published: date | None = PUB) -> Extraction:
    return extract(Document(id="t", text=text, published=published), kb)


def events(kb, text: str, published: date | None = PUB) -> set[tuple[str, str | None]]:
    """(ACLED sub-event type, place name) of each event."""
    return {(e.type, e.place) for e in run(kb, text, published).events}


def types(kb, text: str) -> set[str]:
    return {t for t, _ in events(kb, text)}


def control(kb, text: str) -> set[tuple[str, str, str]]:
    """(place, side, change) of each control statement."""
    return {(c.place, c.side, c.change) for c in run(kb, text).control}


def gains(kb, text: str, published: date | None = PUB) -> set[tuple[str, str]]:
    """(place, side) of each place a side gained."""
    return {(c.place, c.side) for c in run(kb, text, published).control if c.change == "gained"}


def sample_docs(synthetic: int, per_eval_set: int | None) -> list:
    """Documents to hold a fast path to its reference on: the first `synthetic` generated benchmark
    articles (benchmarks/synth.py) and the first `per_eval_set` articles (None: all) of eval/own and
    eval/heldout, dated 2020-01-01."""
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "benchmarks"))
    import synth

    docs = []
    for i in range(synthetic):
        title, body, published = synth.article(i)
        docs.append(Document(id=f"s{i}", text=f"{title}\n{body}", published=published))
    for f in ("eval/own/articles.jsonl", "eval/heldout/articles.jsonl"):
        path = root / f
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines()[:per_eval_set]:
                r = json.loads(line)
                docs.append(Document(id=r.get("id", "x"), text=r["text"], published=date(2020, 1, 1)))
    return docs
