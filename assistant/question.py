"""What a question asks for: its language, the kind of answer, and its key terms."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from assistant.candidates import candidates
from assistant.glossary import GLOSSARY, alternatives, glossed_terms, swedish_for
from assistant.synonyms import with_synonyms
from index.parties import PARTY_JOINED_TO_NOUN, find_parties, party_name
from index.text import STOPWORDS, tokenize, words

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
    # The registration number of a council paper.
    ("dnr", re.compile(r"\bdiarienummer\w*|\bdiarienr\b|\bdnr\b|\bärendenummer\w*|\bdiary number|"
                       r"\bregistration number|\bcase number|\breference number")),
    # "Vems telefonnummer …?", "Whose signature …?": the person something belongs to, even
    # where the thing is a contact detail.
    ("person", re.compile(r"^\s*(?:(?:och|and)\s+)?(?:vems|whose)\b")),
    # A number or an address to reach someone at (not any question that mentions e-mail).
    ("contact", re.compile(r"\btelefon(?!linje|jour|samtal|tid|rådgivning)\w*|\bmobil(?:nummer|telefon)\w*|\b(?:e-?post|mejl|e-?mail|mail)adress\w*"
                           r"|\bkontaktuppgift\w*|\bphone\b(?!\s+(?:line|call|service|counsel))|\be-?mail address|\bcontact details\b"
                           # "Hur når man honom?", "How can I reach her?"
                           r"|\bhur\s+(?:når|kontaktar)\s+(?:man|jag|vi|ni|du)\b"
                           # "Vilket nummer ringer man …?", "What number do I call?"
                           r"|\b(?:vilket|vad)\s+(?:är\s+)?(?:\w+\s+)?nummer\b[^?]*\bring|\bwhat\s+(?:\w+\s+)?number\b[^?]*\bcall"
                           r"|\bhow\s+(?:can|do|could|should)\s+(?:i|you|we|one)\s+(?:reach|contact)\b")),
    # What an abbreviation stands for ("Vad står SSPF för?", "What does SIG stand for?").
    ("expansion", re.compile(r"\bstår\s+(?:förkortningen\s+|akronymen\s+)?\S+\s+för\b|\bbetyder\s+(?:förkortningen|akronymen)\b"
                             r"|\bförkortning(?:en)?\s+för\b|\bstands?\s+for\b|\bshort\s+for\b|\babbreviation\b"
                             # "Vad är SSPF:s fullständiga namn?", "What is the full name of SSPF?"
                             r"|\b(?:fullständiga|hela|utskrivna)\s+namn(?:et)?\b|\b(?:full|whole)\s+name\b|\bspelled\s+out\b")),
    ("author", re.compile(
        # (Not "Vilken dag skrev borgarråden under …?": a date.)
        # (Nor "Vilka frågor ställde han?", "Vilka krav ställde de?": what was put, not who.)
        r"(?<!till )\b(?:vem|vilka|vilken)\s+(?:(?!parti|dag\b|dagen\b|datum|månad|vecka|fråg|krav|förslag|"
        r"åtgärd|synpunkt|kritik|yrkand|motion|interpellation|skrivelse)\w+\s+)?(?:har\s+)?(?:skrev|skrivit|"
        r"författade|ställde|lämnade|undertecknade|undertecknat|signerade|signerat|"
        r"står bakom\s+(?:\w+\s+){0,2}(?:skrivelse|interpellation|motion|reservation|promemoria|pm\b|yttrande|artikel|text|"
        r"dokument|budget|förslag|rapport|utlåtande|tjänsteutlåtande)|är handläggare)\w*"
        r"|\bhandläggare\b|\bwho\s+(?:wrote|authored|submitted|signed|filed|sent|is the author)|\bauthor of\b"
        # "Vem är avsändare av interpellationen?", "Från vem kommer skrivelsen?"
        r"|\bavsändar(?:e|en|na)\b|\bfrån\s+vem\b|\bsender of\b"
        # "Vem står längst ner i promemorian?": who signs it at the bottom
        r"|\b(?:vem|vilka)\s+står\s+längst\s+ner\b|\bwho\s+is\s+at\s+the\s+bottom\b"
        r"|\bcase\s+(?:officer|handler|worker)\b")),
    # ... also with a number or a word between ("Vilka fyra partier …?", "Which two parties …?")
    ("party", re.compile(r"\bvad\s+heter\s+(?:\w+\s+){0,2}parti(?:et)?\b|\bwhat\s+is\s+(?:\w+\s+){0,2}party\b|"
                         r"\bvilket\s+(?:\w+\s+)?parti\b|\bvilka\s+(?:\w+\s+)?partier\b|\bvilket av partierna"
                         r"|\b(?:which|what)\s+(?:(?:two|three|four|five|six|other|\d+)\s+)?part(?:y|ies)\b")),
    ("amount", re.compile(r"\bhur mycket\b|\bvad kostar\b|\bkosta[rdt]?\b|\bkostade\b|\bkostnad|\bhow much\b|\bcost\b"
                          r"|\bbudget (?:for|of)\b|\bhur stor (?:är )?budget"
                          # a sum of money by its size ("Hur stort bidrag fick …?", "How large a grant …?")
                          r"|\bhur (?:stor[at]?|höga?|högt) (?:bidrag\w*|belopp\w*|anslag\w*|summ\w+|resurser\w*|"
                          r"medel|medlen|ersättning\w*|tillskott\w*|stöd|stödet|satsning\w*|pengar|pengarna)\b"
                          r"|\bhow (?:large|big|high) (?:a |an |was |were |is |are )?(?:the )?"
                          r"(?:grant|sum|amount|funding|budget|allocation)")),
    # An age or an age group ("Vilken åldersgrupp …?", "How old …?").
    ("age", re.compile(r"\bvilken ålder\b|\bvilka åldrar\b|\båldersgrupp\w*|\bhur gamla?\b|\bi vilken ålder\b"
                       r"|\bwhat age\b|\bage group\w*|\bhow old\b")),
    # A length of time ("Hur länge styrde de?", "How long …?", "Under hur lång tid …?").
    # ... opening the question or a clause of it, not inside one ("När kan du få … trots kraven
    # för hur lång tid du ska ha bott här?" asks when).
    ("duration", re.compile(r"(?:^|[,;:]\s*|\b(?:och|men|and|but)\s+)(?:under\s+|for\s+)?(?:hur länge|hur lång tid|how long)\b"
                            r"|\bfor how many (?:years|months|weeks|days)\b")),
    # How often ("Hur ofta träffas gruppen?", "How often …?").
    ("frequency", re.compile(r"\bhur ofta\b|\bhow often\b|\bhow frequently\b")),
    ("number", re.compile(r"\bhur många\b|\bantal(?:et)?\b|\bhow many\b|\bnumber of\b|\bhur stor andel\b"
                          r"|\bvilken andel\b|\bhur stor[at]?\b|\bwhat share\b|\bpercent"
                          # ... and "how big/large" as "hur stor" ("How big is the fund …?")
                          r"|\bhow (?:big|large)\b")),
    # "när"/"when" opening the question (or a clause: "…, och när …"), not "Vad gör X när Y?"
    ("date", re.compile(r"(?:^|[,;:]\s*|\b(?:och|men|sedan|and|but|since)\s+)(?:när|when)\b|\bvilket år\b|\bvilket datum\b|\bvilken dag\b|\bwhat year\b|\bwhich year\b|\b(?:what|which) (?:date|day)\b"
                         # ... or a span of time ("Vilken period gäller programmet?": "2021-2024")
                         r"|\bvilken (?:tids)?period\b|\bvilka år\b|\b(?:what|which) (?:time )?period\b|\bwhich years\b")),
    # "who" asks for a person where it opens the question (or a clause of it), not as a
    # relative pronoun ("people who want to leave").
    ("person", re.compile(r"\bvem\b|\bvilka personer\b|\bvilken person\b"
                          # "Vad heter ordföranden?", not "Vad heter programmet?" (a thing's name)
                          r"|\bvad heter\b(?!\s+(?:[a-zåäö]+\s+)?(?![a-zåäö]*(?:ordförande|handläggare|chef|direktör|råd|"
                          r"politiker|författare|skribent|polis|person|man|kvinna|ledamot|ansvarig|samordnare|koordinator|"
                          r"sekreterare|assistent|ledare|minister|talesperson)(?:n|en|et)?\b)[a-zåäö]+(?:et|en|na)\b)"
                          # "Vilka borgarråd reserverade sig …?", "Which politicians …?": people by their role.
                          r"|\b(?:vilka|vilken|vilket)\s+(?:\w+\s+){0,2}(?:borgarråd(?:en)?|kommunalråd(?:en)?|regionråd(?:en)?|"
                          r"oppositionsråd(?:en)?|ledamot|ledamöter(?:na)?|politiker(?:na)?|tjänsteman|tjänstemän(?:nen)?|"
                          r"företrädare|representanter(?:na)?|ministrar(?:na)?|minister|ordförande|chef(?:er|erna)?|"
                          r"skribenter(?:na)?|undertecknare)\b"
                          r"|\bwhich\s+(?:\w+\s+)?(?:councillors?|councilors?|politicians?|members?|officials?|ministers?|"
                          r"representatives?|signatories|people|persons)\b"
                          r"|(?:^|[,;:(]\s*|\b(?:and|or|but|to|by|for|with|from)\s+)who(?:m|se)?\b"
                          r"|\bwhich person\b|\bwhose\b", re.IGNORECASE)),
    ("place", re.compile(r"^(?:(?:och|men)\s+)?var\b|"
                        # "I vilket polishus …?", "På vilken skola …?": a noun of a place, also as the
                        # head of a compound (not "I vilket kapitel", "På vilket material")
                        r"^(?:och\s+)?(?:i|på|vid)\s+(?:vilket|vilken|vilka)\s+[a-zåäö]*(?:hus|skola|skolor|stadsdel|stadsdelar|"
                        r"område|områden|plats|platser|torg|park|stad|städer|kommun|kommuner|ort|orter|land|länder|län|region|"
                        r"gata|station|kontor|förort|kvarter|distrikt|anstalt|sjukhus|bibliotek|gård|center|centrum|lokal|"
                        r"lokaler|byggnad|del|delar)\b|\bvar någonstans\b|\bvilken stadsdel|\bvilka stadsdelar|\bi vilka områden|\bwhere\b|\bwhich district"
                        r"|\bvilken (?:stad|kommun|plats|region|ort)\b|\bvilket (?:land|område|län)\b"
                        r"|\b(?:which|what) (?:city|town|municipality|country|area|region|place)\b")),
)

_PERSON_ASKED = dict(EXPECTS)["person"]  # the last "person" entry: every way of asking who

# Questions asking for the distinct points of a text rather than one fact.
_LIST = re.compile(
    r"\bvad\s+(?:vill|ville|föreslår|föreslog|föreslås|kräver|krävde|yrkar|yrkade|begär|begärde|förordar|förordade|lovar|planerar|gör|görs|anser|tycker|menar|säger|skriver|skrev|"
    r"kritiserar|erbjuder|erbjuds|innehåller|har\s+\w+(?:-\w+)*\s+(?:gjort|föreslagit|genomfört))\b"
    # What a group works with is several tasks ("Vad arbetar fältassistenterna med?"; a named
    # person's work is who-is).
    r"|\bvad\s+(?:arbetar|jobbar)\s+(?-i:[a-zåäö-]+(?:na|erna|arna|orna))\s+med\b"
    # What someone raises is several points ("Vad tog V upp i sitt särskilda uttalande?").
    r"|\bvad\s+(?:tar|tog|har)\s+(?:[\wåäö-]+\s+){1,3}?upp\b|\bvad\s+(?:lyfter|lyfte)\s+[^?]*\bfram\b"
    r"|\bvilka\s+(?:[\wåäö-]+\s+){0,3}?[\wåäö-]*?(?:åtgärder|förslag|insatser|satsningar|krav|punkter|argument|synpunkter|"
    r"problem|skäl|alternativ|förändringar|reformer|initiativ|beslut|slutsatser|kritik|frågor|brister|invändningar|"
    r"farhågor|svagheter)"
    # What someone is unhappy with is several points ("Vad är reservanterna missnöjda med …?").
    r"|\bvad\s+(?:är|var)\s+.+\s+(?:missnöjda?|missnöjt|kritiska?|upprörda?|besvikna?|oroliga?)\s+(?:med|över|till|för)\b"
    r"|\bwhat\s+(?:is|are|was|were)\s+.+\s+(?:unhappy|dissatisfied|upset|disappointed|critical|worried)\b"
    # What a body or a party is to do is several points ("Vad ska förvaltningen göra under
    # resten av året?"); not what one is to do oneself ("Vad ska jag göra om …?"), nor what
    # someone is to be able to do ("Vad ska socialsekreterare kunna göra på föräldramöten?").
    r"|\bvad\s+(?:ska|skall|kommer)\s+(?!(?:jag|man|du|ni|vi|en)\b)[\wåäö-]+(?:\s+(?!kunna\b)[\wåäö-]+){0,4}?"
    r"\s+(?:att\s+)?göra\b"
    r"|\bsammanfatta|\bsammanfattning|\bi korthet\b|\bhuvudpunkter|\bvad\s+handlar\b|\bvad\s+går\s+.+\s+ut\s+på"
    r"|\bsummar|\boverview\b|\blist\b|\blist(?:a|an|or|orna)\b|\bmain points\b|\bwhat\s+(?:is|are)\s+.+\s+about\b"
    r"|\bwhat\s+(?:does|do|did|has|have|will)\s+.+\s+(?:propose|want|suggest|demand|plan|criticis|criticiz|"
    r"say|do|argue|recommend|ask|write|offer|include)"
    r"|\bwhat\s+(?:is|are)\s+(?:offered|included|proposed)\b"
    # ... also with a word or two before the noun ("What concrete measures …?").
    r"|\bwhat\s+(?:[a-z-]+\s+){0,2}?(?:measures|proposals|actions|steps|demands|points|questions)"
    # Criticism is several points ("Vilken kritik riktar S mot …?", "What criticism do … make?").
    r"|\b(?:vilken|vad\s+för)\s+kritik\b|\bwhat\s+(?:criticism|objections|complaints)\b"
    r"|\bwhich\s+(?:[a-z-]+\s+){0,2}?(?:measures|proposals|actions|steps|questions)",
    re.IGNORECASE,
)
# Words after "vilka/vilken" that are no noun ("Vilka är …", "Vilken av dem …").
_NO_NOUN_AFTER = (r"(?!(?:är|var|som|av|har|hade|ska|skulle|kan|kunde|får|fick|måste|bör|blir|blev|vill|gör|"
                  r"gjorde|finns|fanns|kommer|de|dessa|det|den)\b)")
# An adjective that may stand before the noun ("Vilka prioriterade utmaningar finns …").
_ADJECTIVE = r"[a-zåäöé-]{3,}(?:a|e)\s+"
# A question that asks for several things of one kind, whatever the kind: "Vilka aktiviteter
# nämns …?", "Which authorities …?", "What are the Social Democrats' criticisms …?" ("vilka"
# is plural; an English noun in -s after "which"/"what"). A figure, date, party, person or
# place question is decided by what it asks for first (``EXPECTS``).
_PLURAL = re.compile(
    r"\bvilka\s+" + _NO_NOUN_AFTER + r"(?:" + _ADJECTIVE + r")?[a-zåäöé-]{3,}\s+"
    # ... a noun, as the word after it shows: a preposition, an auxiliary or a common verb, or
    # a passive or past form ("Vilka aktiviteter för barn …", "Vilka exempel ger …", "Vilka
    # insatser nämns …"); "Vilka sköter större reparationer?" asks who, not for a list.
    r"(?:för|mot|i|på|av|inom|med|till|om|från|som|under|efter|har|hade|ska|skulle|kan|kunde|är|var|finns|fanns|"
    r"får|fick|bör|måste|kommer|gör|gjorde|ger|gav|tar|tog|vill|blir|blev|nämner|beskriver|lyfter|anger|listar|"
    r"redovisar|ingår|ingick|omfattar|innehåller|[a-zåäö]{3,}(?:s|ade|de|te))\b"
    # ... not a verb ending in -s ("Which agency does the city want …?" asks for one agency).
    r"|\bwhich\s+(?:[a-z-]+\s+)?(?!(?:does|was|has|is|goes)\b)[a-z-]{2,}[^s\W]s\b"
    r"|\bwhat\s+(?:are|were)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?[a-z-]{2,}[^s\W]s\b"
    r"|\bwhat\s+[a-z-]{2,}[^s\W]s\s+(?:do|does|did|are|were|have|has|had|will|would|can|could|should)\b",
    re.IGNORECASE,
)
# How something is done or met ("Hur fortbildas personalen?", "Hur bemöter S utspelet?", "How
# do they train staff?"): the ways the text gives, not one sentence. Not a measure ("hur
# länge", "hur ofta"), which asks for one fact.
_MANNER = re.compile(
    r"\bhur\s+(?!(?:många|mycket|stor|stora|stort|länge|lång|långa|långt|ofta|gammal|gamla|dags|snart|hög|höga|"
    r"högt|mkt|gick|går|är|var|blir|blev)\b)[a-zåäö]{3,}(?:s|r|de|te)\b"
    # ... also what someone wants or is to do ("Hur vill M förändra socialtjänstens arbete?").
    r"|\bhur\s+(?:vill|ville|ska|skall|skulle|tänker|kan|bör|måste)\b"
    r"|\bhow\s+(?:do|does|did|is|are|was|were|will|would|should|can|could)\b",
    re.IGNORECASE,
)
# A person's own role asked through their name's genitive ("Vad är Clas Cederlids titel?"; not
# "uppdrag" or "funktion", which a body has too: "Vad är Nationalmuseums uppdrag?").
_OWN_ROLE = r"roll|titel|befattning|tjänst|jobb|position|post"
# "Vem är Andréa Hedin?", "Who is Lisa Palm?", "Vilken roll har X?"
_WHO_IS = re.compile(
    # ... not "Vem är Lee Orbersons chef?", "Who is Lee Orberson's boss?": someone else, by a
    # relation to the named person.
    r"\b(?i:vem|vilka)\s+(?i:är|var)\s+(?=[A-ZÅÄÖÉ])(?![\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)*s\s+[a-zåäö])"
    r"|\b(?i:who)\s+(?i:is|was|are)\s+(?=[A-ZÅÄÖÉ])(?![\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)*'s?\s+[a-z])"
    r"|\b(?i:vilken)\s+(?i:roll|titel|befattning|funktion|tjänst|position|post)\s+(?i:har|hade)\b"
    r"|\b(?i:vilket)\s+(?:(?i:politiskt|formellt|nuvarande)\s+)?(?i:uppdrag|jobb|ämbete)\s+(?i:har|hade)\s+(?=[A-ZÅÄÖÉ])"
    r"|\b(?i:what)\s+(?i:role|title|position|job)\b"
    # "What is Linda Palo's position?", "Vad är Clas Cederlids titel?"
    r"|\b(?i:what)\s+(?i:is|was)\s+[A-ZÅÄÖÉ][\wåäöéü-]*(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)*'s?\s+(?i:role|title|position|job)\b"
    r"|\b(?i:vad|vilken)\s+(?i:är|var)\s+[A-ZÅÄÖÉ][\wåäöéü-]*(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)*?:?s\s+(?i:" + _OWN_ROLE + r")\b"
    # "Vad har Clara Lindblom för roll?", "Vad hade hon för uppdrag?"
    r"|\b(?i:vad)\s+(?i:har|hade)\s+[^?]*?\s(?i:för)\s+(?i:roll|titel|befattning|funktion|tjänst|uppdrag|jobb|position|post|"
    r"partitillhörighet|partibeteckning)\b"
    # "Vad är Anna König Jerlmyr för politiker?": a named person by the kind of person
    r"|\b(?i:vad)\s+(?i:är|var)\s+[A-ZÅÄÖÉ][\wåäöéü-]*(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)+\s+(?i:för)\s+"
    r"(?i:politiker|person|tjänsteman|en|ett)\b"
    # "Andréa Hedin, vem är det?", "Emilia Bjuggren – who is she?"
    r"|^\s*[A-ZÅÄÖÉ][\wåäöéü-]*(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]*)+\s*[,–-]\s*(?i:vem|who)\s+"
    r"(?i:är|var|is|was)\s+(?i:det|hon|han|hen|she|he|that|this)\s*\?"
    # "Vad jobbar Lee Orberson med?", "Lee Orberson – vad arbetar han med?", "Vad jobbar hon som?",
    # "What does X do for a living?" (a person's first and last name, or a pronoun after one;
    # not "Vad arbetar KC-operatörer med?")
    r"|\b(?i:vad)\s+(?i:jobbar|arbetar|jobbade|arbetade)\s+"
    r"(?:[A-ZÅÄÖÉ][\wåäöéü-]+\s+[A-ZÅÄÖÉ][\wåäöéü-]+|(?i:han|hon|hen))\s+(?i:med|som)\s*\?*\s*$"
    r"|\b(?i:what)\s+(?i:does|did)\s+(?:[A-ZÅÄÖÉ][\wåäöéü-]*\s+[A-ZÅÄÖÉ][\wåäöéü-]*|(?i:he|she))\s+"
    r"(?i:do)(?:\s+(?i:for\s+a\s+living))?\s*\?*\s*$"
)
# The noun after "Vilken/Vilket/Vilka" or "Which/What" that names the kind of thing asked for
# ("Vilken organisation ger medel …?", "Which districts …?"); not an auxiliary ("Vilka är …"),
# a count ("Vilka tre …" is skipped) or an adjective before the noun ("Vilka prioriterade
# utmaningar …").
_KIND_ASKED = re.compile(
    r"^\s*(?:(?:och|men)\s+)?(?:(?:i|på|från|av|till|med|för|hos|vid|under|inom)\s+)?(?:vilken|vilket|vilka)\s+"
    r"(?:(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+)\s+)?"
    + _NO_NOUN_AFTER + r"(?:" + _ADJECTIVE + r"(?=[a-zåäöé-]{3,}\b))?(?P<sv>[a-zåäöé-]{3,})\b"
    r"|^\s*(?:and\s+)?(?:(?:in|at|from|of|to|with|for|by|on)\s+)?(?:which|what)\s+"
    r"(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|kind|type|sort)\b)"
    r"(?P<en>[a-z-]{3,})\b",
    re.IGNORECASE)


def kind_term(question: Question) -> str | None:
    """The question's term (see ``_terms``) for the kind of thing it asks for, if it names one
    right after its question word: a sentence may answer with the thing's name alone."""
    match = _KIND_ASKED.match(question.text)
    if match is None:
        return None
    noun = match.group("sv") or match.group("en")
    stems = set(tokenize(noun))
    if match.group("en"):
        stems |= {t for _, swedish in swedish_for(noun) for word in swedish for t in tokenize(word)}
    if not stems & _ACTOR_KINDS:
        return None
    return next((t for t in question.terms if stems & set(alternatives(t))), None)


