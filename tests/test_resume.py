"""Killing `index` with SIGKILL and running it again loses nothing and duplicates nothing."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

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


def test_crash_between_the_steps_of_an_update_and_a_delete_is_recovered(tmp_path: Path) -> None:
    """A crash at each step boundary of update and delete (the process stops right there)
    leaves an index that the next run completes: no document done without its vectors, no
    stale vectors of an earlier version."""
    docs = tmp_path / "docs.jsonl"
    _corpus(docs, n=6)
    data = tmp_path / "data"
    index = Index(data, BagOfStemsEmbedding())
    index.add([docs])
    _consistent(index, 6)

    # Update: the new version is stored (pending) and the process dies before any vector work.
    long_text = "Interpellation 0 om Farsta\n\n" + "\n\n".join(
        f"Stycke {i} om trygghet, belysning och nattvandring i Farsta centrum och runt stationen." * 3 for i in range(12))
    docs.write_text(docs.read_text(encoding="utf-8").replace(
        json.loads(docs.read_text(encoding="utf-8").splitlines()[0])["text"].replace("\n", "\\n"),
        long_text.replace("\n", "\\n")), encoding="utf-8")
    from index.documents import load_documents
    from index.metadata import extract_metadata
    from index.store import content_hash

    changed = next(d for d in load_documents([docs], lambda p: None) if d.doc_id == "doc-000")
    meta = extract_metadata(changed.text, changed.title, changed.fields)
    index._store_text(changed, meta, content_hash(changed, meta))  # then: crash
    index.records.close()

    resumed = Index(data, BagOfStemsEmbedding())
    assert resumed.records.pending() == ["doc-000"]
    report = resumed.add([docs])
    assert report.updated == ["doc-000"]
    _consistent(resumed, 6)

    # Delete, with a crash injected at each of its steps in turn: the index is whole before
    # and after, and the next delete finishes the job.
    class Crash(Exception):
        pass

    def crashing(*args, **kwargs):
        raise Crash

    for step in ("records", "vectors"):
        store = resumed.records if step == "records" else resumed.vectors
        original = store.delete if step == "records" else store.delete_document
        setattr(store, "delete" if step == "records" else "delete_document", crashing)
        try:
            resumed.delete("doc-001")
        except Crash:
            pass
        setattr(store, "delete" if step == "records" else "delete_document", original)
        documents = resumed.records.doc_ids()
        assert all(resumed.records.content_hash(d)[1] == "done" for d in documents)
        # No document is "done" without its vectors (a rerun would call it unchanged forever).
        chunk_ids = {c.chunk_id for d in documents for c in resumed.records.chunks(d)}
        assert chunk_ids <= resumed.vectors.ids()
    resumed.delete("doc-001")
    _consistent(resumed, 5)


def test_a_second_writer_waits_with_a_message_then_refuses_clearly(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    _corpus(docs, n=2)
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from filelock import FileLock; "
         "lock = FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); time.sleep(60)",
         str(data / "write.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        env = {**os.environ, "KALLA_DATA_DIR": str(data), "KALLA_LOCK_TIMEOUT": "1"}
        second = subprocess.run([sys.executable, "-m", "assistant", "index", str(docs)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert second.returncode == 2 and "Traceback" not in second.stderr
    assert "waiting up to 1 s" in second.stderr
    assert "still writing to the index" in second.stderr


def test_check_finds_every_kind_of_damage_and_repair_mends_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    _corpus(docs, n=6)
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    index.add([docs])
    assert index.check().clean
    index.vectors.delete_document("doc-002")                 # done, but its vectors are gone
    index.records.mark_pending("doc-003")                    # left pending
    index.vectors.upsert(["ghost#0"], ["ghost"], np.ones((1, 256), dtype=np.float32))  # no record
    orphaned = len(index.records.chunks("doc-005"))
    index.records.delete("doc-005")                          # its vectors orphaned, keyword index stale
    found = index.check()
    assert found.missing_vectors == ["doc-002"] and found.pending == ["doc-003"]
    assert found.stale_vectors == 1 + orphaned and found.keyword_index_stale and not found.clean
    index.repair()
    assert index.check().clean
    _consistent(index, 5)


def test_index_start_mends_documents_done_without_vectors(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    _corpus(docs, n=4)
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    index.add([docs])
    index.vectors.delete_document("doc-001")  # as a crash in the old order of a delete left it
    report = index.add([docs])
    assert sorted(report.unchanged) == ["doc-000", "doc-001", "doc-002", "doc-003"]
    _consistent(index, 4)


class _Crash(Exception):
    """Stands for the process dying at that point."""


STEPS = [("records", "put_pending"), ("vectors", "delete_document"), ("vectors", "upsert"),
         ("records", "mark_done"), ("index", "rebuild_sparse")]


@pytest.mark.parametrize("owner, step", STEPS, ids=[f"{o}.{s}" for o, s in STEPS])
@pytest.mark.parametrize("change", ["add", "update"])
def test_a_crash_at_any_step_of_add_or_update_is_finished_by_the_next_run(
        tmp_path: Path, owner: str, step: str, change: str) -> None:
    docs = tmp_path / "docs.jsonl"
    _corpus(docs, n=4)
    data = tmp_path / "data"
    index = Index(data, BagOfStemsEmbedding())
    if change == "update":
        index.add([docs])
        lines = docs.read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[1])
        record["text"] += "\n\nEtt nytt stycke om belysning i parken. " * 30
        lines[1] = json.dumps(record, ensure_ascii=False)
        docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = index if owner == "index" else getattr(index, owner)

    def crash(*args, **kwargs):
        raise _Crash(step)

    setattr(target, step, crash)
    with pytest.raises(_Crash):
        index.add([docs])
    index.records.close()

    rerun = Index(data, BagOfStemsEmbedding())
    rerun.add([docs])
    _consistent(rerun, 4)
    assert rerun.check().clean
    assert rerun.document("doc-001").text == json.loads(docs.read_text(encoding="utf-8").splitlines()[1])["text"]
