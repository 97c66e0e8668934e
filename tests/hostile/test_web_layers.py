"""The web layers hold for every response: security headers on errors too (a 500, the host
check's 400, a refused token), and the token checked before a byte of the body is read.

Before the fix: the 500 of `POST .../judgments` with a cell "1e400" and the TrustedHost 400
had no security headers; a 10 MB multipart body was read (and spooled) before the token
was checked.
"""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest

from pestle.web import create_app
from pestle.web.security import HEADERS

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1"
TEN_MB = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def app() -> Any:
    app = create_app(token="right-token")

    def broken() -> None:
        raise RuntimeError("a bug")  # what any unforeseen error in a route looks like

    app.add_api_route("/api/broken", broken)
    app.add_api_route("/broken", broken)
    return app


def _has_headers(headers: Any) -> None:
    for name, value in HEADERS:
        assert headers.get(name.decode()) == value.decode(), name


@pytest.mark.parametrize(
    ("method", "path", "kw", "status"),
    [
        ("GET", "/api/broken", {}, 500),
        ("GET", "/broken", {"headers": {"accept": "text/html"}}, 500),
        ("GET", "/api/cases", {"headers": {"host": "evil.example"}}, 400),
        ("POST", "/api/documents", {"files": {"file": ("a.txt", b"x")}}, 401),
        ("GET", "/nowhere", {}, 404),
        ("POST", "/api/cases/xinjiang_composites/judgments", {"json": {"x": 1}}, 422),
    ],
)
def test_every_response_has_the_security_headers(
    app: Any, method: str, path: str, kw: dict[str, Any], status: int
) -> None:
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as client:
        r = client.request(method, path, **kw)
    assert r.status_code == status
    _has_headers(r.headers)
    assert "a bug" not in r.text and "Traceback" not in r.text


def test_a_500_is_the_one_error_shape(app: Any) -> None:
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as client:
        r = client.get("/api/broken")
    assert r.json() == {
        "error": "InternalError",
        "detail": "internal error; the server log has the details",
    }


def _asgi_post(
    app: Any, headers: list[tuple[bytes, bytes]], declare_length: bool = True
) -> tuple[int, int]:
    """POST a 10 MB multipart upload straight to the ASGI app; (status, body bytes the app
    asked for)."""
    boundary = b"pestleboundary"
    body = (
        b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="a.txt"'
        b"\r\nContent-Type: text/plain\r\n\r\n" + b"x" * TEN_MB + b"\r\n--" + boundary + b"--\r\n"
    )
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read < len(chunks):
            read += 1
            return {
                "type": "http.request",
                "body": chunks[read - 1],
                "more_body": read < len(chunks),
            }
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/documents",
        "raw_path": b"/api/documents",
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"multipart/form-data; boundary=" + boundary),
            *([(b"content-length", str(len(body)).encode())] if declare_length else []),
            *headers,
        ],
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], sum(len(c) for c in chunks[:read])


@pytest.mark.parametrize(
    "headers",
    [[], [(b"authorization", b"Bearer wrong")], [(b"authorization", b"Basic cmlnaHQtdG9rZW4=")]],
)
def test_the_token_is_checked_before_the_body_is_read(app: Any, headers: Any) -> None:
    status, read = _asgi_post(app, headers)
    assert status == 401
    assert read == 0  # not one chunk of the 10 MB was asked for


def test_with_the_token_the_body_is_read() -> None:
    # the same request with the token gets past the gate: streamed without a length, it is
    # read until the body limit refuses it
    app = create_app(token="right-token", max_upload_bytes=1024 * 1024)
    auth = [(b"authorization", b"Bearer right-token")]
    status, read = _asgi_post(app, auth, declare_length=False)
    assert status == 413 and read > 0


def test_the_gate_guards_exactly_the_endpoints_that_need_the_token(app: Any) -> None:
    from pestle.web.security import WRITES

    secured = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method, operation in operations.items()
        if any("HTTPBearer" in requirement for requirement in operation.get("security", []))
    }
    assert secured == set(WRITES)
