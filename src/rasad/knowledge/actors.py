"""Armed and political actors: loading, validation, lookup and in-text finding.

`load_actors(dirs)` reads `actors.yaml` from each knowledge folder in order
(later folders add entries or override them by id) and returns an
`ActorIndex`. All matching is on the normalised form
(rasad.arabic.normalize.norm); each alias is expanded with the spelling and
ending variants listed in the file, proclitics and the article are folded by
`PhraseMatcher`, and long names tolerate one edit (a deletion index, so a
lookup stays well under a millisecond).

Generic references ("النظام", "التنظيم", "الفصائل", "الجيش") are entries with
`generic: true` and a `refers_to` list; `resolve_generic` picks the referent
from the actors already in focus and the country.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

import ahocorasick
from ..arabic.normalize import norm
from ..model import SIDES, Actor, Candidate, VocabMatch
from .matching import PhraseMatcher, clitics, read_yaml, split_article

FILE = "actors.yaml"
KINDS = ("armed", "political", "state", "media", "civilian")
REQUIRED = ("id", "name", "name_en", "acled_name", "inter", "side")
FUZZY_MIN_LEN = 6  # names shorter than this must match exactly (one edit is too much)

# Scores of the ways a lookup can match, best first.
SCORE_EXACT = 1.0
SCORE_CLITIC = 0.95
SCORE_HEAD = 0.9  # an alias plus only head nouns around it ("قوات قسد")
SCORE_FUZZY = 0.8
SCORE_PARTIAL = 0.7  # an alias inside a longer phrase: scaled by how much it covers
SCORE_NATIONALITY = 0.6  # no alias, but the phrase ends in a nationality adjective

_STRIP = re.compile(r"[\"'()\[\]{}<>«».,;:!?؟،؛\-_/]+")


class ActorDataError(ValueError):
    """An actors file that breaks the schema or the consistency rules."""


def _clean(text: str) -> str:
    return " ".join(_STRIP.sub(" ", norm(text)).split())


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or transposition."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


class ActorIndex:
    """All actors, indexed for lookup by name and for finding them in text."""

    def __init__(self, actors: Sequence[Actor], refers_to: dict[str, tuple[str, ...]],
                 variants: dict[str, dict[str, str]], ambiguous: dict[str, frozenset[str]],
                 spelling_variants: Sequence[Sequence[str]] = (), ending_variants: Sequence[Sequence[str]] = (),
                 head_nouns: Iterable[str] = (), nationality: dict[str, str] | None = None,
                 anaphor_only: Iterable[str] = ()):
        self._by_id: dict[str, Actor] = {a.id: a for a in actors}
        # generic entries that stand only for a compatible actor named before them ("الحزب")
        self.anaphor_only: frozenset[str] = frozenset(anaphor_only)
        self._refers_to = refers_to
        self._variants = variants
        self._ambiguous = ambiguous
        self._spelling = [tuple(dict.fromkeys(norm(w) for w in g)) for g in spelling_variants]
        self._endings = [tuple(norm(e) for e in g) for g in ending_variants]
        self._nationality: dict[str, str] = {}
        for adj, actor_id in (nationality or {}).items():
            base = split_article(_clean(adj))[0]
            for form in (base, base + "ه", base + "ين", base + "ون"):
                self._nationality[form] = actor_id
        self._heads = frozenset(v for h in head_nouns for s in self._spell(_clean(h)) for v in self._end(s))
        self._exact: dict[str, list[str]] = {}  # cleaned Arabic surface form -> actor ids
        self._names: dict[str, list[str]] = {}  # cleaned English / ACLED name -> actor ids
        self._matcher = PhraseMatcher()
        self._fuzzy: dict[str, set[str]] = {}  # deletion variant -> matcher keys
        for a in actors:
            for form in self.surface_forms(a):
                ids = self._exact.setdefault(form, [])
                if a.id not in ids:
                    ids.append(a.id)
                key = self._matcher.add(form, a.id, "name")
                if key and len(key) >= FUZZY_MIN_LEN:
                    for d in _deletes(key) | {key}:
                        self._fuzzy.setdefault(d, set()).add(key)
            abbrev = a.acled_name.split(":", 1)[0] if ":" in a.acled_name else ""  # "YPG: Peoples ..." -> YPG
            for form in (a.name_en, a.acled_name, abbrev):  # English names: shared ACLED names are expected
                if not form:
                    continue
                ids = self._names.setdefault(_clean(form), [])
                if a.id not in ids:
                    ids.append(a.id)
        self._matcher.build()
        self._generic: dict[tuple, Actor | None] = {}  # resolve_generic's answers

    # ------------------------------------------------------------------ entries

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self):
        return iter(self._by_id.values())

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def side_of(self, actor_id: str) -> str:
        """The actor's side, or "unknown" for an id that is not known."""
        a = self._by_id.get(actor_id)
        return a.side if a else "unknown"

    def refers_to(self, actor_id: str) -> tuple[str, ...]:
        """For a generic entry, the actors it may mean (default first); else ()."""
        return self._refers_to.get(actor_id, ())

    def allies(self, actor_id: str) -> frozenset[str]:
        """Actors that fight alongside `actor_id`.

        Its affiliations and the actors affiliated with it (both directions),
        plus every non-generic actor on the same side when that side is a
        belligerent one (not "other", "civilians" or "unknown").
        """
        a = self._by_id.get(actor_id)
        if a is None:
            return frozenset()
        out = set(a.affiliations)
        out |= {b.id for b in self._by_id.values() if actor_id in b.affiliations}
        if a.side not in ("other", "civilians", "unknown"):
            out |= {b.id for b in self._by_id.values() if b.side == a.side and not b.generic}
        out.discard(actor_id)
        return frozenset(i for i in out if i in self._by_id)

    def in_country(self, actor_id: str, country: str | None) -> str:
        """The country-specific counterpart of `actor_id` (داعش in Iraq -> Islamic State (Iraq))."""
        if not country:
            return actor_id
        return self._variants.get(actor_id, {}).get(country.upper(), actor_id)

    # ------------------------------------------------------------------ forms

    def surface_forms(self, actor: Actor) -> list[str]:
        """The normalised forms an actor is matched by: name, aliases and their variants."""
        base = [_clean(actor.name), *(_clean(x) for x in actor.aliases)]
        out: dict[str, None] = {}
        for form in base:
            if not form:
                continue
            for v in self._spell(form):
                out[v] = None
                for e in self._end(v):
                    out[e] = None
        return list(out)

    def _spell(self, form: str) -> list[str]:
        forms = [form]
        for group in self._spelling:
            for member in group:
                if member in form:
                    forms += [f.replace(member, other) for f in list(forms) for other in group if other != member]
                    break
        return list(dict.fromkeys(forms))

    def _end(self, form: str) -> list[str]:
        """Case/number ending variants: ون<->ين on any long word, و<->ي on a construct head."""
        words = form.split(" ")
        out = [form]
        for i, w in enumerate(words):
            for group in self._endings:
                if i > 0 and len(group[0]) == 1:
                    continue  # single-letter endings only on the head of a construct (مقاتلو التنظيم)
                if len(group[0]) == 1 and len(words) == 1:
                    continue
                for end in group:
                    if w.endswith(end) and len(w) - len(end) >= 3:
                        for other in group:
                            if other != end:
                                out.append(" ".join(words[:i] + [w[: -len(end)] + other] + words[i + 1:]))
                        break
        return list(dict.fromkeys(out))

    # ------------------------------------------------------------------ lookup

    def lookup(self, name: str, limit: int = 10) -> list[Candidate]:
        """Actors a name may refer to, best first.

        Tried in order: the exact normalised form (or an English/ACLED name),
        the form with its proclitics and article folded, the form within one
        edit of a long alias, and finally an alias inside a longer phrase
        ("مسلحي الهيئة"), scored by how much of the phrase it covers.
        """
        q = _clean(name)
        if not q:
            return []
        best: dict[str, Candidate] = {}

        def offer(actor_id: str, score: float, matched: str) -> None:
            old = best.get(actor_id)
            if old is None or score > old.score:
                best[actor_id] = Candidate(self._by_id[actor_id], score, matched)

        for actor_id in (*self._exact.get(q, ()), *self._names.get(q, ())):
            offer(actor_id, SCORE_EXACT, q)
        if not best:
            hits = self._matcher.find(q)
            for h in hits:
                whole = h.start == 0 and h.end == len(q)
                if whole:
                    score = SCORE_CLITIC
                elif self._only_heads_around(q, hits):
                    score = SCORE_HEAD
                else:
                    score = SCORE_PARTIAL * (h.end - h.start) / len(q)
                for actor_id in h.payloads:
                    offer(actor_id, score, h.key)
        if not best or max(c.score for c in best.values()) < SCORE_FUZZY:
            for key in self._fuzzy_keys(q):
                for actor_id, _ in self._matcher.entries(key):
                    offer(actor_id, SCORE_FUZZY, key)
        if not best and " " in q:  # "الطائرات الحربية التركية": the last nationality adjective names the state
            for word in reversed(q.split(" ")[1:]):
                actor_id = self._nationality.get(split_article(word)[0])
                if actor_id in self._by_id:
                    offer(actor_id, SCORE_NATIONALITY, word)
                    break
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.entry.generic, c.entry.id))
        return ranked[:limit]

    def _only_heads_around(self, q: str, hits) -> bool:
        """True when every word of `q` outside the hits is a head noun (with its clitics)."""
        rest = list(q)
        for h in hits:
            rest[h.start:h.end] = [" "] * (h.end - h.start)
        return all(self._is_head(w) for w in "".join(rest).split())

    def _is_head(self, word: str) -> bool:
        """A head noun, possibly with proclitics ("لعناصر", "والقوات")."""
        if word in self._heads:
            return True
        cl = clitics()
        return any(word.startswith(p) and word[len(p):] in self._heads for p in cl.plain | cl.with_article if p)

    def _fuzzy_keys(self, q: str) -> set[str]:
        forms = {q}
        first = q.split(" ", 1)[0]
        cl = clitics()
        for p in cl.plain | cl.with_article:
            if p and first.startswith(p) and len(first) - len(p) >= 2:
                forms.add(q[len(p):])
        forms.add(split_article(q)[0])
        words = q.split(" ")
        while len(words) > 1 and self._is_head(words[0]):  # "عناصر فيلق الرحمان" -> "فيلق الرحمان"
            words = words[1:]
            forms.add(" ".join(words))
            forms.add(split_article(" ".join(words))[0])
        out: set[str] = set()
        for f in forms:
            if len(f) < FUZZY_MIN_LEN - 1:
                continue
            for d in _deletes(f) | {f}:
                for key in self._fuzzy.get(d, ()):
                    if _within_one_edit(f, key):
                        out.add(key)
        return out

    def find(self, text: str) -> list[VocabMatch]:
        """Actor mentions in a normalised text: leftmost-longest, one VocabMatch per actor a span may mean.

        `text` must already be in the matching form (`normalize(text).text`);
        offsets are into it. `value` is the actor id, `group` its side, and
        `score` is lower (0.5) for generic references that need resolving.
        """
        out: list[VocabMatch] = []
        for h in self._matcher.find(text):
            for actor_id in h.payloads:
                a = self._by_id[actor_id]
                out.append(VocabMatch(h.start, h.end, "actor", actor_id, a.side, a.name, h.key, 0.5 if a.generic else 1.0))
        return out

    def rows(self, payloads: tuple) -> tuple[tuple[str, str, str], ...]:
        """What `find` makes of one hit's payloads, without the records: (actor id, side, name) per
        actor (for `MultiMatcher`)."""
        return tuple((actor_id, self._by_id[actor_id].side, self._by_id[actor_id].name) for actor_id in payloads)

    def matcher(self) -> ahocorasick.Automaton:
        """The automaton over every normalised alias (article stripped).

        Values are `(key, entries)`; for boundary-checked matching use `find`.
        """
        return self._matcher.automaton

    # ------------------------------------------------------------------ context

    def resolve_generic(self, alias: str, context_actor_ids: Iterable[str] = (), country: str | None = None) -> Actor | None:
        """The actor a generic reference means here.

        `alias` is a surface form ("التنظيم") or a generic entry's id. Each
        candidate referent scores: +4 if already in the context, +2 if allied
        by affiliation with an actor in the context, +3 if it acts in
        `country` (-1 if it acts elsewhere); ties go to the default (listed
        first). A non-generic alias resolves to itself, placed in `country`. Answers are remembered.
        """
        context_actor_ids = tuple(context_actor_ids)
        key = (alias, context_actor_ids, country)
        if key in self._generic:
            return self._generic[key]
        if len(self._generic) >= 50_000:
            self._generic.clear()
        found = self._generic[key] = self._resolve_generic(alias, context_actor_ids, country)
        return found

    def _resolve_generic(self, alias: str, context_actor_ids: tuple[str, ...], country: str | None) -> Actor | None:
        context = [c for c in context_actor_ids if c in self._by_id]
        if alias in self._by_id:
            entry = self._by_id[alias]
        else:
            cands = self.lookup(alias, limit=5)
            if not cands:
                return None
            generic = [c for c in cands if c.entry.generic and c.score >= cands[0].score]
            entry = generic[0].entry if generic else cands[0].entry
        if not entry.generic:
            return self._by_id[self.in_country(entry.id, country)]
        refs = self._refers_to.get(entry.id, ())
        if not refs:
            return None
        ctx_set = set(context)
        ctx_variants = {self.in_country(c, country) for c in context}

        def score(i_ref: tuple[int, str]) -> tuple[float, int]:
            i, ref = i_ref
            a = self._by_id[ref]
            s = 0.0
            if ref in ctx_set or ref in ctx_variants:
                s += 4
            elif any(ref in self._by_id[c].affiliations or c in a.affiliations for c in context):
                s += 2
            if country and a.country:
                s += 3 if a.country == country.upper() else -1
            return (-s, i)

        best = min(enumerate(refs), key=score)[1]
        return self._by_id[self.in_country(best, country)]


