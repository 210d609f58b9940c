"""The extractive answerer: choose the answer's shape from the question, select exact
spans, check that they support it. No language model involved.

understand the question (``assistant.question``) -> score sentences (``assistant.scoring``)
-> gate (``assistant.gate``) -> one of the shapes: factoid (here), list (``assistant.listing``),
who-is (``assistant.whois``) -> a ``Draft`` that ``assistant.formatting`` turns into text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.candidates import BODY_NAME, Candidate, candidates, persons
from assistant.events import (asked_event, asks_denied, asks_past_event, states_event, told_as_denied, told_as_done,
                              which_did, who_did, who_undergoes, why_past_event)
from assistant.gate import supported
from assistant.glossary import ALTERNATIVE, alternatives, swedish_for
from assistant.question import (ROLE_ASKED, ROLE_ASKED_ENGLISH, STANCE_VERBS, STANCE_WORDS, Question, analyze,
                                asked_speaker, asks_for_calendar, is_question_word, member_words, possessor_of,
                                stance_parties)
from assistant.retrieval import ScoredChunk
from assistant.sources import ANY_PAPER_WORDS
from assistant.scoring import (ANSWER_TYPE_TERMS, NAMES_BACK, REFERS_BACK, SENTENCE_ENDS, SentenceEvidence,
                               SentenceScorer, counted_forms, is_heading, key_in, sentence_before, stem_matches,
                               sections_asked, topic_cover)
from assistant.tuning import AnswerSettings, FactoidSettings
from assistant.whois import ROLE_NOUN, party_named_with
from index import DocumentRecord, Index, Speaker
from index.metadata import KIND_NAMES, signatories
from index.parties import find_parties, party_name
from index.text import line_around, split_sentences, tokenize


@dataclass(frozen=True)
class Claim:
    """One cited statement: ``quote`` is ``document.text[start:end]``."""

    document: DocumentRecord
    start: int
    end: int
    speaker: Speaker | None = None


@dataclass
class DraftItem:
    """One point of the answer: its text, the claims (1-based) that support it, and who says it."""

    text: str
    claims: list[int]
    speaker: str | None = None
    parties: tuple[str, ...] = ()


@dataclass
class Draft:
    """What the answerer decided, before it becomes an ``Answer``."""

    answerable: bool
    shape: str = "none"  # factoid | list | who | conflict | open | none
    short: list[tuple[str, int]] = field(default_factory=list)  # (short answer, claim number)
    claims: list[Claim] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    note: str | None = None
    subject: str | None = None  # who-is: the person; list: the party asked about
    # The word cover of the best sentence, and each document's best among the top sentences:
    # whether another document answers as well (a conversation's documents, assistant.core).
    best_cover: float = 0.0
    cover_by_document: dict[str, float] = field(default_factory=dict)

    def cite(self, claim: Claim) -> int:
        """The claim's number, adding it once."""
        for n, known in enumerate(self.claims, start=1):
            if (known.document.doc_id, known.start, known.end) == (claim.document.doc_id, claim.start, claim.end):
                return n
        self.claims.append(claim)
        return len(self.claims)


def kind_words(document: DocumentRecord) -> frozenset[str]:
    """The words that name the document's kind ("promemorian", "the memo" for a promemoria)."""
    kind = document.metadata.value("kind") or ""
    return frozenset(tokenize(f"{kind} {KIND_NAMES.get(kind, '')}"))


# (Not "som" as "as" after a verb: "Vilka står som avsändare på promemorian?")
_RELATIVE_CLAUSE = re.compile(
    r"(?<!\bstår)(?<!\bstod)(?<!\bräknas)(?<!\bfungerar)(?<!\barbetar)\s(?:som|that|which)\s")


def _rapporteur_asked_for(question: Question, document: DocumentRecord) -> Speaker | None:
    """The named rapporteur of a paper (a memo's "Föredragande borgarråden …"), when the
    question names the paper by its kind."""
    # The paper the question asks about, not one a relative clause names ("Vem skrev
    # skrivelsen som promemorian besvarar?" asks for the letter's writer).
    asked = set(tokenize(_RELATIVE_CLAUSE.split(question.text, maxsplit=1)[0]))
    if question.search and not _KIND_WORDS & asked:
        # A follow-up that names no paper ("Vem skrev den?" after "När skrevs promemorian?")
        # asks about the one the conversation named.
        asked = set(tokenize(_RELATIVE_CLAUSE.split(question.search, maxsplit=1)[0]))
    if not kind_words(document) & asked:
        return None
    named = (s for s in document.speakers if s.role == "rapporteur" and s.name and s.evidence_start is not None)
    return next(named, None)


# Words that only ask for a registration number.
_DNR_WORDS = frozenset(tokenize("diarienummer diarienumret diarienr dnr ärendenummer ärendenumret diary registration "
                                "case reference number"))

# The words that name a kind of paper ("skrivelsen", "the memo"): where to look, not what about.
_KIND_WORDS = frozenset(t for names in KIND_NAMES.values() for t in tokenize(names))

_TYPED = ("number", "amount", "date", "contact", "age", "duration", "frequency")  # kinds of answer a sentence holds or not


def claim_of(evidence: SentenceEvidence) -> Claim:
    return Claim(evidence.document, evidence.start, evidence.end, evidence.speaker)


