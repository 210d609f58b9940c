"""What a question asks for: its language, the kind of answer, and its key terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.parties import find_parties
from index.text import tokenize, words

MAX_QUESTION_CHARS = 2000

_ENGLISH = {
    "the", "what", "which", "who", "whom", "how", "many", "much", "when", "where", "why", "does",
    "did", "do", "is", "are", "was", "were", "there", "of", "in", "to", "and", "for", "about",
    "party", "proposed", "wrote", "write", "has", "have", "city", "year", "people", "with",
}
_SWEDISH = {
    "vad", "vilket", "vilken", "vilka", "vem", "hur", "när", "var", "och", "att", "det", "som",
    "en", "ett", "på", "för", "med", "av", "till", "om", "är", "ska", "har", "många", "mycket",
    "parti", "staden", "kommer", "finns", "enligt", "i", "inom",
}

# The kinds of answer a question asks for, checked in this order.
EXPECTS = (
    ("author", re.compile(
        r"\bvem\s+(?:har\s+)?(?:skrev|skrivit|författade|ställde|lämnade|undertecknade|står bakom|är handläggare)"
        r"|\bhandläggare\b|\bwho\s+(?:wrote|authored|submitted|signed|filed|is the author)|\bauthor of\b")),
    ("party", re.compile(r"\bvilket parti|\bvilka partier|\bvilket av partierna|\bwhich part(?:y|ies)|\bwhat part(?:y|ies)")),
    ("amount", re.compile(r"\bhur mycket\b|\bvad kostar\b|\bkosta[rd]?\b|\bkostnad|\bhow much\b|\bcost\b|\bbudget for\b")),
    ("number", re.compile(r"\bhur många\b|\bantal(?:et)?\b|\bhow many\b|\bnumber of\b|\bhur stor andel\b|\bhur stor\b|\bwhat share\b|\bpercent")),
    ("date", re.compile(r"\bnär\b|\bvilket år\b|\bvilket datum\b|\bvilken dag\b|\bsedan när\b|\bwhen\b|\bwhat year\b|\bwhich year\b|\bwhat date\b")),
    ("person", re.compile(r"\bvem\b|\bvilka personer\b|\bvilken person\b|\bvad heter\b|\bwho\b|\bwhich person\b|\bwhose\b")),
    ("place", re.compile(r"^var\b|\bvar någonstans\b|\bvilken stadsdel|\bvilka stadsdelar|\bi vilka områden|\bwhere\b|\bwhich district")),
)

_NAME_OR_NUMBER = re.compile(r"\b(?:[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)*|\d[\d\s]*\d|\d)\b")


@dataclass(frozen=True)
class Question:
    text: str
    language: str          # "sv" or "en"
    expects: str           # author | party | amount | number | date | person | place | other
    terms: tuple[str, ...]      # stemmed content words
    key_terms: tuple[str, ...]  # names and numbers the evidence must contain
    parties: tuple[str, ...]    # parties the question itself names
    counted: str | None = None  # what "hur många X" / "how many X" counts: X
    search: str | None = None   # the text to search with, when it differs (a follow-up with its context)


def detect_language(text: str) -> str:
    tokens = words(text)
    english = sum(t in _ENGLISH for t in tokens)
    swedish = sum(t in _SWEDISH for t in tokens) + 2 * sum(ch in "åäöÅÄÖ" for ch in text)
    return "en" if english > swedish else "sv"


def _key_terms(text: str) -> tuple[str, ...]:
    """Proper names (capitalised words after the first word) and numbers of the question."""
    found: list[str] = []
    first_word = re.match(r"\s*\S+", text)
    skip_until = first_word.end() if first_word else 0
    for match in _NAME_OR_NUMBER.finditer(text):
        term = match.group(0).strip()
        if match.start() < skip_until and not term[0].isdigit():
            # The question's first word is capitalised anyway; keep it only if the rest of
            # a multi-word name follows ("Jan Jönsson ...").
            rest = term.split()[1:]
            if not rest:
                continue
            term = " ".join(rest)
        if term.isdigit() and len(term) < 2:
            continue
        if term.lower() in _ENGLISH or term.lower() in _SWEDISH:
            continue
        found.append(term)
    return tuple(dict.fromkeys(found))


def analyze(text: str) -> Question:
    lowered = text.lower().strip()
    expects = next((name for name, pattern in EXPECTS if pattern.search(lowered)), "other")
    parties = tuple(dict.fromkeys(m.party for m in find_parties(text)))
    counted_match = re.search(r"\b(?:hur många|how many)\s+(\w+)", lowered)
    return Question(
        counted=counted_match.group(1) if counted_match else None,
        text=text,
        language=detect_language(text),
        expects=expects,
        terms=tuple(dict.fromkeys(tokenize(text))),
        key_terms=_key_terms(text),
        parties=parties,
    )
