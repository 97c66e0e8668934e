"""`pestle init DIR [--from DOC ...]`: start a case folder.

Without documents, DIR gets a copy of the embedded case (read from the installed package);
with documents, a draft case (`pestle.draft.draft_case`). Formatting only: what was written
and what could not be placed, then the next command to run.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pestle.cli import app

UNPLACED_SHOWN = 20


class Language(StrEnum):
    en = "en"
    zh = "zh"


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="New (or empty) folder for the case.")],
    documents: Annotated[
        list[Path] | None,
        typer.Argument(
            help="With --from: the UTF-8 text documents to draft from.", show_default=False
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option("--from", help="Draft the case from the documents that follow (DOC ...)."),
    ] = False,
    region: Annotated[str | None, typer.Option(help="Region the case is about.")] = None,
    industry: Annotated[str, typer.Option(help="Target industry.")] = "composite materials",
    lang: Annotated[Language, typer.Option("--lang", help="Language of the documents.")] = (
        Language.en
    ),
    lexicon: Annotated[
        Path | None, typer.Option(help="Lexicon file (default: pestle's own lexicon.yaml).")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Start a case: a copy of the embedded case, or a draft from documents (--from)."""
    from pestle.draft import copy_embedded, draft_case
    from pestle.errors import InputError

    console = Console(highlight=False, soft_wrap=True)  # paths and commands stay whole
    if draft != bool(documents):
        raise InputError(
            "give the documents after --from (pestle init DIR --from A.txt B.txt)"
            if draft
            else "documents need --from before them (pestle init DIR --from A.txt B.txt)",
            parameter="documents",
        )
    if not documents:
        files = copy_embedded(folder)
        console.print(f"copied the embedded case to {folder} ({len(files)} files)")
        console.print(f"next: pestle report {folder}")
        return
    summary = draft_case(
        folder, documents, region=region, industry=industry, language=lang.value, lexicon=lexicon
    )
    if json_output:
        typer.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Drafted in {folder}", title_justify="left")
    table.add_column("file")
    table.add_column("items", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, str(count))
    for name in summary.template_files:
        table.add_row(name, "template")
    console.print(table)
    console.print(
        f"claims: {summary.claims}, linked to a checked quote: {summary.linked} "
        f"({summary.linked_share:.0%}); every drafted item is marked draft: true"
    )
    if summary.unplaced:
        console.print(f"not placed ({len(summary.unplaced)}):")
        for item in summary.unplaced[:UNPLACED_SHOWN]:
            console.print(
                f"  {item.document} / {item.section or '-'}: {item.text!r}: {item.reason}",
                markup=False,
            )
        if len(summary.unplaced) > UNPLACED_SHOWN:
            console.print(f"  ... and {len(summary.unplaced) - UNPLACED_SHOWN} more (--json)")
    console.print(f"next: {summary.next_command}")