# The nouns of kinds of actors, which a text names rather than calls so ("medel från RF-SISU",
# "Brottsförebyggande rådet (BRÅ)"); a more telling kind ("Vilket pris …?", "Vilka verksamheter
# …?") is what the answer is about, and its word stays asked for.
_ACTOR_KINDS = frozenset(tokenize(
    "organisation organisationer myndighet myndigheter aktör aktörer part parter instans instanser "
    "förening föreningar organization organizations agency agencies authority authorities body bodies "
    "actor actors grupp grupper group groups"))


def _swedish_name(name: str) -> str:
    """An English name the glossary gives one Swedish name for, in Swedish ("Sweden" is
    "Sverige"; its genitive too); else the name as written."""
    bare = re.sub(r"'s?$", "", name)
    swedish = GLOSSARY.get(bare.lower(), ())
    return swedish[0] if len(swedish) == 1 and swedish[0][:1].isupper() else name


def possessor_of(question: Question) -> str | None:
    """The person a "Vem är <name>s <noun>?" / "Who is <name>'s <noun>?" asks about someone
    else by (their name, without the genitive), else None."""
    if question.expects != "person":
        return None
    asked = _RELATION_ASKED.search(question.search or question.text)
    return asked.group(1) if asked else None


_RELATION_ASKED = re.compile(
    r"\b(?i:vem|vilka|who)\s+(?i:är|var|is|was|are)\s+"
    r"([A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)*?)(?:s|'s|')\s+[a-zåäö]")


