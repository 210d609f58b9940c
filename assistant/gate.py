"""The evidence gate: whether the best sentence supports an answer at all.

Word overlap is measured in Swedish, so an English question over Swedish text relies on
similarity (and on its names and numbers) alone. Thresholds: ``assistant.tuning.GateThresholds``.
"""

from __future__ import annotations

from assistant.question import Question
from assistant.scoring import SentenceEvidence
from assistant.tuning import GateThresholds


def supported(question: Question, best: SentenceEvidence, ranked: list[SentenceEvidence],
              thresholds: GateThresholds) -> bool:
    t = thresholds
    floor = t.min_dense_for(question.language)
    if not best.chunk_has_keys or best.dense < floor:
        return False
    if best.dense >= t.strong_dense:
        return True
    if question.key_terms and best.key_share == 1.0 and best.lexical >= t.min_lexical_with_names:
        return True
    if question.language == "en":
        return True
    top_lexical = max(e.lexical for e in ranked[:5] if e.chunk_has_keys)
    return top_lexical >= t.min_lexical
