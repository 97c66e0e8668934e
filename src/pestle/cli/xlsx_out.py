"""`--format xlsx --out FILE`, shared by the commands that print tables: the workbook is
written by `pestle.export` from the JSON document the command prints with `--format json`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pestle.errors import InputError

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="File to write (needed by --format xlsx).", show_default=False
    ),
]


def need_out(fmt: str, out: Path | None) -> Path | None:
    """The workbook's path when the format is xlsx (an error without one), else None."""
    if fmt != "xlsx":
        return None
    if out is None:
        raise InputError("--format xlsx writes a workbook: give its file with --out FILE.xlsx")
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"--out {out}: a workbook's name ends in .xlsx")
    return out


def wrote(path: Path) -> None:
    typer.echo(f"wrote {path}")