# A question that leans on the one before: it opens like a continuation, or refers back
# with a pronoun while naming nothing of its own.
# The openers of a continuation, longest first ("and what about" before "and").
_OPENERS = (r"(?:(?:(?:och|and|men|but)\s+)?(?:what about|how about|hur är det med|vad gäller|gäller det)"
            r"|och|men|än|samt|så|and|but|also|samma)")
_CONTINUATION = re.compile(r"^\s*" + _OPENERS + r"\b", re.IGNORECASE)
# "Vem mer …?", "Vilka andra …?", "Who else …?": more of what the previous answer named.
_ELSE = re.compile(r"^\s*(?:(?:och|and)\s+)?(?:(?:vem|vilka|vad|vilken|vilket|var)\s+(?:mer|mera|fler|annars)\b"
                   r"|vilka\s+andra\b|(?:who|what|which|where)\s+else\b)", re.IGNORECASE)
_BACK_REFERENCE = re.compile(
    r"\b(?:hon|han|hen|henne|honom|hennes|hans|de|dem|deras|dess|dessa|detta|denna|sådana|där|dit|därifrån|därför|"
    r"she|he|her|him|his|they|them|their|its|it|those|these|there)\b"
    # ... and "that"/"this" before a noun ("Who submitted that statement?"; not the conjunction)
    r"|\b(?:that|this)\s+(?:statement|proposal|reservation|letter|memo|document|paper|report|article|project|"
    r"method|measure|programme|program|plan|idea|team|fund|reply|answer|interpellation)s?\b", re.IGNORECASE)
# A pronoun as the subject right after the question word and its verb ("Var ska den ligga?",
# "Vad kostar de?", "När startade det?"): it stands for something said before.
_PRONOUN_SUBJECT = re.compile(
    r"^\s*[\wåäö]+\s+[\wåäö]+\s+(?:den|det|de|dom)\b"
    # ... also after a question word's noun, before a participle or the end ("Vilket datum är
    # det daterat?", "Vilken dag är det?"; not "Hur många var det i Farsta?", "… är det som …").
    r"|^\s*(?:vilket|vilken|vilka|hur)\s+[\wåäö]+\s+[\wåäö]+\s+(?:den|det|de|dom)\s*(?:[\wåäö]+(?:at|ad|ats|ts)\b|[?.!]*\s*$)"
    # ... or after an auxiliary, with at most two words to the end ("Hur mycket pengar ska den
    # få?", "När kommer den att öppna?"; not "… ska den nya skolan kosta?", an article).
    r"|\b(?:ska|skall|skulle|kan|kunde|kommer|kom|får|fick|vill|ville|måste|bör|borde|har|hade)\s+(?:den|dom)"
    r"(?:\s+[\wåäö]+){0,2}\s*[?.!]*\s*$"
    # ... or opening a yes/no question ("Är den bara till för avhopparna?", "Kostar de något?";
    # not "det", which opens questions of their own: "Finns det en plan …?").
    r"|^\s*(?:är|var|blir|blev|gäller|kostar|kostade|fungerar|räcker|omfattar|finns|fanns|ingår|innebär|har|hade|"
    r"kan|kunde|ska|skulle|får|fick|måste|bör)\s+(?:den|de|dom)\b",
    re.IGNORECASE)
