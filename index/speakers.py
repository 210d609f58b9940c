"""Who says each part of a document, with the words that say so.

A council paper is many voices: the rapporteurs' text, reservations and statements of
other parties, the administration's report, quoted politicians in an article. Each voice
is a ``Speaker`` over a span of the text, found from general cues of Swedish council and
news writing (never from a particular document):

- section cues: "Reservation anfördes av …", "Särskilt uttalande gjordes av …",
  "Ersättaryttrande gjordes av …", "Föredragande borgarråden … anför följande",
  "<X>kontorets tjänsteutlåtande … har i huvudsak följande lydelse";
- reported speech: a "– …" paragraph or a sentence with "säger/anser/menar <name>",
  a pronoun ("säger hon") taking the person last named;
- a sentence or list led by a party ("Moderaterna vill …", "M:s förslag");
- everything else: the document's own voice (its author and party; for a
  tjänsteutlåtande, the administration; for a news article, nobody in particular).

A span's speaker is the narrowest segment around it (``speaker_at``). Segments are stored
with the document at index time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from index.metadata import DocumentMetadata
from index.parties import canonical_party, find_parties, party_name
from index.text import split_sentences, tokenize

_NAME = r"[A-ZÅÄÖÉ][a-zåäöéüë'’-]+(?:[ \t]+(?:af[ \t]+|von[ \t]+|de[ \t]+)?[A-ZÅÄÖÉ][a-zåäöéüë'’-]+){1,3}"
_NAME_WITH_PARTY = re.compile(r"(" + _NAME + r")\s*\((?:alla\s+)?([A-Za-zÅÄÖåäö]{1,3})\)")

# Roles of a section, by the cue that opens it.
_SECTION_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reservation", re.compile(r"^(?:Reservation|Reservationer)\s+(?:anfördes|gjordes|lämnades)\s+av\b", re.MULTILINE)),
    ("statement", re.compile(r"^Särskil(?:t|da)\s+uttalanden?\s+(?:gjordes|lämnades|anfördes)\s+av\b", re.MULTILINE)),
    ("substitute", re.compile(r"^Ersättaryttranden?\s+(?:gjordes|lämnades|anfördes)\s+av\b", re.MULTILINE)),
    ("rapporteur", re.compile(r"^Föredragande\s+(?:borgarråd|kommunalråd|ledamot|ordförande)\w*\s+.{0,200}?\banför\b", re.MULTILINE)),
    ("administration", re.compile(
        r"^[A-ZÅÄÖ][\w-]*(?:kontor|förvaltning|nämnd)\w*\s+(?:tjänsteutlåtande|yttrande|skrivelse)\b.{0,120}?"
        r"(?:följande\s+lydelse|anför\s+följande|följande)", re.MULTILINE)),
)
# A cue whose section is the document's main voice goes on until the next cue; the others
# (dissents and statements) end at the next heading too.
_MAIN_VOICE = {"rapporteur", "administration"}
_SAYS = r"(?:säger|sa|sade|anser|menar|betonar|understryker|konstaterar|framhåller|skriver|berättar|tycker)"
_QUOTE_SPEAKER = re.compile(r",?\s+" + _SAYS + r"\s+(" + _NAME + r"|hon|han|hen)\b")
_SPEAKER_FIRST = re.compile(r"^(?:Det|Så|Detta)\s+" + _SAYS + r"\s+(" + _NAME + r")")
_PARTY_LEADS = re.compile(
    r"\s*(?:[-–•●]\s*)?([A-ZÅÄÖ][\wåäö]*(?:\s+initiativ)?)(?::s)?(?:\s+[^\s.!?]+){0,6}?\s+"
    r"(?:vill|föreslår|föreslog|kräver|krävde|anser|menar|driver|satsar|lovar|"
    r"har\s+(?:\w+\s+)?(?:föreslagit|krävt|drivit|lovat))\b")
_PARTY_LIST = re.compile(r"\s*([A-ZÅÄÖ][\wåäö]*?)(?::s|s)\s+(?:förslag|krav|politik|vallöften|satsningar)\b")
_ADMINISTRATION_KINDS = {"tjänsteutlåtande"}
# A news article is the reporter's; a memo's own text is its rapporteurs' (named by a cue),
# not the author of the letter it answers.
_NO_VOICE_KINDS = {"artikel", "promemoria", "protokoll"}


@dataclass(frozen=True)
class Speaker:
    """Who says ``text[start:end]``; ``evidence_*`` is the span that says so (or ``curated``)."""

    start: int
    end: int
    role: str                      # author | rapporteur | reservation | statement | substitute |
    #                                administration | quoted | party | document
    name: str | None = None        # "Clara Lindblom", "Stadsledningskontoret", "Jan Valeskog m.fl."
    parties: tuple[str, ...] = ()
    evidence_start: int | None = None
    evidence_end: int | None = None
    curated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["parties"] = list(self.parties)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(**{**data, "parties": tuple(data.get("parties") or ())})

    def is_named(self, name: str) -> bool:
        """Whether every word of ``name`` is a word of this speaker's name ("Clara Lindblom",
        "Lindblom")."""
        wanted = set(tokenize(name))
        return bool(self.name and wanted) and wanted <= set(tokenize(self.name))

    def label(self) -> str:
        """'Clara Lindblom (V)', 'Reservation (S, V)', 'Stadsledningskontoret', 'Moderaterna (M)'."""
        party = f" ({', '.join(self.parties)})" if self.parties else ""
        if self.name:
            return self.name + party
        if self.role in _SECTION_NAMES:
            return _SECTION_NAMES[self.role] + party
        return ", ".join(f"{party_name(p)} ({p})" for p in self.parties)


_SECTION_NAMES = {"reservation": "Reservation", "statement": "Särskilt uttalande", "substitute": "Ersättaryttrande"}


def _person_parties(text: str) -> dict[str, str]:
    """Each person named with a party somewhere in the text ("Andréa Hedin (M)"), by full
    name and by surname, when the surname names one person only."""
    found: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for match in _NAME_WITH_PARTY.finditer(text):
        party = canonical_party(match.group(2))
        if not party:
            continue
        name = " ".join(match.group(1).split())
        found.setdefault(name, party)
        surnames.setdefault(name.split()[-1], set()).add(party)
    for surname, parties in surnames.items():
        if len(parties) == 1 and surname not in found:
            found[surname] = next(iter(parties))
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in re.finditer(r"\n[ \t]*\n", text):
        if text[pos:match.start()].strip():
            spans.append((pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def _is_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return (0 < len(line.split()) <= 4 and "\n" not in line and line[-1] not in ".!?:;,)”\""
            and line[0].isupper() and not re.match(r"\d", line))


def _cue_speaker(role: str, text: str, start: int, end: int, people: dict[str, str]) -> Speaker:
    """The speaker a cue paragraph names: its parties, and its people when few."""
    header = text[start:end]
    line_end = start + (header.find(".") + 1 if "." in header else len(header))
    # Parties of the speakers themselves: before "med hänvisning till X:s reservation".
    named_end = re.search(r"\s(?:med\s+hänvisning|enligt\s+följande|anför\s+följande)", text[start:line_end])
    parties = tuple(dict.fromkeys(m.party for m in find_parties(
        text, start, start + named_end.start() if named_end else line_end)))
    name = None
    if role == "administration":
        name = re.match(r"[\w-]+", header).group(0).removesuffix("s")
    elif role == "rapporteur":
        names = re.findall(_NAME, header[:line_end - start])
        name = " och ".join(n for n in names if not n.startswith("Föredragande")) or None
        if not parties:
            parties = tuple(dict.fromkeys(people[n] for n in names if n in people))
    else:
        names = [n for n in re.findall(_NAME, header[:line_end - start])
                 if not n.split()[0] in ("Reservation", "Särskilt", "Ersättaryttrande")]
        if len(names) == 1:
            name = names[0]
    return Speaker(start, end, role, name, parties, start, line_end)


def _document_voice(text: str, meta: DocumentMetadata) -> Speaker:
    kind = (meta.value("kind") or "").lower()
    if kind in _ADMINISTRATION_KINDS:
        evidence = meta.kind.evidence if meta.kind else None
        return Speaker(0, len(text), "administration", "Förvaltningen", (),
                       evidence.start if evidence else None, evidence.end if evidence else None,
                       evidence.curated if evidence else None)
    if kind in _NO_VOICE_KINDS:
        return Speaker(0, len(text), "document")
    parties = tuple(meta.value("parties") or ())
    authors = meta.value("authors") or []
    source = meta.parties if meta.parties is not None else meta.authors
    evidence = source.evidence if source is not None else None
    name = " och ".join(authors) if authors and (meta.authors and meta.parties
                                                 and meta.authors.evidence == meta.parties.evidence) else None
    if name and len(authors) == 1 and evidence and evidence.quote and "m.fl." in evidence.quote:
        name += " m.fl."
    return Speaker(0, len(text), "author" if name else "document", name, parties,
                   evidence.start if evidence else None, evidence.end if evidence else None,
                   evidence.curated if evidence else None)


def _sections(text: str, default: Speaker, people: dict[str, str]) -> list[Speaker]:
    """Non-overlapping sections covering the text, each with its voice."""
    cues: list[tuple[int, str]] = []
    for role, pattern in _SECTION_CUES:
        cues.extend((m.start(), role) for m in pattern.finditer(text))
    cues.sort()
    paragraphs = _paragraphs(text)
    out: list[Speaker] = []
    current = default
    section_start = 0

    def close(at: int) -> None:
        if at > section_start:
            out.append(Speaker(section_start, at, current.role, current.name, current.parties,
                               current.evidence_start, current.evidence_end, current.curated))

    cue_at = {position: role for position, role in cues}
    for p_start, p_end in paragraphs:
        role = cue_at.get(p_start)
        if role is None:
            # A cue may begin mid-paragraph only when the paragraph starts with it (MULTILINE ^).
            inside = [(pos, r) for pos, r in cues if p_start <= pos < p_end]
            role = inside[0][1] if inside else None
            if role is not None:
                p_start = inside[0][0]
        if role is not None:
            close(p_start)
            current = _cue_speaker(role, text, p_start, p_end, people)
            section_start = p_start
        elif current.role not in _MAIN_VOICE and current is not default and _is_heading(text, p_start, p_end):
            close(p_start)
            current, section_start = default, p_start
    close(len(text))
    return out


def _reported(text: str, people: dict[str, str], sections: list[Speaker]) -> list[Speaker]:
    """Quoted paragraphs ("– …, säger Andréa Hedin.") and sentences that name their speaker."""
    out: list[Speaker] = []
    last_person: tuple[str, int, int] | None = None
    for p_start, p_end in _paragraphs(text):
        for match in _NAME_WITH_PARTY.finditer(text, p_start, p_end):
            last_person = (" ".join(match.group(1).split()), match.start(), match.end())
        paragraph = text[p_start:p_end]
        quoted = paragraph.startswith(("–", "—", "”", "\""))
        for s_start, s_end in split_sentences(text, p_start, p_end):
            sentence = text[s_start:s_end]
            found = _QUOTE_SPEAKER.search(sentence) or _SPEAKER_FIRST.search(sentence)
            if not found:
                continue
            who = found.group(1)
            if who in ("hon", "han", "hen"):
                if last_person is None:
                    continue
                who = last_person[0]
            else:
                who = " ".join(who.split())
                last_person = (who, s_start + found.start(1), s_start + found.end(1))
            party = people.get(who) or people.get(who.split()[-1])
            span_start = p_start if quoted else s_start
            span_end = s_end if quoted else s_end
            if _SPEAKER_FIRST.search(sentence):
                # "Det anser Andréa Hedin (M)": the opinion is the sentence before.
                before = [s for s in split_sentences(text, p_start, s_start)]
                span_start = before[-1][0] if before else s_start
            out.append(Speaker(span_start, span_end, "quoted", who, (party,) if party else (),
                               s_start + found.start(1), s_start + found.end(1)))
    return out


def _party_led(text: str, sections: list[Speaker]) -> list[Speaker]:
    """Sentences whose subject is a party ("Moderaterna vill …", "Vänsterpartiet har
    föreslagit …") and lists headed by one ("M:s förslag ●…")."""
    out: list[Speaker] = []
    for p_start, p_end in _paragraphs(text):
        listed = _PARTY_LIST.match(text, p_start, p_end)
        if listed and canonical_party(listed.group(1)):
            party = canonical_party(listed.group(1))
            out.append(Speaker(p_start, p_end, "party", None, (party,), listed.start(1), listed.end(0)))
            continue
        for s_start, s_end in split_sentences(text, p_start, p_end):
            lead = _PARTY_LEADS.match(text, s_start, s_end)
            if not lead:
                continue
            word = lead.group(1)
            party = canonical_party(word) if len(word) > 3 or word.isupper() else None
            if party:
                out.append(Speaker(s_start, s_end, "party", None, (party,), lead.start(1), lead.end(1)))
    return out


def attribute(text: str, meta: DocumentMetadata) -> list[Speaker]:
    """Every speaker segment of a document: sections covering the whole text, then the
    narrower quoted and party-led spans inside them. Sorted by start."""
    people = _person_parties(text)
    sections = _sections(text, _document_voice(text, meta), people)
    finer = _reported(text, people, sections) + _party_led(text, sections)
    return sorted(sections + finer, key=lambda s: (s.start, -(s.end - s.start)))


def speaker_at(speakers: Iterable[Speaker], start: int, end: int) -> Speaker | None:
    """The narrowest segment that holds ``start`` (a span is said by whoever says its start)."""
    best: Speaker | None = None
    for speaker in speakers:
        if speaker.start <= start < speaker.end and (best is None or speaker.end - speaker.start < best.end - best.start):
            best = speaker
    return best