# ---------------------------------------------------------------------- loading


def _read(path: Path) -> dict:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ActorDataError(f"{path}: expected a mapping with an 'actors' list")
    return data


def _actor(raw: dict, origin: str) -> tuple[Actor, tuple[str, ...], dict[str, str], frozenset[str]]:
    missing = [k for k in REQUIRED if raw.get(k) in (None, "")]
    if missing:
        raise ActorDataError(f"{origin}: actor {raw.get('id', '?')!r} lacks {', '.join(missing)}")
    unknown = set(raw) - {*REQUIRED, "aliases", "affiliations", "generic", "kind", "country", "refers_to",
                          "variants", "ambiguous_aliases"}
    if unknown:
        raise ActorDataError(f"{origin}: actor {raw['id']!r} has unknown fields {sorted(unknown)}")
    actor = Actor(
        id=str(raw["id"]), name=str(raw["name"]), name_en=str(raw["name_en"]), acled_name=str(raw["acled_name"]),
        inter=int(raw["inter"]), side=str(raw["side"]),
        aliases=tuple(str(x) for x in raw.get("aliases") or ()),
        affiliations=tuple(str(x) for x in raw.get("affiliations") or ()),
        generic=bool(raw.get("generic", False)), kind=str(raw.get("kind", "armed")),
        origin=origin, country=str(raw.get("country") or "").upper(),
    )
    refers = tuple(str(x) for x in raw.get("refers_to") or ())
    variants = {str(k).upper(): str(v) for k, v in (raw.get("variants") or {}).items()}
    ambiguous = frozenset(_clean(x) for x in raw.get("ambiguous_aliases") or ())
    return actor, refers, variants, ambiguous


