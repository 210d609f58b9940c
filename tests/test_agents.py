"""Källa for programs, through real clients on a real port: the official MCP Python client over
streamable HTTP, and the official OpenAI Python client (plain and streaming); both behind
KALLA_AUTH when it is set."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import httpx2
import openai
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from assistant import Assistant
from tests.conftest import DISTRICT, PM, free_port, seed_text
from ui.server import Served, authorized, serve

AUTH = "redaktion:hemligt"
HANDLER_QUESTION = "Vem är handläggare för tjänsteutlåtandet om trygghetsskapande åtgärder?"


@pytest.fixture(scope="module")
def open_server(seed_assistant: Assistant) -> Iterator[Served]:
    served = serve(seed_assistant, port=free_port(), block=False)
    try:
        yield served
    finally:
        served.close()


@pytest.fixture(scope="module")
def locked_server(seed_assistant: Assistant) -> Iterator[Served]:
    served = serve(seed_assistant, port=free_port(), auth=AUTH, block=False)
    try:
        yield served
    finally:
        served.close()


def _leaves(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from _leaves(inner)
    else:
        yield error


async def _mcp(url: str, calls: list[tuple[str, dict]], token: str | None = None) -> tuple[list, list]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx2.AsyncClient(headers=headers, timeout=120) as http:
        async with Client(streamable_http_client(f"{url}/mcp", http_client=http)) as client:
            tools = (await client.list_tools()).tools
            results = []
            for name, arguments in calls:
                result = await client.call_tool(name, arguments)
                assert not result.is_error, result
                results.append(json.loads(result.content[0].text))
            return tools, results


def test_mcp_tools_are_listed_typed_and_return_verified_citations(open_server: Served) -> None:
    tools, (answer, found, excerpt) = asyncio.run(_mcp(open_server.url, [
        ("ask", {"question": HANDLER_QUESTION}),
        ("search", {"query": "Reservation anfördes av", "k": 3}),
        ("get_document", {"doc_id": PM, "start": 0, "end": 40}),
    ]))
    by_name = {tool.name: tool for tool in tools}
    assert set(by_name) == {"ask", "search", "get_document"}
    ask_schema = by_name["ask"].input_schema
    assert ask_schema["required"] == ["question"]
    assert ask_schema["properties"]["question"]["type"] == "string" and ask_schema["properties"]["question"]["description"]
    assert by_name["search"].input_schema["properties"]["k"]["maximum"] == 50
    assert by_name["ask"].description and "citations" in by_name["ask"].description

    assert answer["answerable"] and answer["items"][0]["text"] == "Clas Cederlid"
    cited = answer["citations"][0]
    assert cited["doc_id"] == DISTRICT
    assert seed_text(DISTRICT)[cited["start"]:cited["end"]] == cited["quote"]

    assert len(found["passages"]) == 3
    assert found["passages"][0]["doc_id"] == PM
    for passage in found["passages"]:
        assert seed_text(passage["doc_id"])[passage["start"]:passage["end"]] == passage["text"]

    assert excerpt["text"] == seed_text(PM)[0:40] and excerpt["page"] is None


def test_mcp_reports_bad_arguments_as_data(open_server: Served) -> None:
    _, (missing, bad_offsets, empty) = asyncio.run(_mcp(open_server.url, [
        ("get_document", {"doc_id": "finns-inte"}),
        ("get_document", {"doc_id": PM, "start": 10, "end": 5}),
        ("ask", {"question": "   "}),
    ]))
    assert "finns-inte" in missing["error"]
    assert "start <= end" in bad_offsets["error"]
    assert empty["error"]


def test_openai_client_gets_cited_answers_plain_and_streamed(open_server: Served) -> None:
    client = openai.OpenAI(base_url=f"{open_server.url}/v1", api_key="unused", max_retries=0)
    assert [m.id for m in client.models.list()] == ["kalla"]

    reply = client.chat.completions.create(model="kalla", messages=[{"role": "user", "content": HANDLER_QUESTION}])
    text = reply.choices[0].message.content
    assert text.startswith("Clas Cederlid [1]")
    citations = reply.model_extra["citations"]
    assert citations[0]["doc_id"] == DISTRICT
    assert seed_text(DISTRICT)[citations[0]["start"]:citations[0]["end"]] == citations[0]["quote"]

    stream = client.chat.completions.create(model="kalla", messages=[{"role": "user", "content": HANDLER_QUESTION}],
                                            stream=True)
    pieces, last = [], None
    for chunk in stream:
        pieces.append(chunk.choices[0].delta.content or "")
        last = chunk
    assert "".join(pieces) == text
    assert last.choices[0].finish_reason == "stop"
    assert last.model_extra["citations"] == citations


def test_openai_conversation_uses_earlier_user_turns(open_server: Served) -> None:
    client = openai.OpenAI(base_url=f"{open_server.url}/v1", api_key="unused", max_retries=0)
    reply = client.chat.completions.create(model="kalla", messages=[
        {"role": "user", "content": "Vem skrev interpellationen om Trefas?"},
        {"role": "assistant", "content": "Jan Jönsson [1]."},
        {"role": "user", "content": "Vilket parti tillhör han?"},
    ])
    assert "Liberalerna" in reply.choices[0].message.content
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="kalla", messages=[{"role": "system", "content": "x"}])
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])


def test_auth_guards_the_api_and_mcp(locked_server: Served) -> None:
    url = locked_server.url
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{url}/v1", api_key="fel", max_retries=0).chat.completions.create(
            model="kalla", messages=[{"role": "user", "content": HANDLER_QUESTION}])
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{url}/v1", api_key="fel", max_retries=0).models.list()
    reply = openai.OpenAI(base_url=f"{url}/v1", api_key="hemligt", max_retries=0).chat.completions.create(
        model="kalla", messages=[{"role": "user", "content": HANDLER_QUESTION}])
    assert reply.model_extra["citations"][0]["doc_id"] == DISTRICT

    for token in ("fel", None):
        with pytest.raises(BaseException) as refused:  # the client reports the server's 401 as an error
            asyncio.run(_mcp(url, [("get_document", {"doc_id": PM})], token=token))
        assert any("error" in str(error).lower() for error in _leaves(refused.value))
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        raw = httpx2.post(f"{url}/mcp", headers={**headers, "Accept": "application/json, text/event-stream"},
                          json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
        assert raw.status_code == 401
    _, (excerpt,) = asyncio.run(_mcp(url, [("get_document", {"doc_id": PM, "end": 10})], token=AUTH))
    assert excerpt["text"] == seed_text(PM)[:10]


def test_credentials_are_compared_as_a_whole() -> None:
    credentials = ("redaktion", "hemligt")
    assert authorized("Bearer hemligt", credentials)
    assert authorized("Bearer redaktion:hemligt", credentials)
    assert authorized("Basic cmVkYWt0aW9uOmhlbWxpZ3Q=", credentials)
    for header in (None, "", "Bearer", "Bearer hemlig", "Bearer hemligt2", "Basic !!", "Token hemligt",
                   "Basic cmVkYWt0aW9uOmZlbA=="):
        assert not authorized(header, credentials)
