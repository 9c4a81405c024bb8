"""`rasad reconcile`, `events`, `claims`, `estimates`, `contradictions`, `series`: tables, JSON, filters."""
from __future__ import annotations

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
    return store_url


def run(db, *args):
    return runner.invoke(app, [*args, "--db", db])


def reconciled(db) -> str:
    r = run(db, "reconcile", "--json")
    assert r.exit_code == 0, r.output
    return db


def test_reconcile_json(db):
    r = run(db, "reconcile", "--json")
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["claims"] == 18 and rep["groups"] == 6 and rep["events"] == 2 and rep["inferred_dates"] == 1
    again = json.loads(run(db, "reconcile", "--json", "--doc", "c05_sohr_update").stdout)
    assert again["incremental"] is True and again["changes"] == {}


def test_reconcile_table(db):
    r = run(db, "reconcile")
    assert r.exit_code == 0 and "groups" in r.stdout and "group_new 6" in r.stdout


@pytest.mark.parametrize("args,total", [
    (["events"], 2),
    (["events", "--side", "opposition"], 1),
    (["events", "--kind", "Air/drone strike"], 1),
    (["events", "--place", "sy.gov.hama"], 1),
    (["events", "--since", "2019-07-26"], 0),
    (["claims"], 18),
    (["claims", "--grade", "discounted"], 1),
    (["claims", "--source", "sohr", "--kind", "killed"], 7),
    (["estimates", "--side", "government"], 1),
    (["estimates", "--totals"], 2),
    (["estimates", "--incidents", "--kind", "killed"], 3),
    (["contradictions"], 8),  # 5 between claims, 3 denials of the strike
    (["contradictions", "--side", "government"], 5),
    (["contradictions", "--side", "opposition", "--kind", "killed"], 1),
    (["claims", "--limit", "3"], 18),
])
def test_json_filters(db, args, total):
    reconciled(db)
    r = run(db, *args, "--json")
    assert r.exit_code == 0, r.output
    page = json.loads(r.stdout)
    assert page["total"] == total
    if "--limit" in args:
        assert len(page["items"]) == 3


@pytest.mark.parametrize("cmd,expect", [
    ("events", "events (2 of 2)"), ("claims", "claims (18 of 18)"), ("estimates", "estimates (6 of 6)"),
    ("contradictions", "contradictions (8 of 8)"), ("series", "series"),
])
def test_tables(db, cmd, expect):
    reconciled(db)
    r = run(db, cmd)
    assert r.exit_code == 0, r.output
    assert expect in r.stdout


def test_bad_date(db):
    r = run(db, "events", "--since", "yesterday")
    assert r.exit_code == 1 and "YYYY-MM-DD" in " ".join(r.output.split())


def test_series_json(db):
    reconciled(db)
    rows = json.loads(run(db, "series", "--side", "civilians", "--json").stdout)
    assert any([p["count"] for p in s["points"]] == [450, 470, 470] for s in rows)
