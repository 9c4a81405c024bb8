"""Which outlet published an article, and on what evidence.

Evidence in order of trust: metadata the input gave ("given"), the URL's
domain ("url", data/outlets.yaml), the page's site name ("html"), and
signatures in the text itself ("text": a closing "المصدر: ..." line, a
dateline "صوت العاصمة – خاص", self-references such as "أكد لـ«المدن»"). Names
from any source are resolved against the same outlet table, so every route
yields the same canonical Arabic name.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from ..arabic.normalize import norm
from ..settings import Settings
from .resources import IngestResources, phrase_key, resources

_QUOTED = re.compile(r"[\"«»“”„‟]([^\"«»“”„‟\n]{2,40})[\"«»“”„‟]")
_QUOTE_CONTEXT = 100  # characters before a quoted outlet name where a self-reference verb may stand
_LINE_HEAD = 100  # datelines and source lines are short or start a line
# colon, dashes, slash, bar, a copyright notice, a "نُشر في" stamp
_LINE_HINT = re.compile(r"[:：\-\u2010-\u2015\u2212/|©]|محفوظ|ن\u064f?شر")
# the same test in parts: one character class, then substring checks (faster than the alternation tried at
# every character); _has_line_hint(s) == bool(_LINE_HINT.search(s))
_HINT_CHAR = re.compile(r"[:：\-\u2010-\u2015\u2212/|©]")
_HINT_PUBLISHED = re.compile(r"ن\u064f?شر")


def _has_line_hint(head: str) -> bool:
    return (_HINT_CHAR.search(head) is not None or "محفوظ" in head
            or ("شر" in head and _HINT_PUBLISHED.search(head) is not None))

_DATELINE_PARTS = re.compile(r"\s*[-/|]\s*")  # in the normalised form every dash is "-"
_DATELINE_WORDS = 8
_DATELINE_WEIGHT = 8.0
_NAME_PARTS = re.compile(r"\s*(?:[+,،&/|]|\s-\s|\sو)\s*")
_SITE_SEPARATORS = ("|", " - ", " – ", " — ", "::", "»", ":")


def canonical_outlet(name: str | None, settings: Settings | None = None) -> str | None:
    """The table's canonical name for an outlet name or alias, or None if unknown."""
    if not name:
        return None
    res = resources(settings)
    return resolve_outlet(phrase_key(name), res)


def resolve_outlet(key: str, res: IngestResources) -> str | None:
    """The canonical outlet for a phrase key (see resources.phrase_key).

    Exact names and aliases first (quotes ignored); then, for outlets whose
    names are not ordinary words, the key with generic words stripped
    ("جريدة", "شبكة", "الإلكترونية").
    """
    if not key:
        return None
    hit = res.outlet_by_key.get(key)
    if hit:
        return hit
    key = " ".join(key.replace('"', " ").replace("'", " ").split())
    hit = res.outlet_by_key.get(key)
    if hit:
        return hit
    words = key.split()
    while words and words[0] in res.outlet_generic_prefixes:
        words = words[1:]
    while words and words[-1] in res.outlet_generic_suffixes:
        words = words[:-1]
    stripped = " ".join(words)
    if stripped and stripped != key:
        hit = res.outlet_by_key.get(stripped)
        if hit in res.outlet_unambiguous:
            return hit
    return None


def outlet_from_url(url: str | None, settings: Settings | None = None) -> str | None:
    """The outlet whose domain (or domain/path prefix) the URL is on."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    table = resources(settings).outlet_by_domain
    path = parts.path.lower().rstrip("/")
    for segs in range(path.count("/"), 0, -1):  # longest host/path prefix first
        prefix = host + "/".join(path.split("/")[: segs + 1])
        if prefix in table:
            return table[prefix]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        hit = table.get(".".join(labels[i:]))
        if hit:
            return hit
    return None


def outlet_from_sitename(sitename: str | None, settings: Settings | None = None) -> str | None:
    """A page's og:site_name resolved to the table (trying each part of "A | B")."""
    if not sitename:
        return None
    res = resources(settings)
    hit = resolve_outlet(phrase_key(sitename), res)
    if hit:
        return hit
    for sep in _SITE_SEPARATORS:
        if sep in sitename:
            for part in sitename.split(sep):
                hit = resolve_outlet(phrase_key(part), res)
                if hit:
                    return hit
    return None