# A definite noun that names what was just spoken of, not something of its own ("Vem i partiet
# ligger bakom förslaget?" after a question about a party's proposal): "the party" anywhere, a
# proposal, measure or paper as the question's last word.
_DEFINITE_REFERENCE = re.compile(
    r"\b(?:partiet|the\s+party)\b"
    r"|\b(?:förslaget|förslagen|utspelet|satsningen|satsningarna|åtgärden|åtgärderna|insatsen|insatserna|"
    r"projektet|metoden|modellen|verksamheten|programmet|fonden|teamet|strategin|planen|"
    r"the\s+(?:proposal|proposals|measure|measures|project|method|model|programme|program|scheme|fund|team|"
    r"strategy|plan))\s*[?.!]*\s*$", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"\b(?:vad|vilken|vilket|vilka|vem|vems|hur|när|varför|var någonstans|what|which|who|whom|"
                            r"whose|how|when|where|why)\b|^\s*var\b", re.IGNORECASE)
# A question word with at most one more word ("Hur mycket pengar?", "Hur många?", "When?").
_BARE_QUESTION = re.compile(r"^\s*(?:(?:och|men|and|but|sedan|since)\s+)?(?:hur\s+(?:mycket|många|länge|stor|stora|ofta)|när|var|vem|vilka|"
                            r"vad|varför|how\s+(?:much|many|long|often)|when|where|who|what|why)(?:\s+[\wåäöé-]+)?\s*[?.!]*\s*$",
                            re.IGNORECASE)
_TRAILING_IT = re.compile(r"\b(?:det|den|dem|it|that|this|them)\s*[?.!]*\s*$", re.IGNORECASE)
# A pronoun as an object, before a preposition ("Vem vill införa den i Stockholm?", "Who
# wants to introduce it in Stockholm?"); an article or an expletive "det" ("Hur många var det
# i Farsta?") is not one.
_OBJECT_PRONOUN = re.compile(
    r"(?<!\bvar )(?<!\bär )(?<!\bfinns )(?<!\bfanns )(?<!\bblir )(?<!\bblev )"
    r"\b(?:den|det|dem|it|them)\s+(?:i|på|för|med|till|från|inom|vid|mot|in|at|for|with|to|from|into)\s",
    re.IGNORECASE)
# A continuation that only names something else ("Och med relationsvåldscentrum?", "Och i
# Farsta?", "What about Skärholmen?"): the same question about that.
_ELLIPSIS = re.compile(r"^\s*" + _OPENERS + r"\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"\b(?:i|på|för|med|om|till|från|inom|vid|mot|hos|under|efter|in|on|for|with|about|to|from|at|within|against)\b",
    re.IGNORECASE)

_ABOUT_PARTIES = re.compile(r"\bparti(?:er|erna|et)?\b|\bpart(?:y|ies)\b|\bvem\s+vill\b|\bwho\s+wants\b",
                            re.IGNORECASE)

# "Vad vill Jönsson att borgarrådet ska svara på?", "Vad vill Jönsson ha svar på?": the
# questions put (no topic "svara").
_TO_ANSWER = re.compile(r"\b(?:ska|skall|bör|måste)\s+svara\s+på\b|\b(?:ha|få)\s+svar\s+på\b"
                        r"|\bto\s+answer\b|\bwants?\s+answers?\b", re.IGNORECASE)
_ABOUT_QUESTIONS = re.compile(r"\bfrågor(?:na)?\b|\bfrågar\b|\bfrågade\b|\bquestions?\b|\basks?\b|\basked\b|"
                              # "Vad vill de veta?", "What do they want to know?": what they ask
                              r"\bvad\s+(?:vill|ville)\b[^?]*\bveta\b|\bwants?\s+to\s+know\b|"
                              + _TO_ANSWER.pattern, re.IGNORECASE)

_NAME_OR_NUMBER = re.compile(r"\b(?:[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)*|\d[\d\s]*\d|\d)\b")


@dataclass(frozen=True)
class Question:
    text: str
    language: str          # "sv" or "en"
    expects: str           # dnr | contact | expansion | author | party | amount | age | duration | frequency | number | date | person | place | other
    terms: tuple[str, ...]      # stemmed content words
    key_terms: tuple[str, ...]  # names and numbers the evidence must contain
    parties: tuple[str, ...]    # parties the question itself names
    counted: str | None = None  # what "hur många X" / "how many X" counts: X
    search: str | None = None   # the text to search with, when it differs (a follow-up with its context)
    shape: str = "factoid"      # factoid | list | who | open: the answer's form (see ``shape_of``)
    subject: str | None = None  # who-is: the person asked about
    about_parties: bool = False  # asks about parties in general ("vad partierna föreslår")
    about_questions: bool = False  # asks which questions someone asks: then questions are evidence
    answered: tuple[str, ...] = ()  # a follow-up: what the previous answer gave (it asks for something new)
    member_of: str | None = None  # "Vilken vänsterpartist …?", "Which Moderate …?": a person of this party
    carried: tuple[str, ...] = ()  # a follow-up asking itself: the previous question's names it keeps


_COUNT_OF_ANSWERS = re.compile(
    r"\b(?i:vilka|which|what|name\s+the)\s+((?i:två|tre|fyra|fem|sex|sju|åtta|nio|tio|two|three|four|five|six|"
    r"seven|eight|nine|ten))\b")


_PREPOSITIONS_UNLISTED = re.compile(r"\b(?:via|hos|kring|gällande|angående|beträffande)\b", re.IGNORECASE)
# "Vilka partier står bakom skrivelsen?", "Vem ligger bakom förslaget?": who is behind a text
# or a proposal; the phrase asks for its authors, no topic a sentence must hold.
_BEHIND = re.compile(r"\b(?:står|stod|stått|stå|ligger|låg|legat)\s+bakom\b"
                     # ... and "Vad står det om …?", "Vad står på listan?": what is written there
                     # (not "… inom den tid som står i beslutet", where the word is the topic's)
                     r"|(?<=\bvad\s)\s*(?:står|stod)(?=\s+(?:det\s+)?(?:på|i|om)\b)", re.IGNORECASE)
# "Vad hittar fältassistenterna på?": to "hitta på" something is to do it, not to find it.
_MAKE_UP = re.compile(r"\b(?:hitta|hittar|hittade|hittat)\s+på\b|\b(?:hitta|hittar|hittade|hittat)\b(?=[^?.]*\bpå\s*[?.]?\s*$)",
                      re.IGNORECASE)
# "Vad tar stadsledningskontoret upp …?", "Vad lyfter V fram?": what is raised (the verb and
# its particle, with up to three words between them), no topic of its own; not "ta fram" (to
# produce: "Vad tog Liberalerna fram?").
_RAISES = re.compile(r"\b(?:(?:ta|tar|tog|tagit)\b(?P<a>(?:\s+[\wåäö-]+){1,3}?)\s+upp|"
                     r"(?:lyfta|lyfter|lyfte|lyft)\b(?P<b>(?:\s+[\wåäö-]+){1,3}?)\s+fram)\b", re.IGNORECASE)
# "Vem tog bilden …?": to take a picture is to photograph ("Foto: …"), not "bild" as in "bilda".
_TOOK_PICTURE = re.compile(r"\b(?:ta|tar|tog|tagit|togs|tagits)\s+(?:den\s+|det\s+|en\s+)?"
                           r"(?:bild|bilden|bilderna|fotot|fotografiet)\b", re.IGNORECASE)
_EMPHATIC_END = re.compile(r"\s+(?:själv|själva|självt|themselves|himself|herself)\s*([?.!]*)\s*$", re.IGNORECASE)


_MAIN = "huvud"


def _terms(text: str, language: str, key_terms: tuple[str, ...]) -> tuple[str, ...]:
    """The question's word stems; an English question's with Swedish alternatives for the
    words the glossary knows (``assistant.glossary``), as the documents are Swedish."""
    # "Vilka fyra partier …?", "Which two parties …?": how many answers are wanted, no topic.
    counts = {t for m in _COUNT_OF_ANSWERS.finditer(text) for t in tokenize(m.group(1))}
    # "Vad vill Moderaterna själva?": an emphatic pronoun closing the question asks about nothing.
    text = _EMPHATIC_END.sub(r"\1", text)
    # ... nor does a preposition the stop list lacks ("via SSPF", "kring skjutningarna").
    text = _PREPOSITIONS_UNLISTED.sub(" ", text)
    text = _BEHIND.sub(" ", text)
    text = _TO_ANSWER.sub(" ", text)
    text = _TOOK_PICTURE.sub(" fotograferade ", text)
    text = _MAKE_UP.sub(" gör ", text)
    text = _RAISES.sub(lambda m: m.group("a") or m.group("b"), text)
    # "huvudinvändningar", "huvudförslag": the main ones of what is asked for are asked for.
    stems = [t[len(_MAIN):] if t.startswith(_MAIN) and t[len(_MAIN):] in ANSWER_TYPE_TERMS else t for t in tokenize(text)]
    terms = tuple(t for t in dict.fromkeys(stems) if t not in counts)
    names = {t for k in key_terms for t in tokenize(k)}
    if language != "en":
        return with_synonyms(terms, ANSWER_TYPE_TERMS | names)
    return glossed_terms(text, terms, ANSWER_TYPE_TERMS | names)


def detect_language(text: str) -> str:
    """English or Swedish, by common words and by å, ä and ö outside names: "Who is the case
    officer for the Hägersten-Älvsjö reply?" is English."""
    tokens = words(text)
    english = sum(t in _ENGLISH for t in tokens)
    lowercase = " ".join(w for i, w in enumerate(text.split()) if i == 0 or not w[:1].isupper())
    swedish = sum(t in _SWEDISH for t in tokens) + 2 * sum(ch in "åäöÅÄÖ" for ch in lowercase)
    return "en" if english > swedish else "sv"


_ENGLISH_MONTHS = frozenset("january february march april may june july august september october november "
                            "december".split())


