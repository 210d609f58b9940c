"""Reading documents from files, folders and JSON Lines.

A text file's ``doc_id`` is its file stem and its text is exactly what
``open(path, encoding="utf-8").read()`` returns; a JSONL record's ``doc_id`` is its ``id``
and its text is its ``text`` field, unchanged. PDF, Word, OpenDocument and HTML files are
read into text (``index.pdf``, ``index.office``, ``index.web``): that extracted text is what
Källa stores and what citation offsets point into. Citations are offsets into these texts.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
import re
import unicodedata
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
PDF_SUFFIXES = (".pdf",)
OFFICE_SUFFIXES = (".docx", ".odt")
HTML_SUFFIXES = (".html", ".htm")
FILE_SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES + OFFICE_SUFFIXES + HTML_SUFFIXES
PageProgress = Callable[[str, int, int], None]
"""Called as on_page(source, pages_done, pages_total) while a PDF is read."""


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    text: str
    source: str
    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    catalog_dir: Path | None = None
    alternate_id: str | None = None  # a file's path under the folder it was indexed from, for
    #                                  when its stem is already another document's id
    page_starts: tuple[int, ...] = ()  # PDFs: the offset where each page's text starts
    layouts: tuple = ()                # PDFs: ``index.pages.PageLayout`` per page (boxes of characters)
    original: Path | None = None       # a file the viewer renders pages from (PDFs)
    file_digest: str | None = None     # PDFs: sha256 of the file (with the reader's version)


@dataclass(frozen=True)
class UnchangedFile:
    """A file indexed before with these very bytes: it is not read again (a scanned PDF's OCR
    takes seconds a page)."""

    doc_id: str
    source: str


Known = Callable[[Path, str], "str | None"]
"""known(path, file_digest) -> the id the file is indexed under when its bytes are unchanged."""

PDF_READER_VERSION = "pdf-1"  # part of a PDF's digest: a new reader reads every PDF again


def file_digest(path: Path, salt: str) -> str:
    digest = hashlib.sha256(salt.encode())
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class LoadProblem:
    """A file or record that was skipped, or read with a warning."""

    source: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{'skipped' if self.skipped else 'warning'}: {self.source}: {self.message}"


Report = Callable[[LoadProblem], None]


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def _is_readable(path: Path) -> bool:
    return path.suffix.lower() in FILE_SUFFIXES or _is_jsonl(path)


def discover(paths: Iterable[str | Path], report: Report) -> list[tuple[Path, Path]]:
    """Files to read under ``paths`` with the folder each was found from, folders
    recursively, in a stable order."""
    found: dict[Path, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                inside = sorted(p for p in path.rglob("*") if p.is_file() and _is_readable(p))
            except OSError as error:
                report(LoadProblem(str(path), f"cannot be listed ({error.strerror or error})"))
                continue
            for file in inside:
                found.setdefault(file, path)
        elif path.is_file():
            if _is_readable(path):
                found.setdefault(path, path.parent)
            else:
                report(LoadProblem(str(path), "not a file Källa reads (.txt, .md, .pdf, .docx, .odt, "
                                              ".html, .jsonl, .jsonl.gz)"))
        else:
            report(LoadProblem(str(path), "no such file or folder"))
    return list(found.items())


def read_text_file(path: Path, report: Report) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        report(LoadProblem(str(path), f"cannot be read ({error.strerror or error})"))
        return None
    bom = next((encoding for mark, encoding in _BOMS if raw.startswith(mark)), None)
    if bom is not None and bom.startswith("utf-16"):
        try:
            text = raw.decode(bom)
        except UnicodeDecodeError:
            report(LoadProblem(str(path), "starts with a UTF-16 byte order mark but is not UTF-16"))
            return None
        report(LoadProblem(str(path), "UTF-16 text; indexed as its decoded text", skipped=False))
        return text if text.strip() else None
    if b"\x00" in raw[:8192]:
        report(LoadProblem(str(path), "looks binary (NUL bytes), not text"))
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        with open(path, encoding="cp1252", errors="replace") as handle:
            text = handle.read()
        report(LoadProblem(str(path), "not UTF-8; read as Windows-1252 (cp1252)", skipped=False))
    if not text.strip():
        report(LoadProblem(str(path), "is empty"))
        return None
    if _looks_binary(text):
        report(LoadProblem(str(path), "looks binary (control characters), not text"))
        return None
    return text


BINARY_CONTROL_SHARE = 0.01  # text has tabs and line breaks, hardly ever other control characters


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls > BINARY_CONTROL_SHARE * len(sample)


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig"))


def without_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every unpaired surrogate (valid JSON, not valid Unicode text) replaced by
    U+FFFD, and how many there were. Offsets do not move: one character for one."""
    return _LONE_SURROGATE.subn("\ufffd", text)


def _read_jsonl_lines(path: Path, report: Report) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError:
                    report(LoadProblem(f"{path}:{number}", "not UTF-8; read as Windows-1252 (cp1252)", skipped=False))
                    yield number, raw.decode("cp1252", errors="replace")
    except (OSError, EOFError) as error:
        report(LoadProblem(str(path), f"cannot be read to the end ({error})"))


