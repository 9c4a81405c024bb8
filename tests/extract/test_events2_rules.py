"""Event rules of the second round (air cues, targeting verbs, places of a trigger, datelines,
demining, denials, framing sentences, headlines, agreement dates) on sentences written for these tests.

Each case is one made-up report; the assertions name what must (or must not) come out of it.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from .helpers import PUB, events, run, types

AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
CLASH = "Armed clash"
IED = "Remote explosive/landmine/IED"


# ---------------------------------------------------------------- air or shelling

def test_artillery_beside_a_strike_verb_keeps_it_shelling_while_aircraft_strike_in_another_clause(kb):
    got = events(kb, "وتواصل قوات النظام قصف بلدة سراقب بالمدفعية، فيما تشن الطائرات الحربية غارات على "
                     "مدينة معرة النعمان.")
    assert (SHELL, "سراقب") in got
    assert (AIR, "معرة النعمان") in got
    assert (AIR, "سراقب") not in got
    assert CLASH not in {t for t, _ in got}  # "تشن … غارات": the launching is the strike


def test_an_air_force_named_as_support_is_an_air_strike(kb):
    got = events(kb, "وسيطرت قوات النظام على بلدة سراقب أمس بإسناد من الطيران الحربي الروسي.")
    assert (AIR, "سراقب") in got


def test_strikes_are_air_strikes_only_with_aircraft(kb):
    assert (AIR, "تلعفر") in events(kb, "ونفذ طيران الجيش ضربات دقيقة على تجمعات التنظيم في مدينة تلعفر أمس.")
    assert not types(kb, "ووجهت الفصائل ضربات موجعة لخصومها في مدينة تلعفر أمس.") & {AIR, SHELL}


def test_the_aircraft_yield_to_the_strikes_that_tell_where_they_fell(kb):
    got = events(kb, "وشنت الطائرات الحربية الروسية عشرات الغارات أمس على بلدتي سراقب وسرمدا.")
    assert {p for t, p in got if t == AIR} == {"سراقب", "سرمدا"}


def test_a_targeting_verb_yields_to_the_weapon_named(kb):
    got = types(kb, "قتل 12 شخصا أمس في تفجير انتحاري استهدف مطعما وسط مدينة منبج.")
    assert "Suicide bomb" in got
    assert SHELL not in got


def test_rockets_carrying_gas_are_a_chemical_attack_not_shelling_nor_a_clash(kb):
    got = types(kb, "قتل العشرات فجر أمس في هجوم بصواريخ محملة بغازات سامة على مدينة دوما.")
    assert "Chemical weapon" in got
    assert not got & {SHELL, CLASH}


# ---------------------------------------------------------------- where

def test_a_list_of_places_before_the_trigger_is_where_it_fell(kb):
    got = events(kb, "وقتل 29 مدنيا أمس في دوما وحمورية وسقبا جراء الغارات والبراميل المتفجرة.")
    assert {p for t, p in got if t == AIR} == {"دوما", "حمورية", "سقبا"}


def test_the_town_a_locator_names_not_the_city_that_locates_it(kb):
    got = events(kb, "وقال ضابط إن قواته دخلت بلدة برطلة شرق الموصل أمس، لكنها واجهت مقاومة شرسة.")
    assert (CLASH, "برطلة") in got
    assert (CLASH, "الموصل") not in got


def test_a_trigger_with_no_place_takes_the_towns_its_toll_fell_in(kb):
    got = events(kb, "وقالت مصادر محلية إن الاشتباكات أسفرت أمس عن مقتل 40 شخصا، سقط معظمهم في مدينتي سراقب وسرمدا.")
    assert {p for t, p in got if t == CLASH} == {"سراقب", "سرمدا"}


@pytest.mark.parametrize("text", [
    "حلب-سانا\nقتل ثلاثة مدنيين أمس جراء القصف.",
    "حلب (رويترز) - قتل ثلاثة مدنيين أمس جراء القصف.",
    "حلب – خاص\nقتل ثلاثة مدنيين أمس جراء القصف.",
])
def test_the_dateline_city_locates_no_event(kb, text):
    got = events(kb, text)
    assert SHELL in {t for t, _ in got}
    assert (SHELL, "حلب") not in got


# ---------------------------------------------------------------- not an event

@pytest.mark.parametrize("text", [
    "وقال المسؤول إن عمليات التمشيط مستمرة لتطهير الأحياء في مدينة الموصل من الألغام والعبوات.",
    "وأضاف أن فرق الهندسة فككت أمس مئات العبوات الناسفة والمنازل المفخخة في مدينة الموصل.",
])
def test_clearing_mines_and_bombs_is_no_explosion(kb, text):
    assert IED not in types(kb, text)


@pytest.mark.parametrize("text", [
    "ونفت الوزارة أمس استهداف المدنيين في مدينة منبج.",
    "وراجت أنباء أمس عن مقتل عشرة عناصر في كمين قرب مدينة منبج.",
])
def test_a_denied_or_rumoured_event_is_no_event(kb, text):
    assert not types(kb, text) & {SHELL, CLASH}


def test_a_framing_sentence_tells_no_new_event_but_a_recent_one_after_it(kb):
    assert not run(kb, "ويأتي القصف بعد أقل من شهر على هجوم شنته الفصائل على مدينة سراقب.").events
    got = events(kb, "وجاء التقدم بعد ساعات من غارة جوية استهدفت رتلا عسكريا في بلدة سرمدا.")
    assert (AIR, "سرمدا") in got
    assert not any(t == "Government regains territory" for t, _ in got)


def test_planning_an_attack_already_told_is_no_new_attack(kb):
    got = run(kb, "وهاجم مسلحون حاجزا في مدينة منبج أمس.\n"
                  "واعتقلت القوات خمسة أشخاص يشتبه بتورطهم في التخطيط للهجوم في أحياء المدينة.").events
    assert sum(e.type == CLASH for e in got) == 1


# ---------------------------------------------------------------- clashes

@pytest.mark.parametrize("text", [
    "وتواصل قوات الجيش تقدمها في أحياء مدينة تلعفر أمس وسط مقاومة شرسة من عناصر التنظيم.",
    "وقال مصدر عسكري إن الجيش يواصل عملياته في سراقب وسرمدا منذ أمس.",
])
def test_resistance_met_and_operations_pursued_are_clashes(kb, text):
    assert CLASH in types(kb, text)


# ---------------------------------------------------------------- headline and agreements

def test_the_body_tells_an_agreement_better_than_the_headline(kb):
    got = run(kb, "قوات النظام تستعيد مدينة درعا بعد اتفاق مع الفصائل\n"
                  "وسيطرت قوات النظام أمس على مدينة درعا، بعد ساعات من إعلان الفصائل توصلها إلى اتفاق مع "
                  "الجانب الروسي في مدينة بصرى الشام.").events
    assert {e.place for e in got if e.type == "Agreement"} == {"بصرى الشام"}


def test_an_agreement_takes_its_own_date(kb):
    got = run(kb, "وانطلقت الحافلات أمس من مدينة درعا، بموجب اتفاق فرضه الجانب الروسي على الفصائل قبل أسبوع.").events
    deal = [e for e in got if e.type == "Agreement"]
    assert deal and deal[0].date_end == PUB - timedelta(days=7)


# ---------------------------------------------------------------- protests

def test_a_protest_given_as_a_reason_is_no_protest(kb):
    got = types(kb, "وانشق نحو 400 عنصر أمس عن الفصيل في مدينة سرمدا احتجاجا على الاقتتال.")
    assert not got & {"Peaceful protest", "Protest with intervention"}


def test_a_protest_put_down_is_a_protest_with_intervention(kb):
    got = events(kb, "وخرجت مظاهرات أمس في مدينتي سراقب وسرمدا تطالب برحيل الفصائل، قمعها المسلحون بإطلاق الرصاص.")
    assert {p for t, p in got if t == "Protest with intervention"} == {"سراقب", "سرمدا"}
    assert "Peaceful protest" not in {t for t, _ in got}
    got = events(kb, "وخرجت مظاهرات أمس في مدينة سراقب تطالب برحيل الفصائل.")
    assert ("Peaceful protest", "سراقب") in got


def test_an_event_denied_after_it_is_no_event(kb):
    text = "وزعمت الوكالة أن طائرات التحالف قصفت جامعا في مدينة الموصل أمس، وهو ما نفاه التحالف."
    assert not types(kb, text) & {AIR, SHELL}


def test_gunmen_located_before_the_verb_shell_the_place_after_it(kb):
    got = events(kb, "وأكدت الوزارة أن المسلحين في الغوطة قصفوا أحياء دمشق أمس بعشرات القذائف.")
    assert (SHELL, "دمشق") in got
    assert (SHELL, "الغوطة") not in got


def test_a_wider_attack_with_suicide_bombers_is_also_a_clash(kb):
    got = types(kb, "وشن التنظيم أمس هجوما معاكسا على مواقع القوات قرب مدينة تلعفر، استخدم فيه الانتحاريين.")
    assert {CLASH, "Suicide bomb"} <= got


def test_a_superlative_describes_the_bombing_told_not_a_new_clash(kb):
    got = types(kb, "قتل 19 شخصا أمس في تفجير انتحاري استهدف مطعما وسط مدينة منبج، في أعنف هجوم على القوات الأمريكية.")
    assert "Suicide bomb" in got
    assert CLASH not in got


def test_a_strike_verb_and_its_weapon_are_one_event(kb):
    got = events(kb, "واستهدفت وحدات الجيش بالمدفعية الثقيلة تجمعات المسلحين في مدينة سراقب أمس.")
    assert (SHELL, "سراقب") in got


def test_an_event_with_no_place_is_at_the_story_main_place(kb):
    got = run(kb, "وسيطرت القوات أمس على أحياء في مدينة تلعفر.\n"
                  "وقال ضابط إن القوات تتقدم في مدينة تلعفر من ثلاثة محاور.\n"
                  "وأضاف أن مئات المسلحين فروا من تلعفر ويتحصنون في بلدة العياضية.\n"
                  "وقال التحالف إن طائراته نفذت عشرات الغارات دعما للقوات.").events
    assert {e.place for e in got if e.type == AIR} == {"تلعفر"}


# ---------------------------------------------------------------- headlines ending in an ellipsis

def test_a_headline_ending_in_two_dots_is_still_a_headline(kb):
    """"X يسيطر على Y.." on the first line is a headline, present tense for a capture; one full stop
    ends a sentence, which reads as a holding."""
    body = "\nوقالت مصادر محلية إن الاشتباكات استمرت ثلاثة أيام في أحياء المدينة قبل انسحاب القوات الحكومية."
    got = run(kb, "تنظيم الدولة يسيطر على مدينة الرمادي.." + body).control
    assert ("الرمادي", "isis", "gained") in {(c.place, c.side, c.change) for c in got}
    got = run(kb, "ويسيطر تنظيم الدولة على مدينة الرمادي منذ أشهر." + body).control
    assert ("الرمادي", "isis", "holds") in {(c.place, c.side, c.change) for c in got}
