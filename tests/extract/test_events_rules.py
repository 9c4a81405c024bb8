"""Event and control rules (src/rasad/extract/data/event_rules.yaml) on sentences written for these tests.

Each case is one made-up report; the assertions name what must (or must not) come out of it.
"""
from __future__ import annotations

import pytest

from .helpers import control, events, run

NVT = "Non-violent transfer of territory"


# ---------------------------------------------------------------- transfers

@pytest.mark.parametrize("text", [
    "وانسحبت فصائل المعارضة من أجزاء من حي الشعار إلى خطوط دفاعية جديدة يوم أمس.",
    "وتجمعت الحافلات عند أطراف مدينة الرستن صباح اليوم لنقل المسلحين إلى الشمال.",
    "وقال المصدر إن مئات المسلحين في بلدة تلبيسة سلموا أسلحتهم وسووا أوضاعهم لدى الجهات المختصة.",
    "وجرى إجلاء عشرات العائلات من مدينة هيت نحو مخيمات الحبانية.",
])
def test_departures_withdrawals_and_surrenders_are_no_transfer(kb, text):
    assert not any(t == NVT for t, _ in events(kb, text))


def test_entry_without_a_fight_is_a_transfer(kb):
    got = events(kb, "ودخلت قوات النظام بلدة الطيبة صباح اليوم دون قتال بعد انسحاب الفصائل منها.")
    assert (NVT, "الطيبة") in got
    assert not any(t == "Government regains territory" for t, _ in got)


def test_capture_after_battles_is_a_regain_and_a_clash_in_the_town(kb):
    got = events(kb, "واستعادت قوات النظام مدينة الميادين في ريف دير الزور الشرقي بعد معارك عنيفة مع تنظيم داعش.")
    assert ("Government regains territory", "الميادين") in got
    assert ("Armed clash", "الميادين") in got  # the town, not the area that locates it
    assert not any(p == "ريف دير الزور الشرقي" for _, p in got)


def test_takeover_after_a_deal_between_factions_is_a_transfer_between_enemies_not(kb):
    same = events(kb, 'وبسطت "هيئة تحرير الشام" سيطرتها على مدينة سراقب بعد اتفاق أبرمته مع "حركة أحرار الشام".')
    assert (NVT, "سراقب") in same
    enemies = events(kb, "وسيطرت قوات النظام على مدينة بصرى الشام بعد اتفاق مع فصائل المعارضة.")
    assert ("Government regains territory", "بصرى الشام") in enemies
    assert (NVT, "بصرى الشام") not in enemies


# ---------------------------------------------------------------- agreements

def test_terms_of_a_deal_are_no_agreement_and_no_event(kb):
    got = events(kb, "وأوضح المتحدث أن الاتفاق يقضي بخروج المسلحين من حي القابون وتسليم السلاح الثقيل.")
    assert not any(t in ("Agreement", NVT, "Change to group/activity") for t, _ in got)


def test_an_agreement_reached_is_an_event_and_told_again_is_not_a_second(kb):
    got = run(kb, "وتوصلت فصائل المعارضة في مدينة دوما إلى اتفاق مع الجانب الروسي مساء أمس.\n"
                  "وأفرج المسلحون عن عشرين مختطفا بموجب الاتفاق ونقلوهم إلى مدينة حمص.").events
    agreements = [e for e in got if e.type == "Agreement"]
    assert [e.place for e in agreements] == ["دوما"]


@pytest.mark.parametrize("text", [
    "وخرج صباح اليوم المسلحون الرافضون للتسوية من بلدة الرستن.",
    "ويصوت مجلس الأمن اليوم على هدنة في الغوطة الشرقية.",
])
def test_rejections_and_votes_are_no_agreement(kb, text):
    assert not any(t == "Agreement" for t, _ in events(kb, text))


# ---------------------------------------------------------------- what did not happen

