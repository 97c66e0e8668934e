"""docs/tour.ipynb runs top to bottom (nbclient, a real kernel) and shows rich output: the
check report and the demand as HTML tables, the charts as Vega-Lite."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
TOUR = ROOT / "docs" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    work = tmp_path_factory.mktemp("tour")
    shutil.copy(TOUR, work / TOUR.name)
    nb = nbformat.read(work / TOUR.name, as_version=4)
    # the kernel imports this checkout's pestle, as the test process does
    paths = [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    )
    client.execute(env=env)
    assert (work / "tour-tables.xlsx").is_file()
    assert (work / "tour-report" / "report.docx").is_file()
    return nb


def outputs(nb: nbformat.NotebookNode, source_start: str) -> list[dict]:
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith(source_start))
    return cell.outputs


def test_the_tour_runs_without_an_error(executed: nbformat.NotebookNode) -> None:
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert cell.outputs is not None
            assert not [o for o in cell.outputs if o.output_type == "error"], cell.source


def test_the_check_report_and_demand_display_as_tables(executed: nbformat.NotebookNode) -> None:
    (printed, shown) = outputs(executed, "report = results.findings")
    assert printed.text.startswith("CheckReport(case=")
    assert "<table" in shown.data["text/html"] and "Checks of" in shown.data["text/html"]
    (demand,) = outputs(executed, "results.demand")
    assert "Composite demand, scenario" in demand.data["text/html"]
    (case,) = outputs(executed, "import pestle")
    assert "<table" in case.data["text/html"]


def test_the_charts_are_vega_lite(executed: nbformat.NotebookNode) -> None:
    # Altair's default renderer: the Vega-Lite spec embedded in HTML, drawn by vega-embed
    (chart,) = outputs(executed, "results.charts.demand_fan()")
    page = chart.data["text/html"]
    assert "vegaEmbed" in page and "Composite demand by segment, scenario" in page
