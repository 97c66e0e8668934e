"""Indicator tables (CSV or .xlsx) read as claims, every bad row reported before any write.

Column layout (first row is the header; names are case-insensitive, order is free):

    measure    required  what is measured, e.g. "GDP"
    value      required  a plain number in the canonical unit (e.g. 472909000000, not "4729亿")
    unit       required  one of CNY USD W Wh t kg km % pp count
    source     required  where the figure comes from (report, table, URL)
    subject    optional  what it is measured of, e.g. "Northland"
    period     optional  ISO interval 2025-01-01/2025-03-31, or 2024, 2025-Q1, 2023-H1,
                         2025-05 (a month), 2025-05-31 (a day); empty for none
    qualifier  optional  one of = > >= < <= ~ (default =)

A CSV file must be UTF-8. An .xlsx workbook is read from its first sheet; its "lines" are
sheet rows. Blank rows are skipped. Every problem is reported as ``file:line: problem``
(`TableError.problems`; at most `MAX_PROBLEMS`), and then nothing is written.

Each row becomes a claim whose text is the row as written (for .xlsx, the row's cells joined
as CSV) and whose span is the row's place in the file (for .xlsx, in that CSV rendering).
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pestle.errors import InputError, ParseError
from pestle.model import QUALIFIERS, UNITS, Claim, Period, Source
from pestle.store.importer import PreparedDocument

REQUIRED = ("measure", "value", "unit", "source")
OPTIONAL = ("subject", "period", "qualifier")
COLUMNS = REQUIRED + OPTIONAL
MAX_PROBLEMS = 200  # stop reporting after this many bad rows

_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


class TableError(ParseError):
    """An indicator table has bad rows; `problems` holds one ParseError per problem."""

    def __init__(self, problems: Sequence[ParseError]) -> None:
        first = problems[0]
        super().__init__(first.problem, first.file, first.line, first.col)
        self.problems = tuple(problems)
        self.args = ("\n".join(str(p) for p in self.problems),)

    def __str__(self) -> str:
        return str(self.args[0])


def parse_period(text: str) -> Period | None:
    """A period cell: ISO interval, year, quarter, half, month or day; empty means none."""
    text = text.strip()
    if not text:
        return None
    if "/" in text:
        return Period.parse(text)
    if _YEAR.match(text):
        return Period.year(int(text))
    if m := _QUARTER.match(text):
        return Period.quarter(int(m[1]), int(m[2]))
    if m := _HALF.match(text):
        return Period.half(int(m[1]), int(m[2]))
    if m := _MONTH.match(text):
        month = int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        return Period.months(int(m[1]), month, month)
    return Period.day(date.fromisoformat(text))


def read_indicators(path: str | Path, *, name: str | None = None) -> PreparedDocument:
    """Read and check an indicator table; raise `TableError` listing every bad row."""
    file = Path(path).absolute()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    if file.suffix.lower() == ".xlsx":
        rows, section = _xlsx_rows(file, data)
    elif file.suffix.lower() == ".csv":
        rows, section = _csv_rows(file, data), None
    else:
        raise InputError(f"{file}: indicator tables are .csv or .xlsx files")
    source = Source(title=file.name, path=str(file), sha256=hashlib.sha256(data).hexdigest())
    return _prepare(file, rows, section, source, name or file.stem)


# -- reading: (line, cells, raw text, offset) per physical record ------------------------
Row = tuple[int, list[str], str, int]


def _csv_rows(file: Path, data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("not UTF-8 text: save the table as UTF-8 CSV", file, line) from exc
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    last = 0
    try:
        for cells in reader:
            first = last + 1
            last = reader.line_num
            begin = starts[first - 1]
            end = starts[last] if last < len(starts) else len(text)
            raw = text[begin:end].rstrip("\r\n")
            rows.append((first, cells, raw, begin))
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", file, reader.line_num) from exc
    return rows


def _xlsx_rows(file: Path, data: bytes) -> tuple[list[Row], str]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds; all mean "not a workbook"
        reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        raise ParseError(f"not a readable .xlsx workbook ({reason})", file) from exc
    try:
        sheet = book.worksheets[0]
        rows: list[Row] = []
        offset = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="").writerow(cells)
            raw = buffer.getvalue()
            rows.append((number, cells, raw, offset))
            offset += len(raw) + 1
        return rows, sheet.title
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# -- checking ------------------------------------------------------------------------------
def _prepare(
    file: Path, rows: list[Row], section: str | None, source: Source, name: str
) -> PreparedDocument:
    problems: list[ParseError] = []
    rows = [r for r in rows if any(cell.strip() for cell in r[1])]
    if not rows:
        raise TableError([ParseError("no header row: expected " + ", ".join(COLUMNS), file, 1)])
    header_line, header, _, _ = rows[0]
    columns = [h.strip().lower() for h in header]
    for h in columns:
        if h not in COLUMNS:
            problems.append(
                ParseError(
                    f"unknown column {h!r}: columns are {', '.join(COLUMNS)}", file, header_line
                )
            )
    for h in set(columns):
        if columns.count(h) > 1:
            problems.append(ParseError(f"column {h!r} appears twice", file, header_line))
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append(ParseError(f"missing column(s) {', '.join(missing)}", file, header_line))
    if problems:
        raise TableError(problems)

    claims: list[Claim] = []
    lines: list[int | None] = []
    references: list[str | None] = []
    for line, cells, raw, offset in rows[1:]:
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            problems.append(
                ParseError(f"{len(cells)} fields, but the header has {len(columns)}", file, line)
            )
            continue
        record = {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)}
        row_problems = list(_check(record))
        if row_problems:
            problems.extend(ParseError(p, file, line) for p in row_problems)
        else:
            claims.append(_claim(record, raw, offset, section))
            lines.append(line)
            references.append(record["source"])
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise TableError(problems)
    return PreparedDocument(
        name=name,
        source=source,
        claims=claims,
        kind="table",
        path=str(file),
        lines=lines,
        references=references,
    )


def _check(record: dict[str, str]) -> Iterator[str]:
    if not record["measure"]:
        yield "measure is empty"
    value = record["value"]
    if not value:
        yield "value is empty"
    else:
        try:
            number = float(value)
        except ValueError:
            number = None
        if number is None or not math.isfinite(number):
            yield f"value {value!r} is not a plain number (no units, separators or words)"
    if record["unit"] not in UNITS:
        yield f"unit {record['unit']!r} is not one of {' '.join(UNITS)}"
    if not record["source"]:
        yield "source is empty: say where the figure comes from"
    qualifier = record.get("qualifier", "")
    if qualifier and qualifier not in QUALIFIERS:
        yield f"qualifier {qualifier!r} is not one of {' '.join(QUALIFIERS)}"
    try:
        parse_period(record.get("period", ""))
    except ValueError as exc:
        yield (
            f"period {record['period']!r} is not a period (2024, 2025-Q1, 2023-H1, 2025-05, "
            f"2025-05-31 or 2025-01-01/2025-03-31): {_first_line(exc)}"
        )


def _first_line(exc: ValueError) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(e["msg"]) for e in exc.errors())
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _claim(record: dict[str, str], raw: str, offset: int, section: str | None) -> Claim:
    return Claim(
        value=float(record["value"]),
        unit=record["unit"],  # type: ignore[arg-type]  # checked against UNITS
        qualifier=record.get("qualifier") or "=",  # type: ignore[arg-type]
        period=parse_period(record.get("period", "")),
        measure=record["measure"],
        subject=record.get("subject") or None,
        text=raw,
        start=offset,
        end=offset + len(raw),
        section=section,
    )
