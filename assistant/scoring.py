"""Sentence scoring: every sentence of the best passages, scored against the question.

Score = e5 similarity to the question (min-max within the candidates) + idf-weighted
coverage of the question's words (in the sentence and its document header) + the
passage's retrieval rank + whether the sentence holds an answer of the kind asked for
(a party, a number, ...) + how many of the question's names and numbers it contains
(weights: ``assistant.tuning.ScoringWeights``). A sentence that is itself a question
("Hur ska ni bekosta dessa åtgärder?") is never evidence, unless the user asks which
questions were asked. Each sentence carries the
speaker of its span (``index.speakers``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from assistant.candidates import Candidate, amounts, candidates
from assistant.glossary import ALTERNATIVE, alternatives, swedish_for
from assistant.question import ANSWER_TYPE_TERMS, Question, answers_date, kind_term, party_words
from assistant.reranking import QuestionTerms, sentences_with_tokens
from assistant.retrieval import ScoredChunk
from assistant.tuning import AnswerSettings
from index import DocumentRecord, Index, Speaker, speaker_at
from index.metadata import KIND_AUTHORS
from index.parties import canonical_party, find_parties
from index.text import BULLET, line_around, normalize, split_sentences, tokenize, words

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
    speaker: Speaker | None = None
    embedded: bool = False  # whether ``dense`` was measured (else the lowest seen)
    pointed: float = 0.0    # follows a question of the document that asks what the user asks:
    #                         that question's cover of the user's words (else 0)
    words: frozenset[str] = frozenset()  # the stems its word cover was measured on (its own, its
    #                                      label block's, its document header's)
    item_lexical: float = 0.0  # word cover of its bulleted item's sentences together (else its own)
    near_words: frozenset[str] = frozenset()  # its own stems, its label block's and its section
    #                                           heading's (not its document header's)

    @property
    def text(self) -> str:
        return self.document.text[self.start:self.end]

    @property
    def parties(self) -> tuple[str, ...]:
        return self.speaker.parties if self.speaker else ()


@functools.lru_cache(maxsize=1024)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(tokenize(name))


def counted_forms(question: Question) -> tuple[list[str], str]:
    """What "how many X" counts, as words to compare with a number's following words, and
    their language: an English X the glossary knows is compared in its Swedish forms ("field
    assistants" as "fältassistent", not as any kind of assistant)."""
    if question.counted is None:
        return [], question.language
    if question.language == "en":
        swedish = [word for english, words in swedish_for(question.counted)
                   if english == question.counted.lower() for word in words]
        if swedish:
            return swedish, "sv"
    return [question.counted], question.language


def stem_matches(term: str, tokens: set[str] | frozenset[str], joined: str | None = None) -> bool:
    """A stem of the question in ``tokens``: the same, or (5+ letters) one inside the other
    (compounds). The Swedish stemmer keeps the definite "-an" ("skolan", "gatan" but "skol",
    "gat" for "skolor", "gator") and, after some letters, "-t"/"-et" ("fotot", "kortet"), so
    those endings are dropped here too. ``joined``: the tokens joined by spaces, when the
    caller keeps them so (a corpus's whole vocabulary)."""
    if term in tokens:
        return True
    if ALTERNATIVE in term:  # an English word's Swedish equivalents (assistant.glossary)
        return any(stem_matches(t, tokens, joined) for t in alternatives(term))
    if len(term) >= 6 and term.endswith("an") and term[:-2] in tokens:
        return True
    # ... and a question word's definite neuter "-t"/"-et" after a 4+ letter stem ("fotot" is
    # "Foto", "kortet" is "kort"; not the other way: "våld" in a question is not every "våldet").
    if (len(term) >= 5 and term.endswith("t") and term[:-1] in tokens) or (
            len(term) >= 6 and term.endswith("et") and term[:-2] in tokens):
        return True
    # ... and a noun in -el/-en/-er whose "e" inflection drops ("extramedlen", stemmed
    # "extramedl", is "extramedel"; "reglerna" is "regel").
    if len(term) >= 4 and term[-1] in "lnr" and term[-2] not in "aeiouyåäö" and term[:-1] + "e" + term[-1] in tokens:
        return True
    if len(term) >= 6 and term[-2:] in ("el", "en", "er") and term[:-2] + term[-1] in tokens:
        return True
    # ... and a verb in -ja and its noun ("stödja" / "stöd").
    if len(term) >= 5 and term.endswith("j") and term[:-1] in tokens:
        return True
    # ... and a verb in -era and its noun in -ation ("inspirera" / "inspiration").
    if len(term) >= 7 and term.endswith("er") and term[:-2] + "ation" in (joined or " ".join(tokens)):
        return True
    if len(term) >= 9 and term.endswith("ation") and term[:-5] + "er" in tokens:
        return True
    # ... and a verb's supine and past ("genomfört" / "genomförde", stemmed "genomförd").
    if len(term) >= 5 and term[-1] in "td" and term[:-1] + ("d" if term[-1] == "t" else "t") in tokens:
        return True
    if len(term) == 4 and term.isalpha():
        if any(len(t) >= 7 and t.endswith(term) for t in tokens):
            return True  # a short word as a compound's head ("fond" in "trygghetsfond")
        # ... or, with the "-ar"/"-er" the stemmer took off, as its first part ("sommaren",
        # stemmed "somm", in "sommarlovsprogrammet"; "vintern" in "vinterkräksjukan").
        spaced = " " + (joined or " ".join(tokens))
        return any(f" {term}{ending}" in spaced for ending in ("ar", "er"))
    if len(term) >= 5:
        # A token of 5+ letters inside the term, or the term inside a token (tokens hold no
        # spaces): set and string operations rather than a loop over the tokens (this is the
        # hot path of word cover).
        return not tokens.isdisjoint(_inner_parts(term)) or term in (joined or " ".join(tokens))
    return False


SENTENCE_CLOSERS = ".!?:;)”\""
# The same without a closing parenthesis or quote: "Svar på skrivelse från (M), (L), (C) och
# (SD)" is a title line too (a parenthesis ends a sentence only after one: "… (+1 mnkr)").
SENTENCE_ENDS = ".!?:;"


def is_heading(text: str, start: int, end: int, closers: str = SENTENCE_CLOSERS) -> bool:
    """A line of its own with no closing punctuation (``closers``) and few words: a heading
    or a title (a bulleted item is a point, however short)."""
    line_start, line_end = line_around(text, start, end)
    sentence = text[start:end].strip()
    if not sentence or text[line_start:line_end].strip() != sentence or BULLET.match(text, line_start, line_end):
        return False
    return sentence[-1] not in closers and len(sentence.split()) < 12


@functools.lru_cache(maxsize=256)
def _section_headings(text: str) -> tuple[tuple[int, ...], tuple[frozenset[str], ...]]:
    """(ends, stems) of the lines of ``text`` that head a section: a heading (``is_heading``)
    after an empty line, of at least two words, one phrase (not a caption with its credit,
    "… Ojanne (S). Foto: …"), not a table row or a line ending in a comma."""
    ends: list[int] = []
    stems: list[frozenset[str]] = []
    position = 0
    previous_blank = True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        end = position + len(line.rstrip("\n"))
        if (previous_blank and len(stripped.split()) >= 2 and is_heading(text, position, end)
                and "\t" not in stripped and not stripped.endswith(",") and not re.search(r"[.!?:]\s", stripped)):
            ends.append(end)
            stems.append(frozenset(tokenize(stripped)))
        previous_blank = not stripped
        position += len(line)
    return tuple(ends), tuple(stems)


def section_heading_words(text: str, start: int) -> frozenset[str]:
    """The stems of the heading of the section ``start`` is in ("Vår kritik mot det borgerliga
    förslaget" for the points under it); none before the first heading."""
    ends, stems = _section_headings(text)
    i = bisect.bisect_right(ends, start) - 1
    return stems[i] if i >= 0 else frozenset()


def topic_cover(question: Question, words: set[str] | frozenset[str], idf, excluded: set[str] | frozenset[str] = frozenset()) -> float:
    """The idf-weighted share of the question's words, less ``excluded`` (names, list words)
    and the words that only say what kind of answer is wanted, found in ``words``; 1.0 when
    no word is left to find."""
    rest = [t for t in question.terms if t not in excluded and t not in ANSWER_TYPE_TERMS]
    if not rest:
        return 1.0
    return QuestionTerms(rest, idf, _optional(question)).covered(set(words), stem_matches)


def _optional(question: Question) -> frozenset[str]:
    """The question's terms counted only where a sentence holds them (``kind_term``)."""
    kind = kind_term(question)
    return frozenset(question.carried) | (frozenset((kind,)) if kind else frozenset())


# A sentence opening with a demonstrative or a personal pronoun refers to the one before it.
REFERS_BACK = re.compile(r"\s*(?:Dessa|Denna|Detta|Han|Hon|Båda|Bägge|These|This|He|She|Both)\b")
# A sentence opening with the things the one before it named ("Båda …", "Dessa har …"); not
# "Detta …", which may refer to a whole claim ("Detta trots att …").
NAMES_BACK = re.compile(r"\s*(?:Dessa|Denna|Båda|Bägge|These|Both)\b")


def sentence_before(text: str, start: int) -> tuple[int, int] | None:
    """The span of the sentence before ``start`` in its paragraph (None at a paragraph's start)."""
    paragraph_start = text.rfind("\n\n", 0, start)
    before = split_sentences(text, 0 if paragraph_start < 0 else paragraph_start + 2, start)
    return before[-1] if before else None


@functools.lru_cache(maxsize=8192)
def _inner_parts(term: str) -> frozenset[str]:
    """The substrings of ``term`` of 5 or more letters that can stand for it: its end (a
    Swedish compound's head: a "trygghetsvandring" is a "vandring") or any part at least half
    its length; a short first part names what the compound is about, not the thing itself
    ("trygg" is not "trygghetsvandring")."""
    n = len(term)
    return frozenset(term[i:j] for i in range(n) for j in range(i + 5, n + 1) if j == n or 2 * (j - i) >= n)


def key_in(term: str, text: str, doc_parties: list[str]) -> bool:
    """Whether the question's name ``term`` is in ``text`` (a party also as said by ``doc_parties``)."""
    party = canonical_party(term)
    if party and (party in doc_parties or any(m.party == party for m in find_parties(text))):
        return True
    if len(term) >= 2 and term.isupper() and term.isalpha() and not tokenize(term):
        # An abbreviation in capitals that spells a stop word is not that word ("SIG" is no
        # "sig"); one that does not may be written in lower case ("hvb-hem").
        return re.search(r"(?<![\w-])" + re.escape(term) + r"(?:s|:s|-\w+)?(?!\w)", normalize(text)) is not None
    lowered = normalize(text).lower()
    if term[0].isdigit():
        return re.search(r"(?<!\d)" + re.escape(term.lower()) + r"(?!\d)", lowered) is not None
    name, hyphen, head = term.rpartition("-")
    if hyphen and name and head[:1].islower() and name.lower() + "-" not in normalize(text).lower() \
            and key_in(name, text, doc_parties):
        # A name joined to a common noun ("Malmö-samarbetet", "S-budgeten"): the name and the
        # noun apart ("Samarbetet mellan Malmö Stad …"); where the text joins them too, as
        # below ("KC-operatörer" is not "KC" beside "operatör").
        head_stems = tokenize(head)
        if head_stems and all(stem_matches(stem, set(tokenize(text))) for stem in head_stems):
            return True
    # Swedish genitive: "Sveriges" is supported by "Sverige"; a definite form by the bare
    # word ("Stockholmsstandarden" by "en Stockholmsstandard").
    # The name opens a word (or the part of one after a hyphen): "Järvaområdet" holds "Järva",
    # "beslutar" holds no "Sluta".
    if all(any(re.search(r"(?<!\w)" + re.escape(form), lowered) for form in _name_forms(part.lower()))
           for part in term.split()):
        return True
    return _name_and_noun_apart(term, text)


_CAPITALISED_WORD = re.compile(r"[A-ZÅÄÖÉ][\wåäöéü]*")


def _name_and_noun_apart(term: str, text: str) -> bool:
    """A name joined to a common noun in one word, without a hyphen ("Malmöprojektet"), where
    a sentence of the text has the name and the noun ("Samarbetet mellan Malmö Stad … effekt
    av projektet")."""
    if not term[:1].isupper() or term.isupper() or not term.isalpha() or term[:3] not in text:
        return False  # (most sentences hold no name it can open with: one substring test)
    text = normalize(text)
    names = set(_CAPITALISED_WORD.findall(text))
    cuts = [(term[:cut], tokenize(term[cut:])) for cut in range(3, len(term) - 3) if term[:cut] in names]
    for name, stems in cuts:
        for start, end in split_sentences(text, 0, len(text)) if stems else ():
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text[start:end]) \
                    and all(stem_matches(stem, set(tokenize(text[start:end]))) for stem in stems):
                return True
    return False


