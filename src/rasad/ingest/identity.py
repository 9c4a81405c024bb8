"""Identity of an article: an exact content hash and a near-duplicate signature.

`content_hash` is the SHA-256 of the clean text with whitespace folded, so
re-ingesting the same article (re-wrapped, re-spaced) is recognised exactly.

Near-duplicates (the same wire story syndicated with another headline, a
footer or a few edits) are found with MinHash over word shingles of the
normalised text (`Settings.shingle_words`, `Settings.minhash_perm`) and an
LSH index (`Settings.near_duplicate_threshold`, an estimated Jaccard). A
signature is `minhash_perm` little-endian uint32 values (256 bytes at 64
permutations): small enough for a database column, and `NearDuplicateIndex`
is rebuilt from stored signatures.
"""
from __future__ import annotations

import copy
import hashlib
import re
import zlib
from itertools import chain
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..arabic.normalize import norm
from ..model import Document
from ..settings import Settings

if TYPE_CHECKING:  # numpy and datasketch (which brings scipy) are imported where used: a content hash,
    import numpy as np  # all `rasad extract` needs, should not cost their half-second import
    from datasketch import MinHash

_SCHEME = "affine32"
_SEED = 1
_WORD = re.compile(r"[^\W_]+")
_DTYPE = "<u4"  # signatures: little-endian uint32
_LSH_RECALL = 0.98  # chance that a pair exactly at the threshold becomes a candidate
_MIX = 0x9E3779B97F4A7C15  # odd 64-bit multiplier (golden ratio)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of `text` with every whitespace run folded to one space."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> list[str]:
    """Word `size`-shingles of the normalised text (a shorter text is one shingle); for inspection."""
    words = _WORD.findall(norm(text))
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return sorted({" ".join(words[i:i + size]) for i in range(len(words) - size + 1)})


# Token -> hashes of the normalised words in it. News vocabulary repeats, so
# most tokens of an article are already here and cost a dict lookup.
_TOKEN_HASHES: dict[str, tuple[int, ...]] = {}
_TOKEN_CACHE_MAX = 500_000


def _token_hashes(token: str) -> tuple[int, ...]:
    hit = tuple(zlib.crc32(w.encode("utf-8")) for w in _WORD.findall(norm(token)))
    if len(_TOKEN_HASHES) >= _TOKEN_CACHE_MAX:
        _TOKEN_HASHES.clear()
    _TOKEN_HASHES[token] = hit
    return hit


def shingle_hashes(text: str, size: int = 3) -> np.ndarray:
    """32-bit hashes of the word `size`-shingles of the normalised text (uint32, in text order).

    Each word is hashed once (CRC-32 of its matching form); a shingle's hash
    combines its words' hashes with odd multipliers, vectorised in numpy.
    """
    import numpy as np
    tokens = text.split()
    get = _TOKEN_HASHES.get
    per_token = [get(t) for t in tokens]
    if None in per_token:
        per_token = [h if h is not None else _token_hashes(t) for t, h in zip(tokens, per_token)]
    w = np.fromiter(chain.from_iterable(per_token), dtype=np.uint64)
    if not len(w):
        return np.empty(0, dtype=np.uint32)
    if len(w) <= size:
        n, size = 1, len(w)
    else:
        n = len(w) - size + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(size):
        h = (h * np.uint64(_MIX)) ^ w[k:k + n]
        h ^= h >> np.uint64(29)
    return (h ^ (h >> np.uint64(32))).astype(np.uint32)  # repeats are harmless to a minimum


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    from datasketch import MinHash
    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations


def _identity(value):
    return value


def _minhash(hashvalues: np.ndarray | None, num_perm: int) -> MinHash:
    from datasketch import MinHash
    return MinHash(
        num_perm=num_perm, seed=_SEED, scheme=_SCHEME, hashvalues=hashvalues,
        permutations=_permutations(num_perm), hashfunc=_identity,
    )


@lru_cache(maxsize=4)
def _empty(num_perm: int) -> MinHash:
    return _minhash(None, num_perm)


def text_signature(text: str, settings: Settings | None = None) -> bytes:
    """The MinHash signature of a text, as bytes (4 x minhash_perm)."""
    settings = settings or Settings()
    # a shallow copy of an empty MinHash skips re-validating the permutations;
    # update_batch replaces (never mutates) hashvalues, so the template stays empty
    m = copy.copy(_empty(settings.minhash_perm))
    hashes = shingle_hashes(text, settings.shingle_words)
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(_DTYPE).tobytes()


