"""`pestle report`: build the HTML, PDF and Markdown report of a case."""

from __future__ import annotations

import gc
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from pestle.cli import app
from pestle.cli.output import check_out_folder
from pestle.errors import InputError
from pestle.present.i18n import LANGUAGES
from pestle.results import defaults

if TYPE_CHECKING:
    from pestle.results.settings import Settings

console = Console(highlight=False, soft_wrap=True)

# the report's languages as a choice Typer checks (a wrong --lang is a usage error, exit 2)
Lang = Enum("Lang", {code: code for code in LANGUAGES}, type=str)  # type: ignore[misc]


class _Progress:
    """One line per stage: a spinner while it runs (on a terminal), its time when done."""

    def __init__(self) -> None:
        self.status = None

    def stop(self) -> None:
        """End the running stage's spinner (also one a failed stage left running)."""
        if self.status is not None:
            self.status.stop()
            self.status = None

    def __call__(self, stage: str, event: str, seconds: float | None) -> None:
        if event == "start":
            if console.is_terminal:
                self.status = console.status(f"{stage} …")
                self.status.start()
            return
        self.stop()
        console.print(f"[green]✓[/green] {stage:<14} {seconds or 0.0:6.2f} s")


@app.command()
def report(
    case: Annotated[
        str | None,
        typer.Argument(help="Case folder or embedded case name (default: the embedded case)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("report"),
    format: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated formats: html, pdf, md, docx.")
    ] = "html,pdf,md",
    scenario: Annotated[
        str | None,
        typer.Option("--scenario", "-s", help="Demand scenario to present (default: the first)."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Fix a demand-model parameter: NAME=VALUE (repeatable)."),
    ] = None,
    samples: Annotated[
        int | None,
        typer.Option("--samples", "-n", help=f"Monte Carlo samples [{defaults.SAMPLES:,}]."),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help=f"Random seed [{defaults.SEED}].")
    ] = None,
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang",
            help="Language of the report's words and number formats (zh: Chinese).",
        ),
    ] = Lang.en,  # type: ignore[attr-defined]
    pdf_engine: Annotated[
        str | None,
        typer.Option(
            "--pdf-engine",
            help="What lays out the PDF: auto (Chromium if one is found, else WeasyPrint), "
            "chromium or weasyprint [auto, or $PESTLE_PDF_ENGINE].",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the paths of the files built.")
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            "-w",
            help="Stay up and rebuild each time a file of the case is saved (Ctrl-C stops).",
        ),
    ] = False,
) -> None:
    """Build a self-contained HTML, a PDF and Markdown of the whole analysis."""
    from pestle.case.parameters_file import parse_assignment
    from pestle.report.build import build_report, parse_formats
    from pestle.results.settings import Settings

    overrides = dict(parse_assignment(item) for item in set_ or [])
    settings = Settings.of(scenario=scenario, samples=samples, seed=seed, overrides=overrides)
    check_out_folder(out)  # an unwritable --out is one line before a minute of work
    if watch:
        if "pdf" in parse_formats(format):  # a bad --format or engine: an error at once
            from pestle.report.pdf_engine import choose

            choose(pdf_engine)
        _watch(case, out, format, settings, quiet, lang.value, pdf_engine)
        return
    try:
        result = build_report(
            case=case,
            out=out,
            formats=format,
            settings=settings,
            progress=None if quiet else _Progress(),
            lang=lang.value,
            pdf_engine=pdf_engine,
        )
    except OSError as exc:  # e.g. the disk filled up while writing: one line, not a traceback
        raise InputError(
            f"out: {out}: cannot write ({exc.strerror or exc})", parameter="out"
        ) from None

    if not quiet:
        console.print(f"[bold]report built[/bold] in {result.total_seconds:.2f} s")
    for path in result.files.values():
        typer.echo(str(path))
    # The command is done and the process ends: without this, the garbage collector walks
    # every object of the analyses once more at exit (about 0.4 s).
    gc.freeze()


def _watch(
    case: str | None,
    out: Path,
    formats: str,
    settings: Settings,
    quiet: bool,
    lang: str = "en",
    pdf_engine: str | None = None,
) -> None:
    from pestle.report.watch import Rebuild, watch_report

    progress = None if quiet else _Progress()

    def changed(paths: tuple[Path, ...]) -> None:
        if not quiet:
            names = ", ".join(p.name for p in paths[:3])
            more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
            console.print(f"[bold]changed[/bold] {names}{more}")

    def show(build: Rebuild) -> None:
        if progress is not None:
            progress.stop()
        if build.error is not None:
            # the report on disk is still the last good build (builds are atomic)
            console.print(f"[red]error:[/red] {build.error}")
            console.print("[yellow]report not rebuilt; fix the file and save it again[/yellow]")
        elif build.result is not None:
            if quiet:
                for path in build.result.files.values():
                    typer.echo(str(path))
            else:
                console.print(
                    f"[bold]report built[/bold] in {build.result.total_seconds:.2f} s: "
                    f"{build.result.out}"
                )
        if not quiet:
            console.print("[dim]watching the case for changes (Ctrl-C stops)[/dim]")

    try:
        watch_report(
            case,
            out,
            formats=formats,
            settings=settings,
            on_build=show,
            on_change=changed,
            progress=progress,
            lang=lang,
            pdf_engine=pdf_engine,
        )
    except KeyboardInterrupt:
        if not quiet:
            console.print("stopped watching")