def read_jsonl(path: Path, report: Report) -> Iterator[SourceDocument]:
    seen: set[str] = set()
    for number, line in _read_jsonl_lines(path, report):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            report(LoadProblem(where, f"not valid JSON ({error.msg})"))
            continue
        if not isinstance(record, dict):
            report(LoadProblem(where, "not a JSON object"))
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            report(LoadProblem(where, "has no 'text'"))
            continue
        text, replaced = without_lone_surrogates(text)
        if replaced:
            report(LoadProblem(where, f"{replaced} unpaired surrogate(s) in 'text' replaced by U+FFFD", skipped=False))
        raw_id = record.get("id")
        doc_id = without_lone_surrogates(str(raw_id))[0] if raw_id not in (None, "") else f"{path.name.split('.')[0]}-{number}"
        title = record.get("title") if isinstance(record.get("title"), str) else None
        title = without_lone_surrogates(title)[0] if title else None
        if doc_id in seen:
            # Two records with one id: both are kept, the later one under a readable new id.
            renamed = f"{doc_id}~{number}"
            report(LoadProblem(where, f"id {doc_id!r} already used in this file; indexed as {renamed!r}", skipped=False))
            doc_id = renamed
        seen.add(doc_id)
        fields = {
            key: value for key, value in record.items()
            if key not in ("id", "text", "title") and isinstance(value, (str, int, float, bool))
        }
        yield SourceDocument(doc_id, text, f"{path}#{doc_id}", title, fields, path.parent)


def read_pdf_file(path: Path, report: Report, on_page: PageProgress | None = None,
                  known: Known | None = None) -> SourceDocument | UnchangedFile | None:
    from index.pdf import PdfError, read_pdf

    try:
        digest = file_digest(path, PDF_READER_VERSION)
    except OSError as error:
        report(LoadProblem(str(path), f"cannot be read ({error.strerror or error})"))
        return None
    if known is not None:
        doc_id = known(path, digest)
        if doc_id is not None:
            return UnchangedFile(doc_id, str(path))

    try:
        found = read_pdf(path, (lambda done, total: on_page(str(path), done, total)) if on_page else None)
    except PdfError as error:
        report(LoadProblem(str(path), str(error)))
        return None
    except Exception as error:  # noqa: BLE001 - a damaged file must not stop the run
        report(LoadProblem(str(path), f"cannot be read as a PDF ({type(error).__name__}: {error})"))
        return None
    for page, why in found.unreadable_pages:
        report(LoadProblem(f"{path} page {page}", f"left out: {why}"))
    if not found.text.strip():
        report(LoadProblem(str(path), "has no text on any page"))
        return None
    fields: dict[str, Any] = {"format": "pdf", "page_count": len(found.page_starts)}
    if found.ocr_pages:
        fields["ocr_pages"] = found.ocr_pages
        report(LoadProblem(str(path), f"page(s) {', '.join(map(str, found.ocr_pages))} read by OCR", skipped=False))
    return SourceDocument(path.stem, found.text, str(path), found.title, fields, page_starts=tuple(found.page_starts),
                          layouts=tuple(found.layouts), original=path, file_digest=digest)


def read_office_file(path: Path, report: Report) -> SourceDocument | None:
    from index.office import OfficeError, read_docx, read_odt

    reader = read_docx if path.suffix.lower() == ".docx" else read_odt
    try:
        text, title = reader(path)
    except OfficeError as error:
        report(LoadProblem(str(path), str(error)))
        return None
    if not text.strip():
        report(LoadProblem(str(path), "has no text"))
        return None
    return SourceDocument(path.stem, text, str(path), title, {"format": path.suffix.lower().lstrip(".")})


def read_html_file(path: Path, report: Report) -> SourceDocument | None:
    from index.web import read_html

    try:
        raw = path.read_bytes()
    except OSError as error:
        report(LoadProblem(str(path), f"cannot be read ({error.strerror or error})"))
        return None
    page = read_html(raw)
    if page is None or not page.text.strip():
        report(LoadProblem(str(path), "has no main text (navigation and boilerplate only?)"))
        return None
    fields: dict[str, Any] = {"format": "html"}
    if page.date:
        fields["date"] = page.date
    return SourceDocument(path.stem, page.text, str(path), page.title, fields)


def _read_file(path: Path, report: Report, on_page: PageProgress | None,
               known: Known | None = None) -> SourceDocument | UnchangedFile | None:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return read_pdf_file(path, report, on_page, known)
    if suffix in OFFICE_SUFFIXES:
        return read_office_file(path, report)
    if suffix in HTML_SUFFIXES:
        return read_html_file(path, report)
    text = read_text_file(path, report)
    return None if text is None else SourceDocument(path.stem, text, str(path))


def load_documents(paths: Iterable[str | Path], report: Report, on_page: PageProgress | None = None,
                   known: Known | None = None) -> Iterator[SourceDocument | UnchangedFile]:
    """Every readable document under ``paths``; problems go to ``report``, never raise. With
    ``known``, a PDF whose bytes are already indexed comes back as ``UnchangedFile``."""
    for path, root in discover(paths, report):
        if _is_jsonl(path):
            yield from read_jsonl(path, report)
            continue
        document = _read_file(path, report, on_page, known)
        if isinstance(document, UnchangedFile):
            yield document
        elif document is not None:
            try:
                relative = path.relative_to(root).as_posix()
            except ValueError:
                relative = path.name
            yield replace(document, catalog_dir=path.parent, alternate_id=relative)
