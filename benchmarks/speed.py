"""The speed table of issue 17: every row measured in one run, against its goal.

    PYTHONPATH=src .venv/bin/python benchmarks/speed.py [--runs N] [--only ROW ...]
        [--baseline CHECKOUT]

Each row is a whole process (`python -m pestle ...`: start, imports, work, exit), timed from
launch to exit; the figure is the median of `--runs` runs (3 by default; the machine is
shared, so every run is printed too). Which caches a run may use is part of the row:

- "caches empty": a fresh `PESTLE_CACHE` folder for every run (nothing of pestle's on disk:
  no results, no Vega bundle, no chart or PDF part);
- check / demand / analyze: a fresh `PESTLE_CACHE` for every run as well, so the row times
  the computation, not the reading of its cached result (a second run of the same command
  reads its results from the cache; that is printed beside the row, for information);
- "previous build's caches": `pestle report` run once untimed with the same cache folder;
- rebuild after one parameter change, same process: `build_report` with a new value of one
  demand parameter in a process that has built the report before (what `--set` does, as a
  notebook or server would); `--watch`: from saving parameters.yaml to the rebuilt
  report's paths on stdout (both as benchmarks/report.py measures them);
- dashboard first page: `pestle serve --port 0` with an empty cache, from the moment it
  prints its address (the socket is listening) to the first page's whole body received;
  the time from launching the command is printed too.

`--baseline CHECKOUT` (another checkout, e.g. `git worktree add --detach /tmp/base main`) runs
each command row (help, check, demand, analyze) in turn with this checkout's and that one's
code, this one first, each run with a fresh cache of its own; the row prints the baseline's
median and the ratio this/baseline of each pair, whose median holds when the machine's speed
drifts during the run (a shared machine's does).

Exit status 0 whatever the timings (a shared machine is not a test); a row that fails to
run at all raises.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/report.py's helpers
sys.path.insert(0, str(ROOT / "src"))  # this checkout's pestle, in this process too


def _env(cache: Path, root: Path = ROOT) -> dict[str, str]:
    src = str(root / "src")
    path = os.environ.get("PYTHONPATH", "")
    # an installed pestle has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module in every process instead
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env,
        "PESTLE_CACHE": str(cache),
        "PYTHONPATH": f"{src}{os.pathsep}{path}" if path else src,
        "COLUMNS": "100",
    }


CPU: list[float] = []  # CPU seconds of each process run (with its children), in order


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], cache: Path, cwd: Path, root: Path = ROOT) -> float:
    """Seconds from launching `python -m pestle ARGS` (the code of checkout `root`) to its
    exit (output discarded)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [PYTHON, "-m", "pestle", *args],
        cwd=cwd,
        env=_env(cache, root),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    CPU.append(_children_cpu() - cpu)
    if proc.returncode != 0:
        raise RuntimeError(f"pestle {' '.join(args)} failed: {proc.stderr.strip()[-500:]}")
    return seconds


@dataclass
class Row:
    what: str
    goal: float
    times: list[float]
    note: str = ""
    cpu: list[float] | None = None  # CPU seconds of the timed processes (and their children)
    baseline: list[float] | None = None  # the same runs of the baseline checkout, in turn

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def line(self) -> str:
        verdict = "met" if self.median < self.goal else "NOT MET"
        runs = ", ".join(f"{t:.2f}" for t in self.times)
        text = f"{self.what:<58} {self.median:6.2f} s  < {self.goal:<4} s  {verdict:<7} ({runs})"
        notes = [self.note] if self.note else []
        if self.cpu:
            notes.append(
                f"CPU time (process and children), median: {statistics.median(self.cpu):.2f} s"
            )
        if self.baseline:
            ratios = [a / b for a, b in zip(self.times, self.baseline, strict=True)]
            notes.append(
                f"baseline: median {statistics.median(self.baseline):.2f} s "
                f"({', '.join(f'{t:.2f}' for t in self.baseline)}); this/baseline pair by "
                f"pair: median {statistics.median(ratios):.3f} "
                f"({min(ratios):.3f}-{max(ratios):.3f})"
            )
        return text + "".join(f"\n{'':<60}{n}" for n in notes)


