"""Documents and chunk offsets in SQLite: the source of truth for text and citations.

A document row is written with ``state = 'pending'`` together with its chunks, and set to
``'done'`` only after its vectors are stored, so an interrupted run is finished by the next.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.chunking import Chunk
from index.metadata import DocumentMetadata
from index.pages import PageLayout, page_of
from index.speakers import Speaker, attribute

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL,
    state TEXT NOT NULL,
    speakers TEXT,
    pages TEXT,
    original TEXT,
    file_digest TEXT
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    header TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, position);
CREATE TABLE IF NOT EXISTS layouts (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    ocr INTEGER NOT NULL,
    offsets BLOB NOT NULL,
    boxes BLOB NOT NULL,
    PRIMARY KEY (doc_id, page)
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (doc_id, start, "end")
);
CREATE TABLE IF NOT EXISTS facets (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    kind TEXT,
    date_first TEXT,
    date_last TEXT
);
CREATE INDEX IF NOT EXISTS facets_by_kind ON facets(kind);
CREATE TABLE IF NOT EXISTS party_spans (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    party TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS party_spans_by_party ON party_spans(party COLLATE NOCASE, doc_id);
CREATE INDEX IF NOT EXISTS party_spans_by_doc ON party_spans(doc_id);
CREATE TABLE IF NOT EXISTS generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO generation VALUES (1, 0);
"""


