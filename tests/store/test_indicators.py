"""Indicator tables: the documented layout in CSV and .xlsx; every bad row is reported as
file:line: problem, and then nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from pestle.errors import ParseError
from pestle.model import Period
from pestle.store import TableError, read_indicators
from pestle.store.indicators import parse_period

GOOD = (
    "measure,subject,value,unit,period,source\n"
    "GDP,Xinjiang,472909000000,CNY,2025-Q1,Xinjiang Statistics Bureau\n"
    "\n"
    'exports,Xinjiang,"1.5e11",CNY,2024,"Urumqi Customs, 2025"\n'
)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "indicators"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_csv_rows_become_claims_with_line_and_source(tmp_path) -> None:
    path = tmp_path / "ind.csv"
    path.write_text(GOOD, encoding="utf-8")
    doc = read_indicators(path)
    assert doc.name == "ind" and doc.kind == "table"
    gdp, exports = doc.claims
    assert (gdp.value, gdp.unit, gdp.measure, gdp.subject) == (
        472909000000.0,
        "CNY",
        "GDP",
        "Xinjiang",
    )
    assert gdp.period == Period.quarter(2025, 1)
    assert exports.period == Period.year(2024) and exports.value == 1.5e11
    assert list(doc.lines or []) == [2, 4]
    assert list(doc.references or []) == ["Xinjiang Statistics Bureau", "Urumqi Customs, 2025"]
    assert GOOD[gdp.start : gdp.end] == gdp.text  # the span is the row as written
    assert GOOD[exports.start : exports.end] == exports.text


def test_xlsx_rows_become_claims(tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "ind.xlsx",
        [
            ["Measure", "Value", "Unit", "Source", "Period", "Qualifier"],
            ["installed capacity", 1e10, "W", "NEA", 2024, ">"],
            [None, None, None, None, None, None],
            ["GDP", 472909000000, "CNY", "bureau", "2025-01-01/2025-03-31", None],
        ],
    )
    doc = read_indicators(path)
    capacity, gdp = doc.claims
    assert (capacity.value, capacity.unit, capacity.qualifier) == (1e10, "W", ">")
    assert capacity.period == Period.year(2024) and capacity.section == "indicators"
    assert gdp.period == Period.quarter(2025, 1) and gdp.qualifier == "="
    assert list(doc.lines or []) == [2, 4]


def test_every_bad_csv_row_is_reported_with_its_line(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "measure,subject,value,unit,period,source\n"
        "GDP,Xinjiang,472909000000,CNY,2025-Q1,bureau\n"
        "GDP,Xinjiang,4729亿,CNY,2025-Q1,bureau\n"
        ",Xinjiang,1,yuan,2025,bureau\n"
        "GDP,Xinjiang,1,CNY,2025-Q7,\n",
        encoding="utf-8",
    )
    with pytest.raises(TableError) as info:
        read_indicators(path)
    lines = str(info.value).splitlines()
    assert lines == [
        f"{path}:3: value '4729亿' is not a plain number (no units, separators or words)",
        f"{path}:4: measure is empty",
        f"{path}:4: unit 'yuan' is not one of CNY USD W Wh t kg km % pp count",
        f"{path}:5: source is empty: say where the figure comes from",
        f"{path}:5: period '2025-Q7' is not a period (2024, 2025-Q1, 2023-H1, 2025-05, "
        "2025-05-31 or 2025-01-01/2025-03-31): Invalid isoformat string: '2025-Q7'",
    ]
    assert [(p.line, p.file) for p in info.value.problems][:2] == [(3, str(path)), (4, str(path))]


def test_bad_xlsx_rows_are_reported_by_sheet_row(tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["measure", "value", "unit", "source"],
            ["GDP", "n/a", "CNY", "bureau"],
            ["GDP", 1, "CNY", "bureau"],
            ["GDP", 1, "tons", "bureau"],
        ],
    )
    with pytest.raises(TableError) as info:
        read_indicators(path)
    assert [p.line for p in info.value.problems] == [2, 4]
    assert str(info.value).startswith(f"{path}:2: value 'n/a' is not a plain number")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("measure,value,unit", "1: missing column(s) source"),
        ("measure,value,unit,source,colour", "1: unknown column 'colour'"),
        ("measure,value,value,unit,source", "1: column 'value' appears twice"),
    ],
)
def test_header_problems_name_line_one(tmp_path, header: str, message: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(header + "\nGDP,1,CNY,x\n", encoding="utf-8")
    with pytest.raises(TableError, match=re.escape(message)):
        read_indicators(path)


def test_extra_fields_are_reported(tmp_path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("measure,value,unit,source\nGDP,1,CNY,x,surplus\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"x\.csv:2: 5 fields, but the header has 4"):
        read_indicators(path)


def test_non_utf8_csv_names_the_line(tmp_path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(b"measure,value,unit,source\n" + "国内生产总值,1,CNY,x\n".encode("gbk"))
    with pytest.raises(ParseError, match=r"gbk\.csv:2: not UTF-8 text"):
        read_indicators(path)


def test_a_corrupt_workbook_is_a_parse_error(tmp_path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(ParseError, match=r"broken\.xlsx: not a readable \.xlsx workbook"):
        read_indicators(path)


def test_malformed_tables_write_nothing(store, tmp_path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    store.import_indicators(good)
    bad_csv = tmp_path / "good2.csv"
    bad_csv.write_text(GOOD + "GDP,Xinjiang,oops,CNY,2025,x\n", encoding="utf-8")
    bad_xlsx = write_xlsx(
        tmp_path / "t.xlsx", [["measure", "value", "unit", "source"], ["GDP", "?", "CNY", "x"]]
    )
    for bad in (bad_csv, bad_xlsx):
        with pytest.raises(TableError):
            store.import_documents([good, bad])
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "good.csv").write_text(GOOD.replace("1.5e11", "1.6e11"), encoding="utf-8")
    with pytest.raises(TableError):  # a good revision in the same call is not written either
        store.import_documents([changed / "good.csv", bad_csv])
    assert [r.label for r in store.revisions()] == ["good@1"]
    assert store.verify() == []


def test_indicator_revisions_store_line_and_source(store, tmp_path) -> None:
    path = tmp_path / "ind.csv"
    path.write_text(GOOD, encoding="utf-8")
    result = store.import_documents([path])
    (doc,) = result.documents
    assert (doc.status, doc.claims) == ("new", 2)
    stored = store.stored_claims("ind")
    assert [(s.line, s.reference) for s in stored] == [
        (2, "Xinjiang Statistics Bureau"),
        (4, "Urumqi Customs, 2025"),
    ]
    assert store.revision("ind").kind == "table"
    again = store.import_indicators(path)
    assert again.documents[0].status == "unchanged"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("2024", Period.year(2024)),
        ("2025-Q1", Period.quarter(2025, 1)),
        ("2025q2", Period.quarter(2025, 2)),
        ("2023-H1", Period.half(2023, 1)),
        ("2025-05", Period.months(2025, 5, 5)),
        ("2025-05-31", Period.parse("2025-05-31/2025-05-31")),
        ("2025-01-01/2025-05-31", Period.months(2025, 1, 5)),
    ],
)
def test_period_cells(text: str, expected: Period | None) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2025-13", "2025-Q5", "last year", "2025-03-31/2025-01-01"])
def test_bad_period_cells(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)
