"""Actors and the sides of counted people: actors.yaml coverage, anaphors, possessive pronouns, mixed
groups, evacuees, denials after a claim and country-aware Kurdish sides.

Every sentence here was written for these tests (fictional places, figures and names).
"""
from __future__ import annotations

from datetime import date

import pytest

from rasad.extract import extract
from rasad.knowledge import load
from rasad.model import Document


def _ex(text: str, published: date = date(2019, 3, 4)):
    return extract(Document(id="t", text=text, outlet=None, published=published))


def _claims(text: str, **kw):
    return [(c.kind, c.side, c.count, c.status, c.source.name, c.source.affiliation) for c in _ex(text, **kw).claims]


def _one(text: str, count: int, **kw):
    found = [c for c in _claims(text, **kw) if c[2] == count]
    assert found, _claims(text, **kw)
    return found[0]


def _actors(text: str):
    return [(m.text, m.entity, m.side) for m in _ex(text).mentions if m.kind == "actor"]


# ------------------------------------------------------------------ coverage of actors.yaml

@pytest.mark.parametrize("name,side", [
    ("جيش الفتح", "opposition"),
    ("غرفة عمليات الفتح المبين", "opposition"),
    ("صقور الشام", "opposition"),
    ("جيش المجاهدين", "opposition"),
    ("حركة حزم", "opposition"),
    ("الجبهة الوطنية للتحرير", "opposition"),
    ("جيش خالد بن الوليد", "isis"),
    ("حراس الدين", "opposition"),
    ("قوات النمر", "government"),
    ("الفرقة الرابعة", "government"),
    ("قوات حفظ النظام", "government"),
    ("عصائب أهل الحق", "government"),
    ("الشرطة الاتحادية", "government"),
    ("الفرقة الذهبية", "government"),
    ("البيشمركة", "government"),
    ("الأسايش", "sdf"),
    ("وحدات الحماية", "sdf"),
    ("قوات الصناديد", "sdf"),
    ("الجيش الوطني السوري", "opposition"),
    ("وزارة الدفاع التركية", "turkey"),
    ("التحالف الدولي", "coalition"),
])
def test_actor_names_of_the_syrian_and_iraqi_wars_are_known(name, side):
    idx = load().actors
    cands = idx.lookup(name)
    assert cands and cands[0].score >= 0.9, name
    assert cands[0].entry.side == side


def test_a_captor_named_only_in_the_new_entries_makes_the_captured_the_other_side():
    c = _one("وقال المرصد إن جيش الفتح أسر 23 عنصراً من قوات النظام قرب بلدة الرماح، وأسر جيش الفتح 17 عنصراً "
             "في تل الورد.", 17)
    assert c[1] == "government"


# ------------------------------------------------------------------ anaphors

def test_the_party_after_hezbollah_is_hezbollah():
    acts = _actors("تقدم مقاتلو حزب الله في تلال الصفا. وقال الحزب إن مقاتليه سيطروا على تلة الريح.")
    assert ("الحزب", "hezbollah", "government") in acts


def test_the_party_with_no_armed_party_before_it_is_no_actor():
    acts = _actors("عقد الحزب الحاكم مؤتمره السنوي في مدينة الورد.")
    assert not [a for a in acts if a[0] == "الحزب"]


def test_the_movement_after_a_named_movement_is_that_movement():
    acts = _actors("اندلعت اشتباكات بين هيئة تحرير الشام وحركة نور الدين الزنكي في قرية الصفصاف. "
                   "وقالت الحركة إن مقاتليها صدوا الهجوم.")
    assert ("الحركة", "zenki", "opposition") in acts


def test_the_corps_after_faylaq_al_sham_is_that_faction():
    acts = _actors("أعلن فيلق الشام صد هجوم على تلة السنديان. وقال الفيلق إن الهجوم فشل.")
    assert ("الفيلق", "faylaq_al_sham", "opposition") in acts


def test_factions_after_the_turkish_army_stay_opposition():
    acts = _actors("قصف الجيش التركي مواقع في قرية الزيتونة. وقالت الفصائل إنها تقدمت في القرية.")
    assert ("الفصائل", "turkish_army", "turkey") not in acts
    assert any(a[0] == "الفصائل" and a[2] == "opposition" for a in acts)


def test_forces_after_a_turkish_ministry_are_turkish():
    acts = _actors("وأعلنت وزارة الدفاع التركية أن القوات سيطرت على قرية الجوزة.")
    assert ("القوات", "turkish_army", "turkey") in acts


# ------------------------------------------------------------------ possessive pronouns

