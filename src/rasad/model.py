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
class RawInput:
    """One input as read, before decoding and cleaning (see rasad.ingest).

    `data` is bytes for files and URLs (decoded later, with detection) and
    str for JSONL records. `url`, `published`, `outlet` and `title` are
    metadata the input itself gave (JSONL keys, the fetched URL); `format`
    is a hint ("text" or "html") that content sniffing may overrule;
    `charset` is a declared encoding (an HTTP Content-Type header).
    """

    id: str
    source: str  # path, URL or file.jsonl:line
    data: bytes | str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    format: Literal["text", "html"] | None = None
    charset: str | None = None


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


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the Arabic layer finds in one text (rasad.arabic.analyse); offsets into that text."""

    normalized: Normalized
    tokens: list[Token]
    sentences: list[Sentence]
    quantities: list[Quantity]
    times: list[TimeExpression]


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
    bbox: tuple[float, float, float, float] | None = None  # (south, west, north, east) of an area


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
    country: str = ""  # ISO 3166 alpha-2 of the country it acts in ("" = several)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lookup result: the entry and how well it matched (higher is better)."""

    entry: Place | Actor
    score: float
    matched: str  # the alias that matched
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class VocabMatch:
    """A knowledge entry found in a (normalised) text.

    `start`/`end` are offsets into the text that was searched, covering the
    whole word(s) including any proclitic or suffix. `kind` says which
    vocabulary matched (actor, trigger, cue, casualty, side_cue, attribution,
    source); `value` is what it means (an actor id, an ACLED sub-event type,
    a cue kind such as "denied", a claim kind such as "killed", a side, a
    modality, a source id); `group` refines it (the event family, a side, a
    source type, a role); `lemma` names the vocabulary entry and `matched` is
    the normalised form that matched.
    """

    start: int
    end: int
    kind: str
    value: str
    group: str = ""
    lemma: str = ""
    matched: str = ""
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class KnownSource:
    """A news source or outlet that attributions name (وكالة أعماق, سانا, المرصد ...).

    `affiliation` is the side it speaks for (None: unaffiliated or unknown);
    `type` is one of belligerent_outlet, state_media, pro_government_media,
    monitor, humanitarian, wire, local_network, activists, anonymous, official.
    """

    id: str
    name: str
    type: str
    affiliation: str | None = None
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a document: a place, an actor, a source or a person.

    `entity` is the knowledge id it resolved to (None when unknown), `side`
    the actor's side where it has one. Offsets into Document.text.
    """

    kind: Literal["place", "actor", "source", "person"]
    start: int
    end: int
    text: str
    entity: str | None = None
    side: str | None = None
    role: str | None = None  # person: commander, spokesman, official …
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text attributes a statement to.

    `name` is the source as written (المرصد السوري, مصدر مقرب من التنظيم);
    None means the outlet's own voice. `affiliation`: government | isis |
    opposition | sdf | independent | None; `type`: the source type
    (monitor, state_media, belligerent_outlet, local_network, activists,
    anonymous, official …). `via` lists the outlets or sources it was quoted
    through, outermost first. `modality`: assert | deny | claim | rumour.
    """

    name: str | None = None
    affiliation: str | None = None
    type: str | None = None
    start: int | None = None
    end: int | None = None
    via: tuple[str, ...] = ()
    modality: str = "assert"


@dataclass(frozen=True, slots=True)
class Claim:
    """A number of people the text states, with everything needed to weigh it."""

    kind: str  # killed | wounded | killed_or_wounded | captured | arrested | defected | displaced | evacuated | present
    side: str
    count: int
    qualifier: str
    status: str  # asserted | denied | rumored
    source: Attribution
    date_start: date | None
    date_end: date | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    start: int  # the number
    end: int
    evidence_start: int  # the sentence
    evidence_end: int
    upper: int | None = None
    cumulative: bool = False  # a running total over a window rather than one incident
    actor: str | None = None  # knowledge id of the counted group, when named
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    """Something the article reports as happening, coded to an ACLED sub-event type."""

    type: str
    family: str
    date_start: date | None
    date_end: date | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    actor1: str | None  # knowledge ids
    actor1_side: str | None
    actor2: str | None
    actor2_side: str | None
    fatalities: int | None
    status: str
    source: Attribution
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Control:
    """A statement of who holds or took a place."""

    place: str
    place_id: str | None
    lat: float | None
    lon: float | None
    side: str
    actor: str | None
    change: str  # gained | holds
    date_start: date | None
    date_end: date | None
    status: str
    source: Attribution
    start: int  # the place name
    end: int
    evidence_start: int
    evidence_end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A distinct place the document names, geocoded, with every mention's span."""

    name: str
    place_id: str | None
    lat: float | None
    lon: float | None
    level: str | None
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CampaignDay:
    """"لليوم العشرين على التوالي": the Nth day of fighting told, with where — so that an undated
    report can be dated against a dated one that counts the same campaign's days."""

    ordinal: int
    start: int
    end: int
    place_id: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    doc_id: str
    outlet: str | None
    published: date | None
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    control: tuple[Control, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    mentions: tuple[Mention, ...] = ()
    campaign_days: tuple[CampaignDay, ...] = ()


__all__ = [
    "Analysis", "Attribution", "CampaignDay", "Claim", "Control", "Event", "Extraction", "Mention", "PlaceRef",
    "Actor", "Candidate", "Document", "IngestProblem", "KnownSource", "LEVELS", "Normalized", "OffsetMap", "Place", "VocabMatch",
    "QUALIFIERS", "Qualifier", "Quantity", "RawInput", "SIDES", "Sentence", "Side", "TimeExpression", "Token",
]
