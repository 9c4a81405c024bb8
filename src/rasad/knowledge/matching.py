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
from typing import Any, Callable, Iterator

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
            a.add_word(key, (key, _checks(entries)))
        if len(a):
            a.make_automaton()
        self._automaton = a
        return a

    @property
    def automaton(self) -> ahocorasick.Automaton:
        return self._automaton if self._automaton is not None else self.build()

    def iter_hits(self, text: str) -> Iterator[Hit]:
        """Every accepted hit, overlapping ones included, in automaton order."""
        for ws, we, key, ok in _raw_hits(self.automaton, text):
            yield Hit(ws, we, key, ok)

    def find(self, text: str) -> list[Hit]:
        """Accepted hits, leftmost-longest, not overlapping, in text order."""
        return [Hit(*h) for h in _leftmost_longest(_raw_hits(self.automaton, text))]


def _checks(entries) -> tuple[tuple[Any, frozenset[str], frozenset[str]], ...]:
    """Each entry as (payload, the prefixes it allows, the suffixes it allows)."""
    cl = clitics()
    any_noun = cl.plain | cl.with_article  # a noun listed bare may take the article
    out = []
    for e in entries:
        if e.needs_article:
            prefixes = cl.with_article
        elif e.word_class == "verb":
            prefixes = cl.verb
        else:
            prefixes = any_noun
        out.append((e.payload, prefixes, cl.suffixes.get(e.word_class, cl.suffixes["name"])))
    return tuple(out)


def _raw_hits(automaton, text: str) -> list[tuple[int, int, str, tuple[Any, ...]]]:
    """(word start, word end, key, accepted payloads) of every accepted match, in automaton order."""
    if not len(automaton):
        return []
    out = []
    n = len(text)
    for last, (key, checks) in automaton.iter(text):
        start = last + 1 - len(key)
        ws = start
        while ws > 0 and text[ws - 1].isalpha():
            ws -= 1
        we = last + 1
        while we < n and text[we].isalpha():
            we += 1
        prefix, suffix = text[ws:start], text[last + 1:we]
        ok = tuple([p for p, prefixes, suffixes in checks if prefix in prefixes and suffix in suffixes])
        if ok:
            out.append((ws, we, key, ok))
    return out


def _leftmost_longest(hits: list[tuple[int, int, str, tuple[Any, ...]]]) -> list[tuple[int, int, str, tuple[Any, ...]]]:
    hits.sort(key=lambda h: (h[0], h[0] - h[1], -len(h[2])))
    out = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


class MultiMatcher:
    """Several PhraseMatchers run over one text in a single automaton pass.

    `find(text)` gives, for each matcher in order, exactly what its own
    `find(text)` gives, as (start, end, key, payloads) tuples: a key shared by
    several matchers is matched once and its word boundaries read once.
    `rows` (one function per matcher, optional) turns a hit's payloads into
    what the caller wants of them (a pure function of the payloads tuple); it
    is applied once per key when the automaton is built wherever a key's
    entries all allow the same clitics, so most hits need no work at all.
    """

    def __init__(self, matchers: list[PhraseMatcher], rows: list[Callable[[tuple], Any]] | None = None):
        self._matchers = list(matchers)
        self._rows = list(rows) if rows is not None else [tuple] * len(self._matchers)
        self._sources: tuple | None = None
        self._automaton: ahocorasick.Automaton | None = None

    def _built(self) -> ahocorasick.Automaton:
        sources = tuple(m.automaton for m in self._matchers)
        if self._automaton is None or self._sources is None or any(
                a is not b for a, b in zip(sources, self._sources)):
            merged: dict[str, list[tuple]] = {}
            for i, m in enumerate(self._matchers):
                rows = self._rows[i]
                for key, entries in m._entries.items():
                    checks = _checks(entries)
                    if len({(c[1], c[2]) for c in checks}) == 1:  # one test for all: precompute
                        group = (i, checks[0][1], checks[0][2], rows(tuple(c[0] for c in checks)))
                    else:
                        group = (i, None, checks, None)
                    merged.setdefault(key, []).append(group)
            a = ahocorasick.Automaton()
            for key, groups in merged.items():
                # values: (key, its length, matcher, prefixes, suffixes, rows) for a key one matcher holds
                # with one clitic test, else (key, its length, None, groups, None, None)
                if len(groups) == 1 and groups[0][1] is not None:
                    a.add_word(key, (key, len(key), *groups[0]))
                else:
                    a.add_word(key, (key, len(key), None, tuple(groups), None, None))
            if len(a):
                a.make_automaton()
            self._automaton, self._sources = a, sources
        return self._automaton

    def find(self, text: str) -> list[list[tuple[int, int, str, Any]]]:
        """Per matcher: (start, end, key, rows of the accepted payloads), leftmost-longest."""
        a = self._built()
        if not len(a):
            return [[] for _ in self._matchers]
        return _multi_find(a, text, len(self._matchers), self._rows)


def _multi_find_py(a, text: str, n_matchers: int, row_fns: list) -> list[list[tuple[int, int, str, Any]]]:
    """`MultiMatcher.find` over its merged automaton `a` (non-empty) in Python: the reference for
    `_speedups.multi_find`."""
    per: list[list] = [[] for _ in range(n_matchers)]
    n = len(text)
    # hits are collected as sort keys: (start, -length, -key length, automaton order, end, key, rows)
    for seq, (last, (key, klen, i, prefixes, suffixes, rows)) in enumerate(a.iter(text)):
        end = last + 1
        start = end - klen
        ws = start
        while ws > 0 and text[ws - 1].isalpha():
            ws -= 1
        we = end
        while we < n and text[we].isalpha():
            we += 1
        prefix, suffix = text[ws:start], text[end:we]
        if i is not None:
            if prefix in prefixes and suffix in suffixes:
                per[i].append((ws, ws - we, -klen, seq, we, key, rows))
            continue
        for i, prefixes, suffixes, rows in prefixes:  # several matchers, or several clitic tests
            if prefixes is not None:
                if prefix in prefixes and suffix in suffixes:
                    per[i].append((ws, ws - we, -klen, seq, we, key, rows))
                continue
            ok = tuple([p for p, pre, suf in suffixes if prefix in pre and suffix in suf])
            if ok:
                per[i].append((ws, ws - we, -klen, seq, we, key, row_fns[i](ok)))
    out = []
    for hits in per:  # leftmost-longest, as _leftmost_longest
        hits.sort()
        kept = []
        last_end = -1
        for ws, _, _, _, we, key, rows in hits:
            if ws >= last_end:
                kept.append((ws, we, key, rows))
                last_end = we
        out.append(kept)
    return out


# The C loop (rasad.knowledge._speedups, built by Cython when rasad is installed) when it is there,
# else the Python one; they give the same hits.
try:
    from ._speedups import multi_find as _multi_find
except ImportError:  # not built (no compiler where rasad was installed)
    _multi_find = _multi_find_py


__all__ = ["Clitics", "Hit", "MultiMatcher", "PhraseMatcher", "clitics", "read_yaml", "split_article"]
