"""The index: documents, chunks, metadata, vectors and BM25 in one data folder.

Layout of ``data_dir``: ``manifest.json``, ``records.sqlite3`` (texts, metadata, chunk
offsets), ``chroma/`` (vectors), ``bm25/`` (sparse index).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from index.catalog import CATALOG_NAME, apply_catalog, load_catalog
from index.chunking import MAX_WORDS, MIN_WORDS, chunk_document
from index.documents import LoadProblem, SourceDocument, load_documents
from index.embedding import embed_passages, embed_query
from index.manifest import Manifest
from index.metadata import DocumentMetadata, extract_metadata
from index.parties import party_name
from index.records import ChunkRecord, DocumentRecord, RecordStore
from index.sparse import SparseIndex
from index.text import normalize
from index.vectors import VectorStore

Progress = Callable[[int, int, str], None]
"""Called as progress(done, total, doc_id) while indexing."""


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


class Index:
    def __init__(self, data_dir: Path, embed_model: BaseEmbedding,
                 min_words: int = MIN_WORDS, max_words: int = MAX_WORDS, embed_batch: int = 32):
        self.data_dir = Path(data_dir)
        self.embed_model = embed_model
        self.min_words, self.max_words = min_words, max_words
        self.embed_batch = embed_batch
        Manifest(embed_model.model_name, min_words, max_words).check(self.data_dir)
        self.records = RecordStore(self.data_dir / "records.sqlite3")
        self.vectors = VectorStore(self.data_dir / "chroma")
        self.sparse = SparseIndex.load(self.data_dir / "bm25")

    # ---- writing -------------------------------------------------------------------------

    def add(self, paths: Iterable[str | Path], progress: Progress | None = None,
            report: Callable[[LoadProblem], None] | None = None) -> IndexReport:
        """Index documents under ``paths`` incrementally: unchanged ones are skipped, changed
        ones replace their chunks, and documents left pending by an interrupted run are redone."""
        result = IndexReport()

        def note(problem: LoadProblem) -> None:
            result.problems.append(problem)
            if report:
                report(problem)

        documents = list(load_documents(paths, note))
        catalogs: dict[Path, dict] = {}
        for position, document in enumerate(documents, start=1):
            folder = document.catalog_dir
            if folder is not None and folder not in catalogs:
                catalogs[folder] = load_catalog(folder / CATALOG_NAME)
            meta = extract_metadata(document.text, document.title, document.fields)
            entries = catalogs.get(folder, {}).get(document.doc_id) if folder else None
            if entries:
                apply_catalog(meta, entries)
            digest = content_hash(document, meta)
            known = self.records.content_hash(document.doc_id)
            if known == (digest, "done"):
                result.unchanged.append(document.doc_id)
            else:
                self._store(document, meta, digest)
                (result.updated if known else result.added).append(document.doc_id)
            if progress:
                progress(position, len(documents), document.doc_id)
        if result.changed or not self.sparse.chunk_ids and self.records.chunk_count():
            self.rebuild_sparse()
        return result

    def _store(self, document: SourceDocument, meta: DocumentMetadata, digest: str) -> None:
        chunks = chunk_document(document.text, document.doc_id, self.min_words, self.max_words)
        header = chunk_header(meta)
        self.vectors.delete_document(document.doc_id)
        self.records.put_pending(document.doc_id, document.source, digest, document.text, meta, chunks,
                                 [header] * len(chunks))
        texts = [f"{header}\n{normalize(document.text[c.start:c.end])}" for c in chunks]
        for begin in range(0, len(chunks), self.embed_batch):
            batch = chunks[begin:begin + self.embed_batch]
            vectors = embed_passages(self.embed_model, texts[begin:begin + self.embed_batch])
            self.vectors.upsert([c.chunk_id for c in batch], [document.doc_id] * len(batch), vectors)
        self.records.mark_done(document.doc_id)

    def delete(self, doc_id: str) -> bool:
        self.vectors.delete_document(doc_id)
        deleted = self.records.delete(doc_id)
        if deleted:
            self.rebuild_sparse()
        return deleted

    def rebuild_sparse(self) -> None:
        ids, texts = [], []
        for chunk_id, text in self.records.all_chunk_texts():
            ids.append(chunk_id)
            texts.append(text)
        self.sparse = SparseIndex.build(ids, texts)
        self.sparse.save(self.data_dir / "bm25")

    # ---- reading -------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.records.chunk_count() == 0

    def dense_search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[tuple[str, float]]:
        return self.vectors.search(embed_query(self.embed_model, query), k, doc_ids)

    def sparse_search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[tuple[str, float]]:
        allowed = None
        if doc_ids is not None:
            allowed = {c.chunk_id for doc_id in doc_ids for c in self.records.chunks(doc_id)}
        return self.sparse.search(query, k, allowed)

    def chunk(self, chunk_id: str) -> ChunkRecord | None:
        return self.records.chunk(chunk_id)

    def document(self, doc_id: str) -> DocumentRecord | None:
        return self.records.document(doc_id)

    def documents(self) -> list[DocumentRecord]:
        return list(self.records.documents())

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        return embed_passages(self.embed_model, [normalize(t) for t in texts])

    def embed_question(self, text: str) -> np.ndarray:
        return embed_query(self.embed_model, text)
