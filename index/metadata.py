"""Document metadata read from the text itself, each field with its evidence.

A field's evidence is either a span of the document (``text[start:end] == quote``) or
``curated`` with the reason a person gave in a catalog (see ``index.catalog``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from index.parties import canonical_party, find_parties

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
SWEDISH_DATE = re.compile(
    r"\b(?:den\s+)?([1-9]|[12]\d|3[01])\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NAME = r"[A-ZÅÄÖÉ][\wéü'’-]+(?:\s+(?:af\s+|von\s+|de\s+)?[A-ZÅÄÖÉ][\wéü'’-]+){1,3}"
_PARTY = r"\((?:alla\s+)?([A-Za-zÅÄÖåäö]{1,3})\)"
# "Interpellation från Jan Jönsson (L) till ...", "1994/95:1 av Per Gahrton (mp) till ...",
# "Skrivelse av Jan Valeskog m.fl. (S)".
_AUTHOR_WITH_PARTY = re.compile(
    r"(?:Interpellation|Skrivelse|Motion|Fråga|Förslag|\d{4}/\d{2}:\d+)\s+(?:från|av)\s+"
    r"(" + _NAME + r")(?:\s+m\.fl\.)?\s*" + _PARTY
)
_HANDLAGGARE = re.compile(r"^Handläggare\s*\n\s*(" + _NAME + r")\s*$", re.MULTILINE)
# An upper-case signature after "Stockholm den 24 mars 2021": "ANNA KÖNIG JERLMYR OCH JAN JÖNSSON".
_SIGNATURE = re.compile(
    r"Stockholm\s+den\s+[^\n]+\n\s*\n?\s*([A-ZÅÄÖÉ][A-ZÅÄÖÉ \-]{4,}[A-ZÅÄÖÉ])\s*$", re.MULTILINE
)
_SUBMITTED_BY = re.compile(r"(?:skrivelse|motion|förslag)\s+från\s+((?:" + _PARTY + r"(?:,\s*|\s+och\s+)?)+)", re.IGNORECASE)

KINDS = {
    # kind: patterns looked for in the opening of the document (title and first lines)
    "interpellation": re.compile(r"\binterpellation\b|^\d{4}/\d{2}:\d+\s+av\s", re.IGNORECASE | re.MULTILINE),
    "tjänsteutlåtande": re.compile(r"\btjänsteutlåtande\b|^Handläggare\s*$", re.IGNORECASE | re.MULTILINE),
    "promemoria": re.compile(r"^(?:PM|Promemoria)\b", re.MULTILINE),
    "motion": re.compile(r"^Motion\b", re.MULTILINE),
    "skrivelse": re.compile(r"\bskrivelse\b", re.IGNORECASE),
    "protokoll": re.compile(r"^(?:Sammanträdes)?protokoll\b|^Justerare\b|^Protokollsutdrag\b", re.IGNORECASE | re.MULTILINE),
    "budget": re.compile(r"^(?:Förslag till |Mål och )?budget\b|^.{0,80}\bbudgetförslag\b", re.IGNORECASE | re.MULTILINE),
}
# What readers call each kind, in Swedish and English ("promemorian", "the memo"): a question
# naming a document by its kind uses these words.
# The one who puts a paper of a kind ("interpellanten Jan Jönsson" is the interpellation's author).
KIND_AUTHORS = {"interpellation": "interpellant interpellanten", "motion": "motionär motionären"}
KIND_NAMES = {
    "interpellation": "interpellation interpellationen",
    "tjänsteutlåtande": "tjänsteutlåtande tjänsteutlåtandet utlåtande svar report reply",
    "promemoria": "promemoria promemorian pm memo memorandum",
    "motion": "motion motionen",
    "skrivelse": "skrivelse skrivelsen letter",
    "protokoll": "protokoll protokollet minutes",
    "budget": "budget budgeten",
}
KIND_NAMES = {kind: f"{names} {KIND_AUTHORS.get(kind, '')}".strip() for kind, names in KIND_NAMES.items()}
# "Dnr KS 2020/1050", "Dnr: 1.5.1-123/2024", "Diarienummer SN 2024/45"
_DNR = re.compile(r"\b(?:Dnr|Diarienummer|Diarienr)\.?:?\s*([A-ZÅÄÖ]{0,6}\s?[\d.:-]*\d+/\d{2,4}(?:[:.-]\d+)?)",
                  re.IGNORECASE)
# The addressee or owner of a municipal paper: "Hägersten-Älvsjö stadsdelsnämnd", "Kommunstyrelsen".
_COMMITTEE = re.compile(
    r"^(?:Till[ \t]*\n\s*)?((?:[A-ZÅÄÖ][\w-]*[ \t]+){0,3}[\w-]*(?:nämnd|nämnden|styrelse|styrelsen)|"
    r"Kommunfullmäktige|Regionfullmäktige|Borgarrådsberedningen)[ \t]*$", re.MULTILINE)
_ARTICLE_QUOTE = re.compile(r"^–\s.+\bsäger\b", re.MULTILINE)
_LABEL_LINE = re.compile(r"^(?:Handläggare|Telefon|Till|Från|Datum|Dnr|Diarienummer|Bilaga)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """Why a field has its value: a span of the text, or a curator's reason."""

    start: int | None = None
    end: int | None = None
    quote: str | None = None
    curated: str | None = None

    @classmethod
    def span(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start=start, end=end, quote=text[start:end])


