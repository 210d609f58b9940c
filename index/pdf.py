"""PDF files: the text layer of every page, in reading order, with character boxes; pages
without a text layer go to OCR (``index.ocr``).

pypdfium2 (Google's PDFium, the engine of Chrome's PDF viewer) was chosen: it is maintained,
ships as a wheel with no system libraries, reads damaged files as far as they go, and gives
every character with its box, which the on-page highlight needs. It also renders pages, for
OCR and for the viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from index import ocr
from index.pages import Line, PageText, assemble

# Characters PDFium makes up: U+FFFE / U+0002 mark a hyphen where it joined a word across a line end.
_PDFIUM_HYPHEN_MARKS = {"\ufffe", "\x02"}
MIN_TEXT_CHARS = 8  # a page with fewer visible characters than this has no usable text layer


@dataclass
class PdfText:
    text: str
    page_starts: list[int]
    layouts: list
    ocr_pages: list[int]
    unreadable_pages: list[tuple[int, str]]  # (page, why)
    dropped: list[str]
    title: str | None


class PdfError(Exception):
    """The file is not a PDF Källa can read (corrupt, encrypted, no pages)."""


def _page_lines(textpage: pdfium.PdfTextPage) -> list[Line]:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # one character per index, or read them one by one
        text = "".join(chr(pdfium.raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    lines: list[Line] = []
    chars: list[str] = []
    boxes: list = []

    def end_line() -> None:
        nonlocal chars, boxes
        if len(chars) >= 2 and chars[-1] == "-" and boxes[-2] is None and chars[-2].isspace():
            del chars[-2], boxes[-2]  # "socialse -": a justified line's hyphen, not a dash
        if chars:
            lines.append(Line(chars, boxes))
        chars, boxes = [], []
    for i, char in enumerate(text):
        if char == "\r" and i + 1 < count and text[i + 1] == "\n":
            continue  # PDFium ends a line with "\r\n"
        if char in "\r\n":
            end_line()
            continue
        if char in _PDFIUM_HYPHEN_MARKS:
            # A hyphen at a line end that PDFium joined to the next line: end the line here with
            # "-", and let ``assemble`` decide whether the word goes on ("brottsl-igheten").
            chars.append("-")
            boxes.append(textpage.get_charbox(i))
            end_line()
            continue
        chars.append(char)
        generated = bool(pdfium.raw.FPDFText_IsGenerated(textpage, i)) or char.isspace()
        boxes.append(None if generated else textpage.get_charbox(i))
    end_line()
    return lines


def read_pdf(path: Path, progress: Callable[[int, int], None] | None = None,
             ocr_language: str = ocr.DEFAULT_LANGUAGE) -> PdfText:
    """The stored text of a PDF; raises PdfError when the file cannot be opened at all."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise PdfError("is encrypted (password protected)") from None
        if "Success" in message:  # PDFium parsed the file but found no page tree in it
            raise PdfError("has no pages") from None
        raise PdfError(f"is not a readable PDF ({message})") from None
    try:
        total = len(document)
        if total == 0:
            raise PdfError("has no pages")
        pages: list[PageText] = []
        ocr_pages: list[int] = []
        unreadable: list[tuple[int, str]] = []
        for index in range(total):
            page = document[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    lines = _page_lines(textpage)
                finally:
                    textpage.close()
                visible = sum(1 for line in lines for c in line.text if not c.isspace())
                if visible < MIN_TEXT_CHARS:
                    try:
                        scanned = ocr.read_page(page, index + 1, width, height, ocr_language)
                    except ocr.OcrUnavailable as error:
                        unreadable.append((index + 1, f"no text layer, and {error}"))
                    else:
                        if sum(len(line.text) for line in scanned.lines) >= MIN_TEXT_CHARS:
                            pages.append(scanned)
                            ocr_pages.append(index + 1)
                            continue
                        unreadable.append((index + 1, "no text layer, and OCR found no text"))
                pages.append(PageText(index + 1, width, height, lines))
            finally:
                page.close()
            if progress:
                progress(index + 1, total)
        title = (document.get_metadata_dict().get("Title") or "").strip() or None
        if title and (title == path.stem or " " not in title):  # a file name, not a title
            title = None
    finally:
        document.close()
    assembled = assemble(pages)
    return PdfText(assembled.text, assembled.page_starts, assembled.layouts, ocr_pages, unreadable,
                   assembled.dropped, title)


def render_page(path: Path, page: int, scale: float = 1.5):
    """Page ``page`` (1-based) of the PDF at ``path`` as a PIL image."""
    document = pdfium.PdfDocument(str(path))
    try:
        handle = document[page - 1]
        try:
            return handle.render(scale=scale).to_pil()
        finally:
            handle.close()
    finally:
        document.close()
