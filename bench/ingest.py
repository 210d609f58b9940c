"""Text-phase throughput: one large file beside many small files of the same total size.

    python -m bench.ingest [--mb 20]

Reading, metadata, speaker attribution, chunking, storing and the BM25 rebuild (the phase
after which keyword search covers the new text; embedding is measured by bench.embedding).
Texts: Riksdag interpellations (Källa: Sveriges riksdag), joined into one file of ``--mb``
MB, and the same text as files of about 100 kB. The two rates should be within 1.5x: no
step may grow faster than the size of a document.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from bench.common import SHARED_DATA, table, timer
from index import FastE5Embedding, Index


def riksdag_text(megabytes: float) -> list[str]:
    wanted = int(megabytes * 1024 * 1024)
    texts, size = [], 0
    with gzip.open(SHARED_DATA / "riksdagen_interpellations.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= wanted:
                break
    return texts


def rate(folder: Path, data: Path) -> tuple[float, float, int]:
    size = sum(p.stat().st_size for p in folder.iterdir()) / (1024 * 1024)
    index = Index(data, FastE5Embedding())
    with timer() as elapsed:
        index.add([folder], embed=False)
    return size, size / elapsed(), index.records.chunk_count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    texts = riksdag_text(args.mb)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        one, many = root / "one", root / "many"
        one.mkdir()
        many.mkdir()
        (one / "all.txt").write_text("\n\n".join(texts), encoding="utf-8")
        batch, size, n = [], 0, 0
        for text in texts:
            batch.append(text)
            size += len(text.encode("utf-8"))
            if size >= 100 * 1024:
                (many / f"part-{n:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
                batch, size, n = [], 0, n + 1
        if batch:
            (many / f"part-{n:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
        for label, folder in (("one file", one), (f"{len(list(many.iterdir()))} files", many)):
            megabytes, per_second, chunks = rate(folder, root / f"data-{folder.name}")
            rows.append([label, f"{megabytes:.1f}", chunks, f"{per_second:.2f}"])
    print("Text phase (read, metadata, speakers, chunks, store, BM25), 2 cores")
    print(table(["input", "MB", "chunks", "MB/s"], rows))


if __name__ == "__main__":
    main()