@dataclass(frozen=True)
class MetaField:
    value: Any
    evidence: Evidence


@dataclass
class DocumentMetadata:
    title: MetaField | None = None
    kind: MetaField | None = None
    date: MetaField | None = None
    authors: MetaField | None = None
    parties: MetaField | None = None
    dnr: MetaField | None = None        # diarienummer
    committee: MetaField | None = None  # nämnd or styrelse the paper is addressed to or comes from
    handler: MetaField | None = None    # handläggare
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("title", "kind", "date", "authors", "parties", "dnr", "committee", "handler")

    def value(self, name: str, default: Any = None) -> Any:
        found = getattr(self, name)
        return default if found is None else found.value

    def to_dict(self) -> dict[str, Any]:
        # (By hand rather than ``dataclasses.asdict``, whose recursion cost a few milliseconds
        # an answer: every passage shown carries its document's metadata.)
        out: dict[str, Any] = {"extra": dict(self.extra)}
        for name in self.FIELDS:
            found = getattr(self, name)
            if found is None:
                out[name] = None
                continue
            value = list(found.value) if isinstance(found.value, (list, tuple)) else found.value
            evidence = found.evidence
            out[name] = {"value": value, "evidence": {"start": evidence.start, "end": evidence.end,
                                                      "quote": evidence.quote, "curated": evidence.curated}}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMetadata:
        meta = cls(extra=dict(data.get("extra") or {}))
        for name in cls.FIELDS:
            raw = data.get(name)
            if raw:
                setattr(meta, name, MetaField(raw["value"], Evidence(**raw["evidence"])))
        return meta


def _opening(text: str, limit: int = 1200) -> int:
    return min(len(text), limit)


def extract_title(text: str) -> MetaField | None:
    """The first line that reads like a title: a few words, not a label or a reference."""
    pos = 0
    for line in text[: _opening(text, 2000)].split("\n"):
        stripped = line.strip()
        start = pos + (len(line) - len(line.lstrip()))
        pos += len(line) + 1
        if not stripped or _LABEL_LINE.match(stripped) or "Dnr" in stripped:
            continue
        if len(stripped.split()) < 3 or len(stripped) > 200 or stripped.endswith(".") or re.fullmatch(r"[\d\s:./-]+", stripped):
            continue
        return MetaField(stripped, Evidence.span(text, start, start + len(stripped)))
    return None


