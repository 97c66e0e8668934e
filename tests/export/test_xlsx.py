"""Workbooks out: every sheet's numbers are the JSON document's, stored as numbers with
number formats, each sheet with units, a source column and the run settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import pestle
from cli_run import Run
from pestle.export import FIRST_ROW, HEADER_ROW, UNIT_ROW, results_workbook
from pestle.export.sheets import at, flatten, numbers
from pestle.results import Results, Settings

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "src" / "pestle" / "cases" / "xinjiang_composites" / "sources" / "source_report.txt"
SMALL = Settings(samples=2_000, sobol_samples=64, draws=200)


@pytest.fixture(scope="module")
def results() -> Results:
    return Results(pestle.load_case(), SMALL)


@pytest.fixture(scope="module")
def workbook(results: Results, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return results_workbook(results, tmp_path_factory.mktemp("xlsx") / "results.xlsx")


def table(ws: Any) -> tuple[list[str], list[Any], list[list[Any]]]:
    """(column names, units, data rows) of a table sheet, by the writer's layout."""
    header = [c.value for c in ws[HEADER_ROW]]
    units = [c.value for c in ws[UNIT_ROW]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=FIRST_ROW)]
    return header, units, rows


def stored(value: float) -> float:
    """A number as an .xlsx file holds it: the writer keeps 16 significant digits ("%.16g"),
    one more than Excel shows, so equality is exact at that precision."""
    return float(f"{value:.16g}")


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_numbers(ws: Any, document: Any) -> int:
    """Every number of the sheet is a number of its JSON origin; row by row where the
    origin is a list of records with one row each. Returns how many numbers were checked."""
    origin = ws["B4"].value
    node = document if origin == "(the whole document)" else at(document, origin)
    found = {stored(v) for v in numbers(node)}
    header, _, rows = table(ws)
    checked = 0
    for row in rows:
        for name, value in zip(header, row, strict=True):
            if is_number(value):
                assert float(value) in found, (ws.title, name, value)
                checked += 1
    if isinstance(node, list) and len(node) == len(rows) and all(isinstance(r, dict) for r in node):
        for record, row in zip(node, rows, strict=True):
            flat = flatten(record)
            for name, value in zip(header, row, strict=True):
                if name in flat and is_number(flat[name]):
                    assert value == stored(flat[name]), (ws.title, name)
    return checked


def test_every_sheet_of_the_results_holds_the_json_numbers(
    results: Results, workbook: Path
) -> None:
    doc = json.loads(json.dumps(results.to_dict()))  # exactly what --format json prints
    specs = results.charts.specs()
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames[0] == "about"
    total = 0
    for ws in wb.worksheets[1:]:
        origin = ws["B4"].value
        if origin.startswith("chart:"):
            spec = specs[origin.removeprefix("chart:")]
            (records,) = spec["datasets"].values()
            total += check_numbers(ws, {origin: records})
        else:
            total += check_numbers(ws, doc)
        assert ws["A2"].value == "settings" and ws["B2"].value == doc["settings_text"]
        assert ws["A3"].value == "source" and ws["B3"].value
        header, _, rows = table(ws)
        assert header[-1] == "source" and all(r[-1] for r in rows), ws.title
    assert total > 2_000
    names = set(wb.sheetnames)
    for expected in ("checks", "ahp weights", "dematel", "efe", "topsis", "demand by year",
                     "sobol", "linkage sectors", "chart demand fan"):  # fmt: skip
        assert expected in names


def test_numbers_are_numbers_with_formats_and_units(workbook: Path, results: Results) -> None:
    wb = openpyxl.load_workbook(workbook)
    ws = wb["demand cumulative"]
    header, units, rows = table(ws)
    p50 = header.index("p50")
    assert units[p50] == "t"
    headline = results.demand
    total = next(
        r for r in rows if r[header.index("scenario")] == headline.name and r[1] == "total"
    )
    assert total[p50] == stored(
        results.to_dict()["demand"]["scenarios"][headline.name]["segments"]["total"]["cumulative"][
            "p50"
        ]
    )
    cell = ws.cell(row=FIRST_ROW, column=p50 + 1)
    assert isinstance(cell.value, float) and cell.number_format == "#,##0"
    ws = wb["ahp weights"]
    header, units, rows = table(ws)
    assert units[header.index("global_weight")] == "share"
    weights = [r[header.index("global_weight")] for r in rows]
    assert sum(weights) == pytest.approx(1.0)
    assert ws.cell(row=FIRST_ROW, column=header.index("global_weight") + 1).number_format == (
        "0.0000"
    )


