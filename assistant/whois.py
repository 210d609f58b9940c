"""Who-is answers: a person's role, title, organisation and party, as the documents state them.

"Vem är Andréa Hedin?", "Who is Lisa Palm?", "Vilken roll har Clas Cederlid?". Every mention
of the person in the documents that retrieval (and a keyword search for the name) brings up
is read for what Swedish council and news writing says of people:

- an apposition: "Andréa Hedin (M), oppositionsborgarråd i Stockholms stad, …";
- a title before the name, also before a list of names: "borgarrådet Clara Lindblom (V)",
  "Föredragande borgarråden Anna König Jerlmyr och Jan Jönsson";
- a signature or contact block: the name on its own line with the title on the next
  lines, or under a label ("Handläggare"), or after one on its line ("Foto: Naomi Grossman");
- a section the person speaks (a reservation, a statement) and "jag som socialborgarråd"
  in the person's own text;
- the party, "(M)", from any mention.

The documents read are those of the retrieved passages, which for a who-is question include
the best passages for the name alone (within the user's filters).

Each role is an item citing the exact words. No mention: declined. Mentions but no role:
the sentence that mentions the person, best ranked first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.question import Question
from assistant.retrieval import ScoredChunk
from index import DocumentRecord
from index.parties import canonical_party, party_name
from index.text import line_around, split_sentences

if TYPE_CHECKING:
    from assistant.answering import Draft, ExtractiveAnswerer

ROLE_NOUN = (
    r"[\wåäö-]*(?:borgarråd|kommunalråd|regionråd|ordförande|direktör|chef|handläggare|sekreterare|minister|"
    r"statsråd|ledamot|ersättare|talesperson|gruppledare|politiker|samordnare|koordinator|ansvarig|strateg|"
    r"utredare|författare|journalist|reporter|fotograf|rektor|ombudsman|talman|kommundirektör|stadsdirektör|"
    r"president|ambassadör|generaldirektör|riksdagsledamot|kandidat|företrädare)"
    r"(?:et|en|n|na|ar|arna|er|erna|s)?"
)
_ROLE_WORD = re.compile(r"\b" + ROLE_NOUN + r"\b", re.IGNORECASE)
_NAME = r"[A-ZÅÄÖÉ][\wåäöéü'’-]+(?:[ \t]+[A-ZÅÄÖÉ][\wåäöéü'’-]+){0,3}"
_NAMEISH = _NAME + r"(?:[ \t]*\([^)\n]{1,12}\))?"  # ... with its party or role in brackets
# A title right before the name, possibly before a list of other names ("borgarråden A, B och X").
_ROLE_BEFORE = re.compile(
    r"((?:(?:[A-ZÅÄÖ][\wåäö]*s|[\wåäö]+(?:ande|ende))[ \t]+){0,2}(?:[\wåäö]+-[ \t]+och[ \t]+)?" + ROLE_NOUN + r")[ \t]+"
    r"(?:" + _NAMEISH + r"(?:,[ \t]*|[ \t]+och[ \t]+))*$"
)
# "Foto: Naomi Grossman", "Handläggare: Clas Cederlid", "Photo: …": one capitalised word and a colon.
_LABEL_BEFORE = re.compile(r"(?:^|(?<=[.!?)][ \t])|(?<=\n))[ \t]*([A-ZÅÄÖ][\wåäö]{1,20}):[ \t]*$")
_CUE_END = re.compile(r"[ \t]+(?:med[ \t]+hänvisning|enligt[ \t]+följande|anför[ \t]+följande)")
_APPOSITION = re.compile(r"(?:[ \t]*\((?:alla[ \t]+)?[A-Za-zÅÄÖåäö]{1,3}\))?,[ \t]*([a-zåäö][^,.;\n\t]{2,90}?)(?=,|\.|;|\n|\t|$|[ \t]+som[ \t]|[ \t]+(?:välkomnar|säger|anser|menar)\b)")
_PARTY_AFTER = re.compile(r"(?:,[ \t]*" + _NAMEISH + r"|[ \t]+och[ \t]+" + _NAMEISH + r")*[ \t]*\((?:alla[ \t]+)?([A-Za-zÅÄÖåäö]{1,3})\)")
# ... the party closing the list the name is in, whose names have no party of their own.
_LIST_PARTY_AFTER = re.compile(r"(?:,[ \t]*" + _NAME + r"|[ \t]+och[ \t]+" + _NAME + r")*[ \t]*\((?:alla[ \t]+)?([A-Za-zÅÄÖåäö]{1,3})\)")
_SELF_ROLE = re.compile(r"\bjag\s+som\s+(" + ROLE_NOUN + r"(?:[ \t]+i[ \t]+[A-ZÅÄÖ][\wåäö-]+)?)", re.IGNORECASE)
_CUE_ROLES = ("reservation", "statement", "substitute", "rapporteur")
MAX_ROLES = 4


def _mentions(text: str, name: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\wåäöÅÄÖ])" + r"[ \t]+".join(map(re.escape, name.split())) + r"(?![\wåäöÅÄÖ])",
                         re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _roles_at(document: DocumentRecord, start: int, end: int) -> list[tuple[str, int, int]]:
    """(role text, span start, span end) that one mention of the person states."""
    text = document.text
    found: list[tuple[str, int, int]] = []
    apposition = _APPOSITION.match(text, end)
    if apposition and _ROLE_WORD.search(apposition.group(1)):
        found.append((apposition.group(1).strip(), start, apposition.end(1)))
    line_start, line_end = line_around(text, start, start)
    before = _ROLE_BEFORE.search(text, line_start, start)
    if before:
        found.append((before.group(1).strip(), before.start(1), end))
    credit = _LABEL_BEFORE.search(text, line_start, start)
    if credit and not before:
        # A label right before the name: a credit or a contact line ("Foto: Naomi Grossman").
        found.append((credit.group(1), credit.start(1), end))
    if text[line_start:line_end].strip() == text[start:end]:
        # A signature or contact block: the name alone on its line.
        block_end, lines = line_end, []
        for _ in range(3):
            next_start, next_end = line_around(text, block_end + 1, block_end + 1) if block_end + 1 < len(text) else (block_end, block_end)
            following = text[next_start:next_end].strip()
            if not following or next_start <= block_end or len(following.split()) > 5 or re.search(r"\d", following):
                break
            lines.append(following)
            block_end = next_end
        if lines and (lines[0][0].islower() or _ROLE_WORD.search(lines[0])):
            found.append((" ".join(lines), start, block_end))
        previous_start, previous_end = line_around(text, line_start - 2, line_start - 2) if line_start >= 2 else (0, 0)
        label = text[previous_start:previous_end].strip()
        if label and _ROLE_WORD.fullmatch(label):
            found.append((label, previous_start + text[previous_start:previous_end].index(label), end))
    return found


def party_named_with(text: str, end: int) -> str | None:
    """The party written after the name ending at ``end``, or after the list of names it
    begins ("Karin Wanngård, Jan Valeskog och Kadir Kasirga (alla S)")."""
    match = _LIST_PARTY_AFTER.match(text, end)
    return canonical_party(match.group(1)) if match else None


def _party_of(document: DocumentRecord, mentions: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    for start, end in mentions:
        match = _PARTY_AFTER.match(document.text, end)
        if match and canonical_party(match.group(1)):
            return canonical_party(match.group(1)), (start, match.end())
    return None, None


def answer_who(answerer: ExtractiveAnswerer, question: Question, chunks: list[ScoredChunk]) -> Draft:
    from assistant.answering import Claim, Draft, DraftItem

    name = question.subject or ""
    index = answerer.index
    # The retrieved passages include a search for the name itself (``Assistant.ask``), within
    # the user's filters.
    doc_ids: list[str] = list(dict.fromkeys(c.chunk.doc_id for c in chunks))
    draft = Draft(answerable=True, shape="who", subject=name)
    party: str | None = None
    party_item: DraftItem | None = None
    seen_roles: set[str] = set()
    first_mention: tuple[DocumentRecord, int, int] | None = None
    for doc_id in doc_ids:
        document = index.document(doc_id)
        if document is None:
            continue
        mentions = _mentions(document.text, name)
        if not mentions:
            continue
        first_mention = first_mention or (document, *mentions[0])
        if party is None:
            party, span = _party_of(document, mentions)
            if party is not None and span is not None:
                n = draft.cite(Claim(document, *span))
                party_item = DraftItem(f"{party_name(party, question.language)} ({party})", [n], None, (party,))
        roles = [role for start, end in mentions for role in _roles_at(document, start, end)]
        for speaker in document.speakers:
            if (speaker.role in _CUE_ROLES and speaker.name and name.lower() in speaker.name.lower()
                    and speaker.evidence_start is not None):
                cue_end = _CUE_END.search(document.text, speaker.evidence_start, speaker.evidence_end)
                end = cue_end.start() if cue_end else speaker.evidence_end
                roles.append((" ".join(document.text[speaker.evidence_start:end].split()), speaker.evidence_start, end))
            if (speaker.role == "author" and speaker.name and name.lower() in speaker.name.lower()):
                for match in _SELF_ROLE.finditer(document.text, speaker.start, speaker.end):
                    roles.append((match.group(1), match.start(), match.end()))
        for role, start, end in roles:
            key = " ".join(role.lower().split())
            if len(draft.items) >= MAX_ROLES or any(key in known or known in key for known in seen_roles):
                continue
            if any(c.document.doc_id == doc_id and c.start < end and start < c.end for c in draft.claims[1 if party_item else 0:]):
                continue  # the same words as a role already given
            seen_roles.add(key)
            n = draft.cite(Claim(document, start, end))
            draft.items.append(DraftItem(role, [n], None, (party,) if party else ()))
    if first_mention is None:
        return Draft(answerable=False)
    if not draft.items:
        document, start, end = first_mention
        sentence = next(((s, e) for s, e in split_sentences(document.text) if s <= start < e), (start, end))
        n = draft.cite(Claim(document, *sentence))
        draft.items.append(DraftItem(" ".join(document.text[sentence[0]:sentence[1]].split()), [n]))
        draft.shape = "open"
    if party_item is not None:
        draft.items.insert(0, party_item)
    return draft
