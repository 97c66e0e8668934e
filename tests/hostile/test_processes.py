"""Process hygiene: `pestle serve` stopped by SIGTERM or SIGINT after a PDF download leaves
no process behind (the PDF workers end with it).

Before the fix, the 3 PDF worker processes kept running under PID 1: uvicorn, after its
graceful shutdown, raises the caught signal again with the default action, so the process
ended without its exit handlers and the pool was never shut down.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from . import bounded

CASE = "xinjiang_composites"


def _start(tmp_path: Path) -> tuple[subprocess.Popen[str], str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(bounded.SRC),
        "PESTLE_TOKEN": "t",
        "PESTLE_PDF_WORKERS": "2",  # a pool even on one core
        # an empty cache: every PDF part to lay out, so the pool starts (a build made
        # before, with its parts cached, starts none)
        "PESTLE_CACHE": str(tmp_path / "cache"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "pestle", "serve", "--port", "0", "--db", str(tmp_path / "s.db")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert server.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        found = re.search(r"dashboard\s+(http://127\.0\.0\.1:\d+)/", line)
        if found:
            return server, found.group(1)
        if not line and server.poll() is not None:
            break
    server.kill()
    pytest.fail("pestle serve did not start")


def _alive(processes: list[psutil.Process]) -> list[str]:
    """The processes still running (a zombie waits only for its exit status: not running)."""
    left = []
    for p in processes:
        try:
            if p.status() != psutil.STATUS_ZOMBIE:
                left.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            continue
    return left


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_no_process_outlives_serve_after_a_pdf_download(tmp_path: Path, stop: int) -> None:
    server, url = _start(tmp_path)
    children: list[psutil.Process] = []
    try:
        r = httpx.get(f"{url}/api/reports/{CASE}", params={"format": "pdf"}, timeout=300)
        assert r.status_code == 200 and r.content.startswith(b"%PDF")
        children = psutil.Process(server.pid).children(recursive=True)
        workers = [c for c in children if "multiprocessing" in " ".join(c.cmdline())]
        assert len(workers) >= 2, [c.cmdline() for c in children]  # the pool did start
        server.send_signal(stop)
        server.wait(timeout=30)
        deadline = time.monotonic() + 10  # a worker notices its parent is gone in 0.5 s
        while _alive(children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _alive(children) == []
    finally:
        if server.poll() is None:
            server.kill()
        for p in children:  # a failed test leaves nothing running either
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
