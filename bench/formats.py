"""Indexing speed by format: the same five seed texts as .txt, PDF, DOCX, ODT and HTML, and
one scanned (OCR) page, each indexed whole (read, chunk, embed, store) in a fresh index.

    python -m bench.formats [--repeat 3]

Pages are the PDF export's pages of the same text (13 for the five seeds), so every row's
pages/s counts the same content; the .txt row is the baseline. The text phase alone
(reading and extraction, no embedding) is the second figure.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.common import ROOT, table, timer
from index import FastE5Embedding, Index
from index.documents import load_documents

FIXTURES = ROOT / "tests" / "fixtures" / "documents"


def pages_of_seeds() -> int:
    return sum(len(d.page_starts) for d in load_documents([FIXTURES / "pdf"], lambda problem: None))


def measure(folder: Path, repeat: int, embedder) -> tuple[float, float]:
    """(seconds to read the folder's documents, seconds to index them whole), best of ``repeat``."""
    read_best = whole_best = float("inf")
    for _ in range(repeat):
        with timer() as elapsed:
            list(load_documents([folder], lambda problem: None))
        read_best = min(read_best, elapsed())
        with tempfile.TemporaryDirectory() as data:
            index = Index(Path(data), embedder)
            with timer() as elapsed:
                index.add([folder])
            whole_best = min(whole_best, elapsed())
    return read_best, whole_best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    embedder = FastE5Embedding()
    seed_pages = pages_of_seeds()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        txt = Path(scratch) / "txt"
        txt.mkdir()
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, txt)
        cases = [("txt (baseline)", txt, seed_pages)] + [
            (kind, FIXTURES / kind, seed_pages) for kind in ("pdf", "docx", "odt", "html")]
        cases.append(("scanned PDF (OCR)", FIXTURES / "scanned", 1))
        for name, folder, pages in cases:
            repeat = 1 if "OCR" in name else args.repeat
            read, whole = measure(folder, repeat, embedder)
            rows.append([name, pages, f"{read:.2f}", f"{pages / read:.1f}", f"{whole:.2f}", f"{pages / whole:.2f}"])
    print(f"Indexing by format: five seed texts ({seed_pages} PDF pages) and one scanned page; best of "
          f"{args.repeat} (OCR: 1)")
    print(table(["format", "pages", "read s", "read pages/s", "index s", "index pages/s"], rows))


if __name__ == "__main__":
    main()
