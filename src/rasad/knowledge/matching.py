"""Clitic-aware phrase matching over normalised Arabic text.

Knowledge entries (actor aliases, event triggers, cues, sources) are matched
in one pass with a pyahocorasick automaton over their normalised forms. A raw
substring hit is accepted only when it lines up with word boundaries: what
precedes it inside the same word must be a valid run of proclitics (و ف, then
ب ل ك, then the article ال / لل) and what follows it inside the word must be
an ending allowed for the entry's word class (data/clitics.yaml). A pattern
written with the article ("الطيران الحربي") is stored without it and then
demands an article-bearing prefix, so "للطيران الحربي" and "وبالطيران الحربي"
match while bare "طيران" does not stand in for "الطيران". A noun or name
listed without the article may take one ("اشتباكات" matches "الاشتباكات").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import ahocorasick
import yaml

from ..arabic.normalize import norm

CLITICS_FILE = Path(__file__).parent / "data" / "clitics.yaml"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster than the pure-Python parser


def read_yaml(path: Path) -> object:
    """Parse a YAML data file with the C loader when PyYAML has it."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)  # noqa: S506 - CSafeLoader/SafeLoader only build plain types


@dataclass(frozen=True, slots=True)
class Clitics:
    plain: frozenset[str]  # prefixes allowed before a noun or name without the article
    with_article: frozenset[str]  # prefixes that contain the article
    verb: frozenset[str]  # prefixes allowed before a verb
    suffixes: dict[str, frozenset[str]]
    article: str


@lru_cache(maxsize=1)
def clitics() -> Clitics:
    """The clitic inventory of data/clitics.yaml, expanded into prefix sets."""
    data = read_yaml(CLITICS_FILE)
    conj = [norm(c) for c in data["conjunctions"]]
    prep = [norm(p) for p in data["prepositions"]]
    art = norm(data["article"])
    plain = {c + p for c in conj for p in prep}
    with_article = {c + p + art for c in conj for p in prep if p != "ل"}
    with_article |= {c + "ل" + art[1:] for c in conj}  # ل + ال -> لل
    verb = {c + v for c in conj for v in (norm(x) for x in data["verb_prefixes"])}
    suffixes = {k: frozenset(norm(s) for s in v) for k, v in data["suffixes"].items()}
    return Clitics(frozenset(plain), frozenset(with_article), frozenset(verb), suffixes, art)


def split_article(pattern: str) -> tuple[str, bool]:
    """`pattern` without a leading article, and whether it had one."""
    art = clitics().article
    first = pattern.split(" ", 1)[0]
    if first.startswith(art) and len(first) - len(art) >= 2:
        return pattern[len(art):], True
    return pattern, False


@dataclass(frozen=True, slots=True)
class Hit:
    """One accepted match: the whole-word span, the key that matched, its payloads."""

    start: int  # start of the word, proclitics included
    end: int  # end of the word, suffix included
    key: str
    payloads: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    payload: Any
    needs_article: bool
    word_class: str


def _is_letter(c: str) -> bool:
    return c.isalpha()


class PhraseMatcher:
    """Add normalised patterns with payloads, `build()`, then `find(text)`."""

    def __init__(self) -> None:
        self._entries: dict[str, list[_Entry]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, pattern: str, payload: Any, word_class: str = "name") -> str | None:
        """Register `pattern` (already normalised); returns the stored key, or None if too short."""
        pattern = " ".join(pattern.split())
        key, needs_article = split_article(pattern)
        if len(key.replace(" ", "")) < 2:
            return None
        entry = _Entry(payload, needs_article, word_class)
        bucket = self._entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self._automaton = None
        return key

    def keys(self) -> list[str]:
        return list(self._entries)

    def entries(self, key: str) -> list[tuple[Any, bool]]:
        return [(e.payload, e.needs_article) for e in self._entries.get(key, ())]

    def build(self) -> ahocorasick.Automaton:
        a = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            a.add_word(key, (key, tuple(entries)))
        if len(a):
            a.make_automaton()
        self._automaton = a
        return a

    @property
    def automaton(self) -> ahocorasick.Automaton:
        return self._automaton if self._automaton is not None else self.build()

    def _accept(self, text: str, start: int, end: int, entries: tuple[_Entry, ...]) -> tuple[int, int, list[Any]]:
        cl = clitics()
        ws = start
        while ws > 0 and _is_letter(text[ws - 1]):
            ws -= 1
        we = end
        n = len(text)
        while we < n and _is_letter(text[we]):
            we += 1
        prefix, suffix = text[ws:start], text[end:we]
        ok: list[Any] = []
        for e in entries:
            if e.needs_article:
                if prefix not in cl.with_article:
                    continue
            elif e.word_class == "verb":
                if prefix not in cl.verb:
                    continue
            elif prefix not in cl.plain and prefix not in cl.with_article:  # a noun listed bare may take the article
                continue
            if suffix not in cl.suffixes.get(e.word_class, cl.suffixes["name"]):
                continue
            ok.append(e.payload)
        return ws, we, ok

    def iter_hits(self, text: str) -> Iterator[Hit]:
        """Every accepted hit, overlapping ones included, in automaton order."""
        a = self.automaton
        if not len(a):
            return
        for last, (key, entries) in a.iter(text):
            start = last - len(key) + 1
            ws, we, ok = self._accept(text, start, last + 1, entries)
            if ok:
                yield Hit(ws, we, key, tuple(ok))

    def find(self, text: str) -> list[Hit]:
        """Accepted hits, leftmost-longest, not overlapping, in text order."""
        hits = sorted(self.iter_hits(text), key=lambda h: (h.start, -(h.end - h.start), -len(h.key)))
        out: list[Hit] = []
        last_end = -1
        for h in hits:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out


__all__ = ["Clitics", "Hit", "PhraseMatcher", "clitics", "read_yaml", "split_article"]