class ExtractiveAnswerer:
    def __init__(self, index: Index, settings: AnswerSettings | None = None):
        self.index = index
        self.settings = settings or AnswerSettings()
        self.scorer = SentenceScorer(index, self.settings)
        self._vocabulary_of: tuple[object, frozenset[str], str] | None = None  # see _vocabulary

    # The generative path scores and gates with the same pieces.
    def evidence(self, question: Question, chunks: list[ScoredChunk], embedded: int | None = None,
                 passages: int | None = None) -> list[SentenceEvidence]:
        return self.scorer.evidence(question, chunks, embedded, passages)

    def sentence_vectors(self, spans: list[tuple[DocumentRecord, int, int]]) -> np.ndarray:
        return self.scorer.sentence_vectors(spans)

    def supported(self, question: Question, best: SentenceEvidence, ranked: list[SentenceEvidence]) -> bool:
        return supported(question, best, ranked, self.settings.gate)

    # ---- answers ---------------------------------------------------------------------------

    def answer(self, question: Question, chunks: list[ScoredChunk]) -> Draft:
        ranked: list[SentenceEvidence] = []
        draft = self._answer(question, chunks, ranked)
        usable = [e for e in ranked if e.chunk_has_keys] or ranked
        if usable:
            draft.best_cover = usable[0].lexical
            for e in usable[:self.settings.cover_compared]:
                doc_id = e.document.doc_id
                draft.cover_by_document[doc_id] = max(draft.cover_by_document.get(doc_id, 0.0), e.lexical)
        return draft

    def _answer(self, question: Question, chunks: list[ScoredChunk], ranked: list[SentenceEvidence]) -> Draft:
        if question.shape == "who":
            from assistant.whois import answer_who

            return answer_who(self, question, chunks)
        listing = question.shape == "list"
        ranked.extend(self.evidence(question, chunks, self.settings.lists.embedded if listing else None,
                                    len(chunks) if listing else None))
        if not ranked:
            return Draft(answerable=False)
        usable = [e for e in ranked if e.chunk_has_keys] or ranked
        source = _source_kind(question)
        if source and question.shape != "list":
            # "Which city …, according to the interpellation?": what that paper says.
            usable = [e for e in usable if source & kind_words(e.document)] or usable
        if question.expects == "dnr":
            return self._registration_number(question, usable) or Draft(answerable=False)
        from assistant.abbreviations import answer_expansion, asks_what_abbreviation_is

        what_is = question.expects == "other" and asks_what_abbreviation_is(question.text)
        if question.expects == "expansion" or what_is:
            draft = answer_expansion(question, usable, whole_sentence=what_is)
            if draft is not None and (draft.answerable or not what_is):
                return draft
        from assistant.sources import reported_source

        source = reported_source(question, {s.name for e in usable for s in e.document.speakers if s.name})
        if source is not None:
            # "Vad säger polisen om …?": what the texts report the police to have said, of the
            # topic asked about (a word of the question besides the source's name).
            topic = [t for t in question.terms if t not in ANSWER_TYPE_TERMS and not source.names(t)]
            usable = [e for e in usable if source.attributed_in(e.text)]
            if not usable or (topic and not any(stem_matches(t, e.words) for e in usable for t in topic)):
                return Draft(answerable=False)
            ranked[:] = usable  # nor does a quote run on into what others say
        if question.shape == "list":
            from assistant.listing import answer_list, asks_proposals, list_supported, topic_free
            from assistant.summary import party_proposals, summarise, summarised_document

            document = summarised_document(self, question, usable)
            if document is not None:  # "Sammanfatta Hägersten-Älvsjös svar på skrivelsen"
                return summarise(self, document, usable, question.parties, proposals=asks_proposals(question))
            if question.about_parties and not question.parties and asks_proposals(question) and topic_free(question):
                # "Sammanfatta vad partierna föreslår": each party's proposals.
                draft = party_proposals(self, usable)
                if draft is not None:
                    return draft
            # A list of what a speaker or a party says is gated on what they say (the best
            # sentence overall may be another speaker's).
            if not list_supported(self, question, usable):
                return Draft(answerable=False)
            return answer_list(self, question, usable)
        holders = stance_parties(question)
        if holders and question.expects == "other":
            # "Vad tyckte Sverigedemokraterna om förvaltningens svar?": a party's view is in a
            # statement it says or that names it, not in the administration's reply to its
            # letter, nor in a title line ("Svar på skrivelse från (M), (L), (C) och (SD)"); and
            # the statement speaks of the topic in its own words, not through its document's
            # title ("I en skrivelse från … Sverigedemokraterna … vill partierna ha … kännedom
            # om …" holds no view of the reply).
            from assistant.listing import is_statement

            excluded = _name_stems(question) | STANCE_WORDS
            usable = [e for e in usable if holders & (_parties_saying(e) | {m.party for m in find_parties(e.text)})
                      and is_statement(e.document.text, e.start, e.end)
                      and not is_heading(e.document.text, e.start, e.end, SENTENCE_ENDS)
                      and topic_cover(question, set(tokenize(e.text)), self.index.sparse.idf, excluded) > 0.0]
            if not usable:
                return Draft(answerable=False)
        if question.expects == "party" and question.language == "sv" and self._unknown_topic(question):
            # "Vilket parti föreslog att skolavgifter ska införas?": no document uses the word
            # the proposal is about, so none says who proposed it (a sentence sharing only
            # "införas" names some party all the same).
            return Draft(answerable=False)
        if question.expects == "author" and _SIGNED_ASKED.search(question.text):
            signed = self._signed_by(question, usable)
            if signed is not None:
                return signed
        if question.expects == "date" and self._kind_terms(question):
            # "What date was the memo on the shootings signed?": a paper named by its kind and
            # heading words asks for its own date, which its metadata states (no sentence need
            # resemble the question: "Stockholm den 24 mars 2021").
            dated = self._document_date(question, usable)
            if dated is not None:
                return dated
        if not self.supported(question, usable[0], usable) and self._typed_near_best(question, usable) is None and not (
                question.member_of and any(self.supported(question, e, usable) for e in usable[1:5])):
            # (A person of a party may be named beside the sentence that speaks of the topic.)
            return Draft(answerable=False)
        kinds = self._kind_terms(question)
        unchecked = kinds | _unglossed(question) | _MEMBERSHIP_STEMS
        if question.expects == "party" and question.language == "en" and question.search is None:
            # "Which party wants to ban knives?": when no word of the topic has a Swedish form
            # to look for, nothing shows that any party says it.
            topic = [t for t in question.terms if t not in ANSWER_TYPE_TERMS and t not in _name_stems(question)
                     and t not in kinds and t not in _MEMBERSHIP_STEMS]
            if topic and all(t in unchecked for t in topic):
                return Draft(answerable=False)
        if question.expects in ("other", "party") and not any(
                self._topic_cover(question, e, unchecked) > 0.0 for e in self._top_statements(usable)):
            # "Vilken musik nämns i skrivelsen från Hägersten-Älvsjö?", "Which party wants to close
            # the youth centres in Hägersten-Älvsjö?": the place and the kind of paper only say
            # where to look; no top sentence speaks of music or of closing youth centres. (An
            # English word the glossary lacks is covered by no sentence: it is not looked for; a
            # question with no word left is covered by every sentence.)
            return Draft(answerable=False)
        return self.answer_factoid(question, ranked, usable)

    @staticmethod
    def _section_speakers(question: Question, document: DocumentRecord) -> dict[str, Speaker]:
        """Who made the kind of section the question names (a reservation, a special
        statement, a substitute's statement), of the party it names if it names one: each
        person, labelled with their party where the speaker is one person, by the speaker
        that names them first in the paper's order (a section several people made has no one
        name: each person its line names)."""
        asked = sections_asked(question)
        named: dict[str, Speaker] = {}
        for speaker in document.speakers if asked else ():
            if (speaker.role not in asked or speaker.evidence_start is None or speaker.evidence_end is None
                    or (question.parties and not set(speaker.parties) & set(question.parties))):
                continue
            if speaker.name:
                label = f"{speaker.name} ({', '.join(speaker.parties)})" if speaker.parties else speaker.name
                named.setdefault(label, speaker)
            for person in [] if speaker.name else persons(document.text, speaker.evidence_start, speaker.evidence_end):
                named.setdefault(person.surface(document.text), speaker)
        return named

    @staticmethod
    def _kind_terms(question: Question) -> frozenset[str]:
        """The question's words that name a kind of paper ("skrivelsen", "the memo")."""
        return frozenset(t for t in question.terms if set(t.split(ALTERNATIVE)) & _KIND_WORDS)

    def _top_statements(self, usable: list[SentenceEvidence]) -> list[SentenceEvidence]:
        """The best sentences that state something, not lines that only say who speaks or
        what follows ("Ersättaryttrande gjordes av Lisa Palm (Fi) enligt följande.")."""
        from assistant.listing import is_statement

        statements = [e for e in usable if is_statement(e.document.text, e.start, e.end)]
        return (statements or usable)[:self.settings.facts.topic_sentences]

    def _typed_near_best(self, question: Question, usable: list[SentenceEvidence]) -> SentenceEvidence | None:
        """For a figure, date or contact question: a top sentence nearly as good as the best
        that holds an answer of that kind and passes the gate on its own (the one the answer
        will cite; the best sentence may hold no figure at all)."""
        if question.expects not in _TYPED:
            return None
        floor = self.settings.facts.near_best * usable[0].score
        typed = (e for e in usable[:5] if e.answers and e.score >= floor and self.supported(question, e, [e])
                 and (question.expects != "date" or states_event(question, e)))
        return next(typed, None)

    def _timed_event_near_best(self, question: Question, usable: list[SentenceEvidence]) -> SentenceEvidence | None:
        """For a Swedish "När <verb> …?": a top sentence nearly as good as the best that tells of
        the event asked about (``states_event``) and says when in words ("under förra
        mandatperioden", ``_TIME_OR_CONDITION``), passing the gate on its own."""
        if question.language != "sv" or asked_event(question, "when") is None:
            return None
        floor = self.settings.facts.near_best * usable[0].score
        return next((e for e in usable[:5] if e.score >= floor and states_event(question, e)
                     and _TIME_OR_CONDITION.search(e.text) and self.supported(question, e, [e])), None)

    def answer_factoid(self, question: Question, ranked: list[SentenceEvidence],
                       usable: list[SentenceEvidence]) -> Draft:
        if _WHOLE_PERIOD.search(question.text):
            # "Hur många skjutningar skedde under hela 2021?": a figure for a part of the
            # period ("22 skjutningar … under årets tre första månader") is no answer.
            usable = [e for e in usable if not _PART_OF_PERIOD.search(e.text)]
            if not usable:
                return Draft(answerable=False)
        why = why_past_event(question)
        if why is not None and not any(why.mentioned_in(e) and (asks_denied(question) or not told_as_denied(why, e))
                                       for e in usable[:self.settings.facts.event_sentences]):
            # "Varför avgick X?": no sentence near the top tells of the event asked about; nor
            # does one that denies it ("Why did the Moderates vote for the budget?" of "…
            # budgeten … som Moderaterna röstade nej till").
            return Draft(answerable=False)
        if question.expects == "party":
            # "Which party wants social workers at parent meetings?": of the sentences nearly
            # as good as the best, and closer to the question as a whole, that show a party
            # (named there, or who says it), the one that covers most of what is asked about,
            # not one that names a party beside less of it.
            floor = self.settings.facts.near_best * usable[0].score
            showing = [e for e in usable[:5] if e.score >= floor and e.dense >= usable[0].dense and _shows_party(e)]
            covering = max(showing, key=lambda e: self._topic_cover(question, e), default=None)
            if covering is not None and covering is not usable[0] and (
                    self._topic_cover(question, covering) > self._topic_cover(question, usable[0])):
                usable = [covering] + [e for e in usable if e is not covering]
        if question.expects in ("author", "party"):
            draft = self._from_speaker_or_metadata(question, usable)
            if draft is not None:
                return draft
            if question.expects == "author" and not candidates("person", usable[0].document.text,
                                                               usable[0].start, usable[0].end):
                # "Vem skrev artikeln …?" of an article with no byline: neither the paper's
                # metadata nor its best sentence names anyone.
                return Draft(answerable=False)
        if question.expects == "date":
            draft = self._document_date(question, usable)
            if draft is not None:
                return draft
        if question.member_of is not None:
            return self._member_answer(question, usable)
        reach = self.settings.facts.event_sentences
        done = which_did(question) if question.expects in ("place", "person", "other") else None
        if done is not None:
            # "Vilken stad har infört Sluta skjut?": a city where it was introduced ("… som bland
            # annat införts i Malmö"), not one where it is wanted ("… att införa Sluta skjut i
            # Stockholm").
            # ... of what the question names ("Var infördes Trefas?" is not answered by "…
            # Sluta skjut som bland annat införts i Malmö"; a year may be given nearby).
            usable = _first_where(usable, reach, lambda e: told_as_done(done, e) and _holds_names(question, e)) or usable
        did = who_did(question) if question.expects == "person" else None
        if did is not None:
            # "Vem inrättade Trefas?": the sentences that tell of the act name its doer; where
            # none near the top does ("Vem grundade Nattvandring.nu?"), nothing answers. The act
            # must be of what the question names ("Vem leder Framtid Stockholm?" is not told by
            # "Tidigare chefer … ska rekryteras till ett nytt förstärkningsteam").
            def tells(e: SentenceEvidence) -> bool:
                return did.mentioned_in(e) and _holds_names(question, e, True)

            def shows_doer(e: SentenceEvidence) -> bool:
                # A name, or a named speaker saying "jag"/"vi" ("… Liberalerna och jag som
                # socialborgarråd … inrättade Trefas"), unlike a passive that names no one
                # ("Trefas startades 2020 i Järvaområdet …").
                return bool(e.answers) or (e.speaker is not None and bool(e.speaker.name) and bool(_WE_OR_I.search(e.text)))

            usable = _first_where(usable, reach, tells)
            if not usable:
                return Draft(answerable=False)
            # The doer may be told further down than the act's first mention (a passive
            # "Trefas startades 2020 …" outranks "… Liberalerna och jag … inrättade Trefas").
            usable = _first_where(usable, self.settings.facts.topic_sentences,
                                  lambda e: tells(e) and shows_doer(e)) or usable
        undergone = who_undergoes(question) if question.expects == "person" else None
        if undergone is not None:
            # "Vem ska rekryteras till förstärkningsteamet?": the subject of a sentence that tells
            # of the act, a group as well as a name ("Tidigare chefer och högre tjänstemän ska
            # rekryteras …"), not a name in one that does not ("Framtid Stockholm … ges
            # förstärkning"). Where no sentence nearly as good as the best tells of it, the best
            # stands.
            floor = self.settings.facts.near_best * usable[0].score
            usable = [e for e in usable[:reach] if e.score >= floor and undergone.mentioned_in(e)] or usable
        possessor = possessor_of(question)
        if possessor is not None:
            # "Vem är Lee Orbersons chef?": a person by their relation to another, which a
            # sentence naming that other states ("Linda Palo, avdelningschef" does not).
            usable = [e for e in usable[:reach] if possessor in e.text and e.answers]
            if not usable:
                return Draft(answerable=False)
        best = usable[0]
        if question.expects == "person" and not best.answers:
            # "Vems telefonnummer är …?": a label line naming no one ("Telefon: 08-…") belongs
            # to the name on the line above it in the same block; the quote holds both lines.
            best = _with_label_owner(best, usable[:reach])
            usable = [best] + usable[1:]
        if (question.expects == "person" and best.answers and _WHO_HOLDS.search(question.text)
                and not _HOLDING.search(best.text)):
            # "Vem vill förstärka Mini Maria?" of a party's proposal "Framtid Stockholm och
            # verksamheten Mini Maria ges förstärkning …": no one in the sentence wants anything
            # (the name is of what is strengthened); who wants it is who says it.
            draft = self._speaker_answer(best)
            if draft is not None:
                return draft
        if question.expects == "person":
            with_names = [e for e in usable[:5] if e.answers]
            stems = _asked_role(question)
            if stems is not None:
                # "Vem är kommunpolis i Hägersten-Älvsjö?", "Who chairs the committee?": the name
                # must stand with that role (in its sentence or label block), not with another
                # ("Linda Palo, avdelningschef").
                def has_role(e: SentenceEvidence) -> bool:
                    # The role itself, or a longer word holding it ("handläggaren"); a part of
                    # it is another role ("social-" in "socialdirektör" is no director).
                    return not stems or any(stem in token for stem in stems
                                            for token in set(e.words) | set(tokenize(e.text)))
                with_names = [e for e in with_names if has_role(e)]
                if _asks_for_head(question):
                    # "Vem leder stadsdelsförvaltningen?": not the head of one of its
                    # departments ("Linda Palo, avdelningschef").
                    with_names = [e for e in with_names if _unit_of_role(question, stems, e) is not False]
                if with_names:
                    # ... and of the unit the question names: "the head of the district
                    # administration" is the "stadsdelsdirektör", not an "avdelningschef".
                    best = max(with_names, key=lambda e: _unit_of_role(question, stems, e) is True)
                elif not has_role(best) or _NAME_OF_ROLE.search(question.text):
                    # The answer may be a group ("En hovmästare är arbetsledare …"), unless
                    # a name is asked for.
                    return Draft(answerable=False)
            elif best.answers and (better := next((
                    e for e in usable[1:5] if not e.answers and e.score >= self.settings.facts.near_best * best.score
                    and e.dense > best.dense and self._topic_cover(question, e) > self._topic_cover(question, best)),
                    None)) is not None:
                # "Vem ska det nya förstärkningsteamet rekrytera?": a sentence both closer to the
                # question and covering more of its words, that names a group ("Tidigare chefer
                # och högre tjänstemän ska rekryteras …"), answers it, not one that only holds a
                # name ("Framtid Stockholm … ges förstärkning").
                best = better
            elif with_names and with_names[0].score >= self.settings.facts.near_best * best.score and (
                    self._topic_cover(question, with_names[0])
                    >= self.settings.facts.name_word_share * self._topic_cover(question, best)):
                # A name nearly as good, that also speaks of what the question asks about (its
                # words other than names): a line naming somebody else is no answer to "Vem ska
                # kunna ringa dit?".
                best = with_names[0]
            if not best.answers and (_WHO_HOLDS.search(question.text) or (
                    best.speaker is not None and best.speaker.name and _FIRST_PERSON.search(best.text))):
                # "Vem vill införa Sluta skjut i Stockholm?": who says the best sentence; so too
                # where that sentence speaks of its speaker ("Vem var socialborgarråd …?" of
                # "… jag som socialborgarråd genomförde …").
                draft = self._speaker_answer(best)
                if draft is not None:
                    return draft
        if question.expects == "other":
            from assistant.listing import announced_list

            announced = announced_list(self, best)
            if announced is not None:
                return announced
            # An open question is answered by a statement, not by a heading or a label line
            # ("Hägersten-Älvsjö stadsdelsförvaltning" for "Hur fortbildas personalen …?").
            # Nor by a line that only says who speaks or what follows ("Ersättaryttrande gjordes
            # av Lisa Palm (Fi) enligt följande.").
            from assistant.listing import is_statement

            statements = [e for e in usable if is_statement(e.document.text, e.start, e.end)]
            if statements and not is_statement(best.document.text, best.start, best.end):
                best = statements[0]
            speaking = _speaking(question, statements[:self.settings.facts.topic_sentences])
            who = asked_speaker(question)
            if who is not None and not speaking and not any(
                    _reports_words_of(e, who, question) for e in statements[:self.settings.facts.topic_sentences]):
                # "Vad svarade Alexander Ojanne på Jan Jönssons interpellation?": no sentence near
                # the top is his or reports what he says; the documents do not give his words.
                return Draft(answerable=False)
            if speaking and best not in speaking:
                # "Vad kallar Ojanne Moderaternas utspel?": what he says ("Det är lite yrvaket
                # …, säger Alexander Ojanne"), not the sentence that introduces him.
                best = speaking[0]
            if question.language == "sv":
                # ... and by one that speaks of what is asked, beyond the names and the kind of
                # paper ("Vilket program nämner Lisa Palm?": her sentence naming a programme,
                # not her best-ranked one).
                kinds = self._kind_terms(question)
                following = next((e for e in usable if e.document is best.document
                                  and 0 <= e.start - best.end <= 3), None)  # where its reading goes on
                if self._topic_cover(question, best, kinds) == 0.0 and (
                        following is None or self._topic_cover(question, following, kinds) == 0.0):
                    best = next((e for e in speaking or self._top_statements(usable)
                                 if self._topic_cover(question, e, kinds) >= self.settings.facts.topic_share), best)
            elif [t for t in question.terms if t not in _unglossed(question) and t not in ANSWER_TYPE_TERMS
                  and t not in _name_stems(question)] and self._topic_cover(
                    question, best, self._kind_terms(question) | _unglossed(question)) == 0.0:
                # "What is the unemployment rate in Sweden?": an English question whose glossed
                # words the best sentence holds none of ("… skjutningar som skedde i Sverige …"
                # holds only the name) is not answered by it.
                return Draft(answerable=False)
            if _WHY_ASKED.search(question.text) and not _REASON.search(best.text):
                # "Varför vill M att socialsekreterare ska delta på föräldramöten?": of the
                # statements nearly as good as the best, one that gives a reason or a purpose
                # ("… för att informera om socialtjänstens arbete").
                floor = self.settings.facts.near_best * best.score
                best = next((e for e in statements[:5] if e.score >= floor and _REASON.search(e.text)), best)
        if question.expects in _TYPED and best.answers and _named_in_part(question, best):
            # "Vad kostar förstärkningsteamet?": "… Mini Maria ges förstärkning … (+5 mnkr)" holds
            # only a part of the compound asked about; a sentence nearly as good naming the
            # whole ("… ett nytt förstärkningsteam …"), whose item goes on to a figure, answers.
            whole = next((e for e in usable[1:5] if e.score >= self.settings.facts.near_best * best.score
                          and not _named_in_part(question, e)), None)
            if whole is not None:
                continued = self._continue_item(whole, ranked, question, self.settings.facts)
                if continued.answers:
                    best = continued
        best = self._continue_item(best, ranked, question, self.settings.facts)
        if not best.answers:  # an open answer: the sentence it refers back to comes with it
            best = _with_antecedent(best, question)
        if question.expects == "date" and best.answers and not _dates_event(question, best):
            best = replace(best, answers=[])  # its dates are not the event's
        if question.expects in _TYPED and not best.answers:
            # The best sentence holds nothing of the kind asked for: a nearly as good one that
            # does. Failing that, a figure the documents do not give is declined ("Och vad
            # kostar det?" where no cost is given, "how many X" where no number counts X); a
            # "när" question keeps its best sentence, as its answer is often a condition
            # ("när beslutet har kommit"), not a date (SweQUAD-MC: 27 of 32 declined otherwise).
            # That sentence must hold up on its own: a figure about something else the same
            # text mentions is no answer ("Och vad kostar det?" after hembesök: a placement cost).
            typed = self._typed_near_best(question, [best] + [e for e in usable if e is not best])
            if typed is None and question.expects == "date" and not states_event(question, best):
                # "När inrättades den?" (sociala investeringsfonden): a sentence nearly as good
                # that tells of the event with a time that is no date ("Båda inrättades under
                # förra mandatperioden"), quoted with what it refers back to.
                typed = self._timed_event_near_best(question, usable)
                typed = _with_antecedent(typed, question) if typed is not None else None
            if typed is None and question.expects == "number" and question.counted:
                # "Hur många stadsdelar omfattas av Trefas?": no figure, but a sentence nearly
                # as good names them one by one ("… stadsdelarna Skarpnäck, Farsta, … och
                # Skärholmen"): their count, cited with the names.
                counted = _enumerated_count(question, usable[:5], self.settings.facts.near_best * usable[0].score)
                if counted is None:
                    # "Hur många frågor ställer Jan Jönsson?": no figure, but a sentence nearly
                    # as good announces them ("… ställa följande frågor …:"): the items after it.
                    counted = _announced_items_count(question, usable[:5], self.settings.facts.near_best * usable[0].score,
                                                     self.settings.lists.max_items * 2)
                if counted is not None:
                    return counted
            if typed is not None:
                best = typed
            elif (question.expects != "date" or asks_for_calendar(question) or question.language != "sv"
                  or not states_event(question, best)
                  or (asked_event(question, "when") is None and not _TIME_OR_CONDITION.search(best.text))):
                # A "när" answered by a condition must speak of what the question asks about (an
                # English "when" is answered by a date: whether a Swedish sentence states the
                # event it asks about cannot be told)
                # ("När invigdes trygghetskontoret vid Stureplan?" is not answered by "Stureplan
                # … skulle behöva ett trygghetskontor": nothing was inaugurated).
                return Draft(answerable=False)
        if question.expects in _TYPED and best.answers and max(best.lexical, best.item_lexical, best.pointed) == 0.0:
            # "Hur mycket har projektet kostat?": a figure in a sentence sharing no word with the
            # question (another top sentence passed the gate for it) is a figure of something else.
            return Draft(answerable=False)
        if question.expects == "amount" and (question.search is None or _names_nothing(question)) and best.answers \
                and self._lacks_subject(question, best, usable):
            # "How much does the home visit programme cost?": the top sentences speak of home
            # visits, the one with a figure of a parenting programme; a sentence nearly as good
            # with a figure and the subject answers, else nothing does. (Not for a follow-up
            # with words of its own, whose words run together with the previous question's;
            # "Hur mycket pengar får de?" asks about the previous question's subject alone.)
            floor = self.settings.facts.near_best * usable[0].score
            best = next((e for e in usable[:5] if e.answers and e.score >= floor
                         and not self._lacks_subject(question, e, usable)), None)
            if best is None:
                return Draft(answerable=False)
        if question.expects in ("amount", "number") and best.answers and not _figure_of(question, best):
            # "Vad kostar Stockholmsmodellen …?": a cost of another item of the same list is no
            # answer; a nearly as good sentence with a figure of the named subject is.
            floor = self.settings.facts.near_best * usable[0].score
            named = [e for e in usable[:5] if e.answers and e.score >= floor and _figure_of(question, e)]
            if not named:
                return Draft(answerable=False)
            best = named[0]
        if best.answers and NAMES_BACK.match(best.text):
            # "Denna ska vara öppen även för anhöriga … (+1 mnkr)": the figure's sentence is
            # quoted with the one naming what it speaks of ("… inrätta en särskild avhopparlinje …").
            best = _with_antecedent(best, question)
        if question.expects in _TYPED and best.answers and not _names_in_paragraph(question, best):
            # "Vilket år började Stockholm använda Sluta skjut?": a year in a paragraph that does
            # not name Sluta skjut ("… alla skjutningar som skedde i Sverige år 2020") is a year
            # of something else; a sentence nearly as good whose paragraph names it and that
            # holds a figure answers, else nothing does.
            floor = self.settings.facts.near_best * usable[0].score
            # (Its dates must be of the event asked about, as above: "In what year did Stockholm
            # launch Sluta skjut?" is not dated by "… i augusti 2022 hävdade … ville införa …".)
            best = next((e for e in usable[:5] if e.answers and e.score >= floor
                         and _names_in_paragraph(question, e)
                         and (question.expects != "date" or _dates_event(question, e))), None)
            if best is None:
                return Draft(answerable=False)
        if question.expects == "party" and not best.answers and not best.parties:
            # "Vilket parti tillhör Lee Orberson?": a line naming him with his title shows no
            # party, and neither does who says it; the documents do not tell.
            return Draft(answerable=False)
        draft = Draft(answerable=True, shape="factoid" if best.answers else "open")
        n = draft.cite(claim_of(best))
        if best.answers:
            value = self._pick(best, question).surface(best.document.text)
            if (question.expects == "person" and _PLURAL_WHO.match(question.text)) or (
                    question.expects == "party" and _PARTIES_ASKED.search(question.text)):
                # "Vilka är föredragande borgarråd …?", "Vilka partier har skrivit …?": every
                # name or party the sentence gives.
                value = _joined(list(dict.fromkeys(c.surface(best.document.text) for c in best.answers)),
                                question.language)
            elif question.expects == "place" and _PLACES_ASKED.search(question.text):
                # "Which districts has Trefas been expanded to?": the longest list of places the
                # sentence gives ("… stadsdelarna Skarpnäck, Farsta, … och Skärholmen"), not the
                # one place nearest the question's words ("… i Järvaområdet").
                run = max(_coordinated(best.document.text, best.answers), key=len)
                if len(run) > 1:
                    value = _joined([c.surface(best.document.text) for c in run], question.language)
            elif question.expects == "place" and _WHERE.match(question.text):
                # "Var …?": the place nearest the question's words, with the list it stands in
                # ("Trygghetsvandringar ska genomföras i Västertorp, Fruängen, …").
                picked = self._pick(best, question)
                run = next((r for r in _coordinated(best.document.text, best.answers) if picked in r), [picked])
                if len(run) > 1:
                    value = _joined([c.surface(best.document.text) for c in run], question.language)
            draft.short.append((value, n))
            draft.items.append(_item(value, n, best.speaker))
            self._add_conflict(question, usable, best, draft)
        else:
            name = _name_given(question, best)
            if name is not None:
                # "Vad heter programmet som fältassistenterna utbildats i?": the name the
                # sentence puts after that noun ("… föräldrastödsprogrammet På rätt väg").
                draft.shape = "factoid"
                draft.short.append((name, n))
                draft.items.append(_item(name, n, best.speaker))
            else:
                draft.items.append(_item(" ".join(best.text.split()), n, best.speaker))
        return draft

    def _unknown_topic(self, question: Question) -> bool:
        """Whether a word the question is about (of five letters or more; not its names, the
        words of asking, of belonging to a party or the kind of paper) occurs in no document,
        not even inside a compound."""
        excluded = ANSWER_TYPE_TERMS | _MEMBERSHIP_STEMS | _name_stems(question) | self._kind_terms(question)
        topic = [t for t in question.terms if t not in excluded and len(t) >= 5]
        if not topic:
            return False
        vocabulary, joined = self._vocabulary()
        return any(not stem_matches(t, vocabulary, joined) for t in topic)

    def _vocabulary(self) -> tuple[frozenset[str], str]:
        """The corpus's word stems, as a set and joined by spaces, kept while the keyword index
        is the same (a few milliseconds a party question on a large index otherwise)."""
        sparse = self.index.sparse
        if self._vocabulary_of is None or self._vocabulary_of[0] is not sparse:
            words = frozenset(sparse.document_frequency)
            self._vocabulary_of = (sparse, words, " ".join(words))
        return self._vocabulary_of[1], self._vocabulary_of[2]

    def _lacks_subject(self, question: Question, evidence: SentenceEvidence, usable: list[SentenceEvidence]) -> bool:
        """Whether a figure's sentence (with the rest of its line or bulleted item) lacks the
        subject the question asks a figure of: the rarest of the question's words (not its
        names, nor the words of asking) that a top sentence holds."""
        names = _name_stems(question) | _MONEY_STEMS | _SUM_ASKING_STEMS
        # (A money word stands with its synonyms: "peng|anslag|…|medel" is a money word too.)
        excluded = names | {t for t in question.terms if t.split(ALTERNATIVE)[0] in names}
        topic = [t for t in question.terms if t not in ANSWER_TYPE_TERMS and t not in excluded]
        held = [t for t in topic if any(stem_matches(t, e.words) for e in usable[:5])]
        if not held:
            return False
        idf = self.index.sparse.idf
        subject = max(held, key=lambda t: min(idf(a) for a in alternatives(t)))
        text = evidence.document.text
        line_start, line_end = line_around(text, evidence.start, evidence.end)
        words = set(evidence.words) | set(tokenize(text[line_start:line_end]))
        if stem_matches(subject, words):
            return False
        # ... and covers less than half as much of those words as the top sentence that covers
        # most (a figure's sentence may name its subject in other words).
        cover = topic_cover(question, words, idf, excluded)
        return cover < self.settings.facts.subject_cover_share * max(self._topic_cover(question, e) for e in usable[:5])

    def _member_answer(self, question: Question, usable: list[SentenceEvidence]) -> Draft:
        """"Vilken vänsterpartist står bakom reservationen?": the people of that party the best
        sentence naming any names (its party written after the name, or after the list of
        names it is in, "(alla S)"), else the speaker of the best sentence, if of that party."""
        party = question.member_of
        # The person must be named in a document that speaks of what the question asks, as
        # nearly as well as the best one does ("Vilken socialdemokrat vill stänga
        # fritidsgårdarna?": no Social Democrat is named where leisure centres are spoken of).
        excluded = member_words(question.text) | self._kind_terms(question)
        covers = [(self._topic_cover(question, e, excluded), e.document.doc_id)
                  for e in usable[:self.settings.facts.topic_sentences]]
        best_cover = max((cover for cover, _ in covers), default=0.0)
        # An English question whose words the glossary lacks is covered by no sentence; one
        # with Swedish words from the glossary must be.
        unglossed = question.language == "en" and set(question.terms) <= _unglossed(question)
        about = {doc_id for cover, doc_id in covers
                 if cover >= self.settings.facts.member_topic_share * best_cover and (cover > 0.0 or unglossed)}
        for evidence in [e for e in usable[:5] if e.document.doc_id in about]:
            text = evidence.document.text
            members = list(dict.fromkeys(
                c.surface(text) for c in evidence.answers if c.kind == "person"
                and (party_named_with(text, c.end) or _speaker_party(evidence.document, c.value)) == party))
            if members:
                draft = Draft(answerable=True, shape="factoid")
                n = draft.cite(claim_of(evidence))
                value = members[0] if not _PLURAL_WHO.match(question.text) else _joined(members, question.language)
                draft.short.append((value, n))
                draft.items.append(_item(value, n, evidence.speaker))
                return draft
            speaker = evidence.speaker
            if speaker is not None and speaker.name and party in speaker.parties and not evidence.answers:
                return _said_by(evidence, speaker.label(), speaker.parties)
        return Draft(answerable=False)

    @staticmethod
    def _continue_item(best: SentenceEvidence, ranked: list[SentenceEvidence], question: Question,
                       facts: FactoidSettings) -> SentenceEvidence:
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
        following = [e for e in following if e.end - best.start <= facts.continuation_reach]
        for item in following[:2]:
            if "\n" in text[extended.end:item.start]:
                break
            if question.expects != "other" and not best.answers:
                if item.answers:
                    return replace(best, end=item.end, answers=item.answers)
                continue
            if question.expects == "other" and item.lexical > 0 and item.end - best.start <= facts.open_continuation:
                extended = replace(extended, end=item.end)
            else:
                break
        return extended

    @staticmethod
    def _pick(evidence: SentenceEvidence, question: Question) -> Candidate:
        """The candidate closest to the words the sentence shares with the question."""
        text = evidence.document.text
        # The word that names the kind asked for ("Vilket parti …?") is no anchor: it is
        # inside every party name ("Vänsterpartiets").
        terms = [a for t in question.terms for a in alternatives(t)
                 if not (question.expects == "party" and a in _PARTY_WORDS)]
        anchors = [m.start() for t in terms for m in re.finditer(re.escape(t), text[evidence.start:evidence.end].lower())]
        event = asked_event(question, "when") if question.expects == "date" else None
        if event is not None:
            # "När hölls budgetdebatten …?": the date nearest the event, not another word.
            uses = [m.start() for m in re.finditer(r"[^\W\d_][\w-]*", text[evidence.start:evidence.end])
                    if event.is_verb(m.group(0))]
            anchors = uses or anchors
        def distance(c: Candidate) -> tuple[bool, int]:
            # A place is named after a preposition of place ("i polishuset i Rinkeby"), not
            # by a capitalised word that opens a sentence ("Gärna med polisen …"), also when
            # no word of the question is there to measure from (an English question).
            located = question.expects != "place" or bool(_PLACE_PREPOSITION.search(text, max(0, c.start - 8), c.start))
            near = min(abs((c.start - evidence.start) - a) for a in anchors) if anchors else 0
            return (not located, near)
        return min(evidence.answers, key=distance)

    def _add_conflict(self, question: Question, ranked: list[SentenceEvidence], best: SentenceEvidence,
                      draft: Draft) -> None:
        """When another document gives a different value of the same kind, show both."""
        if question.expects not in ("date", "number", "amount") or not question.key_terms:
            return  # a conflict needs a named subject both documents speak of
        best_value = self._pick(best, question).value
        for other in ranked[1:8]:
            if other.document.doc_id == best.document.doc_id or not other.answers:
                continue
            facts = self.settings.facts
            if (other.key_share < 1.0 or other.lexical < facts.conflict_min_lexical
                    or other.dense < self.settings.gate.min_dense - facts.conflict_dense_slack):
                continue
            value = self._pick(other, question)
            if value.value != best_value and value.value not in best_value and best_value not in value.value:
                n = draft.cite(claim_of(other))
                draft.short.append((value.surface(other.document.text), n))
                draft.items.append(_item(value.surface(other.document.text), n, other.speaker))
                draft.shape = "conflict"
                return

    def _document_date(self, question: Question, ranked: list[SentenceEvidence]) -> Draft | None:
        """"Vilket datum har tjänsteutlåtandet?", "Och när skrevs den?": a date question that
        names nothing but the document (its kind, words of its heading block) asks for the
        document's own date, answered from its metadata with the words that state it."""
        document = ranked[0].document
        field = document.metadata.date
        if field is None or field.evidence.start is None:
            return None
        named_kind = kind_words(document) & set(tokenize(question.text))
        if ranked[0].answers and ranked[0].lexical >= 1.0 and not (
                named_kind and not named_kind & set(tokenize(ranked[0].text))):
            # A sentence that states the event with its date, every word of the question
            # covered ("När godkände hon dokumentet?": "Detta dokument har godkänts digitalt
            # av …" / "Linda Palo, avdelningschef 2024-09-10"), is the answer, not the
            # document's own date; unless the question names the paper by its kind and the
            # sentence does not ("Vilket datum är promemorian daterad?" is not answered by
            # "Stadsledningskontorets tjänsteutlåtande daterat den 29 oktober 2020").
            return None
        # (An English question's words in their Swedish forms from the glossary.)
        words = tokenize(question.text) if question.language == "sv" else question.terms
        own = [t for t in words if t not in ANSWER_TYPE_TERMS and t not in _DATE_WORDS]
        # An event in the past ("När infördes Sluta skjut i Stockholm?") names the document only
        # through its title lines: the opening paragraph of its heading block tells of events.
        # Signing is no such event: the paper's date is the day it was signed ("Vilket datum
        # undertecknades promemorian av …?").
        past_event = asks_past_event(question) and not _SIGNED_ASKED.search(question.text)
        if not self.names_only(own, document, titles_only=past_event):
            return None
        draft = Draft(answerable=True, shape="factoid")
        n = draft.cite(Claim(document, field.evidence.start, field.evidence.end))
        value = document.text[field.evidence.start:field.evidence.end]
        draft.short.append((value, n))
        draft.items.append(DraftItem(value, [n]))
        return draft

    def _signed_by(self, question: Question, usable: list[SentenceEvidence]) -> Draft | None:
        """"Vem undertecknade tjänsteutlåtandet i Hägersten-Älvsjö?": who signed the paper the
        question names by nothing but its kind, title or heading words (the approval rows, the
        upper-case signature; ``index.metadata.signatories``), not its case officer. None when
        no such paper among the top sentences' has signatories: then as who wrote it."""
        # (An English word with no Swedish form, "from", is in no Swedish heading.)
        unglossed = _unglossed(question) - _name_stems(question)
        own = [t for t in question.terms if t not in ANSWER_TYPE_TERMS and not is_question_word(t)
               and not _SIGNING_STEMS & set(t.split(ALTERNATIVE)) and t not in unglossed]
        seen: set[str] = set()
        for e in usable[:self.settings.facts.topic_sentences]:
            document = e.document
            if document.doc_id in seen:
                continue
            seen.add(document.doc_id)
            signed = signatories(document.text)
            if signed is None or signed.evidence.start is None or signed.evidence.end is None:
                continue
            # "Vem skrev under tillsammans med Lee Orberson?": the others who signed.
            others = [n for n in signed.value if not any(k.lower() in n.lower() for k in question.key_terms)]
            if 0 < len(others) < len(signed.value):
                names = others
            elif self.names_only(own, document):
                names = signed.value
            else:
                continue
            label = (" och " if question.language == "sv" else " and ").join(names)
            draft = Draft(answerable=True, shape="factoid")
            n = draft.cite(Claim(document, signed.evidence.start, signed.evidence.end))
            draft.short.append((label, n))
            draft.items.append(DraftItem(label, [n]))
            return draft
        return None

    def names_only(self, words: list[str], document: DocumentRecord, titles_only: bool = False) -> bool:
        """Whether ``words`` (a question's, less what it asks for) only name the document: each
        is a word of its heading block (with ``titles_only``, of the block's lines that do not
        end like a sentence), its title or its kind ("promemorian", "the memo" for a promemoria)."""
        block = document.text[:self.settings.facts.heading_block]
        if titles_only:
            block = _title_lines(document.text, self.settings.facts.heading_block)
        date = document.metadata.date
        dated = (date.evidence.quote or "") if date is not None else ""  # "promemorian från mars 2021"
        named = set(tokenize(" ".join((block, document.metadata.value("title") or "", dated)))) | kind_words(document)
        named |= ANY_PAPER_WORDS  # "Vem har skrivit under ärendet/dokumentet?"
        return all(stem_matches(t, named) for t in words)

    def named_document(self, words: list[str], ranked: list[SentenceEvidence], titles_only: bool = False,
                       having: Callable[[DocumentRecord], bool] = lambda document: True) -> DocumentRecord | None:
        """The best-ranked document (of the first ten sentences') that ``words`` only name
        (``names_only``) and that has what ``having`` asks."""
        seen: set[str] = set()
        for evidence in ranked[:10]:
            document = evidence.document
            if document.doc_id not in seen:
                seen.add(document.doc_id)
                if having(document) and self.names_only(words, document, titles_only):
                    return document
        return None

    def _registration_number(self, question: Question, ranked: list[SentenceEvidence]) -> Draft | None:
        """"Vilket diarienummer har promemorian om skjutningarna?", "What is the diary number of
        the memo?": the registration number ("Dnr KS 2020/1050") of the best-ranked document
        the question names by its kind or its heading's words, cited where it stands."""
        own = [t for t in tokenize(question.text) if t not in _DNR_WORDS and t not in ANSWER_TYPE_TERMS]

        def has_dnr(document: DocumentRecord) -> bool:
            return document.metadata.dnr is not None and document.metadata.dnr.evidence.start is not None

        document = self.named_document(own, ranked, having=has_dnr)
        if document is None:
            return None
        field = document.metadata.dnr
        draft = Draft(answerable=True, shape="factoid")
        n = draft.cite(Claim(document, field.evidence.start, field.evidence.end))
        draft.short.append((field.value, n))
        draft.items.append(DraftItem(field.value, [n]))
        return draft

    def _topic_cover(self, question: Question, evidence: SentenceEvidence,
                     excluded: frozenset[str] = frozenset()) -> float:
        """The sentence's cover of the question's words other than its names, the words
        that only say what kind of answer is wanted and ``excluded``."""
        return topic_cover(question, evidence.words, self.index.sparse.idf, _name_stems(question) | excluded)

    @staticmethod
    def _speaker_answer(best: SentenceEvidence) -> Draft | None:
        """The named person or the party who says the sentence."""
        speaker = best.speaker
        if speaker is None or not (speaker.name or speaker.parties):
            return None
        return _said_by(best, speaker.label(), speaker.parties)

    def _from_speaker_or_metadata(self, question: Question, ranked: list[SentenceEvidence]) -> Draft | None:
        """Which party: a party named in the best sentence, else the speaker of that sentence
        (a reservation's parties, a quoted politician's), else the document's metadata.
        Who wrote: the document's authors. Each cited with the words that state it."""
        best = ranked[0]
        if question.expects == "party":
            in_sentence = [c for c in best.answers if c.kind == "party"]
            if in_sentence:
                chosen = [self._pick(best, question)]
                speaker = best.speaker
                if speaker is not None and speaker.evidence_start is not None and (
                        best.start <= speaker.evidence_start < best.end):
                    # The line that makes someone the speaker ("Ersättaryttrande gjordes av
                    # Lisa Palm (Fi) med hänvisning till S:s och V:s reservation"): their party
                    # is the one that acts; the others are referred to.
                    in_sentence = [c for c in in_sentence if c.value in speaker.parties] or chosen
                if _PARTIES_ASKED.search(question.text):
                    # "Vilka partier står bakom skrivelsen?": every party the sentence names.
                    chosen = in_sentence
                elif chosen[0] not in in_sentence:
                    chosen = in_sentence[:1]
                values = list(dict.fromkeys(c.value for c in chosen))
                draft = Draft(answerable=True, shape="factoid")
                n = draft.cite(claim_of(best))
                label = ", ".join(_party_label(value, question.language) for value in values)
                draft.short.append((label, n))
                draft.items.append(DraftItem(label, [n], None, tuple(values)))
                return draft
            if _OTHERS_SUBJECT.match(best.text):
                # "1) De gjorde stora nedskärningar … för att finansiera sina skattesänkningar.":
                # its speaker tells what others did; neither they nor the others are named.
                return Draft(answerable=False)
            speaker = best.speaker
            if speaker is not None and speaker.parties:
                parties = [p for p in speaker.parties if p not in question.parties] or list(speaker.parties)
                return _said_by(best, ", ".join(_party_label(p, question.language) for p in parties), tuple(parties))
            meta_parties = best.document.metadata.parties
            if speaker is not None and speaker.role in ("administration", "document") and not (
                    meta_parties is not None and (_shares_words(question, meta_parties.evidence.quote or "")
                                                  or _WROTE_TO.search(question.text))):
                # The sentence is nobody's party; the document's parties (the letter a reply
                # answers) apply only when the question asks about what states them, or who
                # wrote to the body that replies ("Vilka partier skrev till nämnden …?"; not
                # "Vilket parti skrev tjänsteutlåtandet?", which the administration wrote).
                return None
        if question.expects == "author":
            named = self._section_speakers(question, best.document)
            if named:
                # "Vem lämnade Feministiskt initiativs ersättaryttrande?": the people the paper
                # says made it ("Ersättaryttrande gjordes av Lisa Palm (Fi) …"), not the author
                # of the letter the paper answers; a section several people made ("Reservation
                # anfördes av borgarråden Karin Wanngård, … och borgarrådet Clara Lindblom (V)")
                # by each person its line names.
                draft = Draft(answerable=True, shape="factoid")
                numbers = {label: draft.cite(Claim(best.document, s.evidence_start, s.evidence_end, s))
                           for label, s in named.items()}
                label = _joined(list(numbers), question.language)
                parties = tuple(dict.fromkeys(p for s in named.values() for p in s.parties))
                draft.short.append((label, next(iter(numbers.values()))))
                draft.items.append(DraftItem(label, sorted(set(numbers.values())), None, parties))
                return draft
            rapporteur = _rapporteur_asked_for(question, best.document)
            if rapporteur is not None:
                # "Vem skrev promemorian?": a memo is its rapporteurs' ("Föredragande
                # borgarråden A och B anför följande."), whatever letter it answers.
                draft = Draft(answerable=True, shape="factoid")
                n = draft.cite(Claim(best.document, rapporteur.evidence_start, rapporteur.evidence_end, rapporteur))
                draft.short.append((rapporteur.name, n))
                draft.items.append(DraftItem(rapporteur.name, [n], rapporteur.label() or None, rapporteur.parties))
                return draft
        field_name = "authors" if question.expects == "author" else "parties"
        if question.expects == "author" and _names_answered_paper(question, best.document):
            # "Vem står bakom skrivelsen till Hägersten-Älvsjö?" of the administration's reply:
            # the question names the paper the reply answers (not the reply's own kind; the words
            # that state the parties name it: "skrivelse från (M), (L), (C) och (SD)"): its senders.
            field_name = "parties"
        meta_field = getattr(best.document.metadata, field_name)
        if meta_field is None or not meta_field.value:
            return None
        values = meta_field.value
        parties: tuple[str, ...] = ()
        if field_name == "parties":
            values = [p for p in values if p not in question.parties] or values
            label = ", ".join(_party_label(p, question.language) for p in values)
            parties = tuple(values)
        else:
            label = " och ".join(values) if question.language == "sv" else " and ".join(values)
            party_field = best.document.metadata.parties
            # The party belongs to the author only when the same words state both.
            if party_field is not None and party_field.evidence == meta_field.evidence and len(values) == 1:
                label += f" ({', '.join(party_field.value)})"
                parties = tuple(party_field.value)
        evidence = meta_field.evidence
        draft = Draft(answerable=True, shape="factoid")
        if question.expects == "party" or evidence.start is None:
            draft.cite(claim_of(best))
        if evidence.start is not None and evidence.end is not None:
            n = draft.cite(Claim(best.document, evidence.start, evidence.end))
        else:
            n = 1
            draft.note = evidence.curated
        draft.short.append((label, n))
        draft.items.append(DraftItem(label, [n], None, parties))
        return draft


