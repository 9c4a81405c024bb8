"""The whole language layer over one text, normalising it once.

`analyse(text, published)` is what a caller that needs everything the layer
offers would otherwise get from five calls: `normalize`, `tokenize`,
`sentences`, `quantities` and `times`. Called one by one, `quantities` and
`times` each fold the text again; here the one `Normalized` is handed to both.
The results are exactly those of the separate calls.

Most of a news text is words between single spaces, and words repeat. The
text is split on its spaces once, and each distinct piece is read once for
every part of the layer (`_Piece`: its matching form, its tokens, the
quantity tokenizer's tokens of that form, and where time phrases may be
anchored in it) and kept. One pass over the pieces then lays out the
normalised text's offsets, the tokens, the quantity reader's token arrays
and the time anchors together. Texts the piece path does not cover (short
ones, carriage returns, presentation forms, runs of spaces) take the five
calls.
"""
from __future__ import annotations

from datetime import date
from operator import attrgetter

from ..model import Analysis, Normalized, Token
from ._qty_grammar import _piece_info, _Tokens
from .normalize import _SHORT, _fold_one, _ints, _normalize_split
from .quantities import _read, _scan
from .sentences import sentences
from .times import _anchors_in, _times, _times_at
from .tokens import _piece_rows, _tokenize_pieces, _TokenBuilder


class _Piece:
    """What the layer reads in one space-free piece of a text, offsets relative to it."""

    __slots__ = ("folded", "runs", "rows_exact", "rows_loose", "qty", "anchors", "size", "folded_size", "special")

    folded: str  # the matching form (normalize)
    runs: tuple[tuple[int, int], ...] | None  # the runs of characters it keeps, if it loses marks
    rows_exact: tuple | list | None  # token rows (tokens._piece_rows) when the text shows ة, once read
    rows_loose: tuple | list | None  # ... when it does not
    qty: tuple  # the quantity tokenizer's tokens of `folded` (_qty_grammar._piece_info)
    anchors: tuple[tuple[int, int], ...]  # time anchors in `folded` (times._anchors_in)
    size: int  # len(piece) + 1: where the next piece starts
    folded_size: int  # len(folded) + 1
    special: bool  # it loses marks or holds time anchors


_RECORDS: dict[str, _Piece] = {}
_RECORDS_MAX = 1 << 15  # entries; emptied when full
_PIECE_MAX = 64  # longest piece worth keeping
_FOLDED = attrgetter("folded")


def _record(piece: str) -> _Piece | None:
    """The `_Piece` of a piece (kept when short), or None if normalisation
    needs the general path for it."""
    fold = _fold_one(piece)
    if fold is None:
        return None
    r = _Piece()
    r.folded, r.runs = fold
    r.rows_exact = r.rows_loose = None
    r.qty = _piece_info(r.folded)
    r.anchors = _anchors_in(r.folded)
    r.size = len(piece) + 1
    r.folded_size = len(r.folded) + 1
    r.special = bool(r.anchors) or r.runs is not None
    if len(piece) <= _PIECE_MAX:
        if len(_RECORDS) >= _RECORDS_MAX:
            _RECORDS.clear()
        _RECORDS[piece] = r
    return r


def analyse(text: str, published: date | None = None) -> Analysis:
    """Normalise `text` once and run every part of the layer over it.

    Equal, field by field, to `normalize(text)`, `tokenize(text)`,
    `sentences(text)`, `quantities(text)` and `times(text, published)`.
    """
    if len(text) < _SHORT:
        return _separately(text, published)
    pieces = text.split(" ")
    recs = list(map(_RECORDS.get, pieces))
    if None in recs:
        for i, r in enumerate(recs):
            if r is None:
                r = recs[i] = _record(pieces[i])
                if r is None:
                    return _separately(text, published)
    folded = list(map(_FOLDED, recs))
    ntext = " ".join(folded)
    if "  " in ntext:
        return _separately(text, published)  # runs of spaces collapse: the general path

    exact = "ة" in text  # as tokens.tokenize
    ints = _ints(len(text) + 1)
    index: list[int] = []  # offsets of the matching form, when some piece loses marks
    kept = 0  # the next original offset not yet placed in `index`
    tokens: list[Token] = []
    add = tokens.append
    builder, token = _TokenBuilder, Token
    texts: list[str] = []
    ends: list[int] = []
    words: list[str] = []
    cands: list[int] = []
    add_text, add_end, add_word, add_cand = texts.append, ends.append, words.append, cands.append
    spots: list[tuple[int, tuple[tuple[int, int], ...]]] = []
    pos = 0  # where the piece starts in `text`
    npos = 0  # ... and in the matching form
    for piece, r in zip(pieces, recs):
        # tokens (tokens._tokenize_pieces)
        row = r.rows_exact if exact else r.rows_loose
        if row is None:
            row = _piece_rows(piece, exact)
            if exact:
                r.rows_exact = row
            else:
                r.rows_loose = row
        if row.__class__ is tuple:
            a, b, w, nrm, stem, prefix, suffix, kind = row
            t = builder()
            t.start = pos + a
            t.end = pos + b
            t.text = w
            t.norm = nrm
            t.stem = stem
            t.prefix = prefix
            t.suffix = suffix
            t.kind = kind
            t.__class__ = token
            add(t)
        else:
            for a, b, w, nrm, stem, prefix, suffix, kind in row:
                t = builder()
                t.start = pos + a
                t.end = pos + b
                t.text = w
                t.norm = nrm
                t.stem = stem
                t.prefix = prefix
                t.suffix = suffix
                t.kind = kind
                t.__class__ = token
                add(t)
        # the quantity tokenizer's arrays (_qty_grammar._Tokens)
        w, e, word, cand = r.qty
        if w.__class__ is str:  # one token
            if cand:
                add_cand(len(texts))
            add_text(w)
            add_end(npos + e)
            add_word(word)
        elif w:
            if cand:
                base = len(texts)
                cands.extend([base + c for c in cand])
            texts.extend(w)
            ends.extend([npos + x for x in e])
            words.extend(word)
        if r.special:
            # time anchors
            if r.anchors:
                spots.append((npos, r.anchors))
            # offsets of the matching form (normalize._fold_pieces)
            runs = r.runs
            if runs is not None:
                index.extend(ints[kept:pos])
                for a, b in runs:
                    index.extend(ints[pos + a:pos + b])
                kept = pos + r.size - 1  # the space after it, or the end of the text
        pos += r.size
        npos += r.folded_size

    if len(ntext) == len(text):  # no piece lost marks
        n = Normalized(ntext, tuple(ints))
    else:
        index.extend(ints[kept:len(text) + 1])
        n = Normalized(ntext, tuple(index))
    return Analysis(
        normalized=n,
        tokens=tokens,
        sentences=sentences(text),
        quantities=_read(text, 0, n, _Tokens.from_arrays(texts, ends, words, cands)),
        times=_times_at(text, published, n, spots),
    )


def _separately(text: str, published: date | None) -> Analysis:
    """`analyse` as the five calls, sharing the normalisation and the split."""
    pieces = text.split(" ")
    n, folded = _normalize_split(text, pieces)
    return Analysis(
        normalized=n,
        tokens=_tokenize_pieces(text, pieces),
        sentences=sentences(text),
        quantities=_scan(text, 0, len(text), n, folded) if text else [],
        times=_times(text, published, n, folded) if text else [],
    )


__all__ = ["Analysis", "analyse"]
