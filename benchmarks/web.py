"""Benchmark of `pestle serve` under load: POST /api/cases/{case}/demand with 10,000 samples.

Goal on the 2-core reference machine: >= 50 requests/s sustained with p99 latency < 200 ms.

The server runs as a real `pestle serve --port 0` process on loopback; a closed-loop load of
CONCURRENCY httpx async clients posts demand requests for DURATION seconds. Every request
fixes `wind_share` at a fresh random value inside its stated range, so no request is served
from the app's cache of recent runs: each one runs the 10,000-sample Monte Carlo. A short
second phase repeats one request (what a user dragging a slider back hits) for comparison.

Run: .venv/bin/python benchmarks/web.py [--duration S] [--concurrency N]
(exit 1 only if the server fails to start or answers with an error; missed goals are
reported, not fatal).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

import httpx
import numpy as np

CASE = "xinjiang_composites"
SAMPLES = 10_000
DURATION = 25.0
CACHED_DURATION = 5.0
CONCURRENCY = 4
GOAL_RPS = 50
GOAL_P99_MS = 200


def start_server(folder: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PESTLE_DB": os.path.join(folder, "bench.db")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pestle", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=folder,
    )
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = re.search(r"at (http://[\d.]+:\d+)", line)
        if found:
            return proc, found.group(1)
    proc.kill()
    raise SystemExit("the server did not start")


async def load(
    base: str, duration: float, concurrency: int, body_of
) -> tuple[list[float], int, float]:  # type: ignore[no-untyped-def]
    url = f"{base}/api/cases/{CASE}/demand"
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        stop = time.perf_counter() + duration

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                r = await client.post(url, json=body_of())
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return latencies, errors, elapsed


def report(name: str, latencies: list[float], errors: int, elapsed: float) -> tuple[float, float]:
    ms = np.array(latencies) * 1000
    rps = len(latencies) / elapsed
    p50, p99 = np.percentile(ms, 50), np.percentile(ms, 99)
    print(
        f"{name}: {len(latencies):,} requests in {elapsed:.1f} s = {rps:.1f} req/s; "
        f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {ms.max():.1f} ms; errors {errors}"
    )
    return rps, p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=DURATION)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY)
    args = parser.parse_args()
    rng = random.Random(1)

    def fresh() -> dict:  # type: ignore[type-arg]
        return {"overrides": {"wind_share": rng.uniform(0.2, 0.8)}, "samples": SAMPLES}

    def repeated() -> dict:  # type: ignore[type-arg]
        return {"overrides": {"wind_share": 0.5}, "samples": SAMPLES}

    with tempfile.TemporaryDirectory(prefix="pestle-bench-") as folder:
        proc, base = start_server(folder)
        try:
            print(
                f"web benchmark: {os.cpu_count()} CPUs, server {base}, "
                f"POST /api/cases/{CASE}/demand, {SAMPLES:,} samples, "
                f"{args.concurrency} concurrent clients"
            )
            asyncio.run(load(base, 3.0, args.concurrency, fresh))  # warm-up
            lat, err, elapsed = asyncio.run(load(base, args.duration, args.concurrency, fresh))
            rps, p99 = report("uncached runs", lat, err, elapsed)
            lat2, err2, elapsed2 = asyncio.run(
                load(base, CACHED_DURATION, args.concurrency, repeated)
            )
            report("repeated request (cache)", lat2, err2, elapsed2)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    ok_rps, ok_p99 = rps >= GOAL_RPS, p99 < GOAL_P99_MS
    print(
        f"goal >= {GOAL_RPS} req/s: {'ok' if ok_rps else 'MISSED'}; "
        f"goal p99 < {GOAL_P99_MS} ms: {'ok' if ok_p99 else 'MISSED'}"
    )
    return 1 if err or err2 else 0


if __name__ == "__main__":
    sys.exit(main())
