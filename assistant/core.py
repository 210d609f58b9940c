"""The entry object: ``Assistant.open().ask(question) -> Answer``."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.answering import Claim, Draft, ExtractiveAnswerer
from assistant.errors import DocumentNotFoundError, QuestionError
from assistant.formatting import answer_text, quote_lines
from assistant.glossary import swedish_words
from assistant.generation import Generator, GeneratorError, make_generator
from assistant.generative import GeneratedDraft, GenerativeAnswerer
from assistant.phrases import phrase
from assistant.question import (ANSWER_TYPE_TERMS, MAX_QUESTION_CHARS, Question, analyze, asked_speaker, is_follow_up, person_of,
                                refers_to_quoted_noun, with_answered_person, with_compound_referent, with_context, with_named_referent,
                                with_their_party)
from assistant.reranking import RerankWeights
from assistant.retrieval import HybridRetriever, Retriever, ScoredChunk
from assistant.settings import Settings
from assistant.types import Answer, AnswerItem, Citation, Filters, PageView, Passage
from index import DocumentRecord, FastE5Embedding, Index, IndexReport, LoadProblem, speaker_at
from index.text import tokenize

History = Sequence[Any]
"""Earlier turns: questions as strings, or ``Answer`` objects."""


_COMPOUND_STEM = 5  # a glossed stem this long is looked for inside compounds (as stem_matches does)


def _conversation_focus(history: History | None, analysed: Question, filters: Filters | None) -> set[str]:
    """The documents the previous answer cited, when the new question names no person,
    place, party or number of its own that could point elsewhere (and no filter chose)."""
    if not history or analysed.key_terms or analysed.parties or (filters is not None and filters.doc_ids):
        return set()
    return {citation.doc_id for citation in getattr(history[-1], "citations", None) or []}


def _questions(history: History) -> list[str]:
    return [turn if isinstance(turn, str) else getattr(turn, "question", "") for turn in history]


def _citations(claims: list[Claim]) -> list[Citation]:
    """Claims numbered from 1 as citations; each quote is ``document.text[start:end]``, and
    each carries the speaker of its span."""
    out = []
    for n, claim in enumerate(claims, start=1):
        document = claim.document
        speaker = claim.speaker or speaker_at(document.speakers, claim.start, claim.end)
        page = document.page_of(claim.start)
        out.append(Citation(n, document.doc_id, document.source, document.title,
                            document.text[claim.start:claim.end], claim.start, claim.end,
                            (speaker.label() or None) if speaker else None,
                            speaker.parties if speaker else (), page,
                            page is not None and page in document.ocr_pages))
    return out


def _merged(chunks: list[ScoredChunk], more: list[ScoredChunk]) -> list[ScoredChunk]:
    """``chunks`` followed by those of ``more`` not already there."""
    seen = {c.chunk.chunk_id for c in chunks}
    return list(chunks) + [c for c in more if c.chunk.chunk_id not in seen]


def _line_boxes(boxes: list[list[float]]) -> list[tuple[float, float, float, float]]:
    """Character boxes merged into one box per line (characters in reading order)."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        last = lines[-1] if lines else None
        if last is not None and min(top, last[3]) - max(bottom, last[1]) > 0 and left >= last[0] - 1:
            last[0], last[1] = min(last[0], left), min(last[1], bottom)
            last[2], last[3] = max(last[2], right), max(last[3], top)
        else:
            lines.append([left, bottom, right, top])
    return [tuple(line) for line in lines]


MAX_SEARCH_RESULTS = 50


