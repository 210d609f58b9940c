"""Choose the list answers' numbers on calibration questions; report them on held-out ones.

    python -m bench.tune_lists
    python -m bench.tune_lists --other-document
    python -m bench.tune_lists --duplicates
    python -m bench.tune_lists --unproposed

Grid over ``ListSettings.relative_floor``, ``mmr_lambda`` and ``dense_margin``; objective:
mean share of the points covered by the list questions of ``tests/eval/calibration.jsonl``
(with a list answer's citations all in the expected documents). The held-out list questions
of ``tests/eval/heldout.jsonl`` are only printed for the current and the chosen values.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace

from assistant import Assistant, Settings
from assistant.evaluation import ask_item, coverage, load_questions
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


# ``--other-document`` / ``--duplicates``: one setting gridded on the list questions of
# calibration.jsonl and heldout-heldout9 (read in earlier sessions, so calibration data here),
# and only reported on the list questions written later (held out).
LATER_GRIDS = {
    "--other-document": ("other_document_floor", [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
    "--duplicates": ("duplicate_similarity", [0.91, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99]),
    "--unproposed": ("unproposed_share", [0.2, 0.35, 0.5, 0.65, 0.8, 1.0]),
}
LATER_CALIBRATION = ["calibration", "heldout"] + [f"heldout{n}" for n in range(2, 10)]
LATER_HELDOUT = [f"heldout{n}" for n in range(10, 16)]


def ask_all(assistant: Assistant, items: list[dict]) -> tuple[float, float]:
    """Mean points covered and the share of citations in the expected documents."""
    covered, cited, precise = 0.0, 0, 0
    for item in items:
        answer = ask_item(assistant, item)
        covered += coverage(item, answer)
        cited += len(answer.citations)
        precise += sum(c.doc_id in item["doc_ids"] for c in answer.citations)
    return covered / len(items), precise / max(cited, 1)


def later_grid(assistant: Assistant, name: str, values: list[float]) -> None:
    calibration = [i for set_name in LATER_CALIBRATION for i in list_items(set_name)]
    heldout = [i for set_name in LATER_HELDOUT for i in list_items(set_name)]
    base = assistant.answerer.settings
    rows = []
    for value in values:
        assistant.answerer.settings = replace(base, lists=replace(base.lists, **{name: value}))
        rows.append([value, *ask_all(assistant, calibration), *ask_all(assistant, heldout)])
    assistant.answerer.settings = base
    print(table([name, f"calibration covered ({len(calibration)} lists)", "calibration precision",
                 f"held-out covered ({len(heldout)} lists)", "held-out precision"], rows))


def main() -> None:
    assistant = Assistant.open(settings=Settings(data_dir=CACHE / "seeds-calibration"))
    assistant.ensure_seeded()
    for flag in sys.argv[1:]:
        if flag in LATER_GRIDS:
            later_grid(assistant, *LATER_GRIDS[flag])
            return
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
