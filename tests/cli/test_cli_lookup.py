"""`rasad lookup place|actor`: tables, JSON, errors, knowledge layering."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rasad.cli import app
from rasad.model import Candidate, Place

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, ["lookup", *args], env=env)


@pytest.mark.parametrize("name,expected_id,side", [
    ("لقوات النظام", "syrian_army", "government"),
    ("وعناصر داعش", "isis", "isis"),
    ("قوات قسد", "sdf", "sdf"),
    ("Hayat Tahrir al Sham", "hts", "opposition"),
])
def test_actor_json(name, expected_id, side):
    r = run("actor", name, "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows[0]["id"] == expected_id and rows[0]["side"] == side
    assert {"name", "side", "acled_name", "inter", "score"} <= set(rows[0])


def test_actor_table():
    r = run("actor", "التنظيم")
    assert r.exit_code == 0
    assert "generic" in r.stdout and "isis" in r.stdout and "التنظيم" in r.stdout


def test_actor_limit():
    rows = json.loads(run("actor", "Military Forces of Syria (2000-)", "--json", "--limit", "2").stdout)
    assert len(rows) == 2


def test_actor_no_match_exits_1():
    r = run("actor", "كلمات لا تعني أحدا")
    assert r.exit_code == 1
    assert "no actor matches" in r.output


def _user_dir(tmp_path):
    d = tmp_path / "k"
    d.mkdir()
    (d / "actors.yaml").write_text(
        "actors:\n  - {id: test_band, name: سرية الاختبار الجبلية, name_en: Test Band, acled_name: Test Band,"
        " inter: 3, side: opposition}\n", encoding="utf-8")
    return d


def test_knowledge_option_layers_a_user_folder(tmp_path):
    d = _user_dir(tmp_path)
    assert run("actor", "سرية الاختبار الجبلية").exit_code == 1
    r = run("actor", "سرية الاختبار الجبلية", "--json", "--knowledge", str(d))
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["id"] == "test_band"


def test_knowledge_env(tmp_path):
    d = _user_dir(tmp_path)
    r = run("actor", "لسرية الاختبار الجبلية", "--json", env={"RASAD_KNOWLEDGE": str(d)})
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["id"] == "test_band"


def test_broken_user_folder_is_a_clear_error(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "actors.yaml").write_text("actors:\n  - {id: x, name: س ص, name_en: X, acled_name: X, inter: 2, side: martians}\n",
                                   encoding="utf-8")
    r = run("actor", "داعش", "--knowledge", str(d))
    assert r.exit_code == 1 and "unknown side" in r.output


class FakeGazetteer:
    """Stands in for the places engineer's Gazetteer: records the call, returns fixed candidates."""

    def __init__(self):
        self.calls = []
        self.places = {
            "dam": Place("dam", "دمشق", 33.51, 36.29, "governorate", "SY"),
            "yar": Place("yar", "مخيم اليرموك", 33.47, 36.30, "neighbourhood", "SY", parent="dam"),
            "yar2": Place("yar2", "اليرموك", 32.70, 35.90, "town", "JO"),
        }

    def get(self, pid):
        return self.places.get(pid)

    def lookup(self, name, near=None, limit=10):
        self.calls.append((name, near, limit))
        if "اليرموك" not in name:
            return []
        return [Candidate(self.places["yar"], 1.0, "مخيم اليرموك", 3.2 if near else None),
                Candidate(self.places["yar2"], 0.9, "اليرموك", 90.0 if near else None)][:limit]


class FakeKB:
    def __init__(self):
        self.gazetteer = FakeGazetteer()


@pytest.fixture
def fake_kb(monkeypatch):
    kb = FakeKB()
    monkeypatch.setattr("rasad.knowledge.load", lambda settings=None: kb)
    return kb


def test_place_json(fake_kb):
    r = run("place", "مخيم اليرموك", "--near", "33.5,36.3", "--limit", "5", "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [x["id"] for x in rows] == ["yar", "yar2"]
    assert rows[0]["parent"] == "دمشق" and rows[0]["country"] == "SY" and rows[0]["level"] == "neighbourhood"
    assert rows[0]["lat"] == 33.47 and rows[0]["distance_km"] == 3.2
    assert fake_kb.gazetteer.calls == [("مخيم اليرموك", (33.5, 36.3), 5)]


def test_place_table(fake_kb):
    r = run("place", "اليرموك")
    assert r.exit_code == 0 and "yar2" in r.stdout and "دمشق" in r.stdout and "JO" in r.stdout


@pytest.mark.parametrize("near", ["33.5", "north,east", "95,36", "1,2,3"])
def test_place_bad_near(fake_kb, near):
    r = run("place", "اليرموك", "--near", near)
    assert r.exit_code == 2 and "--near" in r.output


def test_place_no_match(fake_kb):
    r = run("place", "أتلانتس")
    assert r.exit_code == 1 and "no place matches" in r.output
