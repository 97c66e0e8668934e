"""Start-up budget of the command line, on the import graph (not a timed test): building
the CLI for `pestle --help` imports no scientific, database, web or report stack, and each
command loads only the libraries it uses (`check` no numpy, `demand` without Sobol' no
scipy, SALib or pandas, ...); benchmarks/speed.py times the same commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# what `pestle --help` must not load: each costs tens to hundreds of milliseconds
HEAVY = (
    "numpy", "pandas", "scipy", "SALib", "sqlalchemy", "alembic", "weasyprint", "altair",
    "vl_convert", "fastapi", "uvicorn", "pyarrow", "distributed", "dask", "openpyxl", "docx",
    "xlsxwriter", "jinja2", "babel", "yaml", "pikepdf", "pydantic",
)  # fmt: skip
# pestle's own heavy layers: the case loader, the analyses, the store, the report, the web
HEAVY_PESTLE = (
    "pestle.case", "pestle.analysis", "pestle.store", "pestle.report", "pestle.web",
    "pestle.results.results", "pestle.checks", "pestle.export", "pestle.ingest.extractor",
    "pestle.ingest.document", "pestle.present.charts", "pestle.present.chartkit",
)  # fmt: skip


def _loaded() -> set[str]:
    code = "import sys, json, pestle.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out))


def test_help_loads_no_heavy_library() -> None:
    loaded = _loaded()
    assert sorted(m for m in HEAVY if m in loaded) == []
    inside = tuple(f"{p}." for p in HEAVY_PESTLE)
    assert sorted(m for m in loaded if m in HEAVY_PESTLE or m.startswith(inside)) == []


# -- per command: what running it imports (the budgets of `python -X importtime`, issue 17) --
# A command runs in a fresh process with an empty cache (it computes, as on a first run) and
# again with the cache that run left (it reads its results: unpickling imports their
# classes' modules); the modules loaded after it ran are compared with its budget.
RUN = """
import json, sys
from pestle.cli import main
out, sys.stdout = sys.stdout, open("/dev/null", "w")
try:
    main(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
out.write(json.dumps(sorted(sys.modules)))
"""
SCIENCE = ("scipy", "SALib", "pandas", "pyarrow")  # the scientific stack beyond numpy
REPORT_WEB = ("weasyprint", "altair", "vl_convert", "fastapi", "uvicorn", "jinja2", "pikepdf")
STORE = ("sqlalchemy", "alembic")
CLUSTER = ("distributed", "dask")
# command -> libraries it must not load (a budget, each costing 0.1-0.5 s of start-up)
BUDGETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "check": (
        ("check",),
        ("numpy", *SCIENCE, *REPORT_WEB, *STORE, *CLUSTER, "openpyxl", "xlsxwriter"),
    ),
    "demand without Sobol'": (
        ("demand", "--samples", "1000", "--sobol-samples", "0"),
        (*SCIENCE, *REPORT_WEB, *STORE, *CLUSTER, "openpyxl", "xlsxwriter"),
    ),
    "demand": (
        ("demand", "--samples", "1000"),
        (*REPORT_WEB, *STORE, *CLUSTER, "openpyxl", "xlsxwriter"),
    ),
    "analyze": (
        ("analyze", "--samples", "1000"),
        (*REPORT_WEB, *STORE, *CLUSTER, "openpyxl", "xlsxwriter"),
    ),
}
# the tables of `analyze` show no Sobol' indices: their libraries are not loaded (its JSON has
# them)
BUDGETS["analyze"] = (BUDGETS["analyze"][0], (*BUDGETS["analyze"][1], "SALib", "scipy.stats"))


def _loaded_by(args: tuple[str, ...], cache: Path) -> set[str]:
    env = {**os.environ, "PESTLE_CACHE": str(cache), "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return set(json.loads(proc.stdout))


@pytest.mark.parametrize("name", list(BUDGETS))
def test_a_command_loads_only_what_it_uses(name: str, tmp_path: Path) -> None:
    args, forbidden = BUDGETS[name]
    first = _loaded_by(args, tmp_path)  # computes
    again = _loaded_by(args, tmp_path)  # reads what the first run cached
    for loaded in (first, again):
        assert sorted(m for m in forbidden if m in loaded) == []


def test_extract_loads_no_scientific_stack(source_report_path: Path, tmp_path: Path) -> None:
    loaded = _loaded_by(("extract", str(source_report_path)), tmp_path)
    forbidden = ("numpy", *SCIENCE, *REPORT_WEB, *STORE, *CLUSTER, "yaml")
    assert sorted(m for m in forbidden if m in loaded) == []
