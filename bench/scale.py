"""Scale: index a sample of the Riksdag interpellations (or all 15,668) and measure.

    python -m bench.scale [--docs 2000] [--questions 200]     # make bench-scale
    python -m bench.scale --docs 0                             # the full corpus (hours on 2 cores)

Prints index time, tokens/s, peak RSS, index size on disk, query p50/p95, and recall@5 and
answer accuracy on questions built from the corpus metadata ("Vilket parti tillhör
ledamoten som ställde interpellationen till <minister> om <ämne>?"). Texts: Källa: Sveriges riksdag.
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
from bench.common import SHARED_DATA, percentile, table
from index.parties import canonical_party, party_name

CORPUS = SHARED_DATA / "riksdagen_interpellations.jsonl.gz"
TITLE = re.compile(r"av (?P<author>.+?) \((?P<party>[^)]+)\) till (?P<minister>.+?) om (?P<topic>.+)$")


def sample(path: Path, n: int, out: Path, seed: int = 7) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    chosen = random.Random(seed).sample(records, n) if 0 < n < len(records) else records
    with open(out, "w", encoding="utf-8") as handle:
        for record in chosen:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return chosen


def questions(records: list[dict], n: int, seed: int = 11) -> list[dict]:
    built = []
    for record in records:
        match = TITLE.search(record.get("title") or "")
        party = canonical_party(match.group("party")) if match else None
        if match and party:
            question = (f"Vilket parti tillhör ledamoten som ställde interpellationen till "
                        f"{match.group('minister')} om {match.group('topic')}?")
            built.append({"question": question, "doc_id": record["id"], "party": party})
    return random.Random(seed).sample(built, min(n, len(built)))


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000, help="documents to sample; 0 = all")
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kalla-scale-"))
    try:
        corpus = work / "sample.jsonl"
        records = sample(CORPUS, args.docs, corpus)
        assistant = Assistant.open(settings=Settings(data_dir=work / "data"))
        started = time.perf_counter()
        assistant.index([corpus])
        index_seconds = time.perf_counter() - started
        model = assistant.store.embed_model._e5()
        tokens = sum(model.token_count(f"{c.header}\n{d.text[c.start:c.end]}")
                     for d in assistant.documents() for c in assistant.store.records.chunks(d.doc_id))
        chunks = assistant.store.records.chunk_count()
        asked = questions(records, args.questions)
        latencies, found, correct = [], 0, 0
        for item in asked:
            t0 = time.perf_counter()
            answer = assistant.ask(item["question"])
            latencies.append((time.perf_counter() - t0) * 1000)
            found += item["doc_id"] in [p.doc_id for p in answer.passages[:5]]
            correct += answer.answerable and f"({item['party']})" in answer.text and any(
                c.doc_id == item["doc_id"] for c in answer.citations)
        rows = [[len(records), chunks, round(index_seconds), round(tokens / index_seconds),
                 round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                 round(disk_size(work / "data") / 2**20), round(percentile(latencies, 50)),
                 round(percentile(latencies, 95)), found / len(asked), correct / len(asked)]]
        print(table(["docs", "chunks", "index s", "tokens/s (all work)", "peak RSS MB", "disk MB",
                     "ask p50 ms", "ask p95 ms", "recall@5", "party correct"], rows))
        print(f"\n{len(asked)} questions like: {asked[0]['question']} -> {party_name(asked[0]['party'])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
