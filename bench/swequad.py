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


def open_swequad(fusion: str = "rrf") -> Assistant:
    assistant = Assistant.open(settings=Settings(data_dir=CACHE / "swequad", fusion=fusion))
    with timer() as elapsed:
        report = assistant.index([SWEQUAD_PASSAGES])
    if report.added:
        print(f"indexed {len(report.added)} SweQUAD passages in {elapsed():.0f} s", file=sys.stderr)
    return assistant


def recall(assistant: Assistant, questions: list[dict], fusion: str) -> tuple[float, float]:
    retriever = HybridRetriever(assistant.store, fusion=fusion)
    at1 = at5 = 0
    for item in questions:
        doc_ids = list(dict.fromkeys(c.chunk.doc_id for c in retriever.retrieve(item["question"], 20)))
        at1 += doc_ids[:1] == [item["passage_id"]]
        at5 += item["passage_id"] in doc_ids[:5]
    return at1 / len(questions), at5 / len(questions)


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
    rows = []
    for fusion in ("rrf", "weighted", "dense", "sparse"):
        at1, at5 = recall(assistant, questions, fusion)
        rows.append([fusion, at1, at5])
    print(f"SweQUAD-MC retrieval, {len(questions)} questions, {len(assistant.documents())} passages")
    print(table(["fusion", "recall@1", "recall@5"], rows))
    span_hit, answered = answers(assistant, questions)
    print()
    print(table([f"answerer ({assistant.settings.fusion})", "span hit", "answered"], [["extractive", span_hit, answered]]))


if __name__ == "__main__":
    main()
