"""Secure defaults of `pestle serve`: bearer token, security headers, body limits, text checks.

- `require_token`: a FastAPI dependency for every endpoint that writes (stores something).
  The token is compared in constant time; a missing or wrong token is a 401.
- `TokenGate`: the same check for those endpoints before the app reads a byte of the body
  (FastAPI parses a multipart body before it runs dependencies: without the gate, 10 MB
  would be read, and spooled to disk, for a request that has no token).
- `SecurityHeaders`: a Content-Security-Policy that allows scripts, styles, images and
  connections from the app's own origin only (no inline script, no external origin), plus
  the usual hardening headers, on every response: it is the outermost layer, so the host
  check's 400 and the 500 of a bug carry them too.
- `CatchErrors`: an exception no handler took (a bug) becomes the one error handler's 500
  inside `SecurityHeaders` (Starlette answers it outside every middleware otherwise).
- `BodyLimit`: refuses a request body over its limit (413) before the app reads it, from the
  Content-Length header or, for a streamed body, as the bytes arrive.
- `decode_upload`: an uploaded document is accepted only as UTF-8 text (no NUL byte).

The host check against DNS rebinding is Starlette's `TrustedHostMiddleware` (see app.py).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from pestle.errors import InputError, PestleError
from pestle.ingest.reader import decode_text
from pestle.model.names import document_name_problem

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024  # bytes of one uploaded document
MULTIPART_OVERHEAD = 64 * 1024  # form fields and part headers around the document
MAX_JSON_BODY = 1024 * 1024  # any other request body
TOKEN_BYTES = 24

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1", "[::1]")


class Unauthorized(PestleError):
    """A write was asked without the right bearer token."""

    status_code = 401


class PayloadTooLarge(InputError):
    """A request body is over its limit."""

    status_code = 413


class NotText(InputError):
    """An upload is not a UTF-8 text document."""

    status_code = 415


def megabytes(n: int) -> int:
    """Bytes in `n` MiB (the unit of `pestle serve --max-upload-mb`)."""
    return n * 1024 * 1024


def new_token() -> str:
    """A random URL-safe token for one server run."""
    return secrets.token_urlsafe(TOKEN_BYTES)


_bearer = HTTPBearer(auto_error=False, description="the token `pestle serve` printed at start")


async def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Dependency: the request carries `Authorization: Bearer <the server's token>`."""
    expected: str = request.app.state.pestle.token
    problem = token_problem(credentials.credentials if credentials else None, expected)
    if problem is not None:
        raise Unauthorized(problem)


def token_problem(given: str | None, expected: str) -> str | None:
    """Why the bearer token `given` is refused (None: it is the server's token)."""
    if given is None:
        return (
            "this endpoint writes: send the token pestle serve printed at start as "
            "'Authorization: Bearer TOKEN'"
        )
    if not secrets.compare_digest(given.encode(), expected.encode()):
        return "the bearer token is not this server's token"
    return None


def _bearer_of(scope: Scope) -> str | None:
    """The token of an `Authorization: Bearer ...` header (as HTTPBearer reads it)."""
    for key, value in scope.get("headers", []):
        if key.lower() == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer":
                return None
            return token.strip() or None
    return None


# (method, path) of every endpoint that depends on `require_token`, paths as the OpenAPI
# schema writes them ({case} for a path parameter); tests/hostile checks that the list and the
# OpenAPI schema's bearer-secured operations are the same
WRITES: frozenset[tuple[str, str]] = frozenset(
    {
        ("POST", "/api/documents"),
        ("POST", "/api/cases/{case}/judgments/save"),
        ("POST", "/api/cases/{case}/scenarios"),
    }
)
# the same as (method, compiled path) pairs: a path parameter is one path segment
_WRITE_PATHS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (method, re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(path))))
    for method, path in sorted(WRITES)
)


class TokenGate:
    """Refuses a request to a writing endpoint (`WRITES`) without the server's token (401)
    before the app reads its body. `token()` is the server's token (read per request)."""

    def __init__(self, app: ASGIApp, *, token: Callable[[], str]) -> None:
        self.app = app
        self.token = token

    def writes(self, scope: Scope) -> bool:
        method, path = scope.get("method", ""), scope.get("path", "").rstrip("/") or "/"
        return any(m == method and p.fullmatch(path) for m, p in _WRITE_PATHS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.writes(scope):
            problem = token_problem(_bearer_of(scope), self.token())
            if problem is not None:
                await _refuse(send, 401, "Unauthorized", problem, bearer=True)
                return
        await self.app(scope, receive, send)


class CatchErrors:
    """An exception that reached no handler becomes `handler`'s response, here rather than in
    Starlette's outermost layer, so it passes through `SecurityHeaders`. Once a response has
    started nothing can be sent instead: the exception is raised on for the server to log."""

    def __init__(self, app: ASGIApp, *, handler: Callable[[Scope, Exception], Any]) -> None:
        self.app = app
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            if started:
                raise
            response = await self.handler(scope, exc)
            await response(scope, receive, send)


# -- headers --------------------------------------------------------------------------------


class SecurityHeaders:
    """Adds the Content-Security-Policy and hardening headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- body limits ----------------------------------------------------------------------------


class BodyLimit:
    """Refuses request bodies over a limit with 413, before the app parses them.

    `limits` maps a path to its limit; other paths get `default`.
    """

    def __init__(self, app: ASGIApp, *, default: int, limits: dict[str, int]) -> None:
        self.app = app
        self.default = default
        self.limits = limits

    def limit_for(self, path: str) -> int:
        return self.limits.get(path.rstrip("/") or "/", self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", "/"))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(too_large_message(limit))
            return message

        await self.app(scope, counted, send)


def too_large_message(limit: int) -> str:
    return f"the request body is over the limit of {limit:,} bytes"


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    await _refuse(send, 413, "PayloadTooLarge", too_large_message(limit))


async def _refuse(send: Send, status: int, kind: str, detail: str, bearer: bool = False) -> None:
    """A JSON error answered before the body is read (the connection is then closed, so the
    unread body is not taken for the next request)."""
    body = json.dumps({"error": kind, "detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    if bearer:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# -- uploads --------------------------------------------------------------------------------


def document_name(name: str | None, filename: str | None) -> str:
    """The store name of an uploaded document: the given name, else the file's stem with
    anything but letters, digits, '_', '.' and '-' replaced; never a path."""
    if name:
        problem = document_name_problem(name)
        if problem is not None:
            raise InputError(problem)
        return name
    stem = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", stem).strip("._-")[:100]
    return cleaned or "upload"


def decode_upload(data: bytes, filename: str) -> str:
    """The text of an uploaded document: UTF-8, no NUL byte; a leading BOM is dropped."""
    text = decode_text(data, filename, NotText)
    if not text.strip():
        raise InputError(f"{filename}: the document is empty")
    return text
