"""Short answers of a given kind found inside a sentence: numbers, amounts, dates,
parties and person names, each as an exact span of the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.metadata import MONTHS
from index.parties import find_parties

_NUMBER_WORDS = (
    "en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio|hundra|tusen"
    "|hälften|halva|dubbelt"
)
_NUMBER = re.compile(
    r"(?<![\w/-])(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(?:%|procent))?(?![\w/])"
    r"|\b(?:" + _NUMBER_WORDS + r")\b(?=\s+\w)",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?<![\w/])[+-]?\d[\d \u00a0]*(?:[.,]\d+)?\s*(?:mnkr|mkr|tkr|mdkr|miljoner kronor|miljarder kronor|"
    r"miljoner|miljarder|kronor|kr|SEK|euro)\b",
    re.IGNORECASE,
)
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    r"\b(?:(?:den\s+)?\d{1,2}\s+(?:" + _MONTH + r")\s+(?:19|20)\d\d"
    r"|(?:i\s+)?(?:(?:våren|hösten|sommaren|vintern|början av|slutet av|" + _MONTH + r")\s+)?(?:19|20)\d\d(?:-\d\d-\d\d)?)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?(?:\s+(?:af\s+|von\s+)?[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?){1,2}\b"
)
_AFTER_PARTY = re.compile(r"\s*\((?:alla\s+)?[A-Za-zÅÄÖåäö]{1,3}\)")


@dataclass(frozen=True)
class Candidate:
    kind: str
    value: str      # normalised, for comparisons (party abbreviation, digits)
    start: int      # span in the document text
    end: int

    def surface(self, text: str) -> str:
        return text[self.start:self.end]


def _found(pattern: re.Pattern[str], kind: str, text: str, start: int, end: int) -> list[Candidate]:
    out = []
    for match in pattern.finditer(text, start, end):
        surface = match.group(0).strip()
        lead = len(match.group(0)) - len(match.group(0).lstrip())
        value = re.sub(r"[\s\u00a0]+", " ", surface.lower())
        out.append(Candidate(kind, value, match.start() + lead, match.start() + lead + len(surface)))
    return out


def numbers(text: str, start: int, end: int) -> list[Candidate]:
    return _found(_NUMBER, "number", text, start, end)


def amounts(text: str, start: int, end: int) -> list[Candidate]:
    return _found(_AMOUNT, "amount", text, start, end)


def dates(text: str, start: int, end: int) -> list[Candidate]:
    return [c for c in _found(_DATE, "date", text, start, end) if c.value not in ("i",)]


def parties(text: str, start: int, end: int) -> list[Candidate]:
    return [Candidate("party", m.party, m.start, m.end) for m in find_parties(text, start, end)]


def persons(text: str, start: int, end: int) -> list[Candidate]:
    """Two- or three-part capitalised names. A name followed by a party "(S)" is the
    strongest sign of a person; at a sentence start a capitalised pair needs that sign."""
    out = []
    for match in _PERSON.finditer(text, start, end):
        followed_by_party = bool(_AFTER_PARTY.match(text, match.end()))
        at_start = match.start() == start
        if at_start and not followed_by_party:
            continue
        out.append(Candidate("person", match.group(0), match.start(), match.end()))
    return out


EXTRACTORS = {
    "number": numbers,
    "amount": amounts,
    "date": dates,
    "party": parties,
    "person": persons,
}


def candidates(kind: str, text: str, start: int, end: int) -> list[Candidate]:
    extractor = EXTRACTORS.get(kind)
    return extractor(text, start, end) if extractor else []
