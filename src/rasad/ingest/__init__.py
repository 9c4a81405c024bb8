"""Ingest stage: raw files, HTML, JSONL records and URLs -> clean `Document`s.

    sources = expand(paths, settings)  # or pass paths straight to iter_inputs (lazy)
    for item in iter_inputs(sources, settings):
        doc = to_document(item, settings) if isinstance(item, RawInput) else item
        if isinstance(doc, Document):
            doc, sig = mark_near_duplicate(doc, index, settings)

Modules, in pipeline order: `inputs` (expand paths, read files and JSONL,
size limits), `fetch` (URLs), `decode` (encodings), `html` (one trafilatura
call), `clean` (page furniture, offsets), `outlet`, `dates`, `identity`
(content hash, MinHash signatures, near-duplicate index), `document`
(`to_document`, which runs them). Data files: `data/` (see its README).
"""
from __future__ import annotations

from ..lazy import lazy_exports
from ..model import Document, IngestProblem, RawInput
from .clean import Cleaned, clean
from .dates import date_from_text, detect_published, parse_given_date
from .decode import DecodeError, decode
from .document import to_document
from .fetch import fetch
from .sniff import looks_like_html
from .identity import (
    NearDuplicateIndex,
    band_keys,
    content_hash,
    mark_near_duplicate,
    signature,
    similarity,
    text_signature,
)
from .inputs import Sources, expand, iter_inputs
from .outlet import canonical_outlet, detect_outlet, outlet_from_text, outlet_from_url

__all__ = [
    "Cleaned", "DecodeError", "band_keys", "Document", "IngestProblem", "NearDuplicateIndex", "RawInput", "Sources",
    "canonical_outlet",
    "clean", "content_hash", "date_from_text", "decode", "detect_outlet", "expand", "detect_published", "extract_html",
    "fetch", "iter_inputs", "looks_like_html", "mark_near_duplicate", "outlet_from_text", "outlet_from_url",
    "parse_given_date", "signature", "similarity", "text_signature", "to_document",
]


# rasad.ingest.html brings trafilatura, which plain-text inputs never need
__getattr__ = lazy_exports(__name__, {"extract_html": "html"})