def _names_answered_paper(question: Question, document: DocumentRecord) -> bool:
    """Whether the question names a paper of another kind than ``document`` that the words
    stating the document's parties name too (a reply's "skrivelse från (M), (L) …")."""
    field = document.metadata.parties
    if field is None or not field.value or not field.evidence.quote:
        return False
    named = set(tokenize(question.text)) & _KIND_WORDS
    authors = document.metadata.authors
    if authors is not None and authors.evidence.quote and named & set(tokenize(authors.evidence.quote)):
        return False  # (the authors' own words name it: "Skrivelse av Jan Valeskog m.fl. (S)")
    return bool(named) and not named & kind_words(document) and bool(named & set(tokenize(field.evidence.quote)))


# "Vilken utgift …?" asks for a thing by its noun; "… den utgiften …" refers back to it.
_ASKED_NOUN = re.compile(r"^\s*(?:och\s+)?(?:vilken|vilket|vilka)\s+([a-zåäö]{4,})\b", re.IGNORECASE)
_REFERRING = re.compile(r"\b(?:den|det|denna|detta|dessa|de|samma)\s+([a-zåäö]{4,})\b", re.IGNORECASE)


# "Vilka stadsdelar …?", "Which districts …?": several places asked for.
_PLACES_ASKED = re.compile(r"\b(?i:vilka\s+(?:\w+\s+)?(?:stadsdelar|områden|städer|kommuner|platser|orter|länder|regioner)"
                           r"|which\s+(?:\w+\s+)?(?:districts|areas|cities|towns|places|neighbou?rhoods|municipalities|"
                           r"boroughs|countries|regions))\b")