def outlet_from_text(text: str, settings: Settings | None = None) -> str | None:
    """The outlet the article names as itself (source line, dateline, self-references).

    Line signatures are tried on the head of each line; a short line made of
    parts split by dashes, slashes or bars ("الدرر الشامية – 12 مايو 2018",
    "بغداد/المسلة") counts as a dateline when a part is an outlet. Quote
    signatures are tried only where a quoted name is a known outlet, on the
    text just before it, so a long article costs a scan for quotes, not a
    dozen regexes over all of it.
    """
    res = resources(settings)
    votes: Counter[str] = Counter()
    line_sigs = [(p, w) for p, w, scope in res.outlet_signatures if scope == "line"]
    quote_sigs = [(p, w) for p, w, scope in res.outlet_signatures if scope == "quote"]
    for line in text.split("\n"):
        head = line.strip()
        if not head:
            continue
        head = head if len(head) <= _LINE_HEAD else head[:_LINE_HEAD] + " \u2026"
        if not _has_line_hint(head):
            continue  # every line signature has a ":", a dash, slash or bar, or a copyright notice
        key = norm(head)
        matched = False
        for pattern, weight in line_sigs:
            m = pattern.search(key)
            if m:
                hit = _resolve_name(m.group("name"), res)
                if hit:
                    votes[hit] += weight
                    matched = True
        if not matched:
            hit = dateline_outlet(key, res)
            if hit:
                votes[hit] += _DATELINE_WEIGHT
    for q in _QUOTED.finditer(text):
        if not resolve_outlet(phrase_key(q.group(1)), res):
            continue
        window = norm(text[max(0, q.start() - _QUOTE_CONTEXT): q.end()])
        for pattern, weight in quote_sigs:
            for m in pattern.finditer(window):
                if m.end() == len(window):
                    hit = resolve_outlet(phrase_key(m.group("name")), res)
                    if hit:
                        votes[hit] += weight
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def dateline_outlet(key: str, res: IngestResources) -> str | None:
    """The outlet a short dateline names: a normalised line split by dashes, slashes or bars
    ("الدرر الشامية - 12 مايو 2018", "بغداد/المسله - الخميس ...") with a part that is an outlet."""
    if len(key.split()) > _DATELINE_WORDS:
        return None
    parts = _DATELINE_PARTS.split(key)
    if len(parts) < 2:
        return None
    for part in parts:
        hit = resolve_outlet(phrase_key(part), res)
        if hit:
            return hit
    return None


def _resolve_name(name: str, res: IngestResources) -> str | None:
    """A captured name, or failing that its first part that is an outlet ("الدرر الشامية + المرصد السوري")."""
    hit = resolve_outlet(phrase_key(name), res)
    if hit:
        return hit
    for part in _NAME_PARTS.split(name):
        hit = resolve_outlet(phrase_key(part), res)
        if hit:
            return hit
    return None


def detect_outlet(
    text: str,
    *,
    given: str | None = None,
    url: str | None = None,
    page_url: str | None = None,
    sitename: str | None = None,
    settings: Settings | None = None,
) -> tuple[str | None, str | None]:
    """(outlet, evidence) with evidence one of given | url | html | text, or (None, None).

    `url` is where the article was read from; `page_url` and `sitename` are
    what the page's own metadata says (canonical link, og:site_name).
    """
    if given and given.strip():
        return canonical_outlet(given, settings) or given.strip(), "given"
    hit = outlet_from_url(url, settings)
    if hit:
        return hit, "url"
    hit = outlet_from_url(page_url, settings)
    if hit:
        return hit, "html"
    if sitename:
        return outlet_from_sitename(sitename, settings) or sitename.strip(), "html"
    hit = outlet_from_text(text, settings)
    if hit:
        return hit, "text"
    return None, None


__all__ = ["canonical_outlet", "dateline_outlet", "resolve_outlet", "detect_outlet", "outlet_from_sitename", "outlet_from_text", "outlet_from_url"]