def extract_kind(text: str) -> MetaField | None:
    head_end = _opening(text, 600)
    for kind, pattern in KINDS.items():
        match = pattern.search(text, 0, head_end)
        if match:
            return MetaField(kind, Evidence.span(text, match.start(), match.end()))
    match = _ARTICLE_QUOTE.search(text)
    if match:
        return MetaField("artikel", Evidence.span(text, match.start(), match.end()))
    return None


def _iso(year: str, month: int, day: str) -> str:
    return f"{int(year):04d}-{month:02d}-{int(day):02d}"


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """ISO dates found in ``text[start:end]`` as (YYYY-MM-DD, start, end)."""
    end = len(text) if end is None else end
    found = [(m.group(0), m.start(), m.end()) for m in ISO_DATE.finditer(text, start, end)]
    for m in SWEDISH_DATE.finditer(text, start, end):
        found.append((_iso(m.group(3), MONTHS[m.group(2).lower()], m.group(1)), m.start(), m.end()))
    return sorted(found, key=lambda item: item[1])


def extract_date(text: str) -> MetaField | None:
    """The document's own date: one in its opening, else a "Stockholm den ..." signature."""
    opening = find_dates(text, 0, _opening(text, 600))
    if opening:
        value, start, end = opening[0]
        return MetaField(value, Evidence.span(text, start, end))
    signed = re.search(r"Stockholm\s+den\s+", text)
    if signed:
        dates = find_dates(text, signed.start(), min(len(text), signed.end() + 40))
        if dates:
            value, _start, end = dates[0]
            return MetaField(value, Evidence.span(text, signed.start(), end))
    return None


def title_case(name: str) -> str:
    """A name written in capitals as the text writes names ("ANNA KÖNIG JERLMYR": "Anna König Jerlmyr")."""
    return " ".join(part.capitalize() for part in name.lower().split())


# What joins the names of an upper-case signature ("ANNA KÖNIG JERLMYR OCH JAN JÖNSSON").
SIGNATURE_JOIN = re.compile(r"[ \u00a0]+(?:OCH|SAMT|AND)[ \u00a0]+|,[ \u00a0]*")


def extract_authors(text: str) -> MetaField | None:
    """Named authors: the interpellant or submitter, the handläggare, or the signature."""
    match = _AUTHOR_WITH_PARTY.search(text, 0, _opening(text, 1500))
    if match:
        return MetaField([match.group(1)], Evidence.span(text, match.start(), match.end()))
    match = _HANDLAGGARE.search(text, 0, _opening(text, 600))
    if match:
        return MetaField([match.group(1)], Evidence.span(text, match.start(), match.end()))
    return _upper_case_signature(text)


# "Detta dokument har godkänts digitalt av följande personer:" above rows such as
# "Lee Orberson, stadsdelsdirektör<TAB>2024-09-10" (a "Namn<TAB>Datum" header may come first).
_APPROVED_BY = re.compile(r"\b(?:godkänts|undertecknats|signerats|attesterats|justerats)\s+(?:digitalt\s+|elektroniskt\s+)?"
                          r"av\s+följande\s+personer?\s*:?[ \t]*\n", re.IGNORECASE)
_SIGNER_ROW = re.compile(r"[ \t]*(" + _NAME + r")\s*,\s*[^\t\n]+?(?:\t[^\n]*)?$")


def signatories(text: str) -> MetaField | None:
    """Who signed or approved the paper: the rows under "… har godkänts digitalt av följande
    personer", else the upper-case signature under "<Ort> den <datum>". The evidence spans
    the names as written."""
    approved = _APPROVED_BY.search(text)
    if approved is not None:
        names: list[str] = []
        first = last = None
        position = approved.end()
        for line in text[approved.end():].split("\n"):
            row = _SIGNER_ROW.match(line)
            if row is not None:
                names.append(row.group(1))
                first = position + row.start(1) if first is None else first
                last = position + len(line.rstrip())
            elif line.strip() and names:
                break
            position += len(line) + 1
        if first is not None and last is not None:  # a row was read
            return MetaField(names, Evidence.span(text, first, last))
    return _upper_case_signature(text)


