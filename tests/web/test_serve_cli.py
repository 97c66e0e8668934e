"""`pestle serve`: binds 127.0.0.1 by default, prints the address it bound and the token."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest

from pestle.cli.serve import bind, url_of


def test_bind_port_0_picks_a_free_loopback_port() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        url = url_of(sock)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url) and not url.endswith(":0")
    finally:
        sock.close()


def test_a_port_in_use_is_a_one_line_error() -> None:
    from pestle.errors import InputError

    first = bind("127.0.0.1", 0)
    try:
        port = first.getsockname()[1]
        with pytest.raises(InputError, match=f"--port {port}: cannot bind"):
            bind("127.0.0.1", port).close()
    finally:
        first.close()


def _start(tmp_path, *args: str, token: str | None = None):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k != "PESTLE_TOKEN"}
    env["PESTLE_DB"] = str(tmp_path / "serve.db")
    if token:
        env["PESTLE_TOKEN"] = token
    return subprocess.Popen(
        [sys.executable, "-m", "pestle", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    )


def _read_until(proc, pattern: str, timeout: float = 60) -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if re.search(pattern, line):
            return lines
    raise AssertionError(f"no match for {pattern!r} in output: {lines}")


def _stop(proc) -> None:  # type: ignore[no-untyped-def]
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_serve_port_0_prints_the_bound_address_and_a_token(tmp_path) -> None:
    proc = _start(tmp_path)
    try:
        lines = _read_until(proc, r"API\s+http://")
        text = "\n".join(lines)
        url = re.search(r"at (http://127\.0\.0\.1:(\d+))", text)
        assert url and url.group(2) != "0", text
        token = re.search(r"#token=([\w-]+)", text)
        assert token, text
        base = url.group(1)
        r = httpx.get(f"{base}/api/cases", timeout=30)
        assert r.status_code == 200 and r.json()["cases"][0]["id"] == "xinjiang_composites"
        denied = httpx.post(f"{base}/api/documents", files={"file": ("a.txt", b"5 GW")})
        assert denied.status_code == 401
        ok = httpx.post(
            f"{base}/api/documents",
            files={"file": ("a.txt", b"A 5 GW base.")},
            headers={"Authorization": f"Bearer {token.group(1)}"},
            timeout=60,
        )
        assert ok.status_code == 201, ok.text
        assert (tmp_path / "serve.db").exists()
    finally:
        _stop(proc)


def test_serve_takes_the_token_from_the_environment_and_does_not_print_it(tmp_path) -> None:
    proc = _start(tmp_path, token="env-token-xyz")
    try:
        lines = _read_until(proc, r"API\s+http://")
        assert "env-token-xyz" not in "\n".join(lines)
        base = re.search(r"at (http://127\.0\.0\.1:\d+)", "\n".join(lines)).group(1)  # type: ignore[union-attr]
        ok = httpx.post(
            f"{base}/api/documents",
            files={"file": ("b.txt", b"A 7 GW base.")},
            headers={"Authorization": "Bearer env-token-xyz"},
            timeout=60,
        )
        assert ok.status_code == 201
    finally:
        _stop(proc)


def test_serve_watch_reloads_the_case_when_a_file_is_saved(tmp_path, case_copy) -> None:
    from case_edit import edit_line

    proc = _start(tmp_path, str(case_copy), "--watch")
    try:
        lines = _read_until(proc, r"watching\s+/")
        text = "\n".join(lines)
        assert str(case_copy) in text
        base = re.search(r"at (http://127\.0\.0\.1:\d+)", text).group(1)  # type: ignore[union-attr]
        live = f"{base}/api/cases/xinjiang_composites/live"
        assert httpx.get(live, timeout=30).json()["watching"] is True
        time.sleep(1.0)  # the watcher starts with the server
        edit_line(case_copy / "parameters.yaml", "range: [10, 14]", "range: [10, 15]")
        deadline = time.monotonic() + 60
        while httpx.get(live, timeout=30).json()["revision"] != 1:
            assert time.monotonic() < deadline, "the case was not reloaded"
            time.sleep(0.1)
        assert proc.poll() is None
    finally:
        _stop(proc)
