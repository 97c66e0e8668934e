"""Shared fixtures."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from cli_run import Run, exit_code

ROOT = Path(__file__).resolve().parents[1]

# The tests' own on-disk cache (results, SVGs, PDF parts), never the user's; shared by the
# session so that results computed once are reused, as they are for a user.
os.environ.setdefault("PESTLE_CACHE", tempfile.mkdtemp(prefix="pestle-test-cache-"))
CASE_DIR = ROOT / "src" / "pestle" / "cases" / "xinjiang_composites"
SOURCE_REPORT = CASE_DIR / "sources" / "source_report.txt"


@pytest.fixture(scope="session")
def source_report_path() -> Path:
    return SOURCE_REPORT


@pytest.fixture(scope="session")
def source_report_text() -> str:
    return SOURCE_REPORT.read_text(encoding="utf-8")


@pytest.fixture()
def case_copy(tmp_path: Path) -> Path:
    """A copy of the embedded case folder that a test may edit."""
    target = tmp_path / "xinjiang_copy"
    shutil.copytree(CASE_DIR, target)
    return target


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """`cli("sweep", "--grid", ...)` -> (exit code, stdout, stderr) of `pestle ...`."""

    def run(*args: str) -> tuple[int, str, str]:
        code = exit_code(args)
        out, err = capsys.readouterr()
        return code, out, err

    return run
