"""Measure answers against a question file (JSON Lines).

Each line: ``question``, ``answerable``; for answerable questions ``answers`` (any one must
appear in the answer text), ``doc_ids`` (documents that support it), optionally
``evidence`` (a string of the supporting text, for recall@5) and ``answers_all`` (every one
must appear, e.g. both sides of a conflict).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core import Assistant
from assistant.types import Answer


@dataclass
class EvalResult:
    total: int = 0
    answerable: int = 0
    unanswerable: int = 0
    correct: int = 0
    recall_at_5: int = 0
    abstained_correctly: int = 0
    citations: int = 0
    valid_citations: int = 0
    precise_citations: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.recall_at_5 / self.answerable if self.answerable else 0.0

    @property
    def citation_validity(self) -> float:
        return self.valid_citations / self.citations if self.citations else 1.0

    @property
    def citation_precision(self) -> float:
        return self.precise_citations / self.citations if self.citations else 1.0

    @property
    def abstention(self) -> float:
        return self.abstained_correctly / self.unanswerable if self.unanswerable else 1.0

    def table(self) -> str:
        rows = [
            ("questions", f"{self.total} ({self.answerable} answerable, {self.unanswerable} not)"),
            ("accuracy", f"{self.accuracy:.3f}"),
            ("recall@5", f"{self.recall:.3f}"),
            ("citation validity", f"{self.citation_validity:.3f}"),
            ("citation precision", f"{self.citation_precision:.3f}"),
            ("abstention", f"{self.abstention:.3f}"),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _is_correct(item: dict[str, Any], answer: Answer) -> bool:
    if not item.get("answerable", True):
        return not answer.answerable
    if not answer.answerable:
        return False
    text = answer.text.lower()
    gold_docs = set(item.get("doc_ids") or [])
    if gold_docs and not any(c.doc_id in gold_docs for c in answer.citations):
        return False
    if item.get("answers_all"):
        return all(a.lower() in text for a in item["answers_all"])
    return any(a.lower() in text for a in item.get("answers", []))


def _found_in_top5(item: dict[str, Any], answer: Answer) -> bool:
    gold_docs = set(item.get("doc_ids") or [])
    evidence = item.get("evidence")
    for passage in answer.passages[:5]:
        if gold_docs and passage.doc_id not in gold_docs:
            continue
        if evidence is None or evidence in passage.text:
            return True
    return False


def evaluate(assistant: Assistant, items: list[dict[str, Any]]) -> EvalResult:
    result = EvalResult()
    for item in items:
        answer = assistant.ask(item["question"])
        result.total += 1
        answerable = item.get("answerable", True)
        if answerable:
            result.answerable += 1
            result.recall_at_5 += _found_in_top5(item, answer)
        else:
            result.unanswerable += 1
            result.abstained_correctly += not answer.answerable
        correct = _is_correct(item, answer)
        result.correct += correct
        gold_docs = set(item.get("doc_ids") or [])
        for citation in answer.citations:
            result.citations += 1
            document = assistant.document(citation.doc_id)
            result.valid_citations += document.text[citation.start:citation.end] == citation.quote
            result.precise_citations += (not gold_docs) or citation.doc_id in gold_docs
        if not correct:
            result.failures.append({"id": item.get("id"), "question": item["question"], "answer": answer.text})
    return result
