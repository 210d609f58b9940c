"""Second stage of retrieval: rerank the fused candidates by how well one sentence matches.

A question is usually asked about one sentence. Chunk-level scores (e5 over the whole
chunk, BM25 over all its words) cannot tell a chunk that holds the question's words in one
sentence, in the same order, from one that scatters them over a page. For each candidate
chunk this adds, from its best sentence:

- ``coverage``: the idf-weighted share of the question's words found in the sentence,
- ``context``: the same over the sentence and the one before it (a subject named earlier),
- ``pairs``: the share of the question's adjacent word pairs that are adjacent there too.

Words are the BM25 tokens (Swedish stems, stop words removed), so "ledamöterna föreslog"
matches "ledamot föreslår". The weights were chosen on SweQUAD-MC's training split and
checked on its held-out dev split and on the seed set (README, "Measured").
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.glossary import ALTERNATIVE, alternatives
from assistant.synonyms import is_synonym_term
from index.text import split_sentences, tokenize


@dataclass(frozen=True)
class RerankWeights:
    coverage: float = 1.0
    context: float = 0.3
    pairs: float = 1.5


@dataclass(frozen=True)
class SentenceMatch:
    coverage: float
    context: float
    pairs: float

    def bonus(self, weights: RerankWeights) -> float:
        return weights.coverage * self.coverage + weights.context * self.context + weights.pairs * self.pairs


@functools.lru_cache(maxsize=4096)
def sentences_with_tokens(text: str, start: int, end: int) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The sentences of ``text[start:end]`` as (start, end, BM25 tokens): the same chunks are
    reranked and then scored (``assistant.scoring``), for question after question, so they are
    split and stemmed once (keyed by the text itself, so a changed document never reuses them)."""
    return tuple((s, e, tuple(tokenize(text[s:e]))) for s, e in split_sentences(text, start, end))


def sentence_tokens(text: str, start: int, end: int) -> tuple[tuple[str, ...], ...]:
    """The BM25 tokens of each sentence of ``text[start:end]``."""
    return tuple(tokens for _, _, tokens in sentences_with_tokens(text, start, end))


@functools.lru_cache(maxsize=4096)
def _sentence_sets(text: str, start: int, end: int) -> tuple[tuple[frozenset[str], frozenset[tuple[str, str]]], ...]:
    """Each sentence's tokens and adjacent token pairs, as sets (see ``sentences_with_tokens``)."""
    return tuple((frozenset(tokens), frozenset(zip(tokens, tokens[1:])))
                 for tokens in sentence_tokens(text, start, end))


class QuestionTerms:
    """The question's words (BM25 tokens, in order) with their idf weights: what share of
    them a sentence holds. Used here and by the answerer's sentence scoring."""

    def __init__(self, terms: Sequence[str], idf: Callable[[str], float], optional: frozenset[str] = frozenset()):
        self.terms = list(dict.fromkeys(terms))
        # Terms counted only where found: the kind of thing asked for ("Vilken organisation
        # …?" is answered by a name, "RF-SISU", with or without the word "organisation").
        self.optional = optional.intersection(self.terms)
        # A term that stands for alternatives ("avhopp|avhoppar", assistant.glossary) weighs
        # as much as its most common one; a Swedish word with its synonyms
        # (assistant.synonyms) as much as the word asked with.
        self.idf = {t: max(idf(t.split(ALTERNATIVE)[0]) if is_synonym_term(t) else min(idf(a) for a in alternatives(t)), 0.1)
                    for t in self.terms}
        self.total = sum(self.idf.values()) or 1.0
        self.pairs = set(zip(self.terms, self.terms[1:]))
        self._plain = frozenset(t for t in self.terms if ALTERNATIVE not in t)
        self._alternatives = {t: frozenset(alternatives(t)) for t in self.terms if ALTERNATIVE in t}
        self._weights: dict[frozenset[str], float] = {}

    @classmethod
    def of(cls, question: str, idf: Callable[[str], float]) -> QuestionTerms:
        return cls(tokenize(question), idf)

    def covered(self, tokens: set[str] | frozenset[str], match: Callable[[str, set[str]], bool] | None = None) -> float:
        """The idf-weighted share of the terms found in ``tokens`` (by ``match``, else exactly)."""
        if match is None:
            return self._weight(self._hits(tokens))
        return self._weight(t for t in self.terms if match(t, tokens))

    def _hits(self, tokens: set[str] | frozenset[str]) -> frozenset[str]:
        """The terms found in ``tokens`` exactly (one of its alternatives, for a glossed term)."""
        hits = self._plain.intersection(tokens)
        if self._alternatives:
            hits |= {t for t, parts in self._alternatives.items() if not parts.isdisjoint(tokens)}
        return hits

    def _weight(self, terms) -> float:
        """The idf-weighted share of ``terms``, summed in the question's order; remembered per
        set of terms (sentence after sentence holds the same few)."""
        found = terms if isinstance(terms, frozenset) else frozenset(terms)
        weight = self._weights.get(found)
        if weight is None:
            total = self.total - sum(self.idf[t] for t in self.optional if t not in found)
            weight = self._weights[found] = sum(self.idf[t] for t in self.terms if t in found) / (total or 1.0)
        return weight

    def best_sentence(self, text: str, start: int, end: int) -> SentenceMatch:
        """The best values over the sentences of ``text[start:end]`` (each taken at its best).
        Exact matching: the terms a sentence and the one before hold together are the union of
        those each holds."""
        coverage = context = pairs = 0.0
        previous: frozenset[str] = frozenset()
        for tokens, word_pairs in _sentence_sets(text, start, end):
            hits = self._hits(tokens)
            coverage = max(coverage, self._weight(hits))
            context = max(context, self._weight(hits | previous))
            if self.pairs:
                pairs = max(pairs, len(self.pairs & word_pairs) / len(self.pairs))
            previous = hits
        return SentenceMatch(coverage, context, pairs)
