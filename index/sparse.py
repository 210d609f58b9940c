"""BM25 over Swedish-stemmed chunk text (bm25s), persisted beside the vector store.

Tokens come from ``index.text.tokenize`` (Swedish Snowball stemmer, Swedish and English
stop words), the same function used at query time, so nothing depends on a stemmer
being restored from disk.
"""

from __future__ import annotations

import bisect
import json
import shutil
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np

from index.text import tokenize


def _consistent(model) -> bool:
    """The model's arrays belong together (a load that read files across a writer's folder
    swap mixes two saves)."""
    scores = model.scores
    indices, indptr = scores.get("indices"), scores.get("indptr")
    if indices is None or indptr is None:
        return False
    return (int(indptr[-1]) == len(indices) == len(scores["data"])
            and (len(indices) == 0 or int(indices.max()) < scores["num_docs"]))


class SparseIndex:
    def __init__(self, chunk_ids: list[str], model: bm25s.BM25 | None, document_frequency: dict[str, int]):
        self.chunk_ids = chunk_ids
        self._position = {chunk_id: i for i, chunk_id in enumerate(chunk_ids)}
        self._model = model
        self.document_frequency = document_frequency
        self._sorted: tuple[list[str], list[str]] | None = None  # the vocabulary, and each word reversed, sorted

    @classmethod
    def build(cls, chunk_ids: list[str], texts: list[str]) -> SparseIndex:
        tokens = [tokenize(text) for text in texts]
        frequency: Counter[str] = Counter()
        for chunk_tokens in tokens:
            frequency.update(set(chunk_tokens))
        if not chunk_ids:
            return cls([], None, {})
        model = bm25s.BM25()
        model.index(tokens, show_progress=False)
        return cls(chunk_ids, model, dict(frequency))

    def save(self, folder: Path) -> None:
        """Written beside ``folder`` and swapped in, so a reader never loads half a save."""
        fresh = folder.with_name(folder.name + ".new")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        if self._model is not None:
            self._model.save(str(fresh / "bm25"))
        (fresh / "bm25_chunks.json").write_text(
            json.dumps({"chunk_ids": self.chunk_ids, "document_frequency": self.document_frequency}),
            encoding="utf-8",
        )
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        fresh.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> SparseIndex:
        meta_path = folder / "bm25_chunks.json"
        if not meta_path.exists():
            return cls([], None, {})
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        model = bm25s.BM25.load(str(folder / "bm25")) if meta["chunk_ids"] else None
        if model is not None and (model.scores.get("num_docs") != len(meta["chunk_ids"]) or not _consistent(model)):
            raise ValueError(f"{folder}: the BM25 model and its chunk list are from different saves")
        return cls(meta["chunk_ids"], model, meta["document_frequency"])

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def compounds(self, stem: str, limit: int = 8) -> list[str]:
        """Words of the vocabulary that begin with ``stem`` or (six letters or more) end with
        it: Swedish compounds ("avhopp" -> "avhopparlinj", "avhopparverksam"; "telefonlinj" ->
        ...), the most frequent first. BM25 matches whole words only."""
        if self._sorted is None:  # built once, both lists together (threads may ask at once)
            vocabulary = list(self.document_frequency)
            self._sorted = (sorted(vocabulary), sorted(word[::-1] for word in vocabulary))
        forward, backward = self._sorted
        found = set()
        # A compound's head is looked for from six letters on ("kontor" in "trygghetskontor";
        # not "ställ" in "säkerställ").
        keys = ((forward, stem, False), (backward, stem[::-1], True)) if len(stem) >= 6 else ((forward, stem, False),)
        for words, key, reversed_words in keys:
            i = bisect.bisect_left(words, key)
            while i < len(words) and words[i].startswith(key):
                found.add(words[i][::-1] if reversed_words else words[i])
                i += 1
        found.discard(stem)
        return sorted(found, key=lambda word: (-self.document_frequency.get(word, 0), word))[:limit]

    def idf(self, token: str) -> float:
        n = max(len(self.chunk_ids), 1)
        df = self.document_frequency.get(token, 0)
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Best ``k`` chunks for ``query`` as (chunk_id, score), score > 0 only."""
        tokens = tokenize(query)
        if self._model is None or not tokens:
            return []
        known = [t for t in tokens if t in self._model.vocab_dict]
        if not known:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.chunk_ids), dtype=np.float32)
            for chunk_id in allowed:
                position = self._position.get(chunk_id)
                if position is not None:
                    mask[position] = 1.0
        k = min(k, len(self.chunk_ids))
        ids, scores = self._model.retrieve([known], k=k, show_progress=False, weight_mask=mask)
        return [
            (self.chunk_ids[int(i)], float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0
        ]
