"""What the rule tests read off one made-up report: `extract` on a Document of the text, published
on PUB unless told otherwise, and the events, types and control statements it gives."""
from __future__ import annotations

from datetime import date

from rasad.extract import extract
from rasad.model import Document, Extraction

PUB = date(2018, 6, 10)


def run(kb, text: str, published: date | None = PUB) -> Extraction:
    return extract(Document(id="t", text=text, published=published), kb)


def events(kb, text: str, published: date | None = PUB) -> set[tuple[str, str | None]]:
    """(ACLED sub-event type, place name) of each event."""
    return {(e.type, e.place) for e in run(kb, text, published).events}


def types(kb, text: str) -> set[str]:
    return {t for t, _ in events(kb, text)}


def control(kb, text: str) -> set[tuple[str, str, str]]:
    """(place, side, change) of each control statement."""
    return {(c.place, c.side, c.change) for c in run(kb, text).control}


def gains(kb, text: str, published: date | None = PUB) -> set[tuple[str, str]]:
    """(place, side) of each place a side gained."""
    return {(c.place, c.side) for c in run(kb, text, published).control if c.change == "gained"}
