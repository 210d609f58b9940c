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
from assistant.reranking import QuestionTerms
from assistant.retrieval import ScoredChunk
from index import DocumentRecord, Index
from index.parties import canonical_party, find_parties, party_name
from index.text import normalize, split_sentences, tokenize

# Words that name the kind of answer rather than the topic ("vilket parti", "hur många år").
_ANSWER_TYPE_TERMS = frozenset(tokenize(
    "parti partier partiet år året datum antal antalet person personer heter skrev skrivit "
    "kostar kostnad kostnaden party parties year number people person wrote cost förslag föreslog "
    "proposed proposal föreslår föreslås föreslagit föreslagits"
))

WEIGHTS = {"dense": 0.40, "lexical": 0.30, "prior": 0.15, "type": 0.25, "keys": 0.05}


@dataclass(frozen=True)
class Thresholds:
    """The evidence gate; calibrated on tests/eval/seeds.jsonl (see README)."""

    min_dense: float = 0.80           # no sentence less similar than this is evidence
    min_dense_english: float = 0.78   # English questions over Swedish text score lower throughout
    strong_dense: float = 0.87        # a sentence this similar is evidence by itself
    min_lexical: float = 0.38         # ... else a top sentence must cover this share of the words
    min_lexical_with_names: float = 0.30  # ... or this, when it holds all the question's names
    min_counted_similarity: float = 0.88  # "how many X": a word after the number this close to X (e5 words: translations ≈ 0.89–0.94, unrelated ≤ 0.87)


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
    typed: float = 0.0  # 1 when it holds an answer of the kind asked for
    score: float = 0.0


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
    # Swedish genitive: "Sveriges" is supported by "Sverige".
    return all(part.lower() in lowered or (part.lower().endswith("s") and part.lower()[:-1] in lowered)
               for part in term.split())


def _following_words(text: str, candidate: Candidate, n: int = 3) -> str:
    return " ".join(text[candidate.end:candidate.end + 80].split()[:n])