def test_check_xlsx_equals_check_json(cli: Run, tmp_path: Path) -> None:
    code, out, _ = cli("check", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    path = tmp_path / "checks.xlsx"
    code, out, _ = cli("check", "--format", "xlsx", "--out", str(path))
    assert code == 0 and out.strip() == f"wrote {path}"
    wb = openpyxl.load_workbook(path)
    ws = wb["checks"]
    assert check_numbers(ws, doc) > 20
    header, _, rows = table(ws)
    assert [r[header.index("id")] for r in rows] == [f["id"] for f in doc["findings"]]
    assert check_numbers(wb["checks summary"], doc) == len(doc["summary"])


def test_xlsx_needs_an_out_file(cli: Run) -> None:
    code, _, err = cli("check", "--format", "xlsx")
    assert code == 2
    assert (
        err.strip() == "error: --format xlsx writes a workbook: give its file with --out FILE.xlsx"
    )
    code, _, err = cli("analyze", "--format", "xlsx", "--out", "tables.csv")
    assert code == 2 and err.strip() == "error: --out tables.csv: a workbook's name ends in .xlsx"
    code, _, err = cli("check", "--format", "xlsx", "--out", "/nonexistent/t.xlsx")
    assert (
        code == 2
        and err.strip() == "error: --out: /nonexistent/t.xlsx: folder /nonexistent does not exist"
    )


def test_demand_xlsx_equals_demand_json(cli: Run, tmp_path: Path) -> None:
    args = ("demand", "--samples", "500", "--sobol-samples", "0")
    code, out, _ = cli(*args, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    path = tmp_path / "demand.xlsx"
    assert cli(*args, "--format", "xlsx", "--out", str(path))[0] == 0
    wb = openpyxl.load_workbook(path)
    assert {"demand by year", "demand cumulative", "about"} <= set(wb.sheetnames)
    for ws in wb.worksheets[1:]:
        assert check_numbers(ws, doc) > 0
    about = {r[0]: r[1] for r in wb["about"].iter_rows(values_only=True) if r and r[0]}
    assert about["samples"] == 500 and about["seed"] == doc["settings"]["seed"]


def test_extract_xlsx_of_many_files_equals_the_json(cli: Run, tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text("In 2024 exports reached 350 billion yuan, up 12.5%.", encoding="utf-8")
    code, out, _ = cli("extract", str(news), str(REPORT), "--format", "json")
    assert code == 0
    documents = json.loads(out)
    assert [d["source"]["title"] for d in documents] == ["news", "source_report"]
    path = tmp_path / "claims.xlsx"
    assert cli("extract", str(news), str(REPORT), "--format", "xlsx", "--out", str(path))[
        0
    ] == 0  # fmt: skip
    ws = openpyxl.load_workbook(path)["claims"]
    header, _, rows = table(ws)
    claims = [c for d in documents for c in d["claims"]]
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims, strict=True):
        assert row[header.index("value")] == stored(claim["value"])
        assert row[header.index("start")] == claim["start"]
        assert row[header.index("unit")] == claim["unit"]
    assert rows[0][header.index("document")] == "news"


def test_extract_reads_standard_input(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io
    import sys

    text = "In 2024 exports reached 350 billion yuan, up 12.5%."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = cli("extract", "-", "--format", "jsonl")
    assert code == 0
    (line,) = out.strip().splitlines()
    doc = json.loads(line)
    assert doc["source"]["title"] == "stdin"
    assert [(c["value"], c["unit"]) for c in doc["claims"]] == [(3.5e11, "CNY"), (12.5, "%")]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe text")))
    code, _, err = cli("extract", "-")
    assert code == 2 and err.startswith("error: <stdin>") and "UTF-8" in err


def test_db_export_xlsx_equals_db_export_json(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "store.db")
    assert cli("db", "import", str(REPORT), "--db", db)[0] == 0
    code, out, _ = cli("db", "export", "1", "--db", db)
    assert code == 0
    doc = json.loads(out)
    path = tmp_path / "rev.xlsx"
    assert cli("db", "export", "1", "--db", db, "--format", "xlsx", "--out", str(path))[
        0
    ] == 0  # fmt: skip
    wb = openpyxl.load_workbook(path)
    assert check_numbers(wb["claims"], doc) >= len(doc["claims"])
    header, _, rows = table(wb["claims"])
    assert [r[header.index("value")] for r in rows] == [stored(c["value"]) for c in doc["claims"]]
