"""The word lists of `rasad.arabic.quantities`, loaded once into lookup tables.

Reads data/numbers.yaml and data/quantities_units.yaml (through
`rasad.arabic.resources`), folds every form with `normalize.norm`, and offers
the lookups the grammar needs: a word's readings without proclitics, its
reading as a number word, membership of a word in a word class.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import norm
from .resources import data_yaml

# Proclitics a number word or qualifier may carry: conjunction, preposition, article.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def _prefixes() -> tuple[tuple[str, int, bool], ...]:
    """(written prefix, length of its conj+prep part, has article), shortest first."""
    out: dict[str, tuple[str, int, bool]] = {}
    for c in _CONJ:
        for p in _PREP:
            for art in ("", "ال"):
                lead = c + p
                written = (c + "لل") if (p == "ل" and art) else lead + art
                out.setdefault(written, (written, len(lead), bool(art)))
    return tuple(sorted(out.values(), key=lambda x: len(x[0])))


_PREFIXES = _prefixes()
_CLITIC_TOKENS = frozenset(p[0] for p in _PREFIXES if p[0])


# --------------------------------------------------------------------------- lexicon

_PHRASE_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "ك")


class _Phrases:
    """Multi-word phrases indexed for matching before or after a token.

    `by_last` keys a phrase by its last word (a one-word phrase also by its
    clitic forms: وأكثر، بنحو) for matching right before a number; `by_first`
    by its first word for matching right after one. Longest phrases first.
    """

    def __init__(self, items: list[tuple[tuple[str, ...], str]]):
        items = sorted(items, key=lambda x: -len(x[0]))
        self.by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for p, v in items:
            if not p:
                continue
            keys = [p[-1]] + ([c + p[0] for c in _PHRASE_CLITICS] if len(p) == 1 else [])
            for key in keys:
                self.by_last.setdefault(key, []).append((p, v))
            self.by_first.setdefault(p[0], []).append((p, v))
        self.last_words = frozenset(self.by_last)  # the keys of by_last, as a set
        # a word before a phrase's first word p[0] that is p[0] with a clitic: p[0] -> those words
        self.with_clitic = {p[0]: frozenset(c + p[0] for c in _PHRASE_CLITICS) for p, _ in items if p}



@dataclass(slots=True)
class _Lexicon:
    """Everything the grammar looks up, in matching form (see normalize.norm)."""

    atoms: dict[str, dict[str, int]] = field(default_factory=dict)  # word -> {type: value}
    teen_tails: frozenset[str] = frozenset()
    hundred_word: frozenset[str] = frozenset()
    ordinal_context: frozenset[str] = frozenset()  # singular nouns: اليوم العشرين
    ordinal_context_any: frozenset[str] = frozenset()  # and plurals: ثالث أيام
    prefix_q: _Phrases = field(default_factory=lambda: _Phrases([]))
    postfix_q: _Phrases = field(default_factory=lambda: _Phrases([]))
    comparatives: frozenset[str] = frozenset()  # أكثر، أقل: "... وأكثر من 40" bounds what follows
    verb_bounds: _Phrases = field(default_factory=lambda: _Phrases([]))
    verb_gap: int = 3
    openers: _Phrases = field(default_factory=lambda: _Phrases([]))
    joiners: frozenset[str] = frozenset()
    bare_joiners: frozenset[str] = frozenset()
    change_words: frozenset[str] = frozenset()
    change_window: int = 6
    units: dict[str, str] = field(default_factory=dict)  # noun form -> duration | money | other
    unit_duals: dict[str, str] = field(default_factory=dict)  # dual form -> kind
    unit_dual_forms: frozenset[str] = frozenset()
    percent: _Phrases = field(default_factory=lambda: _Phrases([]))
    time_after: frozenset[str] = frozenset()
    clock_before: frozenset[str] = frozenset()
    year_before: frozenset[str] = frozenset()
    year_after: frozenset[str] = frozenset()
    label_before: frozenset[str] = frozenset()
    per_before: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    month_heads: frozenset[str] = frozenset()
    weekday_before: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    idioms: frozenset[tuple[str, str]] = frozenset()
    not_nouns: frozenset[str] = frozenset()
    countable: frozenset[str] = frozenset()  # every form of a countable noun
    duals: frozenset[str] = frozenset()  # unambiguous duals of countable nouns
    few_value: int = 3


def _n(words) -> list[str]:
    return [norm(str(w)) for w in words]


def _phrases(words) -> list[tuple[str, ...]]:
    return [tuple(norm(str(w)).split()) for w in words]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Load numbers.yaml and quantities_units.yaml once."""
    num = data_yaml("numbers.yaml")
    uni = data_yaml("quantities_units.yaml")
    lx = _Lexicon()
    atoms: dict[str, dict[str, int]] = {}

    def add(form: str, kind: str, value: int) -> None:
        atoms.setdefault(norm(form), {})[kind] = value

    for v, forms in num["units"].items():
        for f in forms:
            add(f, "unit", int(v))
    for v, forms in num["teen_heads"].items():
        for f in forms:
            add(f, "teen_head", int(v))
    for v, forms in num["tens"].items():
        for f in forms:
            add(f, "ten", int(v))
    for v, forms in num["hundreds"].items():
        for f in forms:
            add(f, "hundred", int(v))
    for m, spec in num["multipliers"].items():
        for f in spec.get("singular", []):
            add(f, "mult", int(m))
        for f in spec.get("dual", []):
            add(f, "mult_dual", int(m))
        for f in spec.get("plural", []):
            add(f, "mult_pl", int(m))
    for v, forms in num["fractions"].items():
        for f in forms:
            add(f, "fraction", int(v))
    for v, forms in num["vague"].items():
        for f in forms:
            add(f, "vague", int(v))
    lx.few_value = int(num["few"]["value"])
    for f in num["few"]["forms"]:
        add(f, "few", lx.few_value)
    for v, forms in num["ordinals"].items():
        for f in forms:
            add(f, "ordinal", int(v))
    lx.atoms = atoms
    lx.teen_tails = frozenset(_n(num["teen_tails"]))
    lx.hundred_word = frozenset(_n(num["hundred_word"]))
    lx.ordinal_context = frozenset(_n(num["ordinal_context"]))
    lx.ordinal_context_any = lx.ordinal_context | frozenset(_n(num["ordinal_context_plural"]))
    pq = [(p, q) for q, ws in num["prefix_qualifiers"].items() for p in _phrases(ws)]
    lx.prefix_q = _Phrases(pq)
    lx.comparatives = frozenset(p[0] for p, _ in pq if len(p) >= 2 and p[1] == "من")
    sq = [(p, q) for q, ws in num["postfix_qualifiers"].items() for p in _phrases(ws)]
    lx.postfix_q = _Phrases(sq)
    vb = [(p, q) for q, ws in num["verb_bounds"].items() for p in _phrases(ws)]
    lx.verb_bounds = _Phrases(vb)
    lx.verb_gap = int(num["verb_bound_gap"])
    rg = num["ranges"]
    lx.openers = _Phrases([(p, "") for p in _phrases(rg["openers"])])
    lx.joiners = frozenset(_n(rg["joiners"]))
    lx.bare_joiners = frozenset(_n(rg["bare_joiners"]))
    lx.change_words = frozenset(w for p in _phrases(rg["change_words"]) for w in p[:1])
    lx.change_window = int(rg["change_window"])

    units: dict[str, str] = {}
    duals: dict[str, str] = {}
    for kind, key in (("duration", "duration"), ("money", "money")):
        for entry in uni[key]:
            for f in entry.get("forms", []):
                units[norm(str(f))] = kind
            for f in entry.get("dual", []):
                duals[norm(str(f))] = kind
    for f in uni["measure"]:
        units[norm(str(f))] = "other"
    lx.units, lx.unit_duals = units, duals
    lx.unit_dual_forms = frozenset(duals)
    lx.percent = _Phrases([(p, "") for p in _phrases(uni["percent"])])
    lx.time_after = frozenset(_n(uni["time_of_day_after"]))
    lx.clock_before = frozenset(_n(uni["clock_before"]))
    lx.year_before = frozenset(_n(uni["year_before"]))
    lx.year_after = frozenset(_n(uni["year_after"]))
    lx.label_before = frozenset(_n(uni["label_before"]))
    lx.per_before = frozenset(_n(uni["per_before"]))
    lx.months = frozenset(_n(uni["months"]))
    lx.month_heads = frozenset(_n(uni["month_heads"]))
    lx.weekday_before = frozenset(_n(uni["weekday_before"]))
    lx.weekdays = frozenset(_n(uni["weekdays"]))
    lx.idioms = frozenset((norm(a), norm(b)) for a, b in uni["idioms"])
    lx.not_nouns = frozenset(_n(uni["not_nouns"]))

    forms: set[str] = set()
    dual_forms: set[str] = set()
    for e in uni["countable"]:
        sg = norm(str(e["sg"]))
        forms.add(sg)
        forms.update(_n(e.get("pl", [])))
        if e.get("dual"):
            ds = _n(e["dual"])
        elif sg.endswith("ه"):
            ds = [sg[:-1] + "تين", sg[:-1] + "تان"]
        else:
            ds = [sg + "ين", sg + "ان"]
        if e.get("smp"):
            # -ين dual reads like the plural: only -ان is a sure dual.
            forms.update(ds)
            ds = [d for d in ds if not d.endswith("ين")]
        forms.update(ds)
        dual_forms.update(ds)
    lx.countable = frozenset(forms)
    lx.duals = frozenset(dual_forms)
    return lx



