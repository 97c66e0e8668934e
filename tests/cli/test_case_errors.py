"""A hand-edited case on the command line: exit code 2, one line naming the file, no
traceback, no report folder left behind (the edits the fuzz test found, end to end)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from case_edit import edit_line

ROOT = Path(__file__).resolve().parents[2]


def _edit_energy(case: Path) -> str:
    edit_line(case / "entities" / "energy.yaml", "capacity_each_w: 1.0e10", "capacity_each_w: x")
    return "energy.yaml"


def _linkage_not_utf8(case: Path) -> str:
    path = case / "linkage.yaml"
    path.write_bytes(path.read_bytes().replace(b"price_basis", b"price_\xe9basis", 1))
    return "linkage.yaml"


def _case_path_to_nothing(case: Path) -> str:
    edit_line(case / "case.yaml", "path: sources/source_report.txt", "path: sources/gone.txt")
    return "case.yaml"


def _parameter_deleted(case: Path) -> str:
    edit_line(case / "parameters.yaml", "  horizon_start:", "  horizon_begin:")
    return "parameters.yaml"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pestle", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("edit", "check_fails"),
    [
        (_case_path_to_nothing, True),
        (_edit_energy, False),  # `check` does not run the demand model; the report does
        (_linkage_not_utf8, False),
        (_parameter_deleted, False),
    ],
)
def test_an_edited_case_stops_each_command_with_one_line(
    case_copy: Path, tmp_path: Path, edit, check_fails: bool
) -> None:  # type: ignore[no-untyped-def]
    name = edit(case_copy)
    commands = [("report", str(case_copy), "--format", "md", "--out", "out", "--quiet")]
    if check_fails:
        commands.append(("check", str(case_copy)))
    for command in commands:
        done = _run(*command, cwd=tmp_path)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert "Traceback" not in done.stdout + done.stderr
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("error: ") and name in lines[0], lines[0]
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]
