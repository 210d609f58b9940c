"""Källa's settings: read once at the edge (CLI, UI) and passed down."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KALLA_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir("kalla")),
        description="Where the index lives (KALLA_DATA_DIR).",
    )
    seeds_dir: Path = Field(
        default=PROJECT_ROOT / "seeds",
        description="Documents indexed on first use when the data dir holds no index.",
    )
    fusion: str = Field(default="weighted", description="How dense and BM25 results are fused: weighted, rrf, dense or sparse.")
    dense_weight: float = Field(default=0.7, ge=0.0, le=1.0,
                                description="Share of the dense score in the weighted fusion (BM25 gets the rest).")
    rerank: bool = Field(default=True, description="Rerank the fused passages by their best-matching sentence (KALLA_RERANK).")
    passages: int = Field(default=8, ge=1, le=50, description="Passages returned with each answer.")
    host: str = Field(default="127.0.0.1", description="Address the web app binds (KALLA_HOST).")
    port: int = Field(default=7860, description="Port of the web app (KALLA_PORT).")
    auth: str | None = Field(default=None, description="user:password to require a login in the web app (KALLA_AUTH).")
    llm: str | None = Field(default=None, description="Language model backend: ollama, openai-like or llamacpp (KALLA_LLM); none = extractive.")
    llm_url: str | None = Field(default=None, description="Server URL of the language model (KALLA_LLM_URL).")
    llm_model: str | None = Field(default=None, description="Model name, or a GGUF path for llamacpp (KALLA_LLM_MODEL).")
    llm_timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for the language model (KALLA_LLM_TIMEOUT).")
    chroma_url: str | None = Field(default=None, description="A Chroma server (http://host:port) instead of the embedded store (KALLA_CHROMA_URL).")
    lock_timeout: float = Field(default=600.0, ge=0, description="Seconds a second writer waits for the index's write lock (KALLA_LOCK_TIMEOUT).")
    embed_batch: int = Field(default=128, ge=1, description="Chunks embedded per batch while indexing (KALLA_EMBED_BATCH).")
    gc_freeze: bool = Field(default=True, description=(
        "Move the objects of opening (libraries, encoder, index) out of the garbage collector's full "
        "passes (KALLA_GC_FREEZE): each such pass over them took about 100 ms of a random answer "
        "(bench.latency, Riksdag index, session 13). A process-wide setting: off for embedding Källa "
        "in a process that manages its own collector."))
    sentence_vectors: bool = Field(default=True, description=(
        "Embed every sentence at index time, so that answering embeds only the question "
        "(KALLA_SENTENCE_VECTORS; off: indexing is about twice as fast, answers embed their candidate sentences)."))