_WHERE = re.compile(r"\s*(?:(?i:och|and)\s+)?(?i:var|where)\b")
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:och|samt|and|or|eller))\s*")


def _coordinated(text: str, answers: list[Candidate]) -> list[list[Candidate]]:
    """The candidates in runs that a list joins ("Skarpnäck, Farsta … och Skärholmen"): each
    next one only a comma or a conjunction after the one before."""
    runs: list[list[Candidate]] = []
    for candidate in sorted(answers, key=lambda c: c.start):
        if runs and _LIST_JOIN.fullmatch(text[runs[-1][-1].end:candidate.start]):
            runs[-1].append(candidate)
        else:
            runs.append([candidate])
    return runs


# "Vad heter (den nya) metoden (som …)?", "What is the name of the programme …?": the noun
# whose name is asked for.
_NAME_ASKED = re.compile(r"^\s*(?i:och\s+)?(?i:vad\s+heter|what\s+is\s+the\s+name\s+of)\s+((?:[\wåäöé-]+\s+){0,3}?[\wåäöé-]+)"
                         r"(?:\s+(?:som|i|på|för|med|that|which|in|of|for)\b|\s*[?.!]*\s*$)")


def _name_given(question: Question, evidence: SentenceEvidence) -> str | None:
    """The name a sentence gives right after the noun a "Vad heter <noun> …?" asks the name
    of ("föräldrastödsprogrammet På rätt väg", "miljöräddningsövning, Balex Delta"), else None."""
    asked = _NAME_ASKED.match(question.text)
    if asked is None or question.language != "sv":
        return None
    stems = tokenize(asked.group(1).split()[-1])
    if not stems or len(stems[0]) < 4:
        return None
    named = re.search(r"(?i:" + re.escape(stems[0]) + r")\w*,?\s+" + _GIVEN_NAME, evidence.text)
    return named.group(1) if named else None


