"""Response and request models: what every endpoint returns, so the OpenAPI schema is exact.

Field names follow the store's columns (`rasad.store.schema`); offsets are
character offsets into the document's clean text (Python `str` indices, equal
to JavaScript UTF-16 indices for Arabic text, which lies in the Basic
Multilingual Plane).
"""
from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(Model, Generic[T]):
    items: list[T]
    total: int = Field(description="How many items match the filters (all pages).")
    limit: int
    offset: int


class ErrorBody(Model):
    code: str = Field(description="Short snake_case code: bad_request, not_found, invalid_parameters, …")
    message: str = Field(description="What went wrong, in a sentence.")
    detail: Any | None = None


class Error(Model):
    error: ErrorBody


# --------------------------------------------------------------------------- sources

class SourceRef(Model):
    """One independent source of a merged event or claim group."""
    key: str | None = None
    name: str | None = None
    affiliation: str | None = None
    type: str | None = None
    role: str | None = None
    count: int | None = None
    mentions: int | None = None


# --------------------------------------------------------------------------- documents

class DocumentSummary(Model):
    id: str
    title: str | None
    outlet: str | None
    published: Date | None
    url: str | None
    duplicate_of: str | None = None
    n_claims: int
    n_events: int


SpanKind = Literal["claim", "event", "control", "place", "actor", "source"]


class Span(Model):
    start: int
    end: int
    kind: SpanKind
    ref: str | int | None = Field(description="claim id, merged event id, control id, place id or actor id")
    label: str


class ClaimRow(Model):
    id: int
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: Date | None = None
    kind: str
    side: str
    count: int
    upper: int | None
    qualifier: str
    status: str
    cumulative: bool
    total: bool
    source_name: str | None
    source_affiliation: str | None
    source_type: str | None
    source_via: list[str] | None
    date_start: Date | None
    date_end: Date | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    actor: str | None
    grade: str | None
    group_id: str | None
    source_key: str | None
    source_role: str | None
    copy_: bool = Field(alias="copy", description="1: a near-duplicate document repeats it (not counted again)")
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None
    span_start: int | None
    span_end: int | None
    edit: "ClaimEdit | None" = Field(None, description="The analyst's edit, kept apart from the machine's values.")


class ClaimEdit(Model):
    grade: str | None = None
    status: str | None = None
    note: str | None = None
    edited_at: str


class MentionRow(Model):
    """One document's report of an event (an event mention)."""
    id: int
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: Date | None = None
    event_id: str | None
    type: str
    family: str
    date_start: Date | None
    date_end: Date | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    actor1: str | None
    actor1_side: str | None
    actor2: str | None
    actor2_side: str | None
    fatalities: int | None
    status: str
    source_name: str | None
    source_affiliation: str | None
    source_type: str | None
    source_key: str | None
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None
    trigger_start: int | None
    trigger_end: int | None


class ControlRow(Model):
    """A control statement: who took or holds a place, when, said where."""
    id: int
    doc_id: str
    outlet: str | None = None
    published: Date | None = None
    place: str
    place_id: str | None
    lat: float | None
    lon: float | None
    actor: str | None
    side: str
    change: str = Field(description="gained | holds")
    status: str
    date: Date | None = Field(description="date_end, else date_start, else the document's publication date")
    date_start: Date | None
    date_end: Date | None
    source_name: str | None
    source_affiliation: str | None
    evidence: str | None
    evidence_start: int
    evidence_end: int
    span_start: int
    span_end: int


class PlaceMention(Model):
    name: str
    place_id: str | None
    lat: float | None
    lon: float | None
    level: str | None
    spans: list[tuple[int, int]]


class DocumentDetail(DocumentSummary):
    text: str
    published_evidence: str | None = None
    outlet_evidence: str | None = None
    spans: list[Span]
    claims: list[ClaimRow]
    events: list[MentionRow]
    control: list[ControlRow]
    places: list[PlaceMention]


# --------------------------------------------------------------------------- events

class EventRow(Model):
    id: str
    type: str
    family: str
    date_start: Date | None
    date_end: Date | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    level: str | None
    actor1: str | None
    actor1_side: str | None
    actor2: str | None
    actor2_side: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    fatalities_conservative: int | None
    status: str
    n_mentions: int
    n_sources: int
    sources: list[SourceRef]
    doc_ids: list[str]


class EventDetail(EventRow):
    mentions: list[MentionRow]
    claims: list[ClaimRow] = Field(description="Claims of the same documents whose evidence overlaps a mention's.")
    contradictions: list["ContradictionRow"]


class PointGeometry(Model):
    type: Literal["Point"]
    coordinates: tuple[float, float] = Field(description="[longitude, latitude]")


