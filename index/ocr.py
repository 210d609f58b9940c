"""OCR of scanned pages with Tesseract (Debian: ``tesseract-ocr``, ``tesseract-ocr-swe``).

A page is rendered at ``OCR_DPI``, Tesseract reads it with the Swedish model and gives words
with their boxes; the words become ``Line``s whose characters share their word's box evenly,
in PDF points, so that a quote from a scanned page is highlighted like one from a text page.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from index.pages import Line, PageText

DEFAULT_LANGUAGE = "swe"
OCR_DPI = 300          # Tesseract's documented sweet spot for body text
OCR_TIMEOUT_S = 300    # one page; a hung Tesseract is reported, not waited for forever
MIN_CONFIDENCE = 0     # Tesseract gives -1 for non-words (layout rows)


class OcrUnavailable(Exception):
    pass


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    if shutil.which("tesseract") is None:
        return frozenset()
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:] if line.strip())


def unavailable_reason(language: str = DEFAULT_LANGUAGE) -> str | None:
    if shutil.which("tesseract") is None:
        return "OCR is not installed (apt-get install tesseract-ocr tesseract-ocr-swe)"
    if language not in languages():
        return f"Tesseract has no '{language}' model (apt-get install tesseract-ocr-{language})"
    return None


def _lines_from_tsv(tsv: str, page_height_pt: float, dpi: int) -> tuple[list[Line], set[int]]:
    scale = 72.0 / dpi
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: list[tuple[list[str], list]] = []
    breaks: set[int] = set()
    current_key = None
    current_paragraph = None
    for row in rows:
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        if float(row.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        paragraph = (row["block_num"], row["par_num"])
        key = (*paragraph, row["line_num"])
        if key != current_key:
            if paragraph != current_paragraph:
                breaks.add(len(lines))
            lines.append(([], []))
            current_key, current_paragraph = key, paragraph
        chars, boxes = lines[-1]
        word = row["text"].strip()
        left, top = float(row["left"]), float(row["top"])
        width, height = float(row["width"]), float(row["height"])
        if chars:
            chars.append(" ")
            boxes.append(None)
        step = width / len(word)
        for k, char in enumerate(word):
            x0 = (left + k * step) * scale
            chars.append(char)
            boxes.append((x0, page_height_pt - (top + height) * scale, x0 + step * scale,
                          page_height_pt - top * scale))
    return [Line(chars, boxes) for chars, boxes in lines], breaks


def read_image(image, number: int, width_pt: float, height_pt: float, dpi: int,
               language: str = DEFAULT_LANGUAGE) -> PageText:
    """OCR of one page image (PIL); raises OcrUnavailable when Tesseract cannot run."""
    reason = unavailable_reason(language)
    if reason:
        raise OcrUnavailable(reason)
    with tempfile.TemporaryDirectory(prefix="kalla-ocr-") as tmp:
        picture = Path(tmp) / "page.png"
        image.save(picture)
        try:
            done = subprocess.run(["tesseract", str(picture), "stdout", "-l", language, "--dpi", str(dpi), "tsv"],
                                  capture_output=True, text=True, timeout=OCR_TIMEOUT_S,
                                  # One OpenMP thread: 5.6 s a page instead of 17.9 s with two
                                  # (measured on these 2-core machines, 300 dpi, Swedish model).
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except subprocess.TimeoutExpired:
            raise OcrUnavailable(f"Tesseract took more than {OCR_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise OcrUnavailable(f"Tesseract failed ({done.stderr.strip()[:200]})")
    lines, breaks = _lines_from_tsv(done.stdout, height_pt, dpi)
    return PageText(number, width_pt, height_pt, lines, ocr=True, paragraph_breaks=breaks)


def read_page(page, number: int, width_pt: float, height_pt: float,
              language: str = DEFAULT_LANGUAGE) -> PageText:
    """OCR of a PDFium page (rendered at OCR_DPI)."""
    reason = unavailable_reason(language)
    if reason:
        raise OcrUnavailable(reason)
    image = page.render(scale=OCR_DPI / 72.0, grayscale=True).to_pil()
    return read_image(image, number, width_pt, height_pt, OCR_DPI, language)
