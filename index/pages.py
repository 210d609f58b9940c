"""Paged documents (PDF, scanned pages) as one text, with the page and on-page box of every character.

A reader gives each page as lines of characters, every character with its box on the page
(or none, for characters the reader made up). ``assemble`` drops running headers, footers
and page numbers, joins words hyphenated at line ends and lines wrapped inside a paragraph,
and returns the text Källa stores together with where each page starts in it and, per page,
the boxes of the stored characters. Offsets into that text are what citations use.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom left)


@dataclass
class Line:
    chars: list[str]
    boxes: list[Box | None]

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def _real(self) -> list[Box]:
        return [b for b in self.boxes if b is not None]

    @property
    def baseline(self) -> float:
        real = self._real()
        return statistics.median(b[1] for b in real) if real else 0.0

    @property
    def height(self) -> float:
        real = self._real()
        return statistics.median(b[3] - b[1] for b in real) if real else 0.0

    @property
    def right(self) -> float:
        real = self._real()
        return max(b[2] for b in real) if real else 0.0

    @property
    def left(self) -> float:
        real = self._real()
        return min(b[0] for b in real) if real else 0.0

    def strip(self) -> Line:
        start, end = 0, len(self.chars)
        while start < end and self.chars[start].isspace():
            start += 1
        while end > start and self.chars[end - 1].isspace():
            end -= 1
        return Line(self.chars[start:end], self.boxes[start:end])


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    ocr: bool = False
    paragraph_breaks: set[int] = field(default_factory=set)  # line indexes a reader knows start a paragraph


@dataclass(frozen=True)
class PageLayout:
    """The boxes of one page's stored characters: ``offsets[i]`` of the document text has
    ``boxes[i]`` (left, bottom, right, top in points)."""

    page: int
    width: float
    height: float
    ocr: bool
    offsets: np.ndarray  # int32
    boxes: np.ndarray    # float32, shape (n, 4)

    def boxes_between(self, start: int, end: int) -> np.ndarray:
        lo = int(np.searchsorted(self.offsets, start, side="left"))
        hi = int(np.searchsorted(self.offsets, end, side="left"))
        return self.boxes[lo:hi]


@dataclass
class Assembled:
    text: str
    page_starts: list[int]
    layouts: list[PageLayout]
    dropped: list[str]  # header and footer lines left out, one of each


# "Sida 2 (5)", "Sida 2 av 5", "2 (5)", "- 2 -", "2/5", "Page 2 of 5", "2"
PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid\.?|s\.|page)\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:(?:\(|av\s+|of\s+|/)\s*\d{1,4}\)?)?$",
    re.IGNORECASE)
EDGE_LINES = 3             # a running header or footer is among the first or last lines of a page
REPEAT_SHARE = 0.6         # ... and its text (digits aside) recurs on this share of the pages
MAX_RUNNING_CHARS = 160    # running headers are short
PARAGRAPH_GAP = 1.35       # a baseline step this many times the usual one starts a paragraph
SHORT_LINE = 0.8           # a line ending before this share of the text width ends its paragraph
_CONTINUATION_WORDS = {"och", "eller", "samt", "som", "till", "respektive", "resp", "and", "or"}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _running_lines(pages: list[PageText]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers, footers and page numbers."""
    edges: dict[tuple[int, int], str] = {}
    for p, page in enumerate(pages):
        n = len(page.lines)
        for i in set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n)):
            edges[(p, i)] = page.lines[i].text
    counts = Counter()
    for p, page in enumerate(pages):
        counts.update({_shape(text) for (q, _), text in edges.items() if q == p})
    running = set()
    least = max(2, REPEAT_SHARE * len(pages))
    for where, text in edges.items():
        shape = _shape(text)
        if not shape:
            continue
        if PAGE_NUMBER.match(text.strip()) or (
                len(pages) > 1 and counts[shape] >= least and len(text) <= MAX_RUNNING_CHARS):
            running.add(where)
    # Only an unbroken run of edge lines from the top or bottom counts (not a line in the middle).
    kept = set()
    for p, page in enumerate(pages):
        n = len(page.lines)
        i = 0
        while i < n and (p, i) in running:
            kept.add((p, i))
            i += 1
        i = n - 1
        while i >= 0 and (p, i) in running:
            kept.add((p, i))
            i -= 1
    return kept