def test_fighters_of_him_after_the_party_are_the_partys():
    c = _one("أعلن حزب الله تقدمه في الجرود. وكان الحزب قد أعلن أمس سيطرته على وادي الذئب، آخر مواقع الهيئة "
             "هناك، فيما أكد أن 19 من مقاتليه قتلوا منذ بدء الهجوم.", 19)
    assert c[1] == "government"
    assert c[5] == "government"  # the speaker is the party, not the phrase before فيما


def test_in_her_ranks_after_an_attack_on_regime_forces_is_the_attacked():
    c = _one("شن الجيش الحر هجوماً على مواقع قوات النظام في تل الصخر، ما أدى إلى مقتل 11 في صفوفها.", 11)
    assert c[1] == "government"


def test_of_his_fighters_after_an_attack_is_the_attacker_by_gender():
    c = _one("شن الجيش الحر هجوماً على مواقع قوات النظام في تل الصخر، وأعلن مقتل 8 من مقاتليه.", 8)
    assert c[1] == "opposition"


def test_of_her_fighters_picks_the_feminine_name():
    c = _one("هاجم عناصر التنظيم نقاطاً لقوات سوريا الديمقراطية قرب قرية الغزلان، وقتلوا 7 من عناصرها.", 7)
    assert c[1] == "sdf"


# ------------------------------------------------------------------ mixed groups and evacuees

@pytest.mark.parametrize("text,count", [
    ("وقال المحافظ إن الهجوم أسفر عن مقتل 46 من عناصر قوات الأمن والبيشمركة والمدنيين.", 46),
    ("وقال المرصد إن هيئة تحرير الشام اعتقلت نحو 200 من عناصر الفصائل والناشطين.", 200),
    ("وأسفر القصف عن مقتل 15 بين مقاتلين ومدنيين في بلدة الريحان.", 15),
])
def test_fighters_joined_to_civilians_or_others_are_of_unknown_side(text, count):
    assert _one(text, count)[1] == "unknown"


def test_two_counts_of_two_sides_are_not_a_mixed_group():
    claims = _claims("قتل 60 عنصراً من قوات النظام وسبعة من مقاتلي الفصائل في معارك تل الورد.")
    assert ("government", 60) in [(c[1], c[2]) for c in claims]
    assert ("opposition", 7) in [(c[1], c[2]) for c in claims]


def test_fighters_among_evacuees_belong_to_the_evacuated_side():
    text = ("حاصرت قوات النظام مدينة الزهور لأشهر، وتحصن فيها مقاتلو فيلق الرحمن. "
            "وقالت مصادر محلية إن 900 شخص، بينهم 210 مقاتلين، غادروا المدينة في الحافلات.")
    assert _one(text, 210)[1] == "opposition"


# ------------------------------------------------------------------ denials after the claim

@pytest.mark.parametrize("tail", ["، وهو ما نفاه المتحدث باسم الجبهة.", "، الأمر الذي نفته الجبهة في بيان."])
def test_a_denial_taking_up_the_claim_marks_it_denied(tail):
    c = _one("وذكرت صفحات موالية أن 30 عنصراً من الجبهة الوطنية للتحرير قتلوا في القصف" + tail, 30)
    assert c[3] == "denied"


def test_an_accused_party_denying_leaves_the_accusation_asserted():
    c = _one("وتتهم منظمات حقوقية القوات التركية بقتل 50 مدنياً في القصف، وهو ما تنفيه أنقرة.", 50)
    assert c[3] == "asserted"


def test_a_denial_in_a_parallel_clause_is_no_denial_of_the_figure():
    c = _one("وقال المرصد إن 30 عنصراً من الفصائل قتلوا في القصف، في حين نفت الجبهة الوطنية للتحرير ذلك.", 30)
    assert c[3] == "asserted"


# ------------------------------------------------------------------ Kurdish sides by country

def test_kurdish_forces_and_officials_in_iraq_are_the_government_side():
    c = _one("سيطرت قوات البيشمركة على بلدة الشيخان قرب الموصل. وقال مسؤول أمني كردي إن 12 عنصراً من "
             "القوات الكردية قتلوا في الهجوم على كركوك.", 12, published=date(2016, 10, 21))
    assert c[1] == "government" and c[5] == "government"


def test_kurdish_fighters_in_syria_are_the_sdf():
    c = _one("سيطرت قوات سوريا الديمقراطية على بلدة الشدادي قرب الحسكة. وقال مسؤول كردي إن 12 من المقاتلين "
             "الأكراد قتلوا في الهجوم على القامشلي.", 12)
    assert c[1] == "sdf" and c[5] is None


# ------------------------------------------------------------------ participles after a denial

