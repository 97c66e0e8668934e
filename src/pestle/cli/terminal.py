"""The console every command prints its tables to, at the width the reader has.

Width: the terminal's when output goes to one; `COLUMNS` when it is set (also when piped:
`COLUMNS=80 pestle analyze | less`); 100 columns when piped without it (Rich would assume
80, which folds wide tables needlessly in files and CI logs); `wide=True` (`--wide`) gives
every table all the room it wants. Tables are laid out for 80 columns and up (see
`tests/cli/test_widths.py`).
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

PIPE_WIDTH = 100
WIDE = 400


def width(*, wide: bool = False) -> int | None:
    """The width tables are laid out for (None: ask the terminal)."""
    if wide:
        return WIDE
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and 20 <= int(columns) <= 1_000:
        return int(columns)
    return None if sys.stdout.isatty() else PIPE_WIDTH


def console(*, wide: bool = False, soft_wrap: bool = False) -> Console:
    """A stdout console at `width`; long text without spaces folds (soft_wrap=False)."""
    return Console(highlight=False, width=width(wide=wide), soft_wrap=soft_wrap)
