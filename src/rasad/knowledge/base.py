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

        vocab, actors = self.vocab, self.actors
        return MultiMatcher([*vocab.matchers(SCAN_KINDS), actors._matcher],
                            rows=[vocab.rows] * len(SCAN_KINDS) + [actors.rows])

    def scan(self, text: str) -> list[tuple[str, list[tuple[int, int, str, tuple[tuple[str, str, str], ...]]]]]:
        """A normalised text's vocabulary hits and actor mentions in one pass.

        For each kind of `vocab.SCAN_KINDS` and then "actor": (start, end, matched key, meanings)
        per hit, leftmost-longest, where each meaning is (value, group, lemma) — the hits
        `vocab.find(kind, text)` and `actors.find(text)` give, one VocabMatch per meaning.
        """
        from .vocab import SCAN_KINDS

        return list(zip((*SCAN_KINDS, "actor"), self._scanner.find(text)))


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> KnowledgeBase:
    return KnowledgeBase(dirs)


def load(settings: Settings | None = None) -> KnowledgeBase:
    dirs = tuple(Path(d).resolve() for d in (settings.knowledge_dirs if settings else ()))
    return _load(dirs)
