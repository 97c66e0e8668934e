"""Write `Sheet`s to an Excel workbook (openpyxl): numbers as numbers, with number formats.

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
    """The workbook of `sheets` as .xlsx bytes; `settings` are the run's (seed, samples ...)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    about = wb.active
    about.title = ABOUT
    about["A1"] = title
    about["A1"].font = Font(bold=True, size=13)
    about.append([])
    about.append(["setting", "value"])
    for cell in about[3]:
        cell.font = Font(bold=True)
    for key, value in flatten(settings).items():
        about.append([key, _cell(value)])
    about.append([])
    about.append(["sheet", "what it holds", "rows", "source"])
    for cell in about[about.max_row]:
        cell.font = Font(bold=True)
    names = _tab_names([s.name for s in sheets])
    for tab, sheet in zip(names, sheets, strict=True):
        about.append([tab, sheet.title, len(sheet.rows), sheet.source])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 60

    text = settings_text or "; ".join(f"{k} {v}" for k, v in flatten(settings).items())
    for tab, sheet in zip(names, sheets, strict=True):
        ws = wb.create_sheet(tab)
        ws["A1"] = sheet.title
        ws["A1"].font = Font(bold=True, size=12)
        ws["A2"], ws["B2"] = "settings", text
        ws["A3"], ws["B3"] = "source", sheet.source
        ws["A4"], ws["B4"] = "JSON path", sheet.origin or "(the whole document)"
        for col, (name, unit) in enumerate(zip(sheet.columns, sheet.units, strict=True), 1):
            head = ws.cell(row=HEADER_ROW, column=col, value=name)
            head.font = Font(bold=True)
            ws.cell(row=UNIT_ROW, column=col, value=unit or None).font = Font(italic=True)
        for r, row in enumerate(sheet.rows, FIRST_ROW):
            for col, (value, unit) in enumerate(zip(row, sheet.units, strict=True), 1):
                cell = ws.cell(row=r, column=col, value=_cell(value))
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    cell.number_format = number_format(unit, cell.value)
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=1)
        for col, name in enumerate(sheet.columns, 1):
            longest = max([len(name), *(len(str(row[col - 1] or "")) for row in sheet.rows[:50])])
            ws.column_dimensions[get_column_letter(col)].width = min(_MAX_WIDTH, longest + 2)
    buffer = io.BytesIO()
    wb.save(buffer)
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
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, out)
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
