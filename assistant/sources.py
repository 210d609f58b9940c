"""What a source that does not speak in the documents is reported to say.

"Vad säger polisen om Trefas?", "What did the police say about the family centres?": the
police write no section and are quoted by name nowhere, but a text may report them ("…
lämpar sig därför enligt polisen bättre här", "den modell som polisen själva sagt att de vill
använda"). Such a question is answered from the sentences that attribute something to the
source, and declined when none does: a sentence that only mentions the police ("Gärna med
polisen i polishuset") says nothing of what they said. Sources that speak in the documents
(a quoted politician, a reservation's parties, the administration) are left to
``assistant.listing``'s named-speaker and party rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.glossary import swedish_for
from assistant.question import Question
from index.metadata import KIND_NAMES
from index.parties import find_parties
from index.text import tokenize, words

_SWEDISH = re.compile(
    r"^\s*(?:och\s+)?vad\s+(?:(?:säger|sa|sade|tycker|tyckte|anser|ansåg|menar|menade|tror|bedömer|bedömde)"
    r"\s+(?P<source>.+?)|(?:har|hade)\s+(?P<perfect>.+?)\s+(?:sagt|tyckt|ansett|menat|bedömt))\s+om\b",
    re.IGNORECASE)
_ENGLISH = re.compile(
    r"^\s*(?:and\s+)?what\s+(?:does|did|do|has|have)\s+(.+?)\s+(?:say|said|think|believe|claim|argue|report)\b",
    re.IGNORECASE)
# Words that attribute a statement to whoever stands next to them.
_BEFORE = frozenset("enligt".split())
_AFTER = frozenset("""
    säger sa sade sagt säga menar menade anser ansåg ansett bedömer bedömde bedömt hävdar hävdade
    framhåller framhöll påpekar påpekade konstaterar konstaterade varnar varnade uppger uppgav
    betonar betonade understryker underströk tycker tyckte tyckt skriver skrev skrivit rekommenderar
    rekommenderade föreslår föreslog vill ville själva själv
    """.split())
_REACH = 3  # words between the source and the word that attributes to it
# A kind of paper, or a paper in general: what it says is its own text, not a report of it.
# Words that name a paper of any kind ("texten", "dokumentet", "ärendet", "the document").
ANY_PAPER_WORDS = frozenset(tokenize("text texten dokument dokumentet dokumenten ärende ärendet handling handlingen "
                                     "document documents paper case"))
_PAPER_WORDS = frozenset(t for names in KIND_NAMES.values() for t in tokenize(names)) | frozenset(tokenize(
    "artikel artikeln rapport rapporten article report")) | ANY_PAPER_WORDS


@dataclass(frozen=True)
class ReportedSource:
    """The source a question asks about, as word stems of its Swedish name."""

    stems: tuple[str, ...]

    def names(self, term: str) -> bool:
        """Whether a question term is (part of) the source's name."""
        return any(a.startswith(stem) or stem.startswith(a) for a in term.split("|") for stem in self.stems)

    def attributed_in(self, text: str) -> bool:
        """Whether ``text`` attributes something to the source ("enligt polisen", "polisen
        själva sagt", "polisen bedömer")."""
        said = [w.lower() for w in words(text)]
        for i, word in enumerate(said):
            if not any(word.startswith(stem) for stem in self.stems):
                continue
            if _BEFORE.intersection(said[max(0, i - _REACH):i]) or _AFTER.intersection(said[i + 1:i + 1 + _REACH]):
                return True
        return False


def reported_source(question: Question, speaker_names: set[str]) -> ReportedSource | None:
    """The source of "Vad säger X om …?" / "What did X say about …?" when X is neither a
    party nor one of ``speaker_names`` (lower-case names of the documents' speakers)."""
    match = (_SWEDISH if question.language == "sv" else _ENGLISH).match(question.text)
    if match is None:
        return None
    source = (match.group(1) if question.language != "sv" else match.group("source") or match.group("perfect")).strip()
    if find_parties(source):
        return None
    if set(tokenize(source)) <= _PAPER_WORDS:
        return None  # "Vad säger interpellationen om …?", "What does the budget say …?": the paper's own text
    if question.language == "sv":
        stems = tokenize(source)
    else:
        stems = [s for _, swedish in swedish_for(source) for w in swedish for s in tokenize(w)]
    stems = [s for s in stems if len(s) >= 4]
    spoken = {t for name in speaker_names for t in tokenize(name) if len(t) >= 4}
    if not stems or spoken.intersection(stems) or spoken.intersection(tokenize(source)):
        return None  # a speaker of the documents: their own words answer
    return ReportedSource(tuple(stems))