def _name_forms(part: str) -> list[str]:
    forms = [part]
    if part.endswith("s"):
        forms.append(part[:-1])
    if len(part) >= 8:
        # (also a definite plural: "SSPF-koordinatorerna" by "två SSPF-koordinatorer")
        forms += [part[:-len(ending)] for ending in ("erna", "arna", "orna", "en", "et", "n", "t")
                  if part.endswith(ending)]
    return forms


# Sections of a council paper (index.speakers roles) as a question names them.
_SECTION_KINDS = (
    ("reservation", re.compile(r"\breserv\w*|\bdissent", re.IGNORECASE)),
    ("statement", re.compile(r"\bsärskil\w*\s+uttalande\w*|\bspecial statement", re.IGNORECASE)),
    ("substitute", re.compile(r"\bersättaryttrande\w*|\b(?:substitute'?s?|supplementary|deputy'?s?) statement",
                              re.IGNORECASE)),
)


def sections_asked(question: Question) -> set[str]:
    """The speakers' sections of a council paper the question names (index.speakers roles:
    "reservation", "statement", "substitute")."""
    return {role for role, named in _SECTION_KINDS if named.search(question.search or question.text)}


@dataclass
class _LabelLine:
    """A whole short line without a sentence end (a label or a value of a heading or contact
    block), with its words and, once scored, its evidence."""

    end: int
    words: set[str]
    evidence: SentenceEvidence | None = None


