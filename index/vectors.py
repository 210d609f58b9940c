"""Chunk vectors in Chroma. The only module that imports chromadb."""

from __future__ import annotations

from pathlib import Path

import chromadb
import numpy as np

COLLECTION = "kalla-chunks"


class VectorStore:
    """Chunk vectors keyed by chunk id, with ``doc_id`` as metadata for deletes and filters."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
        self._client = chromadb.PersistentClient(path=str(folder), settings=settings)
        self._collection = self._client.get_or_create_collection(
            COLLECTION, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
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

    def count(self) -> int:
        return self._collection.count()

    def ids(self) -> set[str]:
        return set(self._collection.get(include=[])["ids"])

    def search(self, vector: np.ndarray, k: int, doc_ids: set[str] | None = None) -> list[tuple[str, float]]:
        """Nearest ``k`` chunks as (chunk_id, cosine similarity), best first."""
        total = self.count()
        if total == 0 or (doc_ids is not None and not doc_ids):
            return []
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
        result = self._collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
            n_results=min(k, total),
            where=where,
            include=["distances"],
        )
        return [
            (chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
