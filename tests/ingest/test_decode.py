"""Encodings: detected from the bytes (and declarations), recorded on the Document."""
from __future__ import annotations

import codecs

import pytest

from rasad.ingest import RawInput, to_document
from rasad.ingest.decode import DecodeError, decode, meta_charset

from .conftest import article_text

TEXT = article_text("qadam")  # Arabic with «», –, shadda, digits
SHORT = "قتل مدني بقصف على يلدا"  # short: where generic detectors stumble


@pytest.mark.parametrize(
    "encode, expected",
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("cp1256"), "cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256"],
)
def test_decode_round_trip(encode, expected):
    text, enc = decode(encode(TEXT))
    assert text == TEXT
    assert enc == expected


def _iso_text() -> str:
    # ISO-8859-6 has no shadda-less gaps for «» or –: use a plain sentence.
    return "قالت مصادر محلية ان قوات النظام سيطرت على اجزاء من حي التضامن بعد اشتباكات عنيفة مع مقاتلي التنظيم، وان عشرات المدنيين نزحوا الى بلدة يلدا."


@pytest.mark.parametrize("text", [_iso_text(), SHORT, "طفل", "غارات قوية على ببيلا"])
@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
def test_arabic_single_byte_pages_told_apart(text, codec):
    data = text.encode(codec)
    out, enc = decode(data)
    assert out == text
    # when both code pages decode the bytes identically either answer is right
    assert enc == codec or data.decode("cp1256" if codec == "iso8859-6" else "iso8859-6", "replace") == text


def test_meta_charset_respected():
    html = '<html><head><meta charset="windows-1256"><title>ت</title></head><body><p>' + SHORT + "</p></body></html>"
    data = html.encode("cp1256")
    assert meta_charset(data) == "cp1256"
    text, enc = decode(data, html=True)
    assert enc == "cp1256" and SHORT in text


def test_http_equiv_charset_respected():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"></head><body><p>'
            + _iso_text() + "</p></body></html>")
    text, enc = decode(html.encode("iso8859-6"), html=True)
    assert enc == "iso8859-6" and _iso_text() in text


def test_mislabelled_utf8_page_read_as_utf8():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>' + TEXT + "</p></body></html>"
    text, enc = decode(html.encode("utf-8"), html=True)
    assert enc == "utf-8" and TEXT in text


def test_declared_header_charset():
    text, enc = decode(SHORT.encode("cp1256"), declared="windows-1256")
    assert (text, enc) == (SHORT, "cp1256")


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00\xff" * 50, bytes(range(256)) * 20])
def test_binary_refused(data):
    with pytest.raises(DecodeError):
        decode(data)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "cp1256"])
def test_encoding_recorded_on_document(codec, settings):
    doc = to_document(RawInput(id="x", source="x.txt", data=TEXT.encode(codec), format="text"), settings)
    assert doc.text.split("\n")[-1] == TEXT.split("\n")[-1]
    assert doc.encoding == {"utf-8": "utf-8", "utf-16": "utf-16-le", "cp1256": "cp1256"}[codec]
