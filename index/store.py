"""The index: documents, chunks, metadata, vectors and BM25 in one data folder.

Layout of ``data_dir``: ``manifest.json``, ``records.sqlite3`` (texts, metadata, chunk
offsets), ``chroma/`` (vectors), ``bm25/`` (sparse index).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import functools
import sqlite3

import numpy as np
from filelock import FileLock, Timeout
from llama_index.core.base.embeddings.base import BaseEmbedding

from index.catalog import CATALOG_NAME, apply_catalog, load_catalog
from index.chunking import MAX_WORDS, MIN_WORDS, chunk_document
from index.documents import LoadProblem, SourceDocument, UnchangedFile, load_documents
from index.embedding import embed_passages, embed_query
from index.errors import IndexBusyError, IndexStoreError
from index.manifest import Manifest
from index.metadata import DocumentMetadata, extract_metadata
from index.parties import party_name
from index.records import ChunkRecord, DocumentRecord, RecordStore
from index.sparse import SparseIndex
from index.text import normalize, split_sentences
from index.vectors import VectorStore

ORIGINALS = "originals"  # copies of PDFs under the data dir, for rendering their pages

Progress = Callable[[int, int, str], None]
"""Called as progress(done, total, label) while indexing (see ``Index.add``)."""


@dataclass
class CheckReport:
    """What ``Index.check`` found: the records store is the truth, the rest must match it."""

    documents: int = 0
    pending: list[str] = field(default_factory=list)          # text stored, vectors not finished
    missing_vectors: list[str] = field(default_factory=list)  # marked done, yet chunks lack vectors
    stale_vectors: int = 0                                    # vectors of chunks no record has
    keyword_index_stale: bool = False                         # BM25 holds other chunks than the records

    @property
    def clean(self) -> bool:
        return not (self.pending or self.missing_vectors or self.stale_vectors or self.keyword_index_stale)


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def content_hash(document: SourceDocument, meta: DocumentMetadata) -> str:
    digest = hashlib.sha256(document.text.encode("utf-8"))
    digest.update(repr(sorted(meta.to_dict().items(), key=lambda kv: kv[0])).encode("utf-8"))
    return digest.hexdigest()


def chunk_header(meta: DocumentMetadata) -> str:
    """The contextual header indexed with every chunk: title | kind | parties | date."""
    parties = meta.value("parties") or []
    party_text = ", ".join(f"{party_name(p)} ({p})" for p in parties)
    parts = [meta.value("title"), meta.value("kind"), party_text, meta.value("date")]
    return " | ".join(str(p) for p in parts if p)


def _writing(method):
    """Run ``method`` holding the index's write lock (one writer per data dir, across
    processes); wait up to ``lock_timeout`` seconds for another writer, telling ``on_wait``."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            self._write_lock.acquire(timeout=0)
        except Timeout:
            if self.on_wait is not None:
                self.on_wait(f"Another process is writing to the index in {self.data_dir}; waiting "
                             f"up to {self.lock_timeout:.0f} s for it to finish.")
            try:
                self._write_lock.acquire(timeout=self.lock_timeout)
            except Timeout:
                raise IndexBusyError(
                    f"Another process is still writing to the index in {self.data_dir} after "
                    f"{self.lock_timeout:.0f} s; try again when it has finished.") from None
        self._writers += 1  # seen by this process's reader threads (the file lock is per thread)
        try:
            return method(self, *args, **kwargs)
        finally:
            self._writers -= 1
            self._write_lock.release()
    return wrapper


