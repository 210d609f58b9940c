"""What an index was built with. Opening it with other settings is refused."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from index.errors import IndexMismatchError

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    embedding_model: str
    min_words: int
    max_words: int
    format_version: int = FORMAT_VERSION

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MANIFEST_NAME).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        path = folder / MANIFEST_NAME
        if not path.exists():
            return None
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    def check(self, folder: Path) -> None:
        """Write the manifest into a new index, or raise if ``folder`` holds an index built otherwise."""
        found = Manifest.read(folder)
        if found is None:
            self.write(folder)
            return
        if found != self:
            differences = ", ".join(
                f"{key}: index has {value!r}, settings say {getattr(self, key)!r}"
                for key, value in asdict(found).items() if getattr(self, key) != value
            )
            raise IndexMismatchError(
                f"The index in {folder} was built with other settings ({differences}). "
                f"Re-index: delete {folder} (or pass another --data-dir) and run "
                f"`assistant index PATH...` again."
            )
