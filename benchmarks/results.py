"""Benchmark of the results' content cache: a second command on an unchanged case reuses the
results of the first, against the same command with the cache off, in the same run.

    .venv/bin/python benchmarks/results.py [--runs N]

Each run is a whole process (`pestle analyze --format json`, then `pestle demand --format
json`), imports included, timed from start to exit:

- uncached: `PESTLE_NO_CACHE=1`, every step computed (what every command did before the
  results had one orchestrator and a cache);
- cached: the same command again on the unchanged case, its steps read from the cache a
  first run filled (not timed);
- one file changed: parameters.yaml of a copy of the case saved with a new value before each
  run; the checks and factor weights come from the cache, the demand steps are computed.

Goal: a cached command at most half the time of the uncached one. The outputs of the three
are checked to be equal where they should be (cached == uncached, byte for byte).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PESTLE = [sys.executable, "-m", "pestle"]
GOAL_RATIO = 0.5
COMMANDS = (["analyze", "--format", "json"], ["demand", "--format", "json"])
BLADE_RANGE = re.compile(r"(blade_mass_t_per_mw:\n(?:    .*\n)*?    range: \[10, )[0-9.]+\]")


def run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [*PESTLE, *argv], capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    return time.perf_counter() - start, proc.stdout


def stats(walls: list[float]) -> str:
    return (
        f"min {min(walls):.2f} s, median {statistics.median(walls):.2f} s, max {max(walls):.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="pestle-bench-results-") as tmp:
        base = {**os.environ, "PESTLE_CACHE": str(Path(tmp) / "cache")}
        uncached_env = {**base, "PESTLE_NO_CACHE": "1"}
        case = Path(tmp) / "case"
        from pestle.case import case_folder

        shutil.copytree(case_folder(), case)
        params = case / "parameters.yaml"
        text = params.read_text(encoding="utf-8")
        assert BLADE_RANGE.search(text), "blade_mass_t_per_mw range not found"
        for k, argv in enumerate(COMMANDS):
            _, first = run(argv, base)  # fills the cache (not timed)
            run([*argv, str(case)], base)  # ... and for the copy (its checks, its weights)
            uncached, cached, changed = [], [], []
            for i in range(args.runs):
                wall, out = run(argv, uncached_env)
                uncached.append(wall)
                assert out == first, "uncached output differs from the first run's"
                wall, out = run(argv, base)
                cached.append(wall)
                assert out == first, "cached output differs from the computed one"
                upper = 14.5 + 0.5 * (i + k * args.runs)  # a value no run has used before
                params.write_text(BLADE_RANGE.sub(rf"\g<1>{upper}]", text), "utf-8")
                wall, out = run([*argv, str(case)], base)
                changed.append(wall)
                assert out != first, "a changed parameter did not change the results"
            ratio = statistics.median(cached) / statistics.median(uncached)
            ok = ratio <= GOAL_RATIO
            failed |= not ok
            print(f"pestle {' '.join(argv)} ({args.runs} runs each)")
            print(f"  uncached            {stats(uncached)}")
            print(f"  cached              {stats(cached)}")
            print(f"  parameters changed  {stats(changed)}")
            print(
                f"  cached / uncached   {ratio:.2f} (goal <= {GOAL_RATIO}: "
                f"{'met' if ok else 'NOT met'})"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
