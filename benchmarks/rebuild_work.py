"""How much work a rebuild after one parameter change is, and the shortest time it can take.

    PYTHONPATH=src .venv/bin/python benchmarks/rebuild_work.py [--runs N] [--cores C]

The rebuild rows of benchmarks/speed.py time a rebuild's wall clock; this counts its work.
The report is built once, then rebuilt `--runs` times with another value of the parameter
benchmarks/report.py changes (blade mass per MW: every demand figure moves), all in this
process (`PESTLE_PDF_WORKERS=0`), each stage's CPU seconds counted (`time.process_time`,
all threads):

- results: the demand model, its scenarios, Sobol' indices, the backtest (what the change
  touches; the rest comes from the cache);
- view model: the report's words, tables and chart specs;
- PDF: the parts whose content changed, laid out, and their charts converted (vl-convert),
  counted apart; with Chromium (the default engine where there is one), the browser's own
  processes are counted too ("browser", psutil); the pages laid out are printed;
- the other formats (HTML, Markdown, tables.xlsx), the contents, assembly and writing.

Before any PDF part can start, the results and the view model must be there (they are
computed one after the other; the results' scenarios already run on two threads, so their
wall clock counts); the rest can share the cores. So no schedule finishes a rebuild sooner
than `results (wall) + view model + (the rest) / cores` seconds of this machine: the floor
printed at the end, against the goal of 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/report.py's helpers
GOAL = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rebuilds counted (median shown)")
    parser.add_argument("--cores", type=int, default=2, help="cores of the floor")
    options = parser.parse_args()
    os.environ["PESTLE_PDF_WORKERS"] = "0"
    os.environ.setdefault("PESTLE_CACHE", tempfile.mkdtemp(prefix="pestle-work-"))

    from pestle.report import pdf_workers, svg
    from pestle.report.build import build_report
    from pestle.report.pdf_assemble import page_count
    from pestle.results import Settings

    spent: dict[str, float] = defaultdict(float)
    pages = [0]

    def counted(name: str, function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return wrapper

    to_svg = svg.to_svg
    svg.to_svg = counted("charts", to_svg)
    render_document = pdf_workers.render_document

    def laid_out(html, charts=None, cache=None, browser=None):
        before = spent["charts"]
        start = time.process_time()
        done = render_document(html, charts, cache, browser)
        charts_here = spent["charts"] - before
        spent["PDF layout"] += time.process_time() - start - charts_here
        pages[0] += page_count(done[0])
        return done

    pdf_workers.render_document = laid_out
    stage_of = {"results": "results", "view model": "view model"}
    started: dict[str, float] = {}

    def progress(stage: str, event: str, seconds: float | None) -> None:
        if event == "start":
            started[stage] = time.process_time()
        elif stage in stage_of:
            spent[stage_of[stage]] += time.process_time() - started[stage]
            if stage == "results":  # its scenarios run on two threads: its wall clock too
                spent["results wall"] += seconds or 0.0

    import report as bench_report  # benchmarks/report.py: the parameter and its values

    parameter = bench_report.PARAMETER
    # the build before has the parameter fixed too (a first `--set` adds a sentence and a
    # note that later ones only change), each value used once
    values = bench_report.values(options.runs + 1)
    out = Path(os.environ["PESTLE_CACHE"]) / "r"
    build_report(out=out, settings=Settings(overrides={parameter: values[0]}))
    rows: dict[str, list[float]] = defaultdict(list)
    for i in range(options.runs):
        spent.clear()
        pages[0] = 0
        value = values[i + 1]
        start = time.process_time()
        started.clear()
        browser = _children_cpu()

        build_report(
            out=out,
            settings=Settings(overrides={parameter: value}),
            progress=progress,
        )
        total = time.process_time() - start
        spent["browser"] = _children_cpu() - browser
        total += spent["browser"]
        # the view model stage starts the PDF's parts (laid out here, with no workers)
        spent["view model"] -= spent["PDF layout"] + spent["charts"]
        spent["other"] = total - sum(spent[k] for k in ("results", "view model", "PDF layout",
                                                          "charts", "browser"))  # fmt: skip
        for key in ("results", "view model", "PDF layout", "charts", "browser", "other"):
            rows[key].append(spent[key])
        rows["total"].append(total)
        rows["pages"].append(pages[0])
        rows["results wall"].append(spent["results wall"])
    svg.to_svg = to_svg
    pdf_workers.render_document = render_document

    median = {k: statistics.median(v) for k, v in rows.items()}
    from pestle.report.pdf_engine import choose

    engine = choose().label()
    print(f"rebuild after one {parameter} change ({engine}): CPU seconds, median of {options.runs}")
    for key in ("results", "view model", "PDF layout", "charts", "browser", "other", "total"):
        print(f"  {key:<12} {median[key]:6.2f} s")
    print(f"  PDF pages laid out: {median['pages']:.0f}")
    # before the PDF can start: the results (wall clock: their threads share the cores
    # already) and the view model; the rest of the work is shared by the cores at best
    serial = median["results wall"] + median["view model"]
    rest = median["total"] - median["results"] - median["view model"]
    floor = serial + rest / options.cores
    verdict = "under" if floor < GOAL else "over"
    print(
        f"floor on {options.cores} cores: {serial:.2f} s before the PDF can start + "
        f"{rest:.2f} s / {options.cores} = {floor:.2f} s, {verdict} the goal of {GOAL} s"
    )


def _children_cpu() -> float:
    """CPU seconds of this process's children so far (Chromium and its driver)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended meanwhile
            continue
        total += times.user + times.system
    return total


if __name__ == "__main__":
    main()
