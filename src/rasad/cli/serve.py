"""`rasad serve`: the web app (JSON API and map UI) over the store."""
from __future__ import annotations

import sys
import threading
import webbrowser
from typing import Annotated

import typer

from .common import DbOption, KnowledgeOption, console, fail, settings


def serve_cmd(
    db: DbOption = None,
    knowledge: KnowledgeOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    write_token: Annotated[str | None, typer.Option(
        envvar="RASAD_WRITE_TOKEN", show_envvar=True,
        help="Accept writes (POST /api/documents, PATCH /api/claims/ID) from requests carrying "
             "'Authorization: Bearer TOKEN'. Without it the server is read-only.")] = None,
    open_browser: Annotated[bool | None, typer.Option(
        "--open/--no-open", help="Open the map in a browser (default: only when run from a terminal).",
        show_default=False)] = None,
) -> None:
    """Serve the web app: the map UI at / and the JSON API under /api (schema at /openapi.json)."""
    import socket

    import uvicorn

    from ..api.app import create_app
    from ..store import StoreError

    s = settings(db, knowledge)
    try:
        app = create_app(s, write_token=write_token)
    except StoreError as e:
        raise fail(str(e))
    if host not in ("127.0.0.1", "localhost", "::1") and not write_token:
        console.print(f"[yellow]note:[/] listening on {host}: anyone who can reach it can read the store",
                      highlight=False)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        raise fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    console.print(f"rasad is serving {s.db} at {url}" + (" (writes accepted with the token)" if write_token
                                                          else " (read-only)"), highlight=False, soft_wrap=True)
    if open_browser is None:
        open_browser = sys.stdout.isatty()
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