def _apart_from_parties(term: str) -> list[str]:
    """A run of capitalised words split where a party's name stands beside a person's
    ("Vad kallar Ojanne Moderaternas utspel?": "Ojanne", "Moderaternas")."""
    words = term.split()
    if len(words) < 2:
        return [term]
    parts: list[tuple[bool, list[str]]] = []  # (a party's name, its words)
    for word in words:
        party = bool(find_parties(word))
        if parts and not party and not parts[-1][0]:
            parts[-1][1].append(word)
        else:
            parts.append((party, [word]))
    return [" ".join(part) for _, part in parts]


_TOPIC_FIRST = re.compile(r"\s*[,–:-]")


_AMOUNT_AFTER = re.compile(r"\s*(?:mnkr|mkr|tkr|kr|kronor|miljoner|miljon|miljarder|procent|%)", re.IGNORECASE)


def _key_terms(text: str) -> tuple[str, ...]:
    """Proper names (capitalised words after the first word) and numbers of the question."""
    found: list[str] = []
    first_word = re.match(r"\s*\S+", text)
    skip_until = first_word.end() if first_word else 0
    for match in _NAME_OR_NUMBER.finditer(text):
        term = match.group(0).strip()
        if match.start() < skip_until and not term[0].isdigit():
            # The question's first word is capitalised anyway: a name there is kept without it
            # ("Sammanfatta Lisa Palms …": "Lisa Palms"), a single word not at all; a name set
            # before the question as its topic is kept whole ("Lee Orberson – vad jobbar han
            # med?", "Andréa Hedin, vem är det?").
            rest = term.split()[1:]
            if not rest:
                continue
            if not _TOPIC_FIRST.match(text, match.end()):
                term = " ".join(rest)
        if term.isdigit() and len(term) < 2 and not _AMOUNT_AFTER.match(text, match.end()):
            continue  # (but "2 mnkr" is a sum to find: "Vilken insats kostar 2 mnkr?")
        if term.lower() in _ENGLISH or term.lower() in _SWEDISH or term.lower() in _ENGLISH_MONTHS:
            continue  # (an English month is part of a date, which Swedish text writes otherwise)
        found.extend(_apart_from_parties(term))
    # A party's name with a lower-case word ("Feministiskt initiativ") is that party, not its
    # capitalised first word: a sentence its speakers say holds it.
    mentions = [text[m.start:m.end] for m in find_parties(text)]
    found = [next((m for m in mentions if term in m and term != m), term) for term in found]
    # A party's letters joined to a noun ("S-budgeten", "M-förslaget") name the party (see
    # ``find_parties``) and a word of the topic, no name to look for as written.
    found = [term for term in found if not (PARTY_JOINED_TO_NOUN.match(term) and " " not in term)]
    return tuple(dict.fromkeys(found))


def with_named_referent(text: str, previous_quotes: list[str]) -> str | None:
    """A follow-up's definite noun that the previous answer put before a name ("Vilket pris
    har metoden fått?" after a quote "… införa metoden Sluta skjut i Stockholm"): the question
    with that name after the noun ("Vilket pris har metoden Sluta skjut fått?"), else None.
    A question with a name of its own is left as it is."""
    if _key_terms(text):
        return None
    for match in re.finditer(r"\b[a-zåäö]{5,}\b", text):
        noun = match.group(0)
        if noun in STOPWORDS:
            continue
        for quote in previous_quotes:
            named = re.search(r"\b" + noun + r"\s+(" + _APPOSED_NAME + r")", quote)
            if named:
                return f"{text[:match.end()]} {named.group(1)}{text[match.end():]}"
    return None


_THEIR_PARTY = re.compile(r"\b(?:hans|hennes|hens|deras|his|her|their)\s+(?:parti|party)\b", re.IGNORECASE)


def with_their_party(text: str, previous_parties: set[str]) -> str | None:
    """"Vilken metod vill hennes parti införa?" after an answer about one party's person
    (a who-is of Clara Lindblom (V)): the question with that party's name for "hennes
    parti", else None."""
    if len(previous_parties) != 1 or not _THEIR_PARTY.search(text):
        return None
    name = party_name(next(iter(previous_parties)), detect_language(text))
    return _THEIR_PARTY.sub(name, text)


def refers_to_quoted_noun(text: str, previous_quotes: list[str]) -> bool:
    """Whether a Swedish question naming nothing of its own has a definite noun whose
    indefinite form the previous answer's first quote uses ("Var har metoden införts?" after
    "Det här är en metod som …"): it speaks of what that answer spoke of."""
    if _key_terms(text) or not previous_quotes or detect_language(text) != "sv":
        return False
    quoted = set(re.findall(r"[a-zåäö]{4,}", previous_quotes[0].lower()))
    return any(base in quoted for base in (_indefinite(m.group(0)) for m in _DEFINITE_NOUN.finditer(text)) if base)


_DEFINITE_NOUN = re.compile(r"\b[a-zåäö]{4,}(?:et|en|na)\b")


def _indefinite(noun: str) -> str | None:
    """The indefinite form of a definite noun ("metoden" → "metod", "programmet" →
    "program"), when at least four letters are left; None for a stop word."""
    if noun in STOPWORDS:
        return None
    base = noun[:-2]
    if len(base) >= 2 and base[-1] == base[-2]:
        base = base[:-1]  # "programmet": "program"
    return base if len(base) >= 4 else None


def with_compound_referent(text: str, previous_quotes: list[str]) -> str | None:
    """A Swedish follow-up's definite noun that ends a compound of the previous answer's
    first quote ("Vem har tagit fram programmet?" after "… tog förvaltningen fram ett
    sommarlovsprogram …"): the question with that compound in its place, else None. A
    question with a name of its own is left as it is."""
    if _key_terms(text) or not previous_quotes or detect_language(text) != "sv":
        return None
    quoted = re.findall(r"[a-zåäö]{7,}", previous_quotes[0].lower())
    for match in _DEFINITE_NOUN.finditer(text):
        base = _indefinite(match.group(0))
        if base is None:
            continue
        # ... a word of at least three letters more that ends in it, or in an inflection of it
        compound = next((word for word in quoted if re.search(r"\w{3}" + re.escape(base) + r"\w{0,4}$", word)), None)
        if compound is not None:
            return f"{text[:match.start()]}{compound}{text[match.end():]}"
    return None


# A name after a noun ("projektet Trefas", "metoden Sluta skjut i …"): capitalised words, and
# one lower-case word more when a stop word or a stop follows it ("Sluta skjut i").
_APPOSED_NAME = (r"[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)*"
                 r"(?:\s+[a-zåäö]+!?(?=[\s,.;:!?”\"]*(?:$|[,.;:!?”\"]"
                 r"|\s(?:i|på|och|som|för|att|med|till|av|från|mot|har|är|kan|ska|om)\b)))?")


def party_words(question: Question) -> set[str]:
    """The stems of the party names the question uses ("Moderaterna", "the Left Party",
    "Feministiskt initiativ")."""
    found = {t for k in question.key_terms if find_parties(k) for t in tokenize(k)}
    return found | {t for m in find_parties(question.text, bare=True) for t in tokenize(question.text[m.start:m.end])}


def shape_of(text: str, expects: str, key_terms: tuple[str, ...]) -> str:
    """who (a named person's role), list (the points a text makes), factoid (one fact of
    the kind ``expects``) or open (the best passage)."""
    if _WHO_IS.search(text) and any(not k[0].isdigit() for k in key_terms):
        return "who"
    if _LIST.search(text) and expects not in ("author", "amount", "number", "date"):
        return "list"
    if (_PLURAL.search(text) or _MANNER.search(text)) and expects == "other":
        return "list"
    return "factoid" if expects != "other" else "open"


_DAY_ASKED = re.compile(r"\bvilket datum\b|\bvilken dag\b|\bwhat date\b|\bwhich day\b|\bon what day\b",
                        re.IGNORECASE)
_DAY_GIVEN = re.compile(r"\d{1,2}\s+[a-zåäö]+|\d{4}-\d\d-\d\d")


def asks_for_day(question: Question) -> bool:
    """"Vilket datum …?" / "What date …?": a day, not a year, a season or a condition."""
    return bool(_DAY_ASKED.search(question.text))


def asks_for_calendar(question: Question) -> bool:
    """"Vilket år …?" / "Vilket datum …?" / "What year …?": a point in the calendar, which
    a condition ("när beslutet har kommit") does not give, unlike an open "När …?"."""
    return bool(_CALENDAR_ASKED.search(question.text))


_CALENDAR_ASKED = re.compile(r"\b(?:vilket|vilken|what|which|in what|in which)\s+(?:år|årtal|datum|dag|månad|year|date|day|month)\b",
                             re.IGNORECASE)


def answers_date(question: Question, value: str) -> bool:
    """Whether a date answers the question (a year or a season gives no day)."""
    return not asks_for_day(question) or bool(_DAY_GIVEN.search(value))


