"""Benchmark of `pestle report`: time per stage of a full build (HTML + PDF + Markdown) from a
cold process, and of a rebuild after one parameter change, against the goals of issue 7.

    .venv/bin/python benchmarks/report.py [--runs N]

Goals: a full build from a cold process under 5 s on a 2-core machine; a rebuild after one
parameter change under 2 s. "Cold process" is a new Python process, imports included. The
caches on disk (Vega bundle, chart SVGs, the PDF's parts) matter, so each case says which
it had:

- first build on a machine: every cache empty;
- cold process, no PDF part cached: the bundle and SVGs cached, every PDF page laid out;
- cold process, caches as the previous build left them (`pestle report` run again);
- rebuild after one parameter change: `build_report(settings=Settings(overrides={...}))`
  (what `--set NAME=VALUE`
  does) with another value than the build before, in a process that has built the report
  before, as a server or notebook would; the same change made by saving parameters.yaml
  under `pestle report --watch` (from the write to the rebuilt report's paths on stdout);
  and the same change from a cold process (for information: a new process pays every
  import again, which is what `--watch` is for).
"""

from __future__ import annotations

import argparse
import json
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

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GOAL_COLD = 5.0
GOAL_REBUILD = 2.0
# The parameter changed: blade mass per MW, range [10, 14] t/MW, fixed at a value (as
# `--set blade_mass_t_per_mw=VALUE`); it moves every demand figure.
PARAMETER = "blade_mass_t_per_mw"


def values(n: int) -> list[float]:
    """`n` values of the parameter, each used once (nothing of them is cached before)."""
    return [10.25 + 3.5 * i / max(n - 1, 1) for i in range(n)]


# What `pestle report [--set NAME=VALUE]` does, with the times of its stages; the process
# then ends as the command's does (`gc.freeze()`: no collection over the whole heap at exit).
CHILD = r"""
import gc, json, sys, time
t0 = time.perf_counter()
from pestle.report.build import build_report
from pestle.results import Settings
t1 = time.perf_counter()
overrides = json.loads(sys.argv[2])
result = build_report(out=sys.argv[1], settings=Settings(overrides=overrides))
t2 = time.perf_counter()
pdf = result.pdf
print(json.dumps({"import": t1 - t0, "stages": result.timings, "build": t2 - t1,
                  "pdf": [pdf.parts, pdf.cached, pdf.pages] if pdf else None}))
gc.freeze()
"""


def cold(out: Path, cache: Path, overrides: dict | None = None) -> dict:
    """A build in a new process; wall time from process start to exit."""
    start = time.perf_counter()
    proc = subprocess.run(
        [PYTHON, "-c", CHILD, str(out), json.dumps(overrides or {})],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PESTLE_CACHE": str(cache)},
        check=True,
    )
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - start
    return data


def in_process(out: Path, overrides: dict) -> dict:
    from pestle.report.build import build_report
    from pestle.results import Settings

    t0 = time.perf_counter()
    result = build_report(out=out, settings=Settings(overrides=overrides))
    wall = time.perf_counter() - t0
    pdf = result.pdf
    return {
        "wall": wall,
        "stages": list(result.timings),
        "pdf": [pdf.parts, pdf.cached, pdf.pages] if pdf else None,
    }


BLADE_RANGE = re.compile(r"(blade_mass_t_per_mw:\n(?:    .*\n)*?    range: \[10, )[0-9.]+\]")


def watched(tmp: Path, cache: Path, runs: int) -> list[dict]:
    """`pestle report CASE --watch`: time from saving parameters.yaml (blade mass range's
    upper end moved) to the rebuilt report's paths on stdout. The first edit is not timed
    (the process's first rebuild), as in the same-process case."""
    from pestle.case.loader import case_folder

    case = tmp / "watched_case"
    shutil.copytree(case_folder(), case)
    params = case / "parameters.yaml"
    text = params.read_text(encoding="utf-8")
    assert BLADE_RANGE.search(text), "blade_mass_t_per_mw range not found in parameters.yaml"
    proc = subprocess.Popen(
        [PYTHON, "-m", "pestle", "report", str(case), "--watch", "--quiet", "--out",
         str(tmp / "watched")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PESTLE_CACHE": str(cache)},
    )  # fmt: skip
    assert proc.stdout is not None
    files = 3  # html, pdf, md: one path each per build

    def built() -> None:
        for _ in range(files):
            if not proc.stdout.readline():
                raise RuntimeError("pestle report --watch ended early")

    try:
        built()
        time.sleep(0.5)  # the watcher starts after the first build
        walls = []
        for i in range(runs + 1):
            upper = 14.5 + 0.5 * i
            start = time.perf_counter()
            params.write_text(BLADE_RANGE.sub(rf"\g<1>{upper}]", text), encoding="utf-8")
            built()
            if i:
                walls.append({"wall": time.perf_counter() - start, "stages": []})
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    return walls


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda d: d["wall"])