def date_range(value: object) -> tuple[str, str] | None:
    """A document date ("2021-03-24", "2021-03", "2020") as the first and last day it may mean."""
    if not value:
        return None
    value = str(value)
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value[:10], value[:10]


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    source: str
    content_hash: str
    text: str
    metadata: DocumentMetadata
    state: str
    speakers: tuple[Speaker, ...] = ()
    page_starts: tuple[int, ...] = ()  # where each page's text starts (PDFs); () without pages
    original: str | None = None        # the kept file pages are rendered from, relative to the data dir

    @property
    def title(self) -> str:
        return self.metadata.value("title") or self.doc_id

    @property
    def page_count(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``; None for a document without pages."""
        return page_of(self.page_starts, offset)

    def page_span(self, page: int) -> tuple[int, int]:
        """The offsets of page ``page`` (1-based) in the text."""
        if not 1 <= page <= len(self.page_starts):
            raise ValueError(f"{self.doc_id} has pages 1 to {len(self.page_starts)}, not {page}")
        end = self.page_starts[page] if page < len(self.page_starts) else len(self.text)
        return self.page_starts[page - 1], end

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        return tuple(self.metadata.extra.get("ocr_pages") or ())


@dataclass(frozen=True)
class ChunkRecord:
    chunk_id: str
    doc_id: str
    position: int
    start: int
    end: int
    header: str


def _locked(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper


class RecordStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by the threads of a server; the lock serialises its use.
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._lock = threading.RLock()
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(documents)")}
        if "speakers" not in columns:  # an index from before speaker attribution: derived on read
            self._db.execute("ALTER TABLE documents ADD COLUMN speakers TEXT")
        for column in ("pages", "original", "file_digest"):  # an index from before PDFs: no pages
            if column not in columns:
                self._db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")
        self._documents: dict[str, DocumentRecord] = {}
        self._backfill_facets()

    @_locked
    def close(self) -> None:
        self._db.close()

    @_locked
    def generation(self) -> int:
        """A counter every write moves on: readers in other processes (the app while the CLI
        indexes) compare it to see that the index changed."""
        return self._db.execute("SELECT value FROM generation WHERE id = 1").fetchone()[0]

    @_locked
    def forget_cached(self) -> None:
        self._documents.clear()

    def _bump(self) -> None:
        self._db.execute("UPDATE generation SET value = value + 1 WHERE id = 1")

    @_locked
    def content_hash(self, doc_id: str) -> tuple[str, str] | None:
        row = self._db.execute("SELECT content_hash, state FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    @_locked
    def put_pending(self, doc_id: str, source: str, content_hash: str, text: str,
                    metadata: DocumentMetadata, chunks: list[Chunk], headers: list[str],
                    speakers: list[Speaker] | None = None, page_starts: tuple[int, ...] = (),
                    layouts: tuple[PageLayout, ...] = (), original: str | None = None,
                    file_digest: str | None = None) -> None:
        """Replace a document and its chunks in one transaction, marked pending."""
        speakers = attribute(text, metadata) if speakers is None else speakers
        with self._db:
            self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            self._db.execute(
                "INSERT INTO documents (doc_id, source, content_hash, text, metadata, state, speakers, pages, original, "
                "file_digest) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
                (doc_id, source, content_hash, text, json.dumps(metadata.to_dict(), ensure_ascii=False),
                 json.dumps([sp.to_dict() for sp in speakers], ensure_ascii=False),
                 json.dumps(list(page_starts)) if page_starts else None, original, file_digest),
            )
            self._put_facets(doc_id, metadata, speakers)
            self._db.executemany(
                "INSERT INTO layouts VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, lay.page, lay.width, lay.height, int(lay.ocr),
                  np.ascontiguousarray(lay.offsets, dtype=np.int32).tobytes(),
                  np.ascontiguousarray(lay.boxes, dtype=np.float32).tobytes()) for lay in layouts],
            )
            self._db.executemany(
                "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
                [(c.chunk_id, doc_id, c.position, c.start, c.end, h) for c, h in zip(chunks, headers, strict=True)],
            )
            self._bump()
        self._documents.pop(doc_id, None)

    @_locked
    def mark_done(self, doc_id: str) -> None:
        with self._db:
            self._db.execute("UPDATE documents SET state = 'done' WHERE doc_id = ?", (doc_id,))
            self._bump()
        self._documents.pop(doc_id, None)

    @_locked
    def mark_pending(self, doc_id: str) -> None:
        with self._db:
            self._db.execute("UPDATE documents SET state = 'pending' WHERE doc_id = ?", (doc_id,))
            self._bump()
        self._documents.pop(doc_id, None)

    @_locked
    def delete(self, doc_id: str) -> bool:
        with self._db:
            deleted = self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount
            self._bump()
        self._documents.pop(doc_id, None)
        return bool(deleted)

    @_locked
    def layout(self, doc_id: str, page: int) -> PageLayout | None:
        row = self._db.execute(
            "SELECT page, width, height, ocr, offsets, boxes FROM layouts WHERE doc_id = ? AND page = ?",
            (doc_id, page)).fetchone()
        if row is None:
            return None
        return PageLayout(row[0], row[1], row[2], bool(row[3]), np.frombuffer(row[4], dtype=np.int32),
                          np.frombuffer(row[5], dtype=np.float32).reshape(-1, 4))

    def _put_facets(self, doc_id: str, metadata: DocumentMetadata, speakers: list[Speaker] | tuple[Speaker, ...]) -> None:
        """The filter columns of a document: kind, date range, and the spans each party says."""
        span = date_range(metadata.value("date"))
        kind = metadata.value("kind")
        self._db.execute("INSERT OR REPLACE INTO facets VALUES (?, ?, ?, ?)",
                         (doc_id, str(kind).lower() if kind else None, *(span or (None, None))))
        self._db.execute("DELETE FROM party_spans WHERE doc_id = ?", (doc_id,))
        self._db.executemany("INSERT INTO party_spans VALUES (?, ?, ?, ?)",
                             [(doc_id, party, sp.start, sp.end) for sp in speakers for party in sp.parties])

    def _backfill_facets(self) -> None:
        """An index from before the filter columns: fill them once from the stored documents."""
        missing = [row[0] for row in self._db.execute(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM facets)")]
        for doc_id in missing:
            record = self.document(doc_id)
            if record is not None:
                with self._db:
                    self._put_facets(doc_id, record.metadata, record.speakers)

    @_locked
    def filtered(self, kinds: set[str], date_from: str | None, date_to: str | None, doc_ids: set[str],
                 parties: set[str]) -> tuple[set[str], set[str] | None]:
        """(documents, chunks) the filters allow, by SQL over the filter columns (no document
        is read): kind and date are the document's; a party is the speaker's, so a chunk passes
        when a party asked for says some part of it."""
        where, values = [], []
        if kinds:
            where.append(f"f.kind IN ({','.join('?' * len(kinds))})")
            values += sorted(k.lower() for k in kinds)
        if date_from:
            where.append("f.date_last >= ?")
            values.append(date_from)
        if date_to:
            where.append("f.date_first <= ?")
            values.append(date_to)
        if doc_ids:
            where.append(f"f.doc_id IN ({','.join('?' * len(doc_ids))})")
            values += sorted(doc_ids)
        condition = " AND ".join(where) or "1"
        documents = {row[0] for row in self._db.execute(f"SELECT f.doc_id FROM facets f WHERE {condition}", values)}
        if not parties:
            return documents, None
        marks = ",".join("?" * len(parties))
        rows = self._db.execute(
            f'SELECT DISTINCT c.chunk_id, c.doc_id FROM party_spans p JOIN chunks c ON c.doc_id = p.doc_id '
            f'AND p.start < c."end" AND c.start < p."end" JOIN facets f ON f.doc_id = c.doc_id '
            f'WHERE p.party COLLATE NOCASE IN ({marks}) AND {condition}', sorted(parties) + values)
        chunks, speaking = set(), set()
        for chunk_id, doc_id in rows:
            chunks.add(chunk_id)
            speaking.add(doc_id)
        return speaking, chunks

    @_locked
    def facet_values(self) -> tuple[list[str], list[str]]:
        """(parties that say something, document kinds) over the whole index."""
        parties = [row[0] for row in self._db.execute("SELECT DISTINCT party FROM party_spans ORDER BY party")]
        kinds = [row[0] for row in self._db.execute(
            "SELECT DISTINCT kind FROM facets WHERE kind IS NOT NULL ORDER BY kind")]
        return parties, kinds

    @_locked
    def put_sentence_vectors(self, doc_id: str, spans: list[tuple[int, int]], vectors: np.ndarray) -> None:
        """The e5 vectors of a document's sentences (float16: half the disk, dot products
        within 1e-3), computed at index time so that answering needs only the question's."""
        half = np.asarray(vectors, dtype=np.float16)
        with self._db:
            self._db.executemany(
                'INSERT OR REPLACE INTO sentences (doc_id, start, "end", vector) VALUES (?, ?, ?, ?)',
                [(doc_id, s, e, half[i].tobytes()) for i, (s, e) in enumerate(spans)])

    @_locked
    def sentence_vectors(self, doc_id: str) -> dict[tuple[int, int], np.ndarray]:
        rows = self._db.execute('SELECT start, "end", vector FROM sentences WHERE doc_id = ?', (doc_id,))
        return {(s, e): np.frombuffer(v, dtype=np.float16).astype(np.float32) for s, e, v in rows}

    @_locked
    def indexed_file(self, source: str, file_digest: str) -> str | None:
        """The id of a finished document read from ``source`` with this digest, or None."""
        row = self._db.execute("SELECT doc_id FROM documents WHERE source = ? AND file_digest = ? AND state = 'done'",
                               (source, file_digest)).fetchone()
        return row[0] if row else None

    @_locked
    def originals(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT original FROM documents WHERE original IS NOT NULL")}

    @_locked
    def pending(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT doc_id FROM documents WHERE state = 'pending'")]

    @_locked
    def document(self, doc_id: str) -> DocumentRecord | None:
        cached = self._documents.get(doc_id)
        if cached is not None:
            return cached
        row = self._db.execute(
            "SELECT doc_id, source, content_hash, text, metadata, state, speakers, pages, original "
            "FROM documents WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        metadata = DocumentMetadata.from_dict(json.loads(row[4]))
        speakers = ([Speaker.from_dict(item) for item in json.loads(row[6])] if row[6] is not None
                    else attribute(row[3], metadata))
        pages = tuple(json.loads(row[7])) if row[7] else ()
        record = DocumentRecord(row[0], row[1], row[2], row[3], metadata, row[5], tuple(speakers), pages, row[8])
        if len(self._documents) > 2048:
            self._documents.clear()
        self._documents[doc_id] = record
        return record

    def documents(self) -> Iterator[DocumentRecord]:
        for doc_id in self.doc_ids():
            record = self.document(doc_id)
            if record is not None:
                yield record

    @_locked
    def doc_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    @_locked
    def chunks(self, doc_id: str) -> list[ChunkRecord]:
        rows = self._db.execute(
            'SELECT chunk_id, doc_id, position, start, "end", header FROM chunks WHERE doc_id = ? ORDER BY position',
            (doc_id,),
        )
        return [ChunkRecord(*row) for row in rows]

    @_locked
    def chunk(self, chunk_id: str) -> ChunkRecord | None:
        row = self._db.execute(
            'SELECT chunk_id, doc_id, position, start, "end", header FROM chunks WHERE chunk_id = ?', (chunk_id,)
        ).fetchone()
        return ChunkRecord(*row) if row else None

    def all_chunk_texts(self) -> Iterator[tuple[str, str]]:
        """(chunk_id, header + chunk text) for every chunk, in a stable order. Each document's
        text is read once and sliced here (SQLite's substr per chunk re-reads the whole text:
        quadratic in the document's size)."""
        for doc_id in self.doc_ids():
            with self._lock:
                row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                chunks = self._db.execute(
                    'SELECT chunk_id, header, start, "end" FROM chunks WHERE doc_id = ? ORDER BY position', (doc_id,)
                ).fetchall()
            if row is None:
                continue
            text = row[0]
            for chunk_id, header, start, end in chunks:
                yield chunk_id, f"{header}\n{text[start:end]}"

    @_locked
    def done_chunk_count(self) -> int:
        return self._db.execute(
            "SELECT COUNT(*) FROM chunks JOIN documents USING (doc_id) WHERE state = 'done'").fetchone()[0]

    @_locked
    def chunk_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