def is_follow_up(question: Question) -> bool:
    """Whether the question leans on the conversation: it opens as a continuation ("Och i
    Farsta?", "What about the Moderates?"), or refers back ("Vad kostar det?", "Vad vill
    de?") without naming a person, place, party or number of its own. A complete
    question stands alone, however short."""
    text = question.text
    if _CONTINUATION.search(text) or _TRAILING_IT.search(text) or _OBJECT_PRONOUN.search(text):
        return True  # "… om det?", "införa den i …" refer back, whatever else the question names
    if _ELSE.search(text):
        return True  # "Vem mer lämnade ett yttrande?", "Who else …?": besides those just named
    if _BARE_QUESTION.match(text) and not question.key_terms:
        return True  # "Hur mycket pengar?", "När då?": a question word and a word, nothing asked about
    if _PRONOUN_SUBJECT.search(text) and question.parties and not _names_outside_source(text):
        return True  # "Hur mycket pengar får den enligt S?": "den" is what was spoken of; S says it
    if question.key_terms or question.parties:
        return False
    return bool(_BACK_REFERENCE.search(text) or _PRONOUN_SUBJECT.search(text) or _DEFINITE_REFERENCE.search(text))


# "enligt S", "according to the Moderates": who says it, not what is asked about.
_SOURCE_PHRASE = re.compile(r"\b(?:enligt|according\s+to)\s+[\wåäöÅÄÖé:.-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*)*", re.IGNORECASE)


def _names_outside_source(text: str) -> bool:
    """Whether the question names a person, place, party or number outside an "enligt X"."""
    rest = _SOURCE_PHRASE.sub(" ", text)
    return bool(_key_terms(rest) or find_parties(rest, bare=True))


# "hur många X": X, past a word that only qualifies it ("nya ordningsvakter", "more guards").
_COUNTED = re.compile(
    r"\b(?:hur många|how many)\s+"
    r"(?:(?:av|of)\s+(?:(?:de|dessa|alla|the|these|those|all)\s+)?(?:\w+(?:'s|s)\s+(?=\w))?)?"  # "av Sveriges skolenheter"
    r"(?:(?:nya|fler|flera|olika|andra|ytterligare|extra|new|more|different|other|additional)\s+(?=\w))?(\w+)")


def is_question_word(word: str) -> bool:
    """A word that only builds the question ("what", "about", "vilket", "om"), in either language."""
    return word in _SWEDISH or word in _ENGLISH


# Nouns among the words that tell the two languages apart: "how many people" counts people.
_COUNTABLE_QUESTION_WORDS = frozenset({"people"})
# Units of a share: "Hur många procent av …?" asks for a share of what follows, and counts nothing.
_SHARE_UNITS = frozenset({"procent", "procentenheter", "percent", "percentage"})


def _counted(match: re.Match | None, language: str) -> str | None:
    """What "hur många X" counts; None when a verb follows instead of a noun ("Hur många
    antogs …?", "How many were …?"): then any number of the right sentence answers."""
    if match is None:
        return None
    word = match.group(1)
    if word.lower() in _SHARE_UNITS:
        return None
    if word not in _COUNTABLE_QUESTION_WORDS and (
            word in _SWEDISH or word in _ENGLISH or word in ("av", "of", "som", "who", "that")):
        return None
    if language == "sv" and len(word) > 4 and word.endswith(("s", "de", "te")):
        return None  # a passive or past-tense verb ("antogs", "skadades", "anställde")
    if language == "en" and not word.endswith("s"):
        # "How many field assistant activities …", "how many police officers": English puts
        # the counted noun last in a run of nouns (a plural within the next two words), and
        # the run is what is counted ("field assistants" are no assistants of any kind).
        run = []
        for following in re.findall(r"[a-z]+", match.string[match.end(1):].lower())[:2]:
            if is_question_word(following) or following in _NOT_NOUNS:
                break
            run.append(following)
            if following.endswith("s"):
                return " ".join([word, *run])
    return word


# Words after "how many X" that end no run of nouns ("how many police were …", "… per year").
_NOT_NOUNS = frozenset("is was has does per in of on at for with to by from this its".split())


# Words that only say what kind of answer is wanted: no topic a sentence must cover.
ANSWER_TYPE_TERMS = frozenset(tokenize(
    "parti partier partiet år året datum antal antalet person personer heter hette hetat skrev skrivit "
    "avsändare avsändaren avsändarna sender "  # who sent a paper is who wrote it
    "dag dagen månad månaden period perioden tidsperiod "  # "Vilken dag/period …?" asks a date, as "Vilket år …?"
    "kostar kostnad kostnaden party parties year number people person wrote cost förslag föreslog "
    "proposed proposal föreslår föreslås föreslagit föreslagits "
    "sammanfatta sammanfattning summarise summarize summary vill want wants propose proposes "
    "lista listan listor listorna list "  # "Sammanfatta hans lista över …": its items need not say "lista"
    "satsa satsar satsade avsätta avsätter avsatt "  # ... as money spent on what is asked
    "sitt "  # a possessive ("sin" and "sina" are stop words; "sitt" left to the search: SweQUAD-MC)
    "hoppas hoppades önskar önskade hope hopes wish wishes "  # ... as "vill": what is wished for, which the answer says
    "tycker anser säger menar think thinks say says nämner nämns mention mentions "  # an opinion or a response asked for, not a topic
    "beskriver beskrev kallar kallade describe describes described "  # ... or how someone puts it
    "del delen typ typen typer typerna typers sort sorts sorter sorters sorterna slag slags kind kinds "  # ... or which part or kind of a thing ("Vilken del av Stockholm …?")
    "reagerar reagerade bemöter bemötte react reacts reacted respond responds responded "
    "kritiserar kritiserade kritik criticise criticises criticize criticizes criticism "  # ... criticism as well
    "brist brister bristerna invändningar farhågor svagheter missnöjda missnöjd "  # ... and faults found
    "ser såg "  # ("Vilka brister ser S i …?")
    "ålder åldersgrupp åldersgruppen age old "
    "länge "  # "Hur länge …?" asks for a duration, which the answer gives, not the word
    "veta "  # "Vad vill de veta?" asks what they ask
    "syfte syftet syftena ändamål ändamålet purpose aim "  # "Vad är syftet med det?" asks why, which "för att …" answers
    "hölls "  # "När hölls debatten?": that it took place, which a date answers ("när vi hade …")
    "ofta often frequently "  # ... so does "Hur ofta …?" a frequency ("minst två … i veckan")
    "räknas räknades avses menas "  # "Vad räknas som social prevention?": what the text says is so
    "göra gör gjorde "  # "Vad vill M göra med socialtjänsten?": what is done, which the answer says
    "vidta vidtar vidtog vidtagit vidtas"  # ... so too "Vilka åtgärder vill M vidta …?"
))


# What an abbreviation is made of, asked of one written in capitals: its expansion names its
# parts ("Samverkan socialtjänst, skola, polis och fritid (SSPF)").
_MADE_OF_ABBREVIATION = re.compile(
    r"\b(?i:vilka|vem|vad)\s+(?:\w+\s+)?(?i:ingår|deltar|samverkar)\s+(?i:i|inom)\s+[A-ZÅÄÖ]{2,8}\b"
    r"|\b(?i:vad)\s+(?i:består)\s+[A-ZÅÄÖ]{2,8}\s+(?i:av)\b"
    r"|\b(?i:what|who)\s+(?:\w+\s+)?(?i:does|do|is|are)\s+[A-Z]{2,8}\s+(?i:consist\s+of|made\s+up\s+of|include)\b"
    r"|\b(?i:who|which\s+\w+)\s+(?i:is|are)\s+(?i:part\s+of|in)\s+[A-Z]{2,8}\b"
    r"|\b(?i:who|which\s+\w+)\s+(?i:takes?|take)\s+(?i:part)\s+(?i:in)\s+[A-Z]{2,8}\b")


# "Vilken vänsterpartist …?", "Vilka socialdemokrater …?", "Which Moderate …?", "Which Left Party
# politician …?": a person asked for by the party they belong to (the party's name as a person
# noun, or a party's name before a word for a person).
_MEMBER = re.compile(
    r"\b(?:vilken|vilka|which|what)\s+(?:(?:\w+\s+)?(?P<noun>(?:socialdemokrat|moderat|vänsterpartist|centerpartist|"
    r"miljöpartist|kristdemokrat|sverigedemokrat)(?:en|er|erna)?|liberal(?:en|er|erna)"
    r"|(?:social|christian|sweden)\s+democrats?|moderates?)\b"
    r"|(?P<party>[\w ]{1,30}?)\s+(?:politiker(?:n|na)?|politicians?|members?|ledamot|ledamöter(?:na)?|företrädare|representatives?)\b)",
    re.IGNORECASE)


# "Vem i partiet …?", "Who in the party …?": a person of the party the conversation is about.
_IN_THE_PARTY = re.compile(r"\b(?:vem|vilka|vilken(?:\s+\w+)?)\s+i\s+partiet\b"
                           r"|\b(?:who|which(?:\s+\w+)?)\s+(?:in|of|from)\s+the\s+party\b", re.IGNORECASE)


def asks_made_of(question: Question) -> bool:
    """Whether the question asks who or what an abbreviation is made of ("Vilka ingår i SSPF?"),
    not what it stands for: its members, not its whole name."""
    return any(_MADE_OF_ABBREVIATION.search(t) for t in (question.text, question.search or ""))


def member_words(text: str) -> frozenset[str]:
    """The stems of the words that ask for a person of a party ("vänsterpartist", "i partiet",
    "Left Party politician"): they say who is asked for, not what about."""
    found = [m.group(0) for pattern in (_MEMBER, _IN_THE_PARTY) for m in pattern.finditer(text)]
    return frozenset(t for phrase in found for t in tokenize(phrase))


def _member_of(text: str) -> str | None:
    match = _MEMBER.search(text)
    if match is None:
        return None
    if match.group("noun"):
        named = find_parties(re.sub(r"(?i)^liberal\w*", "liberalerna", match.group("noun")))
    else:
        named = find_parties(match.group("party"))
    return named[0].party if named else None


