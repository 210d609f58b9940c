"""One server for people and programs: the Gradio app at ``/``, the MCP server at ``/mcp``
(streamable HTTP) and the OpenAI-compatible API at ``/v1``.

With ``KALLA_AUTH=user:password`` the app asks for that login, and ``/mcp`` and ``/v1``
answer only requests with ``Authorization: Bearer <password>`` (or ``Bearer user:password``,
or HTTP Basic with the same credentials); without it, everything is open (bind to 127.0.0.1).
"""

from __future__ import annotations

import base64
import hmac
import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass

import gradio as gr
import uvicorn
from fastapi import FastAPI
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant import Assistant, KallaError

PROTECTED_PREFIXES = ("/mcp", "/v1")


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    if not auth:
        return None
    user, _, password = auth.partition(":")
    if not user or not password:
        raise KallaError("KALLA_AUTH must look like user:password")
    return user, password


def authorized(header: str | None, credentials: tuple[str, str]) -> bool:
    """A bearer token (the password, or user:password) or Basic credentials that match."""
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    user, password = credentials
    value = value.strip()
    if scheme.lower() == "bearer":
        return hmac.compare_digest(value, password) or hmac.compare_digest(value, f"{user}:{password}")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return False
        return hmac.compare_digest(decoded, f"{user}:{password}")
    return False


class RequireCredentials:
    """ASGI middleware: requests under ``PROTECTED_PREFIXES`` need the credentials."""

    def __init__(self, app: ASGIApp, credentials: tuple[str, str]):
        self.app = app
        self.credentials = credentials

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(PROTECTED_PREFIXES):
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            if not authorized(headers.get("authorization"), self.credentials):
                response = JSONResponse(
                    {"error": {"message": "Missing or wrong credentials (Authorization: Bearer <password>).",
                               "type": "authentication_error", "code": None}},
                    status_code=401, headers={"WWW-Authenticate": 'Bearer realm="kalla"'})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def build_server(assistant: Assistant, auth: str | None = None, host: str = "127.0.0.1") -> FastAPI:
    from ui.agents import build_mcp
    from ui.app import CITE_LINK_JS, I18N, MAX_UPLOAD_BYTES, build_app
    from ui.openai_api import router

    credentials = parse_auth(auth)
    mcp = build_mcp(assistant)
    mcp_app = mcp.streamable_http_app(streamable_http_path="/mcp", stateless_http=True, json_response=True,
                                      host=host)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        async with mcp.session_manager.run():
            yield

    server = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    server.include_router(router(assistant))
    server.router.routes.extend(mcp_app.routes)  # POST/GET/DELETE /mcp
    if credentials is not None:
        server.add_middleware(RequireCredentials, credentials=credentials)
    blocks = build_app(assistant)
    blocks.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(server, blocks, path="/", auth=credentials, max_file_size=MAX_UPLOAD_BYTES,
                               head=CITE_LINK_JS, i18n=I18N)


@dataclass
class Served:
    """A server running in a background thread (tests, notebooks)."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None,
          block: bool = True) -> Served | None:
    app = build_server(assistant, auth, host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    if block:
        server.run()
        return None
    thread = threading.Thread(target=server.run, daemon=True, name="kalla-server")
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise KallaError(f"The server did not start on {host}:{port}.")
        time.sleep(0.05)
    return Served(f"http://{host}:{port}", server, thread)