def test_a_participle_after_a_denial_keeps_the_speaker_and_asserts():
    text = ('وقال مصدر في "جيش العزة" إن الفصائل صدت الهجوم، نافياً مقتل 90 من عناصر الفصيل كما أعلنت '
            'وكالة سانا، ومؤكداً أن عدد القتلى من عناصر الفصيل لا يتجاوز 12.')
    c90 = _one(text, 90)
    c12 = _one(text, 12)
    assert c90[3] == "denied"
    assert c12[3] == "asserted" and c12[5] == "opposition"


def test_a_denial_of_what_others_reported_stays_denied():
    c = _one("ونقل موقع محلي عن قيادي في الجبهة الوطنية للتحرير قوله إن الفصائل انسحبت، نافياً ما تناقلته "
             "صفحات موالية عن أسر 45 مقاتلاً من الفصائل.", 45)
    assert c[3] == "denied"


# ------------------------------------------------------------------ the capturer's side

def _control(text: str):
    return {(k.side, k.change) for k in _ex(text).control}


def test_a_capture_announced_by_the_turkish_president_is_turkish():
    assert ("turkey", "gained") in _control("أعلن الرئيس التركي أمس السيطرة الكاملة على مدينة عفرين.")


def test_a_joint_capture_gives_each_side_a_gain():
    got = _control("سيطرت القوات التركية بمشاركة فصائل الجيش الوطني السوري على مدينة تل أبيض.")
    assert {("turkey", "gained"), ("opposition", "gained")} <= got


def test_air_support_is_no_joint_capture():
    got = _control("سيطرت فصائل الجيش الوطني السوري بدعم من الطيران التركي على مدينة تل أبيض.")
    assert ("opposition", "gained") in got and ("turkey", "gained") not in got


# ------------------------------------------------------------------ parts of a group named before

def test_a_count_of_them_is_the_group_just_named():
    c = _one("وقال ضابط في جهاز مكافحة الإرهاب إن عناصر التنظيم انسحبوا نحو حي الضباط، وإن نحو 300 منهم لا يزالون "
             "يتحصنون في الحي.", 300, published=date(2016, 1, 2))
    assert c[1] == "isis"


def test_militants_in_an_article_about_the_organisation_are_its_fighters():
    c = _one("استعادت القوات العراقية حي الورود من تنظيم داعش. وقال ضابط إن أقل من 60 متشدداً ما زالوا في "
             "الأحياء الشمالية.", 60, published=date(2016, 1, 2))
    assert c[1] == "isis"


def test_fighters_who_surrendered_are_of_the_besieged_side():
    c = _one("حاصرت قوات سوريا الديمقراطية آخر جيوب تنظيم الدولة في بلدة الرمان. وقال متحدث إن نحو 300 مقاتل "
             "استسلموا ونقلوا إلى مراكز تديرها قسد.", 300)
    assert c[0] == "captured" and c[1] == "isis"


def test_a_partys_source_telling_of_an_enemy_attack_counts_its_own_dead():
    c = _one('وقالت مصادر في "الجيش الحر" إن التنظيم فجر سيارة مفخخة بالمهاجمين عند مدخل بلدة الصوان، ما أسفر '
             'عن مقتل 9 مقاتلين.', 9)
    assert c[1] == "opposition"


def test_a_monitor_telling_of_an_attack_does_not_guess_the_side():
    c = _one("وقال المرصد إن التنظيم فجر سيارة مفخخة عند مدخل بلدة الصوان التي يسيطر عليها الجيش الحر، ما أسفر "
             "عن مقتل 9 مقاتلين.", 9)
    assert c[1] == "unknown"


def test_a_source_opening_the_sentence_speaks_through_a_later_verb():
    text = ('مصدر مقرب من تنظيم الدولة داخل حي الورود، أكد لـ"المدن" تراجع التنظيم في الحي. '
            'وأكد المصدر أن عدد القتلى لدى التنظيم تجاوز 200 عنصر.')
    c = _one(text, 200)
    assert c[1] == "isis" and c[5] == "isis" and c[4].startswith("مصدر مقرب")


def test_whom_a_source_told_is_not_the_source():
    text = ('مصدر مقرب من تنظيم الدولة داخل حي الورود، أكد لموقع محلي تراجع التنظيم في الحي. '
            'وأكد المصدر أن عدد القتلى لدى التنظيم تجاوز 200 عنصر.')
    c = _one(text, 200)
    assert c[5] == "isis" and c[4].startswith("مصدر مقرب")


def test_the_number_of_the_dead_after_a_count_is_of_the_same_group():
    text = ('وقال مصدر في "جيش العزة" إن الفصائل صدت الهجوم، نافياً مقتل 90 من عناصر الفصيل كما أعلنت '
            'وكالة سانا، ومؤكداً أن عدد القتلى لا يتجاوز 12.')
    assert _one(text, 12)[1] == "opposition"