def test_fear_governs_its_clause(kb):
    got = events(kb, "ويخشى السكان أن يعيد التنظيم تجميع صفوفه في البادية وشن هجمات على مدينة البوكمال.")
    assert not any(t == "Armed clash" for t, _ in got)


def test_a_battle_yet_to_come_is_no_clash(kb):
    got = events(kb, "ولا يزال التنظيم يسيطر على جرود القاع، وسط تحضيرات لمعركة مقبلة ضده.")
    assert not any(t == "Armed clash" for t, _ in got)


def test_a_claim_of_responsibility_is_not_a_second_attack(kb):
    got = events(kb, "وقتل ثلاثة جنود بانفجار سيارة مفخخة في مدينة منبج أمس.\n"
                     "وتبنى التنظيم الهجوم في بيان نشرته وكالة أعماق.")
    assert not any(t == "Armed clash" for t, _ in got)


def test_a_toll_of_the_fighting_already_told_is_no_new_clash(kb):
    got = run(kb, "واندلعت اشتباكات عنيفة بين الفصيلين في مدينة الأتارب صباح الأحد.\n"
                  "وفي بلدة كفرنبل خرجت مظاهرة ضد الفصيلين.\n"
                  "وقال المرصد إن 40 شخصا قتلوا خلال الاقتتال.").events
    assert [e.place for e in got if e.type == "Armed clash"] == ["الأتارب"]


# ---------------------------------------------------------------- control

def test_a_holding_told_after_haythu_names_the_place_before(kb):
    got = control(kb, "وتقدمت القوات نحو ناحية العياضية، حيث يتحصن مسلحو تنظيم داعش.")
    assert ("العياضية", "isis", "holds") in got


def test_a_resumptive_holding_names_the_place_before(kb):
    got = control(kb, "وقصفت الطائرات ناحية راوة، آخر بلدة يسيطر عليها التنظيم في العراق.")
    assert ("راوة", "isis", "holds") in got


def test_stronghold_in_apposition_is_the_place_before_it(kb):
    got = control(kb, "وخرج المقاتلون من حي الوعر، آخر معاقل الفصائل في مدينة حمص.")
    assert ("الوعر", "opposition", "holds") in got
    assert not any(p == "حمص" for p, _, _ in got)


def test_list_opened_after_a_holding(kb):
    got = control(kb, "ولم يعد التنظيم يسيطر إلا على مناطق محدودة قرب الحدود، ومنها قضاء القائم وناحية راوة.")
    assert {("القائم", "isis", "holds"), ("راوة", "isis", "holds")} <= got


def test_aims_and_purposes_are_no_gains_the_enemy_holds(kb):
    got = control(kb, 'وتواصل القوات العراقية تقدمها لاستعادة مدينة الموصل من تنظيم "داعش".')
    assert ("الموصل", "government", "gained") not in got
    assert ("الموصل", "isis", "holds") in got
    got = control(kb, "ويسعى التنظيم إلى توسيع نفوذه عبر السيطرة على أجزاء من حي القدم.")
    assert not any(c == "gained" for _, _, c in got)


def test_qad_with_a_past_verb_is_a_gain(kb):
    got = control(kb, "وقالت مصادر إن وحدات من الجيش قد دخلت فجر اليوم حي القدم.")
    assert ("القدم", "government", "gained") in got


def test_a_gain_resumed_by_a_pronoun_names_the_place_before(kb):
    got = control(kb, 'وتقع مدينة تدمر في ريف حمص الشرقي، وجاء القصف بعد أسبوعين من سيطرة قوات النظام عليها.')
    assert ("تدمر", "government", "gained") in got


def test_storming_is_no_gain_and_a_locator_ends_a_list(kb):
    assert not any(c == "gained" for _, _, c in control(kb, "واقتحمت قوات الجيش حي البكر في مدينة هيت أمس."))
    got = control(kb, "ودخلت قوات البيشمركة مركز قضاء سنجار غربي الموصل صباح الجمعة.")
    assert ("سنجار", "government", "gained") in got
    assert not any(p == "الموصل" for p, _, _ in got)
