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
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom left)


class Line:
    """One line of a page: its text, and per character a box (NaN for made-up characters),
    kept as one array so that a 500-page PDF stays small in memory."""

    __slots__ = ("text", "boxes", "_cached")

    def __init__(self, chars: list[str] | str, boxes: list[Box | None] | np.ndarray):
        self.text = chars if isinstance(chars, str) else "".join(chars)
        if isinstance(boxes, np.ndarray):
            self.boxes = boxes
        else:
            self.boxes = np.array([b if b is not None else (np.nan,) * 4 for b in boxes], dtype=np.float32).reshape(-1, 4)

    def _metrics(self) -> tuple[float, float, float, float]:
        """(baseline, height, left, right), computed once."""
        found = getattr(self, "_cached", None)
        if found is None:
            real = self.boxes[~np.isnan(self.boxes[:, 0])].tolist()
            if real:
                bottoms = sorted(b[1] for b in real)
                heights = sorted(b[3] - b[1] for b in real)
                found = (bottoms[len(bottoms) // 2], heights[len(heights) // 2],
                         min(b[0] for b in real), max(b[2] for b in real))
            else:
                found = (0.0, 0.0, 0.0, 0.0)
            self._cached = found
        return found

    @property
    def baseline(self) -> float:
        return self._metrics()[0]

    @property
    def height(self) -> float:
        return self._metrics()[1]

    @property
    def left(self) -> float:
        return self._metrics()[2]

    @property
    def right(self) -> float:
        return self._metrics()[3]

    def strip(self) -> Line:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        if end <= start:
            return Line("", self.boxes[:0])
        return Line(self.text[start:end], self.boxes[start:end])


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
    counts: Counter[str] = Counter()  # on how many pages each edge text (digits aside) stands
    for p, page in enumerate(pages):
        n = len(page.lines)
        on_page = set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n))
        for i in on_page:
            edges[(p, i)] = page.lines[i].text
        counts.update({_shape(page.lines[i].text) for i in on_page})
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
    """The stored text as it grows, with the offsets and boxes of its real characters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[np.ndarray] = []
        self.boxes: list[np.ndarray] = []
        self.page_offsets: list[np.ndarray] = []
        self.page_boxes: list[np.ndarray] = []

    def add(self, line: Line) -> None:
        real = ~np.isnan(line.boxes[:, 0])
        self.page_offsets.append((np.nonzero(real)[0] + self.length).astype(np.int32))
        self.page_boxes.append(line.boxes[real])
        self.parts.append(line.text)
        self.length += len(line.text)

    def separator(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def tail(self, n: int) -> str:
        text = ""
        for part in reversed(self.parts):
            text = part + text
            if len(text) >= n:
                break
        return text[-n:]

    def drop_last(self) -> None:
        """Remove the last character (a line-end hyphen), with its box."""
        self.parts[-1] = self.parts[-1][:-1]
        self.length -= 1
        for offsets, boxes in ((self.page_offsets, self.page_boxes), (self.offsets, self.boxes)):
            if offsets and len(offsets[-1]) and offsets[-1][-1] == self.length:
                offsets[-1] = offsets[-1][:-1]
                boxes[-1] = boxes[-1][:-1]
                return

    def layout(self, page: PageText) -> PageLayout:
        offsets = np.concatenate(self.page_offsets) if self.page_offsets else np.zeros(0, dtype=np.int32)
        boxes = np.concatenate(self.page_boxes) if self.page_boxes else np.zeros((0, 4), dtype=np.float32)
        self.offsets.append(offsets)
        self.boxes.append(boxes)
        self.page_offsets, self.page_boxes = [], []
        return PageLayout(page.number, page.width, page.height, page.ocr, offsets, boxes.astype(np.float32))


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
            if stripped.text:
                if i in page.paragraph_breaks:
                    breaks.add(len(lines))
                lines.append(stripped)
        step = _usual_step(lines)
        width = max((ln.right for ln in lines), default=0.0)
        left = min((ln.left for ln in lines), default=0.0)
        page_start = None
        for i, line in enumerate(lines):
            if last_line is not None:
                previous_text = out.tail(2)
                if i == 0:  # across a page break: a paragraph goes on when the sentence does
                    same_paragraph = not previous_text.rstrip().endswith((".", ":", "!", "?", "”", '"')) \
                        and line.text[:1].islower()
                else:
                    gap = last_line.baseline - line.baseline
                    same_paragraph = (i not in breaks and step > 0 and 0 < gap <= PARAGRAPH_GAP * step
                                      and last_line.right >= left + SHORT_LINE * (width - left))
                    if page.ocr and i not in breaks and step <= 0:
                        same_paragraph = True
                join = _hyphen_join(out.tail(2), line.text) if same_paragraph or i == 0 else None
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
            out.add(line)
            last_line = line
        page_starts.append(out.length if page_start is None else page_start)
        layouts.append(out.layout(page))
    return Assembled("".join(out.parts), page_starts, layouts, list(dropped))


def page_of(page_starts: list[int] | tuple[int, ...], offset: int) -> int | None:
    """The 1-based page holding ``offset``; None for a document without pages."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))
