"""Rebuilding a gazetteer from GeoNames dumps, offline: small files in GeoNames' exact formats."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from rasad.cli import app
from rasad.knowledge import geonames as gn
from rasad.knowledge.base import DATA_DIR
from rasad.knowledge.places import load_gazetteer
from rasad.knowledge.places_validate import validate


def geo_row(gid, name, alt, lat, lon, fclass, fcode, cc, admin1="", admin2="", population=0) -> str:
    cols = [str(gid), name, name, ",".join(alt), f"{lat}", f"{lon}", fclass, fcode, cc, "", admin1, admin2, "", "",
            str(population), "", "500", "Asia/Damascus", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


def alt_row(aid, gid, lang, name, preferred="", short="", colloquial="", historic="") -> str:
    return "\t".join([str(aid), str(gid), lang, name, preferred, short, colloquial, historic, "", ""])


# A small Syrian dump: one governorate, one district, a town known to the shipped
# gazetteer under another id (Douma), new villages, a neighbourhood, a place with
# no Arabic name, and a stream (not a place).
SY_ROWS = [
    geo_row(1001, "Rif Dimashq", [], 33.6, 36.5, "A", "ADM1", "SY", "08"),
    geo_row(1002, "Markaz Rif Dimashq", [], 33.5, 36.4, "A", "ADM2", "SY", "08", "SY0300"),
    geo_row(1003, "Duma Town", ["Douma"], 33.5735, 36.4020, "P", "PPL", "SY", "08", "SY0300", 110000),
    geo_row(1004, "Tall Kurdi", ["Tell Kurdi"], 33.60, 36.45, "P", "PPL", "SY", "08", "SY0300", 800),
    geo_row(1005, "Hawsh al Ashari", [], 33.55, 36.55, "P", "PPL", "SY", "08", "SY0300"),
    geo_row(1006, "Some Quarter", [], 33.573, 36.41, "P", "PPLX", "SY", "08", "SY0300"),
    geo_row(1007, "Latin Only", ["Latin Only"], 33.56, 36.47, "P", "PPL", "SY", "08", "SY0300"),
    geo_row(1008, "Wadi X", [], 33.5, 36.5, "H", "STM", "SY", "08"),
    geo_row(1009, "Tall Kurdi", [], 33.62, 36.46, "P", "PPL", "SY", "08", "SY0300"),
]
SY_ALT = [
    alt_row(1, 1001, "ar", "محافظة ريف دمشق", preferred="1"),
    alt_row(2, 1002, "ar", "مركز ريف دمشق"),
    alt_row(3, 1003, "ar", "دوما"),
    alt_row(4, 1004, "ar", "تل كردي", preferred="1"),
    alt_row(5, 1004, "ar", "تل الكردي"),
    alt_row(6, 1004, "ar", "كردي القديمة", historic="1"),
    alt_row(7, 1004, "fa", "تل کردی"),
    alt_row(8, 1005, "ar", "حوش الأشعري"),
    alt_row(9, 1006, "ar", "حي التجربة"),
    alt_row(10, 1008, "ar", "وادي"),
    alt_row(11, 1009, "ar", "تل كردي"),
]


def write_dump(folder: Path, zipped: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n".join(SY_ROWS) + "\n"
    alt = "\n".join(SY_ALT) + "\n"
    (folder / "alternatenames").mkdir(exist_ok=True)
    if zipped:
        with zipfile.ZipFile(folder / "SY.zip", "w") as z:
            z.writestr("SY.txt", body)
            z.writestr("readme.txt", "GeoNames readme")
        with zipfile.ZipFile(folder / "alternatenames" / "SY.zip", "w") as z:
            z.writestr("SY.txt", alt)
    else:
        (folder / "SY.txt").write_text(body, encoding="utf-8")
        (folder / "alternatenames" / "SY.txt").write_text(alt, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def shipped():
    return load_gazetteer([DATA_DIR])


@pytest.fixture(scope="module")
def admin1():
    return gn.read_admin1_map([DATA_DIR])


# --------------------------------------------------------------------------- name helpers


@pytest.mark.parametrize("names, expected", [
    (["دوما", "Douma", "دُوما", "Дума"], ["دوما"]),
    (["اردوگاه یرموک", "اليرموك", "مخيم اليرموك"], ["اليرموك", "مخيم اليرموك"]),
    (["الحولة\u200e\u200e", "كفر لاها"], ["الحولة", "كفر لاها"]),
    (["qەmyshlۆ", "القامشلي"], ["القامشلي"]),
    (["ب", "حلب"], ["حلب"]),
    (["ڪربلا", "كربلاء"], ["كربلاء"]),
    (["موصل", "الموصل"], ["الموصل"]),
    ([], []),
])
def test_arabic_names(names, expected):
    assert gn.arabic_names(names) == expected


@pytest.mark.parametrize("names, english, preferred, expected", [
    (["الثورة", "الطبقة", "ثورة"], "Al-Tabqa", None, "الطبقة"),
    (["موصل", "الموصل", "موصول"], "Mosul", None, "الموصل"),
    (["كفر لاها", "الحولة"], "Kafr Lāhā", None, "كفر لاها"),
    (["دوما"], "Duma", None, "دوما"),
    (["الثورة", "الطبقة"], "Al-Tabqa", "الثورة", "الثورة"),
])
def test_pick_name(names, english, preferred, expected):
    assert gn.pick_name(names, english, preferred) == expected


def test_mark_duplicates_only_within_one_parent():
    rows = [
        {"id": "a", "name": "صوران", "level": "town", "parent": "p1", "aliases": ""},
        {"id": "b", "name": "صوران", "level": "town", "parent": "p1", "aliases": ""},
        {"id": "c", "name": "صوران", "level": "town", "parent": "p2", "aliases": ""},
        {"id": "d", "name": "تل", "level": "town", "parent": "p2", "aliases": "صوران"},
    ]
    assert gn.mark_duplicates(rows) == 4
    assert [r.get("ambiguous") for r in rows] == ["true", "true", "true", "true"]
    rows = [{"id": "a", "name": "صوران", "level": "town", "parent": "p1"},
            {"id": "b", "name": "صوران", "level": "neighbourhood", "parent": "p1"}]
    assert gn.mark_duplicates(rows) == 0


# --------------------------------------------------------------------------- reading dumps


def test_read_geonames_rejects_wrong_column_count(tmp_path):
    p = tmp_path / "SY.txt"
    p.write_text("1\tName\tName\t\t33\t36\tP\tPPL\tSY\n", encoding="utf-8")
    with pytest.raises(ValueError, match="19"):
        list(gn.read_geonames(p))


def test_read_alternate_names_skips_historic_and_other_languages(tmp_path):
    write_dump(tmp_path, zipped=False)
    alt = gn.read_alternate_names(tmp_path / "alternatenames" / "SY.txt")
    assert alt.names[1004] == ["تل كردي", "تل الكردي"]
    assert alt.preferred[1004] == "تل كردي"
    assert 1007 not in alt.names


@pytest.mark.parametrize("zipped", [False, True])
def test_build_from_dump(tmp_path, shipped, admin1, zipped):
    src = write_dump(tmp_path / "src", zipped)
    rows = {r["id"]: r for r in gn.build_from_dump(src, ["sy"], admin1, known=shipped)}
    # The ADM1 maps onto the curated governorate and only adds its names.
    assert rows["sy.gov.rif_dimashq"] == {"id": "sy.gov.rif_dimashq", "aliases": "محافظة ريف دمشق"}
    # Douma is already known under another id: its names go there, no duplicate entry.
    assert "gn:1003" not in rows and rows["gn:170592"]["aliases"].startswith("دوما")
    district = rows["gn:1002"]
    assert district["level"] == "district" and district["parent"] == "sy.gov.rif_dimashq"
    town = rows["gn:1004"]
    assert town["name"] == "تل كردي" and town["aliases"] == "تل الكردي"  # preferred; historic and Persian out
    assert town["level"] == "town" and town["parent"] == "gn:1002" and town["population"] == "800"
    assert rows["gn:1006"]["level"] == "neighbourhood"
    assert "gn:1007" not in rows and "gn:1008" not in rows  # no Arabic name; not a place
    assert rows["gn:1004"]["ambiguous"] == rows["gn:1009"]["ambiguous"] == "true"  # namesakes in one district
    assert rows["gn:1005"]["ambiguous"] == "false"


def test_admin1_filter(tmp_path, admin1):
    src = write_dump(tmp_path / "src", zipped=False)
    assert gn.build_from_dump(src, ["SY"], admin1, admin1_filter={"SY": {"09"}}) == []


def test_missing_dump(tmp_path, admin1):
    with pytest.raises(FileNotFoundError, match="IQ"):
        gn.build_from_dump(tmp_path, ["IQ"], admin1)


def test_rebuilt_folder_layers_over_shipped_data_and_validates(tmp_path, shipped, admin1):
    src = write_dump(tmp_path / "src", zipped=True)
    out = tmp_path / "kb"
    gn.write_places_csv(out / "places" / "geonames.csv", gn.build_from_dump(src, ["SY"], admin1, known=shipped))
    g = load_gazetteer([DATA_DIR, out])
    assert len(g) == len(shipped) + 5
    assert g.best("حوش الأشعري").id == "gn:1005"
    assert g.get("gn:170592").name == "دوما"  # the curated entry keeps its name
    assert [p.id for p in g.parents("gn:1005")][:2] == ["gn:1002", "sy.gov.rif_dimashq"]
    assert validate([DATA_DIR, out]) == []


# --------------------------------------------------------------------------- download (mock transport)


def test_download_with_progress(tmp_path):
    payload = b"PK-not-really-a-zip" * 100
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=payload, headers={"content-length": str(len(payload))})

    progress: list[tuple[str, int, int | None]] = []
    paths = gn.download(["SY"], tmp_path, progress=lambda *a: progress.append(a),
                        transport=httpx.MockTransport(handler))
    assert seen == ["https://download.geonames.org/export/dump/SY.zip",
                    "https://download.geonames.org/export/dump/alternatenames/SY.zip"]
    assert [p.read_bytes() for p in paths] == [payload, payload]
    assert progress[-1] == ("SY alternate names", len(payload), len(payload))
    gn.download(["SY"], tmp_path, transport=httpx.MockTransport(handler))
    assert len(seen) == 2  # already there: not fetched again


def test_download_failure_leaves_nothing(tmp_path):
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    with pytest.raises(httpx.HTTPStatusError):
        gn.download(["XX"], tmp_path, transport=transport)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


# --------------------------------------------------------------------------- the CLI


def test_cli_geonames_validate_info(tmp_path):
    src = write_dump(tmp_path / "src", zipped=False)
    out = tmp_path / "kb"
    runner = CliRunner()
    r = runner.invoke(app, ["knowledge", "geonames", "SY", "--source-dir", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "places" / "geonames.csv").is_file()
    r = runner.invoke(app, ["knowledge", "validate", "--knowledge", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["knowledge", "info", "--knowledge", str(out), "--json"])
    assert r.exit_code == 0, r.output
    info = json.loads(r.output)
    assert info["by_country_level"]["SY"]["district"] == 1
    assert info["load_seconds"] < 1.0


@pytest.mark.parametrize("args, message", [
    (["knowledge", "geonames", "SYR", "--source-dir", "."], "not ISO country codes"),
    (["knowledge", "geonames", "SY", "--source-dir", "/no/such/folder"], "no such folder"),
])
def test_cli_geonames_errors(args, message):
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 1
    assert message in r.output


def test_cli_validate_reports_problems(tmp_path):
    d = tmp_path / "bad"
    (d / "places").mkdir(parents=True)
    (d / "places" / "x.csv").write_text("id,name,lat,lon,level,country,parent\nb.1,اسم,10,10,town,SY,sy\n",
                                        encoding="utf-8")
    r = CliRunner().invoke(app, ["knowledge", "validate", "--knowledge", str(d)])
    assert r.exit_code == 1 and "outside SY" in r.output