def _is_credit(text: str, previous_end: int, start: int, end: int, max_words: int) -> bool:
    """Whether ``text[start:end]`` is a short "Label: value" fragment on the same line as the
    sentence before it (a photo credit, a source line)."""
    fragment = text[start:end].strip()
    return ("\n" not in text[previous_end:start] and ":" in fragment[:-1]
            and len(fragment.split()) <= max_words and fragment[-1:] not in ".!?")


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start, line_end = line_around(text, start, end)
    return text[line_start:line_end].strip() == text[start:end].strip()


def _label_line(text: str, start: int, end: int, block: list[_LabelLine], max_words: int) -> _LabelLine | None:
    """When ``text[start:end]`` is a whole line of at most ``max_words`` words without a
    sentence end, that line, appended to ``block`` (the run of such lines just above it;
    cleared when the run breaks); else None."""
    sentence = text[start:end]
    if not (_whole_line(text, start, end) and len(sentence.split()) <= max_words
            and sentence.rstrip()[-1:] not in ".!?"):
        block.clear()
        return None
    if block and text.count("\n", block[-1].end, start) > 1:  # not the very next line
        block.clear()
    line = _LabelLine(end, set(tokenize(sentence)))
    block.append(line)
    return line


def _is_percentage(candidate: Candidate) -> bool:
    return candidate.value.endswith(("%", "procent"))


def _is_share(candidate: Candidate) -> bool:
    """A percentage or a fraction said in words ("43 procent", "nästan hälften")."""
    return _is_percentage(candidate) or candidate.value.lower() in ("hälften", "halva", "dubbelt")


_YEAR = re.compile(r"(?:19|20)\d\d")


