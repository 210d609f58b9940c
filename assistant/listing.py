"""List and summary answers: the distinct points the documents make, each an exact span.

"Vad vill Moderaterna göra?", "Vilka åtgärder föreslås?", "Sammanfatta vad partierna
föreslår", "What does the Left Party propose?". From the scored sentences of the best
passages: drop questions, headings and fragments; keep those said by the party asked about
(its speaker, ``index.speakers``); pick up to ``max_items`` by maximal marginal relevance
over e5 sentence vectors, so near-duplicates are left out; group them by speaker when
the question is about parties or several parties answer it. Numbers: ``ListSettings``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from assistant.glossary import swedish_for
from assistant.question import Question, party_words
from assistant.scoring import (ANSWER_TYPE_TERMS, SentenceEvidence, section_heading_words, is_heading, is_question,
                               topic_cover)
from assistant.tuning import ListSettings
from index import speaker_at
from index.parties import find_parties
from index.text import BULLET, line_around, split_sentences, tokenize

if TYPE_CHECKING:
    from assistant.answering import Draft, ExtractiveAnswerer


def is_point(evidence: SentenceEvidence, min_words: int, min_sentence_words: int | None = None) -> bool:
    """A sentence that states something: not a heading, a title line or a fragment. One
    that ends like a sentence may be as short as ``min_sentence_words``."""
    text = evidence.text
    words = text.split()
    sentence = text.rstrip()[-1:] in ".!?"
    shortest = min(min_words, min_sentence_words or min_words) if sentence else min_words
    if len(words) < shortest or INTRO.search(text):
        return False  # a fragment, or a sentence that only introduces what follows
    speaker = evidence.speaker
    if speaker is not None and speaker.evidence_start is not None and evidence.start <= speaker.evidence_start < evidence.end:
        return False  # "Reservation anfördes av …": who speaks, not what they say
    return not is_heading(evidence.document.text, evidence.start, evidence.end)


def is_statement(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is not a heading, nor a sentence that only introduces what follows
    ("… enligt följande.")."""
    return not INTRO.search(text[start:end]) and not is_heading(text, start, end)


def _section_after(heading: SentenceEvidence, limit: int, reach: int) -> list[SentenceEvidence]:
    """The sentences of the section a heading opens ("Vår kritik mot det borgerliga förslaget"
    followed by its paragraphs and bullets), up to the next heading, at most ``limit`` within
    ``reach`` characters; each
    scored just under the heading, in document order."""
    text = heading.document.text
    items: list[SentenceEvidence] = []
    for start, end in split_sentences(text, heading.end, min(len(text), heading.end + reach)):
        if len(items) >= limit or is_heading(text, start, end):
            break
        items.append(_sentence_like(heading, start, end, heading.score * (1 - 0.01 * (len(items) + 1))))
    return items


def _sentence_like(template: SentenceEvidence, start: int, end: int, score: float) -> SentenceEvidence:
    """Another sentence of ``template``'s document, scored ``score``, said by whoever says
    that span (else by ``template``'s speaker), holding no answer candidates."""
    return replace(template, start=start, end=end, answers=[], score=score,
                   speaker=speaker_at(template.document.speakers, start, end) or template.speaker)


INTRO = re.compile(r"(?::|\bföljande\.|\bnedan\.|\bfollowing:?)\s*$", re.IGNORECASE)


def _line_introduces(evidence: SentenceEvidence, tail_words: int) -> bool:
    """The sentence's line goes on to a short closing sentence that introduces a list
    ("2) De genomför satsningar … som vi införde men låtsas att det är deras. Exempelvis:")."""
    text = evidence.document.text
    line_end = text.find("\n", evidence.end)
    rest = text[evidence.end:len(text) if line_end < 0 else line_end].strip()
    return 0 < len(rest.split()) <= tail_words and bool(INTRO.search(rest))


