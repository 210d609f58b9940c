"""English words of council and policy texts with their Swedish equivalents.

The documents are Swedish; a question may be English. The embedder compares the two languages
(less well than within one), but word cover and BM25 see nothing in common. Each English word
or phrase below lists Swedish words that say the same, so that an English question's words can
be looked for in Swedish text: as alternatives of one question word in word cover, and as extra
words of the search query. The vocabulary is that of municipal and national politics in
general (bodies, documents, procedure, money, welfare, schools, safety, environment, time), not
of any one document; a word without an entry is kept as it is (names, numbers, loanwords).

Swedish words are given in a base form; the Swedish stemmer and the compound-aware word match
(``assistant.scoring.stem_matches``) take care of inflection and compounds.
"""

from __future__ import annotations

import functools
import re

from index.text import tokenize

_ENTRIES = """
# bodies and people
city council, municipal council, council: kommunfullmäktige, fullmäktige
executive board, municipal executive board, executive committee: kommunstyrelsen, kommunstyrelse
city executive office: stadsledningskontoret
committee, board: nämnd, utskott
district council, district committee, borough council: stadsdelsnämnd
district administration, borough administration: stadsdelsförvaltning
district, borough, neighbourhood, neighborhood, suburb: stadsdel, stadsdelsområde, område
administration, department, office: förvaltning, avdelning, kontor
head of department, department head: avdelningschef
district director: stadsdelsdirektör
director, head, manager, chief: direktör, chef
case officer, administrator, official in charge: handläggare
official, officials, civil servant: tjänsteman, tjänstemän
commissioner, councillor, councilor, borough commissioner, vice mayor: borgarråd, kommunalråd
finance commissioner: finansborgarråd
mayor: borgarråd, ordförande
chair, chairman, chairwoman, chairperson, president: ordförande
according to: enligt
member: ledamot, medlem
substitute, deputy: ersättare
politician: politiker
opposition: opposition, oppositionsborgarråd
conservatives, conservative, centre-right, center-right: borgerlig, borgerligheten
majority: majoritet, styre
government: regering, styre
govern, governed, run, ran, rule, ruled, lead, led: styra, styrt, styre, leda
parliament: riksdag
minister: minister, statsråd
agency, authority, authorities: myndighet
county administrative board: länsstyrelsen
police: polis
prison service, probation service, correctional service: kriminalvården
municipality, local authority: kommun
city, town: stad
region, county: region, län
country, nation: land
sweden: Sverige
party: parti
citizen, resident, inhabitant: invånare, medborgare
staff, personnel, employees, employee, workers: personal, anställda, medarbetare
trade union, trade unions, union, unions: fackliga, fack
association, club, organisation, organization: förening, organisation
civil society: civilsamhälle
company, business, businesses, shop owners: företag, näringsidkare
property owner, property owners, landlord: fastighetsägare
volunteer, volunteers: frivillig, ideell
night walkers, night walking, night patrols: nattvandrare, nattvandring
field worker, field workers, field assistant, field assistants, outreach worker: fältassistent
youth worker, youth workers, leisure leader, leisure staff: fritidsledare, fritidspersonal
social worker, social workers, social secretary: socialsekreterare
social services: socialtjänst
teacher: lärare
researcher, academia: forskare, akademien
journalist: journalist
photographer, photo: fotograf, foto

# documents and procedure
proposal, suggestion: förslag
propose, suggest, proposes, proposed: föreslå
motion: motion
submit, submitted, hand in, handed in, lodge, lodged: lämna in, inkomma, lämna
interpellation: interpellation
question: fråga
answer, reply, response: svar, svara
letter, written submission, submission: skrivelse
memo, memorandum: promemoria
report: rapport, redovisning
statement, opinion: uttalande, yttrande
special statement: särskilt uttalande
supplementary statement, substitute statement: ersättaryttrande
dissent, dissenting opinion, reservation: reservation
decision: beslut
decide, decided: besluta, beslutade
vote: rösta, röstade
vote against: röstade nej
election, elections: val, valet, riksdagsval, kommunval
win, wins, won: vinna, vann, segra
elected: vald, valdes
campaign: valrörelse, kampanj
adopt, adopted, pass, passed: anta, antogs
approve, approved, approval: godkänna, godkänt
sign, signed, signature: underteckna, undertecknad
consultation: remiss
referral: remiss
refer, referred, referred to, sent for consultation: remittera, remitterats
agenda, item, matter, case: ärende
registration number, diary number, reference number: diarienummer, dnr
attachment, appendix, annex: bilaga
debate: debatt
budget: budget
strategy: strategi
plan: plan, planering
programme, program: program
project: projekt
policy: politik, policy
method: metod
model: modell
goal, aim: mål
target, targets, targeted, targeting, aimed at: mål, rikta, inrikta
starting point, starting points, principle, principles, point of departure: utgångspunkt
priority: prioritering, prioriterad
criticism, criticise, criticize, criticises, criticizes: kritik, kritisera
demand, require: kräva, krav
want, wants, wish: vill, önskar
its: dess
besides, apart from, in addition to: utöver, förutom
about: om
support: stöd, stödja
agree: överens, instämma
claim: hävda, påstå
argue: mena, anföra
say, says, said: säga, säger, sa
write, wrote, written: skriva, skrev
ask, asked: ställa, begära
present, presented, presenting: redovisa, presentera, föredra, föredragande
rapporteur, presenter: föredragande
inform, informed: informera
apply: ansöka
permit: tillstånd
inaugurate, opened: inviga

# money
cost, costs, price: kostnad, kosta
money, funds, funding, resources: pengar, medel, resurser
spend, allocate, invest, set aside, earmark: satsa, avsätta
fund: fond
investment: investering, satsning
grant, grants, subsidy: bidrag, medel
give, gives, gave, given, granted, award, awarded: ge, bevilja, tilldela
receive, receives, received, got: få, erhålla, beviljas
million: miljoner, mnkr
billion: miljarder, mdkr
kronor, sek, crowns: kronor, kr
tax: skatt
tax cut, tax cuts: skattesänkning
cut, cuts, savings: nedskärning, besparing
salary, wage: lön
expense, expenditure: utgift
finance, finances: finansiera, ekonomi
economic, economy: ekonomisk, ekonomi
procurement, procurements, purchasing: upphandling
prize, award: pris
black economy, shadow economy: svarta ekonomin

# safety and crime
crime, crimes: brott, kriminalitet
criminal, criminals: kriminell
organised crime, organized crime: organiserad brottslighet
gang, gangs: gäng
gang crime: gängkriminalitet
network, networks: nätverk
shooting, shootings: skjutning
violence, violent: våld
lethal violence, deadly violence: dödligt våld
domestic violence: våld i nära relationer
honour-related violence, honour violence, honor violence: hedersrelaterat våld
women's shelter, women's shelters, shelter, shelters: kvinnojour
victim, victims: brottsoffer, offer
witness, witnesses: vittne
security guard, security guards, guard, guards: ordningsvakt
safety, security: trygghet, säkerhet
safe, secure: trygg, säker
unsafe: otrygg
safety walk, safety walks: trygghetsvandring
safety office, safety offices: trygghetskontor
camera, cameras, cctv, surveillance: kamera, övervakning
lighting: belysning
drug, drugs, narcotics: droger, narkotika
drug dealing, drug trade: droghandel
alcohol: alkohol
abuse, addiction: missbruk
recruitment: rekrytering
recruit, recruited: rekrytera
prevention, preventive, prevent: förebyggande, förebygga, förhindra, prevention
crime prevention: brottsförebyggande
defector, defectors, leaver, leavers: avhoppare
exit programme, exit program, exit: avhopparverksamhet, avhopp
leave, quit: lämna
resign, step down: avgå
hotline, helpline, phone line: linje, telefonlinje, jour, ringa
phone, telephone: telefon, ringa
anonymous, anonymously: anonym
relatives, family members: anhöriga
release, released: frigivning
prison: fängelse
weapon, weapons, gun, guns: vapen
riot, unrest: oroligheter
risk: risk
at risk: riskzon
secrecy, confidentiality: sekretess
handbook, manual, guide: handbok
crisis: kris
crisis management committee, crisis committee: krisledningsnämnd
crisis group: krisgrupp
emergency: akut

# welfare, family and schools
service, services: verksamhet, tjänst
children, child, kids: barn
young people, youth, youths, young, teenagers, adolescents: unga, ungdomar
adults: vuxna
parents, parent: föräldrar, förälder
parenting: föräldraskap
parental support: föräldrastöd
family, families: familj
home visit, home visits: hembesök
child health centre, child health centres, child health center: bvc, barnavårdscentral
preschool, preschools, nursery: förskola
school, schools: skola
compulsory school, primary school: grundskola
independent school, independent schools, free school, free schools: friskola, fristående
pupils, students: elever
attendance: närvaro, skolnärvaro
leisure, free time: fritid
youth centre, youth centres, youth club: fritidsgård
summer holiday, summer holidays, summer break: sommarlov
activity, activities: aktivitet
sport, sports: idrott
football: fotboll
meeting, meetings, meet, meets, met: möte, träffa
placement, placements: placering
residential care, care home, care homes, residential care homes: hvb-hem
elderly care: äldreomsorg
health care, healthcare: vård, sjukvård
hospital: sjukhus
housing: bostad
rent: hyra
unemployment: arbetslöshet
job, jobs, work, employment: jobb, arbete
integration: integration
language: språk
equality: jämställdhet, likvärdighet
discrimination: diskriminering
disability: funktionsnedsättning
mental health: psykisk hälsa

# public space, environment, transport
public space, public places: offentliga rummet, offentlig miljö
square, squares: torg
park, parks: park
place, places, location, site: plats
area, areas: område
street, streets: gata
environment: miljö
climate: klimat
traffic: trafik
public transport: kollektivtrafik
bicycle, bike: cykel
road: väg
water: vatten
waste: avfall
culture: kultur
library: bibliotek
swimming pool: simhall
police station, police stations: polisstation, polishuset

# work and actions
keep, keeps, kept, retain, retains, retained: behålla
happen, happened, occur, occurred, take place, took place: ske, skedde, hända, inträffa, äga rum
measure, measures, action, actions, step, steps: åtgärd, insats
effort, efforts, initiative, initiatives, intervention, interventions: insats, satsning, initiativ
work, working: arbete, arbeta
cooperation, collaboration, partnership: samverkan, samarbete
cooperate, collaborate, work together: samverka, samarbeta
coordination, coordinate: samordning, samordna
team, teams: team
group, groups: grupp
training, train, trains, educate, education: utbildning, utbilda, fortbildning, kompetens
knowledge, skills: kunskap, kompetens
information: information
presence: närvaro
outreach: uppsökande
introduce, introduced, implement: införa, införts, implementera
use, uses, used, using, apply, applies, applied: använda, tillämpa
start, started, launch, launched, begin, began: starta, startade, inleda
form, formed, set up, establish, established, create, created, founded: bilda, skapa, inrätta, etablera, upprätta
joint, common, shared: gemensam
close, closed, shut down: stänga, lägga ned
abolish, abolished: avskaffa
expand, expanded, extend, extended: bygga ut, utöka, utvidga
strengthen, reinforce, boost: stärka, förstärka
reduce, reduced, decrease, lower: minska, sänka
increase, increased, raise: öka, höja
stop, stops, stopping, stopped: stoppa, bryta
identify, identified: identifiera
catch, capture, pick up: fånga, fånga upp
co-locate, co-located, colocate, colocated: samlokalisera
offer, offered: erbjuda
help: hjälp, hjälpa
contact: kontakt
call: ringa
continue: fortsätta
develop, development: utveckla, utveckling
analysis, analyse, analyze: analys
review: se över, granska
investigate: utreda
treat, treatment: behandla, behandling

# numbers and time
percent, per cent, percentage: procent
share, proportion, rate: andel
number, amount: antal
people, persons, individuals: personer, individer
year, years: år
early, earlier, as early as possible: tidig, tidigt, tidigare
last year: förra året
month, months: månad
week, weeks: vecka
day, days: dag
hour, hours: timmar
spring: våren
summer: sommar
autumn, fall: hösten
winter: vinter
last spring: i våras, förra våren
last summer: i somras, förra sommaren
last autumn, last fall: i höstas, förra hösten
last winter: i vintras, förra vintern
january: januari
february: februari
march: mars
april: april
june: juni
july: juli
august: augusti
september: september
october: oktober
november: november
december: december
"""


