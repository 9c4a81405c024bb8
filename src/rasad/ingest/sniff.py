"""Is a text HTML? Content sniffing, apart from rasad.ingest.html so that deciding costs no import of
trafilatura and its dependencies (plain-text inputs never need them)."""
from __future__ import annotations

import re

_LOOKS_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|section|span|table|br|h[1-6])\b",
    re.I | re.S,
)
_TAGS = re.compile(r"</?(?:p|div|br|span|a|li|td|h[1-6]|article|section|body|html)\b[^>]{0,300}>", re.I)


def looks_like_html(text: str) -> bool:
    """Content sniffing: markup at the start, or many tags near the start."""
    head = text[:4096]
    return bool(_LOOKS_HTML.match(head)) or len(_TAGS.findall(head)) >= 5
