"""Choose the list answers' numbers on calibration questions; report them on held-out ones.

    python -m bench.tune_lists

Grid over ``ListSettings.relative_floor``, ``mmr_lambda`` and ``dense_margin``; objective:
mean share of the points covered by the list questions of ``tests/eval/calibration.jsonl``
(with a list answer's citations all in the expected documents). The held-out list questions
of ``tests/eval/heldout.jsonl`` are only printed for the current and the chosen values.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from assistant import Assistant, Settings
from assistant.evaluation import coverage, load_questions
from bench.common import CACHE, ROOT, table

GRID = {
    "relative_floor": [0.25, 0.4, 0.55, 0.7],
    "mmr_lambda": [0.5, 0.7, 0.85],
    "dense_margin": [0.04, 0.08, 0.12, 0.16],
}


def list_items(name: str) -> list[dict]:
    return [item for item in load_questions(ROOT / "tests" / "eval" / f"{name}.jsonl") if item.get("points")]


def mean_coverage(assistant: Assistant, items: list[dict]) -> float:
    total = 0.0
    for item in items:
        answer = assistant.ask(item["question"])
        if all(c.doc_id in item["doc_ids"] for c in answer.citations):
            total += coverage(item, answer)
    return total / len(items)


def main() -> None:
    assistant = Assistant.open(settings=Settings(data_dir=CACHE / "seeds-calibration"))
    assistant.ensure_seeded()
    calibration, heldout = list_items("calibration"), list_items("heldout")
    base = assistant.answerer.settings
    best, best_value = base.lists, -1.0
    for values in itertools.product(*GRID.values()):
        candidate = replace(base.lists, **dict(zip(GRID, values, strict=True)))
        assistant.answerer.settings = replace(base, lists=candidate)
        value = mean_coverage(assistant, calibration)
        if value > best_value + 1e-9:
            best, best_value = candidate, value
    rows = []
    for label, lists in (("current (assistant/tuning.py)", base.lists), ("grid choice", best)):
        assistant.answerer.settings = replace(base, lists=lists)
        rows.append([label, mean_coverage(assistant, calibration), mean_coverage(assistant, heldout)])
    print(table(["list settings", f"calibration ({len(calibration)} lists)", f"held out ({len(heldout)} lists)"], rows))
    print("\ngrid choice:", {k: getattr(best, k) for k in GRID})


if __name__ == "__main__":
    main()