def _share_or_year(candidate: Candidate) -> bool:
    return _is_percentage(candidate) or _YEAR.fullmatch(candidate.value) is not None


_SHARE_ASKED = re.compile(r"\b(?:hur stor andel|hur stor del|vilken andel|hur många procent|what share|what proportion|"
                          r"what percentage|what fraction|how many per ?cent)\b", re.IGNORECASE)
_COUNT_ASKED = re.compile(r"\b(?:hur många|how many|antal(?:et)?|number of)\b", re.IGNORECASE)
# What a count of money is counted in ("Hur många miljoner …?"): then a sum answers it.
_MONEY_WORDS = re.compile(r"(?:miljon|miljard|kron|mnkr|mkr|tkr|mdkr|million|billion|crown|krona|sek|euro)", re.IGNORECASE)


def _not_money(question: Question, text: str, start: int, end: int, answers: list[Candidate]) -> list[Candidate]:
    """A count is no sum of money: "Hur många har ringt avhopparlinjen?" is not answered by the
    1 of "(+1 mnkr)", unless what is counted is money."""
    if not _COUNT_ASKED.search(question.text) or (question.counted and _MONEY_WORDS.match(question.counted)):
        return answers  # "Hur stor är trygghetsfonden?" is answered by a sum
    sums = [(a.start, a.end) for a in amounts(text, start, end)]
    return [c for c in answers if not any(s <= c.start < e for s, e in sums)]


def _sums_whole(question: Question, text: str, start: int, end: int, answers: list[Candidate]) -> list[Candidate]:
    """A size that is no count is answered by a sum with its unit: "Hur stor är
    trygghetsfonden?" by "100 mnkr", not "100"."""
    if _COUNT_ASKED.search(question.text):
        return answers
    sums = amounts(text, start, end)
    whole = [next((s for s in sums if s.start <= c.start < s.end), c) for c in answers]
    return list(dict.fromkeys(whole))


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that can name what a number counts (no stop words, no figures)."""
    return [w for w in text.split() if tokenize(w) and not any(ch.isdigit() for ch in w)]


def _following_words(text: str, candidate: Candidate, n: int = 3) -> str:
    """The words right after a number, within its sentence as ``split_sentences`` ends it
    ("två skolor. Arbetet med …" counts schools, not "Arbetet")."""
    spans = split_sentences(text, candidate.end, min(len(text), candidate.end + 80))
    return " ".join(text[spans[0][0]:spans[0][1]].rstrip(".!?…").split()[:n]) if spans else ""


_QUESTION_MARK = re.compile(r"\?")
_QUESTION_REACH = 1000  # characters before a question mark in which its sentence starts


@functools.lru_cache(maxsize=256)
def _document_questions(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text``'s sentences that are questions: each split from the start of a
    line before its question mark (not the whole text: a long document holds few questions)."""
    spans: dict[tuple[int, int], None] = {}
    for mark in _QUESTION_MARK.finditer(text):
        window = max(0, mark.start() - _QUESTION_REACH)
        line_start = text.find("\n", window, mark.start())
        if line_start >= 0:
            window = line_start + 1  # (else a paragraph longer than the reach: its first sentence is cut)
        line_end = text.find("\n", mark.end())
        for start, end in split_sentences(text, window, len(text) if line_end < 0 else line_end):
            if start <= mark.start() < end and is_question(text[start:end]):
                spans[(start, end)] = None
    return tuple(spans)


def is_question(text: str) -> bool:
    return text.rstrip(" \t\"”»)").endswith("?")


