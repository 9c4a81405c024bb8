"""Control lists and place resolution (round 3): list glue (أيضاً, مركز قضاء, ناحيتي, closing
adjectives), the announcing speaker's side, الغوطة as a region, الشولا located. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from . import helpers


def run(kb, text: str):
    return helpers.run(kb, text, published=None)  # the reports here are undated


def gains(kb, text: str) -> set[tuple[str, str]]:
    return helpers.gains(kb, text, published=None)


def test_list_continues_after_also(kb):
    got = gains(kb, "سيطرت قوات النظام على بلدة عقيربات وأيضاً قرية الشولا بعد معارك مع تنظيم داعش.")
    assert {("عقيربات", "government"), ("الشولا", "government")} <= got


def test_list_continues_through_district_centre(kb):
    got = gains(kb, "استعاد الجيش العراقي بلدة الزاب ومركز قضاء الحويجة.")
    assert {("الزاب", "government"), ("الحويجة", "government")} <= got


def test_dual_subdistrict_head_introduces_both_places(kb):
    got = gains(kb, "قال المتحدث إن القوات العراقية حررت أيضاً ناحيتي الرياض والعباسي.")
    assert {("الرياض", "government"), ("العباسي", "government")} <= got


def test_closing_adjective_does_not_end_the_list(kb):
    got = gains(kb, "قال مصدر إن وحدات الجيش سيطرت أيضاً على قلعة تدمر الأثرية ومطار تدمر العسكري وحي الجمعية.")
    assert {"قلعة تدمر", "مطار تدمر العسكري", "حي الجمعية"} <= {p for p, _ in got}


def test_heights_continue_a_list(kb):
    got = gains(kb, "سيطر الجيش على وادي الخيل ومرتفعات جبل النعمان.")
    assert {p for p, _ in got} >= {"وادي الخيل", "جبل النعمان"}


def test_a_list_still_ends_at_a_non_glue_word(kb):
    got = gains(kb, "سيطرت قوات النظام على بلدة عقيربات بينما قصف الطيران قرية الشولا.")
    assert ("عقيربات", "government") in got and not any(p == "الشولا" for p, _ in got)


def test_shoula_is_located_on_the_sukhnah_deir_ez_zor_road(kb):
    ex = run(kb, "وصلت القوات إلى قرية الشولا جنوب غرب دير الزور.")
    p = next(p for p in ex.places if p.name == "الشولا")
    assert abs(p.lat - 35.05) < 0.1 and abs(p.lon - 39.67) < 0.1


def test_bare_ghouta_is_the_eastern_ghouta_region_near_damascus(kb):
    ex = run(kb, "قصفت قوات النظام مدينة دوما في الغوطة قرب دمشق.")
    names = {p.name for p in ex.places}
    assert "الغوطة الشرقية" in names


def test_ghouta_neighbourhood_stays_in_homs(kb):
    ex = run(kb, "اشتباكات في حي الغوطة وحي الإنشاءات في مدينة حمص.")
    p = next(p for p in ex.places if "الغوطة" in p.name)
    assert p.lat > 34.5  # Homs, not the Damascus countryside


def test_announcing_speaker_takes_the_gain_when_no_force_is_named(kb):
    got = gains(kb, "أعلنت وكالة سانا الرسمية استعادة السيطرة الكاملة على بلدة عقيربات.")
    assert ("عقيربات", "government") in got


def test_a_gain_spoken_of_without_an_announcing_speaker_gives_no_side(kb):
    got = gains(kb, "قال ناشطون إن السيطرة على بلدة عقيربات ستكون صعبة.")
    assert not any(p == "عقيربات" for p, _ in got)


@pytest.mark.parametrize("quoted", ['"الدولة الإسلامية"', "«داعش»", "“داعش”"])
def test_quoted_name_after_a_member_noun_still_takes_the_place(kb, quoted):
    """The quotation marks around a group's name are no words between the verb and who took the place."""
    got = gains(kb, f"سيطر مسلحو تنظيم {quoted} على مدينة الرمادي أمس بعد معارك استمرت ثلاثة أيام.")
    assert ("الرمادي", "isis") in got
