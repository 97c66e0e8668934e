"""Shared pieces of the hostile-input suite: hostile texts and a case copy to plant them in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"


@pytest.fixture()
def hostile_case(tmp_path: Path) -> Path:
    """A copy of the embedded case for a test to plant hostile files in."""
    target = tmp_path / "case"
    shutil.copytree(CASE_DIR, target)
    return target
