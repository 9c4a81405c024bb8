"""What rasad knows about the world: places, actors, event vocabulary, sources.

Data lives in YAML/CSV files under `rasad/knowledge/data/`; users layer their
own folder of the same files over it (`--knowledge DIR` / RASAD_KNOWLEDGE).
`load(settings)` returns one `KnowledgeBase`, cached per set of folders.
"""
from .base import KnowledgeBase, load

__all__ = ["KnowledgeBase", "load"]
