"""Reading documents from files, folders and JSON Lines.

A text file's ``doc_id`` is its file stem and its text is exactly what
``open(path, encoding="utf-8").read()`` returns; a JSONL record's ``doc_id`` is its ``id``
and its text is its ``text`` field, unchanged. Citations are offsets into these texts.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
import re
import unicodedata
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


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


def discover(paths: Iterable[str | Path], report: Report) -> list[tuple[Path, Path]]:
    """Files to read under ``paths`` with the folder each was found from, folders
    recursively, in a stable order."""
    found: dict[Path, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                inside = sorted(p for p in path.rglob("*") if p.is_file() and (_is_text(p) or _is_jsonl(p)))
            except OSError as error:
                report(LoadProblem(str(path), f"cannot be listed ({error.strerror or error})"))
                continue
            for file in inside:
                found.setdefault(file, path)
        elif path.is_file():
            if _is_text(path) or _is_jsonl(path):
                found.setdefault(path, path.parent)
            else:
                report(LoadProblem(str(path), "not a .txt, .md, .jsonl or .jsonl.gz file"))
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


def load_documents(paths: Iterable[str | Path], report: Report) -> Iterator[SourceDocument]:
    """Every readable document under ``paths``; problems go to ``report``, never raise."""
    for path, root in discover(paths, report):
        if _is_jsonl(path):
            yield from read_jsonl(path, report)
            continue
        text = read_text_file(path, report)
        if text is not None:
            try:
                relative = path.relative_to(root).as_posix()
            except ValueError:
                relative = path.name
            yield SourceDocument(path.stem, text, str(path), catalog_dir=path.parent, alternate_id=relative)
