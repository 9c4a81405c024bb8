"""The one place knowledge is loaded."""
from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

from ..settings import Settings

DATA_DIR = Path(__file__).parent / "data"


class KnowledgeBase:
    """Lazily loaded knowledge: each part is read the first time it is used.

    - `gazetteer`: places (rasad.knowledge.places.Gazetteer)
    - `actors`: armed and political actors (rasad.knowledge.actors.ActorIndex)
    - `vocab`: event triggers, modality cues, attribution frames and known sources
      (rasad.knowledge.vocab.Vocabulary)
    """

    def __init__(self, dirs: tuple[Path, ...] = ()):
        # The shipped data first, then each user folder overriding it in order.
        self.dirs: tuple[Path, ...] = (DATA_DIR, *dirs)

    @cached_property
    def gazetteer(self):
        from .places import load_gazetteer

        return load_gazetteer(self.dirs)

    @cached_property
    def actors(self):
        from .actors import load_actors

        return load_actors(self.dirs)

    @cached_property
    def vocab(self):
        from .vocab import load_vocabulary

        return load_vocabulary(self.dirs)

    @cached_property
    def _scanner(self):
        from .matching import MultiMatcher
        from .vocab import SCAN_KINDS

        return MultiMatcher([*self.vocab.matchers(SCAN_KINDS), self.actors._matcher])

    def scan(self, text: str) -> list[tuple[str, list[tuple[int, int, str, str, str, str]]]]:
        """A normalised text's vocabulary hits and actor mentions in one pass: for each kind of
        `vocab.SCAN_KINDS` and then "actor", (start, end, value, group, lemma, matched) tuples, the
        same as `vocab.find(kind, text)` and `actors.find(text)` give."""
        from .vocab import SCAN_KINDS

        *vocab_hits, actor_hits = self._scanner.find(text)
        out = [(kind, self.vocab.scanned(hits)) for kind, hits in zip(SCAN_KINDS, vocab_hits)]
        out.append(("actor", self.actors.scanned(actor_hits)))
        return out


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> KnowledgeBase:
    return KnowledgeBase(dirs)


def load(settings: Settings | None = None) -> KnowledgeBase:
    dirs = tuple(Path(d).resolve() for d in (settings.knowledge_dirs if settings else ()))
    return _load(dirs)
