"""`pestle report`: build the HTML, PDF and Markdown report of a case."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pestle.cli import app

console = Console(highlight=False, soft_wrap=True)


class _Progress:
    """One line per stage: a spinner while it runs (on a terminal), its time when done."""

    def __init__(self) -> None:
        self.status = None

    def __call__(self, stage: str, event: str, seconds: float | None) -> None:
        if event == "start":
            if console.is_terminal:
                self.status = console.status(f"{stage} …")
                self.status.start()
            return
        if self.status is not None:
            self.status.stop()
            self.status = None
        console.print(f"[green]✓[/green] {stage:<14} {seconds or 0.0:6.2f} s")


@app.command()
def report(
    case: Annotated[
        str | None,
        typer.Argument(
            help="Case folder or embedded case name (default: the embedded Xinjiang case)."
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("report"),
    format: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated formats: html, pdf, md.")
    ] = "html,pdf,md",
    scenario: Annotated[
        str | None,
        typer.Option("--scenario", "-s", help="Demand scenario to present (default: the first)."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Fix a demand-model parameter: NAME=VALUE (repeatable)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the paths of the files built.")
    ] = False,
) -> None:
    """Build a self-contained HTML, a PDF and Markdown of the whole analysis."""
    from pestle.model.parameter import parse_assignment
    from pestle.report.build import build_report

    result = build_report(
        case=case,
        out=out,
        formats=format,
        scenario=scenario,
        progress=None if quiet else _Progress(),
        overrides=dict(parse_assignment(item) for item in set_ or []),
    )
    if not quiet:
        console.print(f"[bold]report built[/bold] in {result.total_seconds:.2f} s")
        for module in result.missing:
            console.print(f"[yellow]waiting for {module}[/yellow] (its sections say so)")
    for path in result.files.values():
        typer.echo(str(path))
    # The command is done and the process ends: without this, the garbage collector walks
    # every object of the analyses once more at exit (about 0.4 s).
    gc.freeze()
