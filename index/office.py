"""Word (.docx) and OpenDocument text (.odt): paragraphs, headings, list items and tables, in
the order they stand in the body (running headers and footers are not part of it).

Both formats are zip files of XML, read with the standard library: a paragraph is a line of
its own followed by a blank line, as in the plain-text documents; a list item starts with
"- "; a table row is one line with its cells joined by " | ".
"""

from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

MAX_XML_BYTES = 200 * 1024 * 1024  # an unpacked body larger than this is a zip bomb, not a council paper
_SOFT_HYPHEN = "\u00ad"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class OfficeError(Exception):
    """The file is not a Word or OpenDocument text Källa can read."""


def _member(path: Path, name: str, required: bool = True) -> ET.Element | None:
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(name)
            except KeyError:
                if required:
                    raise OfficeError(f"is a zip file without {name}: not a {path.suffix.lstrip('.')} document") from None
                return None
            if info.file_size > MAX_XML_BYTES:
                raise OfficeError(f"{name} unpacks to {info.file_size // 2**20} MB; too large")
            data = archive.read(info)
    except zipfile.BadZipFile:
        raise OfficeError("is not a zip file, so not a Word or OpenDocument file") from None
    except (OSError, RuntimeError) as error:  # RuntimeError: encrypted member
        raise OfficeError(f"cannot be unpacked ({error})") from None
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise OfficeError(f"{name} is not well-formed XML ({error})") from None


def _joined(blocks: list[str]) -> str:
    cleaned = [re.sub(r"[ \t]+", " ", block.replace(_SOFT_HYPHEN, "")).strip() for block in blocks]
    return "\n\n".join(block for block in cleaned if block)


def _title(root: ET.Element | None, tag: str) -> str | None:
    if root is None:
        return None
    found = root.find(f".//{tag}")
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


# ---- Word ---------------------------------------------------------------------------------

def _docx_runs(element: ET.Element) -> str:
    out = []
    for node in element.iter():
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif node.tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _docx_paragraph(paragraph: ET.Element) -> str:
    text = _docx_runs(paragraph)
    listed = paragraph.find(f"{W}pPr/{W}numPr") is not None
    return f"- {text.strip()}" if listed and text.strip() else text


def _docx_table(table: ET.Element) -> str:
    rows = []
    for row in table.iter(f"{W}tr"):
        cells = [" ".join(_docx_runs(p).strip() for p in cell.iter(f"{W}p")).strip() for cell in row.findall(f"{W}tc")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def read_docx(path: Path) -> tuple[str, str | None]:
    """(text, title from the document properties)."""
    root = _member(path, "word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        raise OfficeError("word/document.xml has no body")
    blocks = []
    for child in body:
        if child.tag == f"{W}p":
            blocks.append(_docx_paragraph(child))
        elif child.tag == f"{W}tbl":
            blocks.append(_docx_table(child))
        elif child.tag == f"{W}sdt":  # content controls wrap ordinary paragraphs
            for paragraph in child.iter(f"{W}p"):
                blocks.append(_docx_paragraph(paragraph))
    return _joined(blocks), _title(_member(path, "docProps/core.xml", required=False), f"{DC}title")


# ---- OpenDocument -------------------------------------------------------------------------

def _odt_inline(element: ET.Element) -> str:
    out = [element.text or ""]
    for child in element:
        if child.tag == f"{TEXT}s":
            out.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif child.tag == f"{TEXT}tab":
            out.append("\t")
        elif child.tag == f"{TEXT}line-break":
            out.append("\n")
        elif child.tag in (f"{TEXT}note", f"{OFFICE}annotation", f"{TEXT}soft-page-break"):
            pass
        else:
            out.append(_odt_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _odt_blocks(container: ET.Element, blocks: list[str], in_list: bool = False) -> None:
    for child in container:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            text = _odt_inline(child)
            blocks.append(f"- {text.strip()}" if in_list and text.strip() else text)
        elif child.tag == f"{TEXT}list":
            for item in child:
                _odt_blocks(item, blocks, in_list=True)
        elif child.tag == f"{TABLE}table":
            rows = []
            for row in child.iter(f"{TABLE}table-row"):
                cells = [" ".join(_odt_inline(p).strip() for p in cell.iter(f"{TEXT}p")).strip()
                         for cell in row.findall(f"{TABLE}table-cell")]
                if any(cells):
                    rows.append(" | ".join(cells))
            blocks.append("\n".join(rows))
        elif child.tag in (f"{TEXT}section", f"{TEXT}list-item", f"{TEXT}list-header"):
            _odt_blocks(child, blocks, in_list)


def read_odt(path: Path) -> tuple[str, str | None]:
    root = _member(path, "content.xml")
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise OfficeError("content.xml has no text body (a spreadsheet or presentation?)")
    blocks: list[str] = []
    _odt_blocks(body, blocks)
    return _joined(blocks), _title(_member(path, "meta.xml", required=False), f"{DC}title")
