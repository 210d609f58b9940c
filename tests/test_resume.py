"""Killing `index` with SIGKILL and running it again loses nothing and duplicates nothing."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from index import Index
from tests.conftest import ROOT
from tests.fakes import BagOfStemsEmbedding

DISTRICTS = ["Farsta", "Skarpnäck", "Älvsjö", "Fruängen", "Solberga", "Västertorp", "Liljeholmen", "Rinkeby"]


def _corpus(path: Path, n: int = 48) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            place = DISTRICTS[i % len(DISTRICTS)]
            text = f"Interpellation {i} om {place}\n\nFrågan gäller trygghet i {place} och ärende nummer {i}."
            handle.write(json.dumps({"id": f"doc-{i:03d}", "title": f"Ärende {i}", "text": text}, ensure_ascii=False) + "\n")


def _consistent(index: Index, n: int) -> None:
    doc_ids = index.records.doc_ids()
    assert len(doc_ids) == n and index.records.pending() == []
    chunk_ids = {c.chunk_id for doc_id in doc_ids for c in index.records.chunks(doc_id)}
    assert index.vectors.ids() == chunk_ids  # nothing lost, nothing extra
    assert index.vectors.count() == len(chunk_ids) == index.records.chunk_count() == len(index.sparse)


def test_sigkill_during_embedding_then_rerun(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    _corpus(docs)
    data = tmp_path / "data"
    worker = subprocess.Popen([sys.executable, "-m", "tests.index_worker", str(data), str(docs)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ})
    embedded = 0
    for line in worker.stdout:
        if line.startswith("vectors"):
            embedded, total = map(int, line.split()[1:])
            if embedded >= 12:
                break
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    assert 12 <= embedded < total, "the kill must land while vectors are being stored"

    interrupted = Index(data, BagOfStemsEmbedding())
    assert interrupted.records.pending(), "the killed run left documents pending"
    assert interrupted.vectors.count() < interrupted.records.chunk_count()
    # All text is searchable by keyword already, also documents whose vectors are missing.
    pending = interrupted.records.pending()[-1]
    hits = interrupted.sparse_search(f"ärende nummer {pending.split('-')[1].lstrip('0')}", 48)
    assert pending in {chunk_id.split("#")[0] for chunk_id, _ in hits}
    interrupted.records.close()

    resumed = Index(data, BagOfStemsEmbedding())
    report = resumed.add([docs])
    assert report.added == [] and report.unchanged and report.updated  # nothing re-read as new
    _consistent(resumed, 48)
    again = resumed.add([docs])
    assert sorted(again.unchanged) == [f"doc-{i:03d}" for i in range(48)]
    _consistent(resumed, 48)
