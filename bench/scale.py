"""Scale: index a sample of the Riksdag interpellations and all 15,668 of them, and measure.

    python -m bench.scale                     # make bench-scale: 2,000 documents, then all
    python -m bench.scale --docs 2000         # only the sample (about 10 minutes on 2 cores)
    python -m bench.scale --docs 0 --reuse    # ask again on the kept full index (make bench)

The full-corpus index is kept in bench/.cache/riksdag-all (rebuilt from scratch unless
--reuse), so that later runs can measure query latency on it without an hour of indexing.

Prints, one row per corpus size: index time, tokens/s, peak RSS, index size on disk, query
p50/p95, and recall@5 and answer accuracy on questions built from the corpus metadata
("Vilket parti tillhör ledamoten som ställde interpellationen till <minister> om <ämne>?"):
the party right, and the party right with the asked document cited (members often filed
several interpellations with the same title to the same minister; citing another of those
is counted as a miss there).
Peak RSS is the process's high-water mark so far, so a later row includes the earlier ones'.
Texts: Källa: Sveriges riksdag.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

from assistant import Assistant, Settings
from bench.common import CACHE, SHARED_DATA, percentile, table
from index.parties import canonical_party, party_name

CORPUS = SHARED_DATA / "riksdagen_interpellations.jsonl.gz"
KEPT = CACHE / "riksdag-all"
TITLE = re.compile(r"av (?P<author>.+?) \((?P<party>[^)]+)\) till (?P<minister>.+?) om (?P<topic>.+)$")


def corpus_lines():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        yield from handle


def sample(n: int, out: Path, seed: int = 7) -> list[dict]:
    """Write ``n`` random documents (0 = all) to ``out``; returns their id and title only,
    streaming so that the benchmark itself holds no corpus in memory."""
    total = sum(1 for _ in corpus_lines())
    chosen = set(random.Random(seed).sample(range(total), n)) if 0 < n < total else set(range(total))
    kept = []
    with open(out, "w", encoding="utf-8") as handle:
        for position, line in enumerate(corpus_lines()):
            if position in chosen:
                handle.write(line)
                record = json.loads(line)
                kept.append({"id": record["id"], "title": record.get("title") or ""})
    return kept


def questions(records: list[dict], n: int, seed: int = 11) -> list[dict]:
    built = []
    for record in records:
        match = TITLE.search(record["title"])
        party = canonical_party(match.group("party")) if match else None
        if match and party:
            question = (f"Vilket parti tillhör ledamoten som ställde interpellationen till "
                        f"{match.group('minister')} om {match.group('topic')}?")
            built.append({"question": question, "doc_id": record["id"], "party": party})
    return random.Random(seed).sample(built, min(n, len(built)))


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(docs: int, n_questions: int, data_dir: Path, reuse: bool) -> list:
    corpus = data_dir.parent / f"{data_dir.name}-sample.jsonl"
    records = sample(docs, corpus)
    if not reuse:
        shutil.rmtree(data_dir, ignore_errors=True)
    assistant = Assistant.open(settings=Settings(data_dir=data_dir))
    index_seconds = float("nan")
    if not reuse or assistant.store.is_empty() or assistant.store.records.pending():
        started = time.perf_counter()
        assistant.index([corpus])
        index_seconds = time.perf_counter() - started
    corpus.unlink()
    model = assistant.store.embed_model._e5()
    tokens = sum(model.token_count(f"{c.header}\n{d.text[c.start:c.end]}")
                 for d in assistant.documents() for c in assistant.store.records.chunks(d.doc_id))
    chunks = assistant.store.records.chunk_count()
    asked = questions(records, n_questions)
    assistant.ask(asked[0]["question"])  # models loaded before timing
    latencies, found, party, cited = [], 0, 0, 0
    for item in asked:
        t0 = time.perf_counter()
        answer = assistant.ask(item["question"])
        latencies.append((time.perf_counter() - t0) * 1000)
        found += item["doc_id"] in [p.doc_id for p in answer.passages[:5]]
        right = answer.answerable and f"({item['party']})" in answer.text
        party += right
        cited += right and any(c.doc_id == item["doc_id"] for c in answer.citations)
    print(f"{len(asked)} questions like: {asked[0]['question']} -> {party_name(asked[0]['party'])}",
          flush=True)
    indexed = index_seconds == index_seconds  # not NaN: this run indexed
    return [len(records), chunks, round(index_seconds) if indexed else "kept",
            round(tokens / index_seconds) if indexed else "-", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            round(disk_size(data_dir) / 2**20), round(percentile(latencies, 50)),
            round(percentile(latencies, 95)), found / len(asked), party / len(asked), cited / len(asked)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 0],
                        help="corpus sizes to measure, one row each; 0 = all 15,668")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--data-dir", type=Path, help="keep the index here (one size only)")
    parser.add_argument("--reuse", action="store_true",
                        help="ask on the kept index; index only what it lacks")
    args = parser.parse_args()
    if args.data_dir and len(args.docs) != 1:
        parser.error("--data-dir takes one --docs size")
    work = Path(tempfile.mkdtemp(prefix="kalla-scale-"))
    headers = ["docs", "chunks", "index s", "tokens/s (all work)", "peak RSS MB", "disk MB",
               "ask p50 ms", "ask p95 ms", "recall@5", "party right", "... citing that document"]
    rows = []
    try:
        for docs in args.docs:
            data_dir = args.data_dir or (KEPT if docs == 0 else work / f"data-{docs}")
            data_dir.parent.mkdir(parents=True, exist_ok=True)
            rows.append(measure(docs, args.questions, data_dir, args.reuse))
            print(table(headers, rows), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
