"""Short answers of a given kind found inside a sentence: numbers, amounts, dates,
parties and person names, each as an exact span of the document text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.metadata import MONTHS, SIGNATURE_JOIN, title_case
from index.parties import find_parties

_NUMBER_WORDS = (
    "två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio|hundra|tusen"
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
    r"\b(?:(?:den\s+)?\d{1,2}\s+(?:" + _MONTH + r")(?:\s+(?:19|20)\d\d)?"
    r"|(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d(?!-\d)"  # a span of years ("programmet för 2021-2024")
    # ... a year named from the text's own time ("antogs förra året", "i fjol")
    r"|(?:förra|föregående|nästa)\s+året|i\s+fjol"
    r"|(?:i\s+)?(?:(?:våren|hösten|sommaren|vintern|början av|slutet av|" + _MONTH + r")\s+)?(?:19|20)\d\d(?:-\d\d-\d\d)?"
    # ... a month or a season without its year ("så sent som i december", "i höstas",
    # "under vårterminen").
    r"|(?<=\bi\s)(?:" + _MONTH + r"|höstas|våras|somras|vintras)(?!\s+(?:19|20)\d\d)"
    r"|(?<=\bunder\s)(?:vårterminen|höstterminen|våren|hösten|sommaren|vintern)(?!\s+(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
# Parts of a name are apart by spaces, not by a tab or a line break: "Namn\tDatum" heads the
# columns of a table, "Datum\nLee Orberson" are two lines.
_PERSON = re.compile(
    r"\b[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?(?:[ \u00a0]+(?:af[ \u00a0]+|von[ \u00a0]+)?[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?){1,2}\b"
)
# Telephone numbers as Swedish documents write them (08-508 233 26, 070-123 45 67,
# +46 8 508 233 26) and e-mail addresses.
_CONTACT = re.compile(
    r"(?<![\w+])(?:\+46[ -]?\d{1,3}|0\d{1,3})[ -]?\d{2,3}(?:[ -]?\d{2,3}){1,3}(?![\w-])"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)
_AFTER_PARTY = re.compile(r"\s*\((?:alla\s+)?[A-Za-zÅÄÖåäö]{1,3}\)")


CommonWord = Callable[[str], bool]
"""Tells whether a lower-cased word is an ordinary word of the corpus (not a name)."""


def _never_common(word: str) -> bool:
    return False


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


def numbers(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return _found(_NUMBER, "number", text, start, end)


def amounts(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return _found(_AMOUNT, "amount", text, start, end)


def dates(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return [c for c in _found(_DATE, "date", text, start, end) if c.value not in ("i",)]


def contacts(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return _found(_CONTACT, "contact", text, start, end)


def parties(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return [Candidate("party", m.party, m.start, m.end) for m in find_parties(text, start, end)]


def is_proper_noun(text: str, start: int, end: int, common: CommonWord = _never_common,
                   sentence_start: int | None = None) -> bool:
    """Whether the capitalised word at ``text[start:end]`` is a name. Inside a sentence a
    capital is enough; at a sentence start (after nothing but list markers) the word must
    not also be written in lower case in the document, nor be an ordinary word by ``common``."""
    word = text[start:end]
    if not word[:1].isupper() or word.lower() in _SENTENCE_ADVERBS:
        return False
    if not _initial(text, start, sentence_start):
        return True
    if common(word.lower()):
        return False
    return re.search(r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)", text) is None


def _initial(text: str, start: int, sentence_start: int | None = None) -> bool:
    """Whether ``start`` opens a sentence (after nothing but list markers)."""
    if sentence_start is not None:
        return not re.search(r"[^\W\d_]", text[sentence_start:start])
    return not text[max(0, start - 3):start].strip() or bool(re.search(r"[.!?:•●\n-]\s*$", text[max(0, start - 3):start]))


# Words that open Swedish and English sentences as adverbs, never names; the corpus may
# hold them only once, capitalised, so its word counts cannot tell ("Däremot är vi …").
_SENTENCE_ADVERBS = frozenset("""
    däremot dessutom samtidigt således därför därmed alltså emellertid ändå istället
    slutligen sammanfattningsvis exempelvis nyligen givetvis tyvärr självklart ytterligare
    vidare först därefter tidigare numera idag inledningsvis avslutningsvis framför
    särskilt troligen möjligen kanske naturligtvis förstås likaså visserligen återigen
    however moreover therefore furthermore meanwhile nevertheless thus instead finally
    """.split())


# A run of upper-case words (a signature: "ANNA KÖNIG JERLMYR OCH JAN JÖNSSON").
_CAPITALS = re.compile(r"\b[A-ZÅÄÖÉÜ][A-ZÅÄÖÉÜ-]+(?:[ \u00a0]+[A-ZÅÄÖÉÜ][A-ZÅÄÖÉÜ-]+)+\b")


def _capitalised_names(text: str, start: int, end: int) -> list[Candidate]:
    """Names written in capitals (signatures), each one the document also writes as a name
    ("Anna König Jerlmyr"): two or three words; a heading in capitals names no one."""
    out = []
    for run in _CAPITALS.finditer(text, start, end):
        position = run.start()
        for part in SIGNATURE_JOIN.split(run.group(0)):
            at = text.index(part, position)
            position = at + len(part)
            if not 2 <= len(part.split()) <= 3:
                continue
            written = r"[ \u00a0]+".join(re.escape(word) for word in title_case(part).split())
            if re.search(r"(?<!\w)" + written + r"(?!\w)", text):
                out.append(Candidate("person", part, at, at + len(part)))
    return out


def persons(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    """Two- or three-part capitalised names. At a sentence start the first word must be a
    name by ``is_proper_noun`` (or the name must be followed by a party, "(S)"). Names in
    capitals count where the document also writes them as names (``_capitalised_names``)."""
    out = _capitalised_names(text, start, end)
    for match in _PERSON.finditer(text, start, end):
        followed_by_party = bool(_AFTER_PARTY.match(text, match.end()))
        first = re.match(r"[\wéü-]+", text[match.start():match.end()])
        if not followed_by_party and not is_proper_noun(text, match.start(), match.start() + first.end(), common, start):
            continue
        if any(BODY_NAME.fullmatch(word) for word in match.group(0).split()):
            continue  # "Malmö Stad", "Region Stockholm" are bodies, not people
        out.append(Candidate("person", match.group(0), match.start(), match.end()))
    return sorted(out, key=lambda c: c.start)


# How the names of public bodies end, as whole words ("Malmö Stad", "Region Stockholm"'s
# "Region") or as the head of a compound ("Skolverket", "Skolinspektionens",
# "Stadsledningskontoret", "Kriminalvården").
BODY_NAME = re.compile(
    r"(?:stad|kommun|region|län|landsting|universitet|högskola|myndighet|nämnd|förvaltning|kontor|polis|stadshus|"
    r"rådhus|kyrka|skola|sjukhus|stiftelse|förening|verk|inspektion|styrelse|råd|vård|domstol|byrå|institut|kansli|"
    r"departement|ombudsman|city|council|county|municipality|university|police|agency|board|office)"
    r"(?:en|et|n|s|ens|ets|ns)?$", re.IGNORECASE)


_CAPITALISED = re.compile(r"\b[A-ZÅÄÖÉ][\wåäöéü]+(?:[-/][A-ZÅÄÖÉ]?[\wåäöéü]+)*")


def places(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    """Proper nouns (by ``is_proper_noun``) that are not a party: places, projects, bodies."""
    out = []
    # A politician named with their party ("Rashid Mohammed (V)") is no place either.
    people = [(m.start(), m.end()) for m in _PERSON.finditer(text, start, end) if _AFTER_PARTY.match(text, m.end())]
    for match in _CAPITALISED.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in people) or _AFTER_PARTY.match(text, match.end()):
            continue  # ... nor one named by a surname and a party ("borgarrådet Ojanne (S)")
        # A party is no place, also as its letters in brackets ("(SD)").
        around = text[max(0, match.start() - 1):match.end() + 1]
        if not is_proper_noun(text, match.start(), match.end(), common, start) or find_parties(around):
            continue
        if _COMMON_ABBREVIATION.search(text, max(start, match.start() - 80), match.start()):
            continue  # "sociala insatsgrupperna (SIG)": the short form of ordinary words
        out.append(Candidate("place", match.group(0), match.start(), match.end()))
    return out


# Two lower-case words and an opening parenthesis right before an abbreviation.
_COMMON_ABBREVIATION = re.compile(r"(?<![\w-])[a-zåäöé][\w-]*\s+[a-zåäöé][\w-]*\s*\($")


# Ages as Swedish texts give them: "10–15-åringar", "mellan 10 och 15 år", "under 18 år",
# "har fyllt 18 år", "från 13 års ålder" (not any "fem år", which is as often a duration).
_AGE = re.compile(
    r"\b\d{1,3}(?:\s*[–-]\s*\d{1,3})?-?åring(?:ar|en|arna)?\b"
    r"|\b(?:mellan\s+)?\d{1,3}\s*(?:–|-|och|till)\s*\d{1,3}\s+år\b"
    r"|\b(?:under|över|från|sedan|fyllt|fyller|fyllde|fylla|är|vara|blir)\s+\d{1,3}\s+år\b|\b\d{1,3}\s+års\s+ålder\b")


def ages(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    out = []
    for match in _AGE.finditer(text, start, end):
        verb = _AGE_VERB.match(match.group(0))  # "vara 18 år": the age is "18 år"
        begin = match.start() + (verb.end() if verb else 0)
        out.append(Candidate("age", text[begin:match.end()], begin, match.end()))
    return out


_AGE_VERB = re.compile(r"(?:fyllt|fyller|fyllde|fylla|är|vara|blir)\s+")


# A length of time: a number and a unit ("i fyra år", "inom 24 timmar", "for two years"), or
# all the time there is ("dygnet runt", "hela mandatperioden", "hela budgetperioden"), or since
# when ("sedan hösten 2019").
_DURATION = re.compile(
    r"\b(?:(?:\d+(?:[.,]\d+)?|ett|en|" + _NUMBER_WORDS + r"|one|two|three|four|five|six|ten|twelve)\s+"
    r"(?:år|års|månader|månad|månaders|veckor|vecka|veckors|dagar|dag|dagars|dygn|timmar|timme|timmars|minuter|"
    r"terminer|termin|mandatperioder|mandatperiod|years?|months?|weeks?|days?|hours?|minutes?|terms?)"
    r"|dygnet runt|around the clock|hela (?:den (?:\w+ )?)?[a-zåäö]*(?:perioden|året|terminen|tiden)"
    r"|(?:sedan|since) (?:(?:våren|hösten|sommaren|vintern|spring|autumn|fall|summer|winter|" + _MONTH + r") )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def durations(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return _found(_DURATION, "duration", text, start, end)


# How often: a count per unit of time ("minst två väderanpassade aktiviteter i veckan", "två
# gånger per år", "twice a week"), every unit ("varje vecka"), or an adverb of frequency
# ("regelbundet", "dagligen", "weekly").
_PER_UNIT = (r"(?:i|per|om|varje|a|an|every)\s+(?:vecka|veckan|månad|månaden|år|året|dag|dagen|dygn|dygnet|termin|"
             r"terminen|kvartal|week|month|year|day|term|quarter)")
_FREQUENCY = re.compile(
    r"\b(?:(?:minst|högst|upp till|cirka|ungefär|at least|up to|about)\s+)?"
    r"(?:\d+|en|ett|" + _NUMBER_WORDS + r"|one|two|three|four|five|once|twice)\s+(?:[\w-]+\s+){0,3}?" + _PER_UNIT + r"\b"
    r"|\b(?:varje|var|every)\s+(?:vecka|månad|dag|år|termin|week|month|day|year)\b"
    r"|\b(?:regelbundet|dagligen|veckovis|månadsvis|årligen|fortlöpande|kontinuerligt|"
    r"regularly|daily|weekly|monthly|yearly|annually|continuously)\b",
    re.IGNORECASE,
)


def frequencies(text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    return _found(_FREQUENCY, "frequency", text, start, end)


EXTRACTORS = {
    "duration": durations,
    "frequency": frequencies,
    "contact": contacts,
    "number": numbers,
    "amount": amounts,
    "age": ages,
    "date": dates,
    "party": parties,
    "person": persons,
    "place": places,
}


def candidates(kind: str, text: str, start: int, end: int, common: CommonWord = _never_common) -> list[Candidate]:
    extractor = EXTRACTORS.get(kind)
    return extractor(text, start, end, common) if extractor else []
