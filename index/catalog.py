"""A curated catalog beside the documents adds or corrects metadata.

``catalog.toml`` in a folder of documents, keyed by document id::

    [documents."001_082b2fdf56f4f767".parties]
    value = ["S"]
    reason = "Why a person decided this."

Each entry replaces the extracted field, and the reason becomes its evidence.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from index.errors import CatalogError
from index.metadata import DocumentMetadata, Evidence, MetaField

CATALOG_NAME = "catalog.toml"


def load_catalog(path: Path) -> dict[str, dict[str, Any]]:
    """Entries per document id from ``path`` (a catalog file); {} when there is none."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CatalogError(f"{path}: not a valid catalog ({error}); fix the TOML and index again") from error
    documents = data.get("documents", {})
    for doc_id, entries in documents.items():
        for name, entry in entries.items():
            if name not in DocumentMetadata.FIELDS:
                raise CatalogError(f"{path}: [{doc_id}] has unknown field {name!r}; use one of {DocumentMetadata.FIELDS}")
            if not isinstance(entry, dict) or "value" not in entry or not entry.get("reason"):
                raise CatalogError(f"{path}: [{doc_id}.{name}] needs both 'value' and 'reason'")
    return documents


def apply_catalog(meta: DocumentMetadata, entries: dict[str, Any]) -> DocumentMetadata:
    for name, entry in entries.items():
        setattr(meta, name, MetaField(entry["value"], Evidence(curated=str(entry["reason"]))))
    return meta