def validate(index: ActorIndex, inter_by_side: dict[str, Sequence[int]] | None = None) -> list[str]:
    """Consistency problems: bad sides/inter/kinds, dangling ids, aliases shared without being marked."""
    problems: list[str] = []
    for a in index:
        if a.side not in SIDES:
            problems.append(f"{a.id}: unknown side {a.side!r}")
        if not 1 <= a.inter <= 8:
            problems.append(f"{a.id}: inter {a.inter} outside 1..8")
        elif inter_by_side and a.side in inter_by_side and a.inter not in inter_by_side[a.side]:
            problems.append(f"{a.id}: inter {a.inter} not allowed for side {a.side}")
        if (a.inter == 7) != (a.side == "civilians"):
            problems.append(f"{a.id}: inter 7 (civilians) and side civilians must go together")
        if a.kind not in KINDS:
            problems.append(f"{a.id}: unknown kind {a.kind!r}")
        for other in a.affiliations:
            if other not in index:
                problems.append(f"{a.id}: affiliation {other!r} is not an actor")
            elif other == a.id:
                problems.append(f"{a.id}: affiliated with itself")
        refs = index.refers_to(a.id)
        if a.generic and not refs:
            problems.append(f"{a.id}: generic entry without refers_to")
        if refs and not a.generic:
            problems.append(f"{a.id}: refers_to on a non-generic entry")
        for r in refs:
            if r not in index:
                problems.append(f"{a.id}: refers_to {r!r} is not an actor")
            elif index.get(r).generic:
                problems.append(f"{a.id}: refers_to {r!r} is itself generic")
        for c, v in index._variants.get(a.id, {}).items():
            if v not in index:
                problems.append(f"{a.id}: variant for {c} {v!r} is not an actor")
    for a_id in sorted(index.anaphor_only):
        if a_id not in index or not index.get(a_id).generic:
            problems.append(f"anaphor_only: {a_id!r} is not a generic actor")
    for form, ids in index._exact.items():
        if len(ids) < 2:
            continue
        unmarked = [i for i in ids if not index.get(i).generic and form not in index._ambiguous.get(i, frozenset())]
        if len(unmarked) > 1:
            problems.append(f"alias {form!r} maps to {', '.join(ids)} (mark it in ambiguous_aliases)")
    return problems


