"""Time expressions in Arabic news, resolved against the publication date.

`times(text, published)` finds the phrases that say when ("فجر الثلاثاء",
"يوم أمس الأربعاء", "12 أيار/مايو 2018", "منذ 19 من الشهر الماضي", "خلال ثلاثة
أسابيع", "لليوم العشرين على التوالي") and returns one `TimeExpression` per
phrase, with offsets into the original text and the dates it denotes.

How it works: the text is folded with `rasad.arabic.normalize` (so hamza, taa
marbuta and digit variants match alike), then one precompiled alternation
regex, built from the lexicon in `data/calendar.yaml`, finds every phrase
left to right. Each phrase is an optional lead word (منذ، خلال، قبل، بعد، في)
and one core (a date, a month, a period such as "الشهر الماضي", a weekday with
its part of the day, a counted span …); small per-core regexes then read the
parts and the resolvers below turn them into dates. dateparser is not used:
it returns nothing for most of these forms and reads counts as years.

Conventions (the evaluation format's date_start/date_end):

- A day or a named weekday resolves to the most recent such day on or before
  the publication date ("الثلاثاء" published on a Tuesday is that day);
  "الماضي" means strictly before, "المقبل"/"القادم" strictly after.
- A month or day without a year takes the most recent year that does not put
  it more than `future_tolerance_days` after publication; "أيار الماضي" is
  the most recent May strictly before the publication month.
- Night: "ليل الأحد"/"ليلة الأحد" is dated to the Sunday (news usage names
  the night by the day it belongs to, not by the classical eve); a pair
  "ليل السبت-الأحد" spans both days.
- Windows that a count covers end on the publication date and are inclusive:
  N days ending on D start on D − (N − 1); N weeks start on D − (7N − 1);
  24 hours (or "الساعات الماضية") start the day before.
  "اليومين الماضيين" (a counted span with الماضي/الأخير) covers the N full
  days before publication: [D − N, D − 1], as the project's gold data does.
  Uncounted "الأيام الماضية" and "منذ بدء الحملة" have an open start (None).
- "لليوم العشرين على التوالي" is a running count: [D − 19, D].
- Weeks run from `week_start` (Sunday). مطلع/منتصف/أواخر name the first,
  middle and last third of a week or month (a quarter of a year at its ends),
  precision that of the period.
- "قبل أسبوع" is the day a week before publication, precision "week" (the
  unit the text counts in); "منذ أشهر" and other bare plurals count
  `vague_count` units; "قبل يومين من الهجوم" is anchored on the event and
  left undated; "لمدة عشرين يوماً" is a span not tied to publication (undated).
- Feasts (عيد الفطر، عيد الأضحى) are their Hijri days (hijridate, Umm al-Qura).
- Without a publication date only absolute expressions (a year is given)
  carry dates; the rest keep their span, kind and precision.

Speed: the grammar is only tried around anchor words (months, weekdays,
units, digits …) found with one Aho-Corasick pass, and only at the starts of
the lexicon words just before them; `_scan` (every position) is the
reference the tests compare against.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from typing import Any

from hijridate import Gregorian, Hijri

from ..model import Normalized, TimeExpression
from ._native import C as _C
from .normalize import _unmarked, norm, normalize
from .resources import data_yaml

# The definite article, also after the preposition ل ("لليوم" = ل + اليوم).
ART = r"(?:ال|(?<=ل)ل)"
_NAMED = re.compile(r"\(\?P<\w+>")


def _alt(words, article: bool = False) -> str:
    """A regex for any of the normalised phrases (spaces match any run),
    factored as a trie so a failing position costs a character test or two."""
    forms = {norm(str(w)).strip() for w in words if str(w).strip()}
    body = _trie(" ".join(f.split()) for f in forms)
    return f"{ART}(?:{body})" if article else f"(?:{body})"


def _trie(words) -> str:
    """A regex matching any of `words`, factored by common prefixes.

    Python's re tries alternatives one by one; the factored form rejects a
    position after one or two character tests, which keeps the scan fast.
    Greedy optional tails prefer the longest entry, as a longest-first
    alternation does. A space in an entry matches any run of white space.
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(root)


def _unnamed(pattern: str) -> str:
    return _NAMED.sub("(?:", pattern)


@dataclass(frozen=True)
class _Lexicon:
    """The calendar data folded into lookup tables and regex fragments."""

    conf: dict[str, Any]
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    day_phrases: dict[str, int]
    relative_days: dict[str, int]
    modifiers: dict[str, str]
    periods: dict[str, str]
    parts: dict[str, dict[str, tuple[Fraction, Fraction]]]  # word -> period unit (or "default") -> span
    units: dict[str, tuple[str, int | None]]
    ones: dict[str, int]
    teen_ones: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    ordinals: dict[str, int]
    hijri_markers: frozenset[str]
    leads: dict[str, str]
    not_today_after: frozenset[str]
    not_today_before: tuple[str, ...]
    year_prepositions: frozenset[str]


def _invert(table: dict, key=lambda k: k) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for value, words in table.items():
        for w in words:
            out[norm(str(w))] = key(value)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    conf = data_yaml("calendar.yaml")
    units: dict[str, tuple[str, int | None]] = {}
    for unit, forms in conf["units"].items():
        for w in forms["one"]:
            units[norm(w)] = (unit, 1)
        for w in forms["two"]:
            units[norm(w)] = (unit, 2)
        for w in forms["many"]:
            units[norm(w)] = (unit, None)
    parts = {}
    for name, spec in conf["period_parts"].items():
        for w in spec["words"]:
            parts[norm(w)] = {
                unit: tuple(Fraction(str(x)) for x in spec[key])
                for unit, key in (("default", "span"), ("week", "week"), ("month", "month"), ("year", "year"))
                if key in spec
            }
    card = conf["cardinals"]
    return _Lexicon(
        conf=conf,
        months=_invert(conf["months"], int),
        hijri_months=_invert(conf["hijri_months"], int),
        weekdays={"ال" + k: v for k, v in _invert(conf["weekdays"], int).items()},
        day_phrases=_invert(conf["day_phrases"], int),
        relative_days=_invert(conf["relative_days"], int),
        modifiers=_invert(conf["modifiers"]),
        periods=_invert(conf["periods"]),
        parts=parts,
        units=units,
        ones={norm(k): v for k, v in card["ones"].items()},
        teen_ones={norm(k): v for k, v in card["teen_ones"].items()},
        tens={norm(k): v for k, v in card["tens"].items()},
        hundreds={norm(k): v for k, v in card["hundreds"].items()},
        ordinals={norm(k): v for k, v in conf["ordinals"]["ones"].items()},
        hijri_markers=frozenset(norm(w) for w in conf["hijri_markers"]),
        leads=_invert(conf["leads"]),
        not_today_after=frozenset(norm(w) for w in conf["not_today_after"]),
        not_today_before=tuple(norm(w) for w in conf["not_today_before"]),
        year_prepositions=frozenset(norm(w) for w in conf["year_prepositions"]),
    )


