"""Summaries of one document: "Sammanfatta Hägersten-Älvsjös svar på skrivelsen", "Vad handlar
interpellationen om?", "Summarise the memo".

When a summary question names nothing but a document (words of its heading block, its title or
its kind), the answer is that document's own points, not the sentences most like the
question (which are the lines that repeat its name): its own summary section first
("Sammanfattning"), then the sentences closest to the document as a whole (the mean of its
sentence vectors), chosen by maximal marginal relevance so that they say different things,
shown in the document's order. Numbers: ``ListSettings``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from assistant.listing import LIST_WORDS, by_marginal_relevance, is_heading, is_statement, proposes_span
from assistant.question import Question
from assistant.scoring import ANSWER_TYPE_TERMS, SentenceEvidence, is_question
from index import DocumentRecord, speaker_at
from index.parties import find_parties
from index.text import split_sentences, tokenize

if TYPE_CHECKING:
    from assistant.answering import Draft, ExtractiveAnswerer

# A question asking for a summary rather than for points on a topic.
SUMMARY = re.compile(r"\bsammanfatta|\bsammanfattning|\bi korthet\b|\bhuvudpunkter|\bvad\s+handlar\b|\bsummar"
                     r"|\bwhat\s+(?:is|was)\s+.+\s+about\b|\bmain points\b|\boverview\b", re.IGNORECASE)
# Words that only ask for the summary ("Sammanfatta …", "Vad handlar … om?", "Summarise …").
_SUMMARY_WORDS = frozenset(tokenize("sammanfatta sammanfattning korthet huvudpunkter handlar handla "
                                    "summarise summarize summary main points overview about"))
# The heading of a document's own summary section.
_OWN_SUMMARY = re.compile(r"^\s*(?:sammanfattning|sammandrag|summary)\s*$", re.IGNORECASE)


def summarised_document(answerer: ExtractiveAnswerer, question: Question,
                        ranked: list[SentenceEvidence]) -> DocumentRecord | None:
    """The document a summary question names and nothing else, best ranked first; None when
    the question is no summary question or names a topic as well."""
    if question.shape != "list" or not SUMMARY.search(question.text):
        return None
    words = [t for t in tokenize(question.text)
             if t not in _SUMMARY_WORDS and t not in ANSWER_TYPE_TERMS and t not in LIST_WORDS]
    if not words:
        return None  # "Sammanfatta vad partierna föreslår": a list across documents
    # The document's title lines only, not its opening body text: "Sammanfatta vad Jan Jönsson
    # säger att han genomförde" names words of the interpellation's first paragraph, and is a
    # list on that topic.
    return answerer.named_document(words, ranked, titles_only=True)


def summarise(answerer: ExtractiveAnswerer, document: DocumentRecord, ranked: list[SentenceEvidence],
              parties: tuple[str, ...] = (), proposals: bool = False) -> Draft:
    """The document's points; with ``parties`` ("Sammanfatta Moderaternas förslag i artikeln"),
    those that these parties' speakers say, when they say any; with ``proposals``, what they
    put forward, when they put anything forward (not their background and reasons)."""
    from assistant.answering import Draft, DraftItem, Claim

    settings = answerer.settings.lists
    text = document.text
    spans = [(s, e) for s, e in split_sentences(text, 0, len(text))]
    points = [(s, e) for s, e in spans if _is_point(document, s, e, settings.min_words)]
    if parties:
        said = [(s, e) for s, e in points if set(_parties_at(document, s, e)) & set(parties)]
        points = said or points
        if proposals:
            put_forward = [(s, e) for s, e in points if proposes_span(text, s, e)]
            points = put_forward or points
    if not points:
        return Draft(answerable=False)
    own = _own_summary(document, spans)
    # The fact first: the document's sentence most like the question leads, then its own
    # summary section and the sentences closest to the whole, in the document's order.
    lead = next(((e.start, e.end) for e in ranked if e.document.doc_id == document.doc_id
                 and (e.start, e.end) in points), None)
    chosen = ([lead] if lead else []) + [span for span in own if span in points and span != lead][: settings.summary_own]
    vectors = answerer.sentence_vectors([(document, s, e) for s, e in points])
    centre = vectors.mean(axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    relevance = vectors @ centre
    picked = by_marginal_relevance(vectors, relevance, settings, chosen=[points.index(span) for span in chosen])
    draft = Draft(answerable=True, shape="list")
    for i in picked[:1] + sorted(picked[1:], key=lambda i: points[i][0]):
        start, end = points[i]
        speaker = speaker_at(document.speakers, start, end)
        n = draft.cite(Claim(document, start, end, speaker))
        label = speaker.label() if speaker is not None else None
        draft.items.append(DraftItem(" ".join(text[start:end].split()), [n], label or None,
                                     speaker.parties if speaker else ()))
    return draft


def _parties_at(document: DocumentRecord, start: int, end: int) -> tuple[str, ...]:
    speaker = speaker_at(document.speakers, start, end)
    return speaker.parties if speaker is not None else ()


def _is_point(document: DocumentRecord, start: int, end: int, min_words: int) -> bool:
    sentence = document.text[start:end]
    return len(sentence.split()) >= min_words and not is_question(sentence) and is_statement(document.text, start, end)


def _own_summary(document: DocumentRecord, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences under the document's own summary heading, up to the next heading."""
    text = document.text
    out: list[tuple[int, int]] = []
    inside = False
    for start, end in spans:
        if is_heading(text, start, end):
            if inside:
                break
            inside = bool(_OWN_SUMMARY.match(text[start:end]))
            continue
        if inside:
            out.append((start, end))
    return out


