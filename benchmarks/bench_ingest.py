"""Ingestion benchmark: generated articles into SQLite, as plain text and as HTML pages.

    python benchmarks/bench_ingest.py [--n 10000] [--html-n 10000] [--check]

- plain text: N `.txt` articles of ~600 words → `rasad.pipeline.ingest` into a
  fresh SQLite file; articles/s, peak RSS, and RSS growth per 1,000 articles
  over the second half of the run (flat memory means ≈0).
- HTML: N pages of 50–100 KB (navigation, sidebars, scripts, comments); the
  same pages through `trafilatura.extract` alone (the floor), then through
  rasad's ingestion; the ratio of the two total times.

Each phase runs in its own process so peak memory is its own. `--check`
exits 1 when a result falls below the floors in benchmarks/baseline.json
(the regression check). Run on one core: the pipeline is single-threaded.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_corpus(folder: Path, n: int, kind: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        if kind == "text":
            (folder / f"a{i:06d}.txt").write_text(synth.text_file(i), encoding="utf-8")
        else:
            (folder / f"p{i:06d}.html").write_text(synth.html_page(i), encoding="utf-8")


def run_ingest(folder: Path, n: int) -> dict:
    from rasad import pipeline
    from rasad.settings import Settings
    from rasad.store import Store

    db = folder.parent / f"{folder.name}.db"
    settings = Settings(db=f"sqlite:///{db}")
    store = Store.open(settings.db)
    samples: list[tuple[int, float]] = []
    done = 0

    def tick(advance: int, total, label: str) -> None:
        nonlocal done
        done += advance
        if advance and done % 500 == 0:
            samples.append((done, rss_mb()))

    t = time.perf_counter()
    report = pipeline.ingest([str(folder)], store, settings, progress=tick, extract=False, reconcile=False)
    secs = time.perf_counter() - t
    store.close()
    half = [s for s in samples if s[0] >= n // 2]
    growth = ((half[-1][1] - half[0][1]) / ((half[-1][0] - half[0][0]) / 1000)
              if len(half) >= 2 and half[-1][0] > half[0][0] else None)
    return {"articles": n, "stored": len(report.stored), "failed": len(report.problems), "seconds": round(secs, 2),
            "articles_per_s": round(n / secs, 1), "peak_rss_mb": round(peak_mb(), 1),
            "rss_growth_mb_per_1000": round(growth, 2) if growth is not None else None}


def run_trafilatura(folder: Path) -> dict:
    import trafilatura

    files = sorted(folder.glob("*.html"))
    t = time.perf_counter()
    for f in files:
        trafilatura.extract(f.read_text(encoding="utf-8"))
    secs = time.perf_counter() - t
    return {"pages": len(files), "seconds": round(secs, 2), "ms_per_page": round(secs / len(files) * 1000, 2)}


def phase(name: str, folder: Path, n: int) -> dict:
    if name == "text":
        return run_ingest(folder, n)
    if name == "html-trafilatura":
        return run_trafilatura(folder)
    if name == "html-rasad":
        r = run_ingest(folder, n)
        r["ms_per_page"] = round(r["seconds"] / n * 1000, 2)
        return r
    raise SystemExit(f"unknown phase {name}")


def in_subprocess(name: str, folder: Path, n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", name, "--folder", str(folder), "--n", str(n)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="plain-text articles")
    ap.add_argument("--html-n", type=int, default=10_000, help="HTML pages")
    ap.add_argument("--check", action="store_true", help="exit 1 below the floors in baseline.json")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        print(json.dumps(phase(a.phase, Path(a.folder), a.n)))
        return 0
    results: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory(prefix="rasad-bench-") as tmp:
        tmp = Path(tmp)
        if a.n:
            write_corpus(tmp / "text", a.n, "text")
            results["text"] = in_subprocess("text", tmp / "text", a.n)
            print("plain text:", results["text"], flush=True)
        if a.html_n:
            write_corpus(tmp / "html", a.html_n, "html")
            size = sum(f.stat().st_size for f in (tmp / "html").glob("*.html")) / a.html_n / 1024
            base = in_subprocess("html-trafilatura", tmp / "html", a.html_n)
            ours = in_subprocess("html-rasad", tmp / "html", a.html_n)
            results["html"] = {"mean_page_kb": round(size, 1), "trafilatura": base, "rasad": ours,
                               "ratio": round(ours["seconds"] / base["seconds"], 3)}
            print("html:", results["html"], flush=True)
    print(json.dumps(results, ensure_ascii=False, indent=1))
    if a.check:
        floors = json.loads((HERE / "baseline.json").read_text())
        bad = []
        if "text" in results and results["text"]["articles_per_s"] < floors["ingest_text_articles_per_s"]:
            bad.append(f"plain text {results['text']['articles_per_s']}/s < {floors['ingest_text_articles_per_s']}")
        if "html" in results and results["html"]["ratio"] > floors["ingest_html_max_ratio"]:
            bad.append(f"HTML ratio {results['html']['ratio']} > {floors['ingest_html_max_ratio']}")
        for b in bad:
            print("REGRESSION:", b, file=sys.stderr)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
