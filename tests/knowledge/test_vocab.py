"""Vocabulary: triggers, cues, casualty terms, side cues, attributions and sources in text."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from rasad.arabic.normalize import normalize
from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.vocab import VocabularyError, conjugate, load_vocabulary

CASES = yaml.safe_load((Path(__file__).parent / "vocab_cases.yaml").read_text(encoding="utf-8"))
FINDERS = {
    "trigger": "find_triggers", "cue": "find_cues", "casualty": "find_casualties", "side_cue": "find_side_cues",
    "attribution": "find_attributions", "source": "find_sources",
}


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary([DATA_DIR])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{i}" for i, c in enumerate(CASES)])
def test_find(vocab, case):
    """Exactly the expected (surface, value) pairs, in text order."""
    n = normalize(case["text"])
    found = getattr(vocab, FINDERS[case["kind"]])(n)
    got = [(n.text[m.start:m.end], m.value) for m in found]
    want = [(normalize(s).text, v) for s, v in case["expect"]]
    assert got == want
    assert all(m.kind == case["kind"] for m in found)


def test_trigger_carries_family_and_lemma(vocab):
    n = normalize("وشنت المقاتلات غارات جوية على المدينة").text
    (m,) = [m for m in vocab.find_triggers(n) if m.value == "Air/drone strike" and "غارات" in n[m.start:m.end]]
    assert m.group == "Explosions/Remote violence" and m.lemma == "غارة"


def test_families_cover_acled_sub_events(vocab):
    assert len(vocab.sub_event_types) == 25
    assert vocab.family_of("Armed clash") == "Battles"
    assert vocab.family_of("Arrests") == "Strategic developments"
    assert vocab.family_of("Attack") == "Violence against civilians"
    assert vocab.family_of("nothing") is None


def test_cue_kind_filter(vocab):
    n = normalize("نفت الوزارة الأنباء وسط مخاوف من تصعيد").text
    assert [m.value for m in vocab.find_cues(n)] == ["denied", "feared"]
    assert [m.value for m in vocab.find_cues(n, kinds=["feared"])] == ["feared"]


def test_source_records(vocab):
    amaq = vocab.source("amaq")
    assert amaq.affiliation == "isis" and amaq.type == "belligerent_outlet"
    assert vocab.source("sana").affiliation == "government"
    assert vocab.source("sohr").affiliation is None and vocab.source("sohr").type == "monitor"
    assert vocab.source("local_sources").type == "anonymous"
    assert vocab.source("white_helmets").note  # the contested choice is recorded
    assert vocab.source("nope") is None


def test_offsets_map_back_to_original(vocab):
    text = "وقُتِلَ عنصرانِ في «الغارة»"
    n = normalize(text)
    (m,) = vocab.find_casualties(n)
    s, e = n.orig_span(m.start, m.end)
    assert text[s:e] == "وقُتِل"  # the word, up to its last letter


@pytest.mark.parametrize("past,present,forms", [
    ("اشتبك", "يشتبك", ["اشتبك", "اشتبكت", "اشتبكوا", "يشتبك", "تشتبك", "يشتبكون"]),
    ("استعاد", "يستعيد", ["استعادت", "استعادوا", "يستعيد", "تستعيد"]),
    ("قصف", "يقصف", ["قصفت", "يقصفون", "نقصف"]),
])
def test_conjugate(past, present, forms):
    got = conjugate(past, present)
    assert set(forms) <= set(got)


def test_user_folder_adds_triggers_and_replaces_sources(tmp_path):
    (tmp_path / "events.yaml").write_text(
        "triggers:\n  - {lemma: تمشيط, sub_event: Armed clash, nouns: [عمليات تمشيط واسعة]}\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {id: sohr, name: المرصد, type: activists, affiliation: opposition}\n"
        "  - {id: new_net, name: شبكة الاختبار الإخبارية, type: local_network}\n", encoding="utf-8")
    v = load_vocabulary([DATA_DIR, tmp_path])
    n = normalize("بدأت عمليات تمشيط واسعة في البادية").text
    assert [m.value for m in v.find_triggers(n)] == ["Armed clash"]
    assert v.source("sohr").affiliation == "opposition"
    assert [m.value for m in v.find_sources(normalize("قالت شبكة الاختبار الإخبارية").text)] == ["new_net"]


@pytest.mark.parametrize("events,sources,message", [
    ("triggers:\n  - {lemma: x, sub_event: Skirmish, nouns: [مناوشة]}", None, "unknown sub_event"),
    ("cues:\n  hoped: {forms: [يامل]}", None, "unknown cue kind"),
    ("casualties:\n  bored: {nouns: [ملل]}", None, "unknown claim kind"),
    ("side_cues:\n  - {role: hero, nouns: [بطل]}", None, "unknown side-cue role"),
    ("triggers:\n  - {lemma: x, sub_event: Armed clash, verbs: [[قاتل]]}", None, "pairs"),
    (None, "attribution:\n  - {lemma: x, modality: maybe, forms: [ربما]}", "bad modality"),
    (None, "sources:\n  - {id: x, name: س, type: blog}", "unknown type"),
    (None, "sources:\n  - {id: x, name: س, type: wire, affiliation: martians}", "unknown affiliation"),
])
def test_invalid_files_are_refused(tmp_path, events, sources, message):
    if events:
        (tmp_path / "events.yaml").write_text(events, encoding="utf-8")
    if sources:
        (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary([DATA_DIR, tmp_path])


def _best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def test_speed(vocab):
    assert _best_of(3, lambda: load_vocabulary([DATA_DIR])) < 0.3
    text = normalize(" ".join(c["text"] for c in CASES) * 3).text
    assert _best_of(3, lambda: [getattr(vocab, f)(text) for f in FINDERS.values()]) < 0.2


def test_exclude_spans_taken_by_actor_names(vocab):
    from rasad.knowledge.actors import load_actors

    n = normalize("هاجمت هيئة تحرير الشام مواقع في ريف حلب بعد تحرير البلدة").text
    actors = [(m.start, m.end) for m in load_actors([DATA_DIR]).find(n)]
    spans = {(m.start, m.end) for m in vocab.find_triggers(n, exclude=actors)}
    assert [n[s:e] for s, e in sorted(spans)] == ["هاجمت", "تحرير"]
    assert len({(m.start, m.end) for m in vocab.find_triggers(n)}) == 3


@pytest.fixture(scope="module")
def actors():
    from rasad.knowledge.actors import load_actors

    return load_actors([DATA_DIR])


@pytest.mark.parametrize("phrase,country,expected", [
    ("وكالة أعماق", None, ("amaq", "isis", "belligerent_outlet")),
    ("أعماق", None, ("amaq", "isis", "belligerent_outlet")),  # a bare quoted-only name, as the whole phrase
    ("المرصد السوري لحقوق الإنسان", None, ("sohr", None, "monitor")),
    ("مصادر مقربة من تنظيم الدولة", None, ("isis_close", "isis", "anonymous")),
    ("مصدر عسكري في قوات النظام", None, ("actor:syrian_army", "government", "anonymous")),
    ("مصادر في فيلق الرحمن", None, ("actor:faylaq_al_rahman", "opposition", "anonymous")),
    ("ضابط في الجيش العراقي", None, ("actor:iraqi_army", "government", "official")),
    ("المتحدث باسم قوات سوريا الديمقراطية", None, ("actor:sdf", "sdf", "official")),
    ("قيادي في التنظيم", "IQ", ("actor:isis_iraq", "isis", "official")),
    ("حركة أحرار الشام", None, ("actor:ahrar_al_sham", "opposition", "official")),
    ("محافظ اللاذقية", None, ("official:government", "government", "official")),
    ("مصدر ميداني", None, ("field_sources", None, "anonymous")),
    ("أحد سكان البلدة", None, None),
    ("", None, None),
])
def test_classify_source(vocab, actors, phrase, country, expected):
    got = vocab.classify_source(phrase, actors, country=country)
    assert (None if got is None else (got.id, got.affiliation, got.type)) == expected


def test_classify_source_without_actors(vocab):
    assert vocab.classify_source("ضابط في الجيش العراقي") is None
    assert vocab.classify_source("سانا").affiliation == "government"