# A name as a text gives it after its noun: a capital, at most three more words, up to a
# stop, a comma or a relative "som" ("På rätt väg,", "Balex Delta.", "”Sluta skjut!” som").
_GIVEN_NAME = (r"[”“\"*]?([A-ZÅÄÖÉ][\wåäöéü-]*(?:\s+[\wåäöéü-]+){0,3}?)[!]?[”“\"*]?"
               r"(?=\s*[,.;:!?]|\s+(?:som|och|i|på|för|med|till|är|har)\b|\s*$)")


def _named_in_part(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether a long question word (a compound: "förstärkningsteam") is found in the
    sentence only as a part of it ("förstärkning"), not whole (nor inflected)."""
    words = set(evidence.words)
    for term in question.terms:
        if ALTERNATIVE in term or len(term) < 10 or term in ANSWER_TYPE_TERMS:
            continue
        if stem_matches(term, words) and not any(term in w or (w in term and len(w) >= len(term) - 2)
                                                 for w in words):
            return True
    return False


def _with_label_owner(best: SentenceEvidence, near: list[SentenceEvidence]) -> SentenceEvidence:
    """A label line (no closing punctuation, few words: "Telefon: 08-50823326") joined to the
    line just above it when that one names a person (a contact or signature block: "Clas
    Cederlid" over it, no empty line between); else ``best`` as it is."""
    text = best.document.text
    if not is_heading(text, best.start, best.end):
        return best
    above = next((e for e in near if e.document is best.document and e.answers and e.end <= best.start
                  and text[e.end:best.start].count("\n") == 1 and not text[e.end:best.start].strip()), None)
    if above is None:
        return best
    return replace(above, end=best.end, score=best.score)


def _with_antecedent(best: SentenceEvidence, question: Question) -> SentenceEvidence:
    """"Vilken utgift vill Andréa Hedin halvera?" is answered by "Placeringar i hvb-hem …
    kostade 640 miljoner kronor förra året. Kan vi halvera den utgiften …": when the best
    sentence names the asked noun only by referring back to it ("den utgiften"), or opens
    with a pronoun that does ("Dessa har erbjudits hjälp …"), the quote starts with the
    sentence before it, in the same paragraph."""
    text = best.document.text
    sentence = text[best.start:best.end]
    asked = _ASKED_NOUN.match(question.text)
    noun = tokenize(asked.group(1)) if asked else []
    # ... and one that opens by referring back ("Dessa har erbjudits hjälp …"), or that says
    # nothing but the question's own words ("Islandsprojektet ska användas som inspiration."
    # for "Vad ska Islandsprojektet vara inspiration för?": what for is told just before it).
    if REFERS_BACK.match(sentence) is None and not (noun and any(
            stem_matches(noun[0], set(tokenize(m.group(1)))) for m in _REFERRING.finditer(sentence))) and not (
            question.language == "sv" and _adds_nothing(question, sentence)):
        return best
    before = sentence_before(text, best.start)
    return replace(best, start=before[0]) if before else best


# A figure in brackets closing a list item ("(+2 mnkr)"), which says how much, not what.
_BRACKETED_FIGURE = re.compile(r"\([^()]*\d[^()]*\)")


# Verbs that carry no content of their own ("ska användas som", "finns", "kan göras").
_LIGHT_STEMS = frozenset(tokenize("använda göra finnas kunna"))


def _adds_nothing(question: Question, sentence: str) -> bool:
    """Whether every word of a sentence is the question's (but for light verbs and a figure in
    brackets: "(+2 mnkr)"); a sentence adding one word may hold the answer in it ("…
    avslutas med en revisionsberättelse")."""
    asked = set(tokenize(question.text))
    own = [t for t in tokenize(_BRACKETED_FIGURE.sub(" ", sentence)) if not t[0].isdigit()]
    return len(own) >= 2 and all(t in _LIGHT_STEMS or stem_matches(t, asked) for t in own)


# What a sentence answering "När …?" without a date says of time: a condition or a moment
# ("om du flyttar", "när beslutet har kommit", "direkt efter", "på förmiddagarna", "dygnet
# runt", a number). Required where the question's event verb is not found (so whether the
# sentence tells of it cannot be told): "När ska trygghetsvandringen i Fruängen hållas?" is
# not answered by "Trygghetsvandringar ska genomföras i Västertorp, Fruängen …".
_TIME_OR_CONDITION = re.compile(
    r"\d|\b(?:om|när|då|efter|innan|före|sedan|inom|senast|tidigast|direkt|genast|omedelbart|snart|"
    r"fortfarande|redan|alltid|aldrig|ofta|löpande|regelbundet|varje|vid|under|medan|tills|förrän|"
    r"förra|fjol|nästa|kommande|i\s+samband|i\s+slutet|i\s+början|dygnet|år|året|åren|årets|"
    r"våren|hösten|sommaren|vintern|sommarlovet)\b"
    r"|(?:dag|vecka|veckor|månad|termin|morgon|förmiddag|eftermiddag|kväll|natt)\w*", re.IGNORECASE)


def _figure_of_named(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether a figure's sentence speaks of what the question names (its names other than
    parties, which the speaker may supply): in the sentence, its label lines or section
    (scoring's key share), else in the rest of its bulleted item or line."""
    if evidence.key_share >= 1.0:
        return True
    text = evidence.document.text
    line_start, line_end = line_around(text, evidence.start, evidence.end)
    parties = list(evidence.parties)
    # A year may be "under året"; a body may speak of itself as "vi" ("Vi har publicerat 14 …
    # granskningar" in Skolinspektionen's own report).
    own_voice = _FIRST_PERSON_PLURAL.search(evidence.text) is not None
    return all(key_in(k, text[line_start:line_end], parties)  # the lines hold the sentence
               for k in question.key_terms
               if not (find_parties(k) and set(evidence.parties)) and not k[0].isdigit()
               and not (own_voice and BODY_NAME.search(k)))


def _figure_of(question: Question, evidence: SentenceEvidence) -> bool:
    # The year and the whole asked for are those of the sentence that holds the figure, where
    # the quote runs on to it ("… 43 procent av alla skjutningar som skedde i Sverige år 2020.
    # … 22 skjutningar har ägt rum i Stockholmsregionen …" gives no count for Sweden in 2020).
    figure = _figure_sentence(question, evidence)
    return _figure_of_named(question, evidence) and _of_asked_year(question, figure) and _of_asked_scope(
        question, figure)


def _figure_sentence(question: Question, evidence: SentenceEvidence) -> SentenceEvidence:
    """The sentence of ``evidence`` holding the figure that answers (all of it when one)."""
    sentences = split_sentences(evidence.document.text, evidence.start, evidence.end)
    if len(sentences) < 2 or not evidence.answers:
        return evidence
    figure = ExtractiveAnswerer._pick(evidence, question)
    start, end = next(((s, e) for s, e in sentences if s <= figure.start < e), (evidence.start, evidence.end))
    return replace(evidence, start=start, end=end)


# "… i hela landet / staden", "… in the whole country", "nationwide": the whole of which the
# figure must be (a count for one region is no national count).
_WHOLE_SCOPE = re.compile(r"\b(?:i|inom|över)\s+hela\s+([a-zåäö]{4,})|\b(?:in|across)\s+the\s+whole\s+([a-z]{4,})"
                          r"|\b(nationwide|nationally|nationellt)\b", re.IGNORECASE)
_NATIONAL = ("landet", "riket", "sverige", "nationell", "country", "nation")


def _of_asked_scope(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether a figure's sentence speaks of the whole the question names ("Hur många
    skjutningar skedde i hela landet?" is not answered by a count "i Stockholmsområdet")."""
    scope = _WHOLE_SCOPE.search(question.text)
    if scope is None:
        return True
    word = next(g for g in scope.groups() if g).lower()
    national = word in _NATIONAL or word.startswith("nation")
    forms = _NATIONAL if national else (word, word.rstrip("et").rstrip("en")[:max(4, len(word) - 2)])
    lowered = evidence.text.lower()
    return any(form in lowered for form in forms)


_YEAR = re.compile(r"\b((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\b")


def _years(text: str) -> set[int]:
    """The years ``text`` names, a span ("2021-2024") with the years inside it."""
    out: set[int] = set()
    for match in _YEAR.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        out.update(range(first, last + 1) if 0 <= last - first <= 50 else (first, last))
    return out


def _of_asked_year(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether a figure's sentence is of the year the question names: it names that year, or
    it names none and the last year named before it in its paragraph is that one ("22
    skjutningar har ägt rum … under årets tre första månader" after "År 2021 har inte börjat
    bra" is no count for 2020). A question naming no year: always."""
    asked = _years(question.text)
    if not asked:
        return True
    said = _years(evidence.text)
    if said:
        return bool(asked & said)
    text = evidence.document.text
    before = [m for m in _YEAR.finditer(text, text.rfind("\n\n", 0, evidence.start) + 1, evidence.start)]
    return not before or bool(asked & _years(before[-1].group(0)))


_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Vv]i|[Vv]år|[Vv]årt|[Vv]åra|oss)\b")


def _title_lines(text: str, block: int) -> str:
    """The whole lines starting in the first ``block`` characters that do not end like a
    sentence (titles, headings, the addressee), not the body text that may follow them."""
    lines, position = [], 0
    for line in text.splitlines(keepends=True):
        if position >= block:
            break
        position += len(line)
        if line.strip() and line.rstrip()[-1] not in ".!?:":
            lines.append(line.strip())
    return "\n".join(lines)


def _item(text: str, n: int, speaker: Speaker | None) -> DraftItem:
    return DraftItem(text, [n], speaker.label() or None if speaker else None, speaker.parties if speaker else ())


# "Vad heter kommunpolisen som …?", "Vad heter handläggaren?": a role whose holder's name is
# asked for (a sentence naming the role but nobody is no answer).
_NAME_OF_ROLE = re.compile(r"^\s*vad\s+heter\s+(?:den\s+|det\s+)?(" + ROLE_NOUN + r"|[\wåäö-]*polis(?:en)?)\b",
                           re.IGNORECASE)
# "Vem leder stadsdelsförvaltningen?", "Vem är chef för …?": the head of the unit named.
_LEADS_ASKED = re.compile(r"^\s*(?:och\s+)?(?:vem|vilka)\s+(?:leder|ledde|styr|styrde|basar\s+(?:för|över)|"
                          r"är\s+chef\s+(?:för|på|över))\s+(?:(?:den|det|de)\s+)?(?P<unit>[\wåäö-]+)",
                          re.IGNORECASE)
# A body of elected members is led by its chair ("ordförande"); an office by its head.
_ELECTED_BODY = re.compile(r"(?:nämnd|styrelse|fullmäktige|utskott|beredning)(?:en|et|erna|ens)?$", re.IGNORECASE)
_ELECTED_BODY_ENGLISH = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:committee|board|council)\b", re.IGNORECASE)
_HEAD_ROLES = tuple(tokenize("chef direktör ledare föreståndare"))
_CHAIR_ROLES = tuple(tokenize("ordförande"))


def _speaking(question: Question, evidence: list[SentenceEvidence]) -> list[SentenceEvidence]:
    """The sentences of ``evidence`` said by the person whose words the question asks for
    (by name or surname; not a party, whose speakers the listing rules choose)."""
    who = asked_speaker(question)
    if who is None:
        return []
    return [e for e in evidence if e.speaker is not None and e.speaker.is_named(who)]


# A verb of saying in a sentence that reports someone's words ("… har borgarrådet Ojanne (S) i
# media fortsatt hävda att …"), in any tense.
_REPORTED_SAYING = re.compile(r"\b(?:säg|sa|sade|sagt|svar(?!t)|mena|menad|ans[eå]|tyck|hävd|skriv|skrev|kalla|påpeka|"
                              r"betona|välkomna|konstatera|framhåll|understr[iy]k|berätta)[a-zåäö]*\b", re.IGNORECASE)
# "Vad svarade X på …?": a reply is asked for, which a report of it says it is ("svarar").
_REPLY_ASKED = re.compile(r"^\s*(?:och\s+)?(?:vad|hur)\s+(?:svarar|svarade)\b|\b(?:answer|reply)\b", re.IGNORECASE)


def _reports_words_of(evidence: SentenceEvidence, who: str, question: Question) -> bool:
    """Whether the sentence reports what ``who`` says: it names them (by surname) beside a
    verb of saying (a verb of replying when a reply is asked for)."""
    surname = who.split()[-1]
    if not re.search(r"\b" + re.escape(surname) + r"\b", evidence.text):
        return False
    if _REPLY_ASKED.search(question.text):
        return re.search(r"\bsvar(?!t)[a-zåäö]*\b", evidence.text, re.IGNORECASE) is not None  # (not "svarta")
    return _REPORTED_SAYING.search(evidence.text) is not None


# A paper named as the source of what is asked ("enligt interpellationen", "according to the
# memo", "i promemorian").
_SOURCE = re.compile(r"\b(?:enligt|according\s+to|i|in)\s+(?:the\s+)?([\wåäö]+)", re.IGNORECASE)


def _source_kind(question: Question) -> frozenset[str]:
    """The word stems of the kind of paper the question names as its source, if any."""
    return frozenset(t for match in _SOURCE.finditer(question.text) for t in tokenize(match.group(1))
                     if t in _KIND_WORDS)


def _unglossed(question: Question) -> frozenset[str]:
    """An English question's words that the glossary gave no Swedish form (they are kept as
    they are, so Swedish text never holds them); none for a Swedish question."""
    if question.language == "sv":
        return frozenset()
    own = set(tokenize(question.text))
    return frozenset(t for t in question.terms if t in own)


def _dates_event(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether the sentence's dates may be of the event a "När …?" asks about: it tells of the
    event (``states_event``) and, for an event with names, states them itself or in its
    document's title ("Trefas startades 2020 i … Stockholm" does not date Sluta skjut's start,
    though its paragraph names Sluta skjut)."""
    if not states_event(question, evidence):
        return False
    title = evidence.document.metadata.value("title") or ""
    return asked_event(question, "when") is None or all(
        key_in(k, evidence.text, []) or key_in(k, title, []) for k in question.key_terms if not k[0].isdigit())


def _holds_names(question: Question, evidence: SentenceEvidence, read_with: bool = False) -> bool:
    """Whether the sentence states the question's names (not its numbers); with ``read_with``,
    also among the words it is read with: who says it, a caption it credits ("Foto: Naomi
    Grossman" with "… Alexander Ojanne (S)."), its document's heading."""
    def held(name: str) -> bool:
        return key_in(name, evidence.text, []) or (read_with and set(tokenize(name)) <= set(evidence.words))

    names = [k for k in question.key_terms if not k[0].isdigit()]
    # A follow-up's names carried from the question before: one of them will do ("Och vem
    # startade projektet?" after "Vilka delar av Stockholm ingår i Trefas?" is about Trefas).
    carried = [k for k in names if question.carried and set(tokenize(k)) <= set(question.carried)]
    return all(held(k) for k in names if k not in carried) and (not carried or any(held(k) for k in carried))


# Names one by one: "Skarpnäck, Farsta, Enskede-Årsta-Vantör och Skärholmen" (two or more).
_NAME_IN_LIST = r"[A-ZÅÄÖ][\wåäöéü-]*(?:\s+[A-ZÅÄÖ][\wåäöéü-]*)*"
_ENUMERATION = re.compile(_NAME_IN_LIST + r"(?:\s*,\s*" + _NAME_IN_LIST + r")*\s+(?:och|samt|and)\s+" + _NAME_IN_LIST)
_SPACE_AFTER = re.compile(r"[ \t]*")


def _enumerated_count(question: Question, usable: list[SentenceEvidence], floor: float) -> Draft | None:
    """The number of names a sentence (scoring at least ``floor``) lists right after the noun
    "hur många" counts, as a draft citing the noun and the names; None when none does. The
    count is the one figure not copied from its quote: the item shows the names it counts."""
    counted = [t for word in counted_forms(question)[0] for t in tokenize(word)]  # (an English noun's Swedish forms)
    if not counted:
        return None
    for e in usable:
        if e.score < floor:
            continue
        text = e.document.text
        for word in re.finditer(r"[\wåäöÅÄÖ-]+", text[e.start:e.end]):
            if not any(stem_matches(stem, set(tokenize(word.group(0)))) for stem in counted):
                continue
            at = e.start + word.end()
            listed = _ENUMERATION.match(text, _SPACE_AFTER.match(text, at).end(), e.end)
            if listed is None:
                continue
            names = [n for n in re.split(r"\s*,\s*|\s+(?:och|samt|and)\s+", listed.group(0)) if n]
            draft = Draft(answerable=True, shape="factoid")
            n = draft.cite(Claim(e.document, e.start + word.start(), listed.end(), e.speaker))
            value = str(len(names))
            draft.short.append((value, n))
            draft.items.append(DraftItem(f"{value} ({', '.join(names)})", [n]))
            return draft
    return None


def _announced_items_count(question: Question, usable: list[SentenceEvidence], floor: float,
                           limit: int) -> Draft | None:
    """The number of bulleted or numbered items after a sentence (scoring at least ``floor``)
    that names the counted noun and introduces a list ("Jag vill därför ställa följande frågor
    …:"), cited from that sentence through the last item's first sentence; None when none does."""
    from assistant.listing import INTRO, items_after

    counted = [t for word in counted_forms(question)[0] for t in tokenize(word)]
    for e in usable:
        if e.score < floor or not counted or not INTRO.search(e.text) or not any(
                stem_matches(stem, set(tokenize(e.text))) for stem in counted):
            continue
        items = items_after(e, limit)
        if len(items) < 2:
            continue
        draft = Draft(answerable=True, shape="factoid")
        n = draft.cite(Claim(e.document, e.start, items[-1].end, e.speaker))
        value = str(len(items))
        draft.short.append((value, n))
        draft.items.append(DraftItem(value, [n]))
        return draft
    return None


def _names_in_paragraph(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether each of the question's own names is in the sentence's paragraph ("Samarbetet …
    har riktat in sig på fyra kriminella nätverk" after "… metoden ”Sluta skjut!” …") or among
    the words the sentence is read with (``_holds_names``: its speaker, its label lines, its
    document's title and heading block)."""
    text = evidence.document.text
    start = text.rfind("\n\n", 0, evidence.start)
    end = text.find("\n\n", evidence.end)
    paragraph = text[start + 1:len(text) if end < 0 else end]
    # (Only the question's own names: a follow-up's carried ones were the previous question's.)
    return all(key_in(k, paragraph, list(evidence.parties)) or set(tokenize(k)) <= set(evidence.words)
               for k in question.key_terms if not k[0].isdigit() and k in question.text)


def _first_where(usable: list[SentenceEvidence], reach: int,
                 test: Callable[[SentenceEvidence], bool]) -> list[SentenceEvidence]:
    """``usable`` with those of its first ``reach`` sentences that pass ``test`` first; empty
    when none does."""
    passing = [e for e in usable[:reach] if test(e)]
    return passing + [e for e in usable if e not in passing] if passing else []


def _name_stems(question: Question) -> set[str]:
    """The word stems of the question's names and numbers."""
    return {t for k in question.key_terms for t in tokenize(k)}


def _joined(names: list[str], language: str) -> str:
    """"A, B och C" ("A, B and C")."""
    last = " och " if language == "sv" else " and "
    return last.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _speaker_party(document: DocumentRecord, name: str) -> str | None:
    """The party of the document's speaker of that name, when it has one party."""
    parties = {p for s in document.speakers if s.is_named(name) for p in s.parties}
    return next(iter(parties)) if len(parties) == 1 else None


def _asked_role(question: Question) -> list[str] | None:
    """The stems of the role a person question names (Swedish, or an English role through the
    glossary's Swedish words), None when it names none."""
    if question.language == "sv":
        leads = _LEADS_ASKED.search(question.text)
        if leads is not None:
            return list(_CHAIR_ROLES if _ELECTED_BODY.search(leads.group("unit")) else _HEAD_ROLES)
        role = ROLE_ASKED.search(question.text) or _NAME_OF_ROLE.search(question.text)
        return tokenize(role.group(1))[:1] if role else None
    role = ROLE_ASKED_ENGLISH.search(question.text)
    if role is None:
        return None
    if role.group(2) and _ELECTED_BODY_ENGLISH.search(question.text, role.end()):
        return list(_CHAIR_ROLES)  # "Who leads the district committee?": its chair
    glossed = swedish_for(role.group(1) or role.group(2))
    stems = [t for w in (glossed[-1][1] if glossed else ()) for t in tokenize(w)]
    return stems or None  # a role the glossary does not know is not checked


def _asks_for_head(question: Question) -> bool:
    """"Vem leder förvaltningen?", "Who heads the administration?": the head of a named unit."""
    if question.language == "sv":
        return _LEADS_ASKED.search(question.text) is not None
    role = ROLE_ASKED_ENGLISH.search(question.text)
    return role is not None and role.group(2) is not None


def _unit_of_role(question: Question, stems: list[str], evidence: SentenceEvidence) -> bool | None:
    """Whether the compound that holds the asked role in the sentence itself (not the label
    block around it, which may hold another's role) begins with a word the question also
    uses ("stadsdel" of "stadsdelsdirektör" for "the district administration", glossed
    "stadsdelsförvaltning"); None when the role stands alone ("ordförande", "chef")."""
    asked = [a for t in question.terms for a in t.split(ALTERNATIVE) if len(a) >= 4]
    found = None
    for token in tokenize(evidence.text):
        for stem in stems:
            at = token.find(stem)
            if at >= 4:
                if any(token[:at].rstrip("s")[:4] == a[:4] and a[:at].rstrip("s") in a for a in asked):
                    return True
                found = False  # the head of another unit ("avdelningschef")
    return found


def _said_by(best: SentenceEvidence, label: str, parties: tuple[str, ...]) -> Draft:
    """An answer naming who says ``best`` (``label``), cited with the sentence and the words
    that make them its speaker (or the curated note that does)."""
    speaker = best.speaker
    draft = Draft(answerable=True, shape="factoid")
    n = draft.cite(claim_of(best))
    if speaker.evidence_start is not None and speaker.evidence_end is not None:
        n = draft.cite(Claim(best.document, speaker.evidence_start, speaker.evidence_end, speaker))
    else:
        draft.note = speaker.curated
    draft.short.append((label, n))
    draft.items.append(DraftItem(label, [n], speaker.label() or None, parties))
    return draft


# A question for several people ("Vilka borgarråd …?", "Which officials …?").
_PLURAL_WHO = re.compile(r"^\s*(?:och\s+|and\s+)?(?i:vilka|which)\b")
_PARTIES_ASKED = re.compile(r"\b(?i:vilka\s+(?:\w+\s+)?partier|which\s+(?:\w+\s+)?parties)\b")
# "Who wants / proposes / thinks …": the answer is whoever says it.
_WHO_HOLDS = re.compile(
    r"\b(?i:vem|vilka)\s+(?i:vill|ville|föreslår|föreslog|anser|ansåg|tycker|tyckte|kräver|krävde|"
    r"driver|drev|(?:har|hade)\s+(?:[a-zåäö]+\s+)?(?:drivit|föreslagit|krävt)|menar|kritiserar|kritiserade)\b"
    r"|\b(?i:who)\s+(?i:wants|wanted|proposes|proposed|has\s+proposed|suggests|suggested|demands|demanded|argues|"
    r"argued|thinks|believes|criticises|criticizes|criticised|criticized|supports|pushes|pushed|has\s+pushed)\b")
# The words of money: what a cost question asks, not what it is about.
_MONEY_STEMS = frozenset(tokenize("budget budgeten pengar pengarna money funding funds"))
# "Hur mycket pengar handlar det om?": words of asking about a sum, not its subject. (Not words
# of asking everywhere: "Vad kan uppföljningsansvar handla om?" is answered by "Det kan handla
# om …", SweQUAD-MC.)
_SUM_ASKING_STEMS = frozenset(tokenize("handlar handla handlade"))


def _names_nothing(question: Question) -> bool:
    """Whether the question's own words (a follow-up's, without the conversation's) are only
    words of asking and of money: "Hur mycket pengar får de?"."""
    own = analyze(question.text).terms
    asking = _MONEY_STEMS | _SUM_ASKING_STEMS
    return not [t for t in own if t not in ANSWER_TYPE_TERMS and t.split(ALTERNATIVE)[0] not in asking]


# "Vilket parti tillhör han?", "Vilket parti representerar hon?": the words of belonging.
_MEMBERSHIP_STEMS = frozenset(tokenize("tillhör tillhörde representerar representerade företräder företrädde medlem "
                                       "belongs belong represents represent member"))
_PARTY_WORDS = frozenset(tokenize("parti partier partiet party parties"))
# The words of signing: what a signing question asks, not the paper it names.
# ... and where a paper's senders stand ("Vilka står som avsändare längst ner i promemorian?").
_SIGNING_STEMS = frozenset(tokenize("undertecknade undertecknat signerade signerat signed sign signatories signatory "
                                    "står längst ner slutet bottom end avsändare avsändaren avsändarna"))
_SIGNED_ASKED = re.compile(r"\b(?:undertecknade|undertecknat|undertecknades|signerade|signerat|signerades|skrev\s+under|"
                           r"skrevs\s+under|skrivit\s+under|signed|signatories|signatory|längst\s+ner|at\s+the\s+(?:bottom|end))\b",
                           re.IGNORECASE)
# Writing to someone: the senders of the letter a reply answers are asked for.
_WROTE_TO = re.compile(r"\b(?:skrev|skrivit|skickade|skickat|vände\s+sig|vänt\s+sig|wrote|written|sent|turned)\s+"
                       r"(?:\w+\s+)?(?:till|to)\b", re.IGNORECASE)
# A sentence whose subject is "they" (after a list marker): others than its speaker act.
_OTHERS_SUBJECT = re.compile(r"\s*(?:[-–•●]\s*|\d{1,2}[.)]\s*)?(?:De|Dom|They)\s+(?!som\b|här\b|flesta\b|who\b)")
_WHY_ASKED = re.compile(r"^\s*(?:(?:och|men|and|but)\s+)?(?:varför|why)\b|\bav vilken anledning\b|\bfor what reason\b"
                        # ... or a purpose ("Vad är syftet med det?", "What is the aim of …?")
                        r"|\b(?:syftet|ändamålet|meningen)\s+med\b|\bvad\s+syftar\b"
                        r"|\b(?:the\s+)?(?:purpose|aim|point)\s+of\b",
                        re.IGNORECASE)
# Words that give a reason or a purpose.
_REASON = re.compile(r"\b(?:för att|eftersom|därför att|därför|då det|på grund av|med anledning av|anledning(?:en)?|"
                     r"syftar till|i syfte att|syftet|because|in order to|since|due to|so that|the reason)\b", re.IGNORECASE)
# A verb by which a sentence says who holds a view or a wish ("Moderaterna vill …", "…, anser M"):
# the question's verbs of a stance and more forms of them.
_HOLDING = re.compile(r"\b(?:" + "|".join(STANCE_VERBS + (
    "vilja", "önskar", "önskade", "föreslagit", "anse", "kräver", "krävde", "krävt", "driver", "drev", "drivit",
    "hävdar", "hävdade", "välkomnar", "välkomnade", "betonar", "betonade")) + r")\b", re.IGNORECASE)
# A whole period asked for, and a part of one a sentence speaks of.
_WHOLE_PERIOD = re.compile(r"\bhela\s+(?:året|år|\d{4}|perioden|mandatperioden)\b|\bhelåret\b|"
                           r"\b(?:the\s+)?(?:whole|entire|full)\s+(?:year|period|of\s+\d{4})\b|\ball\s+of\s+\d{4}\b",
                           re.IGNORECASE)
_PART_OF_PERIOD = re.compile(r"\b(?:första|sista|senaste)\s+(?:\w+\s+)?(?:månad\w*|halvår\w*|kvartal\w*|veck\w*)|"
                             r"\bkvartal\w*|\bhalvår\w*", re.IGNORECASE)
_WE_OR_I = re.compile(r"\b(?:jag|vi)\b", re.IGNORECASE)
# A speaker speaking of themself ("jag som socialborgarråd", "min tid som …").
_FIRST_PERSON = re.compile(r"\b(?:jag|mig|min|mitt|mina)\b", re.IGNORECASE)

_PLACE_PREPOSITION = re.compile(r"\b(?:i|på|vid|från|till|utanför|inom|in|at|near|from)\s+$", re.IGNORECASE)

_DATE_WORDS = frozenset(tokenize("datum datumet daterad daterat daterades date dated när when skrevs skrevs written "
                                  "publicerades published dokumentet document det den "
                                  "undertecknad undertecknades undertecknat signerad signerades signed"))


def _shares_words(question: Question, text: str) -> bool:
    words = set(tokenize(text))
    return any(a in words for t in question.terms if t not in ANSWER_TYPE_TERMS for a in alternatives(t))


def _party_label(party: str, language: str) -> str:
    return f"{party_name(party, language)} ({party})"


def _parties_saying(evidence: SentenceEvidence) -> set[str]:
    """The parties that say ``evidence``: its speaker's, else (a text nobody within it is
    found to speak) the document's."""
    if evidence.speaker is not None:
        return set(evidence.speaker.parties)
    return set(evidence.document.metadata.value("parties") or [])


def _shows_party(evidence: SentenceEvidence) -> bool:
    """Whether a sentence names a party or is said by someone of a party."""
    return any(c.kind == "party" for c in evidence.answers) or (
        evidence.speaker is not None and bool(evidence.speaker.parties))
