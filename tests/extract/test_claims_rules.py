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
