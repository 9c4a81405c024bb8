"""Self-check for the bundled example corpus (examples/corpus/).

What it checks, and why:
- every corpus file is strict UTF-8 (ingest must never see mojibake from us);
- HTML pages parse (stdlib html.parser and, if installed, lxml) and carry the
  metadata an extractor relies on: <title>, og:site_name, an <article> with <p>;
- the JSONL feed has exactly the fields {"id","text","url","published","outlet"};
- MANIFEST.json lists every file and nothing else, exact copies are
  byte-identical and near-duplicates really are near (shingle overlap);
- each article body is 250-700 words;
- no 8-word run is shared with the seed articles (the seeds must never be
  copied into the repository; the commit hook rejects 12-word runs).

Usage: python examples/corpus/check_corpus.py [SEEDS_DIR]
(default SEEDS_DIR: /work/shared/seeds; the seed check is skipped if absent).
Exit status 0 when everything passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOT_CORPUS = {"README.md", "MANIFEST.json", "check_corpus.py"}
JSONL_KEYS = {"id", "text", "url", "published", "outlet"}
RUN = 8  # words per run compared against the seeds
MIN_WORDS, MAX_WORDS = 250, 700

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_WORD = re.compile(r"[^\w\s]|_")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def words(text: str) -> list[str]:
    """Light Arabic folding (diacritics, alef/ya/ta-marbuta forms, punctuation) then split."""
    text = _DIACRITICS.sub("", text).translate(_FOLD)
    return _NON_WORD.sub(" ", text).split()


def runs(ws: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


class _ArticleText(HTMLParser):
    """Collects <title>, og:site_name and the text of <p> inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.site_name = None
        self.published = None
        self.paragraphs: list[str] = []
        self._in_title = self._in_article = self._in_p = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and a.get("property") == "og:site_name":
            self.site_name = a.get("content")
        elif tag == "meta" and a.get("property") == "article:published_time":
            self.published = a.get("content")
        elif tag == "article":
            self._in_article = True
        elif tag == "p" and self._in_article:
            self._in_p = True
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._in_article = False
        elif tag == "p":
            self._in_p = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._in_p:
            self.paragraphs[-1] += data


def article_texts(path: Path, errors: list[str]) -> list[tuple[str, str]]:
    """Return (label, body text) for each article in a corpus file."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        errors.append(f"{path.name}: not UTF-8 ({exc})")
        return []
    if path.suffix == ".html":
        parser = _ArticleText()
        parser.feed(text)
        parser.close()
        if not parser.title.strip() or not parser.site_name or not parser.paragraphs:
            errors.append(f"{path.name}: missing <title>, og:site_name or <article><p>")
        n_lines = text.count("\n")
        if not 50 <= n_lines <= 150:
            errors.append(f"{path.name}: {n_lines} lines, expected 50-150")
        try:
            import lxml.html  # optional second parser

            lxml.html.document_fromstring(raw)
        except ImportError:
            pass
        except Exception as exc:  # noqa: BLE001 - report any parse failure
            errors.append(f"{path.name}: lxml cannot parse ({exc})")
        return [(path.name, "\n".join(parser.paragraphs))]
    if path.suffix == ".jsonl":
        out = []
        for i, line in enumerate(text.splitlines(), 1):
            rec = json.loads(line)
            if set(rec) != JSONL_KEYS:
                errors.append(f"{path.name}:{i}: keys {sorted(rec)}")
            out.append((f"{path.name}#{rec.get('id')}", rec.get("text", "")))
        return out
    return [(path.name, text)]


def main(argv: list[str]) -> int:
    seeds_dir = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/seeds")
    errors: list[str] = []
    files = sorted(p for p in HERE.iterdir() if p.is_file() and p.name not in NOT_CORPUS)
    manifest = json.loads((HERE / "MANIFEST.json").read_text(encoding="utf-8"))
    by_name = {e["file"]: e for e in manifest}
    if set(by_name) != {p.name for p in files}:
        errors.append(f"MANIFEST mismatch: {set(by_name) ^ {p.name for p in files}}")

    bodies: dict[str, str] = {}
    for path in files:
        for label, body in article_texts(path, errors):
            bodies[label] = body
            n = len(body.split())
            if not MIN_WORDS <= n <= MAX_WORDS:
                errors.append(f"{label}: {n} words, expected {MIN_WORDS}-{MAX_WORDS}")

    for e in manifest:
        src = e.get("near_duplicate_of")
        if not src:
            continue
        if src not in bodies or e["file"] not in bodies:
            errors.append(f"{e['file']}: near_duplicate_of unknown file {src}")
            continue
        if e.get("exact_duplicate"):
            if (HERE / src).read_bytes() != (HERE / e["file"]).read_bytes():
                errors.append(f"{e['file']}: marked exact copy of {src} but differs")
            continue
        a, b = runs(words(bodies[src]), 5), runs(words(bodies[e["file"]]), 5)
        overlap = len(a & b) / max(1, min(len(a), len(b)))
        print(f"near-duplicate {e['file']} ~ {src}: 5-shingle overlap {overlap:.2f}")
        if not 0.5 <= overlap < 1.0 or bodies[src] == bodies[e["file"]]:
            errors.append(f"{e['file']}: overlap {overlap:.2f} with {src} is not 'near'")

    if seeds_dir.is_dir():
        seed_runs: set[tuple[str, ...]] = set()
        for seed in sorted(seeds_dir.iterdir()):
            seed_runs |= runs(words(seed.read_text(encoding="utf-8", errors="replace")))
        shared_total = 0
        whole_files = {f"{p.name} (whole file)": p.read_text(encoding="utf-8") for p in files}
        for label, body in {**bodies, **whole_files}.items():
            shared = runs(words(body)) & seed_runs
            shared_total += len(shared)
            for s in sorted(shared)[:3]:
                errors.append(f"{label}: shares an {RUN}-word run with the seeds: {' '.join(s)}")
        print(f"seed check: {len(bodies)} articles + {len(files)} whole files vs {len(seed_runs)} seed {RUN}-word runs, "
              f"{shared_total} shared")
    else:
        print(f"seed check skipped: {seeds_dir} not found")

    total_words = sum(len(b.split()) for b in bodies.values())
    print(f"{len(files)} files, {len(bodies)} articles, {total_words} words")
    for err in errors:
        print("FAIL", err)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
