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
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

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


LABEL_MIN = 14  # a text column keeps room for a word or two when a table is squeezed


def _plain(cell: Any) -> str:
    """A cell's text as shown (markup such as [dim] taken out)."""
    if isinstance(cell, Text):
        return cell.plain
    try:
        return Text.from_markup(str(cell)).plain
    except Exception:  # rich.errors.MarkupError: text that only looks like markup
        return str(cell)


def fit(table: Table) -> Table:
    """Lay a table out for narrow terminals: a column's values never break (its header may
    wrap at spaces instead), and a text column keeps `LABEL_MIN` characters or its longest
    word, so Rich squeezes the wide columns rather than stacking a label one letter a line."""
    for column in table.columns:
        cells = [_plain(c) for c in column.cells]
        if not cells:
            continue
        if column.justify == "right":  # numbers: as wide as the widest value, header wraps
            widest = max(max(cell_len(line) for line in c.splitlines() or [""]) for c in cells)
            header_word = max((cell_len(w) for w in _plain(column.header).split()), default=0)
            column.no_wrap = False
            column.min_width = max(column.min_width or 0, widest, header_word)
        else:
            longest_word = max((cell_len(w) for c in cells for w in c.split()), default=0)
            column.min_width = max(column.min_width or 0, min(LABEL_MIN, longest_word))
    return table


def _part(table: Table, keep: list[int], title: str | None) -> Table:
    """A copy of `table` with the columns `keep` (their cells, rows' styles and sections)."""
    part = Table(
        title=title,
        title_justify=table.title_justify,
        title_style=table.title_style,
        header_style=table.header_style,
        box=table.box,
        pad_edge=table.pad_edge,
        show_header=table.show_header,
        show_lines=table.show_lines,
    )
    for i in keep:
        c = table.columns[i]
        part.add_column(
            c.header, justify=c.justify, no_wrap=c.no_wrap, overflow=c.overflow,
            min_width=c.min_width, style=c.style, header_style=c.header_style,
        )  # fmt: skip
    cells = [list(table.columns[i].cells) for i in keep]
    for r, row in enumerate(table.rows):
        part.add_row(*(col[r] for col in cells), style=row.style, end_section=row.end_section)
    return part


def _overhead(table: Table) -> int:
    """Columns' padding and the box's rules: what a table takes beyond its cells' text."""
    return table._extra_width + sum(table._get_padding_width(i) for i in range(len(table.columns)))


def _natural(column: Any) -> int:
    lines = [line for c in column.cells for line in _plain(c).splitlines()]
    return max([cell_len(_plain(column.header)), *(cell_len(line) for line in lines)])


def set_widths(table: Table, room: int) -> None:
    """Give every column of a table too wide for `room` an explicit width: each starts at its
    natural width and the one with the most to spare above its least width (`fit`) gives a
    character until the table fits. Rich, left to share out a squeeze itself, stops at a
    column's minimum and crops the table's right edge instead."""
    columns = table.columns
    widths = [_natural(c) for c in columns]
    least = [min(c.min_width or 1, w) for c, w in zip(columns, widths, strict=True)]
    excess = sum(widths) + _overhead(table) - room
    while excess > 0:
        i = max(range(len(columns)), key=lambda k: widths[k] - least[k])
        if widths[i] <= least[i]:
            break  # cannot shrink further: `split` keeps this from happening
        widths[i] -= 1
        excess -= 1
    if sum(widths) + _overhead(table) <= room or excess <= 0:
        for column, w in zip(columns, widths, strict=True):
            column.width = w


def split(table: Table, console: Console) -> list[Table]:
    """The table as it is when it fits the console, else as several tables that do: each
    repeats the first (key) column and takes as many of the others, in order, as fit."""
    room = console.options.max_width

    def fits(t: Table) -> bool:  # at every column's least width (`fit`)
        return sum(c.min_width or 1 for c in t.columns) + _overhead(t) <= room

    if len(table.columns) <= 2 or fits(table):
        return [table]
    parts: list[list[int]] = [[0]]
    for i in range(1, len(table.columns)):
        if fits(_part(table, [*parts[-1], i], None)) or len(parts[-1]) == 1:
            parts[-1].append(i)
        else:
            parts.append([0, i])
    total = len(parts)
    out = []
    for k, keep in enumerate(parts, start=1):
        title = table.title
        text = title.plain if isinstance(title, Text) else str(title or "")
        out.append(_part(table, keep, f"{text} ({k}/{total})" if text else None))
    return out


class TableConsole(Console):
    """A console that fits every table it prints (`fit`), in parts when it is too wide for
    the width (`split`: fewer columns per table rather than cropped ones)."""

    def print(self, *objects: Any, **options: Any) -> None:
        laid_out: list[Any] = []
        for item in objects:
            if isinstance(item, Table):
                for part in split(fit(item), self):
                    if self.options.max_width < WIDE:
                        set_widths(part, self.options.max_width)
                    laid_out.append(part)
            else:
                laid_out.append(item)
        if len(laid_out) == len(objects):
            super().print(*laid_out, **options)
            return
        for item in laid_out:  # one table a call: each part starts on its own line
            super().print(item, **options)


def console(*, wide: bool = False, soft_wrap: bool = False) -> Console:
    """A stdout console at `width` that fits its tables; long text without spaces folds
    (soft_wrap=False)."""
    return TableConsole(highlight=False, width=width(wide=wide), soft_wrap=soft_wrap)
