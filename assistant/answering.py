"""The extractive answerer: pick the sentence(s) that answer the question, pull out the
short answer of the kind asked for, and cite exact spans. No language model involved.

Sentence score = semantic similarity to the question (e5, min-max within the candidates)
+ idf-weighted coverage of the question's words (in the sentence and its document
header) + the passage's retrieval rank + whether the sentence holds an answer of the
kind asked for (a party, a number, ...) + how many of the question's names and numbers
it contains. The evidence gate abstains when the best sentence is weak or when a name
or number of the question is missing from its passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.candidates import Candidate, candidates
from assistant.question import Question
from assistant.retrieval import ScoredChunk
from index import DocumentRecord, Index
from index.parties import canonical_party, find_parties
from index.text import normalize, split_sentences, tokenize

# Words that name the kind of answer rather than the topic ("vilket parti", "hur många år").
_ANSWER_TYPE_TERMS = frozenset(tokenize(
    "parti partier partiet år året datum antal antalet person personer heter skrev skrivit "
    "kostar kostnad kostnaden party parties year number people person wrote cost förslag föreslog "
    "proposed proposal"
))

WEIGHTS = {"dense": 0.40, "lexical": 0.30, "prior": 0.15, "type": 0.10, "keys": 0.15}


@dataclass(frozen=True)
class Thresholds:
    """The evidence gate; calibrated on tests/eval/seeds.jsonl (see README)."""

    min_dense: float = 0.80      # a sentence this similar to the question is evidence by itself
    min_lexical: float = 0.45    # ... or one covering this share of the question's words
    min_dense_with_words: float = 0.76  # ... together with at least this similarity
    min_dense_english: float = 0.80


@dataclass
class SentenceEvidence:
    document: DocumentRecord
    chunk: ScoredChunk
    start: int
    end: int
    dense: float = 0.0
    lexical: float = 0.0
    prior: float = 0.0
    key_share: float = 0.0
    chunk_has_keys: bool = True
    answers: list[Candidate] = field(default_factory=list)
    score: float = 0.0

    @property
    def quote(self) -> str:
        return self.document.text[self.start:self.end]


@dataclass(frozen=True)
class Claim:
    """One cited statement: ``quote`` is ``document.text[start:end]``."""

    document: DocumentRecord
    start: int
    end: int


@dataclass
class Draft:
    """What the answerer decided, before it becomes an ``Answer``."""

    answerable: bool
    short: list[tuple[str, int]] = field(default_factory=list)  # (short answer, claim number)
    claims: list[Claim] = field(default_factory=list)
    note: str | None = None
    best: SentenceEvidence | None = None


def _matches(term: str, tokens: set[str]) -> bool:
    if term in tokens:
        return True
    if len(term) >= 5:
        return any(term in token or (len(token) >= 5 and token in term) for token in tokens)
    return False


def _key_in(term: str, text: str, doc_parties: list[str]) -> bool:
    party = canonical_party(term)
    if party and (party in doc_parties or any(m.party == party for m in find_parties(text))):
        return True
    lowered = normalize(text).lower()
    if term[0].isdigit():
        return re.search(r"(?<!\d)" + re.escape(term.lower()) + r"(?!\d)", lowered) is not None
    return all(part.lower() in lowered for part in term.split())


class ExtractiveAnswerer:
    def __init__(self, index: Index, max_chunks: int = 6, thresholds: Thresholds | None = None):
        self.index = index
        self.max_chunks = max_chunks
        self.thresholds = thresholds or Thresholds()
        self._sentence_vectors: dict[tuple[str, int, int], np.ndarray] = {}

    # ---- scoring -------------------------------------------------------------------------

    def _vectors(self, spans: list[tuple[DocumentRecord, int, int]]) -> np.ndarray:
        missing = [(d, s, e) for d, s, e in spans if (d.doc_id, s, e) not in self._sentence_vectors]
        if missing:
            vectors = self.index.embed_sentences([d.text[s:e] for d, s, e in missing])
            if len(self._sentence_vectors) > 20000:
                self._sentence_vectors.clear()
            for (d, s, e), vector in zip(missing, vectors, strict=True):
                self._sentence_vectors[(d.doc_id, s, e)] = vector
        return np.stack([self._sentence_vectors[(d.doc_id, s, e)] for d, s, e in spans])

    def _header_tokens(self, document: DocumentRecord) -> set[str]:
        meta = document.metadata
        parts = [meta.value("title") or "", meta.value("kind") or ""]
        return set(tokenize(" ".join(parts)))

    def evidence(self, question: Question, chunks: list[ScoredChunk]) -> list[SentenceEvidence]:
        """Every sentence of the top passages, scored, best first."""
        top = chunks[: self.max_chunks]
        if not top:
            return []
        terms = [t for t in question.terms if t not in _ANSWER_TYPE_TERMS] or list(question.terms)
        idf = {t: max(self.index.sparse.idf(t), 0.1) for t in terms}
        total_idf = sum(idf.values()) or 1.0
        best_chunk_score = top[0].score or 1.0
        question_values = self._question_values(question)

        found: list[SentenceEvidence] = []
        for scored in top:
            document = self.index.document(scored.chunk.doc_id)
            if document is None:
                continue
            doc_parties = document.metadata.value("parties") or []
            chunk_text = document.text[scored.chunk.start:scored.chunk.end]
            chunk_has_keys = all(_key_in(k, chunk_text + " " + (document.metadata.value("title") or ""), doc_parties)
                                 for k in question.key_terms)
            header = self._header_tokens(document)
            for start, end in split_sentences(document.text, scored.chunk.start, scored.chunk.end):
                sentence = document.text[start:end]
                tokens = set(tokenize(sentence)) | header
                lexical = sum(idf[t] for t in terms if _matches(t, tokens)) / total_idf
                keys = [k for k in question.key_terms if _key_in(k, sentence, [])]
                answers = [c for c in candidates(question.expects, document.text, start, end)
                           if c.value not in question_values]
                found.append(SentenceEvidence(
                    document, scored, start, end,
                    lexical=lexical,
                    prior=scored.score / best_chunk_score,
                    key_share=len(keys) / len(question.key_terms) if question.key_terms else 1.0,
                    chunk_has_keys=chunk_has_keys,
                    answers=answers,
                ))
        if not found:
            return []
        vectors = self._vectors([(e.document, e.start, e.end) for e in found])
        dense = vectors @ self.index.embed_question(question.text)
        low, high = float(dense.min()), float(dense.max())
        for item, similarity in zip(found, dense, strict=True):
            item.dense = float(similarity)
            dense_scaled = (similarity - low) / (high - low) if high > low else 1.0
            item.score = (
                WEIGHTS["dense"] * dense_scaled
                + WEIGHTS["lexical"] * item.lexical
                + WEIGHTS["prior"] * item.prior
                + WEIGHTS["type"] * (1.0 if item.answers else 0.0)
                + WEIGHTS["keys"] * item.key_share
            )
        return sorted(found, key=lambda e: -e.score)

    @staticmethod
    def _question_values(question: Question) -> set[str]:
        """Values the question already states; an answer must add something new."""
        values = set(question.parties)
        for kind in ("number", "amount", "date", "person"):
            values.update(c.value for c in candidates(kind, question.text, 0, len(question.text)))
        values.update(k.lower() for k in question.key_terms)
        return values

    # ---- the gate --------------------------------------------------------------------------

    def supported(self, question: Question, best: SentenceEvidence) -> bool:
        if not best.chunk_has_keys:
            return False
        t = self.thresholds
        if question.language == "en":
            return best.dense >= t.min_dense_english or (best.lexical >= t.min_lexical and best.dense >= t.min_dense_with_words)
        return best.dense >= t.min_dense or (best.lexical >= t.min_lexical and best.dense >= t.min_dense_with_words)

    # ---- answers ---------------------------------------------------------------------------

    def answer(self, question: Question, chunks: list[ScoredChunk]) -> Draft:
        ranked = self.evidence(question, chunks)
        if not ranked:
            return Draft(answerable=False)
        usable = [e for e in ranked if e.chunk_has_keys] or ranked
        best = usable[0]
        if not self.supported(question, best):
            return Draft(answerable=False, best=best)

        if question.expects in ("author", "party"):
            draft = self._from_metadata(question, usable)
            if draft is not None:
                return draft
        if question.expects == "person":
            with_names = [e for e in usable[:5] if e.answers]
            if with_names and with_names[0].score >= 0.8 * best.score:
                best = with_names[0]
        if not best.answers and question.expects in ("amount", "number", "date"):
            best = self._continue_item(best, ranked, question)
        draft = Draft(answerable=True, claims=[Claim(best.document, best.start, best.end)], best=best)
        if best.answers:
            draft.short.append((self._pick(best, question).surface(best.document.text), 1))
            self._add_conflict(question, usable, best, draft)
        return draft

    @staticmethod
    def _continue_item(best: SentenceEvidence, ranked: list[SentenceEvidence], question: Question) -> SentenceEvidence:
        """A figure often closes the list item or paragraph ("... dygnet runt. Denna ska ... (+1 mnkr)"):
        when the best sentence has none, extend it to the next sentence of the same line that has one."""
        text = best.document.text
        following = sorted(
            (e for e in ranked if e.document.doc_id == best.document.doc_id and e.start >= best.end),
            key=lambda e: e.start,
        )
        for item in following:
            if "\n" in text[best.end:item.start]:
                break
            if item.answers:
                return replace(best, end=item.end, answers=item.answers)
        return best

    @staticmethod
    def _pick(evidence: SentenceEvidence, question: Question) -> Candidate:
        """The candidate closest to the words the sentence shares with the question."""
        text = evidence.document.text
        anchors = [m.start() for t in question.terms for m in re.finditer(re.escape(t), text[evidence.start:evidence.end].lower())]
        if not anchors:
            return evidence.answers[0]
        def distance(c: Candidate) -> int:
            return min(abs((c.start - evidence.start) - a) for a in anchors)
        return min(evidence.answers, key=distance)

    def _add_conflict(self, question: Question, ranked: list[SentenceEvidence], best: SentenceEvidence, draft: Draft) -> None:
        """When another document gives a different value of the same kind, show both."""
        if question.expects not in ("date", "number", "amount"):
            return
        best_value = self._pick(best, question).value
        for other in ranked[1:8]:
            if other.document.doc_id == best.document.doc_id or not other.answers:
                continue
            if other.score < 0.85 * best.score or other.lexical < 0.6 * best.lexical:
                continue
            value = self._pick(other, question)
            if value.value != best_value and value.value not in best_value and best_value not in value.value:
                draft.claims.append(Claim(other.document, other.start, other.end))
                draft.short.append((value.surface(other.document.text), len(draft.claims)))
                return

    def _from_metadata(self, question: Question, ranked: list[SentenceEvidence]) -> Draft | None:
        """Authors or parties of the best document, cited with their evidence."""
        best = ranked[0]
        if question.expects == "party":
            in_sentence = [c for c in best.answers if c.kind == "party"]
            if in_sentence:
                chosen = self._pick(best, question)
                return Draft(answerable=True, short=[(_party_label(chosen.value, question.language), 1)],
                             claims=[Claim(best.document, best.start, best.end)], best=best)
        field_name = "authors" if question.expects == "author" else "parties"
        meta_field = getattr(best.document.metadata, field_name)
        if meta_field is None or not meta_field.value:
            return None
        values = meta_field.value
        if field_name == "parties":
            values = [p for p in values if p not in question.parties] or values
            label = ", ".join(_party_label(p, question.language) for p in values)
        else:
            label = " och ".join(values) if question.language == "sv" else " and ".join(values)
            party_field = best.document.metadata.parties
            # The party belongs to the author only when the same words state both.
            if party_field is not None and party_field.evidence == meta_field.evidence and len(values) == 1:
                label += f" ({', '.join(party_field.value)})"
        evidence = meta_field.evidence
        draft = Draft(answerable=True, best=best)
        if question.expects == "party" or evidence.start is None:
            draft.claims.append(Claim(best.document, best.start, best.end))
        if evidence.start is not None and evidence.end is not None:
            span = Claim(best.document, evidence.start, evidence.end)
            if span not in draft.claims:
                draft.claims.append(span)
            draft.short.append((label, len(draft.claims)))
        else:
            draft.short.append((label, 1))
            draft.note = evidence.curated
        return draft


def _party_label(party: str, language: str) -> str:
    from index.parties import party_name

    return f"{party_name(party, language)} ({party})"
