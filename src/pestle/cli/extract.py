"""`pestle extract [FILE... | -] [--format json|jsonl|csv|table|xlsx]`: the numeric claims of
documents (`-` reads standard input). JSON: one document's object, or a list of one object
per document when several are given; JSON lines: one object per line."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pestle.cases import EMBEDDED_REPORT
from pestle.cli import app, err_console, terminal
from pestle.cli.output import printable
from pestle.cli.xlsx_out import OutOption, need_out, wrote
from pestle.errors import InputError, NumberTooLarge
from pestle.ingest.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the extractor compiles its grammars on import: load it when a command runs
    from pestle.ingest import Extraction
    from pestle.model import Claim


def csv_fields() -> tuple[str, ...]:
    """The claim's fields: the JSON contract, in its order (pydantic is loaded when a command
    runs, not for `pestle --help`)."""
    from pestle.model import Claim

    return tuple(Claim.model_fields)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    xlsx = "xlsx"


def format_value(value: float) -> str:
    """A value for people: thousands separators, up to 12 significant digits."""
    return format(value, ",.12g")


def claims_tables(claims: list[Claim], title: str | None = None) -> list[Text | Table]:
    """The claims for people, one table per section of the document: the value in its unit,
    scaled (35.6 GW, 472.9 billion yuan, more than 50 %), its period, measure and subject,
    and the text it was read from. Text from the document has its control characters
    escaped (`printable`)."""
    from pestle.present import format as fmt

    out: list[Text | Table] = [Text(printable(title), style="bold")] if title else []
    table: Table | None = None
    section: object = object()
    for c in claims:
        if table is None or c.section != section:
            section = c.section
            table = Table(
                title=printable(c.section or "(before the first heading)"),
                title_justify="left",
                title_style="italic",
                box=box.SIMPLE_HEAD,
                pad_edge=False,
            )
            table.add_column("value", justify="right")
            table.add_column("period")
            table.add_column("measure")
            table.add_column("subject")
            table.add_column("read from", style="dim")
            out.append(table)
        table.add_row(
            fmt.quantity(c.value, c.unit, c.qualifier),
            fmt.period(c.period) if c.period else "",
            printable(c.measure or ""),
            printable(c.subject or ""),
            printable(c.text),
        )
    return out


def wide_console(*, wide: bool = False) -> Console:
    """The console claims tables go to (see `terminal.console`)."""
    return terminal.console(wide=wide)


def claims_csv(claims: list[Claim]) -> str:
    """The claims as CSV, one row per claim, in the JSON contract's field names."""
    out = io.StringIO()
    fields = csv_fields()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for c in claims:
        row = c.model_dump(mode="json")
        writer.writerow({k: "" if row[k] is None else row[k] for k in fields})
    return out.getvalue()


def claims_csv_of(results: list[Extraction]) -> str:
    """The claims of several documents as one CSV, each row led by its document's title."""
    out = io.StringIO()
    fields = csv_fields()
    writer = csv.DictWriter(out, fieldnames=("document", *fields), lineterminator="\n")
    writer.writeheader()
    for r in results:
        for c in r.claims:
            row = c.model_dump(mode="json")
            cells = {k: "" if row[k] is None else row[k] for k in fields}
            writer.writerow({"document": r.source.title, **cells})
    return out.getvalue()


