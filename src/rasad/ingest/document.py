"""RawInput -> Document: decode, sniff, extract or clean, outlet, date, hash.

`to_document` never raises on bad input: binary or undecodable bytes, empty
or huge inputs, pages without an article, texts without Arabic each come
back as one IngestProblem with a short reason.
"""
from __future__ import annotations

import re

from ..model import Document, IngestProblem, RawInput
from ..settings import Settings
from .clean import clean
from .dates import detect_published
from .decode import DecodeError, decode
from .sniff import looks_like_html
from .identity import content_hash
from .inputs import byte_limit
from .outlet import detect_outlet

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3]")


def arabic_letters(text: str, at_least: int) -> bool:
    """True when `text` has at least `at_least` Arabic letters (stops counting there)."""
    n = 0
    for _ in _ARABIC_LETTER.finditer(text):
        n += 1
        if n >= at_least:
            return True
    return at_least <= 0


def to_document(raw: RawInput, settings: Settings | None = None) -> Document | IngestProblem:
    """Turn one raw input into a clean Document, or one IngestProblem saying why not."""
    settings = settings or Settings()
    try:
        return _to_document(raw, settings)
    except Exception as e:  # noqa: BLE001 - the contract is "bad input never raises"
        return IngestProblem(raw.source, f"could not process ({type(e).__name__}: {e})")


def _to_document(raw: RawInput, settings: Settings) -> Document | IngestProblem:
    data = raw.data
    encoding: str | None = None
    if isinstance(data, (bytes, bytearray)):
        if not data or data.isspace():
            return IngestProblem(raw.source, "empty file")
        if len(data) > byte_limit(settings):
            return IngestProblem(raw.source, f"too large ({len(data):,} bytes)")
        head_is_html = raw.format == "html" or _bytes_look_html(data)
        try:
            text, encoding = decode(bytes(data), declared=raw.charset, html=head_is_html)
        except DecodeError as e:
            return IngestProblem(raw.source, str(e))
    else:
        text = data
    if not text.strip():
        return IngestProblem(raw.source, "empty text")
    if len(text) > settings.max_text_chars:
        return IngestProblem(raw.source, f"text too long ({len(text):,} characters > {settings.max_text_chars:,})")
    if "\x00" in text:
        return IngestProblem(raw.source, "binary content (contains NUL characters)")

    # content decides: HTML in a .txt file is HTML; an "html" field holding plain text is text
    if looks_like_html(text) or (raw.format == "html" and "<" in text):
        return _from_html(raw, text, encoding, settings)
    return _from_text(raw, text, encoding, settings)


def _bytes_look_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta")) or b"<body" in head


def _from_text(raw: RawInput, text: str, encoding: str | None, settings: Settings) -> Document | IngestProblem:
    if not arabic_letters(text, settings.min_arabic_letters):
        return IngestProblem(raw.source, f"no Arabic text (fewer than {settings.min_arabic_letters} Arabic letters)")
    cleaned = clean(text, settings, title=raw.title)
    if not arabic_letters(cleaned.text, settings.min_arabic_letters):
        return IngestProblem(raw.source, "no article text left after removing page furniture")
    # the raw text: footers the cleaner drops ("جميع الحقوق محفوظة لموقع ...") still name the outlet
    outlet, outlet_ev = detect_outlet(text, given=raw.outlet, url=raw.url, settings=settings)
    published, published_ev = detect_published(text, given=raw.published, settings=settings)
    return Document(
        id=raw.id,
        text=cleaned.text,
        title=cleaned.title,
        outlet=outlet,
        published=published,
        url=raw.url,
        raw=text,
        raw_format="text",
        content_hash=content_hash(cleaned.text),
        offsets=cleaned.offsets,
        source_path=raw.source,
        encoding=encoding,
        outlet_evidence=outlet_ev,
        published_evidence=published_ev,
    )


def _from_html(raw: RawInput, html: str, encoding: str | None, settings: Settings) -> Document | IngestProblem:
    from .html import extract_html  # trafilatura is imported for the first HTML input only

    page = extract_html(html, url=raw.url, fallback=settings.html_fallback)
    if page is None:
        return IngestProblem(raw.source, "no article text found in the HTML (broken or empty page)")
    if not arabic_letters(page.text, settings.min_arabic_letters):
        return IngestProblem(raw.source, f"no Arabic text (fewer than {settings.min_arabic_letters} Arabic letters)")
    title = raw.title or page.title
    cleaned = clean(page.text, settings, title=title)
    if not arabic_letters(cleaned.text, settings.min_arabic_letters):
        return IngestProblem(raw.source, "no article text left after removing page furniture")
    outlet, outlet_ev = detect_outlet(
        page.text, given=raw.outlet, url=raw.url, page_url=_page_url(page.hostname), sitename=page.sitename,
        settings=settings,
    )
    published, published_ev = detect_published(page.text, given=raw.published, html_date=page.date, settings=settings)
    return Document(
        id=raw.id,
        text=cleaned.text,
        title=cleaned.title,
        outlet=outlet,
        published=published,
        url=raw.url,
        raw=html,
        raw_format="html",
        content_hash=content_hash(cleaned.text),
        offsets=None,
        source_path=raw.source,
        encoding=encoding,
        outlet_evidence=outlet_ev,
        published_evidence=published_ev,
    )


def _page_url(hostname: str | None) -> str | None:
    return f"http://{hostname}/" if hostname else None


__all__ = ["arabic_letters", "to_document"]
