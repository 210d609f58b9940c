"""Errors raised by indexing and storage. Each message says what to do next."""


class KallaError(Exception):
    """Base class of every error Källa raises on purpose."""


class IndexMismatchError(KallaError):
    """The index on disk was built with other settings than the ones in use."""


class CatalogError(KallaError):
    """A curated catalog file cannot be read."""


class IndexStoreError(KallaError):
    """The vector store cannot be opened (e.g. no Chroma server at the given URL)."""


class IndexBusyError(KallaError):
    """Another process is writing to the same index."""