ALTERNATIVE = "|"
"""Joins the Swedish stems that one English question word stands for."""


def alternatives(term: str) -> list[str]:
    """The Swedish stems a glossed term stands for (a plain term stands for itself)."""
    return term.split(ALTERNATIVE)


def _parse(entries: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in entries.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        english, swedish = line.split(":", 1)
        words = tuple(w.strip() for w in swedish.split(",") if w.strip())
        for phrase in english.split(","):
            key = " ".join(phrase.lower().split())
            table[key] = tuple(dict.fromkeys(table.get(key, ()) + words))
    return table


GLOSSARY = _parse(_ENTRIES)
_LONGEST = max(len(key.split()) for key in GLOSSARY)
_WORD = re.compile(r"[a-z][a-z'-]*")


def _base_forms(word: str) -> list[str]:
    """``word`` and the forms English inflection may have come from ("shootings" -> "shooting",
    "parties" -> "party", "proposed" -> "propose", "planned" -> "plan")."""
    forms = [word]
    if word.endswith("'s"):
        forms.append(word[:-2])
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
        if len(word) > 5 and word[-3] == word[-4]:
            forms.append(word[:-3])  # "planned"
    if word.endswith("ing") and len(word) > 5:
        forms += [word[:-3], word[:-3] + "e"]
    return forms


@functools.lru_cache(maxsize=4096)
def swedish_for(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The English words and phrases of ``text`` that the glossary knows, each with its Swedish
    equivalents, longest phrase first at each position: (("defector", ("avhoppare",)), ...)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    found: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            span = words[i:i + size]
            heads = _base_forms(span[-1]) if size > 1 else _base_forms(span[0])
            match = next((" ".join(span[:-1] + [h]) for h in heads if " ".join(span[:-1] + [h]) in GLOSSARY), None)
            if match is not None:
                found.append((" ".join(span), GLOSSARY[match]))
                i += size
                break
        else:
            i += 1
    return tuple(found)


def swedish_words(text: str, kept: frozenset[str] = frozenset()) -> str:
    """The Swedish equivalents of ``text``'s English words, as one string to search with;
    not of those whose stem is in ``kept`` (see ``glossed_terms``)."""
    return " ".join(word for english, swedish in swedish_for(text)
                    if not any(stem in kept for stem in tokenize(english)) for word in swedish)


def glossed_terms(text: str, terms: tuple[str, ...], kept: frozenset[str]) -> tuple[str, ...]:
    """An English question's word stems with each glossed word replaced by one term that
    stands for its Swedish equivalents ("avhopp|avhoppar": any of them covers it; see
    ``assistant.reranking.QuestionTerms``). Words whose stems are all in ``kept`` (names, the
    words that say what kind of answer is wanted) stay as they are."""
    groups, replaced = [], set()
    for english, swedish in swedish_for(text):
        stems = tokenize(english)
        if not stems or all(stem in kept for stem in stems):
            # (A phrase with a word of its own is glossed: "young people", though "people"
            # alone only says what kind of answer is wanted.)
            continue
        replaced.update(stems)
        swedish_stems = list(dict.fromkeys(t for word in swedish for t in tokenize(word)))
        if swedish_stems:  # none: a Swedish stop word ("want" is "vill")
            groups.append(ALTERNATIVE.join(swedish_stems))
    return tuple(dict.fromkeys([t for t in terms if t not in replaced] + groups))
