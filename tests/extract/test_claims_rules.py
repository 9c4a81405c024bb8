"""Claims and their sources: rules stated in data/extract.yaml and knowledge/data/sources.yaml.

Every sentence here was written for these tests (fictional places, figures and names).
"""
from __future__ import annotations

from datetime import date

import pytest

from rasad.extract import extract
from rasad.model import Document


def _claims(text: str, outlet: str | None = None, published: date = date(2019, 3, 4)):
    ex = extract(Document(id="t", text=text, outlet=outlet, published=published))
    return [(c.kind, c.side, c.count, c.qualifier, c.status, c.source.name, c.source.affiliation) for c in ex.claims]


def _one(text: str, count: int, **kw):
    found = [c for c in _claims(text, **kw) if c[2] == count]
    assert found, _claims(text, **kw)
    return found[0]


# ------------------------------------------------------------------ who speaks

def test_carried_over_source_takes_the_full_earlier_name():
    text = ("وقال المرصد السوري لحقوق الإنسان إن الاشتباكات تواصلت في بلدة الزهراوية. "
            "وأضاف المرصد أن 12 مدنياً قتلوا في القصف.")
    c = _one(text, 12)
    assert c[5] == "المرصد السوري لحقوق الإنسان" and c[6] == "independent"


@pytest.mark.parametrize("first,again", [
    ("وقال ضابط في الجيش العراقي إن القوات تقدمت في حي النخيل.", "وأضاف الضابط أن خمسة جنود قتلوا أمس."),
    ("وقال محافظ الأنبار سعد الكبيسي إن القوات تقدمت في حي النخيل.", "وأضاف الكبيسي أن خمسة جنود قتلوا أمس."),
    ("وذكر بيان لخلية الإعلام الأمني أن القوات تقدمت في حي النخيل.", "وأضاف البيان أن خمسة جنود قتلوا أمس."),
])
def test_a_repeated_word_names_the_earlier_source(first, again):
    c = _one(first + " " + again, 5)
    assert c[6] == "government"
    assert c[5] and c[5] not in ("الضابط", "الكبيسي", "البيان")


def test_a_continuation_with_ila_is_not_a_speaker():
    text = ("وقال مصدر في قيادة الشرطة إن قذائف سقطت على حي الورود. "
            "وأشار إلى أن ثلاثة مدنيين قتلوا في القصف.")
    c = _one(text, 3)
    assert c[5] == "مصدر في قيادة الشرطة" and c[6] == "government"


def test_a_statement_gives_its_issuer():
    c = _one("وذكر بيان صادر عن خلية الإعلام الأمني أن القوات قتلت 14 إرهابياً في وادي السلام.", 14)
    assert c[5] == "خلية الإعلام الأمني" and c[6] == "government"
    c = _one("قتل 21 مدنياً منذ بداية الشهر، حسب إحصائية صادرة عن الطبابة الشرعية في حمص.", 21)
    assert c[5].startswith("الطبابة الشرعية") and c[6] == "government"


def test_source_phrase_goes_on_over_the_body_of_the_speaker():
    c = _one("وقال مصدر عسكري في قوات النظام إن عشرين مسلحاً قتلوا في الاشتباكات.", 20)
    assert c[5] == "مصدر عسكري في قوات النظام" and c[6] == "government"


def test_chain_gives_the_innermost_source_with_the_relaying_partys_side():
    c = _one("ونقلت وكالة سانا عن مصدر عسكري أن 15 إرهابياً قتلوا في ريف البلدة.", 15)
    assert c[5] == "مصدر عسكري" and c[6] == "government"
    # residents quoted by a party's outlet still speak for no side
    c = _one("ونقلت وكالة سانا عن مصادر محلية أن 15 مدنياً نزحوا من البلدة.", 15)
    assert c[5] == "مصادر محلية" and c[6] is None


def test_parenthetical_according_to_governs_the_whole_clause():
    c = _one("وأسفر الهجوم، وفق الفصائل، عن مقتل 17 عنصراً من قوات النظام.", 17)
    assert c[6] == "opposition"
    c = _one("ويقيم نحو 90 ألف شخص في المخيمات، وفق تقديرات الأمم المتحدة، وسط نقص حاد في المياه.", 90000)
    assert c[5] == "الأمم المتحدة" and c[6] == "independent"


def test_side_adjective_and_ngo_heads():
    c = _one("وقتل 19 مدنياً على الأقل، وفق \"مركز الرستن الإعلامي\" المعارض.", 19)
    assert c[6] == "opposition"
    c = _one("وقالت منظمات طبية إن 26 مدنياً قتلوا في القصف.", 26)
    assert c[6] == "independent"
    c = _one("وقالت مصادر تركية غير رسمية إن 26 جندياً قتلوا.", 26)
    assert c[6] is None


def test_the_outlets_own_reporter_is_its_own_voice():
    c = _one("وقال مراسل شبكة الفرات إن ثمانية مدنيين قتلوا في القصف.", 8, outlet="شبكة الفرات")
    assert c[5] is None
    c = _one("وأضاف مراسلنا أن ثمانية مدنيين قتلوا في القصف.", 8)
    assert c[5] is None


