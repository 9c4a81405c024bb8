"""The working form of stored claims and event mentions during reconciliation."""
from __future__ import annotations

from dataclasses import dataclass, field

from .scope import Scope


@dataclass(slots=True)
class ClaimItem:
    id: int
    doc_id: str
    idx: int
    kind: str
    side: str
    total: bool
    count: int
    upper: int | None
    qualifier: str
    status: str  # asserted | denied | rumored
    span: tuple[int, int] | None  # (first, last) day ordinals; None undated
    reported: int | None  # ordinal of the document's (given or inferred) date
    scope: Scope | None
    root: str  # the original document (itself unless a near-duplicate)
    skey: str
    sname: str
    affiliation: str | None
    stype: str | None
    role: str
    via_keys: tuple[str, ...] = ()
    old: str | None = None  # the group it belonged to before this run
    # results
    ikey: str = ""
    copy: bool = False
    grade: str = "weak"

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.idx}"

    def interval(self) -> tuple[float, float]:
        """The count as an interval the qualifier allows (at least 300: [300, inf))."""
        if self.upper is not None and self.upper >= self.count:
            return float(self.count), float(self.upper)
        if self.qualifier == "at_least":
            return float(self.count), float("inf")
        if self.qualifier == "at_most":
            return 0.0, float(self.count)
        return float(self.count), float(self.count)

    @property
    def asserted(self) -> bool:
        return self.status != "denied"


@dataclass(slots=True)
class MentionItem:
    id: int
    doc_id: str
    idx: int
    type: str
    family: str
    span: tuple[int, int] | None
    reported: int | None
    scope: Scope | None
    place: str | None
    sides: frozenset[str]
    actor1: str | None
    actor1_side: str | None
    actor2: str | None
    actor2_side: str | None
    fatalities: int | None
    status: str
    root: str
    skey: str
    sname: str
    affiliation: str | None
    stype: str | None
    via_keys: tuple[str, ...] = ()
    old: str | None = None
    ikey: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.idx}"