class ExtractiveAnswerer:
    def __init__(self, index: Index, max_chunks: int = 8, thresholds: Thresholds | None = None,
                 max_embedded: int = 12):
        self.index = index
        self.max_chunks = max_chunks
        self.max_embedded = max_embedded
        self.thresholds = thresholds or Thresholds()
        self._sentence_vectors: dict[tuple[str, int, int], np.ndarray] = {}
        self._word_vectors: dict[str, np.ndarray] = {}

    # ---- scoring -------------------------------------------------------------------------

    def sentence_vectors(self, spans: list[tuple[DocumentRecord, int, int]]) -> np.ndarray:
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
        topic = QuestionTerms([t for t in question.terms if t not in _ANSWER_TYPE_TERMS] or question.terms,
                              self.index.sparse.idf)
        best_chunk_score = top[0].score or 1.0
        question_values = self._question_values(question)

        found: list[SentenceEvidence] = []
        for scored in top:
            document = self.index.document(scored.chunk.doc_id)
            if document is None:
                continue
            doc_parties = document.metadata.value("parties") or []
            # Names and numbers of the question must appear near the passage: in it, in the
            # text just before it (the speaker of a list is often named there), or the title.
            context = document.text[max(0, scored.chunk.start - 1500):scored.chunk.end]
            chunk_has_keys = all(_key_in(k, context + " " + (document.metadata.value("title") or ""), doc_parties)
                                 for k in question.key_terms)
            header = self._header_tokens(document)
            for start, end in split_sentences(document.text, scored.chunk.start, scored.chunk.end):
                sentence = document.text[start:end]
                tokens = set(tokenize(sentence)) | header
                lexical = topic.covered(tokens, _matches)
                keys = [k for k in question.key_terms if _key_in(k, sentence, [])]
                answers = [c for c in candidates(question.expects, document.text, start, end, self._is_common)
                           if c.value not in question_values]
                if question.counted and question.expects == "number":
                    answers = [c for c in answers if self._counts(question, document.text, c)]
                # A party named in the sentence is stronger evidence than the document's metadata.
                typed = 1.0 if answers else 0.5 if question.expects == "party" and doc_parties else 0.0
                found.append(SentenceEvidence(
                    document, scored, start, end,
                    lexical=lexical,
                    prior=scored.score / best_chunk_score,
                    key_share=len(keys) / len(question.key_terms) if question.key_terms else 1.0,
                    chunk_has_keys=chunk_has_keys,
                    answers=answers,
                    typed=typed,
                ))
        if not found:
            return []
        self._credit_continuations(found)
        # Embedding sentences is the costly part of a question: only the most promising ones
        # by every other signal are embedded; the rest keep the lowest similarity seen.
        def partial(item: SentenceEvidence) -> float:
            return (WEIGHTS["lexical"] * item.lexical + WEIGHTS["prior"] * item.prior
                    + WEIGHTS["type"] * item.typed + WEIGHTS["keys"] * item.key_share)

        shortlist = sorted(found, key=partial, reverse=True)[: self.max_embedded]
        vectors = self.sentence_vectors([(e.document, e.start, e.end) for e in shortlist])
        dense = vectors @ self.index.embed_question(question.search or question.text)
        low, high = float(dense.min()), float(dense.max())
        similarity = {id(item): float(value) for item, value in zip(shortlist, dense, strict=True)}
        for item in found:
            item.dense = similarity.get(id(item), low)
            dense_scaled = (item.dense - low) / (high - low) if high > low else 1.0
            item.score = WEIGHTS["dense"] * dense_scaled + partial(item)
        return sorted(found, key=lambda e: -e.score)

    @staticmethod
    def _credit_continuations(found: list[SentenceEvidence]) -> None:
        """A sentence whose list item or paragraph goes on to the asked-for figure ("...
        avhopparlinje ... Denna ska ... (+1 mnkr)") is nearly as good as one holding it:
        ``_continue_item`` will extend its quote to include it."""
        for current, following in zip(found, found[1:]):
            same_line = (current.document is following.document
                         and "\n" not in current.document.text[current.end:following.start])
            if same_line and following.answers and not current.answers:
                current.typed = max(current.typed, 0.8)

    def _counts(self, question: Question, text: str, candidate: Candidate) -> bool:
        """Whether the number counts what the question counts: the words right after it
        name the same thing ("156 bekräftade skjutningar" for "hur många skjutningar").
        Swedish questions compare stems; English ones compare e5 vectors across languages."""
        following = _following_words(text, candidate)
        if not following or question.counted is None:
            return False
        if question.language == "sv":
            counted = tokenize(question.counted)
            return bool(counted) and any(_matches(counted[0], {t}) for t in tokenize(following))
        vectors = self._vectors_of([question.counted] + following.split())
        return float(np.max(vectors[1:] @ vectors[0])) >= self.thresholds.min_counted_similarity

    def _vectors_of(self, words: list[str]) -> np.ndarray:
        missing = [w for w in words if w not in self._word_vectors]
        if missing:
            for word, vector in zip(missing, self.index.embed_sentences(missing), strict=True):
                self._word_vectors[word] = vector
        return np.stack([self._word_vectors[w] for w in words])

    def _is_common(self, word: str) -> bool:
        """An ordinary word: its stem occurs in many passages of the corpus."""
        stems = tokenize(word)
        if not stems:
            return True  # a stop word
        frequency = self.index.sparse.document_frequency.get(stems[0], 0)
        return frequency > max(2, 0.002 * len(self.index.sparse))

    @staticmethod
    def _question_values(question: Question) -> set[str]:
        """Values the question already states; an answer must add something new."""
        values = set(question.parties)
        for kind in ("number", "amount", "date", "person"):
            values.update(c.value for c in candidates(kind, question.text, 0, len(question.text)))
        values.update(k.lower() for k in question.key_terms)
        return values

    # ---- the gate --------------------------------------------------------------------------

    def supported(self, question: Question, best: SentenceEvidence, ranked: list[SentenceEvidence]) -> bool:
        """The evidence gate. Word overlap is measured in Swedish, so an English question
        over Swedish text relies on similarity (and on its names and numbers) alone."""
        t = self.thresholds
        floor = t.min_dense_english if question.language == "en" else t.min_dense
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

    # ---- answers ---------------------------------------------------------------------------

    def answer(self, question: Question, chunks: list[ScoredChunk]) -> Draft:
        ranked = self.evidence(question, chunks)
        if not ranked:
            return Draft(answerable=False)
        usable = [e for e in ranked if e.chunk_has_keys] or ranked
        best = usable[0]
        if not self.supported(question, best, usable):
            return Draft(answerable=False)

        if question.expects in ("author", "party"):
            draft = self._from_metadata(question, usable)
            if draft is not None:
                return draft
        if question.expects == "person":
            with_names = [e for e in usable[:5] if e.answers]
            if with_names and with_names[0].score >= 0.8 * best.score:
                best = with_names[0]
        if question.counted and question.expects == "number" and not any(e.answers for e in usable[:5]):
            return Draft(answerable=False)  # nothing counts what the question counts
        best = self._continue_item(best, ranked, question)
        draft = Draft(answerable=True, claims=[Claim(best.document, best.start, best.end)])
        if best.answers:
            draft.short.append((self._pick(best, question).surface(best.document.text), 1))
            self._add_conflict(question, usable, best, draft)
        return draft

    @staticmethod
    def _continue_item(best: SentenceEvidence, ranked: list[SentenceEvidence], question: Question) -> SentenceEvidence:
        """The answer often sits in the next sentence of the same list item or paragraph
        ("... dygnet runt. Denna ska ... (+1 mnkr)", "... ska inrättas. Gärna ... i Rinkeby.").
        Extend the best sentence over up to two following sentences of the same line: to the
        first one holding an answer of the asked kind, or, for open questions, while they
        share words with the question and the quote stays short."""
        text = best.document.text
        following = sorted(
            (e for e in ranked if e.document.doc_id == best.document.doc_id and e.start >= best.end),
            key=lambda e: e.start,
        )
        extended = best
        following = [e for e in following if e.end - best.start <= 600]
        for item in following[:2]:
            if "\n" in text[extended.end:item.start]:
                break
            if question.expects != "other" and not best.answers:
                if item.answers:
                    return replace(best, end=item.end, answers=item.answers)
                continue
            if question.expects == "other" and item.lexical > 0 and item.end - best.start <= 400:
                extended = replace(extended, end=item.end)
            else:
                break
        return extended

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
        if question.expects not in ("date", "number", "amount") or not question.key_terms:
            return  # a conflict needs a named subject both documents speak of
        best_value = self._pick(best, question).value
        for other in ranked[1:8]:
            if other.document.doc_id == best.document.doc_id or not other.answers:
                continue
            if other.key_share < 1.0 or other.lexical < 0.4 or other.dense < self.thresholds.min_dense - 0.02:
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
                             claims=[Claim(best.document, best.start, best.end)])
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
        draft = Draft(answerable=True)
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
    return f"{party_name(party, language)} ({party})"
