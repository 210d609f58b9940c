"""Run by test_resume.py as a separate process, then killed with SIGKILL mid-indexing.

    python -m tests.index_worker DATA_DIR DOCS.jsonl
"""

import sys
import time
from pathlib import Path

from index import Index
from tests.fakes import BagOfStemsEmbedding


class SlowEmbedding(BagOfStemsEmbedding):
    """The bag-of-stems fake, slowed down so that the kill lands in the middle."""

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        time.sleep(0.3)
        return [self.vector(text) for text in texts]


def main() -> None:
    data_dir, docs = Path(sys.argv[1]), Path(sys.argv[2])
    index = Index(data_dir, SlowEmbedding(), embed_batch=4)

    def progress(done: int, total: int, what: str) -> None:
        if what == "vectors":
            print(f"vectors {done} {total}", flush=True)

    index.add([docs], progress=progress)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