# --------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Grammar:
    date_follows: re.Pattern[str]  # "شهر" then "أيار": a date, not a span of one month
    construct: re.Pattern[str]  # "أيام" then "الحصار": "the days of", not a span
    of_event: re.Pattern[str]  # "قبل يومين من" + an event: anchored on the event
    ordinal_follows: re.Pattern[str]  # "نهاية الأسبوع الثاني (من الحملة)": a counted week
    ambiguous_months: frozenset[str]  # "آب" is also "أب" (father) and the end of "باب"
    master: re.Pattern[str]
    order: tuple[str, ...]
    head: str  # clitics, lead word, hedge
    tail: str
    bodies: dict[str, str]  # each reading as a named group
    cores: dict[str, re.Pattern[str]]
    number: re.Pattern[str]
    ordinal: re.Pattern[str]
    digit_led: re.Pattern[str]  # what must follow where a phrase begins with a number (see `_digit_led_ok`)


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lx = _lexicon()
    c = lx.conf
    card = c["cardinals"]
    units_all = [w for u in c["units"].values() for k in ("one", "two", "many") for w in u[k]]
    units_one = [w for u in c["units"].values() for w in u["one"]]
    units_two = [w for u in c["units"].values() for w in u["two"]]
    units_many = [w for u in c["units"].values() for w in u["many"]]
    UNIT, UNIT1, UNIT2, UNITM = _alt(units_all), _alt(units_one), _alt(units_two), _alt(units_many)
    ONES, TEENS, TENS = _alt(card["ones"]), _alt(card["teen_ones"]), _alt(card["tens"])
    HUND = _alt(card["hundreds"])
    NUMW = (
        rf"(?:{ONES}\s+و\s*{TENS}|{TEENS}\s+عشر[ه]?|{TENS}|{HUND}|{ONES})"
    )
    ORD1 = _alt(c["ordinals"]["ones"])
    ORD = rf"(?:{ART}{ORD1}(?:\s+عشر[ه]?|\s+و{ART}{TENS})?|{ART}{TENS}|ال\s*\d{{1,3}})"
    MONTHS = _alt([w for ws in c["months"].values() for w in ws])
    HMONTHS = _alt([w for ws in c["hijri_months"].values() for w in ws])
    WEEKDAYS = _alt([w for ws in c["weekdays"].values() for w in ws], article=True)
    MODS = _alt([w for ws in c["modifiers"].values() for w in ws])
    WPAST = _alt(c["window_past"])
    PERIODS = _alt([w for ws in c["periods"].values() for w in ws], article=True)
    THIS = _alt(c["this"])
    PARTS = _alt(lx.parts)
    PODS = _alt(c["parts_of_day"]["day"] + c["parts_of_day"]["night"])
    DPHR = _alt([w for ws in c["day_phrases"].values() for w in ws])
    RELD = _alt([w for ws in c["relative_days"].values() for w in ws])
    HMARK = _alt(c["hijri_markers"])
    GMARK = _alt(c["gregorian_markers"])
    YWORDS = _alt(c["year_words"])
    QUALS = _alt(c["qualifiers"])
    LEADS = _alt([w for ws in c["leads"].values() for w in ws])
    CSTARTS = _alt(c["campaign_starts"])
    RUN = _alt(c["running"])
    RECENT = _alt(c["recent"])
    GLUE = _alt(c["date_glue"])
    NB = r"(?![^\W\d_])"  # no letter follows

    year4 = rf"(?P<year>\d{{4}})(?!\d)(?:\s*(?P<ymark>{HMARK}|{GMARK}){NB})?"
    yearpart = rf"(?:\s*[,-]?\s*(?:(?:{YWORDS})\s*)?{year4})?"
    month_name = rf"(?:شهر\s+)?(?P<mname>{MONTHS})(?:\s*(?:/|\(|-)\s*(?P<mname2>{MONTHS})(?:\s*\))?)?"
    wd_prefix = (
        rf"(?:(?P<dpod>{PODS})\s+(?:من\s+)?)?(?:(?:يوم|نهار)\s+)?(?:(?P<drel>{RELD})\s*,?\s*)?"
        rf"(?:(?P<wd>{WEEKDAYS})\s*,?\s*(?:(?:{GLUE})\s+)?)?"
    )
    FEASTS = _alt(c["hijri_feasts"])
    FDAYS = _alt(c["feast_days"])
    cores = {
        "recent": rf"(?P<recent>{RECENT})",
        "feast": rf"(?:(?P<fday>{FDAYS})\s+)?(?P<feast>{FEASTS})(?:\s+(?P<fmod>{MODS}))?",
        "cstart": rf"(?P<cstart>{CSTARTS})(?:\s+(?P<cobj>[^\W\d_]{{2,}}))?",
        "defdur": (
            rf"{ART}(?:\s*(?P<dnum>\d{{1,3}})\s*(?P<du>{UNIT})|(?P<du2>{UNIT2})|(?P<dum>{UNITM})"
            rf"(?:\s+ال\s*(?P<dnumw>{NUMW}|\d{{1,3}}))?)(?:\s+ال(?:{_alt(c['vague_adjectives'])}))?"
            rf"\s+(?P<past>{WPAST})"
        ),
        "dur": (
            rf"(?:(?P<qual>{QUALS})\s*)?(?:(?P<num>{NUMW}|\d{{1,4}})\s*(?P<unit>{UNIT})"
            rf"|(?P<unit2>{UNIT2})|(?P<unit1>{UNIT1})(?:\s+(?P<wahid>واحد|واحده))?"
            rf"|(?P<vague>{_alt(card['vague'])})\s+(?P<unitv>{UNIT})|(?P<unitm>{UNITM}))"
            rf"(?:\s+(?P<vadj>{_alt(c['vague_adjectives'])}))?"
            rf"(?:\s+(?:من|علي)\s+(?P<after>{CSTARTS})(?:\s+[^\W\d_]{{2,}})?)?"
        ),
        "running": (
            rf"(?P<rart>{ART})(?P<runit>يوم|اسبوع|شهر)\s+(?P<rord>{ORD})(?:\s+(?P<run>{RUN}))?"
        ),
        "numeric": (
            rf"(?:(?P<nwd>{WEEKDAYS})\s*,?\s*)?(?:(?P<y1>\d{{4}})[-/.](?P<m1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}})"
            rf"|(?P<d2>\d{{1,2}})[-/.](?P<m2>\d{{1,2}})[-/.](?P<y2>\d{{4}}))(?![\d/.-]\d)"
        ),
        "hdate": (
            rf"(?:(?:(?:(?P<hd>\d{{1,2}})|(?P<hdord>{ORD}))\s*(?:من\s+)?(?:شهر\s+)?|(?P<hpart>{PARTS})\s+(?:شهر\s+)?"
            rf"|(?P<hshahr>شهر)\s+)(?P<hm>{HMONTHS})"
            rf"(?:\s+(?P<hmod>{MODS}))?(?:\s*,?\s*(?:(?:{YWORDS})\s*)?(?P<hy>\d{{4}})(?:\s*(?:{HMARK}){NB})?)?"
            rf"|(?P<hm2>{HMONTHS})\s*,?\s*(?P<hy2>\d{{4}})\s*(?:{HMARK}){NB})"
        ),
        "dm": (
            rf"{wd_prefix}(?:(?P<dnum>\d{{1,2}})|(?P<dord>{ORD}))(?!\d)"
            rf"(?:\s*(?:و|-|الي|حتي)\s*(?P<dnum2>\d{{1,2}}))?\s*(?:-\s*|من\s+)?"
            rf"(?:{month_name}(?:\s+(?P<mmod>{MODS}))?|(?P<tmonth>{ART}شهر)(?:\s+(?P<tmod>{MODS}))?)"
            rf"{yearpart}"
        ),
        "monthy": rf"(?:(?P<part>{PARTS})\s+)?{month_name}(?:\s+(?P<mmod>{MODS}))?{yearpart}",
        "period": (
            rf"(?:(?P<part>{PARTS})\s+)?(?:(?P<this>{THIS})\s+)?(?P<punit>{PERIODS})"
            rf"(?:\s+(?P<pmod>{MODS}))?"
        ),
        "year": (
            rf"(?:(?P<part>{PARTS})\s+)?(?:(?P<yw>{YWORDS})\s*)?{year4}"
            rf"(?:\s*(?:و|-|الي)\s*(?P<year2>\d{{4}})(?!\d))?"
        ),
        "dayref": (
            rf"(?:(?P<pod>{PODS})\s+(?:من\s+)?)?(?:(?:يوم|نهار)\s+)?(?:"
            rf"(?P<dphrase>{DPHR})"
            rf"|(?P<rel>{RELD})(?:\s*,?\s*(?P<rwd>{WEEKDAYS}))?"
            rf"|(?P<wd>{WEEKDAYS})(?:(?:\s*[-/]\s*|\s+(?:و|الي|علي)\s*|\s+)(?P<wd2>{WEEKDAYS}))?"
            rf"(?:\s+(?P<wmod>{MODS}))?)"
        ),
    }
    order = ["recent", "cstart", "defdur", "dur", "running", "feast", "numeric", "hdate", "dm", "monthy",
             "year", "period", "dayref"]
    body = "|".join(f"(?P<{k}>{_unnamed(cores[k])})" for k in order)
    # no letter before; a cheap test that a phrase can start here; clitics; lead word and hedge
    head = (
        rf"(?<![^\W_])(?=[وفبلك]{{0,2}}(?:{_first_words(c, lx)}|\d))(?P<cl>[وف]?[بلك]?)"
        rf"(?:(?P<lead>{LEADS})\s+(?:(?P<q0>{QUALS})\s+)?)?"
    )
    WPAST_MODS = _alt(c["window_past"] + [w for ws in c["modifiers"].values() for w in ws] + c["vague_adjectives"])
    return _Grammar(
        date_follows=re.compile(rf"\s*(?:\d|(?:{MONTHS}|{HMONTHS}|{WEEKDAYS}|{RELD}){NB})"),
        construct=re.compile(rf"\s+(?!{WPAST_MODS}{NB})ال[^\W\d_]{{2,}}"),
        of_event=re.compile(r"\s+(?:من|علي)\s+[^\W\d_]"),
        ordinal_follows=re.compile(rf"\s+{ORD}{NB}"),
        ambiguous_months=frozenset(norm(w) for w in c["ambiguous_months"]),
        master=re.compile(rf"{head}(?:{body}){NB}"),
        order=tuple(order),
        head=head,
        tail=NB,
        bodies={k: f"(?P<{k}>{_unnamed(cores[k])})" for k in order},
        cores={k: re.compile(v + NB) for k, v in cores.items()},
        number=re.compile(
            rf"(?:(?P<o>{ONES})\s+و\s*(?P<t>{TENS})|(?P<te>{TEENS})\s+عشر[ه]?|(?P<t2>{TENS})|(?P<h>{HUND})"
            rf"|(?P<o2>{ONES}))$"
        ),
        ordinal=re.compile(
            rf"(?:{ART}(?P<o>{ORD1})(?:\s+(?P<teen>عشر[ه]?)|\s+و{ART}(?P<t>{TENS}))?|{ART}(?P<t2>{TENS})"
            rf"|ال\s*(?P<d>\d{{1,3}}))$"
        ),
        # A reading that begins with a number goes on as one of these (the
        # cores' digit-led openings: numeric, year, dur/defdur, hdate, dm).
        digit_led=re.compile(
            rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|\d{{4}}(?!\d)|\d{{1,4}}\s*(?:{UNIT})|\d{{1,2}}\s*(?:من\s+)?(?:شهر\s+)?(?:{HMONTHS})"
            rf"|\d{{1,2}}(?!\d)(?:\s*(?:و|-|الي|حتي)\s*\d{{1,2}})?\s*(?:-\s*|من\s+)?(?:شهر|الشهر|لشهر|{MONTHS})"
        ),
    )


