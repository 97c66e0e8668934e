"""`pestle check`: run the consistency checks on a case and show every finding.

Formatting only: the findings, their arithmetic and tolerances come from
`pestle.checks.run_checks`. Failed checks come first. `--strict` exits 1 when any check
with severity `error` fails.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from pestle.cli import app, terminal
from pestle.cli.xlsx_out import OutOption, need_out, wrote

STATUS_STYLE = {"fail": "bold red", "ambiguous": "magenta", "unknown": "yellow", "pass": "green"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
QUOTE_LIMIT = 110


class Format(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"


@app.command()
def check(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name (default: the embedded case)."),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table, json or xlsx.")] = (
        Format.table
    ),
    out: OutOption = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit with code 1 when any check of severity 'error' fails."),
    ] = False,
    wide: Annotated[
        bool, typer.Option("--wide", help="Tables as wide as they need, nothing folded or split.")
    ] = False,
) -> None:
    """Check the case's figures against each other and against reference data."""
    from pestle.cli.results import build

    workbook = need_out(format, out)
    report = build(case).findings  # the checks only: no other result is computed
    if workbook is not None:
        from pestle.export import document_workbook

        title = f"{report.case}: consistency checks"
        settings = {"case": report.case, "rules": list(report.rules)}
        wrote(
            document_workbook("checks", report.to_dict(), workbook, settings=settings, title=title)
        )
    elif format is Format.json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        console = terminal.console(wide=wide)
        console.print(_table(report))
        console.print(_summary(report.summary))
    if strict and report.has_errors:
        raise typer.Exit(1)


def _summary(summary: dict[str, int]) -> Text:
    text = Text(f"{summary['checks']} checks: ")
    text.append(f"{summary['pass']} pass", style=STATUS_STYLE["pass"])
    text.append(", ")
    text.append(f"{summary['fail']} fail", style=STATUS_STYLE["fail"])
    text.append(f" ({summary['errors']} error, {summary['warnings']} warning), ")
    text.append(f"{summary.get('ambiguous', 0)} ambiguous", style=STATUS_STYLE["ambiguous"])
    text.append(", ")
    text.append(f"{summary['unknown']} unknown", style=STATUS_STYLE["unknown"])
    merged = summary.get("findings", summary["checks"]) - summary["checks"]
    if merged > 0:
        text.append(f" (from {summary['findings']} findings)")
    return text


def _table(report: Any) -> Table:
    table = Table(
        title=f"pestle check: {report.case}",
        show_lines=True,
        expand=False,
        header_style="bold",
    )
    table.add_column("status", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("finding", overflow="fold", ratio=1)
    for finding in report.findings:
        table.add_row(
            Text(finding.status, style=STATUS_STYLE[finding.status]),
            Text(finding.severity, style=SEVERITY_STYLE[finding.severity]),
            _body(finding),
        )
    return table


def _line(label: str, value: str) -> Text:
    text = Text(f"{label}: ", style="dim")
    text.append(value)
    return text


def _body(finding: Any) -> Text:
    body = Text()
    body.append(finding.title, style="bold")
    body.append(f"  [{finding.id}]\n", style="dim cyan")
    body.append(finding.message)
    for label, figure in (("expected", finding.expected), ("actual", finding.actual)):
        if figure is not None:
            body.append("\n")
            body.append_text(_line(label, figure.text))
    if finding.tolerance is not None:
        body.append("\n")
        body.append_text(_line("tolerance", finding.tolerance.text))
    for reading in finding.readings:
        body.append("\n")
        benign = reading in getattr(finding, "benign_readings", ())
        body.append_text(_line("reading (not an error)" if benign else "reading", reading))
    for row in getattr(finding, "rows", ()):
        body.append("\n")
        body.append_text(_line("row", row.text))
    for member in getattr(finding, "members", ()):
        body.append("\n")
        body.append_text(_line("member", f"{member.title} [{member.id}] ({member.status})"))
    for item in finding.evidence:
        body.append("\n")
        body.append_text(_line("evidence", _evidence(item)))
    return body


def _short(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(item: Any) -> str:
    place = f"§ {item.section}" if item.section else (item.document or "document")
    return f"{place} [{item.start}:{item.end}]"


def _evidence(item: Any) -> str:
    if item.kind == "claim":
        quote = _short(item.quote) if item.quote else ""
        inside = f" in “{quote}”" if quote and quote != item.text else ""
        return f"{_where(item)} “{item.text}”{inside}"
    if item.kind == "passage":
        return f"{_where(item)} “{_short(item.text)}”"
    if item.kind == "reference":
        quality = f", quality {item.quality}" if item.quality else ""
        value = f" = {item.display}" if item.display else ""
        note = f"; {item.note}" if item.note and not item.display else ""
        return f"reference {item.series} {item.label}{value} ({item.source}{quality}){note}"
    shown = item.display if item.display else item.value
    value = "" if shown is None else f" = {shown}"
    return f"entity {item.entity}.{item.attribute or ''}{value} ({item.name})"