class Index:
    def __init__(self, data_dir: Path, embed_model: BaseEmbedding,
                 min_words: int = MIN_WORDS, max_words: int = MAX_WORDS, embed_batch: int = 128,
                 chroma_url: str | None = None, lock_timeout: float = 600.0,
                 on_wait: Callable[[str], None] | None = None, sentence_vectors: bool = True):
        self.data_dir = Path(data_dir)
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.embed_model = embed_model
        self.min_words, self.max_words = min_words, max_words
        self.embed_batch = embed_batch
        self.sentence_vectors = sentence_vectors  # embed every sentence at index time too
        try:
            Manifest(embed_model.model_name, min_words, max_words).check(self.data_dir)
            self.records = RecordStore(self.data_dir / "records.sqlite3")
        except (OSError, sqlite3.Error) as error:
            raise IndexStoreError(
                f"Cannot keep an index in {self.data_dir} ({error}). Choose a folder you can write "
                f"to with --data-dir or KALLA_DATA_DIR.") from error
        self.vectors = VectorStore(self.data_dir / "chroma", url=chroma_url)
        self.sparse = SparseIndex.load(self.data_dir / "bm25")
        self._query_vectors: dict[str, np.ndarray] = {}
        self._write_lock = FileLock(str(self.data_dir / "write.lock"))
        self._writers = 0
        self._generation = self.records.generation()

    # ---- writing -------------------------------------------------------------------------

    @_writing
    def add(self, paths: Iterable[str | Path], progress: Progress | None = None,
            report: Callable[[LoadProblem], None] | None = None, embed: bool = True) -> IndexReport:
        """Index documents under ``paths`` incrementally, in two phases.

        1. Text: each new or changed document is chunked and stored (marked pending) and its
           old vectors removed; unchanged documents are skipped. BM25 is rebuilt, so keyword
           search covers every stored text before any embedding starts.
        2. Vectors: every pending document (this run's, and any an interrupted run left
           behind) is embedded in batches and marked done once all its vectors are stored.
           Chunk ids are stable, so redoing a document after a crash upserts, never duplicates.

        With ``embed=False`` only the first phase runs (documents stay pending; the next
        ``add`` or ``embed_pending`` finishes them).

        ``progress(done, total, label)`` is called in both phases: label "text:<doc_id>" with
        total 0 (unknown) while reading, then "vectors" with chunk counts.
        """
        result = IndexReport()
        if self.vectors.count() < self.records.done_chunk_count():
            # Cheap check at every start: documents marked done lack vectors (an index damaged
            # outside Källa, or by a version before the crash-safe order): mend it first.
            self.repair(progress)

        def note(problem: LoadProblem) -> None:
            result.problems.append(problem)
            if report:
                report(problem)

        catalogs: dict[Path, dict] = {}
        taken: dict[str, str] = {}  # id -> source, this run
        def on_page(source: str, done: int, total: int) -> None:
            if progress:
                progress(done, total, f"pages:{Path(source).name}")

        def catalog_of(folder: Path | None) -> dict:
            if folder is not None and folder not in catalogs:
                catalogs[folder] = load_catalog(folder / CATALOG_NAME)
            return catalogs.get(folder, {}) if folder else {}

        def known(path: Path, digest: str) -> str | None:
            return self.records.indexed_file(str(path), self._file_key(digest, catalog_of(path.parent), path))

        for position, document in enumerate(load_documents(paths, note, on_page, known), start=1):
            if isinstance(document, UnchangedFile):
                taken[document.doc_id] = document.source
                result.unchanged.append(document.doc_id)
                if progress:
                    progress(position, 0, f"text:{document.doc_id}")
                continue
            document = self._unique(document, taken, note)
            taken[document.doc_id] = document.source
            folder = document.catalog_dir
            meta = extract_metadata(document.text, document.title, document.fields)
            catalog = catalog_of(folder)
            # Keys are document ids; a file indexed under its path (its stem was taken) keeps its stem's entry.
            entries = catalog.get(document.doc_id) or (
                catalog.get(Path(document.source).stem) if document.alternate_id else None)
            if entries:
                apply_catalog(meta, entries)
            digest = content_hash(document, meta)
            known = self.records.content_hash(document.doc_id)
            if known == (digest, "done"):
                result.unchanged.append(document.doc_id)
            elif known == (digest, "pending"):
                result.updated.append(document.doc_id)  # text stored by an interrupted run
            else:
                if document.file_digest is not None:
                    document = replace(document, file_digest=self._file_key(
                        document.file_digest, catalog, Path(document.source)))
                self._store_text(document, meta, digest)
                (result.updated if known else result.added).append(document.doc_id)
            if progress:
                progress(position, 0, f"text:{document.doc_id}")
        if len(self.sparse) != self.records.chunk_count() or result.changed:
            self.rebuild_sparse()
        if embed:
            self.embed_pending(progress)
        return result

    def _unique(self, document: SourceDocument, taken: dict[str, str],
                note: Callable[[LoadProblem], None]) -> SourceDocument:
        """A file keeps its stem as id while no other source has it (in the index or in this
        run); otherwise it takes its path under the folder it was indexed from ("b/rapport.txt"),
        so that two files never overwrite each other and reruns find the same ids."""
        def owner(doc_id: str) -> str | None:
            if doc_id in taken:
                return taken[doc_id]
            known = self.records.document(doc_id)
            return known.source if known is not None else None

        first = owner(document.doc_id)
        if first is None or first == document.source or document.alternate_id is None:
            return document
        candidate, n = document.alternate_id, 1
        while owner(candidate) not in (None, document.source):
            n += 1
            candidate = f"{document.alternate_id}~{n}"
        note(LoadProblem(document.source, f"the id {document.doc_id!r} is taken by {first}; indexed as "
                                          f"{candidate!r}", skipped=False))
        return replace(document, doc_id=candidate)

    def _store_text(self, document: SourceDocument, meta: DocumentMetadata, digest: str) -> None:
        chunks = chunk_document(document.text, document.doc_id, self.min_words, self.max_words)
        original = self._keep_original(document)
        # Pending first: a crash after this point leaves the document pending, and the next run's
        # embed_pending removes its old vectors and stores the new ones.
        self.records.put_pending(document.doc_id, document.source, digest, document.text, meta, chunks,
                                 [chunk_header(meta)] * len(chunks), page_starts=document.page_starts,
                                 layouts=document.layouts, original=original, file_digest=document.file_digest)
        self._forget_unused_originals()

    @staticmethod
    def _file_key(file_digest: str, catalog: dict, path: Path) -> str:
        """A file's bytes together with its catalog entry: either changing reads it again."""
        entry = catalog.get(path.stem)
        return hashlib.sha256(f"{file_digest}|{entry!r}".encode()).hexdigest()

    def _keep_original(self, document: SourceDocument) -> str | None:
        """A copy of the file the viewer renders pages from (the upload or folder may go away),
        named by its content, under ``originals/``; its path relative to the data dir."""
        if document.original is None:
            return None
        data = Path(document.original).read_bytes()
        name = f"{ORIGINALS}/{hashlib.sha256(data).hexdigest()[:32]}{Path(document.original).suffix.lower()}"
        target = self.data_dir / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(target)
        return name

    def _forget_unused_originals(self) -> None:
        folder = self.data_dir / ORIGINALS
        if not folder.is_dir():
            return
        used = self.records.originals()
        for file in folder.iterdir():
            if f"{ORIGINALS}/{file.name}" not in used:
                file.unlink(missing_ok=True)

    def original_path(self, document: DocumentRecord) -> Path | None:
        return self.data_dir / document.original if document.original else None

    @_writing
    def embed_pending(self, progress: Progress | None = None) -> int:
        """Embed and store the vectors of every pending document (its chunks, and with
        ``sentence_vectors`` its sentences); returns the chunks embedded."""
        pending = {doc_id: self.records.chunks(doc_id) for doc_id in self.records.pending()}
        total = sum(len(chunks) for chunks in pending.values())
        done = 0
        batch: list[tuple[str, str, str]] = []  # (chunk_id, doc_id, text to embed)
        sentences: list[tuple[str, tuple[int, int], str]] = []  # (doc_id, span, text)
        waiting: list[str] = []  # documents whose last chunk is in the batch

        def flush() -> None:
            nonlocal done
            if batch or sentences:
                # One encoder call for both, so that length sorting sees every text.
                vectors = embed_passages(self.embed_model, [t for _, _, t in batch] + [t for _, _, t in sentences])
                if batch:
                    self.vectors.upsert([c for c, _, _ in batch], [d for _, d, _ in batch], vectors[:len(batch)])
                by_doc: dict[str, list[int]] = {}
                for position, (doc_id, _, _) in enumerate(sentences):
                    by_doc.setdefault(doc_id, []).append(position)
                for doc_id, positions in by_doc.items():
                    self.records.put_sentence_vectors(doc_id, [sentences[p][1] for p in positions],
                                                      vectors[len(batch) + np.asarray(positions)])
                done += len(batch)
                batch.clear()
                sentences.clear()
            for doc_id in waiting:
                self.records.mark_done(doc_id)
            waiting.clear()
            if progress:
                progress(done, total, "vectors")

        for doc_id, chunks in pending.items():
            document = self.records.document(doc_id)
            self.vectors.delete_document(doc_id)  # an earlier version's vectors (idempotent)
            spans: dict[tuple[int, int], None] = {}
            for chunk in chunks:
                batch.append((chunk.chunk_id, doc_id,
                              f"{chunk.header}\n{normalize(document.text[chunk.start:chunk.end])}"))
                if self.sentence_vectors:
                    spans.update(dict.fromkeys(split_sentences(document.text, chunk.start, chunk.end)))
                if len(batch) + len(sentences) + len(spans) >= self.embed_batch:
                    sentences.extend((doc_id, span, normalize(document.text[span[0]:span[1]])) for span in spans)
                    spans.clear()
                    flush()
            sentences.extend((doc_id, span, normalize(document.text[span[0]:span[1]])) for span in spans)
            waiting.append(doc_id)
        flush()
        return done

    def stored_sentence_vectors(self, doc_id: str) -> dict[tuple[int, int], np.ndarray]:
        """The sentence vectors stored for ``doc_id`` at index time, by span."""
        return self.records.sentence_vectors(doc_id)

    @_writing
    def delete(self, doc_id: str) -> bool:
        # The record goes first: vectors without a record are never returned (retrieval skips
        # chunk ids the records store does not know); a record without vectors would be.
        deleted = self.records.delete(doc_id)
        self.vectors.delete_document(doc_id)
        self._forget_unused_originals()
        if deleted or len(self.sparse) != self.records.chunk_count():
            self.rebuild_sparse()
        return deleted

    def rebuild_sparse(self) -> None:
        ids, texts = [], []
        for chunk_id, text in self.records.all_chunk_texts():
            ids.append(chunk_id)
            texts.append(text)
        self.sparse = SparseIndex.build(ids, texts)
        self.sparse.save(self.data_dir / "bm25")
        self._generation = self.records.generation()

    def check(self) -> CheckReport:
        """Compare records, chunks, vectors and the keyword index (nothing is changed)."""
        report = CheckReport()
        vector_ids = self.vectors.ids()
        known: set[str] = set()
        for doc_id in self.records.doc_ids():
            report.documents += 1
            chunk_ids = {c.chunk_id for c in self.records.chunks(doc_id)}
            known |= chunk_ids
            state = self.records.content_hash(doc_id)
            if state is not None and state[1] == "pending":
                report.pending.append(doc_id)
            elif not chunk_ids <= vector_ids:
                report.missing_vectors.append(doc_id)
        report.stale_vectors = len(vector_ids - known)
        report.keyword_index_stale = set(self.sparse.chunk_ids) != known
        return report

    @_writing
    def repair(self, progress: Progress | None = None) -> CheckReport:
        """Make the index whole again; returns what was found before the repair."""
        found = self.check()
        for doc_id in found.missing_vectors:
            self.records.mark_pending(doc_id)
        if found.stale_vectors:
            known = {c.chunk_id for doc_id in self.records.doc_ids() for c in self.records.chunks(doc_id)}
            self.vectors.delete_ids(sorted(self.vectors.ids() - known))
        if found.keyword_index_stale:
            self.rebuild_sparse()
        self.embed_pending(progress)
        return found

    # ---- reading -------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Pick up what another process wrote since this one last looked (cheap when
        nothing changed: one counter read). True when something had changed."""
        if self._writers:
            return False  # a thread of this process is writing: it keeps this object's state current
        current = self.records.generation()
        if current == self._generation:
            return False
        self.records.forget_cached()
        try:
            self.sparse = SparseIndex.load(self.data_dir / "bm25")
        except (OSError, ValueError, EOFError, KeyError):
            return True  # a writer is swapping it in right now; the next look tries again
        self._generation = current
        return True

    def is_empty(self) -> bool:
        return self.records.chunk_count() == 0

    def dense_search(self, query: str, k: int, doc_ids: set[str] | None = None,
                     chunk_ids: set[str] | None = None) -> list[tuple[str, float]]:
        """Best ``k`` chunks by e5, within ``doc_ids`` and, when given, only ``chunk_ids``."""
        self.refresh()
        if chunk_ids is None:
            return self.vectors.search(self.embed_question(query), k, doc_ids)
        found = self.vectors.search(self.embed_question(query), max(k, 4 * k), doc_ids)
        return [(chunk_id, score) for chunk_id, score in found if chunk_id in chunk_ids][:k]

    def sparse_search(self, query: str, k: int, doc_ids: set[str] | None = None,
                      chunk_ids: set[str] | None = None) -> list[tuple[str, float]]:
        self.refresh()
        allowed = chunk_ids
        if allowed is None and doc_ids is not None:
            allowed = {c.chunk_id for doc_id in doc_ids for c in self.records.chunks(doc_id)}
        return self.sparse.search(query, k, allowed)

    def chunk(self, chunk_id: str) -> ChunkRecord | None:
        return self.records.chunk(chunk_id)

    def document(self, doc_id: str) -> DocumentRecord | None:
        return self.records.document(doc_id)

    def page_layout(self, doc_id: str, page: int):
        """``index.pages.PageLayout`` of one page of a PDF, or None."""
        return self.records.layout(doc_id, page)

    def documents(self) -> list[DocumentRecord]:
        self.refresh()
        return list(self.records.documents())

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        return embed_passages(self.embed_model, [normalize(t) for t in texts])

    def embed_question(self, text: str) -> np.ndarray:
        """The query vector; retrieval and answer scoring ask for the same one, so the last
        few are kept."""
        vector = self._query_vectors.get(text)
        if vector is None:
            vector = embed_query(self.embed_model, text)
            if len(self._query_vectors) >= 64:
                self._query_vectors.pop(next(iter(self._query_vectors)))
            self._query_vectors[text] = vector
        return vector