def _first_words(c: dict, lx: _Lexicon) -> str:
    """A fast test for where a phrase can begin: the first word of every entry
    that can open one (a necessary condition checked before the full grammar)."""
    plain = [
        c["recent"], [w for ws in c["leads"].values() for w in ws],
        c["qualifiers"], c["cardinals"]["vague"], list(c["cardinals"]["ones"]), list(c["cardinals"]["teen_ones"]),
        list(c["cardinals"]["tens"]), list(c["cardinals"]["hundreds"]),
        [w for ws in c["months"].values() for w in ws], [w for ws in c["hijri_months"].values() for w in ws],
        c["parts_of_day"]["day"] + c["parts_of_day"]["night"], [w for s in c["period_parts"].values() for w in s["words"]],
        c["this"], [w for ws in c["day_phrases"].values() for w in ws],
        [w for ws in c["relative_days"].values() for w in ws], c["year_words"],
        [w for u in c["units"].values() for k in ("one", "two", "many") for w in u[k]],
        ["شهر", "يوم", "نهار"], list(c["hijri_feasts"]), list(c["feast_days"]),
    ]
    article = [
        [w for ws in c["weekdays"].values() for w in ws], [w for ws in c["periods"].values() for w in ws],
        list(c["ordinals"]["ones"]), list(c["cardinals"]["tens"]),
        [w for u in c["units"].values() for k in ("two", "many") for w in u[k]], ["يوم", "اسبوع", "شهر"],
    ]
    first = {norm(str(w)).split()[0] for ws in plain for w in ws if str(w).strip()}
    for ws in article:
        for w in ws:
            f = norm(str(w)).split()[0]
            first.update({"ال" + f, "ل" + f})
    return "(?:" + _trie(first) + r"|ال\s*\d)"


# --------------------------------------------------------------------------- numbers


def _number(words: str) -> int | None:
    """Value of a cardinal written in digits or words ("عشرين", "خمسة عشر")."""
    s = words.strip()
    if s.isdigit():
        return int(s)
    lx, m = _lexicon(), _grammar().number.match(_key(s))
    if not m:
        return None
    if m["o"]:
        return lx.ones[m["o"]] + lx.tens[m["t"]]
    if m["te"]:
        return 10 + lx.teen_ones[m["te"]]
    if m["t2"]:
        return lx.tens[m["t2"]]
    if m["h"]:
        return lx.hundreds[m["h"]]
    return lx.ones[m["o2"]]


def _ordinal(words: str) -> int | None:
    lx, m = _lexicon(), _grammar().ordinal.match(_key(words))
    if not m:
        return None
    if m["d"]:
        return int(m["d"])
    if m["t2"]:
        return lx.tens[m["t2"]]
    one = lx.ordinals[m["o"]]
    if m["teen"]:
        return 10 + one
    if m["t"]:
        return lx.tens[m["t"]] + one
    return one


# --------------------------------------------------------------------------- calendar arithmetic

Span = tuple[date | None, date | None, str]


@lru_cache(maxsize=4096)
def _month_span(y: int, m: int) -> tuple[date, date]:
    """First and last day of month m of year y (cached, as are the other
    pure date reckonings below that a text asks again and again)."""
    start = date(y, m, 1)
    nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    return start, nxt - timedelta(days=1)


