"""The `pestle` command line: one entry point, thin commands over library functions.

Each command lives in its own module of this package and is registered below. A command
parses options, calls one library function, and formats the result; no arithmetic here.
User errors (`PestleError`) are caught once, in `main`, and printed as one line (exit 2).
"""

from __future__ import annotations

import gc
import re
import sys
import warnings
from typing import Annotated

import typer
from rich.console import Console

from pestle import collector
from pestle.cli.output import printable
from pestle.errors import PestleError

app = typer.Typer(
    name="pestle",
    help="A regional industry's PESTLE analysis as a checked, quantified, reproducible model.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        from pestle import __version__

        typer.echo(f"pestle {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A regional industry's PESTLE analysis as a checked, quantified, reproducible model."""


def _register() -> None:
    # Explicit registry (STYLE.md): each module adds its commands to `app`.
    # Keep one import per line so parallel work on commands does not collide.
    from pestle.cli import analyze as _analyze  # noqa: F401
    from pestle.cli import check as _check  # noqa: F401
    from pestle.cli import db as _db  # noqa: F401
    from pestle.cli import demand as _demand  # noqa: F401
    from pestle.cli import demo as _demo  # noqa: F401
    from pestle.cli import extract as _extract  # noqa: F401
    from pestle.cli import init as _init  # noqa: F401
    from pestle.cli import report as _report  # noqa: F401
    from pestle.cli import schema as _schema  # noqa: F401
    from pestle.cli import serve as _serve  # noqa: F401
    from pestle.cli import sweep as _sweep  # noqa: F401


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a `PestleError` becomes one line on stderr and exit code 2.

    Typer runs in standalone mode, so usage errors and `typer.Exit` are handled (and
    exit) the usual click way; only our own errors need catching here. Without `argv` (the
    `pestle` command, `python -m pestle`) the process ends after the command: see `_ending`.
    """
    try:
        with collector.seldom(), warnings.catch_warnings():
            warnings.showwarning = _one_line  # e.g. a document in a language not read
            app(args=argv, prog_name="pestle")
    except PestleError as exc:
        # a message may quote stored or given text: no control character reaches the terminal
        err_console.print(f"error: {printable(flag_wording(exc))}", markup=False)
        sys.exit(2)
    finally:
        if argv is None:
            _ending()


def _ending() -> None:
    """The process is about to exit: keep its exit from searching every object the command
    made for reference cycles. The interpreter's exit collects garbage over the whole heap
    only to free memory the system takes back anyway: about 0.07 s of CPU after `pestle
    check` and 0.27 s after an `analyze` that computed every result, on the 2-core
    reference machine (A/B against exiting without this); frozen objects are not searched
    (`gc.freeze`). Objects still free themselves by reference counting, and exit handlers
    run as before."""
    gc.freeze()


def _one_line(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
    """A warning of pestle's as one line on stderr ("warning: ..."), no source location."""
    err_console.print(f"warning: {message}", markup=False)


# the flag of each library parameter a command takes (the library's errors name parameters)
FLAGS = {
    "samples": "--samples",
    "seed": "--seed",
    "scenario": "--scenario",
    "overrides": "--set",
    "sobol_samples": "--sobol-samples",
    "draws": "--draws",
    "formats": "--format",
    "grid": "--grid",
    "seeds": "--seeds",
    "scheduler": "--scheduler",
    "workers": "--workers",
    "out": "--out",
    "corpus": "--corpus",
    "parquet": "--parquet",
    "sweep": "--sweep",
    "documents": "--from",
    "pdf_engine": "--pdf-engine",
}


def flag_wording(exc: PestleError) -> str:
    """The error's message with the parameter it names worded as the command's flag."""
    message = str(exc)
    flag = FLAGS.get(exc.parameter or "")
    if flag is None:
        return message
    lead = f"{exc.parameter}: "
    if message.startswith(lead):
        rest = message[len(lead) :]
        # "overrides: wind: unknown ..." -> "--set wind: unknown ..."; else "--samples: ..."
        return f"{flag} {rest}" if re.match(r"[\w.]+: ", rest) else f"{flag}: {rest}"
    return f"{flag}: {message}"