# A sentence closing on a count of what follows ("… kan sammanfattas till två områden.").
_COUNTS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10}
_COUNT_CLOSING = re.compile(r"\b(" + "|".join(_COUNTS) + r"|\d{1,2})\s+[a-zåäö-]+\s*[.:]?\s*$", re.IGNORECASE)


_SPACE = re.compile(r"\s*")


def _announced_count(evidence: SentenceEvidence) -> int | None:
    """How many items the sentence announces, when it ends its line on a count of things ("…
    till två områden.") and the next line with text is a bullet or a numbered item."""
    text = evidence.document.text
    closing = _COUNT_CLOSING.search(evidence.text)
    line_end = text.find("\n", evidence.end)
    if closing is None or line_end < 0 or text[evidence.end:line_end].strip():
        return None
    start = _SPACE.match(text, line_end).end()  # the next line with text
    end = text.find("\n", start)
    if BULLET.match(text, start, len(text) if end < 0 else end) is None:
        return None
    word = closing.group(1).lower()
    count = _COUNTS.get(word) or int(word)
    return count if count >= 2 else None


def items_after(intro: SentenceEvidence, limit: int) -> list[SentenceEvidence]:
    """The list an introducing sentence ("Vi har:", "… konkreta förslag …:") opens: the
    first sentence of each following bullet or numbered item, in order."""
    text = intro.document.text
    items: list[SentenceEvidence] = []
    position = text.find("\n", intro.end)
    rows = _table_rows_after(text, position)
    if rows:  # "… godkänts digitalt av följande personer:" / "Namn⇥Datum" / "Lee Orberson, …⇥2024-09-10"
        return [_sentence_like(intro, start, end, intro.score * (1 - 0.01 * k))
                for k, (start, end) in enumerate(rows[:limit])]
    while 0 <= position < len(text) and len(items) < limit:
        line_start = position + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:line_end].strip():
            position = line_end  # blank lines may separate the items
            continue
        if not BULLET.match(text, line_start, line_end):
            break
        sentences = split_sentences(text, line_start, line_end)
        if sentences:
            start, end = sentences[0]
            items.append(_sentence_like(intro, start, end, intro.score * (1 - 0.01 * len(items))))
        position = line_end
    return items


# A numbered line that is a question ("4. På vilket sätt fortbildas den personal …?").
_NUMBERED_QUESTION = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+[^\n]*\?[ \t\"”»)]*$", re.MULTILINE)


def _numbered_siblings(questions: list[SentenceEvidence]) -> list[SentenceEvidence]:
    """The other questions of the numbered lists that ``questions`` belong to ("1. Vilka
    direkta insatser …?" found: "2. …?", "3. …?", "4. …?" of the same document too), each its
    line's first sentence, scored just below the found question of its list."""
    siblings: list[SentenceEvidence] = []
    for found in questions:
        text = found.document.text
        numbered = [(m.start(), m.end(), int(m.group(1))) for m in _NUMBERED_QUESTION.finditer(text)]
        mine = next((k for k, (start, end, _) in enumerate(numbered) if start <= found.start < end), None)
        if mine is None:
            continue
        # The run of lines numbered one after another around the found one.
        first = mine
        while first > 0 and numbered[first - 1][2] == numbered[first][2] - 1:
            first -= 1
        last = mine
        while last + 1 < len(numbered) and numbered[last + 1][2] == numbered[last][2] + 1:
            last += 1
        for k in range(first, last + 1):
            if k == mine:
                continue
            line_start, line_end = numbered[k][0], numbered[k][1]
            sentences = split_sentences(text, BULLET.match(text, line_start).end(), line_end)
            if sentences:
                start, end = sentences[0]
                siblings.append(_sentence_like(found, start, end, found.score * (1 - 0.01 * abs(k - mine))))
    return siblings


