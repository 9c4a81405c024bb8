"""Load the Arabic layer's data files (src/rasad/arabic/data/) in one place.

Word lists are normalised with `norm` as they load, so data files can be
written in ordinary spelling (with hamza, taa marbuta, diacritics).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .normalize import norm

_PACKAGE = "rasad.arabic"


def data_text(name: str) -> str:
    """The text of a data file shipped in rasad/arabic/data/."""
    return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def data_yaml(name: str) -> Any:
    """A parsed YAML data file (cached; treat the result as read-only)."""
    return yaml.load(data_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line data file as a set of matching forms (# starts a comment)."""
    words = set()
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(norm(line))
    return frozenset(words)


__all__ = ["data_text", "data_yaml", "word_list"]
