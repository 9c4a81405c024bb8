"""Publication date of an article: given metadata, HTML metadata, or the text.

Only what a dateline or a "published" stamp needs: numeric dates (ISO,
2018/05/12, 12/05/2018 day first) and "12 أيار 2018" / "12 أيار/مايو 2018"
with month names from data/dates.yaml. Dates after a publication marker
("نشر في", "تاريخ النشر") count anywhere; other dates only in a short line
or a line-initial dateline near the top, so event dates in the body are not
taken for the publication date. The full time-expression parser lives in
rasad.arabic.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..arabic.normalize import norm
from ..settings import Settings
from .resources import IngestResources, resources

_DATELINE_WORDS = 10  # a line this short holding a date near the top is a dateline
_STAMP_WORDS = 12  # lines with fewer spaces than this are read anywhere for "نشر في ..." stamps
_LINE_START_CHARS = 40
_HAS_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")  # any digit script (str patterns match Unicode digits)


@lru_cache(maxsize=8)
def _patterns(months: tuple[str, ...]) -> list[tuple[re.Pattern, str]]:
    month = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    latin = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True) if m.isascii()) or "(?!x)x"
    return [
        (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
        (re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"), "ymd"),
        (re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"), "dmy"),
        (re.compile(
            rf"(?<!\d)(\d{{1,2}})\s*-?\s*(?:من\s+)?(?:شهر\s+)?({month})(?:\s*[/(-]\s*(?:{month})\s*\)?)?\s*[,-]?\s*(?:عام|سنه|لعام)?\s*(\d{{4}})(?!\d)"
        ), "d_month_y"),
        (re.compile(rf"\b({latin})\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)"), "month_d_y"),  # "May 12, 2018"
    ]


def parse_given_date(value: object) -> date | None:
    """A date from metadata: a date, a datetime, or a string (ISO or anything dateutil reads)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    from dateutil import parser as dateparser  # imported here: ISO dates (the usual case) never need it

    try:
        return dateparser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError, TypeError):
        return None


def _make(y: int, m: int, d: int, res: IngestResources) -> date | None:
    if not res.date_min_year <= y <= date.today().year + 1:
        return None
    try:
        out = date(y, m, d)
    except ValueError:
        return None
    return out if out <= date.today() + timedelta(days=1) else None


def _from_match(m: re.Match, kind: str, res: IngestResources) -> date | None:
    g = m.groups()
    if kind == "ymd":
        return _make(int(g[0]), int(g[1]), int(g[2]), res)
    if kind == "dmy":
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        if b > 12 and a <= 12:  # month first (US style)
            a, b = b, a
        return _make(y, b, a, res)
    if kind == "d_month_y":
        return _make(int(g[2]), res.months[" ".join(g[1].split())], int(g[0]), res)
    return _make(int(g[2]), res.months[" ".join(g[0].split())], int(g[1]), res)


def dates_in(key: str, res: IngestResources) -> list[tuple[int, int, date]]:
    """(start, end, date) of every full date in a normalised text, in order."""
    return _dates(key, res)


def _dates(key: str, res: IngestResources) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    if not _YEAR.search(key):  # every form has a four-digit year
        return found
    for pattern, kind in _patterns(tuple(res.months)):
        for m in pattern.finditer(key):
            d = _from_match(m, kind, res)
            if d:
                found.append((m.start(), m.end(), d))
    found.sort(key=lambda t: t[0])
    return found


def date_from_text(text: str, settings: Settings | None = None) -> date | None:
    """The publication date a text states, or None.

    A date right after a publication marker counts in any short line (a
    stamp) or near the top; a bare date counts only as a dateline near the
    top (in a short line, or at a line start followed by "-", ":" or ")").
    Long body lines further down are not read at all.
    """
    res = resources(settings)
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        top = start < res.date_top_chars
        if not top and line.count(" ") >= _STAMP_WORDS:
            continue
        key = norm(line.strip())
        if not key or not _HAS_DIGIT.search(key):
            continue
        found = _dates(key, res)
        if not found:
            continue
        for marker in res.date_markers:
            i = key.find(marker)
            while i >= 0:
                end = i + len(marker)
                if (i == 0 or not key[i - 1].isalnum()) and (end == len(key) or not key[end].isalnum()):
                    for s, _e, d in found:
                        if end <= s <= end + 40:
                            return d
                i = key.find(marker, i + 1)
        if not top:
            continue
        if len(key.split()) <= _DATELINE_WORDS:
            return found[0][2]
        s, e, d = found[0]
        if s <= _LINE_START_CHARS and any(c in key[e: e + 3] for c in "-:)"):
            return d
    return None


def date_inferred_from_text(text: str, settings: Settings | None = None) -> date | None:
    """The first full date near the top of the body (the day the report is about).

    News reports open with the day of the events, usually the day of
    publication or the one before ("اليوم السبت 19 أيار 2018"): a weaker
    guess than a dateline, recorded as "inferred".
    """
    res = resources(settings)
    head = text[: res.date_top_chars]
    if not _YEAR.search(head):
        return None
    key = norm(head)
    found = _dates(key, res)
    return found[0][2] if found else None


def detect_published(
    text: str,
    *,
    given: object = None,
    html_date: str | None = None,
    settings: Settings | None = None,
) -> tuple[date | None, str | None]:
    """(date, evidence) with evidence one of given | html | text | inferred, or (None, None)."""
    d = parse_given_date(given)
    if d:
        return d, "given"
    d = parse_given_date(html_date)
    if d:
        return d, "html"
    d = date_from_text(text, settings)
    if d:
        return d, "text"
    d = date_inferred_from_text(text, settings)
    if d:
        return d, "inferred"
    return None, None


__all__ = ["date_from_text", "dates_in", "date_inferred_from_text", "detect_published", "parse_given_date"]
