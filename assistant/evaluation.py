"""Measure answers against a question file (JSON Lines), per kind of question.

Each line: ``question`` (or ``turns``: a conversation, the last one measured, the earlier
ones asked first and passed as history), ``answerable``, optionally ``kind`` (factoid, who,
list, conversation, unanswerable; default factoid or unanswerable). For answerable
questions: ``answers`` (any one must appear in the answer text) or ``answers_all`` (every
one), ``doc_ids`` (documents that support it; a cited one is required), optionally
``evidence`` (text of the supporting passage, for recall@5) and, for lists, ``points``
(strings of the points the document makes: the share found in the cited quotes is the
list's coverage; a list is right when it covers at least half).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core import Assistant
from assistant.types import Answer

LIST_RIGHT_AT = 0.5  # a list answer counts as right when it covers half the points


@dataclass
class KindResult:
    total: int = 0
    correct: int = 0
    coverage: list[float] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class EvalResult:
    total: int = 0
    answerable: int = 0
    unanswerable: int = 0
    correct: int = 0
    recall_at_5: int = 0
    recall_measured: int = 0
    abstained_correctly: int = 0
    citations: int = 0
    valid_citations: int = 0
    precise_citations: int = 0
    kinds: dict[str, KindResult] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.recall_at_5 / self.recall_measured if self.recall_measured else 0.0

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
        for kind, result in sorted(self.kinds.items()):
            value = f"{result.accuracy:.3f} ({result.correct}/{result.total})"
            if result.coverage:
                value += f", points covered {sum(result.coverage) / len(result.coverage):.3f}"
            rows.append((f"  {kind}", value))
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def kind_of(item: dict[str, Any]) -> str:
    return item.get("kind") or ("factoid" if item.get("answerable", True) else "unanswerable")


def coverage(item: dict[str, Any], answer: Answer) -> float:
    """The share of the item's points found in the answer's cited quotes."""
    points = item.get("points") or []
    if not points or not answer.answerable:
        return 0.0
    quotes = " ".join(" ".join(c.quote.split()) for c in answer.citations).lower()
    return sum(point.lower() in quotes for point in points) / len(points)


def _is_correct(item: dict[str, Any], answer: Answer) -> bool:
    if not item.get("answerable", True):
        return not answer.answerable
    if not answer.answerable:
        return False
    text = answer.text.lower()
    gold_docs = set(item.get("doc_ids") or [])
    if gold_docs and not any(c.doc_id in gold_docs for c in answer.citations):
        return False
    if item.get("points"):
        return coverage(item, answer) >= LIST_RIGHT_AT
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


def ask_item(assistant: Assistant, item: dict[str, Any]) -> Answer:
    turns = item.get("turns") or [item["question"]]
    history: list[Answer] = []
    for turn in turns[:-1]:
        history.append(assistant.ask(turn, history=list(history)))
    return assistant.ask(turns[-1], history=history)


def evaluate(assistant: Assistant, items: list[dict[str, Any]]) -> EvalResult:
    result = EvalResult()
    for item in items:
        answer = ask_item(assistant, item)
        result.total += 1
        answerable = item.get("answerable", True)
        if answerable:
            result.answerable += 1
            if item.get("doc_ids"):
                result.recall_measured += 1
                result.recall_at_5 += _found_in_top5(item, answer)
        else:
            result.unanswerable += 1
            result.abstained_correctly += not answer.answerable
        correct = _is_correct(item, answer)
        result.correct += correct
        kind = result.kinds.setdefault(kind_of(item), KindResult())
        kind.total += 1
        kind.correct += correct
        if item.get("points"):
            kind.coverage.append(coverage(item, answer))
        gold_docs = set(item.get("doc_ids") or [])
        for citation in answer.citations:
            result.citations += 1
            document = assistant.document(citation.doc_id)
            result.valid_citations += document.text[citation.start:citation.end] == citation.quote
            result.precise_citations += (not gold_docs) or citation.doc_id in gold_docs
        if not correct:
            result.failures.append({"id": item.get("id"), "question": " / ".join(item.get("turns") or [item.get("question", "")]),
                                    "answer": answer.text})
    return result