def load_actors(dirs: Iterable[Path | str]) -> ActorIndex:
    """Read actors.yaml from each folder in order; later folders add or override entries by id.

    Raises ActorDataError when the merged set is inconsistent (see `validate`).
    """
    actors: dict[str, Actor] = {}
    refers: dict[str, tuple[str, ...]] = {}
    variants: dict[str, dict[str, str]] = {}
    ambiguous: dict[str, frozenset[str]] = {}
    spelling: list[list[str]] = []
    endings: list[list[str]] = []
    inter_by_side: dict[str, list[int]] = {}
    heads: list[str] = []
    nationality: dict[str, str] = {}
    anaphor_only: list[str] = []
    for d in dirs:
        path = Path(d) / FILE
        if not path.is_file():
            continue
        data = _read(path)
        spelling += data.get("spelling_variants") or []
        endings += data.get("ending_variants") or []
        inter_by_side.update(data.get("inter_by_side") or {})
        heads += data.get("head_nouns") or []
        nationality.update(data.get("nationality_adjectives") or {})
        anaphor_only += [str(x) for x in data.get("anaphor_only") or ()]
        for raw in data.get("actors") or []:
            if not isinstance(raw, dict):
                raise ActorDataError(f"{path}: each actor must be a mapping")
            a, r, v, amb = _actor(raw, str(path))
            actors[a.id] = a
            refers[a.id] = r
            variants[a.id] = v
            ambiguous[a.id] = amb
    refers = {k: v for k, v in refers.items() if v}
    index = ActorIndex(list(actors.values()), refers, variants, ambiguous, spelling, endings, heads, nationality,
                       anaphor_only)
    problems = validate(index, inter_by_side)
    if problems:
        raise ActorDataError("; ".join(problems[:20]))
    return index


__all__ = ["ActorDataError", "ActorIndex", "load_actors", "validate"]
