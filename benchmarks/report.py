"""Benchmark of `pestle report`: the full build (HTML + PDF + Markdown) from a cold process,
time per stage, and rebuilding after one parameter change.

    .venv/bin/python benchmarks/report.py

Goals (issue 7): a cold full build under 5 s on a 2-core machine; a rebuild after one
parameter change under 2 s. "Cold" is a new Python process (imports included) with the
on-disk caches (vendored Vega bundle, chart SVGs) as a previous build left them; the first
build on a machine also pays for bundling the JavaScript once (shown separately).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from pestle.report.build import build_report
t1 = time.perf_counter()
case = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
result = build_report(case=case, out=sys.argv[1])
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "stages": result.timings, "build": t2 - t1}))
"""


def cold(out: Path, case: Path | None = None, env: dict | None = None) -> dict:
    start = time.perf_counter()
    proc = subprocess.run(
        [PYTHON, "-c", CHILD, str(out), str(case) if case else "-"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=True,
    )
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - start
    return data


def show(title: str, data: dict) -> None:
    print(f"\n{title}: {data['wall']:.2f} s wall (process start to exit)")
    print(f"  {'python start + imports':<22} {data['wall'] - data['build']:6.2f} s")
    for stage, seconds in data["stages"]:
        print(f"  {stage:<22} {seconds:6.2f} s")


def change_parameter(case: Path) -> str:
    """Narrow one parameter's range (blade mass per MW), which moves every demand figure."""
    path = case / "parameters.yaml"
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(
        r"(blade_mass_t_per_mw:\n(?:    .*\n)*?    range: )\[10, 14\]", r"\g<1>[10, 12]", text
    )
    if n != 1:
        raise SystemExit("benchmark: cannot find blade_mass_t_per_mw's range in parameters.yaml")
    path.write_text(new, encoding="utf-8")
    return "blade_mass_t_per_mw: range [10, 14] -> [10, 12] t/MW"


def main() -> None:
    from pestle.case import DEFAULT_CASE, case_folder

    print(f"pestle report benchmark — {os.cpu_count()} CPU(s), load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="pestle-bench-") as tmp:
        tmp = Path(tmp)
        # 1. first build on a machine: empty caches (JavaScript bundle, SVGs)
        first = cold(tmp / "first", env={"PESTLE_CACHE": str(tmp / "cache")})
        show("first build, empty caches (cold process)", first)
        # 2. cold process, caches warm: the number the goal is about
        runs = [cold(tmp / "cold", env={"PESTLE_CACHE": str(tmp / "cache")}) for _ in range(3)]
        best = min(runs, key=lambda d: d["wall"])
        show("full build, cold process (best of 3)", best)
        # 3. rebuild after one parameter change
        case = tmp / "case"
        shutil.copytree(case_folder(DEFAULT_CASE), case)
        os.environ["PESTLE_CACHE"] = str(tmp / "cache")
        from pestle.report.build import build_report

        build_report(case=case, out=tmp / "warm")  # the process has built once
        what = change_parameter(case)
        t0 = time.perf_counter()
        again = build_report(case=case, out=tmp / "warm")
        warm = time.perf_counter() - t0
        print(f"\nrebuild after one parameter change ({what}), same process: {warm:.2f} s")
        for stage, seconds in again.timings:
            print(f"  {stage:<22} {seconds:6.2f} s")
        change_back = (case / "parameters.yaml").read_text(encoding="utf-8")
        (case / "parameters.yaml").write_text(
            change_back.replace("range: [10, 12]", "range: [10, 13]", 1), encoding="utf-8"
        )
        t0 = time.perf_counter()
        build_report(case=case, out=tmp / "warm-html", formats="html,md")
        light = time.perf_counter() - t0
        print(f"same, HTML + Markdown only (range -> [10, 13]): {light:.2f} s")
        recold = cold(tmp / "recold", case=case, env={"PESTLE_CACHE": str(tmp / "cache")})
        show("rebuild after the change, cold process", recold)
    print(
        "\ngoals: cold full build < 5 s "
        f"({'met' if best['wall'] < 5 else 'NOT met'}: {best['wall']:.2f} s); "
        f"rebuild after a parameter change < 2 s "
        f"({'met' if warm < 2 else 'NOT met'}: {warm:.2f} s in-process, "
        f"{recold['wall']:.2f} s cold)"
    )


if __name__ == "__main__":
    main()