def signature(doc: Document, settings: Settings | None = None) -> bytes:
    """The near-duplicate signature of a Document's clean text."""
    return text_signature(doc.text, settings)


def _values(sig: bytes) -> np.ndarray:
    import numpy as np
    return np.frombuffer(sig, dtype=_DTYPE)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np
    va, vb = _values(a), _values(b)
    if len(va) != len(vb) or not len(va):
        raise ValueError("signatures of different sizes")
    return float(np.count_nonzero(va == vb)) / len(va)


def lsh_params(num_perm: int, threshold: float, recall: float = _LSH_RECALL) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest chance candidates) that still make a
    pair of Jaccard `threshold` a candidate with probability >= `recall`.

    At 64 permutations and 0.7 this is 16 x 4: a pair at 0.7 is proposed 98.8%
    of the time, one at 0.2 only 2.5% (datasketch's own optimum, 8 x 8, finds
    just 38% of pairs at 0.7).
    """
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1 - (1 - threshold ** rows) ** bands >= recall:
            best = (bands, rows)
    return best


def band_keys(sig: bytes, settings: Settings | None = None) -> list[tuple[int, int]]:
    """LSH band keys of a signature: (band number, signed 64-bit hash of the band's rows).

    Two documents that share a key are near-duplicate candidates; the keys are
    what a database stores so that the index needs no memory of its own.
    """
    settings = settings or Settings()
    bands, rows = lsh_params(settings.minhash_perm, settings.near_duplicate_threshold)
    values = _values(sig)
    return [(b, int.from_bytes(hashlib.blake2b(values[b * rows:(b + 1) * rows].tobytes(), digest_size=8).digest(),
                               "little", signed=True)) for b in range(bands)]


class NearDuplicateIndex:
    """Signatures of documents already seen, queried for the most similar one.

    `add(doc_id, signature)` indexes a document; `query(signature)` returns
    `(doc_id, similarity)` for the most similar indexed document whose
    estimated Jaccard reaches the threshold, or None.
    """

    def __init__(self, settings: Settings | None = None):
        from datasketch import MinHashLSH
        settings = settings or Settings()
        self.num_perm = settings.minhash_perm
        self.threshold = settings.near_duplicate_threshold
        # LSH only proposes candidates (each is then checked against the threshold),
        # so its bands are chosen to miss almost no pair at the threshold.
        self._lsh = MinHashLSH(num_perm=self.num_perm, params=lsh_params(self.num_perm, self.threshold))
        self._values: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._values

    def _check(self, sig: bytes) -> np.ndarray:
        values = _values(sig)
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} values, index expects {self.num_perm}")
        return values

    def add(self, doc_id: str, sig: bytes) -> None:
        """Index a document (a second add of the same id is ignored)."""
        import numpy as np
        if doc_id in self._values:
            return
        values = self._check(sig)
        self._lsh.insert(doc_id, _minhash(values.astype(np.uint32), self.num_perm))
        self._values[doc_id] = values

    def query(self, sig: bytes) -> tuple[str, float] | None:
        import numpy as np
        values = self._check(sig)
        if not self._values:
            return None
        best: tuple[str, float] | None = None
        for doc_id in self._lsh.query(_minhash(values.astype(np.uint32), self.num_perm)):
            sim = float(np.count_nonzero(self._values[doc_id] == values)) / self.num_perm
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and doc_id < best[0])):
                best = (doc_id, sim)
        return best


def mark_near_duplicate(doc: Document, index: NearDuplicateIndex, settings: Settings | None = None) -> tuple[Document, bytes]:
    """Compute `doc`'s signature, record the near-duplicate it has in `index` (duplicate_of,
    similarity), then index it. Returns the (possibly updated) Document and its signature."""
    sig = signature(doc, settings)
    hit = index.query(sig)
    if hit is not None and hit[0] != doc.id:
        doc = replace(doc, duplicate_of=hit[0], similarity=round(hit[1], 4))
    index.add(doc.id, sig)
    return doc, sig


__all__ = [
    "NearDuplicateIndex", "content_hash", "lsh_params", "mark_near_duplicate", "shingle_hashes", "shingles", "signature", "similarity", "text_signature",
]
