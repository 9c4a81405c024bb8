"""The gazetteer: loading and layering folders, lookup, scanning text, hierarchy and geometry."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.places import GazetteerError, fold_name, haversine_km, load_gazetteer
from rasad.model import Candidate, Place

HEADER = "id,name,lat,lon,level,country,parent,name_en,aliases,ambiguous,area,population\n"
DAMASCUS = (33.5102, 36.2913)
ALEPPO = (36.2012, 37.1612)
HOMS = (34.7240, 36.7256)
DEIR = (35.3359, 40.1408)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer([DATA_DIR])


def user_dir(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / "user"
    (d / "places").mkdir(parents=True, exist_ok=True)
    (d / "places" / name).write_text(text, encoding="utf-8")
    return d


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize("query, expected_id, matched_quality", [
    ("دوما", "gn:170592", 1.0),
    ("مدينة دوما", "gn:170592", 0.9),
    ("بلدة دوما", "gn:170592", 0.9),
    ("حي الميدان", "sy.dam.midan", 1.0),
    ("ميدان", "sy.dam.midan", 0.9),
    ("مُخيَّم اليَرموك", "gn:166716", 1.0),
    ("اليرموك", "gn:166716", 1.0),
    ("محافظة درعا", "sy.gov.daraa", 1.0),
    ("ريف دمشق", "sy.gov.rif_dimashq", 1.0),
    ("ريف حلب الشمالي", "sy.reg.north_aleppo", 1.0),
    ("الغوطة الشرقية", "sy.reg.eastern_ghouta", 1.0),
    ("الجنوب الدمشقي", "sy.reg.south_damascus", 1.0),
    ("كوباني", "gn:172256", 1.0),
    ("إدلب", "gn:169389", 1.0),
    ("ادلب", "gn:169389", 1.0),
    ("حماه", "gn:170017", 1.0),
    ("الرقه", "gn:172955", 1.0),
    ("سوريا", "sy", 1.0),
    ("العراق", "iq", 1.0),
    ("المشفى الياباني", "sy.dam.japanese_hospital", 1.0),
    ("معبر العروبة – بيروت", "sy.dam.oruba_beirut_crossing", 1.0),
])
def test_lookup_best(gaz, query, expected_id, matched_quality):
    found = gaz.lookup(query)
    assert found, query
    assert isinstance(found[0], Candidate)
    assert found[0].entry.id == expected_id
    assert found[0].score == matched_quality


@pytest.mark.parametrize("query", ["", "   ", "غير موجود إطلاقاً", "xyz"])
def test_lookup_nothing(gaz, query):
    assert gaz.lookup(query) == []


@pytest.mark.parametrize("query, near, expected_id", [
    ("القصور", HOMS, "sy.hms.qusour"),
    ("القصور", DEIR, "sy.dez.qusour"),
    ("الحميدية", HOMS, "sy.hms.hamidiyah"),
    ("الحميدية", DEIR, "sy.dez.hamidiyah"),
    ("الزهراء", HOMS, "sy.hms.zahraa"),
    ("الزهراء", ALEPPO, "sy.zahraa"),
    ("صلاح الدين", ALEPPO, "sy.alp.salahaddin"),
    ("صلاح الدين", (34.6, 43.7), "iq.gov.salahaddin"),
    ("الخالدية", HOMS, "sy.hms.khalidiyah"),
    ("الخالدية", (33.4, 43.5), "iq.khalidiya"),
])
def test_near_decides_between_namesakes(gaz, query, near, expected_id):
    found = gaz.lookup(query, near=near)
    assert found[0].entry.id == expected_id
    assert found[0].distance_km is not None and found[0].distance_km < 150
    assert found[0].score >= found[-1].score


def test_finer_level_first_without_context(gaz):
    ids = [c.entry.id for c in gaz.lookup("حلب")]
    assert ids[0] == "gn:170063"  # the city before the governorate
    assert "sy.gov.aleppo" in ids


@pytest.mark.parametrize("query, country, expected_country", [
    ("سنجار", "IQ", "IQ"),
    ("سنجار", "SY", "SY"),
    ("سنجار", "sy", "SY"),
])
def test_country_filter(gaz, query, country, expected_country):
    found = gaz.lookup(query, country=country)
    assert found and all(c.entry.country == expected_country for c in found)


def test_limit(gaz):
    assert len(gaz.lookup("القصور", limit=1)) == 1


@pytest.mark.parametrize("name, ambiguous", [
    ("الميدان", True), ("حي الميدان", True), ("التقدم", True), ("العروبة", True), ("تشرين", True),
    ("دوما", False), ("مخيم اليرموك", False), ("بابا عمرو", False),
])
def test_is_ambiguous(gaz, name, ambiguous):
    assert gaz.is_ambiguous(name) is ambiguous


@pytest.mark.parametrize("pid", ["sy.dam.midan", "sy.dam.qadam", "sy.hms.waer", "sy.dez.sinaa", "sy.dam.tishreen"])
def test_common_word_places_are_marked_ambiguous(gaz, pid):
    assert gaz.get(pid).ambiguous


@pytest.mark.parametrize("key, folded", [
    ("حي الميدان", "ميدان"), ("مدينه دوما", "دوما"), ("محافظه درعا", "درعا"), ("ريف دمشق", "دمشق"),
    ("الحجر الاسود", "حجر الاسود"), ("حي", "حي"), ("دوما", "دوما"),
])
def test_fold_name(gaz, key, folded):
    assert fold_name(key, gaz.prefixes) == folded


# --------------------------------------------------------------------------- scanning text


@pytest.mark.parametrize("text, expected", [
    ("قصفت الطائرات مدينة دوما وبلدة حرستا", ["دوما", "حرستا"]),
    ("اشتباكات في مخيم اليرموك والحجر الأسود", ["مخيم اليرموك", "الحجر الأسود"]),
    ("وصلت التعزيزات إلى يلدا وببيلا وبيت سحم", ["يلدا", "ببيلا", "بيت سحم"]),
    ("غارات على ريف حلب الشمالي", ["ريف حلب الشمالي"]),
    ("سقطت قذائف على حي القابون", ["حي القابون"]),
    ("لا شيء هنا سوى كلمات عادية", []),
])
def test_scan_finds_names(gaz, text, expected):
    found = gaz.scan(text)
    assert [text[m.start:m.end] for m in found] == expected


def test_scan_offsets_survive_diacritics(gaz):
    text = "قُصِفَت دُومَا اليومَ"
    (m,) = gaz.scan(text)
    assert text[m.start:m.end] == "دُومَا"
    assert "gn:170592" in m.ids


@pytest.mark.parametrize("text", ["دوماتي", "حرستاوي", "الحجر الأسودين"])
def test_scan_respects_word_boundaries(gaz, text):
    assert all(text[m.start:m.end] not in ("دوما", "حرستا", "الحجر الأسود") for m in gaz.scan(text))


@pytest.mark.parametrize("text, key, ambiguous", [
    ("اشتباكات في حي الميدان", "حي الميدان", False),
    ("تقدم الجيش نحو الميدان", "الميدان", True),
    ("اشتباكات في حي القدم", "حي القدم", False),
    ("تقدمت القوات في القدم", "القدم", True),
    ("خبر عن حديثة العهد", "حديثه", True),
    ("اشتباكات في حي القابون", "حي القابون", False),
    ("قصف على دوما", "دوما", False),
])
def test_scan_marks_common_words(gaz, text, key, ambiguous):
    (m,) = gaz.scan(text)
    assert m.key == key and m.ambiguous is ambiguous


def test_matcher_is_an_automaton_over_all_names(gaz):
    a = gaz.matcher()
    assert a.exists("دوما") and a.exists("مخيم اليرموك")
    key, ids, length = a.get("دوما")
    assert key == "دوما" and "gn:170592" in ids and length == 4
    assert all(a.exists(name) for name in gaz.names())
    # "للموصل": ل + the article folds the article's alef; the variant maps to the full name
    assert a.get("للموصل")[0] == "الموصل" and len(a) > len(gaz.names())
    # compound names written joined ("كفرزيتا" for "كفر زيتا") map to the spaced name
    key, _, length = a.get("كفرزيتا")
    assert key == "كفر زيتا" and length == len("كفرزيتا")


# --------------------------------------------------------------------------- hierarchy and geometry


def test_parents_chain(gaz):
    chain = [p.id for p in gaz.parents("sy.dam.thalatheen")]
    assert chain == ["gn:166716", "gn:170654", "sy.gov.damascus", "sy"]


@pytest.mark.parametrize("a, b, expected", [
    ("sy", "sy.dam.midan", True),
    ("sy.gov.rif_dimashq", "gn:170592", True),
    ("sy.reg.eastern_ghouta", "gn:170592", True),  # by the region's bbox
    ("sy.reg.eastern_ghouta", "gn:170063", False),
    ("sy.dam.midan", "sy", False),
    ("iq", "gn:170592", False),
    ("gn:170592", "gn:170592", False),
])
def test_contains(gaz, a, b, expected):
    assert gaz.contains(a, b) is expected


@pytest.mark.parametrize("a, b, low, high", [
    ("gn:170654", "gn:170063", 300, 320),  # Damascus - Aleppo
    ("gn:170654", "gn:170592", 8, 13),  # Damascus - Douma
    ("sy.dam.midan", "sy.dam.midan", 0, 0.001),
])
def test_distance_km(gaz, a, b, low, high):
    assert low <= gaz.distance_km(a, b) <= high


def test_distance_to_points(gaz):
    assert gaz.distance_km(DAMASCUS, "gn:170654") < 0.1
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


def test_unknown_id(gaz):
    assert gaz.get("nope") is None
    with pytest.raises(KeyError):
        gaz.parents("nope")


# --------------------------------------------------------------------------- layering folders


def test_user_folder_adds_and_overrides(tmp_path):
    d = user_dir(tmp_path, "mine.csv", HEADER
                 + "user.x,قرية تجريبية,35.1,36.1,town,SY,sy.gov.hama,Test village,تجريبية,false,false,\n"
                 + "gn:170592,,33.6,,,,,,دوما الشام,,,\n")
    g = load_gazetteer([DATA_DIR, d])
    assert g.get("user.x").name == "قرية تجريبية"
    assert g.best("تجريبية").id == "user.x"
    douma = g.get("gn:170592")
    assert douma.lat == 33.6 and douma.lon == pytest.approx(36.4027, abs=1e-3)  # only the given cell changes
    assert douma.name == "دوما" and "دوما الشام" in douma.aliases
    assert g.best("دوما الشام").id == "gn:170592"
    assert "mine.csv" in g.get("user.x").origin


def test_later_folder_wins(tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    for d, name in ((a, "الأولى"), (b, "الثانية")):
        (d / "places").mkdir(parents=True)
        (d / "places" / "p.csv").write_text(HEADER + f"t.1,{name},33,36,town,SY,,,,,,\n", encoding="utf-8")
    assert load_gazetteer([a, b]).get("t.1").name == "الثانية"
    assert load_gazetteer([b, a]).get("t.1").name == "الأولى"


def test_folder_without_places_is_fine(tmp_path):
    assert len(load_gazetteer([tmp_path])) == 0


@pytest.mark.parametrize("row, message", [
    ("t.1,اسم,33,36,village,SY,,,,,,\n", "level"),
    ("t.1,,33,36,town,SY,,,,,,\n", "missing name"),
    ("t.1,اسم,north,36,town,SY,,,,,,\n", "not a number"),
    ("t.1,اسم,33,36,town,SY,,,,maybe,,\n", "not a boolean"),
    ("t.1,اسم,33,36,town,SY,,,,,,many\n", "population"),
])
def test_bad_rows_raise(tmp_path, row, message):
    d = user_dir(tmp_path, "bad.csv", HEADER + row)
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer([d])


def test_unknown_column_raises(tmp_path):
    d = user_dir(tmp_path, "bad.csv", "id,name,colour\nt.1,اسم,red\n")
    with pytest.raises(GazetteerError, match="unknown columns"):
        load_gazetteer([d])


def test_place_record_fields(gaz):
    p = gaz.get("sy.reg.eastern_ghouta")
    assert isinstance(p, Place) and p.area and p.level == "region" and p.bbox is not None
    assert gaz.get("sy.dam.midan").origin.endswith(tuple(f":{i}" for i in range(1, 1000)))


# --------------------------------------------------------------------------- speed


def test_load_under_one_second():
    t0 = time.perf_counter()
    load_gazetteer([DATA_DIR])
    assert time.perf_counter() - t0 < 1.0


def test_lookup_under_one_millisecond(gaz):
    queries = ["دوما", "حي الميدان", "القصور", "مدينة حلب", "غير موجود", "ريف دمشق"] * 200
    t0 = time.perf_counter()
    for q in queries:
        gaz.lookup(q, near=DAMASCUS)
    assert (time.perf_counter() - t0) / len(queries) < 0.001