def _upper_case_signature(text: str) -> MetaField | None:
    """The names of an upper-case signature ("ANNA KÖNIG JERLMYR OCH JAN JÖNSSON"), title-cased."""
    match = _SIGNATURE.search(text)
    if match is None:
        return None
    names = [title_case(n) for n in SIGNATURE_JOIN.split(match.group(1)) if n.strip()]
    return MetaField(names, Evidence.span(text, match.start(1), match.end(1)))


def extract_dnr(text: str) -> MetaField | None:
    match = _DNR.search(text, 0, _opening(text, 1500))
    if match:
        return MetaField(" ".join(match.group(1).split()), Evidence.span(text, match.start(), match.end()))
    return None


def extract_committee(text: str) -> MetaField | None:
    match = _COMMITTEE.search(text, 0, _opening(text, 800))
    if match:
        return MetaField(match.group(1).strip(), Evidence.span(text, match.start(1), match.end(1)))
    return None


def extract_handler(text: str) -> MetaField | None:
    match = _HANDLAGGARE.search(text, 0, _opening(text, 800))
    if match:
        return MetaField(match.group(1), Evidence.span(text, match.start(), match.end()))
    return None


def extract_parties(text: str, authors: MetaField | None) -> MetaField | None:
    """The parties behind the document: the author's party, or the submitting parties."""
    if authors is not None and authors.evidence.start is not None:
        mentions = find_parties(text, authors.evidence.start, authors.evidence.end)
        if mentions:
            parties = list(dict.fromkeys(m.party for m in mentions))
            return MetaField(parties, authors.evidence)
    match = _SUBMITTED_BY.search(text, 0, _opening(text, 1200))
    if match:
        parties = list(dict.fromkeys(m.party for m in find_parties(text, match.start(1), match.end(1))))
        if parties:
            return MetaField(parties, Evidence.span(text, match.start(), match.end()))
    return None


def parse_author_field(value: str) -> tuple[list[str], list[str]]:
    """Split a structured author field like "Per Gahrton (mp)" into names and parties."""
    names, parties = [], []
    for part in re.split(r"\s*(?:;|,|\boch\b)\s*", value):
        match = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", part)
        name = (match.group(1) if match else part).strip()
        if name:
            names.append(name)
        party = canonical_party(match.group(2)) if match else None
        if party and party not in parties:
            parties.append(party)
    return names, parties


def extract_metadata(text: str, title: str | None = None, fields: dict[str, Any] | None = None) -> DocumentMetadata:
    """Metadata for one document. ``title`` and ``fields`` come from structured input (JSONL)."""
    fields = dict(fields or {})
    meta = DocumentMetadata()
    if title:
        position = text.find(title)
        meta.title = MetaField(
            title,
            Evidence.span(text, position, position + len(title)) if position >= 0
            else Evidence(curated="title field of the source record"),
        )
    else:
        meta.title = extract_title(text)
    meta.kind = extract_kind(text)
    meta.date = extract_date(text)
    meta.authors = extract_authors(text)
    meta.parties = extract_parties(text, meta.authors)
    meta.dnr = extract_dnr(text)
    meta.committee = extract_committee(text)
    meta.handler = extract_handler(text)

    author_field = fields.pop("author", None) or fields.pop("authors", None)
    if isinstance(author_field, str) and author_field.strip() and meta.authors is None:
        names, parties = parse_author_field(author_field)
        reason = "author field of the source record"
        meta.authors = MetaField(names, Evidence(curated=reason))
        if parties and meta.parties is None:
            meta.parties = MetaField(parties, Evidence(curated=reason))
    for key in ("date", "date_sent", "datum"):
        value = fields.get(key)
        if meta.date is None and isinstance(value, str) and ISO_DATE.match(value):
            meta.date = MetaField(value[:10], Evidence(curated=f"{key} field of the source record"))
    kind_field = fields.get("kind") or fields.get("doktyp")
    if meta.kind is None and isinstance(kind_field, str):
        meta.kind = MetaField(kind_field, Evidence(curated="kind field of the source record"))
    meta.extra = fields
    return meta
