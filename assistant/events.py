"""Whether a sentence can date the event a Swedish "När …?" question asks about.

"När infördes Sluta skjut i Stockholm?" is a false premise when the documents only say
that somebody wanted it introduced: the date of that claim ("i augusti 2022 hävdade …
att vi inte heller ville införa metoden") is no answer, nor is the date of another event
the sentence tells ("… reformer som infördes av Liberalerna"), nor the date of a document
whose first paragraph mentions the verb.
"""

from __future__ import annotations

import re

from assistant.question import Question
from assistant.scoring import SentenceEvidence, stem_matches
from index.text import tokenize, words

_EVENT_VERB = re.compile(r"^\s*(?:och\s+)?(?:sedan\s+)?(?i:när)\s+([a-zåäö]+)\b")
_WHY_VERB = re.compile(r"^\s*(?:och\s+)?(?i:varför)\s+([a-zåäö]+)\b")
# "När måste du …?", "När ska …?": no event verb of its own.
_AUXILIARIES = frozenset("är var blir blev måste ska skulle kan kunde får fick bör har hade kommer brukar".split())
# A verb's past: a weak one's ("infördes", "startade") or a strong one's ("avgick", "tog").
_PAST_FORM = re.compile(r"(?:de|des|te|tes|gick|tog|gav|kom|drog|stod|skrev|sköt|bröt|slog|föll|höll|lät)$")
_VERB_ENDING = re.compile(r"(?:ades|ade|des|de|tes|te|s)$")
# Words before a verb that make it wanted or planned rather than done ("ville införa").
_UNREALISED_BEFORE = frozenset("att ska skall vill ville skulle bör borde kan kunde måste".split())
# Words between an event's verb and the name it is about (SweQUAD-MC training: "Skolinspektionen
# redovisar … sitt tionde hela verksamhetsår sedan starten", 12 words; "Trefas startades 2020", 1).
EVENT_REACH = 15


def event_verb(question: Question) -> str | None:
    """The verb of a Swedish "När <verb> …?" ("startade", "infördes"), not an auxiliary."""
    asked = _EVENT_VERB.match(question.text)
    if asked is None or question.language != "sv" or asked.group(1).lower() in _AUXILIARIES:
        return None
    return asked.group(1).lower()


def why_past_verb(question: Question) -> str | None:
    """The verb of a Swedish "Varför <verb in the past> …?" ("Varför avgick …?", "Varför
    röstade …?"): a question about an event, not a standing reason ("Varför passar …?")."""
    asked = _WHY_VERB.match(question.text)
    if asked is None or question.language != "sv" or asked.group(1).lower() in _AUXILIARIES:
        return None
    verb = asked.group(1).lower()
    return verb if _PAST_FORM.search(verb) else None


def mentions_event(verb: str, evidence: SentenceEvidence) -> bool:
    """Whether the sentence (with its label lines and section heading) holds ``verb``."""
    stems = tokenize(verb)
    if not stems:
        return True
    root = _VERB_ENDING.sub("", verb)
    near = evidence.near_words | set(tokenize(evidence.text))
    return stem_matches(stems[0], near) or (len(root) >= 4 and any(root in w for w in near))


def asks_past_event(question: Question) -> bool:
    verb = event_verb(question)
    return verb is not None and bool(_PAST_FORM.search(verb))


def states_event(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether ``evidence`` can date the event a Swedish "När <verb> …?" asks about: the verb
    is in the sentence, the lines that introduce it ("Detta dokument har godkänts digitalt av
    …" above a signature row) or its section's heading (not the document's header); near a
    name the question gives, when the sentence holds one; and, for a verb in the past, not
    only as something wanted or planned. Other questions: always."""
    verb = event_verb(question)
    stems = tokenize(verb) if verb else []
    if not stems:
        return True
    # The stemmer cuts some passives short ("invigs" -> "inv"): the verb without its ending
    # is looked for inside words too ("återinvigningen").
    root = _VERB_ENDING.sub("", verb)
    root = root if len(root) >= 4 else None

    def is_verb(word: str) -> bool:
        tokens = tokenize(word)
        return (bool(tokens) and stem_matches(stems[0], {tokens[0]})) or (root is not None and root in word)

    near = evidence.near_words | set(tokenize(evidence.text))
    if not stem_matches(stems[0], near) and not (root is not None and any(root in w for w in near)):
        return False
    said = words(evidence.text)
    uses = [i for i, w in enumerate(said) if is_verb(w)]
    named = [i for i, w in enumerate(said) for k in question.key_terms if (first := words(k)) and w.startswith(first[0])]
    if uses and named and not any(abs(i - j) <= EVENT_REACH for i in uses for j in named):
        return False
    if not _PAST_FORM.search(verb):
        return True
    return not uses or any(not _UNREALISED_BEFORE.intersection(said[max(0, i - 2):i]) for i in uses)