def party_proposals(answerer: ExtractiveAnswerer, ranked: list[SentenceEvidence]) -> Draft | None:
    """"Sammanfatta vad partierna föreslår", "What do the parties propose?": what each party
    puts forward in the documents found for it, grouped by party. A party's proposals are
    the points its speakers make that put something forward ("vill", "ska", a bullet under
    "Några av våra förslag"), read from the whole of those documents, not only the passages
    most like the bare question (which are often a party's criticism of another's proposal);
    each party's are those closest to all it proposes (the mean of their vectors), by maximal
    marginal relevance. Parties come in the order their best sentence was ranked, and share
    ``ListSettings.max_items`` between them (at least one each). None when no party proposes
    anything there."""
    from assistant.answering import Claim, Draft, DraftItem

    settings = answerer.settings.lists
    documents = list({e.document.doc_id: e.document for e in ranked}.values())
    order = list(dict.fromkeys(e.parties for e in ranked if e.parties))
    by_party: dict[tuple[str, ...], list[tuple[DocumentRecord, int, int]]] = {}
    for document in documents:
        text = document.text
        for start, end in split_sentences(text, 0, len(text)):
            parties = _parties_at(document, start, end)
            if parties and _is_point(document, start, end, settings.min_words) and proposes_span(text, start, end) \
                    and not _of_another_party(text, start, end, parties):
                by_party.setdefault(parties, []).append((document, start, end))
    groups = [p for p in order if p in by_party] + [p for p in by_party if p not in order]
    if not groups:
        return None
    share = max(settings.proposals_per_party, settings.max_items // len(groups))
    draft = Draft(answerable=True, shape="list")
    for parties in groups:
        points = by_party[parties]
        vectors = answerer.sentence_vectors(points)
        centre = vectors.mean(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        limited = replace(settings, max_items=min(share, len(points)))
        for i in sorted(by_marginal_relevance(vectors, vectors @ centre, limited),
                        key=lambda i: (points[i][0].doc_id, points[i][1])):
            document, start, end = points[i]
            speaker = speaker_at(document.speakers, start, end)
            n = draft.cite(Claim(document, start, end, speaker))
            draft.items.append(DraftItem(" ".join(document.text[start:end].split()), [n],
                                         (speaker.label() or None) if speaker else None, parties))
    return draft


def _of_another_party(text: str, start: int, end: int, parties: tuple[str, ...]) -> bool:
    """Whether the sentence names parties, none of them the speaker's: it reports what others
    hold ("Socialdemokraterna menade vidare att … ska Sluta skjut införas" in a Liberal's
    interpellation), not what the speaker proposes."""
    named = {m.party for m in find_parties(text, start, end)}
    return bool(named) and not named & set(parties)
