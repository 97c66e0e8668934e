"""Write `Sheet`s to an Excel workbook (XlsxWriter): numbers as numbers, with number formats.

Layout of every table sheet (the tests and readers rely on it): the title in A1; the run
settings, the source and the JSON path of the rows in rows 2-4; the column names in row
`HEADER_ROW`, their units in the row below, the data from `FIRST_ROW` on. The first sheet,
"about", lists what the workbook holds and the settings one per row.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pestle.errors import InputError
from pestle.export.sheets import Cell, Sheet, flatten

HEADER_ROW = 6
UNIT_ROW = HEADER_ROW + 1
FIRST_ROW = HEADER_ROW + 2
ABOUT = "about"
_MAX_TAB = 31
_MAX_WIDTH = 60

# number formats by unit: money and physical quantities in whole units with separators,
# percentages and points with two decimals, shares and indices with four
_FORMATS = {
    "CNY": "#,##0",
    "USD": "#,##0",
    "t": "#,##0",
    "kg": "#,##0",
    "W": "#,##0",
    "Wh": "#,##0",
    "count": "#,##0",
    "year": "0",
    "rank": "0",
    "%": "0.00",
    "pp": "0.000",
    "share": "0.0000",
    "index": "0.0000",
    "ratio": "0.0000",
    "score": "0.000",
}
_INTEGER = "#,##0"
_DECIMAL = "#,##0.00##"


def number_format(unit: str, value: float | int) -> str:
    """The Excel number format of a value of `unit` (integers without decimals)."""
    if unit in _FORMATS:
        return _FORMATS[unit]
    return _INTEGER if isinstance(value, int) else _DECIMAL


def workbook_bytes(
    sheets: Sequence[Sheet], settings: Mapping[str, Any], *, title: str, settings_text: str = ""
) -> bytes:
    """The workbook of `sheets` as .xlsx bytes; `settings` are the run's (seed, samples ...).

    Written with XlsxWriter (cells written in place, each format made once): a third of
    openpyxl's time on the report's 43 sheets, which a rebuild writes again each time.
    Text is always written as text, never as a formula; a number that is not finite
    becomes Excel's error value."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "nan_inf_to_errors": True, "strings_to_numbers": False}
    )
    bold, italic = wb.add_format({"bold": True}), wb.add_format({"italic": True})
    number_formats: dict[str, Any] = {}

    def put(ws: Any, row: int, col: int, value: Any, style: Any = None) -> None:
        value = _cell(value)
        if value is None:
            if style is not None:
                ws.write_blank(row, col, None, style)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, style)
        elif isinstance(value, int | float):
            ws.write_number(row, col, value, style)
        else:
            ws.write_string(row, col, value, style)

    def number(unit: str, value: float | int) -> Any:
        fmt = number_format(unit, value)
        if fmt not in number_formats:
            number_formats[fmt] = wb.add_format({"num_format": fmt})
        return number_formats[fmt]

    names = _tab_names([s.name for s in sheets])
    about = wb.add_worksheet(ABOUT)
    about.set_column(0, 0, 24)
    about.set_column(1, 1, 60)
    put(about, 0, 0, title, wb.add_format({"bold": True, "font_size": 13}))
    put(about, 2, 0, "setting", bold)
    put(about, 2, 1, "value", bold)
    row = 3
    for key, value in flatten(settings).items():
        put(about, row, 0, key)
        put(about, row, 1, value)
        row += 1
    row += 1
    for col, heading in enumerate(("sheet", "what it holds", "rows", "source")):
        put(about, row, col, heading, bold)
    for tab, sheet in zip(names, sheets, strict=True):
        row += 1
        for col, value in enumerate((tab, sheet.title, len(sheet.rows), sheet.source)):
            put(about, row, col, value)

    text = settings_text or "; ".join(f"{k} {v}" for k, v in flatten(settings).items())
    heading = wb.add_format({"bold": True, "font_size": 12})
    for tab, sheet in zip(names, sheets, strict=True):
        ws = wb.add_worksheet(tab)
        for col, name in enumerate(sheet.columns):
            longest = max([len(name), *(len(str(row[col] or "")) for row in sheet.rows[:50])])
            ws.set_column(col, col, min(_MAX_WIDTH, longest + 2))
        ws.freeze_panes(FIRST_ROW - 1, 0)
        put(ws, 0, 0, sheet.title, heading)
        for r, (label, value) in enumerate(
            (
                ("settings", text),
                ("source", sheet.source),
                ("JSON path", sheet.origin or "(the whole document)"),
            ),
            start=1,
        ):
            put(ws, r, 0, label)
            put(ws, r, 1, value)
        for col, name in enumerate(sheet.columns):
            put(ws, HEADER_ROW - 1, col, name, bold)
        for col, unit in enumerate(sheet.units):
            put(ws, UNIT_ROW - 1, col, unit or None, italic)
        for r, values in enumerate(sheet.rows, start=FIRST_ROW - 1):
            for col, (value, unit) in enumerate(zip(values, sheet.units, strict=True)):
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                put(ws, r, col, value, number(unit, value) if numeric else None)
    wb.close()
    return buffer.getvalue()


def write_workbook(
    path: str | Path,
    sheets: Sequence[Sheet],
    settings: Mapping[str, Any],
    *,
    title: str,
    settings_text: str = "",
) -> Path:
    """Write the workbook to `path` atomically (a temporary file moved into place)."""
    out = Path(path)
    if out.is_dir():
        raise InputError(f"{out}: is a folder; give a file name ending in .xlsx", parameter="out")
    data = workbook_bytes(sheets, settings, title=title, settings_text=settings_text)
    parent = out.resolve().parent
    if not parent.is_dir():
        raise InputError(f"{out}: folder {parent} does not exist", parameter="out")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def _cell(value: Any) -> Cell:
    # Excel holds text, numbers and booleans; anything else is written as its text
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _tab_names(names: Sequence[str]) -> list[str]:
    """Unique tab names of at most 31 characters ("claims", "claims 2", ...)."""
    seen: set[str] = {ABOUT}
    out = []
    for name in names:
        base = name.replace("/", " ").replace(":", " ")[:_MAX_TAB]
        tab, n = base, 2
        while tab.lower() in seen:
            suffix = f" {n}"
            tab, n = base[: _MAX_TAB - len(suffix)] + suffix, n + 1
        seen.add(tab.lower())
        out.append(tab)
    return out
