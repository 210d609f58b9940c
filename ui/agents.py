"""Källa for AI agents: an MCP server (the official ``mcp`` SDK, streamable HTTP) with three
tools. Each tool returns the assistant's data as JSON; nothing here decides an answer."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from pydantic import Field

from assistant import Assistant, KallaError

INSTRUCTIONS = (
    "Källa answers questions about Swedish political and municipal documents with exact citations. "
    "Every citation's quote equals the document text between its start and end offsets; use "
    "get_document to read more around a citation. Källa says so when the documents do not support an answer."
)

FiltersArgument = Annotated[dict[str, Any] | None, Field(
    default=None,
    description="Optional filters: {'parties': ['S', 'M'], 'kinds': ['tjänsteutlåtande'], "
                "'date_from': 'YYYY-MM-DD', 'date_to': 'YYYY-MM-DD', 'doc_ids': ['...']}.")]


def ask_tool(assistant: Assistant, question: str, filters: dict[str, Any] | None = None,
             history: list[str] | None = None) -> dict[str, Any]:
    try:
        return assistant.ask(question, history=history or [], filters=filters).to_dict()
    except KallaError as error:
        return {"question": question, "error": str(error)}


def search_tool(assistant: Assistant, query: str, k: int = 5, filters: dict[str, Any] | None = None) -> dict[str, Any]:
    try:
        return {"query": query, "passages": [p.to_search_dict() for p in assistant.search(query, k, filters)]}
    except KallaError as error:
        return {"query": query, "error": str(error)}


def document_tool(assistant: Assistant, doc_id: str, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    try:
        return assistant.excerpt(doc_id, start, end)
    except KallaError as error:
        return {"doc_id": doc_id, "error": str(error)}


def build_mcp(assistant: Assistant):
    from mcp.server.mcpserver import MCPServer

    server = MCPServer("Källa", instructions=INSTRUCTIONS, log_level="WARNING")

    @server.tool()
    async def ask(
        question: Annotated[str, Field(description="The question, in Swedish or English (at most 2000 characters).")],
        filters: FiltersArgument = None,
        history: Annotated[list[str] | None, Field(
            default=None, description="Earlier questions of the conversation, oldest first (for follow-ups).")] = None,
    ) -> dict[str, Any]:
        """Answer a question from the indexed documents. Returns the answer text with [n] markers,
        'answerable' (false when the documents do not support an answer), the citations (doc_id,
        quote, start, end, page, speaker) and the answer's items."""
        return await anyio.to_thread.run_sync(ask_tool, assistant, question, filters, history)

    @server.tool()
    async def search(
        query: Annotated[str, Field(description="Words or a question to look for.")],
        k: Annotated[int, Field(default=5, ge=1, le=50, description="How many passages to return.")] = 5,
        filters: FiltersArgument = None,
    ) -> dict[str, Any]:
        """Find the passages that best match a query (keywords and meaning). Each passage has its
        doc_id, title, text, start and end offsets (text == document[start:end]), page and score."""
        return await anyio.to_thread.run_sync(search_tool, assistant, query, k, filters)

    @server.tool()
    async def get_document(
        doc_id: Annotated[str, Field(description="A document id from a citation or a search result.")],
        start: Annotated[int | None, Field(default=None, ge=0, description="First character (default 0).")] = None,
        end: Annotated[int | None, Field(default=None, ge=0, description="Character after the last (default: the end).")] = None,
    ) -> dict[str, Any]:
        """The exact stored text of a document between two character offsets, with its title and
        the page of 'start' (PDFs). Citation offsets point into this text."""
        return await anyio.to_thread.run_sync(document_tool, assistant, doc_id, start, end)

    return server
