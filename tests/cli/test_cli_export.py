"""`rasad export --format acled|ucdp|geojson|eval|parquet -o FILE`."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasad.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reconcile.loader import corpus, store_all  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(store_url):
    from rasad.store import Store

    s = Store.open(store_url)
    store_all(s, corpus())
    s.close()
    assert runner.invoke(app, ["reconcile", "--db", store_url, "--quiet"]).exit_code == 0
    return store_url


@pytest.mark.parametrize("fmt,check", [
    ("acled", lambda p: len(next(csv.reader(p.open(encoding="utf-8")))) == 31),
    ("ucdp", lambda p: "deaths_civilians" in p.read_text(encoding="utf-8").splitlines()[0]),
    ("geojson", lambda p: json.loads(p.read_text(encoding="utf-8"))["type"] == "FeatureCollection"),
    ("parquet", lambda p: p.exists() and p.with_name("out.claims.parquet").exists()),
])
def test_export_formats(db, tmp_path, fmt, check):
    out = tmp_path / ("out.parquet" if fmt == "parquet" else f"out.{fmt}")
    r = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", db])
    assert r.exit_code == 0, r.output
    assert check(out) and "wrote" in r.stdout


def test_export_eval_uses_inferred_date(db, tmp_path):
    out = tmp_path / "eval.jsonl"
    r = runner.invoke(app, ["export", "--format", "eval", "-o", str(out), "--db", db])
    assert r.exit_code == 0, r.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 10
    text = json.dumps(lines, ensure_ascii=False)
    assert "2019-07-24" in text


def test_export_since_filter(db, tmp_path):
    out = tmp_path / "a.csv"
    r = runner.invoke(app, ["export", "-f", "acled", "-o", str(out), "--db", db, "--since", "2019-08-01"])
    assert r.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # the header only


def test_export_bad_folder(db, tmp_path):
    r = runner.invoke(app, ["export", "-f", "acled", "-o", str(tmp_path / "no" / "x.csv"), "--db", db])
    assert r.exit_code == 1 and "does not exist" in " ".join(r.output.split())


def test_rasad_runs_without_the_parquet_extra_and_says_how_to_get_it(tmp_path):
    """pyarrow is optional (rasad[parquet]): with it missing every command but the Parquet export works,
    and that one fails with the install command instead of a traceback."""
    import subprocess

    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from rasad.cli import main; sys.argv[0] = 'rasad'; sys.exit(main())\n"
    )
    db = f"sqlite:///{tmp_path / 'r.db'}"
    ok = subprocess.run([sys.executable, "-c", script, "stats", "--db", db, "--json"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    out = subprocess.run([sys.executable, "-c", script, "export", "--format", "parquet", "-o",
                          str(tmp_path / "x.parquet"), "--db", db], capture_output=True, text=True)
    assert out.returncode == 1
    assert "pip install 'rasad[parquet]'" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "x.parquet").exists()