class _BoundedCache:
    """A thread-safe least-recently-used map (shared by concurrent questions)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class SentenceScorer:
    def __init__(self, index: Index, settings: AnswerSettings | None = None):
        self.index = index
        self.settings = settings or AnswerSettings()
        # Keyed by the document's content hash too, so a re-indexed document never reuses a vector.
        self._sentence_vectors = _BoundedCache(20000)
        self._word_vectors = _BoundedCache(5000)
        self._stored_documents = _BoundedCache(256)  # index-time sentence vectors, per document version

    def sentence_vectors(self, spans: list[tuple[DocumentRecord, int, int]]) -> np.ndarray:
        """e5 vectors of document spans: stored at index time, else embedded now; cached per
        (document version, span)."""
        keys = [(d.doc_id, d.content_hash, s, e) for d, s, e in spans]
        found = {key: self._sentence_vectors.get(key) for key in keys}
        for key, (document, start, end) in zip(keys, spans, strict=True):
            if found[key] is None:
                stored = self._stored(document).get((start, end))
                if stored is not None:
                    found[key] = stored
                    self._sentence_vectors.put(key, stored)
        missing = [(key, span) for key, span in zip(keys, spans, strict=True) if found[key] is None]
        if missing:
            vectors = self.index.embed_sentences([d.text[s:e] for _, (d, s, e) in missing])
            for (key, _), vector in zip(missing, vectors, strict=True):
                self._sentence_vectors.put(key, vector)
                found[key] = vector
        return np.stack([found[key] for key in keys])

    def _stored(self, document: DocumentRecord) -> dict[tuple[int, int], np.ndarray]:
        key = (document.doc_id, document.content_hash)
        stored = self._stored_documents.get(key)
        if stored is None:
            lookup = getattr(self.index, "stored_sentence_vectors", None)
            stored = lookup(document.doc_id) if lookup is not None else {}
            self._stored_documents.put(key, stored)
        return stored

    def _header_tokens(self, document: DocumentRecord) -> set[str]:
        meta = document.metadata
        kind = meta.value("kind") or ""
        # (The one who puts a paper of its kind too: "interpellanten".)
        parts = [meta.value("title") or "", kind, KIND_AUTHORS.get(kind, "")]
        return set(tokenize(" ".join(parts)))

    def evidence(self, question: Question, chunks: list[ScoredChunk], embedded: int | None = None,
                 passages: int | None = None) -> list[SentenceEvidence]:
        """Every sentence of the top ``passages``, scored, best first. The ``embedded`` most
        promising are compared with the question by e5 (defaults: the factoid budgets), and
        for a one-fact question also every other sentence with a stored vector."""
        top = chunks[: passages or self.settings.max_chunks]
        weights = self.settings.weights
        if not top:
            return []
        topic_terms = [t for t in question.terms if t not in ANSWER_TYPE_TERMS]
        if question.shape == "list" and question.parties:
            # "Vad vill Moderaterna?": who says a sentence decides, not whether it names the party.
            names = party_words(question)
            topic_terms = [t for t in topic_terms if t not in names]
        if not topic_terms and question.shape != "list":
            topic_terms = list(question.terms)
        # A summary of everything ("Sammanfatta vad partierna föreslår") names no topic:
        # word coverage says nothing there, and similarity decides.
        topic = QuestionTerms(topic_terms, self.index.sparse.idf, _optional(question)) if topic_terms else None
        best_chunk_score = top[0].score or 1.0
        question_values = self.question_values(question)

        # A party the question names is in a sentence that party says (as for the key terms).
        party_terms = [(set(tokenize(k)), {m.party for m in find_parties(k)}) for k in question.key_terms
                       if find_parties(k)]
        found: list[SentenceEvidence] = []
        # a label block's line -> the lines above it (a caption's credit -> the caption; a
        # sentence opening with what the one before named -> that sentence)
        labelled: dict[int, list[SentenceEvidence]] = {}
        unsure: dict[int, list[Candidate]] = {}  # numbers whose following words are not the counted word's stem
        seen: dict[tuple[str, int], SentenceEvidence | None] = {}
        asked_sections = sections_asked(question)
        for scored in top:
            document = self.index.document(scored.chunk.doc_id)
            if document is None:
                continue
            doc_parties = document.metadata.value("parties") or []
            # Names and numbers of the question must appear near the passage: in it, in the
            # text just before it (the speaker of a list is often named there), the title, or
            # the heading block (the committee or district a whole memo speaks for).
            context = " ".join((document.text[max(0, scored.chunk.start - 1500):scored.chunk.end],
                                document.metadata.value("title") or "",
                                document.text[:self.settings.facts.heading_block]))
            chunk_has_keys = all(key_in(k, context, doc_parties) for k in question.key_terms)
            # A name the document's title or heading block states ("i svaret från
            # Hägersten-Älvsjö") locates the document, not a sentence of it: it counts as
            # said by every sentence there, so that lines repeating it do not outrank the answer.
            heading = " ".join((document.metadata.value("title") or "", document.text[:self.settings.facts.heading_block]))
            located_keys = [k for k in question.key_terms if not find_parties(k) and key_in(k, heading, [])]
            header = self._header_tokens(document) | {t for k in located_keys for t in tokenize(k)}
            split = sentences_with_tokens(document.text, scored.chunk.start, scored.chunk.end)
            tokens_at = {(s, e): tokens for s, e, tokens in split}
            spans = [(s, e, 0.0) for s, e, _ in split]
            if topic is not None:
                # The question's names found near the passage need not be repeated by the
                # document's own question ("i Hägersten-Älvsjö" is in its heading).
                located = {t for k in question.key_terms for t in tokenize(k)} if chunk_has_keys else set()
                spans = self._with_pointed_answers(document, spans, topic, located)
            block: list[_LabelLine] = []  # the run of label lines up to this sentence
            intro: _LabelLine | None = None  # a line ending in ":" that the run of label lines follows
            for start, end, pointed in spans:
                sentence = document.text[start:end]
                own = set(tokens_at[(start, end)] if (start, end) in tokens_at else tokenize(sentence))
                # "Båda inrättades under förra mandatperioden." speaks of the things the sentence
                # before it names ("Sociala investeringsfonden och trygghetsfonden …"): their words
                # count as its own for word cover (not for where an event is told), and (below) its
                # similarity to the question is at least that sentence's, as a label line's is
                # that of the lines above it.
                before = sentence_before(document.text, start) if NAMES_BACK.match(sentence) else None
                antecedent_words = set(tokenize(document.text[before[0]:before[1]])) if before else set()
                antecedent = found[-1] if (before and found and found[-1].document is document
                                           and (found[-1].start, found[-1].end) == before) else None
                # A short line of a heading or contact block reads with the (at most two) lines
                # above it ("Handläggare" / "Clas Cederlid" / "Telefon: 08-…"), and a row of a
                # table with the line that introduces it ("Detta dokument har godkänts digitalt
                # av följande personer:" / … / "Linda Palo, avdelningschef").
                label = _label_line(document.text, start, end, block, self.settings.facts.label_line_words)
                above = block[-3:-1] if label is not None else []
                if label is None:
                    intro = None
                elif intro is not None:
                    above = [intro, *above]
                introducing = sentence.rstrip().endswith(":") and _whole_line(document.text, start, end)
                labels = set().union(*(line.words for line in above))
                # A credit after a caption on its line ("… Alexander Ojanne (S). Foto: Naomi
                # Grossman") reads with the caption.
                captioned = found[-1] if (found and label is None and found[-1].document is document
                                          and _is_credit(document.text, found[-1].end, start, end,
                                                         self.settings.facts.label_line_words)) else None
                if captioned is not None:
                    labels |= captioned.words
                if is_question(sentence) and not question.about_questions:
                    continue
                if (document.doc_id, start) in seen:
                    # Met in an earlier passage; a question of this one may point at it.
                    earlier = seen[(document.doc_id, start)]
                    if earlier is not None and pointed > earlier.pointed:
                        earlier.pointed = pointed
                    continue
                seen[(document.doc_id, start)] = None
                section = section_heading_words(document.text, start)
                tokens = own | labels | header | section | antecedent_words
                speaker = speaker_at(document.speakers, start, end)
                speaker_parties = list(speaker.parties) if speaker is not None else list(doc_parties)
                # A section of the kind the question names, said by its parties ("i sitt
                # särskilda uttalande", "in their reservation"), answers it: its sentences
                # are pointed at, as by a question of the document (its opening line is not).
                if (speaker is not None and speaker.role in asked_sections
                        and (not question.parties or set(question.parties) & set(speaker.parties))
                        and not start <= (speaker.evidence_start or -1) < end):
                    pointed = 1.0
                for words, parties in party_terms:
                    if parties & set(speaker_parties):
                        tokens |= words
                # ... and so is a person the question names or a follow-up refers to ("Hur mycket
                # pengar vill Clara Lindblom skjuta till?", "Vilket pris nämner hon?" after "Vem är
                # Lisa Palm?"), in what that person says.
                spoken = [k for k in question.key_terms if speaker is not None and speaker.is_named(k)]
                for k in spoken:
                    tokens |= set(tokenize(k))
                if speaker is not None and speaker.name:
                    # ... and a body that speaks ("Vilka skyddsfaktorer nämner stadsledningskontoret?").
                    tokens |= _name_words(speaker.name)
                lexical = topic.covered(tokens, stem_matches) if topic is not None else 1.0
                # A party of the question is in the sentence when that party says it.
                keys = [k for k in question.key_terms
                        if k in located_keys or k in spoken or key_in(k, sentence, speaker_parties)
                        or (captioned is not None and key_in(k, captioned.text, speaker_parties))]
                answers = [c for c in candidates(question.expects, document.text, start, end, self.is_common)
                           if c.value.lower() not in question_values
                           and not (c.kind == "person" and _named_by_surname(c.value, question_values))
                           and (c.kind != "date" or answers_date(question, c.value))]
                maybe: list[Candidate] = []  # counts whose words differ: compared as vectors below
                if question.expects == "number" and answers:
                    answers = _not_money(question, document.text, start, end, answers)
                    if _COUNT_ASKED.search(question.text):
                        # Nor is it a year ("Hur många har Trefas pekat ut?": not "Sedan hösten 2019").
                        answers = [c for c in answers if not _YEAR.fullmatch(c.value)]
                    if _SHARE_ASKED.search(question.text):
                        # "What share of all shootings …?": a share, not a count.
                        answers = [c for c in answers if _is_share(c)]
                    else:
                        answers = _sums_whole(question, document.text, start, end, answers)
                if question.counted and question.expects == "number":
                    counting = [c for c in answers if self.counts_by_stem(question, document.text, c)]
                    maybe = [c for c in answers if c not in counting and _content_words(
                        _following_words(document.text, c)) and not _share_or_year(c)]
                    answers = counting
                # A party named in the sentence is stronger evidence than who says it.
                typed = 1.0 if answers else 0.5 if question.expects == "party" and speaker_parties else 0.0
                found.append(SentenceEvidence(
                    document, scored, start, end,
                    lexical=lexical,
                    prior=scored.score / best_chunk_score,
                    key_share=len(keys) / len(question.key_terms) if question.key_terms else 1.0,
                    chunk_has_keys=chunk_has_keys,
                    answers=answers,
                    typed=typed,
                    speaker=speaker,
                    pointed=pointed,
                    words=frozenset(tokens),
                    near_words=frozenset(own | labels | section),
                ))
                seen[(document.doc_id, start)] = found[-1]
                if maybe:
                    unsure[id(found[-1])] = maybe
                if captioned is not None:
                    labelled[id(found[-1])] = [captioned]
                elif antecedent is not None:
                    labelled[id(found[-1])] = [antecedent]
                if introducing:
                    intro = _LabelLine(end, own, found[-1])
                if label is not None:  # ... and is as close to the question as the lines above it
                    label.evidence = found[-1]
                    labelled[id(found[-1])] = [line.evidence for line in above if line.evidence is not None]
        if not found:
            return []
        self.cover_items(found, topic)
        self.credit_continuations(found, self.settings.facts.continuation_credit)
        # Embedding sentences is the costly part of a question: only the most promising ones
        # by every other signal are embedded; the rest keep the lowest similarity seen.
        def partial(item: SentenceEvidence) -> float:
            return (weights.lexical * item.lexical + weights.prior * item.prior
                    + weights.typed * item.typed + weights.keys * item.key_share
                    + weights.pointed * (item.pointed > 0))

        budget = embedded or self.settings.max_embedded
        ordered = sorted(found, key=partial, reverse=True)
        if question.about_parties and question.shape == "list" and not question.parties:
            # Every party's most promising sentences get compared with the question.
            by_party: dict[tuple[str, ...], list[SentenceEvidence]] = {}
            for item in ordered:
                by_party.setdefault(item.parties, []).append(item)
            ordered = [item for rank in itertools.zip_longest(*by_party.values()) for item in rank if item]
        if question.about_questions:
            # "Vilka frågor ställer …?": the document's questions are compared first.
            ordered = sorted(ordered, key=lambda item: not is_question(item.text))
        shortlist = ordered[:budget]
        # Counted words compared as vectors (an encoder call) only for the most promising.
        self._count_by_vectors(question, [e for e in shortlist if id(e) in unsure], unsure)
        if question.shape != "list":
            # A one-fact answer compares every sentence whose vector was stored at index time
            # (no embedding needed): in English, word cover cannot pick the promising ones.
            shortlist += [e for e in ordered[budget:] if (e.start, e.end) in self._stored(e.document)]
        vectors = self.sentence_vectors([(e.document, e.start, e.end) for e in shortlist])
        dense = vectors @ self.index.embed_question(question.search or question.text)
        low, high = float(dense.min()), float(dense.max())
        similarity = {id(item): float(value) for item, value in zip(shortlist, dense, strict=True)}
        for item in found:
            item.embedded = id(item) in similarity
            item.dense = similarity.get(id(item), low)
        for item in found:
            above = [a.dense for a in labelled.get(id(item), ()) if a.embedded]
            if item.embedded and above:
                item.dense = max(item.dense, *above)
        for item in found:
            dense_scaled = (item.dense - low) / (high - low) if high > low else 1.0
            item.score = weights.dense * dense_scaled + partial(item)
        return sorted(found, key=lambda e: -e.score)

    def _with_pointed_answers(self, document: DocumentRecord, spans: list[tuple[int, int, float]],
                              topic: QuestionTerms, located: set[str] = frozenset()) -> list[tuple[int, int, float]]:
        """A question in the document that asks what the user asks ("2. Vilka direkta insatser
        har förvaltningen genomfört …?", an interviewer's "Hur ska ni bekosta …?") points at its
        answer: the sentences after it, up to the next question, carry that question's cover of
        the user's words as ``pointed`` (and are added when they run past the passage)."""
        facts = self.settings.facts
        if located:  # measured over the other words: the names are where the document says them
            rest = [t for t in topic.terms if t not in located]
            if not rest:
                return spans
            topic = QuestionTerms(rest, self.index.sparse.idf, topic.optional)
        if len(topic.terms) < 2:
            # One word in common says nothing of what is asked ("Vad gör fältassistenterna?" is
            # not "4. På vilket sätt fortbildas den personal (… fältassistenter) …?").
            return spans
        out = list(spans)
        known = {s for s, _, _ in spans}
        # A question of the document outside the passage points too when none asks it better
        # (a reply that numbers the letter's questions answers each under it, often in a
        # passage of its own): "Vad ska förvaltningen göra under resten av året?" is "3. Vad
        # har förvaltningen för plan … resten av året?", not "1. Vilka direkta insatser har
        # förvaltningen genomfört …?".
        def cover_of(start: int, end: int) -> float:
            sentence = document.text[start:end]
            return topic.covered(set(tokenize(sentence)), stem_matches) if is_question(sentence) else 0.0

        covers = [(start, end, cover_of(start, end), True) for start, end, _ in spans]
        covers += [(start, end, cover_of(start, end), False)
                   for start, end in _document_questions(document.text) if start not in known]
        best = max((cover for _, _, cover, _ in covers), default=0.0)
        for start, end, cover, in_passage in covers:
            if cover < facts.pointer_coverage or (not in_passage and cover < best):
                continue
            limit = min(len(document.text), end + facts.pointer_reach)
            answering, asked_until = False, end
            answerer: tuple[str, str | None] | None = None
            for s, e in split_sentences(document.text, end, limit):
                if is_question(document.text[s:e]):
                    if answering or "\n" in document.text[asked_until:s]:
                        break  # (the next question of a numbered list asks something else)
                    asked_until = e  # a question asked with it ("3. Vad har förvaltningen för plan …? Hur ser …?")
                    continue
                # The answer is who answers first: another speaker after them (an interview's
                # next person) answers no question put to the first.
                speaker = speaker_at(document.speakers, s, e)
                said_by = (speaker.role, speaker.name) if speaker is not None else ("", None)
                if answerer is not None and said_by != answerer:
                    break
                answerer = said_by
                answering = True
                if s in known:
                    out = [(a, b, max(p, cover)) if a == s else (a, b, p) for a, b, p in out]
                else:
                    out.append((s, e, cover))
                    known.add(s)
        return out

    @staticmethod
    def cover_items(found: list[SentenceEvidence], topic: QuestionTerms | None) -> None:
        """The words of a bulleted item's sentences together ("- Samverkan vid akuta
        våldshändelser i familjer … ska stärkas … Islandsprojektet ska användas som
        inspiration."): what the answer, extended over the item, will cite."""
        for item in found:
            item.item_lexical = item.lexical
        if topic is None:
            return
        for current, following in zip(found, found[1:]):
            text = current.document.text
            if following.document is not current.document or "\n" in text[current.end:following.start]:
                continue
            line_start, line_end = line_around(text, current.start, current.end)
            bulleted = BULLET.match(text, line_start, line_end) is not None
            # A sentence that opens by referring back ("Dessa har erbjudits hjälp …" after
            # "… 120 individer identifierats …") reads with the one before; not the reverse.
            referring = REFERS_BACK.match(following.text) is not None
            if not bulleted and not referring:
                continue
            joint = topic.covered(set(current.words | following.words), stem_matches)
            if bulleted:
                current.item_lexical = max(current.item_lexical, joint)
            following.item_lexical = max(following.item_lexical, joint)

    @staticmethod
    def credit_continuations(found: list[SentenceEvidence], credit: float) -> None:
        """A sentence whose list item or paragraph goes on to the asked-for figure ("...
        avhopparlinje ... Denna ska ... (+1 mnkr)") is nearly as good as one holding it:
        ``_continue_item`` will extend its quote to include it."""
        for current, following in zip(found, found[1:]):
            same_line = (current.document is following.document
                         and "\n" not in current.document.text[current.end:following.start])
            if same_line and following.answers and not current.answers:
                current.typed = max(current.typed, credit)

    def _count_by_vectors(self, question: Question, shortlist: list[SentenceEvidence],
                          unsure: dict[int, list[Candidate]]) -> None:
        """Another word for what is counted ("personer" / "individer"), or across languages
        ("bekräftade skjutningar" for "shootings"): the numbers of the shortlisted sentences
        whose following words did not match by stem, compared as e5 word vectors, all in one
        encoder call (comparing every number of every passage made "how many" the slowest
        question on a large index)."""
        if not shortlist:
            return
        text_of = {id(e): e.document.text for e in shortlist}
        compared = set(counted_forms(question)[0][:1])
        for e in shortlist:
            for candidate in unsure[id(e)]:
                compared.update(_content_words(_following_words(text_of[id(e)], candidate)))
        self._vectors_of(sorted(compared))  # one call; _counts_by_vectors then finds them cached
        for e in shortlist:
            found = [c for c in unsure[id(e)] if self._counts_by_vectors(question, text_of[id(e)], c)]
            if found:
                e.answers = sorted(e.answers + found, key=lambda c: c.start)
                e.typed = 1.0

    def counts_by_stem(self, question: Question, text: str, candidate: Candidate) -> bool:
        """Whether the words right after the number name what the question counts, by stem
        ("156 bekräftade skjutningar" for "hur många skjutningar"); Swedish questions only."""
        following = _following_words(text, candidate)
        counted, language = counted_forms(question)
        if not following or not counted or _share_or_year(candidate) or language != "sv":
            return False
        stems = [t for word in counted for t in tokenize(word)[:1]]
        return any(stem_matches(stem, {t}) for stem in stems for t in tokenize(following))

    def _counts_by_vectors(self, question: Question, text: str, candidate: Candidate) -> bool:
        """Another word for the same thing ("personer" / "individer"), or across languages
        ("bekräftade skjutningar" for "shootings"): a content word after the number as close
        to the counted word as e5 word vectors (the floor is stricter within Swedish)."""
        nouns = _content_words(_following_words(text, candidate))
        counted, language = counted_forms(question)
        if not nouns or not counted:
            return False
        vectors = self._vectors_of(counted[:1] + nouns)
        gate = self.settings.gate
        floor = gate.min_counted_similarity_same_language if language == "sv" else gate.min_counted_similarity
        return float(np.max(vectors[1:] @ vectors[0])) >= floor

    def _vectors_of(self, words: list[str]) -> np.ndarray:
        found = {w: self._word_vectors.get(w) for w in words}
        missing = [w for w, v in found.items() if v is None]
        if missing:
            for word, vector in zip(missing, self.index.embed_sentences(missing), strict=True):
                self._word_vectors.put(word, vector)
                found[word] = vector
        return np.stack([found[w] for w in words])

    def is_common(self, word: str) -> bool:
        """An ordinary word: its stem occurs in many passages of the corpus."""
        stems = tokenize(word)
        if not stems:
            return True  # a stop word
        frequency = self.index.sparse.document_frequency.get(stems[0], 0)
        return frequency > max(2, self.settings.facts.common_word_share * len(self.index.sparse))

    @staticmethod
    def question_values(question: Question) -> set[str]:
        """Values the question already states; an answer must add something new."""
        values = set(question.parties)
        for text in dict.fromkeys((question.text, question.search or question.text)):
            # (a follow-up's too, as read with what it refers to: "Vad heter hennes parti?")
            for kind in ("number", "amount", "date", "person", "contact"):
                values.update(c.value for c in candidates(kind, text, 0, len(text)))
        values.update(question.key_terms)
        # ... a name in the genitive too ("Vem är Lee Orbersons chef?" is not Lee Orberson)
        values.update(k[:-1] for k in question.key_terms if k.endswith("s") and k[:1].isupper())
        # ... nor a word of a name it uses ("Sluta" of "Sluta skjut" is no city).
        values.update(word for k in question.key_terms for word in k.split())
        values.update(question.answered)
        # ... nor a word it says itself ("Var ska trygghetsvandringar genomföras?" is not
        # answered by the capitalised "Trygghetsvandringar" opening the sentence).
        values.update(words(question.text))
        return {v.lower() for v in values}


def _named_by_surname(person: str, question_values: set[str]) -> bool:
    """Whether the question names ``person`` by their last name alone ("Vem ställer Jönsson
    interpellationen till?" is not answered by Jan Jönsson)."""
    parts = person.split()
    return len(parts) >= 2 and parts[-1].lower() in question_values
