"""Structure-aware chunking with exact character offsets.

Blocks are paragraphs (runs of non-blank lines), bullet items and headings. A paragraph
cut by a page break (a blank line inside a sentence) is joined again. Blocks are packed
into chunks of roughly ``min_words``–``max_words`` words; a heading starts a new chunk
when the current one is long enough; a block longer than ``max_words`` is split at
sentence boundaries. Every chunk is the exact slice ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text import BULLET, continues_clause, split_sentences, word_count

MIN_WORDS = 60
MAX_WORDS = 250


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    words: int
    heading: bool


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def _raw_blocks(text: str) -> list[tuple[int, int]]:
    """Runs of non-blank lines; each bullet line starts a block of its own."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _line_spans(text):
        if not text[start:end].strip():
            if current:
                blocks.append(current)
                current = None
            continue
        if current and BULLET.match(text, start, end):
            blocks.append(current)
            current = None
        current = (current[0], end) if current else (start, end)
    if current:
        blocks.append(current)
    return blocks


def _is_heading(text: str, start: int, end: int) -> bool:
    body = text[start:end].strip()
    return "\n" not in body and word_count(body) <= 12 and not re.search(r"[.!?:;,]$", body) and not BULLET.match(body)


def _blocks(text: str) -> list[_Block]:
    merged: list[tuple[int, int]] = []
    for block in _raw_blocks(text):
        if merged and continues_clause(text, merged[-1], block):
            merged[-1] = (merged[-1][0], block[1])
        else:
            merged.append(block)
    return [_Block(s, e, word_count(text[s:e]), _is_heading(text, s, e)) for s, e in merged]


def _split_long(text: str, block: _Block, max_words: int) -> list[_Block]:
    """Pieces of a long block, cut between sentences, each at most ``max_words`` when possible."""
    pieces: list[_Block] = []
    start = block.start
    count = 0
    last_end = block.start
    for s_start, s_end in split_sentences(text, block.start, block.end):
        words = word_count(text[s_start:s_end])
        if count and count + words > max_words:
            pieces.append(_Block(start, last_end, count, False))
            # The next piece starts where this one ended (past blanks), so that a list marker
            # the sentence spans leave out ("1." before "1. a") stays inside a chunk.
            start, count = last_end, 0
            while start < s_start and text[start].isspace():
                start += 1
        count += words
        last_end = s_end
    pieces.append(_Block(start, block.end, count, False))
    return pieces


def chunk_document(text: str, doc_id: str, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Chunks of ``text`` in reading order, with stable ids ``{doc_id}#{position}``."""
    units: list[_Block] = []
    for block in _blocks(text):
        units.extend(_split_long(text, block, max_words) if block.words > max_words else [block])

    groups: list[list[_Block]] = []
    current: list[_Block] = []
    count = 0
    for unit in units:
        too_big = count + unit.words > max_words
        new_section = unit.heading and count >= min_words
        if current and (too_big or new_section) and count >= min_words // 2:
            carried = []
            while current and current[-1].heading:  # a heading belongs with what follows it
                carried.insert(0, current.pop())
            if current:
                groups.append(current)
            current = carried
            count = sum(b.words for b in current)
        current.append(unit)
        count += unit.words
    if current:
        if groups and count < min_words // 2 and sum(b.words for b in groups[-1]) + count <= max_words * 1.2:
            groups[-1].extend(current)
        else:
            groups.append(current)

    return [
        Chunk(f"{doc_id}#{position}", doc_id, position, group[0].start, group[-1].end)
        for position, group in enumerate(groups)
    ]