def _table_rows_after(text: str, position: int) -> list[tuple[int, int]]:
    """The rows of a table (tab-separated lines) that starts on the first line with text
    after ``position``, less a header row (every cell one word, no digit); [] when that line
    is no table row."""
    rows: list[tuple[int, int]] = []
    if position < 0:
        return rows
    start = _SPACE.match(text, position).end()
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if "\t" not in line.strip():
            break
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        header = not rows and all(len(cell.split()) == 1 and not any(ch.isdigit() for ch in cell) for cell in cells)
        if not header:
            lead = len(line) - len(line.lstrip())
            rows.append((start + lead, start + len(line.rstrip())))
        start = end + 1
    return rows


def announced_list(answerer: ExtractiveAnswerer, intro: SentenceEvidence) -> Draft | None:
    """An open question whose best sentence opens a list ("Fler exempel på det arbete jag
    genomförde … följer nedan. Vi har:", "Vi föreslår att kommunstyrelsen beslutar
    följande."): that sentence and the items it announces (each whole, as a point), when it
    announces two or more; None otherwise."""
    settings = answerer.settings.lists
    count = _announced_count(intro)
    if not (INTRO.search(intro.text) or _line_introduces(intro, settings.intro_tail_words) or count):
        return None
    items = _whole_items(items_after(intro, min(count or settings.max_items, settings.max_items)),
                         settings.whole_item_chars)
    return _points_draft([intro] + items) if len(items) >= 2 else None


# Words that only say "a list of points" ("Vilka åtgärder föreslår V?", "What measures …").
LIST_WORDS = frozenset(tokenize("åtgärder åtgärd förslag insatser insats satsningar krav punkter points "
                                "measures proposals policies göra gör do "
                                # ... and putting them forward ("Vilka förslag lägger Andréa Hedin fram?")
                                "lägger lägga lade lagt fram presenterar presenterade presenterat driver drev"))


# Words that name a speaker's part of a paper ("Sammanfatta Lisa Palms ersättaryttrande").
SECTION_WORDS = frozenset(tokenize("reservation reservationen reservationer uttalande uttalandet särskilt särskilda "
                                   "yttrande yttrandet ersättaryttrande ersättaryttrandet statement dissent"))


def _sections_of(named: list[SentenceEvidence], reach: int) -> list[SentenceEvidence]:
    """Every sentence of the sections (a reservation, a statement) whose speaker the question
    names, each scored just under that speaker's best sentence, in document order; sections
    longer than ``reach`` characters are left to retrieval."""
    out: list[SentenceEvidence] = []
    seen: set[tuple[str, int]] = set()
    for best in named:
        speaker = best.speaker
        key = (best.document.doc_id, speaker.start)
        if key in seen or speaker.role not in ("reservation", "statement", "substitute") or (
                speaker.end - speaker.start > reach):
            continue
        seen.add(key)
        text = best.document.text
        for k, (start, end) in enumerate(split_sentences(text, speaker.start, speaker.end), start=1):
            out.append(_sentence_like(best, start, end, best.score * (1 - 0.01 * k)))
    return out


# A question asking what someone puts forward ("Vad föreslår …?", "Vilka förslag lägger … fram?",
# "Vad vill M?", "What does … propose?").
_ASKS_PROPOSALS = re.compile(r"\b(?:föreslå\w*|förslag\w*|vill|kräver|krav|yrka\w*|yrkande\w*|förorda\w*|propos\w*|suggest\w*|wants?|demands?)\b",
                             re.IGNORECASE)
# A sentence that puts something forward: a wish, a demand, what shall or should be done.
# (The noun "förslag" is no proposal: "Vår kritik mot det borgerliga förslaget", "I deras
# förslag till budget … skär de ner".)
_PROPOSING = re.compile(r"\b(?:vill|ville|vilja|ska|skall|bör|borde|måste|behöver|föreslår|föreslog|föreslås|"
                        r"kräver|krävs|yrkar)\b", re.IGNORECASE)
_PROPOSAL_HEADING = frozenset(tokenize("förslag förslagen"))
# ... nor is a heading of criticism of another's proposal ("Vår kritik mot det borgerliga förslaget").
_NOT_PROPOSAL_HEADING = frozenset(tokenize("kritik synpunkter invändningar"))  # (not "mot": "Förslag mot gängen")


