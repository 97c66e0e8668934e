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
    """The workbook of `sheets` as .xlsx bytes; `settings` are the run's (seed, samples ...).

    Written in openpyxl's write-only mode (rows streamed in order, about twice as fast)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold, italic = Font(bold=True), Font(italic=True)

    def styled(ws: Any, value: Any, font: Font | None = None, fmt: str | None = None) -> Any:
        cell = WriteOnlyCell(ws, value=_cell(value))
        if font is not None:
            cell.font = font
        if fmt is not None:
            cell.number_format = fmt
        return cell

    names = _tab_names([s.name for s in sheets])
    about = wb.create_sheet(ABOUT)
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 60
    about.append([styled(about, title, Font(bold=True, size=13))])
    about.append([])
    about.append([styled(about, "setting", bold), styled(about, "value", bold)])
    for key, value in flatten(settings).items():
        about.append([key, _cell(value)])
    about.append([])
    about.append([styled(about, h, bold) for h in ("sheet", "what it holds", "rows", "source")])
    for tab, sheet in zip(names, sheets, strict=True):
        about.append([tab, sheet.title, len(sheet.rows), sheet.source])

    text = settings_text or "; ".join(f"{k} {v}" for k, v in flatten(settings).items())
    for tab, sheet in zip(names, sheets, strict=True):
        ws = wb.create_sheet(tab)
        for col, name in enumerate(sheet.columns, 1):
            longest = max([len(name), *(len(str(row[col - 1] or "")) for row in sheet.rows[:50])])
            ws.column_dimensions[get_column_letter(col)].width = min(_MAX_WIDTH, longest + 2)
        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.append([styled(ws, sheet.title, Font(bold=True, size=12))])
        ws.append(["settings", text])
        ws.append(["source", sheet.source])
        ws.append(["JSON path", sheet.origin or "(the whole document)"])
        ws.append([])
        ws.append([styled(ws, name, bold) for name in sheet.columns])
        ws.append([styled(ws, unit or None, italic) for unit in sheet.units])
        for row in sheet.rows:
            ws.append(
                [
                    styled(ws, value, fmt=number_format(unit, value))
                    if isinstance(value, int | float) and not isinstance(value, bool)
                    else _cell(value)
                    for value, unit in zip(row, sheet.units, strict=True)
                ]
            )
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
