"""`rasad extract`: one JSON line per input document, in the evaluation or the full format."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from rasad.cli import app

runner = CliRunner()
ARTICLE = ("قال المرصد السوري لحقوق الإنسان إن 12 عنصراً من قوات النظام قتلوا في اشتباكات مع فصائل المعارضة "
           "في بلدة كفرنبودة بريف حماة الشمالي، يوم أمس الأربعاء، فيما أصيب سبعة مدنيين بجروح جراء القصف.")


def _write(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": ARTICLE, "published": "2019-05-23", "outlet": "عنب بلدي"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    return src


def test_eval_format(tmp_path):
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["extract", str(_write(tmp_path)), "--format", "eval", "-o", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert set(line) == {"doc", "outlet", "published", "claims", "events", "control", "places"}
    assert line["doc"] == "a1" and line["outlet"] == "عنب بلدي" and line["published"] == "2019-05-23"
    claims = {(c["kind"], c["side"], c["count"]) for c in line["claims"]}
    assert ("killed", "government", 12) in claims and ("wounded", "civilians", 7) in claims
    killed = next(c for c in line["claims"] if c["count"] == 12)
    assert killed["source"] and killed["source_affiliation"] == "independent"
    assert killed["date_end"] == "2019-05-22" and killed["evidence"] in ARTICLE
    assert any(p["name"] == "كفرنبودة" and p["lat"] for p in line["places"])
    assert any(e["type"] == "Armed clash" for e in line["events"])


def test_json_format_carries_offsets(tmp_path):
    r = runner.invoke(app, ["extract", str(_write(tmp_path)), "--format", "json"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.stdout.splitlines()[-1])
    for c in rec["claims"]:
        assert ARTICLE[c["start"]:c["end"]] in ARTICLE and c["evidence_start"] <= c["start"] < c["evidence_end"]
    assert rec["mentions"] and all(ARTICLE[m["start"]:m["end"]] == m["text"] for m in rec["mentions"])


def test_unreadable_input_is_reported_and_the_rest_goes_on(tmp_path):
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["extract", str(_write(tmp_path)), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert r.exit_code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
