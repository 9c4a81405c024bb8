"""The web app: a JSON API over the store (under /api) and the browser UI (/ and /static).

    from rasad.api.app import create_app
    app = create_app(Settings.from_env(db="rasad.db"))             # read-only
    app = create_app(settings, write_token="s3cret")               # also accepts writes with that token

Every error is JSON, `{"error": {"code", "message", "detail"}}`, whatever
raised it (a bad parameter, a missing row, a body too large, a bug). The app
is read-only unless it has a write token; writes must then present it as
`Authorization: Bearer <token>`. The OpenAPI schema is at /openapi.json;
FastAPI's Swagger and ReDoc pages are off, because they load their scripts
from a CDN and rasad runs offline (docs/api.md describes every endpoint).
"""
from __future__ import annotations

import logging
import re
import threading
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..settings import Settings
from ..store.db import Store, StoreError
from .deps import ApiError
from .schemas import Error

try:
    __version__ = version("rasad")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0"

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY = 5 * 1024 * 1024  # bytes: the largest request body accepted (a POSTed HTML page)

log = logging.getLogger("rasad.api")

CODES = {400: "bad_request", 401: "bad_token", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_parameters",
         500: "internal_error"}


FORMS = {"bbox": "must be four numbers: west,south,east,north", "url": "must be an http(s) URL",
         "id": "may hold only letters, digits and _ . : -"}


def error(status: int, code: str, message: str, detail=None, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "detail": detail}}, status_code=status,
                        headers=headers)


class BodyLimit:
    """ASGI middleware: refuse request bodies over `limit` bytes with a JSON 413 (by Content-Length, and by
    counting when the body is streamed without one)."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = error(413, "too_large", f"the request body is larger than {self.limit:,} bytes")
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    n = int(value)
                except ValueError:
                    return await error(400, "bad_request", "Content-Length is not a number")(scope, receive, send)
                if n > self.limit:
                    return await too_large(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await too_large(scope, receive, send)


class _TooLarge(Exception):
    pass


# The page's own policy (index.html repeats it in a meta tag) plus what only a header can say: no framing, no MIME
# sniffing, no referrer to tile servers. Images may come from any http(s) host so that a configured tile server works.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: http: https:; "
     b"font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
     b"object-src 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware: the security headers above on every HTTP response (pages, files, JSON and errors)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                message = dict(message)
                message["headers"] = list(message.get("headers", ())) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class UiFiles(StaticFiles):
    """The UI's static files; a JSON 404 (not a crash) while the folder is not there."""

    async def check_config(self) -> None:
        if not STATIC.is_dir():
            raise StarletteHTTPException(404, "the web UI's files are not installed")
        await super().check_config()


def _validation_detail(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        out.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


def _allowed_methods(app: FastAPI, path: str) -> list[str]:
    """The methods the OpenAPI schema gives the path."""
    if not hasattr(app.state, "path_methods"):
        app.state.path_methods = [
            (re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(p)) + "$"), {m.upper() for m in ops})
            for p, ops in app.openapi()["paths"].items()]
    out: set[str] = set()
    for rx, methods in app.state.path_methods:
        if rx.match(path):
            out |= methods
    return sorted(out)


def create_app(settings: Settings | None = None, *, write_token: str | None = None,
               store: Store | None = None) -> FastAPI:
    """The app over the store `settings.db` (migrated on open), or over an open `store`."""
    settings = settings or Settings.from_env()
    own_store = store is None
    if store is None:
        store = Store.open(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if own_store:
            store.close()

    app = FastAPI(
        title="rasad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="The reconciled record of Arabic conflict news: documents, merged events, claims, "
                    "estimates, contradictions, control, places and actors. Every error is "
                    '`{"error": {"code", "message", "detail"}}`. See docs/api.md.',
        responses={404: {"model": Error, "description": "No such record (or endpoint)."},
                   422: {"model": Error, "description": "A parameter is invalid."},
                   500: {"model": Error, "description": "A server error."}},
    )
    app.state.store = store
    app.state.settings = settings
    app.state.write_token = write_token or None
    app.state.write_lock = threading.Lock()

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail = _validation_detail(exc)
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        where = ".".join(x for x in first["loc"] if x not in ("query", "path", "body")) or "request"
        msg = first["msg"]
        if first.get("type") == "string_pattern_mismatch":
            msg = FORMS.get(where, "not in the expected form (see /openapi.json)")
        return error(422, "invalid_parameters", f"{where}: {msg}", detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        headers = getattr(exc, "headers", None)
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        if exc.status_code == 405:  # Allow: every method of every route on this path, not only the first's
            allowed = _allowed_methods(app, request.url.path)
            message = f"{request.method} is not allowed here (allowed: {', '.join(allowed)})"
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return error(exc.status_code, CODES.get(exc.status_code, "error"), message, headers=headers)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        return error(503, "store_unavailable", str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("error answering %s %s", request.method, request.url.path)
        return error(500, "internal_error", f"the server failed to answer ({type(exc).__name__})")

    from .routers import documents, export, places, records, search, write

    for r in (places.router, documents.router, search.router, records.router, export.router, write.router):
        app.include_router(r)

    @app.get("/", include_in_schema=False)
    def index():
        page = STATIC / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse("<!doctype html><meta charset=utf-8><title>rasad</title>"
                            "<p>The rasad web UI is not installed (src/rasad/web/static/index.html is missing). "
                            "The API is at <a href=/api/stats>/api/stats</a>; its schema at "
                            "<a href=/openapi.json>/openapi.json</a>.</p>")

    app.mount("/static", UiFiles(directory=STATIC, check_dir=False), name="static")
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    return app


__all__ = ["MAX_BODY", "create_app"]
