"""The whole language layer over one text, normalising it once.

`analyse(text, published)` is what a caller that needs everything the layer
offers would otherwise get from five calls: `normalize`, `tokenize`,
`sentences`, `quantities` and `times`. Called one by one, `quantities` and
`times` each fold the text again; here the one `Normalized` is handed to both.
The results are exactly those of the separate calls.
"""
from __future__ import annotations

from datetime import date

from ..model import Analysis
from .normalize import _normalize_split
from .quantities import _scan
from .sentences import sentences
from .times import times
from .tokens import _tokenize_pieces


def analyse(text: str, published: date | None = None) -> Analysis:
    """Normalise `text` once and run every part of the layer over it.

    Equal, field by field, to `normalize(text)`, `tokenize(text)`,
    `sentences(text)`, `quantities(text)` and `times(text, published)`.
    The text is split on its spaces once: normalisation and tokens read the
    same pieces, and the quantities' tokenizer reads the folded pieces.
    """
    pieces = text.split(" ")
    n, folded = _normalize_split(text, pieces)
    return Analysis(
        normalized=n,
        tokens=_tokenize_pieces(text, pieces),
        sentences=sentences(text),
        quantities=_scan(text, 0, len(text), n, folded) if text else [],
        times=times(text, published, normalized=n),
    )


__all__ = ["Analysis", "analyse"]
