"""The records that flow through rasad's stages.

Every stage is a plain function over these small immutable records. Offsets
(`start`, `end`) are always character offsets into the text the record was
computed from: for anything extracted from a document, into `Document.text`
(the clean text); `Document.offsets` maps those back to `Document.raw`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Literal

Side = Literal["government", "isis", "opposition", "sdf", "coalition", "turkey", "civilians", "other", "unknown"]
SIDES: tuple[str, ...] = ("government", "isis", "opposition", "sdf", "coalition", "turkey", "civilians", "other", "unknown")

Qualifier = Literal["exact", "approx", "at_least", "at_most", "vague"]
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "vague")

# Place precision, finest first (in the spirit of UCDP where_prec / ACLED geo_precision).
LEVELS: tuple[str, ...] = ("landmark", "neighbourhood", "town", "district", "governorate", "region", "country")


# --------------------------------------------------------------------------- offsets


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from offsets in a derived text to offsets in its source.

    `segments` are `(derived_start, source_start, length)` runs, sorted by
    `derived_start`; inside a run the two texts advance together. An offset
    that falls between runs (text the derivation inserted, such as a joining
    newline) maps to the end of the previous run's source.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_source(self, i: int) -> int:
        if not self.segments:
            return i
        k = bisect.bisect_right(self.segments, (i, float("inf"), 0)) - 1
        if k < 0:
            return self.segments[0][1]
        d, s, n = self.segments[k]
        return s + min(i - d, n)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            p = self.to_source(start)
            return p, p
        return self.to_source(start), self.to_source(end - 1) + 1

    @staticmethod
    def identity(length: int) -> "OffsetMap":
        return OffsetMap(((0, 0, length),))


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Document:
    """One article: clean text plus what is known of where it came from.

    `text` is the clean article text (title first where one is known, then the
    body paragraphs separated by newlines). `raw` is what was read (decoded
    text or HTML). `offsets` maps `text` offsets to `raw` offsets where that
    map is known (plain-text input); for HTML it is None.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    raw: str = ""
    raw_format: Literal["text", "html"] = "text"
    content_hash: str = ""
    offsets: OffsetMap | None = None
    source_path: str | None = None
    encoding: str | None = None
    outlet_evidence: str | None = None  # given | url | html | text
    published_evidence: str | None = None  # given | html | text | inferred
    duplicate_of: str | None = None  # id of the original this near-duplicates
    similarity: float | None = None  # estimated Jaccard with duplicate_of


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """One input that could not be turned into a Document (what, why)."""

    source: str
    reason: str


# --------------------------------------------------------------------------- arabic


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching form of a text and, per character, its original offset.

    `index[i]` is the offset in the original text of normalised character i;
    `index[len(text)]` is the original length, so spans map with
    `orig_span(start, end)`.
    """

    text: str
    index: tuple[int, ...]

    def orig(self, i: int) -> int:
        return self.index[i]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            p = self.index[start]
            return p, p
        return self.index[start], self.index[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its clitics split off; offsets into the original text.

    `norm` is the matching form of the whole word, `stem` the matching form
    without proclitics and possessive suffixes; `prefix`/`suffix` are the
    matching forms of what was split off ("" where nothing was).
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    prefix: str = ""
    suffix: str = ""
    kind: Literal["word", "number", "punct", "latin", "other"] = "word"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text.

    `kind` says what it counts: "count" (people or things, the noun says
    which), "percent", "money", "year", "ordinal", "duration". Only counts
    are candidates for casualty figures. `upper` is the top of a range.
    """

    start: int
    end: int
    value: int
    qualifier: Qualifier = "exact"
    kind: Literal["count", "percent", "money", "year", "ordinal", "duration", "other"] = "count"
    noun_start: int | None = None
    noun_end: int | None = None
    upper: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time phrase and the dates it denotes.

    `precision`: "day" (one day or a span of days), "part_of_day", "week",
    "month", "year", or "unknown". `kind`: "date" (a point in time),
    "window" (the span a count covers: خلال ثلاثة أسابيع), "since" (an open
    span: منذ يناير), "relative" (قبل أسبوع). Without a publication date,
    relative expressions keep `date_start`/`date_end` None.
    """

    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str = "day"
    kind: Literal["date", "window", "since", "relative"] = "date"
    text: str = ""


# --------------------------------------------------------------------------- knowledge


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str  # canonical Arabic name
    lat: float | None
    lon: float | None
    level: str  # one of LEVELS
    country: str  # ISO 3166 alpha-2
    parent: str | None = None  # id of the enclosing place
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False  # also a common word: demand place context
    area: bool = False  # a region, not a point
    population: int | None = None
    origin: str = ""  # data file it came from


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str  # canonical Arabic name
    name_en: str
    acled_name: str
    inter: int  # ACLED inter code 1..8
    side: str  # one of SIDES
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()  # ids of actors it fights with or belongs to
    generic: bool = False  # "النظام", "التنظيم": resolved in context
    kind: str = "armed"  # armed | political | state | media | civilian
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lookup result: the entry and how well it matched (higher is better)."""

    entry: Place | Actor
    score: float
    matched: str  # the alias that matched
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    @property
    def empty(self) -> bool:
        return self.end <= self.start


__all__ = [
    "Actor", "Candidate", "Document", "IngestProblem", "LEVELS", "Normalized", "OffsetMap", "Place",
    "QUALIFIERS", "Qualifier", "Quantity", "SIDES", "Sentence", "Side", "Span", "TimeExpression", "Token",
]
