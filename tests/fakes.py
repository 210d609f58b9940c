"""Deterministic stand-ins that implement Källa's own interfaces (no mocks)."""

from __future__ import annotations

import hashlib

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.tuning import AnswerSettings, GateThresholds
from index.text import tokenize


class BagOfStemsEmbedding(BaseEmbedding):
    """Hashes Swedish stems into 256 dimensions: texts sharing words get similar vectors,
    so rankings mean something, unlike a constant vector."""

    model_name: str = "test/bag-of-stems-256"

    @staticmethod
    def vector(text: str) -> list[float]:
        out = np.zeros(256, dtype=np.float32)
        for stem in tokenize(text):
            out[int(hashlib.md5(stem.encode()).hexdigest(), 16) % 256] += 1.0
        norm = np.linalg.norm(out)
        return (out / norm if norm else out).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self.vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.vector(text)


# Bag-of-stems cosines are spread wider than e5's (unrelated texts score 0, not 0.75).
BAG_OF_STEMS_SETTINGS = AnswerSettings(gate=GateThresholds(
    min_dense=0.15, min_dense_english=0.15, strong_dense=0.5, min_lexical=0.38,
    min_lexical_with_names=0.3, min_counted_similarity=0.5))