# A statement with its question word after a comma ("S nämner en plats i innerstan som borde
# få ett trygghetskontor, vilken?", "Trefas startade i ett område, vilket?").
_TRAILING_QUESTION_WORD = re.compile(
    r"^(?P<body>[^?]{12,}?)\s*[,–-]\s*(?P<word>vilken|vilket|vilka|vem|vilka då|vilken då|vilket då|vem då|"
    r"när|var|hur många|which|who|when|where|which one)\s*\?\s*$", re.IGNORECASE)
_INDEFINITE_NOUN = re.compile(r"\b(?:en|ett|några|någon|något|a|an|some)\s+(\w+)", re.IGNORECASE)


# "Vilket namn har kommunpolisen?" asks what "Vad heter kommunpolisen?" asks.
_NAME_HAD = re.compile(r"^(\s*(?:och\s+)?)vilket\s+namn\s+har\s+", re.IGNORECASE)


def question_word_first(text: str) -> str:
    """A question whose question word trails a statement, read with the word first and the
    noun it asks about after it ("Vilken plats: S nämner en plats …?"); any other as it is
    ("Vilket namn har X?" as "Vad heter X?")."""
    named = _NAME_HAD.match(text)
    if named is not None:
        return f"{named.group(1)}{'Vad' if not named.group(1).strip() else 'vad'} heter {text[named.end():]}"
    match = _TRAILING_QUESTION_WORD.match(text.strip())
    if match is None or is_question_word(match.group("body").split()[0].lower()):
        return text
    word = re.sub(r"\s+(?:då|one)$", "", match.group("word"))  # "vilka då" asks as "vilka", "hur många" as itself
    body = match.group("body")
    asks_noun = word.lower() in ("vilken", "vilket", "vilka", "which", "hur många")
    noun = _INDEFINITE_NOUN.search(body) if asks_noun else None
    head = f"{word.capitalize()} {noun.group(1)}" if noun else word.capitalize()
    return f"{head}: {body}?"


# "Vilken insats …?", "Which measure …?": a thing asked for by its noun.
_WHICH_THING = re.compile(r"^\s*(?:(?:och|and)\s+)?(?:vilken|vilket|vilka|which|what)\s+(?!parti|party|år|year|dag|day|datum|date)[a-zåäö]{3,}\b",
                          re.IGNORECASE)


def analyze(text: str) -> Question:
    text = question_word_first(text)
    lowered = text.lower().strip()
    language = detect_language(text)
    expects = next((name for name, pattern in EXPECTS if pattern.search(lowered)), "other")
    if expects == "contact" and candidates("contact", text, 0, len(text)) and _PERSON_ASKED.search(lowered):
        expects = "person"  # "Vem har telefonnummer 08-…?" states the number, asks whose it is
    if expects in ("other", "person") and _MADE_OF_ABBREVIATION.search(text):
        expects = "expansion"  # "Vilka parter ingår i SSPF?": the words its letters stand for
    if expects == "amount" and _WHICH_THING.match(text) and candidates("amount", text, 0, len(text)):
        expects = "other"  # "Vilken insats kostar 2 mnkr?" states the sum, asks what costs it
    member_of = _member_of(text)
    if member_of is not None and expects in ("other", "author", "person"):
        expects = "person"
    else:
        member_of = None
    parties = tuple(dict.fromkeys([m.party for m in find_parties(text, bare=True)] + ([member_of] if member_of else [])))
    counted_match = _COUNTED.search(lowered)
    key_terms = _key_terms(text)
    if language == "en":
        key_terms = tuple(_swedish_name(k) for k in key_terms)
    shape = shape_of(text, expects, key_terms)
    subject = None
    if shape == "who":
        names = [k for k in key_terms if not k[0].isdigit() and not find_parties(k)]
        subject = names[0] if names else None
        if subject is not None and subject.endswith("s") and re.search(
                re.escape(subject) + r"\s+(?i:" + _OWN_ROLE + r")\b", text):
            # "Vad är Andréa Hedins roll?": the person is Andréa Hedin.
            key_terms = tuple(subject[:-1] if k == subject else k for k in key_terms)
            subject = subject[:-1]
        if subject is None:
            shape = "factoid" if expects != "other" else "open"
    return Question(
        counted=_counted(counted_match, language),
        text=text,
        language=language,
        expects="person" if shape == "who" else expects,
        terms=_terms(text, language, key_terms),
        key_terms=key_terms,
        parties=parties,
        shape=shape,
        subject=subject,
        about_parties=bool(_ABOUT_PARTIES.search(text)),
        about_questions=bool(_ABOUT_QUESTIONS.search(text)),
        member_of=member_of,
    )


_PERSON_PRONOUN = re.compile(r"\b(?:hon|han|hen|henne|honom|hennes|hans|she|he|him|his)\b", re.IGNORECASE)
_POSSESSIVE = {"hennes", "hans", "his"}


def with_answered_person(text: str, previous_question: str, previous_short: str | None) -> str | None:
    """A follow-up with a personal pronoun after an answer that named a person ("Vilken roll
    hade han …?" after "Vem skrev interpellationen?" answered "Jan Jönsson (L)"): the question
    with the name for the pronoun, else None."""
    if not previous_short or not _PERSON_PRONOUN.search(text) or analyze(previous_question).expects not in (
            "person", "author"):
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", previous_short).strip()
    if not re.fullmatch(r"[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+){1,2}", name):
        return None  # not one person's name ("Jan Jönsson och Anna König Jerlmyr", a party)
    return _named_for_pronouns(text, name)


def _named_for_pronouns(text: str, name: str) -> str:
    """``text`` with ``name`` for its personal pronouns ("hans" becomes "Jan Jönssons")."""
    return _PERSON_PRONOUN.sub(lambda m: name + ("s" if m.group(0).lower() in _POSSESSIVE else ""), text)


# "Vad kallar Ojanne …?", "Hur beskriver Hedin …?", "What does Hedin say …?": the words of a
# person asked for.
_SAYS_ASKED = re.compile(
    r"^\s*(?i:(?:och\s+)?(?:vad|hur)\s+(?:säger|sa|sade|kallar|kallade|beskriver|beskrev|tycker|tyckte|anser|ansåg|menar|"
    r"menade|svarar|svarade|tror|trodde))\s+(?P<sv>[A-ZÅÄÖÉ][\w-]+(?:\s+[A-ZÅÄÖÉ][\w-]+)?)"
    r"|^\s*(?i:(?:and\s+)?(?:what|how)\s+(?:does|did))\s+(?P<en>[A-ZÅÄÖÉ][\w-]+(?:\s+[A-ZÅÄÖÉ][\w-]+)?)\s+"
    r"(?i:say|call|think|describe|answer|reply)\b")


def asked_speaker(question: Question) -> str | None:
    """The person whose words the question asks for ("Vad kallar Ojanne Moderaternas
    utspel?": "Ojanne"; not a party, "Vad säger Moderaterna …?")."""
    match = _SAYS_ASKED.match(question.text)
    if match is None:
        return None
    named_from = match.start("sv") if match.group("sv") else match.start("en")
    if any(m.start == 0 for m in find_parties(question.text[named_from:])):
        return None  # a party ("Vad tyckte Feministiskt initiativ?")
    who = itertools.takewhile(lambda word: not find_parties(word), (match.group("sv") or match.group("en")).split())
    return " ".join(who) or None


def person_of(question: Question) -> str | None:
    """The one person a question is about: a who-is question's subject, or its only name of
    two or more words that is not a party."""
    if question.subject:
        return question.subject
    names = [k for k in question.key_terms if " " in k and not k[0].isdigit() and not find_parties(k)]
    return names[0] if len(names) == 1 else None


def _elliptic(question: Question, previous: Question) -> str | None:
    """The question an elliptical follow-up stands for: the previous question with its last
    phrase replaced ("Vad vill S göra för kvinnojourerna?" + "Och med relationsvåldscentrum?"
    → "Vad vill S göra med relationsvåldscentrum?"; a year replaces the year). None for a
    party (handled as a replaced filter), a fragment with a question word of its own, or one
    whose place in the previous question is unclear, which is searched with the previous
    question. A question word, its verb and one short noun phrase leave no doubt: "Och
    krisgruppen?" after "Vad kostar avhopparlinjen?" is "Vad kostar krisgruppen?"."""
    match = _ELLIPSIS.match(question.text)
    if match is None or question.parties or _QUESTION_WORD.search(match.group("rest")):
        return None
    rest = match.group("rest")
    before = (previous.search or previous.text).strip().rstrip("?.! ")
    if "\n" in before or len(before) > 300:
        return None
    if re.fullmatch(r"\d{4}", rest):
        years = list(re.finditer(r"\b\d{4}\b", before))
        return f"{before[:years[-1].start()]}{rest}{before[years[-1].end():]}?" if years else None
    phrases = list(_PREPOSITION.finditer(before))
    own_preposition = _PREPOSITION.match(rest)
    # The last prepositional phrase, when it stands in the question's last two thirds (a
    # question opening with its only phrase, "I Farsta, vilka aktiviteter finns?", keeps it).
    if phrases and phrases[-1].start() > len(before) // 3:
        cut = phrases[-1].start() if own_preposition else phrases[-1].end() + 1
        return f"{before[:cut].rstrip()} {rest}?"
    if own_preposition:
        return f"{before} {rest}?"
    # A question word, its verb and one short noun phrase ("Vad kostar avhopparlinjen?"): the
    # noun phrase is what the fragment replaces ("Och krisgruppen?").
    slot = _QUESTION_VERB_NOUN.fullmatch(before)
    return f"{slot.group(1)} {rest}?" if slot is not None else None