def _part(start: date, end: date, part: dict[str, tuple[Fraction, Fraction]] | None, unit: str
          ) -> tuple[date, date]:
    """The share of the `unit` [start, end] named by مطلع/منتصف/أواخر (fractions of its days)."""
    if not part:
        return start, end
    lo, hi = part.get(unit, part["default"])
    n = (end - start).days + 1
    # (kept by the identity of the lexicon's fractions, which the entry holds:
    # hashing a Fraction is slow too)
    key = (n, id(lo), id(hi))
    got = _SHARES.get(key)
    if got is None:
        if len(_SHARES) >= _SHARES_MAX:
            _SHARES.clear()
        got = _SHARES[key] = (*_share(n, lo, hi), lo, hi)
    return start + timedelta(days=got[0]), start + timedelta(days=got[1])


_SHARES: dict[tuple[int, int, int], tuple[int, int, Fraction, Fraction]] = {}
_SHARES_MAX = 4096


def _share(n: int, lo: Fraction, hi: Fraction) -> tuple[int, int]:
    """First and last day (0-based) of the share [lo, hi) of n days (kept by
    `_part`: Fraction arithmetic is slow)."""
    a = math.floor(n * lo)
    b = max(a, math.ceil(n * hi) - 1)
    return a, min(b, n - 1)


@lru_cache(maxsize=1)
def _tolerance() -> timedelta:
    return timedelta(days=int(_lexicon().conf["future_tolerance_days"]))


@lru_cache(maxsize=4096)
def _month_year(month: int, mod: str | None, pub: date, day: int = 1) -> int:
    """The year of a month named without one, by the conventions in the module doc."""
    if mod == "past":
        return pub.year if month < pub.month else pub.year - 1
    if mod == "next":
        return pub.year if month > pub.month else pub.year + 1
    if mod == "current":
        return pub.year
    try:
        d = date(pub.year, month, day)
    except ValueError:
        d = date(pub.year, month, 1)
    return pub.year if d <= pub + _tolerance() else pub.year - 1


