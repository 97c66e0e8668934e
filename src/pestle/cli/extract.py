"""`pestle extract [FILE] [--format json|csv|table]`: the numeric claims of one document."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pestle.cli import app, err_console
from pestle.ingest import DEFAULT_MAX_BYTES, EMBEDDED_REPORT, extract_file
from pestle.ingest.language import UnreadLanguageWarning
from pestle.model import Claim

CSV_FIELDS = tuple(Claim.model_fields)  # the JSON contract, in its order


class Format(StrEnum):
    json = "json"
    csv = "csv"
    table = "table"


def format_value(value: float) -> str:
    """A value for people: thousands separators, up to 12 significant digits."""
    return format(value, ",.12g")


def claims_table(claims: list[Claim], title: str | None = None) -> Table:
    """The claims as a rich table (section, text, value, unit, qualifier, period, ...)."""
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("section", "text", "value", "unit", "qualifier", "period", "measure", "subject"):
        fixed = name in {"value", "unit", "qualifier", "period"}
        table.add_column(
            name,
            justify="right" if name == "value" else "left",
            no_wrap=fixed,
            max_width=28 if name == "section" else None,
        )
    for c in claims:
        table.add_row(
            c.section or "",
            c.text,
            format_value(c.value),
            c.unit,
            c.qualifier,
            str(c.period) if c.period else "",
            c.measure or "",
            c.subject or "",
        )
    return table


def wide_console() -> Console:
    """A console for tables: the terminal's width, or 200 columns when output is piped."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def claims_csv(claims: list[Claim]) -> str:
    """The claims as CSV, one row per claim, in the JSON contract's field names."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for c in claims:
        row = c.model_dump(mode="json")
        writer.writerow({k: "" if row[k] is None else row[k] for k in CSV_FIELDS})
    return out.getvalue()


@app.command("extract")
def extract_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A UTF-8 text document. Default: the embedded source report.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.table,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    title: Annotated[
        str | None, typer.Option("--title", help="Source title (default: the file name).")
    ] = None,
) -> None:
    """Extract every numeric claim of a document: value, unit, period, measure, subject, span."""
    path = file if file is not None else EMBEDDED_REPORT
    with warnings.catch_warnings():  # said once, below, as one line
        warnings.simplefilter("ignore", UnreadLanguageWarning)
        result = extract_file(path, title=title, max_bytes=max_bytes)
    if result.warning is not None:
        err_console.print(f"warning: {result.warning}", markup=False)
    if output_format is Format.json:
        typer.echo(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
    elif output_format is Format.csv:
        typer.echo(claims_csv(result.claims), nl=False)
    else:
        title_line = f"{result.source.title}: {len(result.claims)} claims"
        wide_console().print(claims_table(result.claims, title=title_line))
