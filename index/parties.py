"""Swedish political parties: abbreviations, names, and where a text mentions them."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTY_NAMES: dict[str, str] = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "L": "Liberalerna",
    "C": "Centerpartiet",
    "SD": "Sverigedemokraterna",
    "V": "Vänsterpartiet",
    "MP": "Miljöpartiet",
    "KD": "Kristdemokraterna",
    "Fi": "Feministiskt initiativ",
    "NyD": "Ny demokrati",
}
PARTY_NAMES_EN: dict[str, str] = {
    "S": "the Social Democrats",
    "M": "the Moderates",
    "L": "the Liberals",
    "C": "the Centre Party",
    "SD": "the Sweden Democrats",
    "V": "the Left Party",
    "MP": "the Green Party",
    "KD": "the Christian Democrats",
    "Fi": "Feminist Initiative",
    "NyD": "New Democracy",
}

# Abbreviations as written inside parentheses, old forms included (fp was renamed L in 2015,
# kds became KD in 1996, vpk became V in 1990).
_ABBREVIATIONS = {
    "s": "S", "m": "M", "l": "L", "fp": "L", "c": "C", "sd": "SD", "v": "V", "vpk": "V",
    "mp": "MP", "kd": "KD", "kds": "KD", "fi": "Fi", "nyd": "NyD",
}
# Names and their inflections ("Moderaternas", "socialdemokratiska").
_NAME_STEMS = {
    "socialdemokrat": "S", "moderat": "M", "liberalern": "L", "folkpartiet": "L",
    "centerpartiet": "C", "sverigedemokrat": "SD", "vänsterpartiet": "V",
    "miljöpartiet": "MP", "kristdemokrat": "KD", "feministiskt initiativ": "Fi",
    "vänsterpartist": "V", "centerpartist": "C", "miljöpartist": "MP",  # members ("Vilken vänsterpartist …?")
    "social democrat": "S", "moderates": "M", "liberals": "L", "centre party": "C",
    "sweden democrat": "SD", "left party": "V", "green party": "MP",
    "christian democrat": "KD", "feminist initiative": "Fi", "liberal party": "L",
}

_PAREN = re.compile(r"\((?:alla\s+|samtliga\s+|båda\s+)?([A-Za-zÅÄÖåäö]{1,3})\)")
_POSSESSIVE = re.compile(r"\b(S|M|L|C|SD|V|MP|KD)(?::s)\b")
_NAMES = re.compile(
    r"\b(" + "|".join(re.escape(stem) for stem in _NAME_STEMS) + r")\w*", re.IGNORECASE
)


@dataclass(frozen=True)
class PartyMention:
    party: str  # canonical abbreviation, e.g. "L"
    start: int
    end: int


def party_name(party: str, language: str = "sv") -> str:
    names = PARTY_NAMES_EN if language == "en" else PARTY_NAMES
    return names.get(party, party)


def canonical_party(token: str) -> str | None:
    """The canonical abbreviation for an abbreviation or a party name, if it is one."""
    token = token.strip().strip("()")
    found = _ABBREVIATIONS.get(token.lower())
    if found:
        return found
    match = _NAMES.search(token)
    return _NAME_STEMS[match.group(1).lower()] if match else None


# A party's letters standing alone, as a question writes them ("Vad vill M?", "Vad tycker SD
# om …?"); in a document a lone capital is as often something else, so only where asked for.
_LETTERS = r"(S|M|L|C|SD|V|MP|KD|Fi|NyD)"
# ... or joined to a noun ("S-budgeten", "M-förslaget", "SD-politikern"); not to a coalition it
# leads ("M-styret", "S-majoriteten": several parties).
PARTY_JOINED_TO_NOUN = re.compile(r"(?<![\w(-])" + _LETTERS + r"-(?=[a-zåäö])(?!styr|majoritet|regering|koalition|led)")
_BARE = re.compile(r"(?<![\w(-])" + _LETTERS + r"(?![\w)-]|:s)|" + PARTY_JOINED_TO_NOUN.pattern)


def find_parties(text: str, start: int = 0, end: int | None = None, bare: bool = False) -> list[PartyMention]:
    """Party mentions in ``text[start:end]``: "(S)", "(alla S)", "M:s", party names; with
    ``bare`` also a party's letters standing alone ("Vad vill M?")."""
    end = len(text) if end is None else end
    mentions: list[PartyMention] = []
    if bare:
        for match in _BARE.finditer(text, start, end):
            letters = match.group(1) or match.group(2)
            mentions.append(PartyMention(_ABBREVIATIONS[letters.lower()], match.start(), match.start() + len(letters)))
    for match in _PAREN.finditer(text, start, end):
        party = _ABBREVIATIONS.get(match.group(1).lower())
        if party:
            mentions.append(PartyMention(party, match.start(), match.end()))
    for match in _POSSESSIVE.finditer(text, start, end):
        mentions.append(PartyMention(match.group(1), match.start(), match.end()))
    for match in _NAMES.finditer(text, start, end):
        mentions.append(PartyMention(_NAME_STEMS[match.group(1).lower()], match.start(), match.end()))
    return sorted(mentions, key=lambda m: m.start)
