"""One settings object for every stage (the way trafilatura pairs a Document with its options).

Values come from the defaults below, then environment variables (RASAD_*),
then whatever the caller passes. Stages read what they need from it instead
of taking long keyword lists.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_DB = "sqlite:///rasad.db"


def db_url(value: str | None) -> str:
    """Turn `--db` / RASAD_DB into an SQLAlchemy URL: a path becomes an SQLite file."""
    if not value:
        return DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    knowledge_dirs: tuple[Path, ...] = ()  # user folders layered over the shipped knowledge
    # ingestion
    max_file_bytes: int = 64 * 1024 * 1024
    max_text_chars: int = 2_000_000  # longer texts are refused (a 50 MB one-liner is not an article)
    url_timeout: float = 20.0
    url_max_bytes: int = 10 * 1024 * 1024
    url_max_redirects: int = 5
    html_fallback: bool = False  # trafilatura's readability/justext comparison (slower, rarely different)
    min_arabic_letters: int = 40  # fewer Arabic letters than this: "no Arabic text"
    batch_size: int = 200  # documents per database transaction
    # near-duplicates
    minhash_perm: int = 64
    shingle_words: int = 3
    near_duplicate_threshold: float = 0.7  # estimated Jaccard over word shingles
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env: dict = {}
        for f in fields(cls):  # RASAD_URL_TIMEOUT=5, RASAD_BATCH_SIZE=500 …
            raw = os.environ.get(f"RASAD_{f.name.upper()}")
            if raw and f.type in ("int", "float", int, float):
                try:
                    env[f.name] = (int if f.type in ("int", int) else float)(raw)
                except ValueError:
                    raise ValueError(f"RASAD_{f.name.upper()} must be a number, not {raw!r}") from None
        if os.environ.get("RASAD_DB"):
            env["db"] = db_url(os.environ["RASAD_DB"])
        if os.environ.get("RASAD_KNOWLEDGE"):
            env["knowledge_dirs"] = tuple(Path(p) for p in os.environ["RASAD_KNOWLEDGE"].split(os.pathsep) if p)
        env.update({k: v for k, v in overrides.items() if v is not None})
        if "db" in env:
            env["db"] = db_url(env["db"])
        return cls(**env)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
