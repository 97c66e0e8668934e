"""Start-up budget of the command line, on the import graph (not a timed test): building
the CLI for `pestle --help` imports no scientific, database, web or report stack."""

from __future__ import annotations

import json
import subprocess
import sys

# what `pestle --help` must not load: each costs tens to hundreds of milliseconds
HEAVY = (
    "numpy", "pandas", "scipy", "SALib", "sqlalchemy", "alembic", "weasyprint", "altair",
    "vl_convert", "fastapi", "uvicorn", "pyarrow", "distributed", "dask", "openpyxl", "docx",
    "jinja2", "babel", "yaml", "pikepdf",
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
