"""Bytes to text for Arabic news files, with the encoding detected, not guessed.

Order of evidence: a byte-order mark; UTF-16 without a BOM (recognised by its
byte pattern: Arabic is U+06xx, so every other byte is 0x06 or 0x00); a
declared charset (HTTP header, HTML <meta>) when it decodes; strict UTF-8;
then the Arabic single-byte code pages. charset-normalizer proposes, and an
Arabic plausibility score decides between windows-1256 and ISO-8859-6 (the
two share many byte values, so either can decode the other's text into
mojibake; the wrong one yields Latin accented letters, "×" and undefined
bytes, and loses the ubiquitous "ال").
"""
from __future__ import annotations

import codecs
import re


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_ARABIC_PAGES = ("cp1256", "iso8859-6")
_LATIN_DECLARED = {"latin-1", "iso8859-1", "cp1252", "ascii"}
_ARABIC = re.compile(r"[\u0621-\u064a]")
_SUSPICIOUS = re.compile(r"[\u0080-\u00bf\u00c0-\u00ff\u0152\u0153\u0192\u02c6\u2030\u2039\u203a\ufffd\x00-\x08\x0e-\x1f]")
_SAMPLE = 64 * 1024


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read (the message says why)."""


def codec_name(label: str | None) -> str | None:
    """Python's canonical codec name for an encoding label, or None if unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return codec_name(m.group(1).decode("ascii", "ignore")) if m else None


def arabic_score(text: str) -> float:
    """How much `text` looks like Arabic rather than mojibake (higher is better)."""
    non_ascii = sum(1 for c in text[:_SAMPLE] if ord(c) > 127) or 1
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC.findall(sample))
    bad = len(_SUSPICIOUS.findall(sample))
    article = sample.count("\u0627\u0644")  # "ال"
    return (arabic - 3 * bad) / non_ascii + 4 * article / non_ascii


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" if the bytes look like BOM-less UTF-16 text."""
    sample = data[: 4096 - 4096 % 2] if len(data) >= 4096 else data[: len(data) - len(data) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]

    def high_share(b: bytes) -> float:
        return (b.count(0) + b.count(6)) / len(b)

    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high_share(high) > 0.7 and low.count(0) < 0.1 * len(low):
            try:
                data[: len(data) - len(data) % 2].decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding). `declared` is an HTTP charset; for HTML the
    <meta> charset is read too. Raises DecodeError for binary or undecodable bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], name)
            if text is None:
                raise DecodeError(f"invalid {name} text after its byte-order mark")
            return text, name + "-sig" if name == "utf-8" else name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16), utf16
    if b"\x00" in data[:_SAMPLE]:
        raise DecodeError("binary file (contains NUL bytes)")

    utf8 = _strict(data, "utf-8")
    declared = codec_name(declared) or (meta_charset(data) if html else None)
    if declared and declared != "utf-8":
        text = _strict(data, declared)
        if text is not None:
            if utf8 is not None and not data.isascii() and (
                declared in _LATIN_DECLARED or arabic_score(utf8) > arabic_score(text) + 0.5
            ):
                return utf8, "utf-8"  # a mislabelled UTF-8 page
            return text, declared
    if utf8 is not None:
        return utf8, "utf-8"
    return _single_byte(data)


def _single_byte(data: bytes) -> tuple[str, str]:
    candidates: dict[str, str] = {}
    for name in _ARABIC_PAGES:
        text = _strict(data, name)
        if text is not None:
            candidates[name] = text
    from charset_normalizer import from_bytes  # imported here: UTF-8 and declared charsets never need it

    best = from_bytes(data[:_SAMPLE]).best()
    guess = codec_name(best.encoding) if best is not None else None
    if guess and guess not in candidates:
        text = _strict(data, guess)
        if text is not None:
            candidates[guess] = text
    if not candidates:
        raise DecodeError("undecodable bytes (not UTF-8, UTF-16, windows-1256 or ISO-8859-6)")
    scored = {name: arabic_score(text) for name, text in candidates.items()}
    name = max(scored, key=lambda n: (scored[n], n == guess))
    if scored[name] <= 0 and guess in candidates:
        name = guess  # not Arabic at all: trust the detector
    return candidates[name], name


__all__ = ["DecodeError", "arabic_score", "codec_name", "decode", "meta_charset"]
