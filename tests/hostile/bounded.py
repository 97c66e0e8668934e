"""Run a hostile case in a child process under hard limits, and measure it.

A case that would stall or eat memory must not take the test run down with it: the child
gets an address-space limit (`RLIMIT_AS`) and a CPU-time limit (`RLIMIT_CPU`) from
`resource`, and a wall-clock timeout. The result says how long it took and how it ended,
so a test asserts the bound it cares about (refused in under a second, no traceback, rc 2).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
MEMORY_BYTES = 1536 * 1024 * 1024  # the CLI with numpy, pandas and the case loaded: ~400 MB
CPU_SECONDS = 60


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str
    seconds: float  # wall-clock time of the whole child, interpreter start included


def _limits(memory: int, cpu: int) -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))


def run(
    args: Sequence[str],
    *,
    memory: int = MEMORY_BYTES,
    cpu: int = CPU_SECONDS,
    timeout: float = 120.0,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Ran:
    """`python ARGS...` with pestle importable, under the limits."""
    child_env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "PYTHONWARNINGS": "default",  # a numpy RuntimeWarning must show on stderr
        "COLUMNS": "200",
        **(env or {}),
    }
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=child_env,
        preexec_fn=lambda: _limits(memory, cpu),
    )
    return Ran(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


def pestle(*args: str, **kw: object) -> Ran:
    """The `pestle` command line in a bounded child."""
    return run(["-m", "pestle", *args], **kw)  # type: ignore[arg-type]


def python(code: str, **kw: object) -> Ran:
    """A Python snippet in a bounded child (it prints what the test reads)."""
    return run(["-c", code], **kw)  # type: ignore[arg-type]


def one_line_error(ran: Ran) -> str:
    """The stderr of a refused command: one `error: ...` line, no traceback, exit code 2."""
    assert ran.returncode == 2, (ran.returncode, ran.stderr[-2000:])
    assert "Traceback" not in ran.stderr, ran.stderr[-2000:]
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), ran.stderr[-2000:]
    return lines[0]
