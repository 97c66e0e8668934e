"""Tables out: the JSON documents of pestle as Excel workbooks (one sheet per table).

    >>> from pestle.export import results_workbook
    >>> results_workbook(results, "tables.xlsx")        # doctest: +SKIP

`sheets.py` cuts tables from a JSON document, `documents.py` says which tables each
document (results, checks, demand, claims, a revision, charts) becomes, `xlsx.py` writes
them. Nothing here computes a number: every value is copied from the document.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pestle.export.documents import (
    chart_sheets,
    check_sheets,
    demand_sheets,
    extract_sheets,
    results_sheets,
    revision_sheets,
)
from pestle.export.sheets import Sheet
from pestle.export.xlsx import FIRST_ROW, HEADER_ROW, UNIT_ROW, workbook_bytes, write_workbook

if TYPE_CHECKING:
    from pestle.results import Results


def prefetch() -> threading.Thread:
    """Import XlsxWriter in a background thread, while a build does other work."""
    thread = threading.Thread(
        target=importlib.import_module, args=("xlsxwriter",), name="pestle-xlsx", daemon=True
    )
    thread.start()
    return thread


def results_workbook_bytes(
    results: Results, *, charts: Mapping[str, Mapping[str, Any]] | None = None
) -> bytes:
    """Every table of the results, and each chart's data, as one workbook (the report's
    tables.xlsx); `charts` are the specs by name (default: `results.charts.specs()`; the
    report passes the charts it drew)."""
    doc = results.to_dict()
    specs = results.charts.specs() if charts is None else charts
    sheets = [*results_sheets(doc), *chart_sheets(specs)]
    return workbook_bytes(
        sheets,
        doc["settings"],
        title=f"{doc['case']['name']}: results (pestle {doc['pestle']})",
        settings_text=doc["settings_text"],
    )


def results_workbook(results: Results, path: str | Path, *, charts: bool = True) -> Path:
    doc = results.to_dict()
    sheets = results_sheets(doc)
    if charts:
        sheets += chart_sheets(results.charts.specs())
    return write_workbook(
        path,
        sheets,
        doc["settings"],
        title=f"{doc['case']['name']}: results (pestle {doc['pestle']})",
        settings_text=doc["settings_text"],
    )


def document_workbook(
    kind: str,
    document: Any,
    path: str | Path,
    *,
    settings: dict[str, Any] | None = None,
    title: str = "",
    settings_text: str = "",
) -> Path:
    """Write the workbook of one JSON document: `kind` is "checks", "demand", "extract" or
    "revision" (the document as its command prints it with --format json)."""
    makers = {
        "checks": check_sheets,
        "demand": demand_sheets,
        "extract": extract_sheets,
        "revision": revision_sheets,
    }
    return write_workbook(
        path, makers[kind](document), settings or {}, title=title or f"pestle {kind}",
        settings_text=settings_text,
    )  # fmt: skip


__all__ = [
    "FIRST_ROW",
    "HEADER_ROW",
    "UNIT_ROW",
    "Sheet",
    "chart_sheets",
    "check_sheets",
    "demand_sheets",
    "document_workbook",
    "extract_sheets",
    "prefetch",
    "results_sheets",
    "results_workbook",
    "results_workbook_bytes",
    "revision_sheets",
    "workbook_bytes",
    "write_workbook",
]
