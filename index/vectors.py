"""Chunk vectors in Chroma. The only module that imports chromadb."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np

from index.errors import IndexStoreError

COLLECTION = "kalla-chunks"


class VectorStore:
    """Chunk vectors keyed by chunk id, with ``doc_id`` as metadata for deletes and filters.

    Embedded by default (``PersistentClient`` in ``folder``); with ``url`` a Chroma server
    (``chroma run --path DIR --port N``) holds them, in a collection named after ``folder``
    so that several indexes can share one server.
    """

    def __init__(self, folder: Path, url: str | None = None):
        settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
        if url:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            if not parsed.hostname:
                raise IndexStoreError(f"{url!r} is not a Chroma server URL; use http://host:port")
            try:
                self._client = chromadb.HttpClient(host=parsed.hostname, port=parsed.port or 8000,
                                                   ssl=parsed.scheme == "https", settings=settings)
                self._client.heartbeat()
            except Exception as error:  # the HTTP client raises several kinds for "not there"
                raise IndexStoreError(
                    f"No Chroma server answers at {url} ({error}). Start one with "
                    f"`chroma run --path DIR --port N`, or unset KALLA_CHROMA_URL to use the embedded store."
                ) from error
            name = f"{COLLECTION}-{hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:12]}"
        else:
            folder.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(folder), settings=settings)
            name = COLLECTION
        self._collection = self._client.get_or_create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )

    def upsert(self, chunk_ids: list[str], doc_ids: list[str], vectors: np.ndarray) -> None:
        if not chunk_ids:
            return
        self._collection.upsert(
            ids=chunk_ids,
            embeddings=np.asarray(vectors, dtype=np.float32),
            metadatas=[{"doc_id": doc_id} for doc_id in doc_ids],
        )

    def delete_document(self, doc_id: str) -> None:
        self._collection.delete(where={"doc_id": doc_id})

    def delete_ids(self, chunk_ids: list[str]) -> None:
        for start in range(0, len(chunk_ids), 5000):
            self._collection.delete(ids=chunk_ids[start:start + 5000])

    def count(self) -> int:
        return self._collection.count()

    def ids(self) -> set[str]:
        found: set[str] = set()
        offset, page = 0, 5000
        while True:
            ids = self._collection.get(include=[], limit=page, offset=offset)["ids"]
            found.update(ids)
            if len(ids) < page:
                return found
            offset += page

    def search(self, vector: np.ndarray, k: int, doc_ids: set[str] | None = None) -> list[tuple[str, float]]:
        """Nearest ``k`` chunks as (chunk_id, cosine similarity), best first. (Chroma 1.5 returns
        what it holds when asked for more, so no count is asked for first: a round trip per
        question.)"""
        if doc_ids is not None and not doc_ids:
            return []
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
        result = self._collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
            n_results=k,
            where=where,
            include=["distances"],
        )
        return [
            (chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
