"""SweQUAD-MC: retrieval recall@1/5 and answer-span hits on 1,088 questions over 543 real passages.

    python -m bench.swequad [--limit N]

The passages are indexed once into bench/.cache/swequad (reused on later runs). Every fusion
is measured on the same index. "span hit" = the first citation overlaps the gold answer span
in the gold passage; "answered" = the share of questions not declined (all are answerable).
"""

from __future__ import annotations

import argparse
import sys

from assistant import Assistant, Settings
from assistant.retrieval import HybridRetriever
from bench.common import CACHE, SWEQUAD_PASSAGES, SWEQUAD_QUESTIONS, read_jsonl, table, timer


def open_swequad() -> Assistant:
    assistant = Assistant.open(settings=Settings(data_dir=CACHE / "swequad"))
    with timer() as elapsed:
        report = assistant.index([SWEQUAD_PASSAGES])
    if report.added:
        print(f"indexed {len(report.added)} SweQUAD passages in {elapsed():.0f} s", file=sys.stderr)
    return assistant


def recall(assistant: Assistant, questions: list[dict], retriever: HybridRetriever) -> tuple[float, float, float]:
    """recall@1 and @5 of the gold passage, and @5 of the gold answer in its context (60
    characters around it) in any passage: SweQUAD's agency pages repeat each other, so a
    question is often answered word for word by a passage other than the gold one."""
    texts = {d.doc_id: d.text for d in assistant.documents()}
    at1 = at5 = answer_at5 = 0
    for item in questions:
        doc_ids = list(dict.fromkeys(c.chunk.doc_id for c in retriever.retrieve(item["question"], 20)))
        at1 += doc_ids[:1] == [item["passage_id"]]
        at5 += item["passage_id"] in doc_ids[:5]
        gold = texts[item["passage_id"]]
        context = gold[max(0, item["answer_start"] - 30):item["answer_end"] + 30]
        answer_at5 += any(context in texts[doc_id] for doc_id in doc_ids[:5])
    return at1 / len(questions), at5 / len(questions), answer_at5 / len(questions)


def answers(assistant: Assistant, questions: list[dict]) -> tuple[float, float]:
    hits = answered = 0
    for item in questions:
        answer = assistant.ask(item["question"])
        answered += answer.answerable
        first = answer.citations[0] if answer.citations else None
        hits += bool(first and first.doc_id == item["passage_id"]
                     and first.start < item["answer_end"] and item["answer_start"] < first.end)
    return hits / len(questions), answered / len(questions)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="only the first N questions")
    args = parser.parse_args()
    questions = read_jsonl(SWEQUAD_QUESTIONS)[: args.limit]
    assistant = open_swequad()
    store = assistant.store
    systems = {
        "rrf": HybridRetriever(store, fusion="rrf", rerank=None),
        "weighted 0.3 dense": HybridRetriever(store, fusion="weighted", dense_weight=0.3, rerank=None),
        "weighted 0.7 dense": HybridRetriever(store, fusion="weighted", dense_weight=0.7, rerank=None),
        "dense": HybridRetriever(store, fusion="dense", rerank=None),
        "sparse (BM25)": HybridRetriever(store, fusion="sparse", rerank=None),
        "weighted 0.7 dense + sentence rerank (default)": assistant.retriever,
    }
    rows = []
    splits = {"all": questions, "dev (held out)": [q for q in questions if q["split"] != "training"]}
    for name, retriever in systems.items():
        for split, items in splits.items():
            if items:
                rows.append([name, split, *recall(assistant, items, retriever)])
    print(f"SweQUAD-MC retrieval, {len(questions)} questions, {len(assistant.documents())} passages")
    print(table(["retrieval", "questions", "recall@1", "recall@5", "answer in top 5"], rows))
    span_hit, answered = answers(assistant, questions)
    print()
    print(table([f"answerer ({assistant.settings.fusion})", "span hit", "answered"], [["extractive", span_hit, answered]]))


if __name__ == "__main__":
    main()