class Bench:
    def __init__(self, tmp: Path, runs: int, baseline: Path | None = None) -> None:
        self.tmp = tmp
        self.runs = runs
        self.baseline = baseline
        self.count = 0

    def fresh(self) -> Path:
        """A new, empty cache folder."""
        self.count += 1
        return self.tmp / f"cache-{self.count}"

    def command(self, what: str, goal: float, args: list[str], cached_note: bool = True) -> Row:
        times, cpu, base = [], [], []
        for _ in range(self.runs):
            times.append(run(args, self.fresh(), self.tmp))
            cpu.append(CPU[-1])
            if self.baseline is not None:  # in turn: a drift of the machine touches both
                base.append(run(args, self.fresh(), self.tmp, root=self.baseline))
        note = ""
        if cached_note:
            cache = self.fresh()
            run(args, cache, self.tmp)
            again = statistics.median(run(args, cache, self.tmp) for _ in range(self.runs))
            note = f"run again with its results cached: {again:.2f} s (for information)"
        return Row(what, goal, times, note, cpu, base or None)

    def report_first(self) -> Row:
        out = self.tmp / "first"
        times = [run(["report", "--quiet", "--out", str(out)], self.fresh(), self.tmp)
                 for _ in range(self.runs)]  # fmt: skip
        return Row("first report on a machine (caches empty)", 8.0, times, cpu=CPU[-self.runs :])

    def report_again(self) -> Row:
        cache = self.fresh()
        args = ["report", "--quiet", "--out", str(self.tmp / "again")]
        run(args, cache, self.tmp)  # the previous build
        times = [run(args, cache, self.tmp) for _ in range(self.runs)]
        cpu = CPU[-self.runs :]
        return Row("report, cold process, previous build's caches", 3.0, times, cpu=cpu)

    def rebuild(self) -> tuple[Row, Row]:
        import report as bench_report  # benchmarks/report.py

        cache = self.fresh()
        run(["report", "--quiet", "--out", str(self.tmp / "warm")], cache, self.tmp)
        os.environ["PESTLE_CACHE"] = str(cache)
        steps = bench_report.values(self.runs + 1)
        name = bench_report.PARAMETER
        bench_report.in_process(self.tmp / "warm", {name: steps[0]})  # built once before
        same = [bench_report.in_process(self.tmp / "warm", {name: v})["wall"] for v in steps[1:]]
        watch = [w["wall"] for w in bench_report.watched(self.tmp, cache, self.runs)]
        return (
            Row("rebuild after one parameter change, same process", 1.5, same),
            Row("rebuild after saving parameters.yaml, report --watch", 1.5, watch),
        )

    def dashboard(self) -> Row:
        times, launches = [], []
        for _ in range(self.runs):
            after, launch = first_page(self.fresh(), self.tmp)
            times.append(after)
            launches.append(launch)
        note = f"from launching `pestle serve`: {statistics.median(launches):.2f} s (median)"
        return Row("dashboard first page after `pestle serve` starts", 1.5, times, note)


URL = re.compile(r"https?://[\w.\[\]:]+:\d+")


def first_page(cache: Path, cwd: Path) -> tuple[float, float]:
    """(seconds from the address printed to the first page received, from the launch)."""
    launch = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, "-m", "pestle", "serve", "--port", "0"],
        cwd=cwd,
        env=_env(cache),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            found = URL.search(line)
            if found:
                break
        else:
            raise RuntimeError("pestle serve ended before printing its address")
        started = time.perf_counter()
        with urllib.request.urlopen(found.group(0) + "/", timeout=120) as response:
            body = response.read()
        done = time.perf_counter()
        if response.status != 200 or b"<html" not in body[:500].lower():
            raise RuntimeError(f"first page: status {response.status}, not a page")
        return done - started, done - launch
    finally:
        proc.terminate()
        proc.wait(timeout=30)


DEMAND_QUICK = ["demand", "--scenario", "as_stated", "--samples", "1000", "--sobol-samples", "0"]

ROWS: dict[str, Callable[[Bench], list[Row]]] = {
    "help": lambda b: [b.command("pestle --help", 0.3, ["--help"], cached_note=False)],
    "check": lambda b: [b.command("pestle check", 0.6, ["check"])],
    "demand-quick": lambda b: [b.command("pestle " + " ".join(DEMAND_QUICK), 1.0, DEMAND_QUICK)],
    "demand": lambda b: [b.command("pestle demand (defaults)", 4.0, ["demand"])],
    "analyze": lambda b: [b.command("pestle analyze (progress on stderr)", 2.0, ["analyze"])],
    "report-first": lambda b: [b.report_first()],
    "report-again": lambda b: [b.report_again()],
    "rebuild": lambda b: list(b.rebuild()),
    "serve": lambda b: [b.dashboard()],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each row (median shown)")
    parser.add_argument("--only", nargs="*", choices=list(ROWS), help="some rows only")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout: its command rows run in turn with this one's (A/B ratios)",
    )
    options = parser.parse_args()
    runs = max(1, options.runs)
    baseline = options.baseline.resolve() if options.baseline else None
    if baseline is not None and not (baseline / "src" / "pestle").is_dir():
        parser.error(f"--baseline {options.baseline}: no src/pestle in that folder")
    print(
        f"pestle speed table (issue 17): {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.2f}, median of {runs} runs, whole processes"
    )
    for root in (ROOT, baseline) if baseline else (ROOT,):
        compileall.compile_dir(root / "src", quiet=1)  # as pip does on install
    with tempfile.TemporaryDirectory(prefix="pestle-speed-") as name:
        bench = Bench(Path(name), runs, baseline)
        rows: list[Row] = []
        for key in options.only or ROWS:
            for row in ROWS[key](bench):
                rows.append(row)
                print(row.line(), flush=True)
        if "rebuild" in (options.only or ROWS):
            from pestle.report import pdf_workers

            pdf_workers.stop()
        shutil.rmtree(name, ignore_errors=True)
    met = sum(r.median < r.goal for r in rows)
    print(f"\n{met} of {len(rows)} rows met; load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
