"""Secure defaults: headers, host check, body limits, the token, error shapes, text checks."""

from __future__ import annotations

import asyncio
import re

import pytest

from pestle.errors import InputError
from pestle.web.security import (
    CSP,
    BodyLimit,
    NotText,
    decode_upload,
    document_name,
)

PAGES = ["/", "/evidence", "/checks", "/judgments", "/scenarios", "/upload", "/api/docs"]


@pytest.mark.parametrize("path", [*PAGES, "/api/cases", "/static/app.css", "/nope"])
def test_every_response_carries_the_security_headers(client, path) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_the_policy_allows_no_external_origin() -> None:
    sources = re.findall(r"[a-z-]+-src ([^;]+)", CSP)
    assert sources and all(set(s.split()) <= {"'self'", "'none'", "data:"} for s in sources)


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.nip.io", "192.168.1.5"])
def test_other_host_names_are_refused(client, host) -> None:
    """DNS rebinding: a page elsewhere that resolves to 127.0.0.1 cannot read the API."""
    r = client.get("/api/cases", headers={"host": host})
    assert r.status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:1234", "[::1]:80"])
def test_loopback_host_names_are_served(client, host) -> None:
    assert client.get("/api/cases", headers={"host": host}).status_code == 200


def test_a_declared_body_over_the_limit_is_413_before_parsing(client) -> None:
    big = b"{" + b" " * (2 * 1024 * 1024) + b"}"
    r = client.post(
        "/api/cases/xinjiang_composites/demand",
        content=big,
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413
    assert r.json()["error"] == "PayloadTooLarge"


def test_a_streamed_body_over_the_limit_is_stopped() -> None:
    seen: list[bytes] = []

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        while True:
            message = await receive()
            seen.append(message.get("body", b""))
            if not message.get("more_body"):
                break

    limited = BodyLimit(app, default=10, limits={})
    chunks = [b"12345", b"67890", b"abcde", b"never read"]

    async def receive():  # type: ignore[no-untyped-def]
        body = chunks.pop(0)
        return {"type": "http.request", "body": body, "more_body": bool(chunks)}

    async def send(message):  # type: ignore[no-untyped-def]
        pass

    scope = {"type": "http", "path": "/x", "headers": []}
    with pytest.raises(InputError, match="limit of 10 bytes"):
        asyncio.run(limited(scope, receive, send))
    assert b"".join(seen) == b"1234567890"


def test_write_endpoints_declare_the_bearer_scheme(client) -> None:
    schema = client.get("/api/openapi.json").json()
    writes = {
        (path, method)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if op.get("security")
    }
    assert writes == {
        ("/api/documents", "post"),
        ("/api/cases/{case}/judgments/save", "post"),
        ("/api/cases/{case}/scenarios", "post"),
    }
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_the_server_error_answer_hides_the_traceback(app, monkeypatch) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with")
        from fastapi.testclient import TestClient

    state = app.state.pestle.primary

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(type(state), "uses", property(broken))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get("/api/cases/xinjiang_composites/claims/1")
        page = c.get("/evidence?claim=1", headers={"accept": "text/html"})
    assert r.status_code == 500
    assert r.json() == {"error": "InternalError", "detail": r.json()["detail"]}
    assert "secret" not in r.text and "Traceback" not in r.text
    assert page.status_code == 500 and "secret" not in page.text


def test_errors_are_json_for_the_api_and_html_for_pages(client) -> None:
    api = client.get("/api/nothing-here")
    assert api.status_code == 404 and api.json()["error"]
    page = client.get("/nothing-here", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    wrong = client.delete("/api/cases")
    assert wrong.status_code == 405 and wrong.json()["detail"]


# -- uploads ----------------------------------------------------------------------------------


def test_decode_upload_accepts_utf8_and_drops_a_bom() -> None:
    assert decode_upload("\ufeffGDP 5 GW é".encode(), "a.txt") == "GDP 5 GW é"


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"a\x00b", "NUL byte at offset 1"), (b"ok\n\xff", "a.txt:2: not valid UTF-8")],
)
def test_decode_upload_refuses_binary_and_other_encodings(data, words) -> None:
    with pytest.raises(NotText, match=re.escape(words)):
        decode_upload(data, "a.txt")


@pytest.mark.parametrize(
    ("name", "filename", "expected"),
    [
        (None, "report.txt", "report"),
        (None, "../../x/y/Annual Report 2024.md", "Annual_Report_2024"),
        (None, "C:\\docs\\memo.txt", "memo"),
        (None, "...", "upload"),
        (None, None, "upload"),
        ("source_report", "whatever.txt", "source_report"),
    ],
)
def test_document_names_never_carry_a_path(name, filename, expected) -> None:
    assert document_name(name, filename) == expected


@pytest.mark.parametrize("name", ["../x", "a/b", ".hidden", "x" * 101, "a b"])
def test_bad_document_names_are_refused(name) -> None:
    with pytest.raises(InputError):
        document_name(name, "f.txt")
