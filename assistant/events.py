"""Whether a sentence tells of the event a "När …?" / "Varför …?" question asks about.

"När infördes Sluta skjut i Stockholm?" is a false premise when the documents only say
that somebody wanted it introduced: the date of that claim ("i augusti 2022 hävdade …
att vi inte heller ville införa metoden") is no answer, nor is the date of another event
the sentence tells ("… reformer som infördes av Liberalerna"), nor the date of a document
whose first paragraph mentions the verb. "Varför avgick X?" is a false premise when no
sentence near the top tells of X stepping down. An English question's verb is looked for
through its Swedish equivalents (``assistant.glossary``: "shut down" is "stänga", "lägga ned").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.glossary import swedish_for
from assistant.question import Question
from assistant.scoring import SentenceEvidence, stem_matches
from assistant.synonyms import SYNONYMS
from index.text import tokenize, words

_SWEDISH = re.compile(r"^\s*(?i:och\s+)?(?i:sedan\s+)?(?i:(när|varför|vilket\s+år|vilket\s+datum|vilken\s+dag|vilken\s+månad))"
                      r"\s+([a-zåäö]+)\b")
_ENGLISH = re.compile(r"^\s*(?:and\s+)?(when|why|(?:in\s+)?(?:what|which)\s+year)\s+(did|was|were|has|have|had)\s+(.+)$",
                      re.IGNORECASE)
# "När måste du …?", "När ska …?": no event verb of its own.
_AUXILIARIES = frozenset("är var blir blev måste ska skulle kan kunde får fick bör har hade kommer brukar".split())
# A verb's past: a weak one's ("infördes", "startade") or a strong one's ("avgick", "tog").
_PAST_FORM = re.compile(r"(?:de|des|te|tes|gick|tog|gav|kom|drog|stod|skrev|sköt|bröt|slog|föll|höll|lät)$")
# Verbs that only say that an event took place; the noun after them names it ("När hölls
# debatten?", "När skedde skjutningen?", "När genomfördes trygghetsvandringen?").
_LIGHT_VERBS_PAST = frozenset("hölls skedde ägde inträffade genomfördes gjordes pågick anordnades arrangerades kom".split())
_LIGHT_VERBS = _LIGHT_VERBS_PAST | frozenset("hålls sker äger inträffar genomförs görs pågår anordnas arrangeras".split())
# The infinitive after an auxiliary and its subject (at most three words): a word in -a or -as
# (not a determiner or a common adjective in -a).
_NOT_INFINITIVE = ("nya|stora|andra|första|sista|alla|hela|samma|egna|enskilda|unga|gamla|flera|båda|dessa|sina|"
                   "våra|era|deras|mera|ena"
                   # ... nor a noun's definite plural ("trygghetsvandringarna", "åtgärderna")
                   "|[a-zåäö]{3,}(?:arna|erna|orna)")
_INFINITIVE = re.compile(r"(?:\s+(?!(?:om|i|på|för|till|med|av|från|vid|under|efter|inom|mot)\b)[\wåäö-]+){0,3}?"
                         r"\s+(?!(?:" + _NOT_INFINITIVE + r")\b)([a-zåäö]{3,}as?)\b", re.IGNORECASE)
# Auxiliaries that an infinitive follows ("När ska …", not "När var … klart?").
_MODALS = frozenset("ska skall skulle kan kunde måste får fick bör kommer brukar".split())
# ... past a genitive ("När kom stadsledningskontorets tjänsteutlåtande?": the statement came).
_NOUN_AFTER = re.compile(r"\s+(?:rum\s+)?(?:(?:den|det|de|en|ett)\s+)?(?:[\wåäö-]+(?:ens|ets|nas|ns)\s+(?=[a-zåäö]{4}))?"
                         r"([a-zåäö][a-zåäö-]{3,})\b", re.IGNORECASE)
_VERB_ENDING = re.compile(r"(?:ades|ade|des|de|tes|te|ts|s|a)$")
# Words before a verb that make it wanted or planned rather than done ("ville införa").
_UNREALISED_BEFORE = frozenset("att ska skall vill ville skulle bör borde kan kunde måste".split())
# English past participles that do not end in -ed/-en ("When was Trefas shut down?").
_IRREGULAR_PARTICIPLES = frozenset(
    "shut set held made built paid sent begun won cut put run sold told found brought bought kept left met "
    "done".split())
# Words between an event's verb and the name it is about (SweQUAD-MC training: "Skolinspektionen
# redovisar … sitt tionde hela verksamhetsår sedan starten", 12 words; "Trefas startades 2020", 1).
EVENT_REACH = 15


@dataclass(frozen=True)
class AskedEvent:
    """The verb of the event a question asks about, as Swedish stems (alternatives) and as
    the words without their endings (looked for inside words: the stemmer cuts "invigs" to
    "inv", and "återinvigningen" holds "invig")."""

    stems: tuple[str, ...]
    roots: tuple[str, ...]
    past: bool
    noun: bool = False  # named by the noun after a light verb ("När hölls debatten?")

    def is_verb(self, word: str) -> bool:
        if self.noun:  # the whole noun, inside a longer word too ("debatt" in "budgetdebatt")
            return any(s in word.lower() for s in self.stems)
        tokens = tokenize(word)
        return (bool(tokens) and any(stem_matches(s, {tokens[0]}) for s in self.stems)) or any(
            r in word for r in self.roots)

    def mentioned_in(self, evidence: SentenceEvidence) -> bool:
        """In the sentence, the lines that introduce it ("Detta dokument har godkänts digitalt
        av …" above a signature row) or its section's heading; not the document's header."""
        near = evidence.near_words | set(tokenize(evidence.text))
        if self.noun:
            return any(s in w for s in self.stems for w in near)
        return any(_as_verb(s, w) for s in self.stems + self.roots for w in near)


# What may follow a verb's stem in a word that tells of the act: an ending of the verb, or of a
# noun made of it ("invigningen", "beslutet"), not another word ("grund" in "grundskolor").
_AFTER_VERB = re.compile(r"(?:a|ar|ade|ades|at|ats|as|ad|ande|andet|er|e|es|de|des|te|tes|t|ts|s|it|its|d|da|dd|"
                         r"ning\w*|ing\w*|else\w*|are\w*|ande\w*|et|en|n)?")


def _as_verb(stem: str, word: str) -> bool:
    """Whether ``word`` (a token) holds ``stem`` as a form of its verb: the stem, then only an
    ending; anything may come before it ("återinvigningen" holds "invig")."""
    if stem == word or (len(stem) >= 5 and stem_matches(stem, {word}) and stem not in word):
        return True  # (the stemmer's own forms: "genomfört" / "genomförd")
    at = word.find(stem)
    while at >= 0:
        if _AFTER_VERB.fullmatch(word, at + len(stem)):
            return True
        at = word.find(stem, at + 1)
    return False


def _event(stems: list[str], swedish: list[str], past: bool, noun: bool = False) -> AskedEvent | None:
    roots = tuple(dict.fromkeys(r for w in swedish if w.split()
                                and len(r := _VERB_ENDING.sub("", w.split()[0].lower())) >= 4))
    return AskedEvent(tuple(dict.fromkeys(stems)), roots, past, noun) if stems else None


def asked_event(question: Question, kind: str) -> AskedEvent | None:
    """The event a "När …?" (``kind`` "when") or "Varför …?" ("why") question asks about."""
    if question.language == "en":
        return _english_event(question, kind)
    asked = _SWEDISH.match(question.text)
    if asked is None or ("why" if asked.group(1).lower() == "varför" else "when") != kind:
        return None
    verb = asked.group(2).lower()
    if asked.group(1).lower() not in ("när", "varför") and not verb.endswith(("des", "tes", "de", "te")):
        # "Vilket år infördes X?", "Vilket år införde Malmö X?" date that act; in "Vilket år
        # varnar reservationen för …?" or "Vilket år kom Trefas igång?" the year is what the
        # verb is about, or the verb carries a particle: only a weak verb's past is taken as
        # the event.
        return None
    if verb in _AUXILIARIES:
        # "När ska trygghetskontoret öppna?", "När kan man ansöka?": the infinitive after the
        # subject is the event (planned: any sentence that mentions it may date it).
        infinitive = _INFINITIVE.match(question.text, asked.end()) if verb in _MODALS else None
        if infinitive is None:
            return None
        return _event(tokenize(infinitive.group(1))[:1], [infinitive.group(1).lower()], past=False)
    past = bool(_PAST_FORM.search(verb))
    if verb in _LIGHT_VERBS:
        # "När hölls budgetdebatten …?": the event is the noun the verb carries.
        noun = _NOUN_AFTER.match(question.text, asked.end())
        if noun is None:
            return None
        return _event(tokenize(noun.group(1))[:1], [], verb in _LIGHT_VERBS_PAST, noun=True)
    return _verb_event(verb, past)


def _verb_event(verb: str, past: bool) -> AskedEvent | None:
    """The event of a question's verb: its stem and (a verb of the same meaning tells of it:
    "När började Trefas?" of "Trefas startades 2020") its synonyms' stems."""
    stems = tokenize(verb)[:1]
    if not stems:
        return _event(stems, [verb], past)
    stem = stems[0]
    # A past form's stem keeps its -d/-t ("infördes": "införd"); its synonyms are the base's.
    base = stem[:-1] if stem not in SYNONYMS and stem[-1:] in ("d", "t") and stem[:-1] in SYNONYMS else stem
    return _event(stems + sorted(SYNONYMS.get(base, frozenset()) - set(stems)), [verb], past)


def _english_event(question: Question, kind: str) -> AskedEvent | None:
    asked = _ENGLISH.match(question.text)
    if asked is None or ("why" if asked.group(1).lower() == "why" else "when") != kind:
        return None
    auxiliary, rest = asked.group(2).lower(), asked.group(3)
    names = {w for k in question.key_terms for w in words(k)}
    for english, swedish in swedish_for(rest):
        parts = english.split()
        if set(parts) & names:
            continue
        if auxiliary in ("was", "were") and not any(
                p.endswith(("ed", "en")) or p in _IRREGULAR_PARTICIPLES for p in parts):
            continue  # "When was the memo …": a noun, not the verb
        stems = [tokens[0] for w in swedish if (tokens := tokenize(w))]
        return _event(stems, list(swedish), past=True)
    return None


# "Vem grundade …?", "Vem inrättade …?": a person asked for by a past act of theirs. Not a
# light verb whose noun names the act ("Vem tog bilden?"), nor a verb of saying or wanting,
# which the speaker of a sentence answers.
_WHO_DID = re.compile(r"^\s*(?i:och\s+)?(?i:vem)\s+([a-zåäö]+)\b")
_NOT_ACTS = frozenset("""
    tog gav gjorde fick kom stod lät sa sade menade ansåg tyckte hävdade påpekade betonade skrev
    föreslog krävde ville ställde lämnade undertecknade signerade svarade frågade kritiserade
    """.split())


# Present forms that say or want (the speaker answers), that only are or have, or that ask
# for a name or role ("Vem heter …", "Vem företräder …" is a party).
_NOT_ACTS_NOW = frozenset("""
    säger tycker anser menar hävdar påpekar betonar skriver föreslår kräver vill ställer lämnar
    svarar frågar kritiserar står ligger finns heter gäller tar ger gör får kommer blir
    företräder representerar tillhör stöder stödjer håller välkomnar
    """.split())
# "Vem riktar Jan Jönsson sina frågor till?": "vem" is the object of a preposition at the end;
# the doer is named, and who the act is aimed at is asked.
_STRANDED_PREPOSITION = re.compile(r"\s(?i:till|åt|med|om|för|mot|hos|från|av)\s*[?.!]*\s*$")
# "Vem driver på …?" pushes for something (the speaker answers); "Vem driver verksamheten?" runs it.
_PUSHES_FOR = re.compile(r"\s+(?i:på)\b")


def who_did(question: Question) -> AskedEvent | None:
    """The past act a Swedish "Vem <verb> …?" asks the doer of, as an event a sentence must
    tell of ("Vem grundade Nattvandring.nu?" is not answered by a sentence about night walks)."""
    if question.language != "sv":
        return None
    asked = _WHO_DID.match(question.text)
    if asked is None or _STRANDED_PREPOSITION.search(question.text):
        return None
    verb = asked.group(1).lower()
    if verb in _AUXILIARIES or verb in _LIGHT_VERBS or verb in _NOT_ACTS:
        return None
    if _PAST_FORM.search(verb):
        return _verb_event(verb, True)
    if verb == "driver" and _PUSHES_FOR.match(question.text, asked.end()):
        return None
    if len(verb) >= 5 and verb.endswith(("ar", "er")) and verb not in _NOT_ACTS_NOW:
        # "Vem leder Trefas?", "Vem ansvarar för …?": a standing act, told of all the same
        # (not by a title that only names people).
        return _verb_event(verb, False)
    return None



# "Vem ska rekryteras …?", "Vem kan anställas …?": a passive after a modal asks who undergoes
# the act.
_WHO_UNDERGOES = re.compile(r"^\s*(?i:och\s+)?(?i:vem)\s+(?i:ska|skall|skulle|kan|kunde|måste|bör)\s+([a-zåäö]{4,}as)\b")


def who_undergoes(question: Question) -> AskedEvent | None:
    """The act a Swedish "Vem ska <passive> …?" asks who undergoes: the subject of a sentence
    that tells of it answers, often a group named by no name ("Tidigare chefer och högre
    tjänstemän ska rekryteras …"); a sentence that does not tell of the act answers nothing."""
    if question.language != "sv":
        return None
    asked = _WHO_UNDERGOES.match(question.text)
    if asked is None or asked.group(1).lower() in _LIGHT_VERBS:
        return None
    return _verb_event(asked.group(1).lower(), False)

# "Vilken stad har infört Sluta skjut?", "Vilka stadsdelar införde …?": a thing asked for by
# an act done, not one only wanted or planned.
# ... also after a preposition of place, with a subject or an adverb before the supine ("I
# vilken stad har man redan infört Sluta skjut?").
_WHICH_DID = re.compile(r"^\s*(?i:och\s+)?(?:(?i:i|på|vid)\s+)?(?i:vilken|vilket|vilka)\s+[a-zåäö]+\s+"
                        r"(?:(?i:har|hade)\s+(?:(?i:man|de|den|det|vi|ni|staden|redan|tidigare|nu|också|även)\s+){0,2}"
                        r"([a-zåäö]+t)|([a-zåäö]+(?:de|te)))\b")


# "Var har metoden Sluta skjut införts?", "Var infördes metoden?": a place asked for by an act
# done there (a supine ending the question, or a past passive after "var").
_WHERE_DONE = re.compile(r"^\s*(?i:och\s+)?(?i:var)\s+(?:(?i:har|hade)\s+(?:\S+\s+){1,4}?([a-zåäö]{3,}t)s?\s*[?.!]*\s*$"
                         r"|([a-zåäö]{3,}(?:ades|des|tes))\b)")


# "Vilken kommun nämns som exempel där Sluta skjut har införts?": the act told in a clause
# about the place asked for.
_WHERE_CLAUSE_DONE = re.compile(r"^\s*(?i:och\s+)?(?i:vilken|vilket|vilka)\s+[a-zåäö]+\b.*?\s(?i:där|dit)\s+"
                                r"(?:\S+\s+){1,4}?(?i:har|hade)\s+([a-zåäö]{3,}t)s?\b")


def which_did(question: Question) -> AskedEvent | None:
    """The act a Swedish "Vilken <noun> har <supine> …?" / "Vilken <noun> <past> …?" (or a
    "Var har … <supine>?") asks the doer or place of; its answer must tell of the act as done."""
    if question.language != "sv":
        return None
    asked = (_WHICH_DID.match(question.text) or _WHERE_DONE.match(question.text)
             or (_WHERE_CLAUSE_DONE.match(question.text) if question.expects == "place" else None))
    if asked is None:
        return None
    verb = next(g for g in asked.groups() if g).lower()
    if verb in _AUXILIARIES or verb in _LIGHT_VERBS or verb in _NOT_ACTS:
        return None
    return _verb_event(verb, True)


def told_as_done(event: AskedEvent, evidence: SentenceEvidence) -> bool:
    """Whether the sentence tells of the event as done: its verb there, not right after a word
    of wanting or planning ("att införa", "vill införa")."""
    if not event.mentioned_in(evidence):
        return False
    said = words(evidence.text)
    return _done(said, [i for i, w in enumerate(said) if event.is_verb(w)])


def _done(said: list[str], uses: list[int], after: int = 0, names: frozenset[int] = frozenset()) -> bool:
    """Whether one of the verb's ``uses`` in the words ``said`` (or none: the event is named
    otherwise) has no word of wanting or planning right before it (or ``after`` it); the words
    of a name (at the indices ``names``) are passed over ("så ska Sluta skjut införas")."""
    def before(i: int) -> list[str]:
        return [w for j, w in enumerate(said[:i]) if j not in names][-2:]

    return not uses or any(not _UNREALISED_BEFORE.intersection(before(i) + said[i:i + after]) for i in uses)


# Words that deny the verb beside them ("som Moderaterna röstade nej till", "inte använde sig av").
_DENIAL = frozenset("inte ej aldrig icke nej emot not never against".split())
DENIAL_REACH = 2  # words either side of the verb (by hand: "röstade nej till", "staden inte använde")


def told_as_denied(event: AskedEvent, evidence: SentenceEvidence) -> bool:
    """Whether every use of the event's verb in the sentence is denied beside it: the
    sentence tells that it did not happen ("… budgeten som Moderaterna röstade nej till" for
    "Why did the Moderates vote for the budget?")."""
    said = words(evidence.text)
    uses = [i for i, w in enumerate(said) if event.is_verb(w)]
    return bool(uses) and all(_DENIAL.intersection(said[max(0, i - DENIAL_REACH):i] + said[i + 1:i + 1 + DENIAL_REACH])
                              for i in uses)


def asks_denied(question: Question) -> bool:
    """Whether the question itself asks about something not done ("Varför röstade M nej …?")."""
    return bool(_DENIAL.intersection(words(question.text)))


def asks_past_event(question: Question) -> bool:
    event = asked_event(question, "when")
    return event is not None and event.past


def why_past_event(question: Question) -> AskedEvent | None:
    """The event of a "Varför <verb in the past> …?" / "Why did …?" question: an event the
    documents must tell of (not a standing reason: "Varför passar …?")."""
    event = asked_event(question, "why")
    return event if event is not None and event.past else None


def states_event(question: Question, evidence: SentenceEvidence) -> bool:
    """Whether ``evidence`` can date the event a "När <verb> …?" asks about: it mentions the
    verb (``AskedEvent.mentioned_in``); near a name the question gives, when the sentence holds
    one; and, for a verb in the past, not only as something wanted or planned. Other
    questions: always."""
    event = asked_event(question, "when")
    if event is None:
        return True
    if not event.mentioned_in(evidence):
        return False
    said = words(evidence.text)
    uses = [i for i, w in enumerate(said) if event.is_verb(w)]
    # (Any word of a name: "Stockholm Sluta" in "När införde Stockholm Sluta skjut?" is found
    # by its "Sluta".)
    named = [i for i, w in enumerate(said) for k in question.key_terms for part in words(k)
             if len(part) >= 3 and w.startswith(part)]
    if uses and named and not any(abs(i - j) <= EVENT_REACH for i in uses for j in named):
        return False
    if not event.past:
        return True
    if not event.noun and told_as_denied(event, evidence) and not asks_denied(question):
        return False  # "När röstade M för budgeten?" is not dated by "… röstade nej till …"
    # ... for a noun, a planning word after it too ("Trygghetsvandringar ska genomföras …").
    return _done(said, uses, 3 if event.noun else 0, frozenset(named))