@lru_cache(maxsize=8192)
def _splits(word: str) -> tuple[tuple[int, bool, str], ...]:
    """Ways to read `word` as proclitics + rest: (conj+prep length, has article, rest)."""
    out = []
    for written, lead, art in _PREFIXES:
        if word.startswith(written) and len(word) - len(written) >= 2:
            out.append((lead, art, word[len(written):]))
    return tuple(out)


def _atom(lx: _Lexicon, word: str) -> tuple[int, bool, str, dict[str, int]] | None:
    """The first reading of `word` as a number word: (clitic length, definite, bare, types)."""
    for lead, art, rest in _splits(word):
        hit = lx.atoms.get(rest)
        if hit:
            return lead, art, rest, hit
    return None


@lru_cache(maxsize=8192)
def _bare(word: str) -> tuple[str, ...]:
    """Readings of a word with proclitics and article removed, the word itself first."""
    return tuple(r for _, _, r in _splits(word))


@lru_cache(maxsize=65536)
def _in_set(word: str, s: frozenset[str]) -> bool:
    for r in _bare(word):
        if r in s:
            return True
    return False


def _noun_key(lx: _Lexicon, word: str, table) -> str | None:
    """The reading of `word` (clitics and accusative alef removed) found in `table`."""
    for r in _bare(word):
        if r in table:
            return r
        if r.endswith("ا") and r[:-1] in table:
            return r[:-1]
    return None


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every written word (with proclitics) that may begin a quantity: skipped fast otherwise."""
    lx = _lexicon()
    forms = set(lx.atoms) | lx.duals | set(lx.unit_duals)
    return frozenset(p[0] + f for f in forms for p in _PREFIXES) | frozenset(
        "ل" + f[2:] for f in forms if f.startswith("ال")
    ) | forms


# --------------------------------------------------------------------------- per-word lookups

# The reader asks the same questions of the same few thousand words again and
# again (is some reading of it a month? a countable noun?): each distinct
# word is answered once, all questions at a time, and kept. Bounded; a table
# is emptied when full.
_WORDS_MAX = 1 << 15

# `_in_set(word, lx.<name>)` for each of these word classes, as one bit each.
_CLASSES = ("months", "clock_before", "time_after", "label_before", "ordinal_context", "ordinal_context_any",
            "year_before", "year_after", "weekday_before", "weekdays", "countable", "unit_dual_forms",
            "month_heads", "not_nouns", "change_words")
(IN_MONTHS, IN_CLOCK_BEFORE, IN_TIME_AFTER, IN_LABEL_BEFORE, IN_ORDINAL_CONTEXT, IN_ORDINAL_CONTEXT_ANY,
 IN_YEAR_BEFORE, IN_YEAR_AFTER, IN_WEEKDAY_BEFORE, IN_WEEKDAYS, IN_COUNTABLE, IN_UNIT_DUAL_FORMS,
 IN_MONTH_HEADS, IN_NOT_NOUNS, IN_CHANGE_WORDS) = (1 << i for i in range(len(_CLASSES)))
# `_noun_key(lx, word, lx.countable)` / `(..., lx.units)` is not None.
KEY_COUNTABLE = 1 << len(_CLASSES)
KEY_UNITS = KEY_COUNTABLE << 1


class _ClassBits(dict):
    """word -> the bits above that hold for it ("" -> 0)."""

    def __missing__(self, word: str) -> int:
        bits = 0
        if word:
            lx = _lexicon()
            for i, name in enumerate(_CLASSES):
                if _in_set(word, getattr(lx, name)):
                    bits |= 1 << i
            if _noun_key(lx, word, lx.countable) is not None:
                bits |= KEY_COUNTABLE
            if _noun_key(lx, word, lx.units) is not None:
                bits |= KEY_UNITS
        if len(self) >= _WORDS_MAX:
            self.clear()
        self[word] = bits
        return bits


class _Atoms(dict):
    """word -> `_atom(lexicon, word)` ("" -> None)."""

    def __missing__(self, word: str):
        got = _atom(_lexicon(), word) if word else None
        if len(self) >= _WORDS_MAX:
            self.clear()
        self[word] = got
        return got


CLASS_BITS = _ClassBits()
ATOMS = _Atoms()