@lru_cache(maxsize=4096)
def _weekday(wd: int, mod: str | None, pub: date) -> date:
    if mod == "next":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - wd) % 7
    if mod == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _shift_months(d: date, months: int) -> date:
    """d + dateutil's relativedelta(months=months): the same day so many
    months on, or the last day of that month (done here: relativedelta is slow)."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _minus(d: date, unit: str, n: int) -> date:
    """d minus n units (d - relativedelta(months=n) for months and years)."""
    if unit == "month":
        return _shift_months(d, -n)
    if unit == "year":
        return _shift_months(d, -12 * n)
    return d - timedelta(**{unit + "s": n})


def _back(pub: date, unit: str, n: int) -> date:
    """pub minus n units; hours count whole days (two hours ago is today)."""
    if unit == "hour":
        return pub - timedelta(days=n // 24)
    return _minus(pub, unit, n)


def _window(pub: date, unit: str, n: int) -> date:
    """Start of the inclusive window of n units that ends on pub."""
    if unit == "hour":
        return pub - timedelta(days=max(1, math.ceil(n / 24)))
    return _minus(pub, unit, n) + timedelta(days=1)


def _precision(unit: str) -> str:
    return "day" if unit == "hour" else unit


def _hijri_span(hy: int, hm: int, hd: int | None) -> tuple[date, date] | None:
    try:
        if hd:
            g = Hijri(hy, hm, hd).to_gregorian()
            return date(g.year, g.month, g.day), date(g.year, g.month, g.day)
        h = Hijri(hy, hm, 1)
        g0 = h.to_gregorian()
        start = date(g0.year, g0.month, g0.day)
        return start, start + timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def _hijri_year_span(hy: int) -> tuple[date, date] | None:
    a, b = _hijri_span(hy, 1, 1), _hijri_span(hy + 1, 1, 1) if hy < 1500 else None
    if a and b:
        return a[0], b[0] - timedelta(days=1)
    return None


# --------------------------------------------------------------------------- resolvers


class _Reject(Exception):
    """The phrase matched the grammar but is not a time expression."""


def _mod(word: str | None) -> str | None:
    return _lexicon().modifiers.get(_key(word)) if word else None


def _key(word: str) -> str:
    """A matched phrase as a lookup key: runs of spaces as one."""
    if word.isalnum():  # one word (most): no space to fold
        return word
    return " ".join(word.split())


def _month_of(m: re.Match[str]) -> int:
    return _lexicon().months[_key(m["mname"])]


def _year_value(m: re.Match[str]) -> tuple[int, bool] | None:
    """The year a match names, and whether it is Hijri."""
    if not m["year"]:
        return None
    hijri = bool(m["ymark"]) and _key(m["ymark"]) in _lexicon().hijri_markers
    return int(m["year"]), hijri


def _dm(m: re.Match[str], pub: date | None) -> Span:
    prec = "part_of_day" if m["dpod"] else "day"
    day = int(m["dnum"]) if m["dnum"] else _ordinal(m["dord"])
    if not day or not 1 <= day <= 31:
        raise _Reject
    day2 = int(m["dnum2"]) if m["dnum2"] else None
    yv = _year_value(m)
    if yv and yv[1]:
        raise _Reject
    if m["mname"]:
        month, mod = _month_of(m), _mod(m["mmod"])
        if yv:
            year = yv[0]
        elif pub:
            year = _month_year(month, mod, pub, day)
        else:
            return None, None, prec
    else:  # "19 من الشهر الماضي"
        if yv:
            raise _Reject
        if not pub:
            return None, None, prec
        ref = _shift_months(pub, {"past": -1, "next": 1}.get(_mod(m["tmod"]) or "", 0))
        year, month = ref.year, ref.month
    try:
        start = date(year, month, day)
        end = date(year, month, day2) if day2 and day2 > day else start
    except ValueError:
        raise _Reject from None
    return start, end, prec


def _monthy(m: re.Match[str], pub: date | None, lead: tuple[str, str] | None = None, cl: str = "") -> Span:
    if _key(m["mname"]) in _grammar().ambiguous_months and not (m["mname2"] or m["year"] or m["mmod"]
                                                              or m["part"] or m.group().startswith("شهر")):
        if not lead or cl.strip("وف"):
            raise _Reject  # "أب" (father), "باب" (gate): not August without context
    month, mod = _month_of(m), _mod(m["mmod"])
    part = _lexicon().parts.get(_key(m["part"])) if m["part"] else None
    yv = _year_value(m)
    if yv and yv[1]:
        raise _Reject
    if yv:
        year = yv[0]
    elif pub:
        year = _month_year(month, mod, pub)
    else:
        return None, None, "month"
    return (*_part(*_month_span(year, month), part, "month"), "month")


def _numeric(m: re.Match[str], pub: date | None) -> Span:
    if m["y1"]:
        y, a, b = int(m["y1"]), int(m["m1"]), int(m["d1"])
        candidates = [(y, a, b), (y, b, a)]
    else:
        y, a, b = int(m["y2"]), int(m["d2"]), int(m["m2"])
        candidates = [(y, b, a), (y, a, b)]  # day first unless impossible
    for yy, mm, dd in candidates:
        try:
            d = date(yy, mm, dd)
        except ValueError:
            continue
        return d, d, "day"
    raise _Reject


def _hdate(m: re.Match[str], pub: date | None) -> Span:
    lx = _lexicon()
    hm = lx.hijri_months[_key(m["hm"] or m["hm2"])]
    hy = int(m["hy"] or m["hy2"]) if (m["hy"] or m["hy2"]) else None
    hd = int(m["hd"]) if m["hd"] else (_ordinal(m["hdord"]) if m["hdord"] else None)
    if hd is not None and not 1 <= hd <= 30:
        raise _Reject
    prec = "day" if hd else "month"
    if hy is None:
        if not pub:
            return None, None, prec
        try:
            ph = Gregorian(pub.year, pub.month, pub.day).to_hijri()
        except (ValueError, OverflowError):
            return None, None, prec
        mod = _mod(m["hmod"])
        if mod == "past":
            hy = ph.year if hm < ph.month else ph.year - 1
        elif mod == "next":
            hy = ph.year if hm > ph.month else ph.year + 1
        elif mod == "current":
            hy = ph.year
        else:
            hy = ph.year
            span = _hijri_span(hy, hm, hd)
            if span and span[0] > pub + _tolerance():
                hy -= 1
    span = _hijri_span(hy, hm, hd)
    if not span:
        return None, None, prec
    part = lx.parts.get(_key(m["hpart"])) if m["hpart"] else None  # مطلع رمضان، أواخر شهر شعبان
    return (*_part(span[0], span[1], part, "month"), prec)


def _feast(m: re.Match[str], pub: date | None) -> Span:
    """"عيد الأضحى", "أول أيام عيد الفطر": the feast nearest before publication."""
    c = _lexicon().conf
    month, first, days = next(v for k, v in c["hijri_feasts"].items() if norm(k) == _key(m["feast"]))
    fday = next((v for k, v in c["feast_days"].items() if norm(k) == _key(m["fday"])), None) if m["fday"] else None
    if not pub:
        return None, None, "day"
    try:
        hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    except (ValueError, OverflowError):
        return None, None, "day"
    starts = [s for y in (hy - 1, hy, hy + 1) if (s := _hijri_span(y, month, first))]
    mod = _mod(m["fmod"])
    if mod == "next":
        pick = [s[0] for s in starts if s[0] > pub][:1]
    elif mod == "past":
        pick = [s[0] for s in starts if s[0] + timedelta(days=days - 1) < pub][-1:]
    else:
        pick = [s[0] for s in starts if s[0] <= pub + _tolerance()][-1:]
    if not pick:
        return None, None, "day"
    if fday:
        d = pick[0] + timedelta(days=min(fday, days) - 1)
        return d, d, "day"
    return pick[0], pick[0] + timedelta(days=days - 1), "day"


def _period(m: re.Match[str], pub: date | None) -> Span:
    lx = _lexicon()
    unit = lx.periods[_strip_art(m["punit"])]
    mod = _mod(m["pmod"])
    part = lx.parts.get(_key(m["part"])) if m["part"] else None
    if not (mod or m["this"] or part):
        raise _Reject
    if not pub:
        return None, None, unit
    step = {"past": -1, "next": 1}.get(mod or "", 0)
    if unit == "week":
        ws = int(lx.conf["week_start"])
        start = pub - timedelta(days=(pub.weekday() - ws) % 7) + timedelta(weeks=step)
        end = start + timedelta(days=6)
    elif unit == "month":
        ref = _shift_months(pub, step)
        start, end = _month_span(ref.year, ref.month)
    else:
        y = pub.year + step
        start, end = date(y, 1, 1), date(y, 12, 31)
    return (*_part(start, end, part, unit), unit)


def _year(m: re.Match[str], pub: date | None, lead: str | None, before: str) -> Span:
    lx = _lexicon()
    year, hijri = _year_value(m)
    explicit = bool(m["yw"] or m["part"] or m["ymark"])
    if not explicit:
        if not (lead or before in lx.year_prepositions):
            raise _Reject
        top = pub.year + 1 if pub else int(lx.conf["year_max"])
        if not int(lx.conf["year_min"]) <= year <= top:
            raise _Reject
    part = lx.parts.get(_key(m["part"])) if m["part"] else None
    if hijri:
        span = _hijri_year_span(year)
        if not span:
            return None, None, "year"
        return (*_part(*span, part, "year"), "year")
    if not int(lx.conf["year_min"]) <= year <= int(lx.conf["year_max"]):
        raise _Reject
    end_year = int(m["year2"]) if m["year2"] and int(m["year2"]) > year else year
    if end_year - year > 50:
        raise _Reject
    return (*_part(date(year, 1, 1), date(end_year, 12, 31), part, "year"), "year")


def _dayref(m: re.Match[str], pub: date | None, following: str, before: str) -> Span:
    lx = _lexicon()
    pod = _key(m["pod"]) if m["pod"] else None
    prec = "part_of_day" if pod else "day"
    if m["dphrase"]:
        off = lx.day_phrases[_key(m["dphrase"])]
        if not pub:
            return None, None, "part_of_day"
        d = pub + timedelta(days=off)
        return d, d, "part_of_day"
    if m["rel"]:
        rel = _key(m["rel"])
        if rel == "اليوم" and not m["rwd"] and not pod:
            nxt = following.split(maxsplit=1)[0].strip(".,;:!?\"()") if following.strip() else ""
            if nxt in lx.not_today_after or nxt.startswith("ال") and (_ordinal(nxt) or _ordinal(
                    " ".join(following.split()[:2]))):
                raise _Reject
            if any(before.endswith(w) for w in lx.not_today_before):
                raise _Reject
        if not pub:
            return None, None, prec
        d = pub + timedelta(days=lx.relative_days[rel])
        return d, d, prec
    wd = lx.weekdays[_weekday_key(m["wd"])]
    if not pub:
        return None, None, prec
    d = _weekday(wd, _mod(m["wmod"]), pub)
    end = d
    if m["wd2"]:
        wd2 = lx.weekdays[_weekday_key(m["wd2"])]
        if wd2 == (wd + 1) % 7:
            end = d + timedelta(days=1)
    return d, end, prec


def _weekday_key(word: str) -> str:
    """Lookup key of a weekday match ("لثلاثاء" after the preposition ل -> "الثلاثاء")."""
    w = _key(word)
    return w if w.startswith("ال") else "ال" + w[1:]


def _strip_art(word: str) -> str:
    w = _key(word)
    return w[2:] if w.startswith("ال") else w[1:]


# --------------------------------------------------------------------------- durations


def _duration(m: re.Match[str]) -> tuple[str, int | None]:
    """(unit, count) of a counted span; count None for a bare plural."""
    lx = _lexicon()
    if m["unit"]:
        unit, implied = lx.units[_key(m["unit"])]
        n = _number(m["num"])
        if n is None or n == 0:
            raise _Reject
        return unit, n
    if m["unit2"]:
        return lx.units[_key(m["unit2"])][0], 2
    if m["unit1"]:
        return lx.units[_key(m["unit1"])][0], 1
    if m["unitv"]:
        return lx.units[_key(m["unitv"])][0], None
    return lx.units[_key(m["unitm"])][0], None


def _dur_expr(m: re.Match[str], lead: tuple[str, str] | None, pub: date | None, text: str, e: int
              ) -> tuple[str, Span]:
    """Kind and dates of LEAD + counted span (قبل أسبوع، منذ أشهر، خلال 20 يوماً)."""
    if not lead:
        raise _Reject
    role, word = lead
    unit, n = _duration(m)
    g = _grammar()
    if m["unit1"] and not m["wahid"] and g.date_follows.match(text, e):
        raise _Reject  # "منذ عام 2011", "منذ شهر أيار", "منذ يوم الخميس"
    if n is None and g.construct.match(text, e):
        raise _Reject  # "منذ أيام الحصار"
    if role == "ago" and not m["after"] and g.of_event.match(text, e):
        return "relative", (None, None, _precision(unit))  # "قبل يومين من الهجوم"
    prec = _precision(unit)
    if m["after"]:
        if role == "ago":  # "قبل يومين من بدء الهجوم": anchored on the event, not on publication
            return "relative", (None, None, prec)
        if role != "after_start":
            raise _Reject
        if not pub or n is None:
            return "window", (None, pub, prec)
        return "window", (_window(pub, unit, n), pub, prec)
    if role == "after_start":
        raise _Reject
    vague = int(_lexicon().conf["vague_count"])
    if role == "ago":
        if not pub:
            return "relative", (None, None, prec)
        d = _back(pub, unit, n or vague)
        return "relative", (d, d, prec)
    if role == "since":
        if not pub:
            return "since", (None, None, prec)
        return "since", (_back(pub, unit, n or vague), pub, prec)
    if role == "at":
        raise _Reject  # "في ثلاثة أحياء"
    if role == "duration":
        return "window", (None, None, prec)
    if n is None or not pub:
        return "window", (None, pub, prec)
    return "window", (_window(pub, unit, n), pub, prec)


def _defdur(m: re.Match[str], pub: date | None) -> tuple[str, Span]:
    """"(خلال) اليومين الماضيين", "في الساعات الماضية": the days just before publication."""
    lx = _lexicon()
    if m["du"]:
        unit, n = lx.units[_key(m["du"])][0], int(m["dnum"])
    elif m["du2"]:
        unit, n = lx.units[_key(m["du2"])][0], 2
    else:
        unit = lx.units[_key(m["dum"])][0]
        n = _number(m["dnumw"]) if m["dnumw"] else None
    if n == 0:
        raise _Reject
    prec = _precision(unit)
    if not pub:
        return "window", (None, None, prec)
    if unit == "hour":
        return "window", (pub - timedelta(days=max(1, math.ceil((n or 1) / 24))), pub, prec)
    if n is None:
        return "window", (None, pub, prec)
    return "window", (_minus(pub, unit, n), pub - timedelta(days=1), prec)


def _running(m: re.Match[str], cl: str, pub: date | None) -> Span:
    n = _ordinal(m["rord"])
    if not n or not (m["run"] or cl.endswith("ل") or m["rart"] == "ل"):
        raise _Reject
    unit = {"يوم": "day", "اسبوع": "week", "شهر": "month"}[m["runit"]]
    if not pub:
        return None, None, unit
    return _minus(pub, unit, n - 1), pub, unit


# --------------------------------------------------------------------------- driver

_DATED = {"feast": _feast, "numeric": _numeric, "hdate": _hdate, "dm": _dm, "monthy": _monthy, "period": _period}


def _resolve(kind: str, m: re.Match[str], pub: date | None, lead: tuple[str, str] | None,
             cl: str, text: str, start: int, end: int) -> tuple[str, Span, bool]:
    """(kind, (date_start, date_end, precision), keep_lead) for one matched core."""
    if kind == "recent":
        return "window", (None, pub, "unknown"), False
    if kind == "cstart":
        if not lead or lead[0] != "since":
            raise _Reject
        return "window", (None, pub, "day"), True
    if kind == "defdur":
        k, span = _defdur(m, pub)
        return k, span, True
    if kind == "dur":
        k, span = _dur_expr(m, lead, pub, text, end)
        return k, span, True
    if kind == "running":
        return "window", _running(m, cl, pub), False
    if kind == "monthy":
        span = _monthy(m, pub, lead, cl)
    elif kind == "period":
        if _grammar().ordinal_follows.match(text, end):
            raise _Reject
        span = _period(m, pub)
    elif kind in _DATED:
        span = _DATED[kind](m, pub)
    elif kind == "year":
        span = _year(m, pub, lead[1] if lead else None, _prev_word(text, start))
    else:
        span = _dayref(m, pub, text[end:end + 30], text[max(0, start - 12):start].rstrip())
    if lead and lead[0] == "since":
        return "since", (span[0], pub, span[2]), True
    if lead and lead[0] == "window":
        return "window", span, True
    if lead and lead[0] in ("ago", "after_start") and kind == "dayref" and m["pod"]:
        return "date", span, True  # "بعد ظهر اليوم", "قبل فجر الأحد"
    return "date", span, False


def _prev_word(text: str, start: int) -> str:
    head = text[max(0, start - 16):start].split()
    return head[-1] if head else ""


class _CoreMatch(dict):
    """What the resolvers read from a core match: its named groups (None when
    a group took no part, as in a match) and, as `group()`, its text. Kept in
    `_CORE_MEMO` instead of the match itself, which would keep its whole text
    alive."""

    __slots__ = ("text",)

    def group(self) -> str:
        return self.text


# Readings of a core by its text: news repeats its time phrases ("الساعات
# الـ24 الماضية", "يوم أمس"). Emptied when full.
_CORE_MEMO: dict[tuple[str, bool, str], _CoreMatch | None] = {}
_CORE_MEMO_MAX = 1 << 12
_UNSEEN = object()  # (None in the memo: the core does not match)


def _core(g: _Grammar, kind: str, t: str, s: int, e: int) -> _CoreMatch | None:
    """The core regex of `kind` matched on exactly t[s:e], or None.

    The match depends only on t[s:e] and on whether "ل" stands before s (the
    only look-behind in the cores is the article's (?<=ل); the look-ahead
    after a core sees the end of the span): that is the memo key. The
    resolvers read only the match's groups and text, never its offsets.
    """
    key = (kind, s > 0 and t[s - 1] == "ل", t[s:e])
    core = _CORE_MEMO.get(key, _UNSEEN)
    if core is not _UNSEEN:
        return core
    m = g.cores[kind].match(t, s, e)
    core = None
    if m is not None and m.end() == e:
        core = _CoreMatch(m.groupdict())
        core.text = m.group()
    if len(_CORE_MEMO) >= _CORE_MEMO_MAX:
        _CORE_MEMO.clear()
    _CORE_MEMO[key] = core
    return core


def _attempt(m: re.Match[str], text: str, n_text: str, n, published: date | None) -> TimeExpression | None:
    """The expression one grammar match denotes, or None if the match is not one."""
    g = _grammar()
    kind = m.lastgroup
    if kind is None or kind not in g.cores:
        return None
    lead_text = m["lead"]
    if kind == "dur" and not lead_text:
        return None  # a counted span is a time phrase only after its lead word (_dur_expr)
    s, e = m.span(kind)
    cl = m["cl"] or ""
    got = _reading(g, kind, m, n_text, s, e, cl, lead_text, published)
    if got is None:
        return None
    k, d0, d1, prec, keep_lead, lam = got
    begin = m.start("lead") if keep_lead and lead_text else s
    if begin == s and lam:
        begin = s - 1  # "لليوم": keep the preposition whose lam the article lost
    index = n.index  # n.orig_span(begin, e):
    o0 = index[begin]
    o1 = index[e - 1] + 1 if e > begin else o0
    size = len(text)
    while o1 < size and ("\u064b" <= text[o1] <= "\u065f" or text[o1] in "\u0640\u0670"):
        o1 += 1  # the tatweel of "هـ", a final tanween (_TRAILING)
    return _time_expression(o0, o1, d0, d1, prec, k, text[o0:o1])


def _reading(g: _Grammar, kind: str, m: re.Match[str], n_text: str, s: int, e: int, cl: str,
             lead_text: str | None, published: date | None) -> tuple | None:
    """(kind, date_start, date_end, precision, keeps its lead word, keeps the
    lam before it) of a core, or None if it is not a time expression."""
    core = _CORE_MEMO.get((kind, s > 0 and n_text[s - 1] == "ل", n_text[s:e]), _UNSEEN)  # (_core's memo)
    if core is _UNSEEN:
        core = _core(g, kind, n_text, s, e)
    if core is None:
        return None
    lead = None
    if lead_text:
        word = _key(lead_text)
        lead = (_lexicon().leads.get(word, "window"), word)
    try:
        k, (d0, d1, prec), keep_lead = _resolve(kind, core, published, lead, cl, n_text, s, e)
    except (_Reject, OverflowError, ValueError):  # not a time phrase, or dates out of range
        return None
    if d0 and d1 and d0 > d1:
        d1 = None  # "منذ 2019" in a text dated 2018: the start stands, the end is unknown
    lam = kind == "running" and cl.endswith("ل") and core["rart"] == "ل"
    return k, d0, d1, prec, keep_lead, lam


# TimeExpression is a frozen slots dataclass whose generated __init__ sets
# each field through object.__setattr__; `_time_expression_py` fills the same
# slots of a twin class with plain stores and makes the object a
# TimeExpression (__class__ assignment between classes of the same layout):
# equal to TimeExpression(...) in every way, frozen like it. When
# rasad.arabic._speedups was built, `_time_expression` is its Maker, which
# fills the slots in C: the same record again (it is the reference's twin).
_TE_FIELDS = ("start", "end", "date_start", "date_end", "precision", "kind", "text")
if TimeExpression.__slots__ != _TE_FIELDS or hasattr(TimeExpression, "__post_init__"):  # model changed
    raise ImportError("rasad.arabic.times: TimeExpression fields differ from _TE_FIELDS")


class _TimeExpressionBuilder:
    """Same slots as TimeExpression, not frozen: see `_time_expression_py`."""

    __slots__ = _TE_FIELDS


def _time_expression_py(start: int, end: int, date_start: date | None, date_end: date | None, precision: str,
                        kind: str, text: str) -> TimeExpression:
    """TimeExpression(start, end, ...), built without the frozen dataclass's __init__."""
    t = object.__new__(_TimeExpressionBuilder)
    t.start = start
    t.end = end
    t.date_start = date_start
    t.date_end = date_end
    t.precision = precision
    t.kind = kind
    t.text = text
    t.__class__ = TimeExpression
    return t


