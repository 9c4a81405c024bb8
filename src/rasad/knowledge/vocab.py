"""Event vocabulary, modality cues, casualty terms, attribution frames and known sources.

`load_vocabulary(dirs)` reads `events.yaml` and `sources.yaml` from each
knowledge folder (later folders add entries; a source with a known id replaces
it) and compiles every vocabulary into one clitic-aware automaton
(`PhraseMatcher`). The `find_*` methods scan a text that is already in the
matching form (`rasad.arabic.normalize.normalize(text).text`, or the
`Normalized` itself) and return `VocabMatch`s with offsets into it.

Verb entries are given as [past, present] pairs and conjugated with the
endings of data/clitics.yaml, so the data lists lemmas, not every form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..arabic.normalize import norm
from ..model import SIDES, KnownSource, VocabMatch, Normalized
from .matching import CLITICS_FILE, PhraseMatcher, read_yaml

EVENTS_FILE = "events.yaml"
SOURCES_FILE = "sources.yaml"
# The kinds a document is scanned for, in the order extraction files them.
SCAN_KINDS = ("trigger", "cue", "casualty", "side_cue", "attribution", "source")
CUE_KINDS = ("denied", "rumoured", "feared", "threatened", "planned", "background")
CLAIM_KINDS = ("killed", "wounded", "killed_or_wounded", "captured", "arrested", "defected", "displaced",
               "evacuated", "present")
MODALITIES = ("assert", "deny", "claim")
SOURCE_TYPES = ("belligerent_outlet", "state_media", "pro_government_media", "monitor", "humanitarian", "wire",
                "local_network", "activists", "anonymous", "official")
ROLES = ("combatant", "leader", "civilian", "person")


class VocabularyError(ValueError):
    """A vocabulary file that breaks the schema."""


@dataclass(frozen=True, slots=True)
class _Payload:
    kind: str
    value: str
    group: str
    lemma: str


def conjugate(past: str, present: str) -> list[str]:
    """Normalised surface forms of a verb from its past and present 3rd masc. sg.

    >>> "اشتبكوا" in conjugate("اشتبك", "يشتبك") and "تشتبك" in conjugate("اشتبك", "يشتبك")
    True
    """
    conj = _conjugation()
    past, present = norm(past), norm(present)
    forms = [past + e for e in conj["past_endings"]]
    stem = present[1:] if present[:1] in ("ي", "ت", "ن", "ا") else present
    forms += [p + stem + e for p in conj["present_prefixes"] for e in conj["present_endings"]]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def _conjugation() -> dict[str, list[str]]:
    """The conjugation affixes of data/clitics.yaml, normalised."""
    data = read_yaml(CLITICS_FILE)["conjugation"]
    return {k: [norm(x) for x in v] for k, v in data.items()}


def _as_text(text: str | Normalized) -> str:
    return text.text if isinstance(text, Normalized) else text


def _listify(v) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


class Vocabulary:
    """Compiled vocabularies; every `find_*` returns leftmost-longest Mentions of one kind."""

    def __init__(self) -> None:
        self.families: dict[str, str] = {}  # sub-event type -> event family
        self.sources: dict[str, KnownSource] = {}
        self._matchers: dict[str, PhraseMatcher] = {}
        self.lemmas: dict[str, list[str]] = {}  # kind -> lemmas, for inspection
        self._quoted: dict[str, frozenset[str]] = {}  # source id -> names that match only in quotes
        self._names: dict[str, str] = {}  # whole normalised source name (quoted-only names bare too) -> id
        self._anonymous_heads: set[str] = set()  # "مصدر", "مصادر عسكرية": a speaker not named
        self._classified: dict[tuple[str, str | None], KnownSource | None] = {}  # classify_source's answers
        self._classified_with = None  # ... given this ActorIndex

    # ------------------------------------------------------------------ building

    def _matcher(self, kind: str) -> PhraseMatcher:
        return self._matchers.setdefault(kind, PhraseMatcher())

    def add_entry(self, kind: str, value: str, group: str, lemma: str, entry: dict, default_class: str = "noun") -> int:
        """Register one vocabulary entry's nouns, verbs, forms and phrases; returns how many forms."""
        self._classified.clear()
        m = self._matcher(kind)
        payload = _Payload(kind, value, group, lemma)
        n = 0
        for noun in _listify(entry.get("nouns")):
            n += m.add(norm(str(noun)), payload, default_class) is not None
        for pair in _listify(entry.get("verbs")):
            if not (isinstance(pair, list) and len(pair) == 2):
                raise VocabularyError(f"{kind}/{lemma}: verbs must be [past, present] pairs, got {pair!r}")
            for form in conjugate(str(pair[0]), str(pair[1])):
                n += m.add(form, payload, "verb") is not None
        for form in _listify(entry.get("forms")):
            n += m.add(norm(str(form)), payload, "verb" if default_class == "noun" else default_class) is not None
        for phrase in _listify(entry.get("phrases")):
            n += m.add(norm(str(phrase)), payload, default_class) is not None
        self.lemmas.setdefault(kind, []).append(lemma)
        return n

    def add_events(self, data: dict, origin: str) -> None:
        for family, subs in (data.get("families") or {}).items():
            for sub in subs:
                self.families[str(sub)] = str(family)
        for t in data.get("triggers") or []:
            subs = _listify(t.get("sub_event"))
            if not subs or not t.get("lemma"):
                raise VocabularyError(f"{origin}: trigger without lemma or sub_event: {t!r}")
            for sub in subs:
                if sub not in self.families:
                    raise VocabularyError(f"{origin}: trigger {t['lemma']!r} has unknown sub_event {sub!r}")
                if not self.add_entry("trigger", sub, self.families[sub], str(t["lemma"]), t):
                    raise VocabularyError(f"{origin}: trigger {t['lemma']!r} has no forms")
        for cue, entry in (data.get("cues") or {}).items():
            if cue not in CUE_KINDS:
                raise VocabularyError(f"{origin}: unknown cue kind {cue!r}")
            self.add_entry("cue", cue, "", cue, entry, "phrase")
        for claim, entry in (data.get("casualties") or {}).items():
            if claim not in CLAIM_KINDS:
                raise VocabularyError(f"{origin}: unknown claim kind {claim!r}")
            self.add_entry("casualty", claim, "", claim, entry)
        for sc in data.get("side_cues") or []:
            role, side = sc.get("role"), sc.get("side") or ""
            if role not in ROLES:
                raise VocabularyError(f"{origin}: unknown side-cue role {role!r}")
            if side and side not in SIDES:
                raise VocabularyError(f"{origin}: unknown side {side!r}")
            self.add_entry("side_cue", side, role, role, sc)

    def add_sources(self, data: dict, origin: str) -> None:
        self._classified.clear()
        for a in data.get("attribution") or []:
            if a.get("modality") not in MODALITIES:
                raise VocabularyError(f"{origin}: attribution {a.get('lemma')!r} has bad modality {a.get('modality')!r}")
            self.add_entry("attribution", a["modality"], "", str(a["lemma"]), a)
        for s in data.get("sources") or []:
            for k in ("id", "name", "type"):
                if not s.get(k):
                    raise VocabularyError(f"{origin}: source lacks {k}: {s!r}")
            if s["type"] not in SOURCE_TYPES:
                raise VocabularyError(f"{origin}: source {s['id']!r} has unknown type {s['type']!r}")
            aff = s.get("affiliation")
            if aff is not None and aff not in SIDES:
                raise VocabularyError(f"{origin}: source {s['id']!r} has unknown affiliation {aff!r}")
            unknown = set(s) - {"id", "name", "type", "affiliation", "name_en", "aliases", "quoted_only", "note"}
            if unknown:
                raise VocabularyError(f"{origin}: source {s['id']!r} has unknown fields {sorted(unknown)}")
            quoted = tuple(str(x) for x in s.get("quoted_only") or ())
            src = KnownSource(id=str(s["id"]), name=str(s["name"]), type=str(s["type"]), affiliation=aff,
                              name_en=str(s.get("name_en") or ""),
                              aliases=tuple(str(x) for x in s.get("aliases") or ()) + quoted,
                              note=str(s.get("note") or ""), origin=origin)
            self.sources[src.id] = src
            self._quoted[src.id] = frozenset(quoted)

    def add_speakers(self, data: dict, origin: str) -> None:
        self._classified.clear()
        heads = data.get("speaker_heads") or {}
        for form in _listify(heads.get("anonymous")):
            self._anonymous_heads.add(norm(str(form)))
        for form in _listify(data.get("official_titles")):
            self._matcher("official_title").add(norm(str(form)), _Payload("official_title", "government", "official",
                                                                        str(form)), "noun")

    def build(self) -> "Vocabulary":
        sm = PhraseMatcher()  # sources are rebuilt so a user file can replace a shipped source by id
        for src in self.sources.values():
            payload = _Payload("source", src.id, src.type, src.name)
            quoted = self._quoted.get(src.id, frozenset())
            for form in (src.name, *src.aliases):
                self._names[_whole(form)] = src.id
                if form in quoted:  # an ordinary word too: only inside quotation marks (norm folds « » “ ” to ")
                    for q in ('"', "'"):
                        sm.add(q + norm(form) + q, payload, "name")
                else:
                    sm.add(norm(form), payload, "name")
        self._matchers["source"] = sm
        for m in self._matchers.values():
            m.build()
        self._classified.clear()
        return self

    # ------------------------------------------------------------------ queries

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(self.families)

    def family_of(self, sub_event: str) -> str | None:
        """The ACLED event type (family) of a sub-event type."""
        return self.families.get(sub_event)

    def source(self, source_id: str) -> KnownSource | None:
        return self.sources.get(source_id)

    def find(self, kind: str, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Matches of one vocabulary kind in a normalised text (one per meaning of a span).

        `exclude`: spans already taken by something else (actor names such as
        "هيئة تحرير الشام" hold the trigger word "تحرير"); hits overlapping
        them are dropped.
        """
        m = self._matchers.get(kind)
        if m is None:
            return []
        out: list[VocabMatch] = []
        for h in m.find(_as_text(text)):
            if exclude and any(h.start < e and s < h.end for s, e in exclude):
                continue
            seen = set()
            for p in h.payloads:
                if (p.value, p.lemma) in seen:
                    continue
                seen.add((p.value, p.lemma))
                out.append(VocabMatch(h.start, h.end, p.kind, p.value, p.group, p.lemma, h.key))
        return out

    @staticmethod
    def rows(payloads: tuple) -> tuple[tuple[str, str, str], ...]:
        """What `find` makes of one hit's payloads, without the records: (value, group, lemma) once
        per meaning (for `MultiMatcher`)."""
        out = []
        seen = set()
        for p in payloads:
            if (p.value, p.lemma) in seen:
                continue
            seen.add((p.value, p.lemma))
            out.append((p.value, p.group, p.lemma))
        return tuple(out)

    def matchers(self, kinds: Sequence[str]) -> list[PhraseMatcher]:
        """The compiled matchers of some kinds (an empty one for a kind no file fills)."""
        return [self._matchers.get(k) or PhraseMatcher() for k in kinds]

    def find_triggers(self, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Event triggers: value = ACLED sub-event type, group = event family."""
        return self.find("trigger", text, exclude)

    def find_cues(self, text: str | Normalized, kinds: Iterable[str] | None = None,
                  exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Modality cues: value = denied | rumoured | feared | threatened | planned | background."""
        found = self.find("cue", text, exclude)
        if kinds is not None:
            wanted = set(kinds)
            found = [m for m in found if m.value in wanted]
        return found

    def find_casualties(self, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Casualty and movement terms: value = claim kind (killed, wounded, displaced ...)."""
        return self.find("casualty", text, exclude)

    def find_side_cues(self, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Nouns saying who was counted: group = role, value = side when the noun fixes it, else ""."""
        return self.find("side_cue", text, exclude)

    def find_attributions(self, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Attribution verbs and frames: value = assert | deny | claim, lemma = the verb."""
        return self.find("attribution", text, exclude)

    def find_sources(self, text: str | Normalized, exclude: Sequence[tuple[int, int]] = ()) -> list[VocabMatch]:
        """Known sources: value = source id, group = source type (see `source(id)` for affiliation)."""
        return self.find("source", text, exclude)

    def classify_source(self, name: str, actors=None, country: str | None = None) -> KnownSource | None:
        """Who a source phrase speaks for: a known source, or one derived from the actor it names.

        `name` is the phrase an attribution names ("وكالة أعماق", "مصدر عسكري في
        قوات النظام", "ضابط في الجيش العراقي", "محافظ حمص"); `actors` is an
        ActorIndex (optional). In order:
        1. the whole phrase is a known source's name (quoted-only names count here);
        2. a known source inside it that has an affiliation or is not anonymous
           (a monitor, a wire ...) and no actor outside it;
        3. an actor named outside any known source: its side (generic references
           resolved with `country`); type anonymous after an anonymous head
           ("مصدر في ..."), else official; civilians speak for no side;
        4. an official title ("محافظ", "وزارة"): the government, type official;
        5. whatever known source was found (an anonymous one), else None.
        Derived sources get ids "actor:<id>" and "official:government".
        Answers are remembered (news repeats its source phrases).
        """
        if actors is not self._classified_with:
            self._classified.clear()
            self._classified_with = actors
        memo = (name, country)
        if memo in self._classified:
            return self._classified[memo]
        if len(self._classified) >= 50_000:
            self._classified.clear()
        found = self._classified[memo] = self._classify_source(name, actors, country)
        return found

    def _classify_source(self, name: str, actors, country: str | None) -> KnownSource | None:
        key = _whole(name)
        if not key:
            return None
        if key in self._names:
            return self.sources[self._names[key]]
        known = sorted(self.find_sources(key), key=lambda m: m.start - m.end)
        best = self.sources[known[0].value] if known else None
        taken = [(m.start, m.end) for m in known]
        outside = []
        if actors is not None:
            outside = [m for m in actors.find(key) if not any(s <= m.start and m.end <= e for s, e in taken)]
            outside = [m for m in outside if actors.side_of(m.value) != "civilians"]
        if best is not None and (best.affiliation is not None or best.type != "anonymous") and not outside:
            return best
        if outside:
            m = outside[0]
            actor = actors.resolve_generic(m.value, [], country=country) if actors.get(m.value).generic else \
                actors.get(actors.in_country(m.value, country))
            if actor is not None:
                head = key[: m.start].strip()
                anonymous = any(head == h or head.startswith(h + " ") for h in self._anonymous_heads) or \
                    (best is not None and best.type == "anonymous")
                side = None if actor.side in ("civilians", "unknown") else actor.side
                return KnownSource(id=f"actor:{actor.id}", name=name, type="anonymous" if anonymous else "official",
                                   affiliation=side, name_en=actor.name_en, note=f"speaks for {actor.id}")
        if self.find("official_title", key):
            return KnownSource(id="official:government", name=name, type="official", affiliation="government",
                               note="official title")
        return best


def _whole(name: str) -> str:
    """A source name as a lookup key: normalised, quotes and punctuation dropped, spaces single."""
    return " ".join(_PUNCT.sub(" ", norm(name)).split())


_PUNCT = re.compile(r"[\"'()\[\]{}<>.,;:!?\-_/]+")


def load_vocabulary(dirs: Iterable[Path | str]) -> Vocabulary:
    """Read events.yaml and sources.yaml from each folder in order and compile them."""
    v = Vocabulary()
    for d in dirs:
        for name, add in ((EVENTS_FILE, v.add_events), (SOURCES_FILE, v.add_sources)):
            path = Path(d) / name
            if path.is_file():
                data = read_yaml(path) or {}
                if not isinstance(data, dict):
                    raise VocabularyError(f"{path}: expected a mapping")
                add(data, str(path))
                if name == SOURCES_FILE:
                    v.add_speakers(data, str(path))
    return v.build()


__all__ = ["CLAIM_KINDS", "CUE_KINDS", "MODALITIES", "ROLES", "SOURCE_TYPES", "Vocabulary", "VocabularyError",
           "conjugate", "load_vocabulary"]
