"""What an abbreviation stands for: "Vad står SSPF för?", "Vad betyder förkortningen BRÅ?",
"What does SIG stand for?".

Council papers define an abbreviation where they first use it, in one of two ways:
"Samverkan socialtjänst, skola, polis och fritid (SSPF)" or "SSPF (Samverkan socialtjänst …)".
The expansion is the run of words whose initials spell the abbreviation (small words such as
"och" may sit between them); it is cited with the abbreviation it defines. No definition in
the documents: declined, never guessed from the letters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.question import asks_made_of
from assistant.scoring import SentenceEvidence

if TYPE_CHECKING:
    from assistant.answering import Draft
    from assistant.question import Question

# Words between the initials that spell nothing ("Samverkan socialtjänst, skola, polis och fritid").
_LINKING = frozenset("och i för av med på till om samt & and of for the in on".split())
_WORD = re.compile(r"[^\W\d_][\w-]*")


# "Vad är SSPF?", "What is SIG?": an abbreviation asked about alone is first asked what it stands
# for; where no document defines it, the question is answered as any other.
_WHAT_IS_ABBREVIATION = re.compile(r"(?i:vad|what)\s+(?i:är|var|is|was)\s+(?:(?i:the)\s+)?[A-ZÅÄÖ]{2,8}\+?\s*\??")


def asks_what_abbreviation_is(text: str) -> bool:
    return _WHAT_IS_ABBREVIATION.fullmatch(text.strip()) is not None


def asked_abbreviation(question: Question) -> str | None:
    """The abbreviation a question asks about: one of its names written in capitals."""
    return next((k for k in question.key_terms if re.fullmatch(r"[A-ZÅÄÖ]{2,8}\+?", k)), None)


def expansion(text: str, abbreviation: str, whole_name: bool = True) -> tuple[int, int, str] | None:
    """Where ``text`` defines ``abbreviation``: the span of the definition (the words and the
    abbreviation) and the expansion itself; None when it never does. Without ``whole_name``,
    only the words that give its letters (its members: "socialtjänst, skola, polis och fritid")."""
    letters = [ch for ch in abbreviation.upper() if ch.isalpha()]
    for match in re.finditer(r"\(" + re.escape(abbreviation) + r"\)", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        words = list(_WORD.finditer(text, max(line_start, match.start() - 200), match.start()))
        first = _spelled_backwards(words, letters, whole_name)
        if first is not None:
            return words[first].start(), match.end(), text[words[first].start():match.start()].rstrip(" ,")
    for match in re.finditer(r"(?<!\w)" + re.escape(abbreviation) + r"\s*\(([^()\n]{3,200})\)", text):
        inside = list(_WORD.finditer(match.group(1)))
        if _spelled_backwards(inside, letters) is not None:
            return match.start(), match.end(), match.group(1).strip()
    return None


def _spelled_backwards(words: list[re.Match], letters: list[str], whole_name: bool = False) -> int | None:
    """The index of the first word of the run at the end of ``words`` whose initials spell
    ``letters``; for three letters or more, one letter may stand inside a compound instead
    ("Sociala insatsgrupper (SIG)", "Brottsförebyggande rådet (BRÅ)"). Else None."""
    wanted = len(letters) - 1
    skips = 1 if len(letters) >= 3 else 0
    first = None
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0)
        if wanted < 0:
            break
        if word.lower() in _LINKING:
            continue
        initial = word[0].upper()
        if initial != letters[wanted] and skips and wanted > 0 and initial == letters[wanted - 1]:
            skips, wanted = 0, wanted - 1
        if initial == letters[wanted]:
            first, wanted = i, wanted - 1
        else:
            break
    if whole_name and first is not None and wanted < 0 and first > 0 and words[first].group(0)[0].islower():
        # A name starts with a capital: "Samverkan socialtjänst, skola, polis och fritid (SSPF)"
        # is the name of which the last four words give the letters.
        before = words[first - 1].group(0)
        if before[0].isupper() and before[0] == letters[0]:
            first -= 1
    return first if wanted < 0 or (wanted == 0 and skips) else None


def answer_expansion(question: Question, ranked: list[SentenceEvidence], whole_sentence: bool = False) -> Draft | None:
    """The expansion, cited with the abbreviation it defines; ``whole_sentence`` cites the
    sentence that defines it ("Vad är SSPF?" is answered by what that sentence says of it too)."""
    from assistant.answering import Claim, Draft, DraftItem

    abbreviation = asked_abbreviation(question)
    if abbreviation is None:
        return None
    seen: set[str] = set()
    for evidence in ranked:
        document = evidence.document
        if document.doc_id in seen:
            continue
        seen.add(document.doc_id)
        found = expansion(document.text, abbreviation, whole_name=not asks_made_of(question))
        if found is not None:
            start, end, value = found
            if whole_sentence:
                holding = next((e for e in ranked if e.document.doc_id == document.doc_id
                                and e.start <= start and end <= e.end), None)
                if holding is not None:
                    start, end = holding.start, holding.end
            draft = Draft(answerable=True, shape="factoid")
            n = draft.cite(Claim(document, start, end))
            draft.short.append((value, n))
            draft.items.append(DraftItem(value, [n]))
            return draft
    return Draft(answerable=False)
