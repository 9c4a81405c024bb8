"""Main text and metadata of an HTML page: one parse, one trafilatura extraction.

The page is parsed once (trafilatura's `load_html`). The metadata rasad
needs (title, publication date, site name, canonical URL) is read from that
tree with trafilatura's own metadata helpers and htmldate, exactly as
`extract_metadata` does but without the parts rasad has no use for (author
heuristics, categories, tags, licence), which cost as much as the
extraction itself. Then `bare_extraction` takes the same tree for the main
text. Comments are left out: they are not the article.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url, \
    set_date_params
from trafilatura.utils import load_html

from .sniff import looks_like_html  # re-exported: it was defined here

_HOST = re.compile(r"^[a-z][a-z0-9+.\-]*://([^/?#:]+)", re.I)
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None  # ISO YYYY-MM-DD as htmldate gives it
    sitename: str | None
    hostname: str | None  # of the page's own canonical URL, if it declares one


def extract_html(html: str, url: str | None = None, fallback: bool = False) -> HtmlExtract | None:
    """The article in `html`, or None when the page has no main text.

    `fallback` runs trafilatura's comparison with its readability and justext
    fallbacks (its default, about half again as slow); without it trafilatura's
    own extractor alone decides, which gave the same text on every page of
    rasad's example corpus and benchmark (Settings.html_fallback turns it on).
    """
    try:
        tree = load_html(html)
    except Exception:  # noqa: BLE001 - lxml raises many kinds on malformed markup
        return None
    if tree is None:
        return None
    meta = page_metadata(tree, url)  # before extraction, which prunes the tree
    try:
        doc = bare_extraction(tree, url=url, include_comments=False, fast=not fallback)
    except Exception:  # noqa: BLE001
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return HtmlExtract(text=doc.text, **meta)


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict:
    """Title, date, site name and hostname from a parsed page (trafilatura's own steps)."""
    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as err:  # noqa: BLE001 - trafilatura guards this call the same way
        _LOG.debug("JSON-LD metadata: %s", err)
    title = meta.title or extract_title(tree)
    page_url = meta.url or extract_url(tree, url)
    params = set_date_params(True)
    params["url"] = page_url
    try:
        date = find_date(tree, **params)
    except Exception:  # noqa: BLE001 - a bad date string must not lose the article
        date = None
    sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@").strip() or None
    host = _HOST.match(page_url or "")
    return {
        "title": (title or "").strip() or None,
        "date": date or None,
        "sitename": sitename,
        "hostname": host.group(1).lower() if host else None,
    }


__all__ = ["HtmlExtract", "extract_html", "looks_like_html", "page_metadata"]
