"""`assistant serve`: registered into the assistant CLI through the "kalla.cli" entry point."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from assistant.cli import add_llm_flags, open_assistant, seed_if_empty


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import launch

    assistant = open_assistant(args)
    seed_if_empty(assistant)
    settings = assistant.settings
    host = args.host or settings.host
    port = args.port or settings.port
    print(f"Källa: http://{host}:{port}  (MCP: http://{host}:{port}/mcp, OpenAI-compatible API: "
          f"http://{host}:{port}/v1)", file=sys.stderr)
    launch(assistant, host=host, port=port, auth=settings.auth)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    serve = add("serve", cmd_serve, "start the web app (builds the seed index first if needed)")
    serve.add_argument("--host", default=None, help="address to bind (default 127.0.0.1, KALLA_HOST)")
    serve.add_argument("--port", type=int, default=None, help="port (default 7860, KALLA_PORT)")
    add_llm_flags(serve)