def _hyphen_join(before: str, after: str) -> str | None:
    """How a line ending in a hyphen goes on: "drop" for a word split at the line end
    ("förebyg-" + "gande"), "keep" for a compound going on ("Årsta-" + "Vantör"), None when
    the next line is a new word ("barn-" + "och ungdom")."""
    if len(before) < 2 or before[-1] not in "-\u00ad" or not before[-2].isalpha():
        return None
    first = re.match(r"\w+", after)
    if not first or first.group(0).lower() in _CONTINUATION_WORDS:
        return None
    if after[0].islower() and before[-2].islower():
        return "drop"
    if after[0].isupper() or after[0].isdigit():
        return "keep"
    return None


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[int] = []
        self.boxes: list[Box] = []

    def add(self, chars: list[str], boxes: list[Box | None]) -> None:
        for char, box in zip(chars, boxes, strict=True):
            if box is not None:
                self.offsets.append(self.length)
                self.boxes.append(box)
            self.parts.append(char)
            self.length += 1

    def separator(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def ends_with(self) -> str:
        return self.parts[-1] if self.parts else ""

    def drop_last(self) -> None:
        self.parts.pop()
        self.length -= 1
        if self.offsets and self.offsets[-1] == self.length:
            self.offsets.pop()
            self.boxes.pop()

    def layout(self, page: PageText, first_box: int) -> PageLayout:
        offsets = np.asarray(self.offsets[first_box:], dtype=np.int32)
        boxes = np.asarray(self.boxes[first_box:], dtype=np.float32).reshape(-1, 4)
        return PageLayout(page.number, page.width, page.height, page.ocr, offsets, boxes)


def _usual_step(lines: list[Line]) -> float:
    steps = [a.baseline - b.baseline for a, b in zip(lines, lines[1:]) if 0 < a.baseline - b.baseline < 4 * max(a.height, 1)]
    # The step inside a paragraph is the smallest common one (paragraph gaps and headings are larger).
    return sorted(steps)[len(steps) // 4] if steps else 0.0


def assemble(pages: list[PageText]) -> Assembled:
    running = _running_lines(pages)
    out = _Builder()
    page_starts: list[int] = []
    layouts: list[PageLayout] = []
    dropped: dict[str, None] = {}
    last_line: Line | None = None
    for p, page in enumerate(pages):
        lines = []
        breaks = set()
        for i, line in enumerate(page.lines):
            if (p, i) in running:
                dropped.setdefault(" ".join(line.text.split()), None)
                continue
            stripped = line.strip()
            if stripped.chars:
                if i in page.paragraph_breaks:
                    breaks.add(len(lines))
                lines.append(stripped)
        step = _usual_step(lines)
        width = max((ln.right for ln in lines), default=0.0)
        left = min((ln.left for ln in lines), default=0.0)
        first_box = len(out.boxes)
        page_start = None
        for i, line in enumerate(lines):
            if last_line is not None:
                previous_text = out.ends_with()
                if i == 0:  # across a page break: a paragraph goes on when the sentence does
                    same_paragraph = not previous_text.rstrip().endswith((".", ":", "!", "?", "”", '"')) \
                        and line.text[:1].islower()
                else:
                    gap = last_line.baseline - line.baseline
                    same_paragraph = (i not in breaks and step > 0 and 0 < gap <= PARAGRAPH_GAP * step
                                      and last_line.right >= left + SHORT_LINE * (width - left))
                    if page.ocr and i not in breaks and step <= 0:
                        same_paragraph = True
                join = _hyphen_join("".join(out.parts[-2:]), line.text) if same_paragraph or i == 0 else None
                if join == "drop":
                    out.drop_last()
                elif join == "keep":
                    pass
                elif same_paragraph:
                    out.separator(" ")
                else:
                    new_paragraph = i == 0 or i in breaks or (step > 0 and last_line.baseline - line.baseline > PARAGRAPH_GAP * step)
                    out.separator("\n\n" if new_paragraph else "\n")
            if page_start is None:
                page_start = out.length
            out.add(line.chars, line.boxes)
            last_line = line
        page_starts.append(out.length if page_start is None else page_start)
        layouts.append(out.layout(page, first_box))
    return Assembled("".join(out.parts), page_starts, layouts, list(dropped))


def page_of(page_starts: list[int] | tuple[int, ...], offset: int) -> int | None:
    """The 1-based page holding ``offset``; None for a document without pages."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))
