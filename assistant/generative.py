"""Answers written by a language model, held to the same evidence as the extractive ones.

1. The extractive evidence gate runs first; a question it declines never reaches the model.
2. The model sees the top passages, numbered, with their metadata headers (``prompts``).
3. Its ``[n]`` markers are mapped back: a marker naming no passage is dropped; each kept
   marker gets the exact sentence span of passage n that best supports the claim, and is
   renumbered so that every ``[k]`` in the text is citation k. A sentence left without a
   valid marker is listed as unsupported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.answering import Claim, Draft, ExtractiveAnswerer
from assistant.generation import Generator, Message
from assistant.phrases import phrase
from assistant.prompts import PASSAGE, QUESTION, STANDALONE, SYSTEM
from assistant.question import Question
from assistant.retrieval import ScoredChunk
from index.text import split_sentences, tokenize

_MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")


@dataclass
class GeneratedDraft:
    answerable: bool
    text: str = ""
    claims: list[Claim] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


class GenerativeAnswerer:
    def __init__(self, extractive: ExtractiveAnswerer, generator: Generator, max_passages: int = 5):
        self.extractive = extractive
        self.index = extractive.index
        self.generator = generator
        self.max_passages = max_passages

    # ---- prompts -------------------------------------------------------------------------

    def messages(self, question: Question, passages: Sequence[ScoredChunk]) -> list[Message]:
        blocks = []
        for n, scored in enumerate(passages, start=1):
            document = self.index.document(scored.chunk.doc_id)
            text = document.text[scored.chunk.start:scored.chunk.end] if document else ""
            blocks.append(PASSAGE.format(n=n, header=scored.chunk.header, text=text.strip()))
        language = question.language
        return [Message("system", SYSTEM[language]),
                Message("user", QUESTION[language].format(passages="\n\n".join(blocks),
                                                          question=question.search or question.text))]

    def standalone(self, question: str, history: Sequence[str], language: str) -> str:
        """One model call that turns a follow-up into a question that stands on its own."""
        transcript = "\n".join(f"- {turn}" for turn in history[-4:])
        reply = self.generator.generate([Message("user", STANDALONE[language].format(history=transcript, question=question))])
        rewritten = reply.strip().splitlines()[0].strip() if reply.strip() else ""
        return rewritten or question

    # ---- answering -----------------------------------------------------------------------

    def answer(self, question: Question, chunks: list[ScoredChunk],
               on_token: Callable[[str], None] | None = None) -> GeneratedDraft | Draft:
        ranked = self.extractive.evidence(question, chunks)
        usable = [e for e in ranked if e.chunk_has_keys] or ranked
        if not usable or not self.extractive.supported(question, usable[0], usable):
            return Draft(answerable=False)  # declined before any model call
        passages = chunks[: self.max_passages]
        reply = self.generator.generate(self.messages(question, passages), on_token)
        return self.ground(reply, question, passages)

    def ground(self, reply: str, question: Question, passages: Sequence[ScoredChunk]) -> GeneratedDraft:
        """Verify the reply claim by claim. A claim is the text before a marker (back to the
        previous marker or the sentence start); text after a sentence's last marker, or a
        claim whose markers all name no passage, is unsupported."""
        draft = GeneratedDraft(answerable=True)
        spans: dict[tuple[str, int, int], int] = {}
        out: list[str] = []
        for start, end in split_sentences(reply):
            sentence = reply[start:end]
            cursor = 0
            claim_text = ""
            for match in _MARKER.finditer(sentence):
                segment = sentence[cursor:match.start()]
                claim_text = segment if segment.strip() else claim_text  # "[1][2]" cite the same claim
                cursor = match.end()
                numbers = [int(n) for n in re.split(r"\s*[,;]\s*", match.group(1))]
                valid = [n for n in dict.fromkeys(numbers) if 1 <= n <= len(passages)]
                out.append(segment)
                if not valid:
                    if segment.strip():
                        draft.unsupported.append(segment.strip(" ,;"))
                    continue
                for n in valid:
                    doc_id, s, e = self._support(claim_text, passages[n - 1])
                    key = (doc_id, s, e)
                    if key not in spans:
                        draft.claims.append(Claim(self.index.document(doc_id), s, e))
                        spans[key] = len(draft.claims)
                    out.append(f" [{spans[key]}]")
            tail = sentence[cursor:]
            out.append(tail)
            if re.search(r"\w", tail):
                draft.unsupported.append(tail.strip(" ,;.!?"))
            out.append(" ")
        draft.text = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"[ \t]+", " ", "".join(out))).strip()
        refusal = phrase(question.language, "no_support").lower().rstrip(".")
        if not draft.claims and (refusal in reply.lower() or not reply.strip()):
            draft.answerable = False
        return draft

    def _support(self, claim: str, passage: ScoredChunk) -> tuple[str, int, int]:
        """The sentence of ``passage`` that best supports ``claim``: word overlap and e5 similarity."""
        document = self.index.document(passage.chunk.doc_id)
        sentences = split_sentences(document.text, passage.chunk.start, passage.chunk.end)
        if not sentences:
            return document.doc_id, passage.chunk.start, passage.chunk.end
        claim_terms = set(tokenize(claim))
        vectors = self.extractive.sentence_vectors([(document, s, e) for s, e in sentences])
        similarity = vectors @ self.index.embed_sentences([claim])[0]
        scores = []
        for (s, e), dense in zip(sentences, similarity, strict=True):
            terms = set(tokenize(document.text[s:e]))
            overlap = len(claim_terms & terms) / len(claim_terms) if claim_terms else 0.0
            scores.append(overlap + float(dense))
        best = int(np.argmax(scores))
        return document.doc_id, sentences[best][0], sentences[best][1]