# The C maker (rasad.arabic._speedups) when it was built: the same record, made in C.
_time_expression = _C.Maker(TimeExpression, _TE_FIELDS) if _C else _time_expression_py


_TRAILING = re.compile(r"[\u0640\u064b-\u065f\u0670]")


def _first_reading(m: re.Match[str], text: str, n: Normalized, published: date | None
                   ) -> tuple[re.Match[str], TimeExpression] | None:
    """The first reading of a grammar match that is a time expression.

    When the master alternative is not one ("يوم" of "يوم أمس" read as a
    span), the readings after it are tried at the same place.
    """
    g = _grammar()
    found = _attempt(m, text, n.text, n, published)
    if found is not None:
        return m, found
    while m.lastgroup in g.order:
        rest = _rest(g.order.index(m.lastgroup) + 1)
        if rest is None or (m2 := rest.match(n.text, m.start())) is None:
            return None
        m = m2
        found = _attempt(m, text, n.text, n, published)
        if found is not None:
            return m, found
    return None


@lru_cache(maxsize=None)
def _rest(i: int) -> re.Pattern[str] | None:
    """The grammar without its first `i` readings (compiled when first needed)."""
    g = _grammar()
    if i >= len(g.order):
        return None
    return re.compile(g.head + "(?:" + "|".join(g.bodies[k] for k in g.order[i:]) + ")" + g.tail)


