"""Errors Källa raises on purpose; each message says what to do next."""

from index.errors import CatalogError, IndexMismatchError, KallaError


class QuestionError(KallaError, ValueError):
    """The question cannot be asked (empty, too long, not text)."""


class DocumentNotFoundError(KallaError, KeyError):
    """No indexed document has this id."""


__all__ = [
    "CatalogError",
    "DocumentNotFoundError",
    "IndexMismatchError",
    "KallaError",
    "QuestionError",
]
