"""An OpenAI-compatible chat endpoint: Källa as a "model" for chat front-ends and SDKs.

``POST /v1/chat/completions`` answers the last user message (earlier user messages are the
conversation, for follow-ups); the reply's text carries [n] markers and the citations come
back as data: ``citations`` (and the whole answer as ``kalla``) on the completion, and, when
streaming, on the final chunk before ``data: [DONE]``. ``GET /v1/models`` lists the model.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from assistant import Answer, Assistant, KallaError

MODEL = "kalla"
STREAM_PIECE_CHARS = 80  # the verified answer is sent in pieces of about this many characters


def _error(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "code": None}}, status_code=status)


def _text(content: Any) -> str:
    """A message's content: a string, or OpenAI's list of parts ({"type": "text", "text": ...})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict) and part.get("type") == "text")
    return ""


def conversation(messages: Any) -> tuple[str, list[str]]:
    """(the question, the earlier questions) from OpenAI chat messages."""
    if not isinstance(messages, list) or not messages:
        raise ValueError("'messages' must be a non-empty list")
    users = [_text(m.get("content")) for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not users:
        raise ValueError("'messages' holds no user message")
    return users[-1], users[:-1]


def _pieces(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find(" ", start + STREAM_PIECE_CHARS)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def completion(answer: Answer, completion_id: str, created: int) -> dict[str, Any]:
    return {
        "id": completion_id, "object": "chat.completion", "created": created, "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.text}, "finish_reason": "stop",
                     "logprobs": None}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "citations": [c.to_dict() for c in answer.citations],
        "kalla": answer.to_dict(),
    }


def chunks(answer: Answer, completion_id: str, created: int) -> Iterator[str]:
    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": MODEL,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for piece in _pieces(answer.text):
        yield event({"content": piece})
    yield event({}, "stop", citations=[c.to_dict() for c in answer.citations], kalla=answer.to_dict())
    yield "data: [DONE]\n\n"


def router(assistant: Assistant) -> APIRouter:
    api = APIRouter(prefix="/v1")

    @api.get("/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "kalla"}]}

    @api.post("/chat/completions")
    async def chat_completions(request: Request):
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "The request body is not JSON.")
        if not isinstance(body, dict):
            return _error(400, "The request body must be a JSON object.")
        if body.get("model") not in (None, MODEL):
            return _error(404, f"The model {body.get('model')!r} does not exist; use {MODEL!r}.", "not_found_error")
        try:
            question, history = conversation(body.get("messages"))
        except ValueError as error:
            return _error(400, str(error))
        filters = body.get("filters") if isinstance(body.get("filters"), dict) else None
        try:
            answer = await anyio.to_thread.run_sync(
                lambda: assistant.ask(question, history=history, filters=filters))
        except KallaError as error:
            return _error(400, str(error))
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        if body.get("stream"):
            return StreamingResponse(chunks(answer, completion_id, created), media_type="text/event-stream")
        return completion(answer, completion_id, created)

    return api
