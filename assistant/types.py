"""What Källa returns: plain data, no formatting. The CLI and the UI format it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """An exact span of a document: ``document_text[start:end] == quote``."""

    n: int
    doc_id: str
    source: str
    title: str
    quote: str
    start: int
    end: int
    speaker: str | None = None        # who says the quoted span: "Reservation (S, V)", "Andréa Hedin (M)"
    parties: tuple[str, ...] = ()     # the speaker's parties
    page: int | None = None           # 1-based page of the quote's start (PDFs); None without pages
    ocr: bool = False                 # the quote was read by OCR from a scanned page: check it on the page

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["parties"] = list(self.parties)
        return data


@dataclass(frozen=True)
class AnswerItem:
    """One point of an answer (a fact, a listed point, a role) with the citations that support it."""

    text: str
    citations: tuple[int, ...]
    speaker: str | None = None
    parties: tuple[str, ...] = ()

    @property
    def party(self) -> str | None:
        return ", ".join(self.parties) or None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "party": self.party, "speaker": self.speaker,
                "citations": list(self.citations)}


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, ranked by the fused retrieval score."""

    doc_id: str
    source: str
    title: str
    text: str
    score: float
    chunk_id: str = ""
    start: int = 0
    end: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "source": self.source, "title": self.title,
                "text": self.text, "score": round(self.score, 6)}

    def to_search_dict(self) -> dict[str, Any]:
        """A search hit for agents: the passage with its offsets (``text == document[start:end]``)."""
        return {**self.to_dict(), "start": self.start, "end": self.end, "page": self.page}


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    language: str = "sv"
    short_answer: str | None = None
    unsupported: list[str] = field(default_factory=list)  # generated sentences no passage supports
    notice: str | None = None  # e.g. the language model was unreachable and the answer is extractive
    shape: str = "none"        # factoid | list | who | conflict | open | generated | none
    items: list[AnswerItem] = field(default_factory=list)
    subject: str | None = None  # who-is: the person (with party); list: the party asked about
    note: str | None = None     # e.g. why a curated party applies

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``assistant ask --json`` (and the UI's /ask endpoint).
        ``unsupported`` and ``notice`` appear only when they say something."""
        data: dict[str, Any] = {
            "question": self.question,
            "answer": self.text,
            "answerable": self.answerable,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "shape": self.shape,
            "items": [item.to_dict() for item in self.items],
        }
        if self.unsupported:
            data["unsupported"] = list(self.unsupported)
        if self.notice:
            data["notice"] = self.notice
        return data


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to documents whose metadata matches every given field."""

    parties: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    doc_ids: tuple[str, ...] = ()  # only these documents

    @classmethod
    def coerce(cls, value: Filters | dict[str, Any] | None) -> Filters | None:
        if value is None or isinstance(value, Filters):
            return value
        def as_tuple(raw: Any) -> tuple[str, ...]:
            if raw is None:
                return ()
            return (raw,) if isinstance(raw, str) else tuple(raw)
        return cls(
            parties=as_tuple(value.get("parties") or value.get("party")),
            kinds=as_tuple(value.get("kinds") or value.get("kind")),
            date_from=value.get("date_from"),
            date_to=value.get("date_to"),
            doc_ids=as_tuple(value.get("doc_ids") or value.get("doc_id")),
        )

    def is_empty(self) -> bool:
        return not (self.parties or self.kinds or self.date_from or self.date_to or self.doc_ids)


@dataclass(frozen=True)
class PageView:
    """One page of a PDF as an image, with the boxes (in the image's pixels: left, top,
    right, bottom) of the characters between ``start`` and ``end`` to highlight."""

    doc_id: str
    page: int
    page_count: int
    image: Any                       # PIL.Image.Image
    boxes: list[tuple[float, float, float, float]]
    ocr: bool = False
    start: int | None = None
    end: int | None = None