def test_a_negated_reporting_verb_makes_no_frame():
    text = "ولم تعلن الحكومة حصيلة لخسائرها، لكن مصدراً طبياً في مستشفى المدينة قال إن 31 جندياً قتلوا."
    c = _one(text, 31)
    assert c[5] and c[5].startswith("مصدر") and c[6] is None


def test_an_estimated_count_is_present_or_the_toll_named_after_adad():
    c = _one("وقدرت منظمة إنسانية عدد المدنيين العالقين في البلدة القديمة بنحو ثمانية آلاف.", 8000)
    assert c[:4] == ("present", "civilians", 8000, "approx") and c[6] == "independent"
    c = _one("وقدرت الأمم المتحدة عدد النازحين من الوادي بأكثر من 45 ألف شخص.", 45000)
    assert c[:2] == ("displaced", "unknown")  # displaced people are civilians only where the text says so


def test_force_sizes_and_holdouts_are_present():
    c = _one("وأعلنت قيادة العمليات المشتركة أن نحو 3000 مقاتل من الجيش العراقي شاركوا في الهجوم على البلدة.", 3000)
    assert c[:2] == ("present", "government")
    c = _one("وقال ناشطون إن المئات من الشبان فضلوا البقاء في بلداتهم.", 100)
    assert c[0] == "present"


def test_a_count_joined_by_wa_and_its_term_shares_the_side_before():
    c = _one("وأسفر القصف عن مقتل 13 مدنياً وإصابة العشرات في البلدة.", 10)
    assert c[:2] == ("wounded", "civilians")
    c = _one("وأسفر الهجوم عن مقتل 13 عنصراً من قوات النظام وأسر عنصرين آخرين.", 2)
    assert c[:2] == ("captured", "government")


def test_a_captor_before_the_count_is_not_the_counted_side():
    c = _one("وقتل عشرون عنصراً من قوات النظام، فيما أسر مقاتلو \"هيئة تحرير الشام\" 16 عنصراً على الأقل.", 16)
    assert c[:2] == ("captured", "government")
    c = _one("واعتقلت قوات النظام ستة منهم على حاجز البلدة.", 6)
    assert c[:2] == ("arrested", "unknown")


@pytest.mark.parametrize("text", [
    "وينص الاتفاق على خروج نحو 900 مسلح من البلدة خلال أيام.",
    "وحذرت المنظمة من أن المعارك قد تتسبب بنزوح ما يصل إلى 900 ألف شخص.",
    "وقتل 120 إرهابياً في الاشتباكات، فيما فر المئات منهم باتجاه الصحراء.",
    "وقال المصدر إن 250 من عناصر التنظيم فروا باتجاه الصحراء.",
    "وقالت القيادة إن القوات قتلت 30 مسلحاً خلال الساعات الثماني والأربعين الماضية.",
])
def test_no_claim_for_plans_forecasts_retreats_and_spans_of_time(text):
    counts = {c[2] for c in _claims(text)}
    assert not counts & {900, 900000, 100, 250, 40, 48}, _claims(text)


def test_past_perfect_qad_is_not_a_forecast():
    c = _one("وكان التنظيم قد قتل 11 مدنياً في القرية.", 11)
    assert c[:2] == ("killed", "civilians")


def test_a_restated_figure_is_one_claim_citing_the_attribution():
    text = ("استشهد 7 مدنيين بقصف على حي الورود.\n"
            "وذكر مصدر في قيادة الشرطة أن القذائف أسفرت عن ارتقاء سبعة شهداء.")
    found = [c for c in _claims(text) if c[0] == "killed" and c[2] == 7]
    assert len(found) == 1 and found[0][1] == "civilians" and found[0][5] == "مصدر في قيادة الشرطة"


@pytest.mark.parametrize("text,count,kind,side", [
    ("وقال ناشطون إن 12 مدنياً قضوا في القصف.", 12, "killed", "civilians"),
    ("وقالت منظمات طبية إن الهجوم أودى بحياة 14 مدنياً.", 14, "killed", "civilians"),
    ("وفقد 6 مدنيين حياتهم في القصف.", 6, "killed", "civilians"),
    ("ووقع 4 عناصر من قوات النظام في قبضة الفصائل.", 4, "captured", "government"),
    ("وشيّع حزب الله ثلاثة من مقاتليه.", 3, "killed", "government"),
])
def test_more_casualty_phrasings(text, count, kind, side):
    c = _one(text, count)
    assert c[:2] == (kind, side)


def test_a_named_rumour_carrier_is_kept_and_the_claim_is_rumoured():
    c = _one("وتداولت صفحات محلية أنباء عن مقتل 8 عناصر من تنظيم الدولة الاسلامية.", 8)
    assert c[1:] == ("isis", 8, "exact", "rumored", "صفحات محلية", None)