class Assistant:
    def __init__(self, index: Index, settings: Settings | None = None, answerer: ExtractiveAnswerer | None = None,
                 generator: Generator | None = None, retriever: Retriever | None = None):
        self.settings = settings or Settings()
        self.store = index
        self.retriever: Retriever = retriever or HybridRetriever(
            index, fusion=self.settings.fusion, dense_weight=self.settings.dense_weight,
            rerank=RerankWeights() if self.settings.rerank else None)
        # The evidence gate's thresholds are calibrated for the default embedder's similarities;
        # another embedder comes with an answerer calibrated for it.
        self.answerer = answerer or ExtractiveAnswerer(index)
        self.generator = generator
        self.generative = GenerativeAnswerer(self.answerer, generator) if generator is not None else None

    @classmethod
    def open(cls, data_dir: str | Path | None = None, settings: Settings | None = None,
             embed_model: BaseEmbedding | None = None) -> Assistant:
        """Open (or create) the index in ``data_dir``, default: the settings' data dir."""
        settings = settings or Settings()
        if data_dir is not None:
            settings = settings.model_copy(update={"data_dir": Path(data_dir)})
        index = Index(settings.data_dir, embed_model or FastE5Embedding(), chroma_url=settings.chroma_url,
                      embed_batch=settings.embed_batch, lock_timeout=settings.lock_timeout,
                      sentence_vectors=settings.sentence_vectors)
        generator = make_generator(settings.llm, settings.llm_url, settings.llm_model, settings.llm_timeout)
        assistant = cls(index, settings, generator=generator)
        if settings.gc_freeze:
            gc.freeze()
        return assistant

    # ---- documents -----------------------------------------------------------------------

    def index(self, paths: Iterable[str | Path], progress: Callable[[int, int, str], None] | None = None,
              report: Callable[[LoadProblem], None] | None = None) -> IndexReport:
        """Add or update the documents under ``paths`` (files, folders, JSONL)."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return self.store.add(paths, progress=progress, report=report)

    def ensure_seeded(self, progress: Callable[[int, int, str], None] | None = None) -> IndexReport | None:
        """Index the bundled seeds when the index is empty; None when nothing was needed."""
        if not self.store.is_empty():
            return None
        return self.store.add([self.settings.seeds_dir], progress=progress)

    def documents(self) -> list[DocumentRecord]:
        return self.store.documents()

    def document(self, doc_id: str) -> DocumentRecord:
        found = self.store.document(doc_id)
        if found is None:
            raise DocumentNotFoundError(f"No indexed document has the id {doc_id!r}; see `assistant documents`.")
        return found

    def page_view(self, doc_id: str, page: int, start: int | None = None, end: int | None = None,
                  scale: float = 1.5) -> PageView:
        """Page ``page`` of a PDF rendered as an image, with the boxes of the characters
        ``start:end`` of the stored text that lie on it (a citation's span)."""
        from index.pdf import render_page

        document = self.document(doc_id)
        original = self.store.original_path(document)
        if not document.page_starts or original is None or not original.exists():
            raise DocumentNotFoundError(f"{doc_id} has no pages to show (only PDFs have pages).")
        if not 1 <= page <= document.page_count:
            raise DocumentNotFoundError(f"{doc_id} has pages 1 to {document.page_count}, not {page}.")
        image = render_page(original, page, scale)
        layout = self.store.page_layout(doc_id, page)
        boxes = []
        if layout is not None and start is not None and end is not None:
            sx, sy = image.width / layout.width, image.height / layout.height
            for left, bottom, right, top in _line_boxes(layout.boxes_between(start, end).tolist()):
                boxes.append((left * sx, image.height - top * sy, right * sx, image.height - bottom * sy))
        return PageView(doc_id, page, document.page_count, image, boxes,
                        page in document.ocr_pages, start, end)

    def facets(self) -> dict[str, list[str]]:
        """The values the filters can take: parties that say something, and document kinds."""
        self.store.refresh()
        parties, kinds = self.store.records.facet_values()
        return {"parties": parties, "kinds": kinds}

    def delete(self, doc_id: str) -> None:
        if not self.store.delete(doc_id):
            raise DocumentNotFoundError(f"No indexed document has the id {doc_id!r}; nothing was deleted.")

    # ---- questions -----------------------------------------------------------------------

    @staticmethod
    def validate(question: Any) -> str:
        if not isinstance(question, str):
            raise QuestionError("The question must be text.")
        cleaned = question.strip()
        try:
            cleaned.encode("utf-8")
        except UnicodeEncodeError:
            raise QuestionError("The question holds bytes that are not valid text (not UTF-8, or unpaired "
                                "surrogates); write it again as plain text.") from None
        if not cleaned:
            raise QuestionError("The question is empty: write a question, e.g. \"Vem skrev interpellationen om Trefas?\"")
        if len(cleaned) > MAX_QUESTION_CHARS:
            raise QuestionError(
                f"The question is {len(cleaned)} characters long; the limit is {MAX_QUESTION_CHARS}. Shorten it."
            )
        return cleaned

    def _allowed(self, filters: Filters | None) -> tuple[set[str] | None, set[str] | None]:
        """(documents, chunks) the filters allow; None: no restriction. Kind and date are the
        document's; a party is the speaker's: a chunk passes when a party it asks for says
        some part of it (a reservation in a memo, a quoted politician in an article). Answered
        by the records store's filter columns, without reading any document."""
        if filters is None or filters.is_empty():
            return None, None
        self.store.refresh()
        return self.store.records.filtered(set(filters.kinds), filters.date_from, filters.date_to,
                                           set(filters.doc_ids), set(filters.parties))

    @staticmethod
    def understand(question: str, history: History | None = None) -> Question:
        """The question, analysed; a follow-up ("Och vad kostar det?", "What about the
        Moderates?") is read with the conversation's earlier questions (``is_follow_up``),
        a complete question on its own, however short."""
        analysed = analyze(question)
        quotes = [citation.quote for citation in getattr(history[-1], "citations", None) or []] if history else []
        if history:
            # "Vilket pris har metoden fått?" after an answer quoting "metoden Sluta skjut":
            # the question about Sluta skjut, complete on its own.
            named = with_named_referent(question, quotes)
            if named is not None:
                return analyze(named)
            # "Vilken metod vill hennes parti införa?" after "Vem är Clara Lindblom?".
            parties = {p for item in getattr(history[-1], "items", None) or [] for p in item.parties}
            theirs = with_their_party(question, parties)
            if theirs is not None:
                return replace(analyze(theirs), text=question, search=theirs)
            # "Vem har tagit fram programmet?" after a quote of "… ett sommarlovsprogram …".
            compound = with_compound_referent(question, quotes)
            if compound is not None:
                return replace(analyze(compound), text=question, search=compound)
            # "Vilken roll hade han?" after an answer naming a person: the question about them.
            previous = history[-1]
            answered = with_answered_person(question, _questions([previous])[0] or "",
                                            getattr(previous, "short_answer", None))
            if answered is not None:
                return replace(analyze(answered), text=question, search=answered)
        if not history or not (is_follow_up(analysed) or refers_to_quoted_noun(question, quotes)):
            return analysed
        previous_questions = [q for q in _questions(history) if q]
        if not previous_questions:
            return analysed
        # The previous question, itself read with its own context when it was a follow-up.
        return with_context(analysed, Assistant.understand(previous_questions[-1], previous_questions[:-1][-2:]))

    def retrieve(self, question: str, filters: Filters | dict | None = None, k: int | None = None) -> list[ScoredChunk]:
        allowed, chunks = self._allowed(Filters.coerce(filters))
        if chunks is None:
            return self.retriever.retrieve(question, k or self.settings.passages, allowed)
        return self.retriever.retrieve(question, k or self.settings.passages, allowed, chunks)

    def search(self, query: str, k: int = 5, filters: Filters | dict | None = None) -> list[Passage]:
        """The ``k`` passages that best match ``query`` (hybrid retrieval), with offsets and pages."""
        query = self.validate(query)
        if not 1 <= k <= MAX_SEARCH_RESULTS:
            raise QuestionError(f"k must be between 1 and {MAX_SEARCH_RESULTS}.")
        found = [self._passage(scored) for scored in self.retrieve(query, filters, k)]
        return [p for p in found if p is not None]

    def excerpt(self, doc_id: str, start: int | None = None, end: int | None = None) -> dict[str, Any]:
        """The exact text of ``doc_id`` between two offsets (the whole text without them)."""
        document = self.document(doc_id)
        start = 0 if start is None else start
        end = len(document.text) if end is None else end
        if not 0 <= start <= end <= len(document.text):
            raise QuestionError(f"Offsets must satisfy 0 <= start <= end <= {len(document.text)} for {doc_id}.")
        return {"doc_id": doc_id, "title": document.title, "source": document.source, "start": start, "end": end,
                "page": document.page_of(start), "text": document.text[start:end], "length": len(document.text)}

    def ask(self, question: str, history: History | None = None, filters: Filters | dict | None = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        """Answer ``question`` from the documents. With a generator set, ``on_token`` receives
        the model's reply as it streams; the returned Answer holds the verified version."""
        question = self.validate(question)
        analysed = self.understand(question, history)
        short = getattr(history[-1], "short_answer", None) if history else None
        if analysed.search is not None and short:
            # "Vem är stadsdelsdirektör?" … "And who is the head of department?": a follow-up
            # asks for something the previous answer did not give.
            analysed = replace(analysed, answered=(short,))
        notice = None
        if self.generative is not None and analysed.search is not None:
            try:
                rewritten = self.generative.standalone(question, _questions(history or []), analysed.language)
                analysed = replace(analysed, search=rewritten)
            except GeneratorError as error:
                notice = phrase(analysed.language, "model_down", error=str(error))
        query = analysed.search or question
        if analysed.language == "en":
            # The documents are Swedish: the English words' Swedish equivalents join the query.
            query = f"{query} {self._glossed(query)}".rstrip()
        filters = Filters.coerce(filters)
        k = self.settings.passages
        if analysed.shape == "list":
            k = max(k, self.answerer.settings.lists.passages)
            if analysed.parties and (filters is None or not filters.parties) and asked_speaker(analysed) is None:
                # "Vad vill Moderaterna?": what the party says, wherever it says it (not so
                # "Vad säger Ojanne om Moderaternas förslag?": his words about theirs).
                filters = replace(filters or Filters(), parties=analysed.parties)
        person = person_of(analysed) if analysed.shape != "who" else None
        if person is None:
            chunks = self.retrieve(query, filters, k)
        else:
            # "How much money does Clara Lindblom want?": what she says comes first, also the
            # passages of her statement that do not repeat her name.
            chunks = self.retrieve(query, filters, max(k, self.answerer.settings.person_reach))
            chunks = self._spoken_by_first(chunks, person)[:k]
        if analysed.shape == "list" and analysed.about_parties and not analysed.parties and (
                filters is None or not filters.parties):
            chunks = self._with_every_party(query, filters, chunks)
        if analysed.shape == "who" and analysed.subject:
            # Every passage naming the person, not only those like the question as a whole.
            chunks = _merged(chunks, self.retrieve(analysed.subject, filters, self.answerer.settings.who_passages))
        passages = [p for p in (self._passage(c) for c in chunks) if p is not None]
        chunks = [c for c in chunks if self.store.document(c.chunk.doc_id) is not None]  # deleted meanwhile
        if not chunks:
            return self._declined(question, analysed, passages)
        if self.generative is not None and notice is None:
            try:
                generated = self.generative.answer(analysed, chunks, on_token)
            except GeneratorError as error:
                notice = phrase(analysed.language, "model_down", error=str(error))
            else:
                if isinstance(generated, GeneratedDraft):
                    return self._compose_generated(question, analysed, generated, passages)
                return self._compose(question, analysed, generated, passages)
        draft = self.answerer.answer(analysed, chunks)
        focus = _conversation_focus(history, analysed, filters)
        if focus and not {claim.document.doc_id for claim in draft.claims} <= focus and (
                max((draft.cover_by_document.get(d, 0.0) for d in focus), default=0.0) >= draft.best_cover):
            # "Vilka partier skrev skrivelsen i Hägersten-Älvsjö?" … "Vilket parti lämnade ett
            # ersättaryttrande?": a question that names nothing of its own is read in the
            # documents the conversation is about, when a sentence there covers as many of its
            # words as the best one anywhere; otherwise as asked.
            focused = self.retrieve(query, replace(filters or Filters(), doc_ids=tuple(sorted(focus))), k)
            focused_draft = self.answerer.answer(analysed, focused) if focused else None
            if focused_draft is not None and focused_draft.answerable:
                draft = focused_draft
                passages = [p for p in (self._passage(c) for c in focused) if p is not None]
        own = analyze(question)
        if not draft.answerable and history and analysed.search is not None and (own.parties or own.key_terms) \
                and is_follow_up(own) and (filters is None or not filters.doc_ids):
            # "Vad föreslår Vänsterpartiet för Järva?" … "Och vad säger Feministiskt initiativ?":
            # the party or person asked about next need not speak of the first question's words;
            # what they say in the documents the conversation is about answers it (nothing, when
            # they do not speak there).
            cited = tuple(sorted({c.doc_id for c in getattr(history[-1], "citations", None) or []}))
            if cited:
                alone = self.ask(question, filters=replace(filters or Filters(), doc_ids=cited))
                if alone.answerable:
                    return alone
        answer = self._compose(question, analysed, draft, passages)
        if notice:
            answer = replace(answer, text=f"{notice}\n\n{answer.text}", notice=notice)
        return answer

    def _glossed(self, query: str) -> str:
        """The Swedish equivalents of an English query's words (``assistant.glossary``) and
        the compounds of the corpus that hold them ("defector": "avhoppare", "avhopparlinje")."""
        swedish = swedish_words(query, ANSWER_TYPE_TERMS)
        stems = [t for t in dict.fromkeys(tokenize(swedish)) if len(t) >= _COMPOUND_STEM]
        per_word = self.answerer.settings.compounds_per_word
        compounds = [w for t in stems for w in self.store.sparse.compounds(t, per_word)]
        return " ".join([swedish, *compounds])

    def _spoken_by_first(self, chunks: list[ScoredChunk], person: str) -> list[ScoredChunk]:
        """``chunks`` with those that ``person`` speaks in (a section or quote attributed to
        them, index.speakers) first, each group in its own order."""
        def spoken(scored: ScoredChunk) -> bool:
            document = self.store.document(scored.chunk.doc_id)
            return document is not None and any(
                speaker.is_named(person) and speaker.start < scored.chunk.end and scored.chunk.start < speaker.end
                for speaker in document.speakers)
        return sorted(chunks, key=lambda scored: not spoken(scored))

    @staticmethod
    def _declined(question: str, analysed: Question, passages: list[Passage], **extra: Any) -> Answer:
        return Answer(question, phrase(analysed.language, "no_support"), False, [], passages, analysed.language,
                      **extra)

    def _with_every_party(self, query: str, filters: Filters | None, chunks: list[ScoredChunk]) -> list[ScoredChunk]:
        """"Sammanfatta vad partierna föreslår": the best passages said by each party, so that
        one party's long text does not crowd out the others."""
        per_party = self.answerer.settings.lists.passages_per_party
        for party in self.facets()["parties"]:
            chunks = _merged(chunks, self.retrieve(query, replace(filters or Filters(), parties=(party,)), per_party))
        return chunks

    def _compose_generated(self, question: str, analysed: Question, draft: GeneratedDraft,
                           passages: list[Passage]) -> Answer:
        language = analysed.language
        if not draft.answerable:
            return self._declined(question, analysed, passages)
        citations = _citations(draft.claims)
        if not citations:  # nothing the model wrote could be tied to a passage
            text = phrase(language, "no_support") + "\n\n" + phrase(language, "model_uncited")
            return Answer(question, text, False, [], passages, language, unsupported=draft.unsupported)
        text = draft.text
        if draft.unsupported:
            text += "\n\n" + phrase(language, "unsupported", sentences=" / ".join(draft.unsupported))
        text += "\n\n" + "\n".join(quote_lines(citations))
        return Answer(question, text, True, citations, passages, language, unsupported=draft.unsupported,
                      shape="generated")

    def _passage(self, scored: ScoredChunk) -> Passage | None:
        document = self.store.document(scored.chunk.doc_id)
        if document is None:
            return None  # deleted while the question was being answered
        return Passage(
            doc_id=document.doc_id, source=document.source, title=document.title,
            text=document.text[scored.chunk.start:scored.chunk.end], score=scored.score,
            chunk_id=scored.chunk.chunk_id, start=scored.chunk.start, end=scored.chunk.end,
            metadata=document.metadata.to_dict(), page=document.page_of(scored.chunk.start),
        )

    @staticmethod
    def _compose(question: str, analysed: Question, draft: Draft, passages: list[Passage]) -> Answer:
        if not draft.answerable:
            return Assistant._declined(question, analysed, passages)
        citations = _citations(draft.claims)
        items = [AnswerItem(item.text, tuple(item.claims), item.speaker, tuple(item.parties)) for item in draft.items]
        answer = Answer(question, "", True, citations, passages, analysed.language,
                        draft.short[0][0] if draft.short else None, shape=draft.shape, items=items,
                        subject=draft.subject, note=draft.note)
        return replace(answer, text=answer_text(answer))
