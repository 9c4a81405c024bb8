"""What the routers share: the store, query parameters with their validation, place resolution.

Every free-text parameter is bounded (200 characters, no NUL) and every
enumerated one checked, so a bad value is a 422 JSON error and never reaches
the database as something it cannot take.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import Depends, Query, Request
from pydantic import BeforeValidator, StringConstraints

from ..model import SIDES
from ..settings import Settings
from ..store.db import Store


class ApiError(Exception):
    """An error with an HTTP status and a short code; the app turns it into the JSON error body."""

    def __init__(self, status: int, code: str, message: str, detail=None):
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


# --------------------------------------------------------------------------- enumerations

Side = Enum("Side", {s: s for s in SIDES}, type=str)
Grade = Enum("Grade", {g: g for g in ("confirmed", "fair", "weak", "contested", "discounted")}, type=str)
ClaimKind = Enum("ClaimKind", {k: k for k in (
    "killed", "wounded", "killed_or_wounded", "captured", "arrested", "defected", "displaced", "evacuated",
    "present")}, type=str)
ClaimStatus = Enum("ClaimStatus", {s: s for s in ("asserted", "denied", "rumored")}, type=str)
RecordStatus = Enum("RecordStatus", {s: s for s in ("asserted", "contested", "denied")}, type=str)

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000

# Free text: bounded, no NUL (PostgreSQL refuses it in strings), not blank.
Text = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]


def _iso_date(v):
    """Only YYYY-MM-DD (pydantic would also take a number as a Unix time)."""
    if isinstance(v, date):
        return v
    if not isinstance(v, str) or len(v) != 10 or v[4] != "-" or v[7] != "-":
        raise ValueError("a date must be written YYYY-MM-DD")
    return v


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _v(x):
    return x.value if isinstance(x, Enum) else x


# --------------------------------------------------------------------------- the store

def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


# --------------------------------------------------------------------------- parameters

_NUM = r" *-?[0-9]{1,3}(\.[0-9]{1,12})? *"
BBOX_PATTERN = f"^{_NUM},{_NUM},{_NUM},{_NUM}$"

BboxQ = Annotated[str | None, Query(
    description="west,south,east,north in degrees (longitude, latitude), e.g. 36.2,33.4,36.4,33.6",
    max_length=200, pattern=BBOX_PATTERN)]
DateFromQ = Annotated[IsoDate | None, Query(description="Only items whose dates reach this day or later (YYYY-MM-DD).")]
DateToQ = Annotated[IsoDate | None, Query(description="Only items that start on or before this day (YYYY-MM-DD).")]
PlaceQ = Annotated[Text | None, Query(
    description="A gazetteer id (the place and everything inside it) or a name, Arabic or English.")]
SourceQ = Annotated[Text | None, Query(description="A fragment of the source's name or key.")]
ActorQ = Annotated[Text | None, Query(description="An actor id (see /api/actors).")]
SideQ = Annotated[Side | None, Query(description="The side counted (claims, estimates) or either actor's side.")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items first.")]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`west,south,east,north` → (south, west, north, east) as rasad.reconcile.query takes it."""
    if value is None:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(422, "invalid_bbox", "bbox must be four numbers: west,south,east,north") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise ApiError(422, "invalid_bbox", "bbox values must be finite numbers")
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise ApiError(422, "invalid_bbox", "bbox: longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if w > e or s > n:
        raise ApiError(422, "invalid_bbox", "bbox: west must not exceed east, nor south north")
    return s, w, n, e


def check_dates(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise ApiError(422, "invalid_dates", "date_from must not be after date_to")


def resolve_place(value: str | None, settings: Settings) -> str | None:
    """A gazetteer id as it is; a name (Arabic or English) becomes the id of the place it names when
    the gazetteer knows it, else stays a name (rows whose place name contains it)."""
    if not value:
        return None
    from .. import knowledge

    gaz = knowledge.load(settings).gazetteer
    if gaz.get(value) is not None:
        return value
    place = gaz.best(value)
    if place is not None:
        return place.id
    return _english_names(gaz).get(value.strip().casefold(), value)


_EN_CACHE: dict[int, dict[str, str]] = {}


def _english_names(gaz) -> dict[str, str]:
    """English name → place id (the most populous place of that name), built once per gazetteer."""
    key = id(gaz)
    if key not in _EN_CACHE:
        ranked = sorted((p for p in gaz if p.name_en), key=lambda p: -(p.population or 0))
        names: dict[str, str] = {}
        for p in ranked:
            names.setdefault(p.name_en.casefold(), p.id)
        _EN_CACHE.clear()
        _EN_CACHE[key] = names
    return _EN_CACHE[key]


@dataclass
class Filters:
    """The common filters, validated and in the form rasad.reconcile.query takes."""
    since: date | None
    until: date | None
    bbox: tuple[float, float, float, float] | None
    place: str | None
    side: str | None
    source: str | None
    limit: int
    offset: int

    def query_args(self) -> dict:
        return {"since": self.since, "until": self.until, "bbox": self.bbox, "place": self.place,
                "side": self.side, "source": self.source}


def common_filters(settings: SettingsDep, date_from: DateFromQ = None, date_to: DateToQ = None, bbox: BboxQ = None,
                   place: PlaceQ = None, side: SideQ = None, source: SourceQ = None, limit: LimitQ = 100,
                   offset: OffsetQ = 0) -> Filters:
    check_dates(date_from, date_to)
    return Filters(since=date_from, until=date_to, bbox=parse_bbox(bbox), place=resolve_place(place, settings),
                   side=_v(side), source=source, limit=limit, offset=offset)


FiltersDep = Annotated[Filters, Depends(common_filters)]

__all__ = ["ActorQ", "ApiError", "BboxQ", "ClaimKind", "ClaimStatus", "DateFromQ", "DateToQ", "Filters",
           "FiltersDep", "Grade", "LimitQ", "OffsetQ", "PlaceQ", "RecordStatus", "SettingsDep", "Side", "SideQ",
           "SourceQ", "StoreDep", "Text", "check_dates", "parse_bbox", "resolve_place"]
