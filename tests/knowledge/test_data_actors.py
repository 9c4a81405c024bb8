"""The shipped actors, events, sources and clitics files: schema, coverage and consistency."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from rasad.arabic.normalize import norm
from rasad.knowledge.actors import KINDS, load_actors, validate
from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.vocab import CLAIM_KINDS, CUE_KINDS, MODALITIES, ROLES, SOURCE_TYPES, load_vocabulary
from rasad.model import SIDES

OWN_FILES = ("actors.yaml", "events.yaml", "sources.yaml", "clitics.yaml")


def _load(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def actors():
    return load_actors([DATA_DIR])


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary([DATA_DIR])


def test_actor_entries_schema():
    rows = _load("actors.yaml")["actors"]
    assert len(rows) >= 90
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in rows:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", r["id"]), r["id"]
        assert re.search(r"[\u0600-\u06ff]", r["name"]), r["id"]
        assert r["name_en"] and r["acled_name"]
        assert r["side"] in SIDES and r["side"] != "unknown"
        assert isinstance(r["inter"], int) and 1 <= r["inter"] <= 8
        assert r.get("kind", "armed") in KINDS
        assert all(re.search(r"[\u0600-\u06ff]", a) for a in r.get("aliases") or []), r["id"]
        if r.get("country"):
            assert re.fullmatch(r"[A-Z]{2}", r["country"])


def test_actor_consistency(actors):
    assert validate(actors, _load("actors.yaml")["inter_by_side"]) == []


@pytest.mark.parametrize("acled_name", [
    "Military Forces of Syria (2000-)", "Islamic State (Syria)", "Islamic State (Iraq)", "Hayat Tahrir al Sham",
    "QSD: Syrian Democratic Forces", "YPG: Peoples Protection Units", "NDF: National Defence Forces", "Hezbollah",
    "Military Forces of Russia (2000-)", "Military Forces of Turkey (2016-)", "Military Forces of Iraq (2014-)",
    "PMF: Popular Mobilization Forces", "Operation Inherent Resolve", "Civilians (Syria)", "Jaish al Islam",
    "Ahrar al Sham", "Faylaq al Rahman", "NLF: National Liberation Front", "SNA: Syrian National Army",
    "Free Syrian Army", "Unidentified Armed Group (Syria)",
])
def test_acled_names_present(actors, acled_name):
    assert any(a.acled_name == acled_name for a in actors)


@pytest.mark.parametrize("alias,side", [
    ("داعش", "isis"), ("تنظيم الدولة", "isis"), ("ولاية دمشق", "isis"), ("الدواعش", "isis"), ("التنظيم", "isis"),
    ("قوات الأسد", "government"), ("الفرقة الرابعة", "government"), ("لواء القدس", "government"),
    ("حزب الله", "government"), ("لواء فاطميون", "government"), ("الطيران الروسي", "government"),
    ("هيئة تحرير الشام", "opposition"), ("جبهة النصرة", "opposition"), ("الجيش الحر", "opposition"),
    ("جيش الإسلام", "opposition"), ("أكناف بيت المقدس", "opposition"), ("قسد", "sdf"), ("الأسايش", "sdf"),
    ("التحالف الدولي", "coalition"), ("الجيش التركي", "turkey"), ("الحشد الشعبي", "government"),
    ("عصائب أهل الحق", "government"), ("البيشمركة", "government"), ("الأهالي", "civilians"), ("النازحون", "civilians"),
])
def test_brief_aliases_resolve(actors, alias, side):
    cands = actors.lookup(alias)
    assert cands and cands[0].score == 1.0 and cands[0].entry.side == side


@pytest.mark.parametrize("alias", ["النظام", "التنظيم", "الفصائل", "الأهالي", "الحكومة", "الجيش"])
def test_generic_references_are_marked(actors, alias):
    assert actors.lookup(alias)[0].entry.generic


def test_events_schema():
    data = _load("events.yaml")
    subs = [s for v in data["families"].values() for s in v]
    assert len(subs) == len(set(subs)) == 25
    assert set(data["families"]) == {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                     "Protests", "Riots", "Strategic developments"}
    covered = set()
    for t in data["triggers"]:
        s = t["sub_event"]
        covered |= set(s if isinstance(s, list) else [s])
        assert set(t) <= {"lemma", "sub_event", "nouns", "verbs", "forms", "phrases"}
        for pair in t.get("verbs") or []:
            assert len(pair) == 2 and norm(pair[1])[0] in "يتنا", pair
    assert covered == set(subs)
    assert set(data["cues"]) == set(CUE_KINDS)
    assert set(data["casualties"]) == set(CLAIM_KINDS)
    assert {c["role"] for c in data["side_cues"]} <= set(ROLES)


def test_sources_schema():
    data = _load("sources.yaml")
    for a in data["attribution"]:
        assert a["modality"] in MODALITIES
    ids = [s["id"] for s in data["sources"]]
    assert len(ids) == len(set(ids))
    for s in data["sources"]:
        assert s["type"] in SOURCE_TYPES
        assert s.get("affiliation") is None or s["affiliation"] in SIDES


@pytest.mark.parametrize("name,affiliation,type_", [
    ("وكالة أعماق", "isis", "belligerent_outlet"), ("سانا", "government", "state_media"),
    ("الإعلام الحربي", "government", "pro_government_media"), ("شبكة دمشق الآن", "government", "pro_government_media"),
    ("صفحات موالية", "government", "pro_government_media"), ("المرصد السوري لحقوق الإنسان", None, "monitor"),
    ("مجموعة العمل من أجل فلسطينيي سوريا", None, "monitor"), ("أوتشا", None, "humanitarian"),
    ("الخوذ البيضاء", None, "humanitarian"), ("مصدر مقرب من التنظيم", "isis", "anonymous"),
    ("مصادر في المعارضة", "opposition", "anonymous"), ("ناشطون", None, "activists"), ("تنسيقيات", None, "activists"),
    ("رويترز", None, "wire"), ("فرانس برس", None, "wire"), ("مصادر ميدانية", None, "anonymous"),
    ("مصدر عسكري", None, "anonymous"), ("مصادر إعلامية", None, "anonymous"),
])
def test_brief_sources(vocab, name, affiliation, type_):
    v = vocab
    (m,) = v.find_sources(norm(name))
    src = v.source(m.value)
    assert (src.affiliation, src.type) == (affiliation, type_)


def test_readme_documents_every_file():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    for name in OWN_FILES:
        assert name in readme


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064a]+", norm(text))


def test_no_seed_sentences_copied(seeds_dir):
    """No run of 12 words from the development seeds appears in these files or the test tables."""
    runs = set()
    for f in sorted(Path(seeds_dir).glob("*.txt")):
        w = _words(f.read_text(encoding="utf-8"))
        runs |= {" ".join(w[i:i + 12]) for i in range(len(w) - 11)}
    here = Path(__file__).parent
    for path in [*(DATA_DIR / n for n in OWN_FILES), *here.glob("*.yaml")]:
        w = _words(path.read_text(encoding="utf-8"))
        mine = {" ".join(w[i:i + 12]) for i in range(len(w) - 11)}
        assert not (mine & runs), path