def asks_proposals(question: Question) -> bool:
    """Whether the question asks what someone puts forward ("Vilka förslag …", "Vad vill M?")."""
    return bool(_ASKS_PROPOSALS.search(question.text))


def proposes(evidence: SentenceEvidence) -> bool:
    return proposes_span(evidence.document.text, evidence.start, evidence.end)


def proposes_span(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` puts something forward: it says what someone wants, what
    shall or should be done, or it stands under a heading of proposals ("Några av våra förslag
    …", an article's box "M:s förslag ●Bygg ut …", whose items are imperatives)."""
    line_start, line_end = line_around(text, start, end)
    if BULLET.match(text, line_start, line_end):
        # An item of a list that a line introduces is what that line announces: proposals
        # ("Utöver det har vi konkreta förslag …:" / "1. Aktivera stadens krisledningsnämnd …"),
        # or deeds ("Vi har:" / "- Antagit stadens första strategi … ska dras in …").
        announced = _introduced_as_proposals(text, line_start)
        if announced is not None:
            return announced
    if _PROPOSING.search(text, start, end):
        return True
    opening = split_sentences(text, line_start, start)
    heading = set(section_heading_words(text, start))
    if opening and len(text[opening[0][0]:opening[0][1]].split()) <= 4 and text[opening[0][1] - 1] not in ".!?":
        heading |= set(tokenize(text[opening[0][0]:opening[0][1]]))
    return bool(heading & _PROPOSAL_HEADING) and not heading & _NOT_PROPOSAL_HEADING


def _introduced_as_proposals(text: str, line_start: int) -> bool | None:
    """For the list whose item starts at ``line_start``: whether the line that introduces it
    (the line above its items, blank lines skipped, ending in ":" or "följande.") announces
    proposals ("… konkreta förslag …:"); None when no such line introduces it (a heading, a
    paragraph)."""
    position = line_start
    while position > 0:
        previous_start = text.rfind("\n", 0, position - 1) + 1
        line = text[previous_start:position - 1]
        position = previous_start
        if not line.strip() or BULLET.match(line):
            continue
        if not INTRO.search(line):
            return None
        return bool(_ASKS_PROPOSALS.search(line) or _PROPOSING.search(line))
    return None


# The speakers' sections a question names by kind ("Sammanfatta reservationen från S och V").
_SECTION_ROLES = (("reservation", re.compile(r"\breserv\w*|\bdissent", re.IGNORECASE)),
                  ("statement", re.compile(r"\buttalande\w*|\bstatement", re.IGNORECASE)),
                  ("substitute", re.compile(r"\bersättaryttrande\w*|\byttrande\w*", re.IGNORECASE)))


def _sections_asked(question: Question, pool: list[SentenceEvidence]) -> list[SentenceEvidence]:
    """The sentences of the sections of the kind the question names (a reservation, a
    statement) said by the parties it names, if any: "Sammanfatta reservationen från
    Socialdemokraterna och Vänsterpartiet", "Vad är reservanterna missnöjda med …?" read the
    reservation as a named speaker's."""
    roles = {role for role, words in _SECTION_ROLES if words.search(question.text)}
    if not roles:
        return []
    return [e for e in pool if e.speaker is not None and e.speaker.role in roles
            and set(question.parties) <= set(e.speaker.parties)]


def topic_free(question: Question, speakers: frozenset[str] = frozenset()) -> bool:
    """Whether the question names nothing but a party (or one of ``speakers``, word stems of
    their names) and the kind of answer ("Vad vill Moderaterna?", "Vilka åtgärder föreslår
    V?", "What does Andréa Hedin propose?")."""
    names = party_words(question) | speakers
    # ... nor a name or abbreviation of its own ("Vad vill M göra med SIG?": "SIG" is no word).
    if any(not find_parties(k) and not (tokenize(k) and set(tokenize(k)) <= names | ANSWER_TYPE_TERMS | LIST_WORDS)
           for k in question.key_terms):
        return False
    return not [t for t in question.terms if t not in ANSWER_TYPE_TERMS and t not in LIST_WORDS and t not in names]


def said_by_named_speaker(question: Question, evidence: list[SentenceEvidence]) -> list[SentenceEvidence]:
    """"Sammanfatta vad stadsledningskontoret skriver", "Vad säger Alexander Ojanne om
    Moderaternas förslag?": the sentences of a speaker the question names (every word of the
    speaker's name in the question), whatever party the question also names; for a person
    quoted in an article, also the reporter's sentences that name them ("… som Andréa Hedin
    menar är föråldrade") or give their party's position."""
    asked = set(tokenize(question.search or question.text))
    if question.language == "en":  # "the city executive office" names Stadsledningskontoret
        asked |= {t for _, swedish in swedish_for(question.search or question.text) for w in swedish for t in tokenize(w)}
    # ... or by surname alone, written as a name ("Vad säger Ojanne om …?").
    surnames = {t for k in question.key_terms if " " not in k for t in tokenize(k)}
    named = [e for e in evidence if e.speaker is not None and e.speaker.name and tokenize(e.speaker.name)
             and (set(tokenize(e.speaker.name)) <= asked or tokenize(e.speaker.name)[-1] in surnames)]
    names = {e.speaker.name for e in named}
    quoted = {e.speaker.name.lower() for e in named if e.speaker.role == "quoted"}
    # A reporter's sentence naming another person first is the other's ("Alexander Ojanne
    # (S) … välkomnar utspelet från Andréa Hedin").
    others = {s.name.lower() for e in named for s in e.document.speakers
              if s.name and s.name not in names and s.role == "quoted"}
    # ... and, in the article quoting them, what it says their party wants ("Moderaterna vill
    # att hembesöksprogrammen …" beside Andréa Hedin's (M) quotes).
    voiced = {(e.document.doc_id, e.speaker.parties) for e in named if e.speaker.role == "quoted" and e.speaker.parties}
    return [e for e in evidence if (e.speaker is not None and e.speaker.name in names)
            or _names_first(e.text.lower(), quoted, others)
            or (e.speaker is not None and e.speaker.role == "party"
                and (e.document.doc_id, e.speaker.parties) in voiced)]


def _names_first(text: str, names: set[str], others: set[str]) -> bool:
    """Whether ``text`` names one of ``names`` before any of ``others``."""
    first = min((i for n in names if (i := text.find(n)) >= 0), default=-1)
    return first >= 0 and all(not 0 <= text.find(o) < first for o in others)


def speaks_to_topic(question: Question, said: list[SentenceEvidence], idf, floor: float) -> bool:
    """Whether what a named speaker says (all of it) covers the rest of a Swedish question's
    words ("Vad säger Andréa Hedin om kollektivtrafiken?": the name is hers in every sentence;
    the topic must be there too). A question naming nothing else is covered."""
    if question.language != "sv":
        return True  # word cover is measured in Swedish; similarity has judged it
    names = {t for e in said if e.speaker is not None and e.speaker.name for t in tokenize(e.speaker.name)}
    # ... and the speaker's party, as the question names it ("Vad har Liberalerna genomfört
    # enligt Jan Jönsson?" asks what he, a Liberal, says).
    spoken_parties = {p for e in said for p in e.parties}
    names |= {t for k in question.key_terms if {m.party for m in find_parties(k)} & spoken_parties
              for t in tokenize(k)}
    said_words = set().union(*(set(e.words) | set(tokenize(e.text)) for e in said))
    return topic_cover(question, said_words, idf, names | LIST_WORDS) >= floor


def list_supported(answerer: ExtractiveAnswerer, question: Question, usable: list[SentenceEvidence]) -> bool:
    """Whether the evidence gate lets a list question through. It judges the sentences of the
    speaker the question names (who must also speak to the rest of the question:
    ``speaks_to_topic``), else those said by the party it names, else all; a question naming
    nothing but a party passes (then any of its sentences answers it, and ``answer_list``
    declines when it says nothing)."""
    named = said_by_named_speaker(question, usable)
    if named:
        return answerer.supported(question, named[0], named) and speaks_to_topic(
            question, named, answerer.index.sparse.idf, answerer.settings.gate.min_lexical)
    if not question.parties:
        return answerer.supported(question, usable[0], usable)
    if topic_free(question):
        return True
    said = [e for e in usable if _speaker_matches(e, question.parties)] or usable
    return answerer.supported(question, said[0], said) or _one_topic_covered(answerer, question, said)


def _one_topic_covered(answerer: ExtractiveAnswerer, question: Question, said: list[SentenceEvidence]) -> bool:
    """For a Swedish list question about two topics ("Vad vill S göra mot droger och ekonomisk
    brottslighet?"), whose points each speak of one: whether a top sentence, similar enough,
    covers the question read without one of them (the word before "och", or the words after
    it) as the gate asks of a whole question."""
    match = _TWO_TOPICS.search(question.text)
    if match is None or question.language != "sv":
        return False
    gate = answerer.settings.gate
    floor = gate.min_dense_for(question.language)
    top = [e for e in said[:5] if e.dense >= floor]
    idf = answerer.index.sparse.idf
    for left_out in (match.group(1), match.group(2)):
        excluded = frozenset(tokenize(left_out)) | party_words(question)
        if any(topic_cover(question, set(e.words), idf, excluded) >= gate.min_lexical for e in top):
            return True
    return False


# "… mot droger och ekonomisk brottslighet?": the word before "och" and what follows it.
_TWO_TOPICS = re.compile(r"\b([a-zåäö]{4,})\s+och\s+([a-zåäö][\wåäö\s-]*?)\s*[?.!]*\s*$")


def _speaker_matches(evidence: SentenceEvidence, parties: tuple[str, ...]) -> bool:
    return bool(set(evidence.parties) & set(parties))


def _proposals_first(pool: list[SentenceEvidence], unproposed_share: float) -> list[SentenceEvidence]:
    """``pool`` best first, a sentence that proposes nothing scored at ``unproposed_share``."""
    return sorted((e if proposes(e) else replace(e, score=e.score * unproposed_share) for e in pool),
                  key=lambda e: -e.score)


def answer_list(answerer: ExtractiveAnswerer, question: Question, usable: list[SentenceEvidence]) -> Draft:
    from assistant.answering import Draft, kind_words

    settings = answerer.settings.lists
    expanded: list[SentenceEvidence] = []
    for e in [e for e in usable if e.embedded][: settings.max_items]:
        if INTRO.search(e.text) or _line_introduces(e, settings.intro_tail_words):
            expanded.extend(items_after(e, settings.max_items))
    # A heading among the very best sentences names the question's topic: its section answers it.
    for e in usable[: settings.heading_rank]:
        if e.score >= answerer.settings.facts.near_best * usable[0].score and is_heading(e.document.text, e.start, e.end):
            expanded.extend(_section_after(e, 2 * settings.max_items, settings.section_reach))
    def point(e: SentenceEvidence) -> bool:
        # A list a sentence announces may be of questions ("… ställa följande frågor …:"):
        # a question is no point unless questions are asked for.
        return is_point(e, settings.min_words, settings.min_sentence_words) and (
            question.about_questions or not is_question(e.text))

    pool = sorted([e for e in usable if e.embedded and point(e)] + [e for e in expanded if point(e)],
                  key=lambda e: -e.score)
    named = said_by_named_speaker(question, pool) or _sections_asked(question, pool)
    if named:
        pool = named
    # "Vad föreslår Andréa Hedin?", "Sammanfatta Lisa Palms ersättaryttrande": all that the
    # speaker says is on the topic; similarity to the bare question does not tell their points
    # apart (no floors below their best point), and every sentence of their own sections counts.
    whole_say = bool(named) and topic_free(question, SECTION_WORDS | frozenset(
        t for e in named if e.speaker is not None and e.speaker.name for t in tokenize(e.speaker.name)))
    if whole_say:
        pool = named + [e for e in _sections_of(named, settings.section_reach) if point(e) and not _overlaps(e, named)]
        if _ASKS_PROPOSALS.search(question.text):
            # What they propose, before what else they say (the background, a reply).
            pool = _proposals_first(pool, settings.unproposed_share)
    # A question that names a kind of document ("Vilka frågor ställer interpellationen?", "What
    # does the memo propose?") keeps to the documents of that kind.
    asked = set(tokenize(question.text))
    of_kind = [e for e in pool if kind_words(e.document) & asked]
    if of_kind:
        pool = of_kind
    # The document's own question asks what the user asks ("1. Vilka direkta insatser har
    # förvaltningen genomfört …?", a reservation the question names): its answer is the list.
    # ... when the party the question names answers it (a reporter's "Hur ska ni bekosta dessa
    # åtgärder?" put to one party is no question another party answers).
    said = [e for e in pool if _speaker_matches(e, question.parties)] if question.parties and not named else pool
    pointed = [e for e in said if e.pointed > 0]
    if pointed and any(e.pointed > 0 for e in said[: settings.heading_rank]):
        pool = pointed
    # What a named speaker or the document's own question marks as the answer needs no
    # similarity floor (the gate has judged the question by it already).
    marked = bool(named) or pool is pointed
    about_parties = question.about_parties
    if question.about_questions and any(is_question(e.text) for e in pool):
        pool = [e for e in pool if is_question(e.text)]  # "Vilka frågor ställer …?": the questions
        # ... as the document gives them, whoever quotes them ("Vilka frågor ställer partierna
        # i skrivelsen?": the administration's reply repeats the parties' questions).
        about_parties = False
        # ... and the rest of the numbered lists they stand in.
        pool += [e for e in _numbered_siblings(pool) if not _overlaps(e, pool)]
    if question.parties and not named:
        pool = [e for e in pool if _speaker_matches(e, question.parties)]
    elif about_parties:
        pool = [e for e in pool if e.parties]
        if _ASKS_PROPOSALS.search(question.text) and not whole_say:
            # "Sammanfatta vad partierna föreslår": each party's proposals before what else it
            # says (its criticism of others, its agreement with them).
            pool = _proposals_first(pool, settings.unproposed_share)
    if not pool:
        return Draft(answerable=False)
    # Each party's points are measured against that party's best point (when the question
    # is about parties in general), else all against the best point.
    groups: dict[str, list[SentenceEvidence]] = {}
    for e in pool:
        groups.setdefault(_group_key(e) if about_parties else "", []).append(e)
    floor = answerer.settings.gate.min_dense_for(question.language) - settings.floor_margin
    pool = []
    for members in groups.values():
        best = members[0]
        if best.dense < floor and not marked and not (question.parties and topic_free(question)):
            continue  # this speaker says nothing close to the question
        # (A point covering more of the question's words than the best one is kept however
        # less similar: "Några uttalade prioriterade utmaningar … är *Riktat arbete …*".)
        pool.extend(e for e in members if whole_say or (e.score >= settings.relative_floor * best.score and (
            e.dense >= best.dense - settings.dense_margin or e.lexical > best.lexical)))
    if not pool:
        return Draft(answerable=False)
    pool.sort(key=lambda e: -e.score)
    if not about_parties:
        # The points come from the document that answers most (the largest sum of scores among
        # the ``max_items`` best points); another document's only when nearly as relevant as
        # the best point (one paper's list, not a mix of every paper's similar lines).
        mass: dict[str, float] = {}
        for e in pool[:settings.max_items]:
            mass[e.document.doc_id] = mass.get(e.document.doc_id, 0.0) + e.score
        lead = max(mass, key=mass.__getitem__)
        top = pool[0].score
        pool = [e for e in pool if e.document.doc_id == lead or e.score >= settings.other_document_floor * top]

    vectors = answerer.sentence_vectors([(e.document, e.start, e.end) for e in pool])

    def penalty(i: int, chosen: list[int]) -> float | None:
        if _overlaps(pool[i], [pool[j] for j in chosen]):
            return None
        if about_parties:  # every party gets its turn
            return settings.party_balance * sum(_group_key(pool[j]) == _group_key(pool[i]) for j in chosen)
        return 0.0

    chosen = by_marginal_relevance(vectors, np.array([e.score for e in pool]), settings, penalty=penalty)

    points = _whole_items([pool[i] for i in chosen], settings.whole_item_chars)
    speakers = {e.speaker.label() for e in points if e.speaker is not None and e.parties}
    grouped = about_parties or len(speakers) > 1
    if grouped:
        order: dict[str, int] = {}
        for position, e in enumerate(points):
            order.setdefault(_group_key(e), position)
        points = sorted(points, key=lambda e: (order[_group_key(e)], -e.score))

    return _points_draft(points, subject=", ".join(question.parties) or None)


def _points_draft(points: list[SentenceEvidence], subject: str | None = None) -> Draft:
    """A list answer: each point its own item, cited with its speaker and party."""
    from assistant.answering import Draft, DraftItem, claim_of

    draft = Draft(answerable=True, shape="list", subject=subject)
    for e in points:
        n = draft.cite(claim_of(e))
        speaker = e.speaker.label() if e.speaker is not None else None
        draft.items.append(DraftItem(" ".join(e.text.split()), [n], speaker or None, e.parties))
    return draft


def by_marginal_relevance(vectors: np.ndarray, relevance: np.ndarray, settings: ListSettings,
                          chosen: list[int] | None = None,
                          penalty: Callable[[int, list[int]], float | None] | None = None) -> list[int]:
    """Up to ``settings.max_items`` indexes by maximal marginal relevance: each next one the
    most relevant less its closeness to those already chosen (e5 cosine); near-duplicates
    (``duplicate_similarity``) and those ``penalty`` rules out (None) are skipped."""
    chosen = list(chosen or [])
    while len(chosen) < min(settings.max_items, len(relevance)):
        best, best_value = -1, -np.inf
        for i in range(len(relevance)):
            if i in chosen:
                continue
            redundancy = float(np.max(vectors[chosen] @ vectors[i])) if chosen else 0.0
            extra = penalty(i, chosen) if penalty is not None else 0.0
            if redundancy >= settings.duplicate_similarity or extra is None:
                continue
            value = settings.mmr_lambda * relevance[i] - (1 - settings.mmr_lambda) * redundancy - extra
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
    return chosen


def _whole_items(points: list[SentenceEvidence], limit: int) -> list[SentenceEvidence]:
    """Each point that is a sentence of a bulleted item becomes the whole item (the item is
    the document's own unit of a point: "… ska stärkas. Islandsprojektet ska användas som
    inspiration. (+2 mnkr)"), when the item is at most ``limit`` characters; two points of
    the same item become one."""
    out: list[SentenceEvidence] = []
    for e in points:
        text = e.document.text
        line_start, line_end = line_around(text, e.start, e.end)
        bullet = BULLET.match(text, line_start, line_end)
        sentences = split_sentences(text, line_start, line_end)
        if bullet and sentences and sentences[-1][1] - sentences[0][0] <= limit:
            e = replace(e, start=min(e.start, sentences[0][0]), end=max(e.end, sentences[-1][1]))
        said = " ".join(e.text.split())
        if not _overlaps(e, out) and not any(said in " ".join(o.text.split()) for o in out):
            out.append(e)  # (a sentence the paper repeats word for word is one point)
    return out


def _group_key(evidence: SentenceEvidence) -> str:
    return ", ".join(evidence.parties) or "-"


def _overlaps(candidate: SentenceEvidence, chosen: list[SentenceEvidence]) -> bool:
    return any(c.document.doc_id == candidate.document.doc_id and c.start < candidate.end and candidate.start < c.end
               for c in chosen)
