"""Benchmark of `pestle serve --watch`: from saving a case file to the dashboard serving it.

Timed, on a copy of the embedded case, from the write to the first answer of
GET /api/cases/{case}/checks that shows the edit (the national Q1 2025 growth in the
reference data moved between 5.4 and 4.0, which flips one check between pass and fail):

- `--watch`: the running server hears the save, reloads the case, re-runs checks and the
  driver analysis, and swaps it in;
- baseline, measured in the same run: what a user does without `--watch` — stop the
  server, start `pestle serve` again and wait for the same answer.

Goal: a saved file is served in under 2 s (the report's rebuild goal); the ratio to the
restart is printed.

    .venv/bin/python benchmarks/live.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

CASE = "xinjiang_composites"
GROWTH_GAP = "relative:gdp-growth-gap-Q12025"
LINE = 'value: {}, quality: firm, source: "National Bureau'
GOAL = 2.0


def start(case: Path, folder: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pestle", "serve", str(case), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PESTLE_DB": str(folder / "bench.db")},
        cwd=folder,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        found = re.search(r"at (http://[\d.]+:\d+)", line)
        if found:
            return proc, found.group(1)
        if not line:
            break
    proc.kill()
    raise SystemExit("pestle serve did not start")


def stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def status(base: str) -> str | None:
    """The growth-gap check's status, or None while the server does not answer."""
    try:
        r = httpx.get(f"{base}/api/cases/{CASE}/checks", params={"rule": "relative"}, timeout=30)
    except httpx.TransportError:
        return None
    if r.status_code != 200:
        return None
    return next((f["status"] for f in r.json()["findings"] if f["id"] == GROWTH_GAP), None)


def wait_for(base: str, wanted: str, start_time: float) -> float:
    while status(base) != wanted:
        if time.perf_counter() - start_time > 120:
            raise SystemExit(f"the edit was not served within 120 s (wanted {wanted})")
        time.sleep(0.02)
    return time.perf_counter() - start_time


def edit(reference: Path, growth: str) -> None:
    text = reference.read_text(encoding="utf-8")
    other = "4.0" if growth == "5.4" else "5.4"
    reference.write_text(text.replace(LINE.format(other), LINE.format(growth)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = max(1, parser.parse_args().runs)
    from pestle.case.loader import case_folder

    load = os.getloadavg()[0]
    print(f"pestle serve --watch benchmark — {os.cpu_count()} CPU(s), load {load:.2f}")
    with tempfile.TemporaryDirectory(prefix="pestle-live-") as tmp_name:
        tmp = Path(tmp_name)
        case = tmp / "case"
        shutil.copytree(case_folder(), case)
        reference = case / "sources" / "xinjiang_reference.yaml"
        assert LINE.format("5.4") in reference.read_text(encoding="utf-8")

        proc, base = start(case, tmp, "--watch")
        watched: list[float] = []
        try:
            wait_for(base, "pass", time.perf_counter())  # served and warm
            time.sleep(0.5)
            for i in range(runs + 1):
                growth, wanted = ("4.0", "fail") if i % 2 == 0 else ("5.4", "pass")
                t0 = time.perf_counter()
                edit(reference, growth)
                seconds = wait_for(base, wanted, t0)
                if i:  # the first reload warms the process's analysis code
                    watched.append(seconds)
        finally:
            stop(proc)
        edit(reference, "5.4")

        restarts: list[float] = []
        for i in range(max(1, runs // 2)):
            growth, wanted = ("4.0", "fail") if i % 2 == 0 else ("5.4", "pass")
            t0 = time.perf_counter()
            edit(reference, growth)
            proc, base = start(case, tmp)
            try:
                restarts.append(wait_for(base, wanted, t0))
            finally:
                stop(proc)

    best, median = min(watched), statistics.median(watched)
    baseline = statistics.median(restarts)
    print(f"save -> served, --watch: best {best:.2f} s, median {median:.2f} s "
          f"(all: {', '.join(f'{s:.2f}' for s in watched)})")  # fmt: skip
    print(f"save -> served, restart pestle serve (baseline): median {baseline:.2f} s "
          f"(all: {', '.join(f'{s:.2f}' for s in restarts)})")  # fmt: skip
    print(f"ratio --watch / restart: {median / baseline:.2f}")
    print(f"goal {GOAL:.0f} s: {median / GOAL:.2f} × goal  {'met' if median < GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