_MAX_WORDS_BEFORE = 8  # lead + hedge + number words + part of day before an anchor word
_MAX_CHARS_AFTER = 80  # from an anchor to the end of its phrase ("أيار/مايو 2018 ميلادي")
# What may stand before an anchor inside its word: clitics and the article.
_PREFIXES = frozenset(
    c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")
) | {"لل", "ولل", "فلل"}


@lru_cache(maxsize=1)
def _inner_words() -> frozenset[str]:
    """Every word of the lexicon (with and without the article): the words a
    phrase can hold before its anchor word ("منذ أكثر من ثلاثة" + "أيام")."""
    words: set[str] = {"من", "يوم", "نهار", "شهر", "و", "عشر", "عشره"}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            for w in norm(node).split():
                words.add(w)

    walk(_lexicon().conf)
    words |= {"ال" + w for w in words} | {w[2:] for w in words if w.startswith("ال")}
    return frozenset(w for w in words if w)


def _is_inner(word: str, inner: frozenset[str]) -> bool:
    """Is `word` (maybe with clitics) a lexicon word or a number?"""
    if word in inner or word.isdigit():
        return True
    if word[0] in "وف":
        word = word[1:]
        if word in inner:
            return True
    return len(word) > 1 and word[0] in "بلك" and word[1:] in inner


# Read right to left: in the reversed text, the separators then the letters of
# the word before a position are one forward match (str.isalnum is exactly
# what the regex engine's [^\W_] tests, so words are split as before).
_WORD_BACK = re.compile(r"[\W_]*([^\W_]*)")


def _word_starts(t: str, k: int, n: int, floor: int, rev: str | None = None) -> list[int]:
    """Starts of the word at `k` and of the lexicon words just before it (at
    most `n`, not before `floor`), earliest first: where a phrase holding the
    anchor at `k` can begin. Any character that is not a letter or digit
    separates words, as it does for the grammar.

    Most words are found by string methods: the separators before `pos`,
    then the last space before them and a run of letters or digits up to
    them. A word with other characters glued to it ("«الجمعة") is found by
    `_WORD_BACK` on the reversed text (`rev`, made when first needed)."""
    inner = _inner_words()
    size = len(t)
    out = [k]
    pos = k
    for _ in range(n):
        e = pos
        while e > 0 and not t[e - 1].isalnum():
            e -= 1
        if e <= floor:
            break  # no word before, or it begins before `floor`
        x = t.rfind(" ", floor, e)
        if x >= 0 and (seg := t[x + 1:e]).isalnum():
            j = x + 1
        elif x < 0 and (seg := t[floor:e]).isalnum():
            if floor and t[floor - 1].isalnum():
                break  # the word begins before `floor`
            j = floor
        else:
            if rev is None:
                rev = t[::-1]
            m = _WORD_BACK.match(rev, size - pos)
            e, j = size - m.start(1), size - m.end(1)
            if j >= e or j < floor:
                break
            seg = t[j:e]
        if not _is_inner(seg, inner):
            break
        out.append(j)
        pos = j
    out.reverse()
    return out


def _word_starts_py(t: str, k: int, n: int, floor: int, is_inner, inner, word_back) -> list[int]:
    """`_word_starts` with the signature of `_speedups.word_starts`."""
    return _word_starts(t, k, n, floor)


# The C loop (rasad.arabic._speedups) when it was built, else the Python one.
_starts = _C.word_starts if _C else _word_starts_py
_times_at_c = _C.times_at if _C else None