def show(title: str, data: dict, runs: list[dict] | None = None, goal: float | None = None) -> None:
    extra = ""
    if runs and len(runs) > 1:
        walls = [r["wall"] for r in runs]
        extra = f" (best of {len(walls)}; median {statistics.median(walls):.2f} s;"
        extra += f" all: {', '.join(f'{w:.2f}' for w in walls)})"
    print(f"\n{title}: {data['wall']:.2f} s{extra}")
    if "build" in data:
        print(f"  {'python start, imports, exit':<24} {data['wall'] - data['build']:6.2f} s")
    for stage, seconds in data["stages"]:
        print(f"  {stage:<24} {seconds:6.2f} s")
    if data.get("pdf"):
        parts, cached, pages = data["pdf"]
        print(f"  {'':<24} PDF: {pages} pages, {parts - cached} of {parts} parts laid out")
    if goal is not None:
        print(f"  goal {goal:.0f} s: {data['wall'] / goal:.2f} × goal")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each timed case")
    runs = max(1, parser.parse_args().runs)
    print(f"pestle report benchmark — {os.cpu_count()} CPU(s), load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="pestle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "cache"
        first = cold(tmp / "first", cache)
        show("first build on a machine, every cache empty (cold process)", first)

        no_parts = []
        for _ in range(runs):
            shutil.rmtree(cache / "pdf", ignore_errors=True)
            no_parts.append(cold(tmp / "cold", cache))
        show("full build, cold process, no PDF part cached", best(no_parts), no_parts, GOAL_COLD)

        warm = [cold(tmp / "cold", cache) for _ in range(runs)]
        show("full build, cold process, caches of the previous build", best(warm), warm, GOAL_COLD)

        # The parameter's value changes from one build to the next: the build before each
        # timed one had the parameter at another value (a first `--set` also adds a
        # sentence and a note to the report, which the build before it did not have).
        os.environ["PESTLE_CACHE"] = str(cache)
        steps = values(2 * runs + 1)
        in_process(tmp / "warm", {PARAMETER: steps[0]})  # this process has built once
        rebuilds = [in_process(tmp / "warm", {PARAMETER: v}) for v in steps[1 : runs + 1]]
        change = f"{PARAMETER} {' -> '.join(f'{v:.3g}' for v in steps[: runs + 1])} t/MW"
        show(f"rebuild after one parameter change ({change}), same process", best(rebuilds),
             rebuilds, GOAL_REBUILD)  # fmt: skip

        watch = watched(tmp, cache, runs)
        show("rebuild after saving parameters.yaml, pestle report --watch", best(watch), watch,
             GOAL_REBUILD)  # fmt: skip

        recold = []
        for v in steps[runs + 1 :]:  # the build before has the value 0.2 t/MW lower
            cold(tmp / "recold", cache, {PARAMETER: v - 0.2})
            recold.append(cold(tmp / "recold", cache, {PARAMETER: v}))
        show("rebuild after one parameter change, cold process", best(recold), recold)

        from pestle.report import pdf_workers

        pdf_workers.stop()
    goals = [
        ("cold full build (caches of the previous build)", best(warm)["wall"], GOAL_COLD),
        ("cold full build (no PDF part cached)", best(no_parts)["wall"], GOAL_COLD),
        ("rebuild after a parameter change (same process)", best(rebuilds)["wall"], GOAL_REBUILD),
        ("rebuild after saving parameters.yaml (--watch)", best(watch)["wall"], GOAL_REBUILD),
    ]
    print("\ngoals:")
    for name, seconds, goal in goals:
        verdict = "met" if seconds < goal else "NOT met"
        print(f"  {name:<50} {seconds:5.2f} s / {goal:.0f} s = {seconds / goal:.2f}  {verdict}")
    seconds = best(recold)["wall"]
    print(f"  {'(rebuild from a new process, for information)':<50} {seconds:5.2f} s")


if __name__ == "__main__":
    main()
