"""The stages in order: read → Document → (extract → reconcile) → store.

Each stage is a plain function over the records in `rasad.model`; this module
only runs them in sequence and commits their results in batches, the way
spaCy's `Language.__call__` runs its components over one Doc.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import TYPE_CHECKING

from . import ingest as ingest_stage
from .model import Document, Extraction, IngestProblem, RawInput
from .settings import Settings

if TYPE_CHECKING:  # rasad.store brings SQLAlchemy, which `extract_documents` never needs
    from .store import Store

# progress(advance, total, label): advance by `advance` items; total None while unknown.
Progress = Callable[[int, "int | None", str], None]


@dataclass
class IngestReport:
    """What one `ingest` run did; `problems` has one entry per input that failed."""

    run_id: int | None = None
    stored: list[str] = field(default_factory=list)
    extracted: int = 0
    reconciled: dict | None = None
    unchanged: list[str] = field(default_factory=list)  # same content already stored
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)  # (id, original id, similarity)
    problems: list[IngestProblem] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.interrupted

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "near_duplicates": [{"id": a, "duplicate_of": b, "similarity": round(s, 3)}
                                for a, b, s in self.near_duplicates],
            "problems": [{"source": p.source, "reason": p.reason} for p in self.problems],
            "extracted": self.extracted,
            "reconciled": self.reconciled,
            "interrupted": self.interrupted,
            "ok": self.ok,
        }


class _Batch:
    """Documents waiting for their transaction."""

    def __init__(self) -> None:
        self.docs: list[Document] = []
        self.hashes: set[str] = set()

    def add(self, doc: Document) -> None:
        self.docs.append(doc)
        self.hashes.add(doc.content_hash)

    def __len__(self) -> int:
        return len(self.docs)


def ingest(paths: Iterable[str], store: Store, settings: Settings, progress: Progress | None = None,
           extract: bool = True, reconcile: bool = True, inputs: Iterable[RawInput] = ()) -> IngestReport:
    """Read every input, turn it into a Document, store it, extract from it and reconcile.

    Documents are committed in batches, each batch's extractions right after
    it. Re-ingesting material already stored (same content hash) is a no-op;
    near-duplicates of stored or earlier documents are stored once, linked to
    their original. Bad inputs become problems in the report; nothing raises
    for them. A run interrupted (Ctrl-C) keeps every batch it committed, and
    the next run extracts any stored document still lacking its extraction.
    Reconciliation then updates only what the new documents touch. `inputs`
    are raw inputs already in memory (the web API's POSTed documents), read
    after the paths.
    """
    from .store.extractions import documents_without_extraction, save_extractions

    paths = [str(p) for p in paths]
    report = IngestReport(run_id=store.start_run(paths))
    batch = _Batch()
    extractor = _Extractor(settings) if extract else None
    touched: set[str] = set()

    def flush() -> None:
        """Commit the pending documents: drop those already stored, give clashing ids a suffix,
        link near-duplicates, then extract from the new ones (one query per batch, not per document)."""
        nonlocal batch
        pending, batch = batch.docs, _Batch()
        if not pending:
            return
        known = store.known_hashes(d.content_hash for d in pending)
        taken = store.known_ids(d.id for d in pending)
        docs: list[Document] = []
        sigs: dict[str, bytes] = {}
        bands: dict[str, list[tuple[int, int]]] = {}
        local = ingest_stage.NearDuplicateIndex(settings)  # this batch's documents, not yet stored
        fresh = [d for d in pending if d.content_hash not in known]
        signed = {id(d): ingest_stage.signature(d, settings) for d in fresh}
        keyed = {id(d): ingest_stage.band_keys(signed[id(d)], settings) for d in fresh}
        stored = _StoredNeighbours(store, [k for keys in keyed.values() for k in keys])
        for doc in pending:
            if doc.content_hash in known:
                report.unchanged.append(doc.id)
                continue
            sig, keys = signed[id(doc)], keyed[id(doc)]
            if doc.id in taken or doc.id in sigs:
                doc = replace(doc, id=f"{doc.id}-{doc.content_hash[:10]}")
            match = _nearest(stored, sig, keys, local, settings)
            if match is not None:
                original, similarity = match
                doc = replace(doc, duplicate_of=original, similarity=similarity)
                report.near_duplicates.append((doc.id, original, similarity))
            local.add(doc.id, sig)
            docs.append(doc)
            sigs[doc.id] = sig
            bands[doc.id] = keys
        if not docs:
            return
        store.add_documents(docs, sigs, run_id=report.run_id, bands=bands)
        report.stored.extend(d.id for d in docs)
        if extractor is not None:
            save_extractions(store, [(d.id, extractor(d)) for d in docs])
            report.extracted += len(docs)
            touched.update(d.id for d in docs)

    tick = progress or (lambda *_: None)
    sources = ingest_stage.expand(paths, settings)
    tick(0, sources.total, "reading")
    try:
        for item in chain(ingest_stage.iter_inputs(sources, settings), inputs):
            if isinstance(item, IngestProblem):
                report.problems.append(item)
                tick(1, sources.total, item.source)
                continue
            doc = ingest_stage.to_document(item, settings)
            if isinstance(doc, IngestProblem):
                report.problems.append(doc)
                tick(1, sources.total, doc.source)
                continue
            if doc.content_hash in batch.hashes:
                report.unchanged.append(doc.id)
            else:
                batch.add(doc)
                if len(batch) >= settings.batch_size:
                    flush()
            tick(1, sources.total, doc.id)
        flush()
        if extractor is not None:
            # documents a stopped run stored but did not extract
            for i, doc_id in enumerate(documents_without_extraction(store)):
                doc = store.document(doc_id)
                if doc is not None:
                    save_extractions(store, [(doc.id, extractor(doc))])
                    report.extracted += 1
                    touched.add(doc.id)
        if reconcile and touched:
            from .reconcile import reconcile as run_reconcile

            report.reconciled = run_reconcile(store, settings, touched).as_dict()
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    finally:
        store.finish_run(report.run_id, stored=len(report.stored), unchanged=len(report.unchanged),
                         near_duplicates=len(report.near_duplicates), problems=report.problems)
    return report


class _StoredNeighbours:
    """The stored documents that share LSH band keys with a batch, fetched in two queries."""

    def __init__(self, store: Store, keys: list[tuple[int, int]]):
        self.by_key = store.band_matches(keys)
        self.sigs = store.signatures_of({d for ids in self.by_key.values() for d in ids})

    def candidates(self, keys: list[tuple[int, int]]) -> set[str]:
        return {d for k in keys for d in self.by_key.get(k, ())}


def _nearest(stored: _StoredNeighbours, sig: bytes, keys: list[tuple[int, int]], local, settings: Settings
             ) -> tuple[str, float] | None:
    """The most similar stored or same-batch document at or above the threshold (the database holds
    the band keys of everything stored, so memory stays flat however large the store grows)."""
    best = local.query(sig)
    for doc_id in stored.candidates(keys):
        other = stored.sigs.get(doc_id)
        if other is None:
            continue
        sim = ingest_stage.similarity(sig, other)
        if sim >= settings.near_duplicate_threshold and (
                best is None or sim > best[1] or (sim == best[1] and doc_id < best[0])):
            best = (doc_id, sim)
    return best


class _Extractor:
    """Extraction with the knowledge loaded once."""

    def __init__(self, settings: Settings):
        import gc

        from .extract import extract
        from .knowledge import load

        self._extract, self._kb, self._settings = extract, load(settings), settings
        self._kb.gazetteer, self._kb.actors, self._kb.vocab  # load every part now
        # the knowledge lives as long as the process: keep the collector from walking it again and again
        gc.freeze()

    def __call__(self, doc: Document) -> Extraction:
        return self._extract(doc, self._kb, self._settings)


def read_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | IngestProblem]:
    """Every input as a clean Document (or the problem that stopped it), without storing anything."""
    for item in ingest_stage.iter_inputs([str(p) for p in paths], settings):
        if isinstance(item, IngestProblem):
            yield item
        else:
            yield ingest_stage.to_document(item, settings)


def extract_documents(paths: Iterable[str], settings: Settings) -> Iterator[tuple[Document, Extraction] | IngestProblem]:
    """Read and extract every input: (document, extraction) pairs, or problems."""
    extractor = _Extractor(settings)
    for doc in read_documents(paths, settings):
        if isinstance(doc, IngestProblem):
            yield doc
        else:
            yield doc, extractor(doc)