def _named_for_it(question: Question, previous: Question) -> str | None:
    """A follow-up ending in "det"/"den"/"it" after a question about one name ("Vilka ingår i
    det?" after "Vad är SSPF?"): the question with that name in its place, read as it asks."""
    names = [k for k in previous.key_terms if not k[0].isdigit() and not find_parties(k)]
    # (the follow-up may name a party: "Vad vill Moderaterna göra med dem?" after "Vad är SIG?")
    if len(names) != 1 or any(not find_parties(k) for k in question.key_terms) or _CONTINUATION.search(question.text):
        return None
    match = _TRAILING_IT.search(question.text)
    if match is None or _PERSON_PRONOUN.search(question.text):
        return None
    return f"{question.text[:match.start()]}{names[0]}?"


_QUESTION_VERB_NOUN = re.compile(r"((?i:vad|vem|när|var|hur\s+mycket|hur\s+många)\s+[a-zåäö]+)"
                                 r"\s+(?:(?i:den|det|de|en|ett)\s+)?[\wåäöÅÄÖ-]+(?:\s+[\wåäöÅÄÖ-]+)?")


# The noun a question asks for ("Vilka stadsdelar …", "Which parties …", "Hur många skjutningar …").
_ASKED_NOUN = re.compile(r"\b(?:vilka|vilken|vilket|which|what|hur\s+många|how\s+many)\s+([\wåäö-]+)", re.IGNORECASE)


def _asked_for(question: Question) -> set[str]:
    """The stems of the noun the question asks for: what its answer is, not its topic."""
    asked = _ASKED_NOUN.search(question.text)
    if asked is None or is_question_word(asked.group(1).lower()):
        return set()
    return set(_terms(asked.group(1), question.language, ()))


def with_context(question: Question, previous: Question) -> Question:
    """A follow-up read with the question it follows: searched with both, asking for what
    it asks itself (else what the previous one asked), about its own names and parties
    (else the previous ones). An elliptical one is read as the question it stands for."""
    standing_for = _elliptic(question, previous) or _named_for_it(question, previous)
    if standing_for is not None:
        full = analyze(standing_for)
        return replace(full, text=question.text, language=previous.language, search=standing_for,
                       parties=full.parties or previous.parties)
    # A follow-up with a question word of its own ("Vilket telefonnummer har han?") asks for
    # what that word asks; an elliptical one ("Och Vänsterpartiet?", "What about the
    # Feminist Initiative?") for what the previous did.
    # "Och vilka myndigheter samarbetar där?" asks itself, past its "Och".
    asks_itself = bool(_QUESTION_WORD.search(_CONTINUATION.sub("", question.text, count=1)))
    own_shape = question.shape if (asks_itself or question.expects != "other" or question.shape in ("list", "who")) else None
    # Another party replaces the previous question's ("Vad vill Fi?" … "Och Vänsterpartiet?").
    replaced = party_words(previous) if question.parties else set()
    if asks_itself and [t for t in question.terms if t not in ANSWER_TYPE_TERMS]:
        # "Vilka stadsdelar ingår i Trefas?" … "Och vilka myndigheter samarbetar där?": a
        # follow-up with a question and words of its own asks that about the thing the previous
        # question named (Trefas), not for districts nor about what is part of what. A party
        # named there is who, not what ("Vad vill S göra med trygghetsfonden?" … "Hur stor är
        # den?"): then only the noun asked for goes.
        # A follow-up about whoever answered the previous question ("Vem skrev interpellationen
        # om Trefas?" … "Vilket parti tillhör han?") keeps all it said of them.
        about_answer = previous.expects in ("person", "author", "party") or _PERSON_PRONOUN.search(question.text)
        names = set() if about_answer else {t for k in previous.key_terms if not find_parties(k) for t in tokenize(k)}
        kept = names | party_words(previous)
        replaced |= ({t for t in previous.terms if t not in kept} if names else _asked_for(previous)) - set(question.terms)
        # ... the names counted where a sentence holds them, as the follow-up may be about one of
        # them only ("Vilka delar av Stockholm ingår i Trefas?" … "Och vem startade projektet?").
        carried = tuple(t for t in names if t not in question.terms)
    else:
        carried = ()
    more_of_the_same = _more_of_the_same(question, previous)
    if more_of_the_same:
        # "Vem mer har skrivit under?" after "Vem är handläggare i ärendet från Hägersten-Älvsjö?":
        # someone else of the same paper, for what this question asks (not a case officer).
        role = ROLE_ASKED.search(previous.text) or ROLE_ASKED_ENGLISH.search(previous.text)
        noun = role.group(1) if role else None
        replaced |= (set(_terms(noun, previous.language, ())) if noun else set()) - set(question.terms)
    # "hon" after "Vem är Clara Lindblom?" is Clara Lindblom: the follow-up is searched as the
    # question it stands for ("Hur mycket pengar vill Clara Lindblom skjuta till?"), which is
    # closer to the answer than the two questions run together.
    person = person_of(previous)
    search = f"{previous.search or previous.text} {question.text}"
    if person is not None and _PERSON_PRONOUN.search(question.text):
        search = _named_for_pronouns(question.text, person)
        # ... and asks what that question asks ("Vilken roll har han?" is who-is).
        full = analyze(search)
        return replace(full, text=question.text, search=search,
                       counted=full.counted or (previous.counted if full.expects == "other" else None))
    if _IN_THE_PARTY.search(question.text) and len(previous.parties) == 1:
        # "Vad vill Moderaterna …?" … "Vem i partiet ligger bakom förslaget?": a person of
        # that party.
        return replace(question, search=search, expects="person", shape="factoid", member_of=previous.parties[0],
                       parties=previous.parties, terms=tuple(dict.fromkeys(question.terms + previous.terms)))
    return replace(
        question,
        search=search,
        # "Vem mer …?" after "Vilka partier …?" asks for more of the same kind: parties.
        expects=previous.expects if more_of_the_same else (
            question.expects if (question.expects != "other" or asks_itself) else previous.expects),
        shape=own_shape or previous.shape,
        subject=question.subject or previous.subject,
        terms=tuple(dict.fromkeys(question.terms + tuple(t for t in previous.terms if t not in replaced))),
        key_terms=question.key_terms or previous.key_terms,
        # A person named in the follow-up is who it asks about: the previous question's party
        # stays a topic word, not a filter ("Vad vill M?" … "Vad tycker Ojanne (S) om det?").
        parties=question.parties or (() if question.key_terms else previous.parties),
        counted=question.counted or (previous.counted if question.expects == "other" else None),
        about_parties=question.about_parties or previous.about_parties,
        about_questions=question.about_questions or previous.about_questions,
        carried=carried,
    )


# "Vem är handläggare …?", "Vilka är ordförande …?": the role a person question asks for.
# ... also after a possessive ("Vem är dess ordförande?", "Vem är hans chef?").
ROLE_ASKED = re.compile(r"^\s*(?i:och\s+)?(?i:vem|vilka)\s+(?i:är|var|blir|blev)\s+"
                        r"(?:(?i:dess|deras|hans|hennes|dennes)\s+)?([a-zåäö][\wåäö-]{3,})\b")
# "Who is the chair of …?", "Who chairs …?", "Who heads …?": the role, in English.
ROLE_ASKED_ENGLISH = re.compile(
    r"^\s*who\s+(?:(?:is|was|are|were)\s+(?:the\s+)?([a-z][a-z -]{2,})\s+(?:of|in|at|for|on)\b"
    r"|(chairs|heads|leads|runs|directs)\b)", re.IGNORECASE)


def _more_of_the_same(question: Question, previous: Question) -> bool:
    """"Vem mer lämnade ett yttrande?" after "Vilka partier skrev …?": who else, of the kind
    the previous question asked for (a party, a person, a place)."""
    return bool(_ELSE.search(question.text)) and previous.expects in ("party", "person", "author", "place")


# Swedish verbs of thinking, wanting or saying, as a question asks a stance with them.
STANCE_VERBS = ("tycker", "tyckte", "anser", "ansåg", "menar", "menade", "vill", "ville", "föreslår", "föreslog",
                "kritiserar", "kritiserade", "säger", "sa", "sade", "tror", "trodde")
# The verb of a stance right before a party the question names: the party is who holds it
# ("Vad tyckte Sverigedemokraterna om …", "Vad anser V om …", "What did the Moderates think …").
_STANCE_BEFORE = re.compile(r"\b(?:" + "|".join(STANCE_VERBS + ("does", "did", "do")) + r")\s+(?:the\s+)?$",
                            re.IGNORECASE)
# ... as word stems, with the English ones: the stance asked about, no topic a sentence must hold.
STANCE_WORDS = frozenset(tokenize(" ".join(STANCE_VERBS) + " think thinks thought want wants wanted say says said "
                                  "propose proposes proposed"))


def stance_parties(question: Question) -> frozenset[str]:
    """The parties the question asks the view of: named right after a verb of thinking,
    wanting or saying. Their view is in what they say or what is said of them, not in a
    sentence of the administration that answers their letter."""
    return frozenset(m.party for m in find_parties(question.text, bare=True)
                     if _STANCE_BEFORE.search(question.text, 0, m.start))
