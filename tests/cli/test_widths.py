"""The terminal at 80 and 100 columns: no line wider than the terminal, no table cell
squeezed to a letter a line, no boxed table cropped at its right edge."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from cli_run import Run

COMMANDS = {
    "analyze": ["analyze", "--samples", "1000"],
    "check": ["check"],
    "demand": ["demand", "--samples", "1000", "--sobol-samples", "256"],
    "extract": ["extract"],
    "sweep": ["sweep", "--grid", "blade_mass_t_per_mw=10,14", "--samples", "500", "--workers", "1"],
}
BARS = "│┃║"


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def stacked(lines: list[str]) -> list[int]:
    """Lines where a cell holds one letter and the same column holds one letter on the next
    two lines: a label folded a character a line."""
    found = []
    for i in range(len(lines) - 2):
        for start, token in _cells(lines[i]):
            if len(token) != 1 or not token.isalpha():
                continue
            below = [[t for s, t in _cells(lines[j]) if s == start] for j in (i + 1, i + 2)]
            if all(b and len(b[0]) == 1 and b[0].isalpha() for b in below):
                found.append(i + 1)
    return found


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_tables_fit_the_terminal(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    args = COMMANDS[command] + (["--out", str(tmp_path / "s")] if command == "sweep" else [])
    code, out, err = cli(*args)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) > 5
    assert [i for i, line in enumerate(lines) if cell_len(line.rstrip()) > width] == []
    assert stacked(lines) == []
    cropped = [
        i
        for i, line in enumerate(lines)
        if line.strip()[:1] in BARS and line.rstrip()[-1:] not in BARS
    ]
    assert cropped == []
    # a borderless table's rule (" ───── ") reaching the edge was cut there
    rules = [
        i
        for i, line in enumerate(lines)
        if line.startswith(" ─") and set(line.strip()) == {"─"} and cell_len(line.rstrip()) >= width
    ]
    assert rules == []


def test_the_checker_finds_a_folded_label() -> None:
    folded = [" i   12.5 ", " n        ", " d        ", " u        "]
    assert stacked(folded) == [1, 2]
