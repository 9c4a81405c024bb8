"""The whole language layer over one text, normalising it once.

`analyse(text, published)` is what a caller that needs everything the layer
offers would otherwise get from five calls: `normalize`, `tokenize`,
`sentences`, `quantities` and `times`. Called one by one, `quantities` and
`times` each fold the text again; here the one `Normalized` is handed to both.
The results are exactly those of the separate calls.

Most of a news text is words between single spaces, and words repeat. The
text is split on its spaces once, and each distinct piece is read once for
every part of the layer (`_record`: its matching form, its tokens, the
quantity tokenizer's tokens of that form, and where time phrases may be
anchored in it) and kept. One pass over the pieces (`_lay_out`, in C when
rasad.arabic._speedups was built) then lays out the normalised text's
offsets, the tokens, the quantity reader's token arrays and the time
anchors together. Texts the piece path does not cover (short ones, carriage
returns, presentation forms, runs of spaces) take the five calls.
"""
from __future__ import annotations

from datetime import date

from ..model import Analysis, Normalized, Token
from ._native import C as _C
from ._qty_grammar import _add_piece_tokens, _piece_info, _Tokens
from .normalize import _SHORT, _fold_one, _ints, _none_at, _normalize_split
from .quantities import _read, _scan
from .sentences import sentences
from .times import _anchors_in, _times, _times_at
from .tokens import _MAKER, _add_rows, _piece_rows, _tokenize_pieces

# What the layer reads in one space-free piece of a text, offsets relative
# to it, as a list: [its matching form (normalize), the runs of characters
# it keeps if it loses marks or None (normalize), the quantity tokenizer's
# tokens of the matching form (_qty_grammar._piece_info), the time anchors
# in it (times._anchors_in), len(piece) + 1, len(matching form) + 1, whether
# it loses marks or holds anchors, its token rows (tokens._piece_rows) when
# the text shows ة, and when it does not, each read when first needed].
_Piece = list
_RECORDS: dict[str, _Piece] = {}
_RECORDS_MAX = 1 << 15  # entries; emptied when full
_PIECE_MAX = 64  # longest piece worth keeping


def _record(piece: str) -> _Piece | None:
    """The `_Piece` of a piece (kept when short), or None if normalisation
    needs the general path for it."""
    fold = _fold_one(piece)
    if fold is None:
        return None
    folded, runs = fold
    anchors = _anchors_in(folded)
    r = [folded, runs, _piece_info(folded), anchors, len(piece) + 1, len(folded) + 1,
         bool(anchors) or runs is not None, None, None]
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
    if len(text) < _SHORT or "  " in text:
        return _separately(text, published)  # (runs of spaces collapse: the general path)
    pieces = text.split(" ")
    recs = list(map(_RECORDS.get, pieces))
    if _none_at(recs) >= 0:
        for i, r in enumerate(recs):
            if r is None:
                r = recs[i] = _record(pieces[i])
                if r is None:
                    return _separately(text, published)
    exact = "ة" in text  # as tokens.tokenize
    ints = _ints(len(text) + 1)
    ntext, tokens, texts, ends, words, cands, spots, index = _lay_out(pieces, recs, _piece_rows, exact, _MAKER, ints)
    del pieces, recs  # (not needed again: let go now, not traversed by collections while the rest is read)
    if "  " in ntext:
        return _separately(text, published)  # a piece vanished (only marks) between two spaces
    n = Normalized(ntext, tuple(ints) if index is None else index)
    return Analysis(
        normalized=n,
        tokens=tokens,
        sentences=sentences(text),
        quantities=_read(text, 0, n, _Tokens.from_arrays(texts, ends, words, cands)),
        times=_times_at(text, published, n, spots),
    )


def _lay_out_py(pieces: list[str], recs: list[_Piece], make_rows, exact: bool, maker, ints):
    """One pass over a text's pieces and their readings: (the matching form,
    its tokens, the quantity tokenizer's texts, ends, words and candidates
    (_qty_grammar._Tokens), the time anchors as (where the piece starts in
    the matching form, its anchors), the offsets of the matching form (a
    tuple) or None when it keeps the text's length). The reference for
    `_speedups.lay_out`."""
    folded: list[str] = []
    tokens: list[Token] = []
    add = tokens.append
    texts: list[str] = []
    ends: list[int] = []
    words: list[str] = []
    cands: list[int] = []
    spots: list[tuple[int, tuple[tuple[int, int], ...]]] = []
    index: list[int] = []
    changed = False
    slot = 7 if exact else 8
    kept = 0  # the next original offset not yet placed in `index`
    pos = 0  # where the piece starts in the text
    npos = 0  # ... and in the matching form
    for piece, r in zip(pieces, recs):
        folded.append(r[0])
        # tokens (tokens._build_tokens_py)
        row = r[slot]
        if row is None:
            row = r[slot] = make_rows(piece, exact)
        _add_rows(add, row, pos)
        # the quantity tokenizer's arrays (_qty_grammar._Tokens)
        _add_piece_tokens(r[2], npos, texts, ends, words, cands)
        if r[6]:
            # time anchors
            if r[3]:
                spots.append((npos, r[3]))
            # offsets of the matching form (normalize._fold_pieces)
            runs = r[1]
            if runs is not None:
                changed = True
                index.extend(ints[kept:pos])
                for a, b in runs:
                    index.extend(ints[pos + a:pos + b])
                kept = pos + r[4] - 1  # the space after it, or the end of the text
        pos += r[4]
        npos += r[5]
    ntext = " ".join(folded)
    if changed:
        index.extend(ints[kept:len(ints)])
        return ntext, tokens, texts, ends, words, cands, spots, tuple(index)
    return ntext, tokens, texts, ends, words, cands, spots, None


# The C loop (rasad.arabic._speedups) when it was built, else the Python one.
_lay_out = _C.lay_out if _C else _lay_out_py


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