@lru_cache(maxsize=1)
def _anchors() -> Any:
    """An Aho-Corasick automaton of the words every time phrase contains one of
    (months, weekdays, units, relative days …) and the digits: the grammar is
    only tried around them, which keeps a 600-word article well under a ms."""
    import ahocorasick

    c = _lexicon().conf
    words: set[str] = set("0123456789")
    for ws in c["weekdays"].values():  # always with the article
        words.update(f"{a}{norm(w)}" for w in ws for a in ("ال", "لل"))
    lists = [
        [w for ws in c["months"].values() for w in ws], [w for ws in c["hijri_months"].values() for w in ws],
        [w for ws in c["periods"].values() for w in ws],
        [w for u in c["units"].values() for k in ("one", "two", "many") for w in u[k]],
        [w for ws in c["relative_days"].values() for w in ws], [w for ws in c["day_phrases"].values() for w in ws],
        c["parts_of_day"]["day"] + c["parts_of_day"]["night"], c["recent"], c["campaign_starts"],
        ["شهر", "يوم"], list(c["hijri_feasts"]),
    ]
    stop = {norm(w) for ws in c["leads"].values() for w in ws} | {norm(w) for w in c["anchor_stopwords"]}
    for ws in lists:
        for w in ws:
            parts = norm(str(w)).split()
            for part in parts:  # a one-word entry always anchors; a phrase by its distinctive words
                if len(part) >= 2 and (len(parts) == 1 or part not in stop):
                    words.add(part)
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


def times(text: str, published: date | None = None, *, normalized: Normalized | None = None
          ) -> list[TimeExpression]:
    """Every time expression in `text`, with dates resolved against `published`.

    Offsets are into `text` as given. Without `published`, only expressions
    that name their year carry dates. `normalized` may pass
    `normalize(text)` when the caller already has it.
    """
    if not text:
        return []
    return _times(text, published, normalized if normalized is not None else normalize(text))


# The anchors of a space-free piece of the matching form (no anchor word
# holds a space): (where the anchor begins, where its word begins, after
# clitics or the article) for each anchor the search may start from, as the
# automaton finds them, relative to the piece. Pieces repeat: kept, and the
# pieces known to hold none are kept apart (`_NO_ANCHORS`), so that a text's
# pieces are sorted with one C-level pass.
_PIECE_ANCHORS_MAX = 1 << 15
_PIECE_MAX = 64
_ANCHORS_BY_PIECE: dict[str, tuple[tuple[int, int], ...]] = {}
_NO_ANCHORS: dict[str, int] = {}  # piece -> 0


def _piece_anchors(piece: str) -> tuple[tuple[int, int], ...]:
    """The anchors of one piece (kept): what `_times` would take from the
    automaton's run over the whole text, the tests that only look at the
    piece done."""
    got = _ANCHORS_BY_PIECE.get(piece)
    if got is not None:
        return got
    got = _anchors_in(piece)
    if len(piece) <= _PIECE_MAX:
        if len(_ANCHORS_BY_PIECE) >= _PIECE_ANCHORS_MAX or len(_NO_ANCHORS) >= _PIECE_ANCHORS_MAX:
            _ANCHORS_BY_PIECE.clear()
            _NO_ANCHORS.clear()
        if got:
            _ANCHORS_BY_PIECE[piece] = got
        else:
            _NO_ANCHORS[piece] = 0
    return got


def _anchors_in(piece: str) -> tuple[tuple[int, int], ...]:
    """`_piece_anchors`, not kept."""
    out = []
    size_t = len(piece)
    for stop, size in _anchors().iter(piece):
        p = stop - size + 1
        if size == 1:  # a digit: only the first of a number
            if p > 0 and piece[p - 1].isdigit():
                continue
        elif stop + 1 < size_t and piece[stop + 1].isalpha():  # "العاملة" is no "عام"
            continue
        k = p  # the anchor must begin its word, after clitics or the article
        while k > 0 and piece[k - 1].isalpha() and p - k <= 4:
            k -= 1
        if (k > 0 and piece[k - 1].isalpha()) or (k < p and piece[k:p] not in _PREFIXES):
            continue
        out.append((p, k))
    return tuple(out)


def _times(text: str, published: date | None, n: Normalized, pieces: list[str] | None = None
           ) -> list[TimeExpression]:
    """`times(text, published, normalized=n)`; `pieces` may pass strings that
    " ".join makes n.text (the folded pieces of `normalize`)."""
    t = n.text
    if pieces is None:
        pieces = t.split(" ")
    spots: list[tuple[int, tuple[tuple[int, int], ...]]] = []
    # None: a piece with anchors, or one not seen yet.
    for j, pos in _unmarked(list(map(_NO_ANCHORS.get, pieces)), pieces):
        anchors = _piece_anchors(pieces[j])
        if anchors:
            spots.append((pos, anchors))
    return _times_at(text, published, n, spots)


def _times_at(text: str, published: date | None, n: Normalized,
              spots: list[tuple[int, tuple[tuple[int, int], ...]]]) -> list[TimeExpression]:
    """The time expressions of `text` given its anchors: for each piece of
    n.text that holds some, in order, (where it starts, its anchors)."""
    if _times_at_c is None:
        return _times_at_py(text, published, n, spots)
    g = _grammar()
    return _times_at_c(text, published, n, spots, g.master.match, g.digit_led.match, _first_reading, None,
                       _inner_words(), _WORD_BACK, _MAX_WORDS_BEFORE, _MAX_CHARS_AFTER)  # (None: _is_inner in C)


def _times_at_py(text: str, published: date | None, n: Normalized,
                 spots: list[tuple[int, tuple[tuple[int, int], ...]]]) -> list[TimeExpression]:
    """`_times_at` in Python: the reference for `_speedups.times_at`."""
    g = _grammar()
    inner = _inner_words()
    t = n.text
    out: list[TimeExpression] = []
    last = tried = 0
    for pos, anchors in spots:
        for p, k in anchors:
            p += pos
            if p < tried or p < last:
                continue
            k += pos
            # word starts before `tried` were all tried for an earlier anchor
            floor = max(last, tried)
            end = t.find(" ", p + _MAX_CHARS_AFTER)
            end = len(t) if end < 0 else end
            for q in _starts(t, k, _MAX_WORDS_BEFORE, floor, _is_inner, inner, _WORD_BACK):
                if q < last or not _digit_led_ok(g, t, q, end):
                    continue
                m = g.master.match(t, q, end)
                if m is None:
                    continue
                hit = _first_reading(m, text, n, published)
                if hit is not None:
                    out.append(hit[1])
                    last = hit[0].end()
            tried = max(tried, k + 1)
    return out


_CLITIC_LETTERS = "وفبلك"


def _digit_led_ok(g: _Grammar, t: str, q: int, end: int) -> bool:
    """False when no phrase can begin at q because it is a number that goes
    on as no reading does (a necessary test, so the big grammar is spared).

    The word at q is then up to two clitic letters and digits ("200"،
    "و300"، "لل24"): a lead word or hedge cannot begin it, so a phrase there
    begins with the number itself (after the clitics), or with the article
    written ل after a ل ("لل24 ساعة", whose number comes next): either way
    the number must go on as `_Grammar.digit_led` says.
    """
    d = q
    if t[d] in _CLITIC_LETTERS:
        d += 1
        if d < end and t[d] in _CLITIC_LETTERS:
            d += 1
    if d >= end or not t[d].isdecimal():
        return True
    return g.digit_led.match(t, d, end) is not None


def _scan(text: str, published: date | None = None) -> list[TimeExpression]:
    """The reference reading: the grammar tried at every position (slow; for tests)."""
    g = _grammar()
    n = normalize(text)
    out: list[TimeExpression] = []
    pos = 0
    while (m := g.master.search(n.text, pos)) is not None:
        hit = _first_reading(m, text, n, published)
        if hit is None:
            pos = m.start() + 1
            continue
        out.append(hit[1])
        pos = max(hit[0].end(), pos + 1)
    return out


__all__ = ["times"]