class MapProperties(Model):
    id: str
    type: str
    family: str
    date_start: Date | None
    date_end: Date | None
    place: str | None
    actor1_side: str | None
    actor2_side: str | None
    fatalities_best: int | None
    status: str
    n_sources: int


class MapFeature(Model):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry
    properties: MapProperties


class EventDay(Model):
    date: Date
    family: str = Field(description="ACLED event type (Battles, Explosions/Remote violence, …).")
    n: int


class EventDays(Model):
    days: list[EventDay]
    undated: int = Field(description="Matching events with no date.")
    total: int


class MapCollection(Model):
    type: Literal["FeatureCollection"]
    features: list[MapFeature]
    total: int = Field(description="Placed events matching the filters (features holds at most `limit`).")
    limit: int


# --------------------------------------------------------------------------- estimates, contradictions

class EstimateRow(Model):
    id: str
    kind: str
    side: str
    total: bool
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    date_start: Date | None
    date_end: Date | None
    n_claims: int
    n_sources: int
    low: int | None
    best: int | None
    high: int | None
    conservative: int | None
    best_basis: str | None
    status: str
    sources: list[SourceRef]
    doc_ids: list[str]


class EstimateDetail(EstimateRow):
    claims: list[ClaimRow]
    contradictions: list["ContradictionRow"]


class ContradictionRow(Model):
    id: int
    entity: str = Field(description="group | event")
    entity_id: str
    reason: str = Field(description="counts | running_total | denial")
    a: dict[str, Any]
    b: dict[str, Any]
    gap: int | None
    group: dict[str, Any] | None = None


class StoryDocument(Model):
    id: str
    outlet: str | None = None
    published: Date | None = None
    title: str | None = None
    duplicate_of: str | None = None


class Story(EventRow):
    documents: list[StoryDocument]


class SeriesPoint(Model):
    date: Date | None
    window_start: Date | None
    count: int
    claim_id: int
    doc_id: str
    grade: str | None


class SeriesLine(Model):
    key: str | None = Field(description="the independent source's key")
    name: str | None
    affiliation: str | None
    group_id: str
    kind: str
    side: str
    points: list[SeriesPoint]


class Series(Model):
    sources: list[SeriesLine]


# --------------------------------------------------------------------------- places, actors

class PlaceRow(Model):
    id: str
    name: str
    name_en: str | None
    lat: float | None
    lon: float | None
    precision: str | None = Field(description="the gazetteer level: landmark, neighbourhood, town, … country")
    parent: str | None
    country: str | None
    n_events: int
    n_claims: int
    n_control: int


class PlaceDetail(PlaceRow):
    parents: list[str] = Field(description="enclosing places' ids, nearest first")
    control: list[ControlRow]


class ActorRow(Model):
    id: str
    name: str
    name_en: str | None
    side: str | None
    n_events: int
    n_claims: int
    n_control: int


# --------------------------------------------------------------------------- stats, search

class OutletCount(Model):
    name: str | None
    documents: int


class Stats(Model):
    documents: int
    near_duplicates: int
    claims: int
    events: int
    mentions: int
    estimates: int
    contradictions: int
    control: int
    places: int
    outlets: list[OutletCount]
    date_min: Date | None
    date_max: Date | None
    writable: bool = Field(description="the server accepts writes (it runs with a write token)")


class Match(Model):
    start: int
    end: int


class SearchHit(Model):
    id: str
    title: str | None
    outlet: str | None
    published: Date | None
    url: str | None
    snippet: str = Field(description="text around the first match")
    snippet_start: int = Field(description="offset of the snippet's first character in the text")
    matches: list[Match] = Field(description="every match in the document text (offsets into the text)")


# --------------------------------------------------------------------------- writing

def _iso_date(v):
    from .deps import _iso_date as check

    return check(v)


IsoDate = Annotated[Date, BeforeValidator(_iso_date)]


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=2_000_000, description="plain text (or give html)")
    html: str | None = Field(None, max_length=5_000_000, description="an HTML page (or give text)")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=255)
    published: IsoDate | None = None
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s\x00]+$")
    id: str | None = Field(None, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$",
                           description="document id (default: derived from the URL or content)")


class DocumentStored(Model):
    id: str
    stored: bool = Field(description="a new document was stored (false: the same text was already stored)")
    duplicate_of: str | None = Field(description="the original this near-duplicates, if any")
    claims: int
    events: int
    problem: str | None = None


class ClaimPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grade: Literal["confirmed", "fair", "weak", "contested", "discounted"] | None = None
    status: Literal["asserted", "denied", "rumored"] | None = None
    note: str | None = Field(None, max_length=5000)


ClaimRow.model_rebuild()
EventDetail.model_rebuild()
EstimateDetail.model_rebuild()