@app.command("extract")
def extract_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="UTF-8 text documents; - reads standard input. Default: the embedded "
            "source report.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.table,
    out: OutOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    title: Annotated[
        str | None, typer.Option("--title", help="Source title (default: the file name).")
    ] = None,
    corpus: Annotated[
        str | None,
        typer.Option(
            "--corpus",
            help="A folder or glob of documents: extract them all into a Parquet dataset "
            "(--out, default claims.parquet), on local processes or --scheduler.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --corpus: Dask scheduler address (tcp://HOST:8786) or 'local'.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="With --corpus: local worker processes [per CPU]."),
    ] = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="Tables as wide as they need, nothing folded or split.")
    ] = False,
) -> None:
    """Extract every numeric claim of documents: value, unit, period, measure, subject, span."""
    if corpus is not None:
        if files:
            raise InputError("--corpus extracts a folder or glob: give no FILE as well")
        _extract_corpus(corpus, out or Path("claims.parquet"), scheduler, workers)
        return
    if scheduler is not None or workers is not None:
        raise InputError("--scheduler and --workers go with --corpus")
    workbook = need_out(output_format, out)
    paths = files or [EMBEDDED_REPORT]
    if len(paths) > 1 and title is not None:
        raise InputError("--title names one document; give it with one FILE")
    results = [_extract(path, title, max_bytes) for path in paths]
    if workbook is not None:
        from pestle.export import document_workbook

        documents = [r.to_json_dict() for r in results]
        settings = {"documents": [d["source"]["title"] for d in documents]}
        title = "pestle extract"
        wrote(document_workbook("extract", documents, workbook, settings=settings, title=title))
    elif output_format is Format.json:
        entries = [r.to_json_dict() for r in results]
        body = entries[0] if len(entries) == 1 else entries
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    elif output_format is Format.jsonl:
        for r in results:
            typer.echo(json.dumps(r.to_json_dict(), ensure_ascii=False))
    elif output_format is Format.csv:
        if len(results) == 1:
            typer.echo(claims_csv(results[0].claims), nl=False)
        else:  # one table: the document's title first, then the claim's fields
            typer.echo(claims_csv_of(results), nl=False)
    else:
        for result in results:
            title_line = f"{result.source.title}: {len(result.claims)} claims"
            console = wide_console(wide=wide)
            for part in claims_tables(result.claims, title=title_line):
                console.print(part)


STDIN = Path("-")


def _extract_corpus(corpus: str, out: Path, scheduler: str | None, workers: int | None) -> None:
    from pestle.cli.output import check_out_folder
    from pestle.cli.results import step_progress
    from pestle.corpus import extract_corpus
    from pestle.executors import open_executor

    check_out_folder(out)
    with open_executor(scheduler, workers) as executor:
        result = extract_corpus(corpus, out, executor=executor, progress=step_progress("extract"))
    typer.echo(
        f"wrote {result.out}: {result.documents:,} documents in {result.parts:,} parts, "
        f"{result.claims:,} claims"
    )
    for name, reason in result.failed:
        typer.echo(f"skipped {printable(name)}: {printable(reason)}", err=True)


def _extract(path: Path, title: str | None, max_bytes: int) -> Extraction:
    """The claims of a file, or of standard input for `-` (same limits and errors)."""
    from pestle.ingest import Extraction, extract_file
    from pestle.ingest.extraction import read_claims
    from pestle.ingest.language import UnreadLanguageWarning
    from pestle.ingest.reader import decode_text

    if path != STDIN:
        try:
            with warnings.catch_warnings():  # said once, below, as one line
                warnings.simplefilter("ignore", UnreadLanguageWarning)
                result = extract_file(path, title=title, max_bytes=max_bytes)
        except NumberTooLarge as exc:  # the extractor knows the number, not the file
            raise NumberTooLarge(f"{path}: {exc}") from None
        if result.warning is not None:
            err_console.print(f"warning: {printable(result.warning)}", markup=False)
        return result
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"<stdin>: over the limit of {max_bytes} bytes; raise the limit with --max-bytes"
        )
    text = decode_text(data, "<stdin>")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnreadLanguageWarning)
        claims, language, message = read_claims(text, "<stdin>")
    if message is not None:
        err_console.print(f"warning: {printable(message)}", markup=False)
    from pestle.model import Source

    source = Source.from_text(text, title=title or "stdin", language=language.tag)
    return Extraction(source=source, claims=claims, warning=message)
