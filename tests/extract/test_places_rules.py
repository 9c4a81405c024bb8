"""Place recognition rules: name boundaries of unknown places, common words, namesakes, new gazetteer
entries. Sentences written for these tests."""
from __future__ import annotations

import pytest

from rasad.extract import extract
from rasad.model import Document


def places(kb, text: str) -> dict[str, object]:
    ex = extract(Document(id="t", text=text), kb)
    out = {}
    for p in ex.places:
        for s, e in p.spans:
            out[text[s:e]] = p
    return out


def test_conjunction_is_not_part_of_a_headed_name(kb):
    found = places(kb, "سيطرت القوات على قرية الغرة وتل مقبول بعد اشتباكات.")
    assert "تل مقبول" in found and not any(k.startswith("وتل") for k in found)


def test_agreeing_adjective_and_prepositional_phrase_end_the_name(kb):
    found = places(kb, "تقدمت الفصائل نحو تلة السمرية المجاورتين للطريق الدولي.")
    assert "تلة السمرية" in found
    found = places(kb, "هاجم عناصر التنظيم مطار المرج لـ ثلاث مرات.")
    assert "مطار المرج" in found
    found = places(kb, "دارت معارك في بلدة كفرعويد بمشاركة الطيران.")
    assert "كفرعويد" in found and not any("بمشاركة" in k for k in found)


def test_past_verb_and_adjective_after_head_are_not_names(kb):
    found = places(kb, "وكانت قرية الزيارة الغربية أسفرت عن دمار.")
    assert not any("أسفرت" in k for k in found)
    found = places(kb, "البوكمال آخر مدينة كبيرة كانت بيد التنظيم.")
    assert not any("كبيرة" in k for k in found)
    found = places(kb, "أقامت روسيا جسر جوي لنقل المعدات.")
    assert not any("جوي" in k for k in found)


def test_head_inside_a_known_name_ends_at_that_name(kb):
    found = places(kb, "تعد مدينة جسر الشغور ثاني أكبر مدن المحافظة.")
    assert "جسر الشغور" in found and not any("ثاني" in k for k in found)


def test_first_letters_of_a_name_after_a_head_are_kept(kb):
    found = places(kb, "سيطرت الوحدات على حقل بلقيسة بعد انسحاب الحراس.")
    assert "حقل بلقيسة" in found


def test_common_words_without_place_context_are_not_places(kb):
    found = places(kb, "قصفت طائرات حربية بلدة كفرعويد في ريف إدلب.")
    assert "حربية" not in found
    found = places(kb, "سيطرت القوات على البوكمال، وانتشرت دوريات في شوارع المدينة.")
    assert "المدينة" not in found  # the city in focus (anaphora), not the Iraqi town of that name


def test_namesake_goes_to_the_documents_area(kb):
    found = places(kb, "قتل مدنيان في قصف على حي الصالحية في مدينة الحسكة، وسقطت قذيفة في حي غويران.")
    assert found["حي الصالحية"].place_id == "sy.has.salihiyah"
    assert found["حي غويران"].lat == pytest.approx(36.48, abs=0.05)


def test_new_landmarks_and_towns_are_located(kb):
    found = places(kb, "استهدفت طائرات التحالف مواقع قرب قاعدة كي وان ومصفى بيجي وبلدة تلمنس.")
    assert found["قاعدة كي وان"].place_id == "iq.kir.k1"
    assert found["مصفى بيجي"].place_id == "iq.sal.baiji_refinery"
    assert found["تلمنس"].lat == pytest.approx(35.65, abs=0.05)


# ---------------------------------------------------------------- the dual "ريفي"

def test_dual_countryside_names_two_countrysides_not_the_cities(kb):
    text = "وشنت الطائرات الحربية غارات على قرى في ريفي إدلب وحلب مساء أمس."
    found = places(kb, text)
    assert {"ريف إدلب", "ريف حلب"} == {p.name for p in found.values()}
    assert found["ريفي إدلب"].name == "ريف إدلب" and found["حلب"].name == "ريف حلب"
    ex = extract(Document(id="t", text=text), kb)
    assert {e.place for e in ex.events} == {"ريف إدلب", "ريف حلب"}


def test_dual_countryside_with_directions_is_the_listed_regions(kb):
    found = places(kb, "وتدور اشتباكات عنيفة في ريفي حماة الشمالي و إدلب الجنوبي منذ الصباح.")
    south = found["إدلب الجنوبي"]
    assert south.name == "ريف إدلب الجنوبي" and abs(south.lat - 35.6) < 0.01  # the gazetteer's region
    assert found["ريفي حماة الشمالي"].name == "ريف حماة الشمالي"


@pytest.mark.parametrize("text", [
    "وقصفت المدفعية بلدة في ريفي حمص أمس.",  # no second place: no countryside read into it
    "وتضرر مستشفى ريفي في بلدة كفرنبل جراء القصف.",  # the adjective "rural"
])
def test_dual_without_a_second_place_makes_no_countryside(kb, text):
    assert not any(p.name.startswith("ريف") for p in places(kb, text).values())
